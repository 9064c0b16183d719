// A hub in one answer: the people an entity met, one weighted line each (and the meetings among them),
// its other neighbours (events, titles, places) with what they can be grouped by (kind, year, country),
// what joins those neighbours to each other, what a date window hides, and the entity's activity over
// time for the time control — all inside the window, which the server applies.
import { MEETING_KINDS } from '../../domain/model.ts';
import type { HubQuery } from '../contracts/requests.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read, type RowOf } from '../../graph/queries/read.ts';
import { textProp } from '../../graph/queries/columns.ts';
import { periodBound } from '../../domain/period.ts';
import { resolveEntity } from './search.ts';
import type { Facet, HubAnswer, HubNeighbour, HubPerson } from '../../domain/hub-contract.ts';

export type { Facet, HubAnswer, HubLink, HubNeighbour, HubPeer, HubPerson } from '../../domain/hub-contract.ts';

type CountryRef = HubPerson['country'];

const day = (value: string | null): string | null => value?.slice(0, 10) ?? null;

function countryRef(value: { id: string; name: string | null } | null): CountryRef {
  return value && { id: value.id, name: value.name ?? value.id };
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

function neighbourOf(row: RowOf<'hub-neighbours'>): HubNeighbour & { windowStatus: string } {
  const { node } = row;
  const type = node.type.toLowerCase();
  const start = day(node.start);
  const windowStatus = row.status;
  const year = type !== 'event' ? null : start && node.datePrecision !== 'unknown' ? start.slice(0, 4) : 'undated';
  return {
    id: node.id,
    type,
    name: node.name ?? node.id,
    kind: node.kind,
    status: node.status,
    start,
    end: day(node.end),
    datePrecision: node.datePrecision,
    link: { type: row.type, outgoing: row.outgoing, role: row.role, title: row.title, inferred: row.inferred === true },
    group: { kind: type === 'event' ? (node.kind ?? 'event') : type, year, country: countryRef(row.country) },
    parent: row.parent,
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
    read(reader, 'hub-counterparts', { id: center.id, ...window }),
    read(reader, 'hub-neighbours', { id: center.id, ...window }),
    read(reader, 'hub-activity', { id: center.id, meetingKinds: [...MEETING_KINDS] }),
  ]);

  const hidden = { meetingsOutside: 0, meetingsUndated: 0, eventsOutside: 0, eventsUndated: 0 };
  const people: HubPerson[] = [];
  for (const row of counterparts) {
    hidden.meetingsOutside += row.outside;
    // Undated meetings are kept when asked for: they join the count (not the dates).
    const meetings = query.includeUndated ? row.meetings + row.undated : row.meetings;
    if (!query.includeUndated) hidden.meetingsUndated += row.undated;
    if (meetings === 0) continue;
    people.push({
      id: row.id,
      name: row.name ?? row.id,
      meetings,
      first: day(row.first),
      last: day(row.last),
      inferred: row.inferred,
      degree: row.degree,
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
  if (missing.length)
    for (const row of await read(reader, 'event-countries', { ids: missing })) countryOf.set(row.id, countryRef(row.country));
  for (const n of unique) if (!n.group.country && n.parent) n.group.country = countryOf.get(n.parent) ?? null;
  const facets = {
    kinds: facetOf(unique, (n) => ({ key: n.group.kind, label: n.group.kind })),
    years: facetOf(unique, (n) => (n.group.year ? { key: n.group.year, label: n.group.year } : null)),
    countries: facetOf(unique, (n) => (n.group.country ? { key: n.group.country.id, label: n.group.country.name } : null)),
  };
  const filtered = unique
    .filter(
      (n) =>
        (!query.kind || n.group.kind === query.kind) &&
        (!query.year || n.group.year === query.year) &&
        (!country || n.group.country?.id === country),
    )
    .sort(byRecency);
  const neighbours = filtered.slice(0, query.limit);

  const personIds = people.map((p) => p.id);
  const ids = [...personIds, ...neighbours.map((n) => n.id)];
  const [peerRows, linkRows] = await Promise.all([
    personIds.length > 1
      ? read(reader, 'hub-peers', { ids: personIds, ...window, includeUndated: query.includeUndated })
      : Promise.resolve([]),
    ids.length > 1 ? read(reader, 'hub-links', { ids }) : Promise.resolve([]),
  ]);

  const activity = new Map<string, { period: string; events: number; meetings: number }>();
  let undatedActivity = 0;
  for (const row of activityRows) {
    const { period, events: count } = row;
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
    center: { id: center.id, type: center.type, name: center.name, kind: textProp(center.props?.kind) },
    query: {
      from: query.from ?? null,
      to: query.to ?? null,
      includeUndated: query.includeUndated,
      kind: query.kind ?? null,
      year: query.year ?? null,
      country,
      limit: query.limit,
    },
    people,
    peers: peerRows.map((r) => ({ a: r.a, b: r.b, meetings: r.meetings, first: day(r.first), last: day(r.last) })),
    neighbours,
    links: linkRows.map((r) => ({ from: r.from, to: r.to, type: r.type, role: r.role, inferred: r.inferred === true })),
    facets,
    total: filtered.length,
    truncated: filtered.length > neighbours.length,
    hidden,
    activity: [...activity.values()].sort((a, b) => a.period.localeCompare(b.period)),
    undatedActivity,
  };
}
