// Hub mode: the /api/entities/:id/hub answer as Cytoscape elements — one line per counterpart weighted
// by meetings, people sized by meetings, events hidden until a group of them is asked for, short event
// labels without the centre's name. Pure: no DOM.
import { formatDate } from './dates.ts';
import { edgeDef, nodeDef, shortLabel, type EdgeDef, type ElementDef, type NodeDef } from './elements.ts';
import type { Facet, HubAnswer, HubNeighbour } from './types.ts';

/** Above this many neighbours an entity opens in hub mode: people first, events one click away. */
export const HUB_THRESHOLD = 60;
/** The people with most meetings keep their names on screen at any zoom. */
export const NAMED_PEOPLE = 24;
/** Showing more events than this at once asks first. */
export const EXPAND_WARNING = 300;

/** Which of a hub's neighbours to draw: everything, none of the events, or the events of some groups. */
export type GroupBy = 'kind' | 'year' | 'country';
export interface GroupPick {
  by: GroupBy | 'all';
  key: string;
}

export function isHub(hub: Pick<HubAnswer, 'people' | 'total'>): boolean {
  return hub.people.length + hub.total > HUB_THRESHOLD;
}

/** The key a neighbour has in a grouping. */
export function groupKeyOf(n: HubNeighbour, by: GroupBy): string | null {
  if (by === 'kind') return n.group.kind;
  if (by === 'year') return n.group.year;
  return n.group.country?.id ?? null;
}

export function inGroups(n: HubNeighbour, picks: readonly GroupPick[]): boolean {
  return picks.some((p) => p.by === 'all' || groupKeyOf(n, p.by) === p.key);
}

/** Words that tie a title to the person it is about, left dangling once the name is gone. */
const DANGLING = /^(?:[\s,:;–—-]|meets\b|meet\b|in\b|with\b|and\b)+/i;

/**
 * An event's label without the centre's name: "Antony John Blinken meets Prime Minister Benjamin
 * Netanyahu" → "meets Prime Minister Benjamin Netanyahu"; "Secretary of State Antony John Blinken in
 * Israel" → "in Israel"; with the date after it. Titles that do not name the centre are kept.
 */
export function eventLabel(name: string, centreName: string, start: string | null, precision: string | null): string {
  let label = name;
  const at = centreName ? name.indexOf(centreName) : -1;
  if (at >= 0) {
    const before = name.slice(0, at).trim();
    const after = name.slice(at + centreName.length).trim();
    // A title before the name ("Secretary of State …") goes with the name.
    label = (after || before).replace(/\s+/g, ' ');
    const verb = /^(meets|in|with)\b/i.exec(label)?.[1];
    label = verb ? `${verb.toLowerCase()} ${label.replace(DANGLING, '')}` : label.replace(DANGLING, '');
  }
  const when = start ? formatDate(start, precision) : 'undated';
  return `${label || name} · ${when}`;
}

/** A person's size in pixels from their meetings with the centre (square root: area tracks the count). */
export function personSize(meetings: number, most: number): number {
  if (most <= 1) return 30;
  return Math.round(24 + 40 * Math.sqrt((meetings - 1) / (most - 1)));
}

function pairId(a: string, b: string): string {
  return a < b ? `met:${a}|${b}` : `met:${b}|${a}`;
}

/** A weighted MET line: how many meetings, first and last date (undated ones carry no date). */
function metEdge(a: string, b: string, meetings: number, first: string | null, last: string | null, inferred = 0): EdgeDef {
  const span = first ? (first === last || !last ? formatDate(first, 'day') : `${first.slice(0, 4)}–${last.slice(0, 4)}`) : 'undated';
  const def = edgeDef({
    id: pairId(a, b),
    source: a,
    target: b,
    type: 'MET',
    label: `${meetings}× · ${span}`,
    meetings,
    first,
    last,
    aggregated: true,
  });
  const classes = ['t-met', 'aggregated'];
  if (!first) classes.push('undated');
  if (inferred === meetings) classes.push('inferred');
  return { ...def, classes: classes.join(' ') };
}

