// A person's summary card: counts, first and last contact, top counterparts and countries, and titles
// over time as bars (the dates the sources attest them, not terms of office) — every line citing.
import { scaleUtc } from 'd3-scale';
import { getJson } from '../api.ts';
import { h } from '../dom.ts';
import { formatDate } from '../dates.ts';
import { lookupFrom, quotesDisclosure } from '../quotes.ts';
import type { CsvRow } from './export.ts';
import { exportButtons } from './export.ts';
import { footer, frame } from './frame.ts';
import type { SummaryAnswer } from './types.ts';

const cache = new Map<string, Promise<SummaryAnswer>>();

export function fetchSummary(id: string, window: { from?: string | undefined; to?: string | undefined } = {}): Promise<SummaryAnswer> {
  const q = new URLSearchParams();
  if (window.from) q.set('from', window.from);
  if (window.to) q.set('to', window.to);
  const url = `/api/pictures/summary/${encodeURIComponent(id)}${q.size ? `?${q}` : ''}`;
  let p = cache.get(url);
  if (!p) {
    p = getJson<SummaryAnswer>(url);
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

const DAY = 86_400_000;

export function drawTitles(s: SummaryAnswer, width: number): SVGSVGElement {
  const rows = s.titles;
  const height = 46 + 22 + Math.max(1, rows.length) * 20 + 24;
  const { svg, top } = frame(
    width,
    height,
    `Titles over time: ${s.person.name}`,
    width < 420
      ? 'From the first to the last source stating it (not a term).'
      : 'Bars run from the first to the last source that states the title (attested, not a term of office).',
    `Titles of ${s.person.name} over time`,
  );
  const dated = rows.filter((r) => r.firstSeen);
  const lo = Math.min(...dated.map((r) => Date.parse(r.firstSeen!)));
  const hi = Math.max(...dated.map((r) => Date.parse(r.lastSeen ?? r.firstSeen!)));
  const x = scaleUtc()
    .domain(dated.length ? [new Date(lo - 30 * DAY), new Date(hi + 30 * DAY)] : [new Date('2000-01-01'), new Date('2001-01-01')])
    .range([8, width - 8]);
  rows.forEach((r, i) => {
    const y = top + 6 + i * 20;
    const label = `${r.title}, ${r.at.name}: ${r.firstSeen ? (r.lastSeen && r.lastSeen !== r.firstSeen ? `${formatDate(r.firstSeen, 'day')} – ${formatDate(r.lastSeen, 'day')}` : formatDate(r.firstSeen, 'day')) : 'undated source'}`;
    if (r.firstSeen) {
      const x0 = x(new Date(r.firstSeen));
      const x1 = x(new Date(Date.parse(r.lastSeen ?? r.firstSeen) + DAY));
      svg
        .append('rect')
        .attr('class', 'title-bar')
        .attr('x', x0)
        .attr('y', y)
        .attr('width', Math.max(4, x1 - x0))
        .attr('height', 6)
        .attr('rx', 2)
        .attr('fill', '#6d28d9')
        .append('title')
        .text(label);
    }
    const room = Math.floor((width - 16) / 5.6);
    svg
      .append('text')
      .attr('x', 8)
      .attr('y', y + 16)
      .attr('fill', '#0f172a')
      .attr('font-size', 10)
      .text(label.length > room ? `${label.slice(0, room - 1)}…` : label)
      .append('title')
      .text(label);
  });
  footer(
    svg,
    height - 8,
    `${dated.length ? `${new Date(lo).getUTCFullYear()} – ${new Date(hi).getUTCFullYear()}` : ''} · Diplomatic knowledge graph, /api/pictures/summary.`,
  );
  return svg.node()!;
}

function summaryCsv(s: SummaryAnswer): { header: string[]; rows: CsvRow[] } {
  const rows: CsvRow[] = [
    ['events', s.events, '', '', '', ''],
    ['meetings', s.meetings, '', '', '', ''],
    ['visits', s.visits, '', '', '', ''],
  ];
  for (const [what, e] of [
    ['first contact', s.firstContact],
    ['last contact', s.lastContact],
  ] as const)
    if (e) rows.push([what, e.title, e.start, '', e.citations[0]?.sourceId, e.citations[0]?.quote]);
  for (const c of s.counterparts.top)
    rows.push(['counterpart', c.name, c.first, c.last, c.citations[0]?.sourceId, c.citations[0]?.quote, c.events]);
  for (const c of s.countries.top)
    rows.push(['country', c.name, c.first, c.last, c.citations[0]?.sourceId, c.citations[0]?.quote, c.events]);
  for (const t of s.titles)
    rows.push(['title', `${t.title}, ${t.at.name}`, t.firstSeen, t.lastSeen, t.citations[0]?.sourceId, t.citations[0]?.quote]);
  return { header: ['what', 'value', 'first', 'last', 'source_id', 'quote', 'events'], rows };
}

export interface CardActions {
  open(id: string): void;
  pictures?(id: string): void;
}

/** The card; `compact` (the details panel) shows three of each list. */
export function renderSummaryCard(s: SummaryAnswer, actions: CardActions, compact = false): HTMLElement {
  const source = lookupFrom(s.sources);
  const n = compact ? 3 : 8;
  const when = (e: SummaryAnswer['firstContact']) =>
    e
      ? h(
          'span',
          {},
          h('span.date', {}, formatDate(e.start, e.datePrecision)),
          ' ',
          h('button.link', { type: 'button', onclick: () => actions.open(e.id) }, e.title),
          quotesDisclosure(e.citations, source),
        )
      : h('span.hint', {}, 'none dated');
  const counts = (list: SummaryAnswer['counterparts'], noun: string) =>
    list.top.length
      ? h(
          'ol.summary-list',
          {},
          list.top
            .slice(0, n)
            .map((c) =>
              h(
                'li',
                {},
                h('button.link', { type: 'button', onclick: () => actions.open(c.id) }, c.name),
                c.country && !c.id.startsWith('country:') ? ` (${c.country})` : '',
                h('span.count', {}, ` ×${c.events}`),
                h(
                  'span.when',
                  {},
                  ` ${c.first?.slice(0, 4) ?? ''}${c.last && c.last.slice(0, 4) !== c.first?.slice(0, 4) ? `–${c.last.slice(0, 4)}` : ''}`,
                ),
                quotesDisclosure(c.citations, source),
              ),
            ),
        )
      : h('p.hint', {}, `No ${noun} recorded.`);
  const titles = h('div.summary-titles');
  if (s.titles.length) titles.appendChild(drawTitles(s, compact ? 300 : 560));
  return h(
    'section.summary-card',
    { 'aria-label': `Summary of ${s.person.name}`, 'data-person': s.person.id, class: compact ? '' : 'full' },
    h('h3', {}, 'Summary', s.window.from || s.window.to ? ` (${s.window.from ?? '…'} to ${s.window.to ?? '…'})` : ''),
    h(
      'p.summary-counts',
      {},
      h('strong', {}, String(s.events)),
      ' events · ',
      h('strong', {}, String(s.meetings)),
      ' meetings · ',
      h('strong', {}, String(s.visits)),
      ' visits',
      s.undated ? ` · ${s.undated} undated` : '',
      s.truncated ? ' (first events only)' : '',
    ),
    h(
      'dl.summary-contacts',
      {},
      h('dt', {}, 'First contact'),
      h('dd', {}, when(s.firstContact)),
      h('dt', {}, 'Last contact'),
      h('dd', {}, when(s.lastContact)),
    ),
    h('div', {}, h('h4', {}, `Met most (${s.counterparts.total} people)`), counts(s.counterparts, 'meetings')),
    h('div', {}, h('h4', {}, `Countries (${s.countries.total})`), counts(s.countries, 'countries')),
    h('div', {}, h('h4', {}, 'Titles over time'), s.titles.length ? titles : h('p.hint', {}, 'No titles recorded.')),
    actions.pictures ? h('button', { type: 'button', onclick: () => actions.pictures!(s.person.id) }, 'Timeline, map and years') : null,
    compact
      ? null
      : exportButtons('summary', {
          stem: `summary-${s.person.id.replace(/[^\w-]+/g, '_')}`,
          svg: () => titles.querySelector('svg'),
          csv: () => summaryCsv(s),
          json: () => s,
        }),
  );
}
