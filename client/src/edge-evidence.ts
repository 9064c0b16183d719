// The evidence of one line: what joins its two ends, says who. Each meeting with its date, kind, place,
// the article or record it comes from and the quote; an imported record's own place and prose; titles
// and participations with their quotes. Long lists fold by year.
import { h } from './dom.ts';
import { formatDate } from './dates.ts';
import { lookupFrom, quoteList, type SourceLookup } from './quotes.ts';
import type { LinksAnswer, MeetingInfo, RecordText } from './types.ts';

type Link = LinksAnswer['links'][number];

const KIND_WORD: Record<string, string> = {
  MET: 'met',
  HOLDS: 'holds the title',
  PARTICIPATED_IN: 'took part',
  PART_OF: 'part of',
  HELD_IN: 'held in',
  IN: 'in',
  BASED_IN: 'based in',
  PARTY_TO: 'party to',
  CONCLUDED_AT: 'concluded at',
  ABOUT: 'about',
  MEMBER_OF: 'member of',
};

function where(event: MeetingInfo): string {
  const places = event.places.map((p) => p.name).join(', ');
  const country = event.country?.name;
  if (places && country) return `${places} (${country})`;
  return places || country || 'place not given';
}

function recordBlock(record: RecordText, source: SourceLookup): HTMLElement {
  const s = source(`source:state-dept-${record.id}`);
  return h(
    'div.record',
    {},
    h(
      'p.record-head',
      {},
      record.kind,
      ' · ',
      [record.place, record.country].filter(Boolean).join(', ') || 'place not given',
      record.start ? ` · ${record.start}${record.end && record.end !== record.start ? ` – ${record.end}` : ''}` : '',
    ),
    record.prose ? h('blockquote.quote', {}, `“${record.prose}”`) : null,
    h('cite', {}, s?.title ?? record.id, s?.publisher ? ` — ${s.publisher}` : ''),
  );
}

function linkItem(link: Link, source: SourceLookup, names: Map<string, string>): HTMLElement {
  const e = link.event;
  const date = e?.event.start ?? (link.properties.date as string | undefined) ?? null;
  const precision = e?.event.datePrecision ?? (link.properties.datePrecision as string | undefined) ?? null;
  const what =
    link.type === 'MET'
      ? (e?.event.kind ?? 'meeting')
      : link.type === 'HOLDS'
        ? `title: ${String(link.properties.title ?? '')}`
        : `${names.get(link.from) ?? link.from} ${KIND_WORD[link.type] ?? link.type.toLowerCase()}${link.properties.role ? ` as ${String(link.properties.role)}` : ''}`;
  const inferred = link.properties.inferred === true;
  return h(
    'li.link-item',
    { 'data-type': link.type, ...(e ? { 'data-event': e.event.id } : {}) },
    h(
      'div.link-head',
      {},
      h('span.date', {}, date ? formatDate(date, precision) : 'undated'),
      ' ',
      h('strong', {}, what),
      inferred ? h('span.tag', {}, 'inferred') : null,
      e?.event.status === 'planned' ? h('span.tag', {}, 'planned') : null,
    ),
    e ? h('div.link-where', {}, where(e), e.partOf ? [' · during ', h('span', {}, e.partOf.name)] : null) : null,
    e && e.participants.length > 2 ? h('div.link-who', {}, 'with ', e.participants.map((p) => p.name).join(', ')) : null,
    e?.records.length ? e.records.slice(0, 1).map((r) => recordBlock(r, source)) : null,
    e && !e.records.length ? quoteList(e.evidence, source) : null,
    e?.records.length
      ? quoteList(
          e.evidence.filter((q) => !e.records.some((r) => r.prose === q.quote)),
          source,
        )
      : null,
    quoteList(link.evidence, source),
  );
}

/** The panel body for a line between two entities. */
export function renderEdgeEvidence(answer: LinksAnswer, open: (id: string) => void, windowText: string | null): HTMLElement {
  const source = lookupFrom(answer.sources);
  const names = new Map([
    [answer.a.id, answer.a.name],
    [answer.b.id, answer.b.name],
  ]);
  const meetings = answer.links.filter((l) => l.type === 'MET').length;
  const byYear = new Map<string, Link[]>();
  for (const link of answer.links) {
    const date = link.event?.event.start ?? (link.properties.date as string | undefined) ?? null;
    const year = date ? date.slice(0, 4) : 'undated';
    byYear.set(year, [...(byYear.get(year) ?? []), link]);
  }
  const fold = answer.links.length > 8;
  const years = [...byYear.keys()].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)));
  return h(
    'article.details.edge-details',
    { 'data-edge': `${answer.a.id}|${answer.b.id}` },
    h(
      'header',
      {},
      h('span.badge.edge-badge', {}, 'Link'),
      h(
        'h2',
        { tabindex: '-1' },
        h('button.link', { type: 'button', onclick: () => open(answer.a.id) }, answer.a.name),
        ' — ',
        h('button.link', { type: 'button', onclick: () => open(answer.b.id) }, answer.b.name),
      ),
    ),
    h(
      'p.summary',
      {},
      meetings ? `${meetings} meeting${meetings === 1 ? '' : 's'}` : `${answer.total} link${answer.total === 1 ? '' : 's'}`,
      answer.total > answer.links.length ? ` (first ${answer.links.length} of ${answer.total})` : '',
      windowText ? ` · ${windowText}` : '',
    ),
    answer.links.length === 0 ? h('p.empty-note', {}, 'Nothing joins them in this window.') : null,
    fold
      ? years.map((year, i) =>
          h(
            'details.year-fold',
            { ...(i === 0 ? { open: true } : {}) },
            h('summary', {}, `${year} `, h('span.count', {}, `(${byYear.get(year)!.length})`)),
            h(
              'ul.facts.links',
              {},
              byYear.get(year)!.map((l) => linkItem(l, source, names)),
            ),
          ),
        )
      : h(
          'ul.facts.links',
          {},
          answer.links.map((l) => linkItem(l, source, names)),
        ),
  );
}
