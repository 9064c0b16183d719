// The timeline: one lane per counterpart (or per official of two countries), a mark per event coloured
// by kind, hollow when planned, dashed when a participation is inferred. Drawn with d3 into an SVG.
import { axisTop } from 'd3-axis';
import { scaleUtc } from 'd3-scale';
import { formatDate } from '../dates.ts';
import type { CsvRow } from './export.ts';
import { footer, frame, legend } from './frame.ts';
import { kindColor, sortKinds } from './kinds.ts';
import type { TimelineAnswer } from './types.ts';

const LANE = 18;
const LABEL = 220;
const DAY = 86_400_000;

export type TimelineItem = TimelineAnswer['items'][number];

export function subjectName(t: TimelineAnswer): string {
  return t.subject.kind === 'person' ? t.subject.person.name : `${t.subject.a.name} – ${t.subject.b.name}`;
}

export function windowText(w: { from: string | null; to: string | null }): string {
  return w.from || w.to ? `${w.from ?? 'the start'} to ${w.to ?? 'the end'}` : 'all dates';
}

export function drawTimeline(t: TimelineAnswer, width: number, onPick: (item: TimelineItem) => void): SVGSVGElement {
  const dated = t.items.filter((i) => i.event.start);
  const height = 46 + 26 + t.lanes.length * LANE + 56;
  const title = `Timeline: ${subjectName(t)}`;
  const subtitle = `${windowText(t.window)} · ${t.events} events, ${t.lanes.length} lanes shown${t.otherLanes.lanes ? ` (${t.otherLanes.lanes} more lanes, ${t.otherLanes.items} marks, not drawn)` : ''}${t.undated ? ` · ${t.undated} undated, not on the axis` : ''}`;
  const { svg, top } = frame(width, height, title, subtitle, `${title}. ${subtitle}`);
  const axisY = top + 20;
  const first = Math.min(...dated.map((i) => Date.parse(i.event.start!)));
  const last = Math.max(...dated.map((i) => Date.parse(i.event.end ?? i.event.start!)));
  const x = scaleUtc()
    .domain(dated.length ? [new Date(first - 15 * DAY), new Date(last + 15 * DAY)] : [new Date('2000-01-01'), new Date('2001-01-01')])
    .range([LABEL, width - 12]);
  svg
    .append('g')
    .attr('transform', `translate(0,${axisY})`)
    .call(axisTop(x).ticks(Math.max(2, Math.floor((width - LABEL) / 90))));
  const laneIndex = new Map(t.lanes.map((l, i) => [l.id, i]));
  const lanes = svg.append('g').attr('transform', `translate(0,${axisY + 6})`);
  t.lanes.forEach((l, i) => {
    if (i % 2 === 0)
      lanes
        .append('rect')
        .attr('x', 0)
        .attr('y', i * LANE)
        .attr('width', width)
        .attr('height', LANE)
        .attr('fill', '#f1f5f9');
    lanes
      .append('text')
      .attr('x', 8)
      .attr('y', i * LANE + 13)
      .attr('fill', '#0f172a')
      .text(
        `${l.name.length > 30 ? `${l.name.slice(0, 29)}…` : l.name}${l.country && l.type === 'person' ? ` (${l.country})` : ''} · ${l.events}`,
      )
      .append('title')
      .text(`${l.name}${l.country ? `, ${l.country}` : ''}: ${l.events} events`);
  });
  // Events of one lane on the same day share its height, one slice each, so every one stays clickable.
  const sameDay = (item: (typeof dated)[number]) => `${item.lane}|${item.event.start}`;
  const slices = new Map<string, number>();
  for (const item of dated) slices.set(sameDay(item), (slices.get(sameDay(item)) ?? 0) + 1);
  const sliced = new Map<string, number>();
  for (const item of dated) {
    const row = laneIndex.get(item.lane);
    if (row === undefined) continue;
    const n = slices.get(sameDay(item)) ?? 1;
    const k = sliced.get(sameDay(item)) ?? 0;
    sliced.set(sameDay(item), k + 1);
    const x0 = x(new Date(item.event.start!));
    const x1 = x(new Date(Date.parse(item.event.end ?? item.event.start!) + DAY));
    const color = kindColor(item.event.kind);
    const planned = item.event.status === 'planned';
    const mark = lanes
      .append('rect')
      .attr('class', 'mark')
      .attr('x', x0)
      .attr('y', row * LANE + 3 + (k * (LANE - 6)) / n)
      .attr('width', Math.max(4, x1 - x0))
      .attr('height', (LANE - 6) / n)
      .attr('rx', 2)
      .attr('fill', planned ? '#ffffff' : color)
      .attr('stroke', color)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', item.inferred ? '3,2' : null)
      .attr('data-event', item.event.id)
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-label', `${formatDate(item.event.start, item.event.datePrecision)}: ${item.event.title}`)
      .on('click', () => onPick(item))
      .on('keydown', (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && onPick(item));
    mark
      .append('title')
      .text(
        `${formatDate(item.event.start, item.event.datePrecision)} — ${item.event.kind}${planned ? ' (planned)' : ''}: ${item.event.title}${item.place ? `, ${item.place}` : ''}${item.inferred ? ' (inferred)' : ''}\n“${item.citations[0]?.quote ?? ''}”`,
      );
  }
  const kinds = sortKinds(t.items.map((i) => i.event.kind));
  const y = axisY + 6 + t.lanes.length * LANE + 22;
  legend(svg, y, kinds, [
    {
      label: 'planned',
      draw: (g) => void g.append('rect').attr('y', -9).attr('width', 10).attr('height', 10).attr('fill', '#fff').attr('stroke', '#334155'),
    },
    {
      label: 'inferred',
      draw: (g) =>
        void g
          .append('rect')
          .attr('y', -9)
          .attr('width', 10)
          .attr('height', 10)
          .attr('fill', '#94a3b8')
          .attr('stroke', '#334155')
          .attr('stroke-dasharray', '3,2'),
    },
  ]);
  footer(svg, y + 20, `Each mark cites its source (${t.sources.length} sources). Diplomatic knowledge graph, /api/pictures/timeline.`);
  return svg.node()!;
}

export function timelineCsv(t: TimelineAnswer): { header: string[]; rows: CsvRow[] } {
  const lane = new Map(t.lanes.map((l) => [l.id, l]));
  const title = new Map(t.sources.map((s) => [s.id, s.title]));
  return {
    header: [
      'lane',
      'lane_country',
      'event_id',
      'title',
      'kind',
      'status',
      'start',
      'end',
      'date_precision',
      'place',
      'role',
      'inferred',
      'source_id',
      'source_title',
      'quote',
    ],
    rows: t.items.flatMap((i) =>
      (i.citations.length ? i.citations : [null]).map((c) => [
        lane.get(i.lane)?.name ?? i.lane,
        lane.get(i.lane)?.country,
        i.event.id,
        i.event.title,
        i.event.kind,
        i.event.status,
        i.event.start,
        i.event.end,
        i.event.datePrecision,
        i.place,
        i.role,
        i.inferred,
        c?.sourceId,
        c ? title.get(c.sourceId) : null,
        c?.quote,
      ]),
    ),
  };
}
