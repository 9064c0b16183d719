// A console result as a bar chart when it is a numeric aggregate: a column of labels (text, dates,
// years) and one or more columns of numbers, at most MAX_BARS rows.
import { axisBottom } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { cellText } from './elements.ts';
import { frame } from './pictures/frame.ts';
import type { CypherAnswer } from './types.ts';

export const MAX_BARS = 60;
const PALETTE = ['#1d4ed8', '#b45309', '#047857', '#be185d', '#6d28d9'];

export interface ChartShape {
  label: number;
  values: number[];
}

/** Which columns to chart, or why not. Pure. */
export function chartShape(a: Pick<CypherAnswer, 'columns' | 'rows'>): ChartShape | string {
  if (!a.rows.length) return 'No rows to chart.';
  if (a.rows.length > MAX_BARS)
    return `A chart shows at most ${MAX_BARS} rows; this result has ${a.rows.length}. Aggregate first (count(*) … ORDER BY … LIMIT).`;
  const numeric = a.columns.map(
    (_, i) => a.rows.every((r) => r[i] === null || typeof r[i] === 'number') && a.rows.some((r) => typeof r[i] === 'number'),
  );
  const values = numeric.flatMap((n, i) => (n ? [i] : []));
  if (!values.length) return 'Nothing to chart: no column holds only numbers.';
  const label = a.columns.findIndex((_, i) => !numeric[i]);
  return { label: label >= 0 ? label : -1, values: label >= 0 ? values : values.slice(1).length ? values.slice(1) : values };
}

export function drawChart(a: CypherAnswer, shape: ChartShape, width: number): SVGSVGElement {
  const rowH = 20;
  const left = 180;
  const height = 46 + a.rows.length * rowH * Math.max(1, shape.values.length) * 0.8 + 60;
  const cols = shape.values.map((i) => a.columns[i]!);
  const title = `${cols.join(', ')}${shape.label >= 0 ? ` by ${a.columns[shape.label]}` : ''}`;
  const { svg, top } = frame(width, height, title, `${a.rows.length} rows from the console`, `Bar chart: ${title}`);
  const labels = a.rows.map((r, i) => (shape.label >= 0 ? cellText(r[shape.label]) || '(null)' : String(i + 1)));
  const y = scaleBand<number>()
    .domain(a.rows.map((_, i) => i))
    .range([top, height - 50])
    .paddingInner(0.2);
  const max = Math.max(0, ...a.rows.flatMap((r) => shape.values.map((i) => (r[i] as number | null) ?? 0)));
  const x = scaleLinear()
    .domain([0, max || 1])
    .nice()
    .range([left, width - 20]);
  svg
    .append('g')
    .attr('transform', `translate(0,${height - 50})`)
    .call(axisBottom(x).ticks(6));
  const band = y.bandwidth() / shape.values.length;
  a.rows.forEach((r, i) => {
    svg
      .append('text')
      .attr('x', left - 6)
      .attr('y', y(i)! + y.bandwidth() / 2 + 4)
      .attr('text-anchor', 'end')
      .attr('fill', '#0f172a')
      .text(labels[i]!.length > 28 ? `${labels[i]!.slice(0, 27)}…` : labels[i]!);
    shape.values.forEach((c, k) => {
      const v = (r[c] as number | null) ?? 0;
      svg
        .append('rect')
        .attr('class', 'chart-bar')
        .attr('x', x(0))
        .attr('y', y(i)! + k * band)
        .attr('width', Math.max(0, x(v) - x(0)))
        .attr('height', Math.max(1, band - 1))
        .attr('fill', PALETTE[k % PALETTE.length]!)
        .append('title')
        .text(`${labels[i]}: ${a.columns[c]} = ${v}`);
    });
  });
  const g = svg.append('g').attr('transform', `translate(8,${height - 18})`);
  let lx = 0;
  cols.forEach((c, k) => {
    g.append('rect')
      .attr('x', lx)
      .attr('y', -9)
      .attr('width', 10)
      .attr('height', 10)
      .attr('fill', PALETTE[k % PALETTE.length]!);
    g.append('text')
      .attr('x', lx + 14)
      .attr('y', 0)
      .attr('fill', '#1e293b')
      .text(c);
    lx += 24 + c.length * 7;
  });
  return svg.node()!;
}
