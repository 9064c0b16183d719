// Source quotes with the article's title, publisher and date.
import { fold as lazyFold, h } from './dom.ts';
import { formatDate } from './dates.ts';
import type { Evidence, SourceInfo } from './types.ts';

export type SourceLookup = (id: string) => SourceInfo | undefined;

export function lookupFrom(sources: SourceInfo[]): SourceLookup {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (id) => byId.get(id);
}

function cite(sourceId: string, source: SourceLookup): HTMLElement {
  const s = source(sourceId);
  return h(
    'cite',
    {},
    s?.title ?? sourceId,
    s?.publisher ? ` — ${s.publisher}` : '',
    s?.published ? `, ${formatDate(s.published, 'day')}` : '',
  );
}

/**
 * Quotes with their articles. The same words quoted from many sources are one quote with the count of
 * its sources, the sources folded; an imported record's column lines ("traveler: X") are not quotes:
 * they only say which records name it, so they are listed as those records, folded.
 */
export function quoteList(evidence: Evidence[] | undefined, source: SourceLookup): HTMLElement | null {
  if (!evidence?.length) return null;
  const prose = evidence.filter((ev) => !ev.recordField);
  const records = [...new Set(evidence.filter((ev) => ev.recordField).map((ev) => ev.sourceId))];
  const byText = new Map<string, Evidence[]>();
  for (const ev of prose) byText.set(ev.quote, [...(byText.get(ev.quote) ?? []), ev]);
  const fold = (label: string, ids: string[]) =>
    lazyFold('sources-fold', label, () =>
      h(
        'ul.cites',
        {},
        ids.slice(0, 50).map((id) => h('li', {}, cite(id, source))),
        ids.length > 50 ? h('li', {}, `and ${ids.length - 50} more`) : null,
      ),
    );
  return h(
    'ul.quotes',
    {},
    [...byText.entries()].map(([quote, all]) =>
      all.length === 1
        ? h('li', {}, h('blockquote.quote', {}, `“${quote}”`), cite(all[0]!.sourceId, source))
        : h(
            'li',
            {},
            h('blockquote.quote', {}, `“${quote}”`),
            fold(
              `in ${all.length} sources`,
              all.map((ev) => ev.sourceId),
            ),
          ),
    ),
    records.length === 1 ? h('li.records', {}, 'Named in the record: ', cite(records[0]!, source)) : null,
    records.length > 1 ? h('li.records', {}, fold(`Named in ${records.length} records`, records)) : null,
  );
}

/** How many quotes and records a list of evidence shows. */
export function evidenceCount(evidence: Evidence[]): string {
  const quotes = new Set(evidence.filter((ev) => !ev.recordField).map((ev) => ev.quote)).size;
  const records = new Set(evidence.filter((ev) => ev.recordField).map((ev) => ev.sourceId)).size;
  return [quotes ? `${quotes} quote${quotes === 1 ? '' : 's'}` : '', records ? `${records} record${records === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
}

/** A collapsed "N quotes" disclosure, for lists of many facts; the quotes are built when it opens. */
export function quotesDisclosure(evidence: Evidence[] | undefined, source: SourceLookup): HTMLElement | null {
  if (!evidence?.length) return null;
  return lazyFold('evidence', evidenceCount(evidence), () => quoteList(evidence, source));
}
