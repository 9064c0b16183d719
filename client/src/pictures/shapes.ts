// World-atlas shapes and the countries of a map answer put on them. The join is by ISO 3166-1 numeric
// code, which the server states for each country from the project's one country table, so the client
// keeps no country table of its own.
import type { geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { MapAnswer } from './types.ts';

/** A country's outline as d3-geo draws it (GeoJSON types come through d3-geo and topojson-client). */
export type Shape = Parameters<typeof geoCentroid>[0] & { id?: string | number; properties: { name: string } };
export type Topology = Parameters<typeof feature>[0];
type MapCountry = MapAnswer['countries'][number];

/** A shape's key: its ISO 3166-1 numeric id, or its name where world-atlas gives none (Kosovo, N. Cyprus). */
const shapeKey = (f: Shape) => (f.id !== undefined ? String(f.id).padStart(3, '0') : `#${f.properties.name}`);

/** The shapes of a world-atlas topology by key. */
export function shapesByKey(topo: Topology): Map<string, Shape> {
  const fc = feature(topo, topo.objects.countries as Parameters<typeof feature>[1]) as unknown as { features: Shape[] };
  return new Map(fc.features.map((f) => [shapeKey(f), f]));
}

/** The answer's countries on the shapes: by ISO numeric code, else (no code: Kosovo) by name. A country
 *  with neither has no shape and is listed apart (former states, islands too small for 1:50m). */
export function placeCountries(world: Map<string, Shape>, countries: readonly MapCountry[]) {
  const byShape = new Map<string, MapCountry>();
  const shapeOf = new Map<string, Shape>();
  for (const c of countries) {
    const key = c.ccn3 ?? `#${c.name}`;
    const f = world.get(key);
    if (f) {
      byShape.set(key, c);
      shapeOf.set(c.iso2, f);
    }
  }
  return { byShape, shapeOf };
}
