// Events per year and kind — for a person, a country or the whole graph — with, for each year, the
// /api/meetings link that lists that year's meetings with their quotes (the counts' citations).
import { MEETING_KINDS } from '../../../domain/model.ts';
import type { ActivityPerYearQuery } from '../../contracts/requests.ts';
import type { GraphReader } from '../../../graph/reader.ts';
import { read } from '../../../graph/queries/read.ts';
import type { ActivityPerYear, YearCount } from '../../../domain/pictures.ts';
import { resolveEntity } from '../search.ts';

export type { ActivityPerYear, YearCount };

const MEETING = new Set<string>(MEETING_KINDS);

export async function activityPerYear(reader: GraphReader, query: ActivityPerYearQuery): Promise<ActivityPerYear> {
  const [person, country] = await Promise.all([
    query.person ? resolveEntity(reader, query.person, 'person', 'person') : null,
    query.country ? resolveEntity(reader, query.country, 'country', 'country') : null,
  ]);
  const rows = await read(reader, 'picture-activity-per-year', { person: person?.id ?? null, country: country?.id ?? null });
  const byYear = new Map<number, YearCount>();
  const undated: Record<string, number> = {};
  const spanning: Record<string, number> = {};
  const kinds = new Set<string>();
  const link = new URLSearchParams();
  if (person) link.set('person', person.id);
  if (country) link.set('country', country.id);
  for (const row of rows) {
    const kind = String(row.kind);
    const n = row.events;
    kinds.add(kind);
    if (row.year === null) undated[kind] = (undated[kind] ?? 0) + n;
    else if (row.spansYears === true) spanning[kind] = (spanning[kind] ?? 0) + n;
    else {
      const year = row.year;
      const entry = byYear.get(year) ?? {
        year,
        kinds: {},
        meetings: 0,
        total: 0,
        meetingsUrl: `/api/meetings?${new URLSearchParams({ ...Object.fromEntries(link), from: String(year), to: String(year), limit: '500' })}`,
      };
      entry.kinds[kind] = (entry.kinds[kind] ?? 0) + n;
      entry.total += n;
      if (MEETING.has(kind)) entry.meetings += n;
      byYear.set(year, entry);
    }
  }
  const order = [...MEETING_KINDS, 'visit', 'summit', 'forum', 'exhibition'];
  const rank = (k: string) => (order.indexOf(k) < 0 ? order.length : order.indexOf(k));
  return {
    subject: { person: person && { id: person.id, name: person.name }, country: country && { id: country.id, name: country.name } },
    years: [...byYear.values()].sort((x, y) => x.year - y.year),
    kinds: [...kinds].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y)),
    meetingKinds: [...MEETING_KINDS],
    undated,
    spanningYears: spanning,
  };
}
