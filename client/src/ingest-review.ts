// The review of a drafted fact file — pure, so it is unit-tested: which facts are kept, edited or
// rejected; the fact file that results (references to rejected entities dropped with them, so what
// is sent always holds together); and the article cut into segments for highlighting quotes.
import type { PropertyChange } from '../../domain/accept-changes.ts';

export type Decision = 'accept' | 'reject';

export interface Span {
  start: number;
  end: number;
}

export type FactFile = Record<string, unknown> & { source: Record<string, unknown> };

export const CATEGORIES = [
  'people',
  'organizations',
  'countries',
  'places',
  'titles',
  'events',
  'agreements',
  'figures',
  'memberships',
] as const;
export type Category = (typeof CATEGORIES)[number];

type Fact = Record<string, unknown>;

const list = (facts: FactFile, category: Category): Fact[] => (Array.isArray(facts[category]) ? (facts[category] as Fact[]) : []);

/** "people[2]" for each top-level fact, in file order. */
export function factPaths(facts: FactFile): string[] {
  return CATEGORIES.flatMap((c) => list(facts, c).map((_, i) => `${c}[${i}]`));
}

/** Every id the draft declares, with its name: what the review shows instead of ids. */
export function namesOf(facts: FactFile, extra: Record<string, string> = {}): (id: string) => string {
  const names = new Map<string, string>(Object.entries(extra));
  for (const c of ['people', 'organizations', 'countries', 'places', 'events', 'agreements'] as const) {
    for (const f of list(facts, c))
      if (typeof f.id === 'string') names.set(f.id, typeof f.name === 'string' ? f.name : typeof f.title === 'string' ? f.title : f.id);
  }
  return (id) => names.get(id) ?? id;
}

/** A one-line description of a fact for the review list, with names, not ids. */
export function describeFact(category: Category, fact: Fact, nameOf: (id: string) => string = (id) => id): string {
  const s = (k: string) => (typeof fact[k] === 'string' ? (fact[k] as string) : '');
  switch (category) {
    case 'people':
    case 'countries':
      return s('name');
    case 'organizations':
    case 'places':
      return `${s('name')} (${s('kind')})`;
    case 'titles':
      return `${nameOf(s('person'))}: ${s('title')} at ${nameOf(s('at'))}`;
    case 'events': {
      const date = (fact.date as { value?: string } | undefined)?.value;
      const who = ((fact.participants as { who: string; role: string }[] | undefined) ?? [])
        .map((p) => `${nameOf(p.who)} (${p.role})`)
        .join(', ');
      return `${s('kind')}, ${s('status')}${date ? `, ${date}` : ''}: ${s('title')}${who ? ` — ${who}` : ''}`;
    }
    case 'agreements': {
      const parties = ((fact.parties as string[] | undefined) ?? []).map(nameOf).join(', ');
      return `${s('kind')}, ${s('status')}: ${s('title')}${parties ? ` — ${parties}` : ''}`;
    }
    case 'figures':
      return `${String(fact.value)} ${s('unit')}: ${s('label')}`;
    case 'memberships':
      return `${nameOf(s('member'))} member of ${nameOf(s('of'))}`;
  }
}

export interface ReviewDecision {
  path: string;
  rule: string;
  decision: 'accepted' | 'edited' | 'rejected';
  label: string;
}

/** The reviewer's verdict on each top-level fact, with the rule that drafted it, for the decision log. */
export function decisionLog(
  draft: FactFile,
  decisions: Record<string, Decision>,
  edits: Record<string, Fact>,
  rules: Record<string, { rule?: string } | undefined>,
  nameOf: (id: string) => string = (id) => id,
): ReviewDecision[] {
  return CATEGORIES.flatMap((c) =>
    list(draft, c).map((fact, i) => {
      const path = `${c}[${i}]`;
      const decision = decisions[path] === 'reject' ? 'rejected' : edits[path] ? 'edited' : 'accepted';
      return {
        path,
        rule: rules[path]?.rule ?? `${c}:unnamed-rule`,
        decision,
        label: describeFact(c, fact, nameOf).slice(0, 300),
      } as ReviewDecision;
    }),
  );
}

/**
 * The fact file made of the accepted facts (edited ones as edited). Dropping an entity drops what
 * points to it: titles, participations, parties, "about", memberships; an optional reference
 * (place, partOf, concludedAt, country) is just removed.
 */
