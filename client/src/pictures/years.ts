// Events per year, stacked by kind; each bar links to that year's meetings with their quotes.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { CsvRow } from './export.ts';
import { footer, frame, legend } from './frame.ts';
import { kindColor } from './kinds.ts';
import type { YearsAnswer } from './types.ts';

export function yearsSubject(y: YearsAnswer): string {
  const { person, country } = y.subject;
  if (person && country) return `${person.name} with ${country.name}`;
  return person?.name ?? country?.name ?? 'the whole graph';
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

export function drawYears(y: YearsAnswer, width: number, onPick: (year: YearsAnswer['years'][number]) => void): SVGSVGElement {
  const height = 300;
  const title = `Events per year: ${yearsSubject(y)}`;
  const total = y.years.reduce((n, r) => n + r.total, 0);
  const undated = sum(y.undated);
  const spanning = sum(y.spanningYears);
  const apart = [undated ? `${undated} undated` : '', spanning ? `${spanning} running into the next year` : ''].filter(Boolean).join(', ');
  const subtitle = `${total} held events with two or more taking part${apart ? `; not in the bars: ${apart}` : ''}`;
  const { svg, top } = frame(width, height, title, subtitle, `${title}. ${subtitle}`);
  const years = y.years.length ? y.years.map((r) => r.year) : [new Date().getUTCFullYear()];
  const all: number[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) all.push(year);
  const x = scaleBand<number>()
    .domain(all)
    .range([44, Math.min(width - 10, 44 + all.length * 48)])
    .paddingInner(0.15);
  const yScale = scaleLinear()
    .domain([0, Math.max(1, ...y.years.map((r) => r.total))])
    .nice()
    .range([height - 60, top + 6]);
  const step = Math.max(1, Math.ceil(all.length / Math.max(1, Math.floor((width - 60) / 40))));
  svg
    .append('g')
    .attr('transform', `translate(0,${height - 60})`)
    .call(
      axisBottom(x)
        .tickValues(all.filter((yr) => yr % step === 0))
        .tickFormat(String),
    );
  svg.append('g').attr('transform', 'translate(44,0)').call(axisLeft(yScale).ticks(5));
  const bars = svg.append('g');
  for (const row of y.years) {
    let base = 0;
    const g = bars
      .append('g')
      .attr('class', 'bar')
      .attr('data-year', row.year)
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-label', `${row.year}: ${row.total} events, ${row.meetings} meetings`)
      .on('click', () => onPick(row))
      .on('keydown', (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && onPick(row));
    g.append('title').text(
      `${row.year}: ${Object.entries(row.kinds)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
    );
    for (const kind of y.kinds) {
      const n = row.kinds[kind] ?? 0;
      if (!n) continue;
      g.append('rect')
        .attr('x', x(row.year)!)
        .attr('width', x.bandwidth())
        .attr('y', yScale(base + n))
        .attr('height', yScale(base) - yScale(base + n))
        .attr('fill', kindColor(kind));
      base += n;
    }
  }
  legend(svg, height - 28, y.kinds);
  footer(
    svg,
    height - 10,
    'Counts of held events in the graph; each year lists its meetings with their quotes (/api/meetings). Diplomatic knowledge graph, /api/pictures/years.',
  );
  return svg.node()!;
}

export function yearsCsv(y: YearsAnswer): { header: string[]; rows: CsvRow[] } {
  return {
    header: ['year', 'kind', 'events', 'meetings_list'],
    rows: [
      ...y.years.flatMap((r) => Object.entries(r.kinds).map(([k, n]): CsvRow => [r.year, k, n, r.meetingsUrl])),
      ...Object.entries(y.undated).map(([k, n]): CsvRow => ['undated', k, n, '']),
      ...Object.entries(y.spanningYears).map(([k, n]): CsvRow => ['spans two years', k, n, '']),
    ],
  };
}
