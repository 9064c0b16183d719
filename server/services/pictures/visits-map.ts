// The map of visits and trips: each visit from the country its traveller represented to the country
// visited, with its quote; journeys (see journeys.ts); countries with how often they were visited and
// how often their officials travelled, with the ISO numeric code a world map joins its shapes on.
import type { VisitsMapQuery } from '../../contracts/requests.ts';
import type { GraphReader } from '../../../graph/reader.ts';
import { read } from '../../../graph/queries/read.ts';
import { periodBound } from '../../../domain/period.ts';
import type { MapCountry, MapVisit, VisitsMap } from '../../../domain/pictures.ts';
import { collectEvidence, loadQuoteBook, withoutContained } from '../evidence.ts';
import { resolveEntity } from '../search.ts';
import { groupJourneys, JOURNEY_GAP_DAYS } from './journeys.ts';
import { countryTable } from '../../../seeds/countries.ts';

export type { MapCountry, MapVisit, VisitsMap };

const iso = (id: string | null) => id?.replace(/^country:/, '') ?? null;

export async function visitsMap(reader: GraphReader, query: VisitsMapQuery): Promise<VisitsMap> {
  const [person, country] = await Promise.all([
    query.person ? resolveEntity(reader, query.person, 'person', 'person') : null,
    query.country ? resolveEntity(reader, query.country, 'country', 'country') : null,
  ]);
  const rows = await read(reader, 'picture-visits', {
    person: person?.id ?? null,
    country: country?.id ?? null,
    from: periodBound(query.from, 'start'),
    to: periodBound(query.to, 'end'),
    limit: query.limit + 1,
  });
  const kept = rows.slice(0, query.limit);
  const book = await loadQuoteBook(reader, collectEvidence(kept));
  const names = new Map<string, string>();
  const visits: MapVisit[] = kept.flatMap((row) => {
    const { event: e, to } = row;
    names.set(String(to.iso2 ?? iso(to.id)), String(to.name));
    return row.travellers.map((t) => ({
      event: { id: e.id, title: String(e.title), start: e.start, end: e.end, datePrecision: e.datePrecision },
      traveller: { id: t.id, name: String(t.name) },
      from: iso(t.represents),
      to: String(to.iso2 ?? iso(to.id)),
      places: row.places,
      journey: null,
      citations: withoutContained(book.quotes([...(row.evidence ?? []), ...(t.evidence ?? [])])),
    }));
  });
  const journeys = groupJourneys(
    visits.map((v) => ({ traveller: v.traveller.id, event: v.event.id, start: v.event.start, end: v.event.end })),
  );
  for (const v of visits) v.journey = journeys.get(`${v.traveller.id} ${v.event.id}`) ?? null;

  const countries = new Map<string, MapCountry>();
  const entry = (code: string) => {
    const c = countries.get(code) ?? {
      iso2: code,
      ccn3: countryTable().byCode(code)?.ccn3 ?? null,
      name: names.get(code) ?? code,
      visited: 0,
      travelled: 0,
    };
    countries.set(code, c);
    return c;
  };
  for (const v of visits) {
    entry(v.to).visited += 1;
    if (v.from) entry(v.from).travelled += 1;
  }
  if (countries.size) {
    const missing = [...countries.values()].filter((c) => c.name === c.iso2).map((c) => `country:${c.iso2}`);
    if (missing.length)
      for (const row of await read(reader, 'names-of-entities', { ids: missing }))
        entry(row.id.replace(/^country:/, '')).name = String(row.name);
  }
  return {
    subject: { person: person && { id: person.id, name: person.name }, country: country && { id: country.id, name: country.name } },
    window: { from: query.from ?? null, to: query.to ?? null },
    visits,
    countries: [...countries.values()].sort((x, y) => y.visited - x.visited || x.name.localeCompare(y.name)),
    journeyRule: `The records list stops, not journeys: a traveller's stops less than ${JOURNEY_GAP_DAYS} days apart are drawn as one journey.`,
    truncated: rows.length > query.limit,
    sources: book.sources(),
  };
}
