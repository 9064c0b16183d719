// A person's summary card: how many events and meetings, first and last contact, top counterparts,
// the countries dealt with, and titles over time — each line with the quotes it rests on. The explorer
// draws it at the top of the details panel; the dossier opens with it.
import { MEETING_KINDS } from '../../../domain/model.ts';
import type { PersonSummaryQuery } from '../../contracts/requests.ts';
import type { GraphReader } from '../../../graph/reader.ts';
import { read } from '../../../graph/queries/read.ts';
import type { PersonSummary, SummaryCount, SummaryEventRef, SummaryTitle } from '../../../domain/pictures.ts';
import { loadQuoteBook, withoutContained, type Quote } from '../evidence.ts';
import { resolveEntity } from '../search.ts';
import { eventQuotes, personActivity, present, type Activity, type ActivityEvent } from './activity.ts';
import { counterparts } from './timeline.ts';

/** Events read for a summary; the busiest people in the data have about 730. */
export const SUMMARY_EVENT_LIMIT = 3000;
const TOP = 8;

export type { PersonSummary, SummaryCount, SummaryEventRef, SummaryTitle };

const MEETING = new Set<string>(MEETING_KINDS);
const isMeeting = (e: ActivityEvent) => e.status === 'held' && MEETING.has(e.kind) && present(e).length >= 2;

function ref(activity: Activity, e: ActivityEvent, subject: string): SummaryEventRef {
  const self = present(e).find((p) => p.id === subject);
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    start: e.start!,
    datePrecision: e.datePrecision,
    citations: eventQuotes(activity.book, e, self, ...counterparts(e, subject)),
  };
}

function tally(pairs: { key: { id: string; name: string; country: string | null }; event: ActivityEvent; quotes: () => Quote[] }[]): {
  total: number;
  top: SummaryCount[];
} {
  const by = new Map<string, SummaryCount & { firstEvent: () => Quote[] }>();
  for (const { key, event, quotes } of pairs) {
    const entry = by.get(key.id) ?? { ...key, events: 0, first: null, last: null, citations: [], firstEvent: quotes };
    entry.events += 1;
    if (event.start && (!entry.first || event.start < entry.first)) {
      entry.first = event.start;
      entry.firstEvent = quotes;
    }
    if (event.start && (!entry.last || event.start > entry.last)) entry.last = event.start;
    by.set(key.id, entry);
  }
  const ranked = [...by.values()].sort(
    (x, y) => y.events - x.events || (x.first ?? '9999').localeCompare(y.first ?? '9999') || x.name.localeCompare(y.name),
  );
  return { total: ranked.length, top: ranked.slice(0, TOP).map(({ firstEvent, ...c }) => ({ ...c, citations: firstEvent() })) };
}

export async function personSummary(reader: GraphReader, ref_: string, query: PersonSummaryQuery = {}): Promise<PersonSummary> {
  const person = await resolveEntity(reader, ref_, 'id', 'person');
  const window = { from: query.from, to: query.to };
  const [activity, titleRows] = await Promise.all([
    personActivity(reader, person.id, window, SUMMARY_EVENT_LIMIT),
    read(reader, 'titles-of-people', { ids: [person.id] }),
  ]);
  const held = activity.events.filter((e) => e.status === 'held');
  const withSomeone = held.filter((e) => e.start && counterparts(e, person.id).length > 0);
  const meetings = held.filter(isMeeting);
  const own = new Set(
    held
      .flatMap((e) =>
        present(e)
          .filter((p) => p.id === person.id)
          .map((p) => p.represents),
      )
      .filter((c): c is string => !!c),
  );

  const counterpartPairs = meetings.flatMap((e) =>
    counterparts(e, person.id)
      .filter((p) => p.type === 'person')
      .map((p) => ({
        key: { id: p.id, name: p.name, country: p.represents?.replace(/^country:/, '') ?? null },
        event: e,
        quotes: () =>
          eventQuotes(
            activity.book,
            e,
            present(e).find((x) => x.id === person.id),
            p,
          ),
      })),
  );
  const countryPairs = held.flatMap((e) => {
    const self = present(e).find((x) => x.id === person.id);
    const found = new Map<string, { id: string; name: string; who: (typeof e.participants)[number] }>();
    for (const p of present(e)) {
      if (p.id === person.id) continue;
      if (p.type === 'country' && !own.has(p.id)) found.set(p.id, { id: p.id, name: p.name, who: p });
      else if (p.represents && !own.has(p.represents) && !found.has(p.represents))
        found.set(p.represents, { id: p.represents, name: p.represents, who: p });
    }
    return [...found.values()].map((c) => ({
      key: { id: c.id, name: c.name, country: c.id.replace(/^country:/, '') },
      event: e,
      quotes: () => eventQuotes(activity.book, e, self, c.who),
    }));
  });
  const countries = tally(countryPairs);
  const unnamed = countries.top.filter((c) => c.name === c.id).map((c) => c.id);
  if (unnamed.length) {
    const names = new Map((await read(reader, 'names-of-entities', { ids: unnamed })).map((r) => [r.id, String(r.name)]));
    for (const c of countries.top) c.name = names.get(c.id) ?? c.name;
  }

  const titleBook = await loadQuoteBook(
    reader,
    titleRows.flatMap((t) => t.evidence ?? []),
  );
  const titles = titleRows
    .map(({ title, at, firstSeen, lastSeen, evidence }): SummaryTitle => {
      return {
        title,
        at: { id: at.id, name: String(at.name), type: at.type.toLowerCase() },
        firstSeen,
        lastSeen,
        citations: withoutContained(titleBook.quotes(evidence)).slice(0, 3),
      };
    })
    .sort((x, y) => (x.firstSeen ?? '9999').localeCompare(y.firstSeen ?? '9999') || x.title.localeCompare(y.title));

  const first = withSomeone[0];
  const last = withSomeone[withSomeone.length - 1];
  const summary = {
    person: { id: person.id, name: person.name },
    window: { from: query.from ?? null, to: query.to ?? null },
    events: activity.events.length,
    meetings: meetings.length,
    visits: held.filter((e) => e.kind === 'visit').length,
    undated: activity.events.filter((e) => !e.start).length,
    firstContact: first ? ref(activity, first, person.id) : null,
    lastContact: last ? ref(activity, last, person.id) : null,
    counterparts: tally(counterpartPairs),
    countries,
    titles,
    truncated: activity.truncated,
  };
  const cited = new Set(
    [summary.firstContact, summary.lastContact, ...summary.counterparts.top, ...summary.countries.top, ...titles].flatMap(
      (x) => x?.citations.map((c) => c.sourceId) ?? [],
    ),
  );
  const sources = [...activity.book.sources(), ...titleBook.sources()].filter(
    (s, i, all) => cited.has(s.id) && all.findIndex((o) => o.id === s.id) === i,
  );
  return { ...summary, sources };
}
