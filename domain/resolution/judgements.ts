// Judgements about pairs of people — same, different, unsure — and the clusters they make. A
// judgement is data: one line of an append-only log (who, when, which pair, what, why); the latest
// line about a pair is what holds, and `undo` withdraws it. Clusters are the connected groups of
// `same` pairs. A `different` pair can never end up in one cluster: a `same` that would join them is
// refused, as is a `different` between two people another chain of `same` still joins. Pure: no I/O.
import { z } from 'zod';
import { nameParts } from './names.ts';

export const VERDICTS = ['same', 'different', 'unsure'] as const;
export type Verdict = (typeof VERDICTS)[number];

const personId = z
  .string()
  .regex(/^person:\S+$/, 'a person id (person:…)')
  .max(300);

export const judgementSchema = z
  .object({
    a: personId,
    b: personId,
    verdict: z.enum([...VERDICTS, 'undo']),
    by: z.string().trim().min(1, 'who judged').max(100),
    at: z.string().datetime({ offset: true, message: 'an ISO 8601 date-time' }),
    note: z.string().max(1000).optional(),
  })
  .strict()
  .refine((j) => j.a !== j.b, { message: 'a and b must be two different people', path: ['b'] });

export type JudgementEntry = z.infer<typeof judgementSchema>;
export type Judgement = JudgementEntry & { verdict: Verdict };

/** The canonical form of a pair: a < b. */
export function ordered<T extends { a: string; b: string }>(entry: T): T {
  return entry.a < entry.b ? entry : { ...entry, a: entry.b, b: entry.a };
}

export const pairOf = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** What holds after a log: the latest judgement per pair (an undo removes it). */
export function currentJudgements(log: Iterable<JudgementEntry>): Map<string, Judgement> {
  const state = new Map<string, Judgement>();
  for (const raw of log) {
    const entry = ordered(raw);
    const key = pairOf(entry.a, entry.b);
    if (entry.verdict === 'undo') state.delete(key);
    else state.set(key, entry as Judgement);
  }
  return state;
}

/** Connected groups of people joined by `same` judgements (only groups of two or more). */
export function sameGroups(judgements: Iterable<Pick<Judgement, 'a' | 'b' | 'verdict'>>): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const j of judgements) {
    if (j.verdict !== 'same') continue;
    for (const id of [j.a, j.b]) if (!parent.has(id)) parent.set(id, id);
    const [ra, rb] = [find(j.a), find(j.b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
}

/**
 * Why `entry` cannot be applied to `state`, or null when it can. Checked before anything is written,
 * so the log never holds a contradiction.
 */
export function conflictOf(state: ReadonlyMap<string, Judgement>, entry: JudgementEntry): string | null {
  const key = pairOf(entry.a, entry.b);
  if (entry.verdict === 'undo') return state.has(key) ? null : `there is no judgement about ${entry.a} and ${entry.b} to undo`;
  const others = [...state.entries()].filter(([k]) => k !== key).map(([, j]) => j);
  const groupOf = (id: string, judgements: Judgement[]) => sameGroups(judgements).find((g) => g.includes(id)) ?? [id];
  if (entry.verdict === 'same') {
    const joined = new Set([...groupOf(entry.a, others), ...groupOf(entry.b, others)]);
    const blocking = others.find((j) => j.verdict === 'different' && joined.has(j.a) && joined.has(j.b));
    if (blocking) {
      return `${entry.a} and ${entry.b} cannot be one person: ${blocking.a} and ${blocking.b} were judged different (by ${blocking.by}, ${blocking.at}); undo that first`;
    }
    return null;
  }
  if (entry.verdict === 'different') {
    const group = groupOf(entry.a, others);
    if (group.includes(entry.b)) {
      return `${entry.a} and ${entry.b} are one cluster through other "same" judgements (${group.join(', ')}); undo those first`;
    }
  }
  return null;
}

export interface MemberInfo {
  id: string;
  name: string;
  /** True when the person comes from articles (curated or ingested) rather than an import only. */
  fromArticles: boolean;
}

/**
 * The member a cluster is named after: the fullest name (most words, then initials), then a person
 * from the articles over one only imported, then the smallest id — so the choice does not depend on
 * the order judgements were made.
 */
export function canonicalMember(members: readonly MemberInfo[]): MemberInfo {
  const weight = (m: MemberInfo) => {
    const parts = nameParts(m.name);
    return [parts.words.length, parts.initials.length, m.fromArticles ? 1 : 0];
  };
  return [...members].sort((x, y) => {
    const [wx, wy] = [weight(x), weight(y)];
    for (let i = 0; i < wx.length; i++) if (wx[i] !== wy[i]) return wy[i]! - wx[i]!;
    return x.id.localeCompare(y.id);
  })[0]!;
}

export const CLUSTER_PREFIX = 'person:cluster:';

/** A cluster's id: its canonical member's, marked as a cluster ("person:cluster:bola-ahmed-tinubu"). */
export function clusterIdOf(memberId: string): string {
  return CLUSTER_PREFIX + memberId.slice('person:'.length);
}

/** The member a cluster id was named after ("person:cluster:x" → "person:x"), or null for another id. */
export function memberOfClusterId(id: string): string | null {
  return id.startsWith(CLUSTER_PREFIX) ? `person:${id.slice(CLUSTER_PREFIX.length)}` : null;
}
