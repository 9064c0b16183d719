// A hub in one answer: the people an entity met, one weighted line each (and the meetings among them),
// its other neighbours (events, titles, places) with what they can be grouped by (kind, year, country),
// what joins those neighbours to each other, what a date window hides, and the entity's activity over
// time for the time control — all inside the window, which the server applies.
import { MEETING_KINDS } from '../../domain/model.ts';
import type { HubQuery } from '../contracts/requests.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { periodBound } from '../../domain/period.ts';
import type { Plain } from '../../graph/values.ts';
import { resolveEntity } from './search.ts';
import type { Facet, HubAnswer, HubNeighbour, HubPerson } from '../../domain/hub-contract.ts';

export type { Facet, HubAnswer, HubLink, HubNeighbour, HubPeer, HubPerson } from '../../domain/hub-contract.ts';

type Props = Record<string, Plain>;
type CountryRef = HubPerson['country'];

const day = (value: Plain | undefined): string | null => (typeof value === 'string' ? value.slice(0, 10) : null);

function countryRef(value: Plain | undefined): CountryRef {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  return { id: String(value.id), name: String(value.name ?? value.id) };
}

/** Groups a list by key, counted, largest first (then by label). */
export function facetOf<T>(items: readonly T[], key: (item: T) => { key: string; label: string } | null): Facet[] {
  const counts = new Map<string, Facet>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const facet = counts.get(k.key) ?? { ...k, count: 0 };
    facet.count++;
    counts.set(k.key, facet);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function neighbourOf(row: Props): HubNeighbour & { windowStatus: string } {
  const node = row.node as Props;
  const type = String(node.type).toLowerCase();
  const start = day(node.start);
  const windowStatus = row.status as string;
  const year = type !== 'event' ? null : start && node.datePrecision !== 'unknown' ? start.slice(0, 4) : 'undated';
  return {
    id: node.id as string,
    type,
    name: String(node.name ?? node.id),
    kind: (node.kind as string | null) ?? null,
    status: (node.status as string | null) ?? null,
    start,
    end: day(node.end),
    datePrecision: (node.datePrecision as string | null) ?? null,
    link: { type: row.type as string, outgoing: row.outgoing === true, role: (row.role as string | null) ?? null, title: (row.title as string | null) ?? null, inferred: row.inferred === true },
    group: { kind: type === 'event' ? String(node.kind ?? 'event') : type, year, country: countryRef(row.country) },
    parent: (row.parent as string | null) ?? null,
    undated: type === 'event' && year === 'undated',
    windowStatus,
  };
}

/** Most recent first, undated last; then by name, so the order is stable. */
function byRecency(a: HubNeighbour, b: HubNeighbour): number {
  if (a.start !== b.start) return a.start === null ? 1 : b.start === null ? -1 : b.start.localeCompare(a.start);
  return a.name.localeCompare(b.name);
}

export async function getHub(reader: GraphReader, ref: string, query: HubQuery): Promise<HubAnswer> {
  const center = await resolveEntity(reader, ref, 'id');
  const country = query.country ? (await resolveEntity(reader, query.country, 'country', 'country')).id : null;
  const window = { from: periodBound(query.from, 'start'), to: periodBound(query.to, 'end') };
  const [counterparts, neighbourRows, activityRows] = await Promise.all([
    reader.rows('hub-counterparts', { id: center.id, ...window }),
    reader.rows('hub-neighbours', { id: center.id, ...window }),
    reader.rows('hub-activity', { id: center.id, meetingKinds: [...MEETING_KINDS] }),
  ]);

  const hidden = { meetingsOutside: 0, meetingsUndated: 0, eventsOutside: 0, eventsUndated: 0 };
  const people: HubPerson[] = [];
  for (const row of counterparts) {
    hidden.meetingsOutside += row.outside as number;
    if (query.includeUndated) {
      // Undated meetings are kept: they join the count (not the dates).
      row.meetings = (row.meetings as number) + (row.undated as number);
    } else hidden.meetingsUndated += row.undated as number;
    if ((row.meetings as number) === 0) continue;
    people.push({
      id: row.id as string,
      name: String(row.name ?? row.id),
      meetings: row.meetings as number,
      first: day(row.first),
      last: day(row.last),
      inferred: row.inferred as number,
      degree: row.degree as number,
      country: countryRef(row.country),
    });
  }
  people.sort((a, b) => b.meetings - a.meetings || a.name.localeCompare(b.name));

  const all = neighbourRows.map(neighbourOf);
  const inWindow = all.filter((n) => {
    if (n.windowStatus === 'out') hidden.eventsOutside++;
    if (n.windowStatus === 'undated' && !query.includeUndated) hidden.eventsUndated++;
    return n.windowStatus === 'in' || n.windowStatus === 'timeless' || (n.windowStatus === 'undated' && query.includeUndated);
  });
  // One row per relationship: an entity joined to the centre twice (a title and a participation) is one neighbour.
  const unique: HubNeighbour[] = [...new Map(inWindow.map((n) => [n.id, n])).values()].map(({ windowStatus: _, ...n }) => n);
  // A meeting held during a visit took place where the visit did (when it has no place of its own); a
  // visit the centre did not take part in (a visitor's, for a host) is looked up.
  const countryOf = new Map(all.map((n) => [n.id, n.group.country]));
  const missing = [...new Set(unique.filter((n) => !n.group.country && n.parent && !countryOf.has(n.parent)).map((n) => n.parent!))];
  if (missing.length) for (const row of await reader.rows('event-countries', { ids: missing })) countryOf.set(row.id as string, countryRef(row.country));
  for (const n of unique) if (!n.group.country && n.parent) n.group.country = countryOf.get(n.parent) ?? null;
  const facets = {
    kinds: facetOf(unique, (n) => ({ key: n.group.kind, label: n.group.kind })),
    years: facetOf(unique, (n) => (n.group.year ? { key: n.group.year, label: n.group.year } : null)),
    countries: facetOf(unique, (n) => (n.group.country ? { key: n.group.country.id, label: n.group.country.name } : null)),
  };
  const filtered = unique
    .filter((n) => (!query.kind || n.group.kind === query.kind) && (!query.year || n.group.year === query.year) && (!country || n.group.country?.id === country))
    .sort(byRecency);
  const neighbours = filtered.slice(0, query.limit);

  const personIds = people.map((p) => p.id);
  const ids = [...personIds, ...neighbours.map((n) => n.id)];
  const [peerRows, linkRows] = await Promise.all([
    personIds.length > 1 ? reader.rows('hub-peers', { ids: personIds, ...window, includeUndated: query.includeUndated }) : Promise.resolve([]),
    ids.length > 1 ? reader.rows('hub-links', { ids }) : Promise.resolve([]),
  ]);

  const activity = new Map<string, { period: string; events: number; meetings: number }>();
  let undatedActivity = 0;
  for (const row of activityRows) {
    const period = row.period as string | null;
    const count = row.events as number;
    if (!period) {
      undatedActivity += count;
      continue;
    }
    const bucket = activity.get(period) ?? { period, events: 0, meetings: 0 };
    bucket.events += count;
    if (row.meeting === true) bucket.meetings += count;
    activity.set(period, bucket);
  }

  return {
    center: { id: center.id, type: center.type, name: center.name, kind: (center.props?.kind as string | null | undefined) ?? null },
    query: { from: query.from ?? null, to: query.to ?? null, includeUndated: query.includeUndated, kind: query.kind ?? null, year: query.year ?? null, country, limit: query.limit },
    people,
    peers: peerRows.map((r) => ({ a: r.a as string, b: r.b as string, meetings: r.meetings as number, first: day(r.first), last: day(r.last) })),
    neighbours,
    links: linkRows.map((r) => ({ from: r.from as string, to: r.to as string, type: r.type as string, role: (r.role as string | null) ?? null, inferred: r.inferred === true })),
    facets,
    total: filtered.length,
    truncated: filtered.length > neighbours.length,
    hidden,
    activity: [...activity.values()].sort((a, b) => a.period.localeCompare(b.period)),
    undatedActivity,
  };
}