export function reviewedFacts(draft: FactFile, decisions: Record<string, Decision>, edits: Record<string, Fact> = {}): FactFile {
  const kept = (c: Category) =>
    list(draft, c).flatMap((fact, i) => (decisions[`${c}[${i}]`] === 'reject' ? [] : [edits[`${c}[${i}]`] ?? fact]));
  const out: FactFile = { ...draft, source: { ...draft.source } };
  for (const c of CATEGORIES) out[c] = kept(c);
  const ids = new Set<string>();
  for (const c of ['people', 'organizations', 'countries', 'places', 'events', 'agreements', 'figures'] as const) {
    for (const f of out[c] as Fact[]) if (typeof f.id === 'string') ids.add(f.id);
  }
  const known = (ref: unknown) =>
    typeof ref !== 'string' || !/^(person|org|country|place|event|agreement|figure):/.test(ref) || ids.has(ref);
  const without = (fact: Fact, key: string): Fact => {
    const { [key]: _dropped, ...rest } = fact;
    return rest;
  };
  const optional = (fact: Fact, keys: string[]): Fact => keys.reduce((f, k) => (k in f && !known(f[k]) ? without(f, k) : f), fact);
  out.organizations = (out.organizations as Fact[]).map((f) => optional(f, ['country', 'partOf']));
  out.places = (out.places as Fact[]).map((f) => optional(f, ['country']));
  out.titles = (out.titles as Fact[]).filter((t) => known(t.person) && known(t.at));
  out.events = (out.events as Fact[]).map((e) => {
    const trimmed = optional(e, ['place', 'partOf']);
    const participants = ((trimmed.participants as Fact[] | undefined) ?? [])
      .filter((p) => known(p.who))
      .map((p) => optional(p, ['represents']));
    return { ...trimmed, participants };
  });
  out.agreements = (out.agreements as Fact[])
    .map((a) => ({ ...optional(a, ['concludedAt']), parties: ((a.parties as string[]) ?? []).filter(known) }))
    .filter((a) => (a.parties as string[]).length > 0);
  out.figures = (out.figures as Fact[])
    .map((f) => ({ ...f, about: ((f.about as string[]) ?? []).filter(known) }))
    .filter((f) => (f.about as string[]).length > 0);
  out.memberships = (out.memberships as Fact[]).filter((m) => known(m.member) && known(m.of));
  return out;
}

export interface Segment {
  text: string;
  start: number;
  /** The fact paths whose quotes cover this piece of text. */
  paths: string[];
}

/** The article cut at every quote boundary, each piece knowing which facts quote it. */
export function segments(text: string, spans: Record<string, Span[]>): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const list of Object.values(spans))
    for (const s of list) {
      cuts.add(Math.max(0, Math.min(text.length, s.start)));
      cuts.add(Math.max(0, Math.min(text.length, s.end)));
    }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const paths = Object.entries(spans)
      .filter(([, list]) => list.some((s) => s.start <= start && end <= s.end))
      .map(([path]) => path);
    out.push({ text: text.slice(start, end), start, paths });
  }
  return out;
}

/** The top-level fact a span path belongs to: "events[1].participants[0]" → "events[1]". */
export function topLevel(path: string): string {
  return /^[a-z]+\[\d+\]/.exec(path)?.[0] ?? path;
}

/** A property of something the graph already has that the draft would change (a 409 from accept lists them). */
export type { PropertyChange };

export type ChangeChoice = 'keep' | 'replace';

export const changeKey = (change: Pick<PropertyChange, 'id' | 'property'>) => `${change.id}#${change.property}`;

const shown = (value: unknown) =>
  value === null || value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);

/** "org:kz-mfa · kind: ministry → company" */
export function describeChange(change: PropertyChange): string {
  return `${change.id} · ${change.property}: ${shown(change.current)} → ${shown(change.proposed)}`;
}

/** What to send with the next load: one per change that has a choice. */
export function choicesFor(
  changes: readonly PropertyChange[],
  choices: Record<string, ChangeChoice>,
): { id: string; property: string; choice: ChangeChoice }[] {
  return changes.flatMap((c) => {
    const choice = choices[changeKey(c)];
    return choice ? [{ id: c.id, property: c.property, choice }] : [];
  });
}

/** Whether every change has an explicit choice (the server loads nothing until then). */
export function allChosen(changes: readonly PropertyChange[], choices: Record<string, ChangeChoice>): boolean {
  return changes.every((c) => choices[changeKey(c)] !== undefined);
}
