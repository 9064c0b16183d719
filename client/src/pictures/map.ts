// The map of visits and trips, drawn offline: country shapes from world-atlas (Natural Earth, 1:50m)
// projected by d3-geo; countries shaded by visits received; a line per journey (stop to stop in date
// order, from the traveller's country to the first stop dashed: the records do not give departures).
import { geoCentroid, geoNaturalEarth1, geoPath } from 'd3-geo';
import { scaleSequentialLog } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import atlas from 'world-atlas/countries-50m.json';
import { formatDate } from '../dates.ts';
import type { CsvRow } from './export.ts';
import { footer, frame } from './frame.ts';
import type { MapAnswer } from './types.ts';
import { placeCountries, shapesByKey, type Shape, type Topology } from './shapes.ts';

let shapes: Map<string, Shape> | undefined;
const worldShapes = () => (shapes ??= shapesByKey(atlas as unknown as Topology));

export function mapSubject(m: MapAnswer): string {
  const { person, country } = m.subject;
  return person?.name ?? (country ? `${country.name}: visits to it and by its officials` : 'all visits');
}

export interface DrawnMap {
  svg: SVGSVGElement;
  /** Countries in the answer that have no shape on the map (former states, tiny territories). */
  notDrawn: MapAnswer['countries'];
}

export function drawMap(m: MapAnswer, width: number, onPick: (iso2: string) => void): DrawnMap {
  const world = worldShapes();
  const { byShape, shapeOf } = placeCountries(world, m.countries);
  const height = Math.round(width * 0.52) + 70;
  const title = `Visits and trips: ${mapSubject(m)}`;
  const journeys = new Set(m.visits.map((v) => v.journey).filter((j) => j !== null)).size;
  const subtitle = `${m.window.from || m.window.to ? `${m.window.from ?? '…'} to ${m.window.to ?? '…'} · ` : ''}${m.visits.length} visits${m.truncated ? ' (first ones only: the limit was reached)' : ''}, ${journeys} journeys · shade: visits received`;
  const { svg, top } = frame(width, height, title, subtitle, `${title}. ${subtitle}`);
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, top],
      [width - 4, height - 30],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection);
  svg
    .append('path')
    .datum({ type: 'Sphere' })
    .attr('d', path as never)
    .attr('fill', '#eef4fb')
    .attr('stroke', '#cbd5e1');
  const max = Math.max(1, ...m.countries.map((c) => c.visited));
  const shade = scaleSequentialLog(interpolateBlues).domain([1, max + 1]);
  const land = svg.append('g').attr('class', 'countries');
  for (const [key, f] of world) {
    const c = byShape.get(key);
    const p = land
      .append('path')
      .attr('d', path(f) ?? '')
      .attr('fill', c?.visited ? shade(c.visited + 1) : '#f8fafc')
      .attr('stroke', '#94a3b8')
      .attr('stroke-width', 0.4)
      .attr('data-iso', c?.iso2 ?? null);
    if (c) {
      const code = c.iso2;
      p.attr('tabindex', 0)
        .attr('role', 'button')
        .attr('aria-label', `${c.name}: ${c.visited} visits received, ${c.travelled} by its officials`)
        .on('click', () => onPick(code))
        .on('keydown', (e: KeyboardEvent) => e.key === 'Enter' && onPick(code));
      p.append('title').text(`${c.name}: visited ${c.visited}×, its officials travelled ${c.travelled}×`);
    }
  }
  const centre = (code: string | null) => {
    const f = code ? shapeOf.get(code) : undefined;
    return f ? projection(geoCentroid(f)) : null;
  };
  // Journeys: consecutive stops of one traveller, in date order.
  const byJourney = new Map<number, MapAnswer['visits']>();
  for (const v of m.visits) if (v.journey !== null) byJourney.set(v.journey, [...(byJourney.get(v.journey) ?? []), v]);
  const lines = svg.append('g').attr('class', 'journeys').attr('fill', 'none');
  const arc = (a: [number, number], b: [number, number]) => {
    const mx = (a[0] + b[0]) / 2;
    const my = (a[1] + b[1]) / 2 - Math.hypot(b[0] - a[0], b[1] - a[1]) * 0.15;
    return `M${a[0]},${a[1]}Q${mx},${my} ${b[0]},${b[1]}`;
  };
  const opacity = Math.max(0.15, Math.min(0.8, 40 / Math.max(1, byJourney.size)));
  for (const stops of byJourney.values()) {
    stops.sort((x, y) => (x.event.start ?? '').localeCompare(y.event.start ?? ''));
    const home = centre(stops[0]!.from);
    const points = stops.map((s) => centre(s.to));
    if (home && points[0] && stops[0]!.from !== stops[0]!.to)
      lines
        .append('path')
        .attr('d', arc(home, points[0]))
        .attr('stroke', '#9a3412')
        .attr('stroke-opacity', opacity)
        .attr('stroke-dasharray', '4,3')
        .attr('stroke-width', 1);
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (a && b && (a[0] !== b[0] || a[1] !== b[1]))
        lines.append('path').attr('d', arc(a, b)).attr('stroke', '#c2410c').attr('stroke-opacity', opacity).attr('stroke-width', 1.4);
    }
  }
  footer(svg, height - 12, `${m.journeyRule} Shapes: Natural Earth via world-atlas. Diplomatic knowledge graph, /api/pictures/map.`);
  return { svg: svg.node()!, notDrawn: m.countries.filter((c) => !shapeOf.has(c.iso2)) };
}

export function mapCsv(m: MapAnswer): { header: string[]; rows: CsvRow[] } {
  const title = new Map(m.sources.map((s) => [s.id, s.title]));
  return {
    header: ['event_id', 'title', 'traveller', 'from', 'to', 'places', 'start', 'end', 'journey', 'source_id', 'source_title', 'quote'],
    rows: m.visits.map((v) => [
      v.event.id,
      v.event.title,
      v.traveller.name,
      v.from,
      v.to,
      v.places.join('; '),
      v.event.start,
      v.event.end,
      v.journey,
      v.citations[0]?.sourceId,
      v.citations[0] ? title.get(v.citations[0].sourceId) : null,
      v.citations.map((c) => c.quote).join(' | '),
    ]),
  };
}

export const visitDate = (v: MapAnswer['visits'][number]) => formatDate(v.event.start, v.event.datePrecision);