/** The elements of a hub: centre, counterparts, their lines, and the neighbours `picks` ask for (all when `all`). */
export function hubElements(hub: HubAnswer, picks: readonly GroupPick[], all = !isHub(hub)): ElementDef[] {
  const centre = hub.center;
  const most = Math.max(1, ...hub.people.map((p) => p.meetings));
  const nodes: NodeDef[] = [
    nodeDef({ id: centre.id, type: centre.type, label: centre.name, ...(centre.kind ? { kind: centre.kind } : {}) }),
  ];
  hub.people.forEach((p, rank) => {
    const node = nodeDef({
      id: p.id,
      type: 'person',
      label: p.name,
      meetings: p.meetings,
      size: personSize(p.meetings, most),
      ...(p.country ? { country: p.country.id, countryName: p.country.name } : {}),
    });
    // people come most-met first: the first few are named at any zoom, the rest as you zoom in.
    nodes.push({ ...node, classes: `${node.classes ?? ''} sized${rank < NAMED_PEOPLE && p.meetings > 1 ? ' named' : ''}` });
  });
  const shown = hub.neighbours.filter((n) => all || n.type !== 'event' || inGroups(n, picks));
  for (const n of shown) nodes.push(neighbourNode(n, centre.name));
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges: EdgeDef[] = hub.people.map((p) => metEdge(centre.id, p.id, p.meetings, p.first, p.last, p.inferred));
  for (const p of hub.peers) edges.push(metEdge(p.a, p.b, p.meetings, p.first, p.last));
  for (const n of shown) {
    // A meeting drawn with its visit hangs off the visit: one line from the centre per trip, not per meeting.
    if (n.type === 'event' && n.parent && ids.has(n.parent)) continue;
    const [source, target] = n.link.outgoing ? [centre.id, n.id] : [n.id, centre.id];
    const edge = linkEdge(source, n.link.type, target, n.link.role ?? n.link.title, n.link.inferred);
    edges.push(n.type === 'event' ? { ...edge, classes: `${edge.classes ?? ''} hub-context`.trim() } : edge);
  }
  for (const l of hub.links) if (ids.has(l.from) && ids.has(l.to)) edges.push(linkEdge(l.from, l.type, l.to, l.role, l.inferred));
  return [...nodes, ...edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target))];
}

function neighbourNode(n: HubNeighbour, centreName: string): NodeDef {
  const data: Record<string, unknown> & { id: string; type: string; label: string } = { id: n.id, type: n.type, label: n.name };
  for (const [k, v] of Object.entries({
    kind: n.kind,
    status: n.status,
    start: n.start,
    end: n.end,
    datePrecision: n.datePrecision,
    parent_event: n.parent,
    year: n.group.year,
    country: n.group.country?.id,
    countryName: n.group.country?.name,
  }))
    if (v !== null && v !== undefined) data[k] = v;
  const def = nodeDef(data);
  if (n.type === 'event') def.data.short = shortLabel(eventLabel(n.name, centreName, n.start, n.datePrecision), 52);
  return def;
}

function linkEdge(source: string, type: string, target: string, label: string | null, inferred: boolean): EdgeDef {
  return edgeDef({
    id: `${source}|${type}|${target}`,
    source,
    target,
    type,
    label: label ?? type.toLowerCase().replace(/_/g, ' '),
    ...(inferred ? { inferred } : {}),
  });
}

/** How many events a set of picks would draw. */
export function countPicked(hub: HubAnswer, picks: readonly GroupPick[]): number {
  return hub.neighbours.filter((n) => n.type === 'event' && inGroups(n, picks)).length;
}

/** The facets of the events only (what "show events" can expand), largest first. */
export function eventFacets(hub: HubAnswer): Record<GroupBy, Facet[]> {
  const events = hub.neighbours.filter((n) => n.type === 'event');
  const facet = (by: GroupBy, label: (n: HubNeighbour) => string) => {
    const counts = new Map<string, Facet>();
    for (const n of events) {
      const key = groupKeyOf(n, by);
      if (!key) continue;
      const f = counts.get(key) ?? { key, label: label(n), count: 0 };
      f.count++;
      counts.set(key, f);
    }
    const list = [...counts.values()];
    return by === 'year'
      ? list.sort((a, b) => b.key.localeCompare(a.key))
      : list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  };
  return {
    kind: facet('kind', (n) => n.group.kind),
    year: facet('year', (n) => n.group.year ?? ''),
    country: facet('country', (n) => n.group.country?.name ?? ''),
  };
}
