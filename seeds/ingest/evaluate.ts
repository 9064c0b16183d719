// Compares a drafted fact file with a curated one, category by category. Matching rules:
// - people, organisations: the same id, or a full name/alias in common after folding (case,
//   diacritics, punctuation, and the word "the" ignored); a bare one-word alias does not match.
// - countries: the same ISO code.
// - events: compatible kinds (equal, or meeting/talks, which editors use interchangeably) and quotes
//   that overlap in the article (the drafted event is told by the same sentence).
// - meeting pairs: unordered pairs of people present (any role but "mentioned") at a held event of a
//   meeting kind (MEETING_KINDS), plus heads of delegations inferred as the graph does
//   (cypher/infer-delegation-heads.cypher); drafted people are first mapped to curated ids.
// - agreements: the same kind and overlapping quotes; a different status counts as a miss and a
//   false positive.
// Each curated fact matches at most one drafted fact (greedy, in file order).
import { foldName } from '../../domain/gazetteer.ts';
import { MEETING_KINDS } from '../../domain/model.ts';
import type { FactFile } from '../../domain/fact-schema.ts';
import { locateQuote, type Span } from '../../domain/source-text.ts';

export const CATEGORIES = ['people', 'organizations', 'countries', 'events', 'meeting pairs', 'agreements'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryResult {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  falsePositives: string[];
}

export type Comparison = Record<Category, CategoryResult>;

const fold = (name: string) =>
  foldName(name)
    .split(' ')
    .filter((w) => w !== 'the')
    .join(' ');

function namesOf(entity: { id: string; name: string; aliases: readonly string[] }): Set<string> {
  return new Set([entity.name, ...entity.aliases].filter((n) => /\s/.test(n.trim()) || n === entity.name).map(fold));
}

function matchByName<T extends { id: string; name: string; aliases: string[] }>(
  gold: T[],
  draft: T[],
): { pairs: Map<string, string>; result: CategoryResult } {
  const pairs = new Map<string, string>();
  const used = new Set<number>();
  const misses: string[] = [];
  for (const g of gold) {
    const gNames = namesOf(g);
    const index = draft.findIndex((d, i) => !used.has(i) && (d.id === g.id || [...namesOf(d)].some((n) => gNames.has(n))));
    if (index >= 0) {
      used.add(index);
      pairs.set(draft[index]!.id, g.id);
    } else misses.push(`${g.id} (${g.name})`);
  }
  const falsePositives = draft.filter((_, i) => !used.has(i)).map((d) => `${d.id} (${d.name})`);
  return { pairs, result: { tp: used.size, fp: falsePositives.length, fn: misses.length, misses, falsePositives } };
}

const quotesOf = (q: string | string[]) => (Array.isArray(q) ? q : [q]);
function spans(text: string, q: string | string[]): Span[] {
  return quotesOf(q)
    .map((x) => locateQuote(text, x))
    .filter((s): s is Span => s !== null);
}
const overlap = (a: Span[], b: Span[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

const TALK = new Set(['meeting', 'talks']);
const compatibleKinds = (a: string, b: string) => a === b || (TALK.has(a) && TALK.has(b));

function matchByQuote<T extends { id: string; kind: string; quote: string | string[] }>(
  text: string,
  gold: T[],
  draft: T[],
  extra: (g: T, d: T) => boolean = () => true,
  describe: (x: T) => string = (x) => `${x.id} (${x.kind})`,
): CategoryResult {
  const used = new Set<number>();
  const misses: string[] = [];
  for (const g of gold) {
    const gSpans = spans(text, g.quote);
    const index = draft.findIndex(
      (d, i) => !used.has(i) && compatibleKinds(g.kind, d.kind) && overlap(gSpans, spans(text, d.quote)) && extra(g, d),
    );
    if (index >= 0) used.add(index);
    else misses.push(describe(g));
  }
  const falsePositives = draft.filter((_, i) => !used.has(i)).map(describe);
  return { tp: used.size, fp: falsePositives.length, fn: misses.length, misses, falsePositives };
}

/** Pairs of people who met, as the loader derives MET (including the delegation-head rule). */
export function meetingPairs(facts: FactFile, mapId: (id: string) => string = (id) => id): Set<string> {
  const byId = new Map(facts.events.map((e) => [e.id, e]));
  const meetingKinds: readonly string[] = MEETING_KINDS;
  const pairs = new Set<string>();
  for (const e of facts.events) {
    if (e.status !== 'held' || !meetingKinds.includes(e.kind)) continue;
    const present = new Set(e.participants.filter((p) => p.role !== 'mentioned' && p.who.startsWith('person:')).map((p) => p.who));
    const visit = e.partOf ? byId.get(e.partOf) : undefined;
    for (const d of e.participants.filter((p) => p.delegation)) {
      for (const h of visit?.participants ?? [])
        if (h.role === 'head_of_delegation' && h.represents === d.who && h.who.startsWith('person:')) present.add(h.who);
    }
    const list = [...present].map(mapId).sort();
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) if (list[i] !== list[j]) pairs.add(`${list[i]} + ${list[j]}`);
  }
  return pairs;
}

function setResult(gold: Set<string>, draft: Set<string>): CategoryResult {
  const misses = [...gold].filter((x) => !draft.has(x));
  const falsePositives = [...draft].filter((x) => !gold.has(x));
  return { tp: gold.size - misses.length, fp: falsePositives.length, fn: misses.length, misses, falsePositives };
}

export function compareFacts(text: string, gold: FactFile, draft: FactFile): Comparison {
  const people = matchByName(gold.people, draft.people);
  const orgs = matchByName(gold.organizations, draft.organizations);
  const countries = setResult(new Set(gold.countries.map((c) => c.id)), new Set(draft.countries.map((c) => c.id)));
  const events = matchByQuote(
    text,
    gold.events,
    draft.events.map((e) => ({ ...e, quote: [...quotesOf(e.quote), ...(e.date ? quotesOf(e.date.quote) : [])] })),
  );
  const pairs = setResult(
    meetingPairs(gold),
    meetingPairs(draft, (id) => people.pairs.get(id) ?? id),
  );
  const agreements = matchByQuote(
    text,
    gold.agreements,
    draft.agreements,
    (g, d) => g.status === d.status,
    (a) => `${a.id} (${a.kind}, ${a.status})`,
  );
  return { people: people.result, organizations: orgs.result, countries, events, 'meeting pairs': pairs, agreements };
}

export function scores(r: Pick<CategoryResult, 'tp' | 'fp' | 'fn'>): { precision: number; recall: number; f1: number } {
  const precision = r.tp + r.fp ? r.tp / (r.tp + r.fp) : 1;
  const recall = r.tp + r.fn ? r.tp / (r.tp + r.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
