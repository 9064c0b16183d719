// The hub layout: the centre in the middle, everything else in one wedge per country (alphabetical,
// clockwise from the top), people nearest the centre (most meetings first), then the events of that
// country grouped by trip (a visit followed by the meetings inside it, by date). Deterministic and
// linear in the number of nodes, so a hub of 1,000 neighbours is placed at once and reads the same
// every time. Pure: no DOM.

export interface LayoutItem {
  id: string;
  /** The wedge: a country id, or null (they share one wedge). */
  country: string | null;
  countryName?: string | null;
  /** 0: people and other entities, 1: events. */
  ring: 0 | 1;
  /** Within a ring: higher first (meetings), then `order` (date), then id. */
  weight: number;
  order: string;
  /** Events inside a visit follow the visit. */
  parent?: string | null;
  size: number;
}

export interface Point {
  x: number;
  y: number;
}

const GAP = 14;
const NO_COUNTRY = '\uffff';

/** Orders a ring's items: by weight, then date; events right after the visit they are part of. */
function ordered(items: LayoutItem[]): LayoutItem[] {
  const sorted = [...items].sort((a, b) => b.weight - a.weight || a.order.localeCompare(b.order) || a.id.localeCompare(b.id));
  const ids = new Set(sorted.map((i) => i.id));
  const children = new Map<string, LayoutItem[]>();
  for (const item of sorted)
    if (item.parent && ids.has(item.parent)) children.set(item.parent, [...(children.get(item.parent) ?? []), item]);
  const out: LayoutItem[] = [];
  for (const item of sorted) {
    if (item.parent && ids.has(item.parent)) continue;
    out.push(item, ...(children.get(item.id) ?? []));
  }
  return out;
}

/** Positions for every item around a centre at (0, 0). */
export function hubLayout(centre: { id: string; size: number }, items: readonly LayoutItem[]): Map<string, Point> {
  const positions = new Map<string, Point>([[centre.id, { x: 0, y: 0 }]]);
  if (!items.length) return positions;
  const wedges = new Map<string, LayoutItem[]>();
  for (const item of items) {
    const key = item.country ?? NO_COUNTRY;
    wedges.set(key, [...(wedges.get(key) ?? []), item]);
  }
  const keys = [...wedges.keys()].sort((a, b) =>
    a === NO_COUNTRY ? 1 : b === NO_COUNTRY ? -1 : (wedges.get(a)![0]!.countryName ?? a).localeCompare(wedges.get(b)![0]!.countryName ?? b),
  );
  // Each wedge gets an angle in proportion to its nodes' widths, so the rings fill evenly.
  const width = (list: LayoutItem[]) => list.reduce((sum, i) => sum + i.size + GAP, 0);
  const total = keys.reduce((sum, k) => sum + width(wedges.get(k)!), 0);
  const biggest = Math.max(...items.map((i) => i.size)) + GAP;
  // The first ring's radius: the circumference holds the people of all wedges in a few rows.
  const inner = Math.max(centre.size * 2 + 60, Math.sqrt(total * biggest) * 0.9);
  let angle = -Math.PI / 2;
  for (const key of keys) {
    const list = wedges.get(key)!;
    const span = (2 * Math.PI * width(list)) / total;
    let radius = inner;
    for (const ring of [0, 1] as const) {
      const queue = ordered(list.filter((i) => i.ring === ring));
      if (!queue.length) continue;
      if (ring === 1) radius += biggest;
      while (queue.length) {
        // One arc of this wedge at this radius: as many nodes as fit, centred in the wedge.
        const arc = Math.max(span * radius, biggest);
        const row: LayoutItem[] = [];
        let used = 0;
        while (queue.length && (row.length === 0 || used + queue[0]!.size + GAP <= arc)) {
          const next = queue.shift()!;
          row.push(next);
          used += next.size + GAP;
        }
        let at = angle + (span - used / radius) / 2;
        let rowMax = 0;
        for (const item of row) {
          const step = (item.size + GAP) / radius;
          const a = at + step / 2;
          positions.set(item.id, { x: Math.round(radius * Math.cos(a)), y: Math.round(radius * Math.sin(a)) });
          at += step;
          rowMax = Math.max(rowMax, item.size);
        }
        radius += rowMax + GAP * 2;
      }
    }
    angle += span;
  }
  return positions;
}
