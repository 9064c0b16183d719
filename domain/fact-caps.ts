// How much one accepted article may add. A press release states a few dozen facts (the curated seeds:
// 33–54); a draft far larger is a mistake or an attack, and one meeting with hundreds of present people
// would derive hundreds of thousands of MET relationships in one transaction (N people make N(N−1)/2),
// holding Neo4j's shared transaction memory while it runs. Pure: counted on the validated facts, and
// on the people the graph already has at the draft's events.
import type { FactProblem } from './fact-errors.ts';
import type { FactFile } from './fact-schema.ts';
import { MEETING_KINDS } from './model.ts';
import type { WritePlan } from './plan.ts';

export const DRAFT_CAPS = {
  /** People, organisations, countries, places, agreements and figures together. */
  entities: 150,
  events: 40,
  participantsPerEvent: 40,
  titles: 150,
  memberships: 100,
  /** Every fact of the file (entities, events, participations, titles, memberships). */
  facts: 400,
  /** Quotes of all facts together; each is located in the article. */
  quotes: 1_000,
  /** MET relationships the draft's held meetings would add. */
  newMeetings: 1_000,
} as const;

const quoteCount = (quote: string | string[]) => (Array.isArray(quote) ? quote.length : 1);

/** The caps the file alone breaks (one problem per cap, naming where). */
export function capProblems(facts: FactFile, file = 'draft'): FactProblem[] {
  const problems: FactProblem[] = [];
  const over = (path: string, what: string, count: number, cap: number) => {
    if (count > cap) problems.push({ file, path, message: `${count} ${what}; at most ${cap} per article` });
  };
  const entities =
    facts.people.length +
    facts.organizations.length +
    facts.countries.length +
    facts.places.length +
    facts.agreements.length +
    facts.figures.length;
  over('', 'entities (people, organisations, countries, places, agreements, figures)', entities, DRAFT_CAPS.entities);
  over('events', 'events', facts.events.length, DRAFT_CAPS.events);
  facts.events.forEach((event, i) =>
    over(`events[${i}].participants`, 'participants', event.participants.length, DRAFT_CAPS.participantsPerEvent),
  );
  over('titles', 'titles', facts.titles.length, DRAFT_CAPS.titles);
  over('memberships', 'memberships', facts.memberships.length, DRAFT_CAPS.memberships);
  const participations = facts.events.reduce((n, e) => n + e.participants.length, 0);
  over('', 'facts', entities + facts.events.length + participations + facts.titles.length + facts.memberships.length, DRAFT_CAPS.facts);
  const all = [
    ...facts.people,
    ...facts.organizations,
    ...facts.countries,
    ...facts.places,
    ...facts.titles,
    ...facts.agreements,
    ...facts.figures,
    ...facts.memberships,
  ];
  const quotes =
    all.reduce((n, f) => n + quoteCount(f.quote), 0) +
    facts.events.reduce(
      (n, e) =>
        n + quoteCount(e.quote) + (e.date ? quoteCount(e.date.quote) : 0) + e.participants.reduce((m, p) => m + quoteCount(p.quote), 0),
      0,
    );
  over('', 'quotes', quotes, DRAFT_CAPS.quotes);
  return problems;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * MET relationships the plan's held meeting-like events would add: at each, the present people the
 * graph has (`present`, by event id) joined by the plan's own, pairs after minus pairs before.
 */
export function newMeetings(
  plan: Pick<WritePlan, 'events' | 'participations'>,
  present: ReadonlyMap<string, readonly string[]>,
  heldInGraph: ReadonlySet<string> = new Set(),
): number {
  const meetingKinds: readonly unknown[] = MEETING_KINDS;
  let added = 0;
  for (const event of plan.events) {
    if (!meetingKinds.includes(event.props.kind) || (event.status !== 'held' && !heldInGraph.has(event.id))) continue;
    const before = new Set(present.get(event.id) ?? []);
    const after = new Set(before);
    for (const p of plan.participations)
      if (p.event === event.id && p.role !== 'mentioned' && p.who.startsWith('person:')) after.add(p.who);
    added += pairs(after.size) - pairs(before.size);
  }
  return added;
}
