// Source quotes with the article's title, publisher and date.
import { h } from './dom.ts';
import { formatDate } from './dates.ts';
import type { Evidence, SourceInfo } from './types.ts';

export type SourceLookup = (id: string) => SourceInfo | undefined;

export function lookupFrom(sources: SourceInfo[]): SourceLookup {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (id) => byId.get(id);
}

function cite(sourceId: string, source: SourceLookup): HTMLElement {
  const s = source(sourceId);
  return h('cite', {}, s?.title ?? sourceId, s?.publisher ? ` — ${s.publisher}` : '', s?.published ? `, ${formatDate(s.published, 'day')}` : '');
}

/**
 * Quotes with their articles. The same words quoted from many sources (an imported traveller's name in
 * each of 241 records) are one quote with the count of its sources, the sources folded.
 */
export function quoteList(evidence: Evidence[] | undefined, source: SourceLookup): HTMLElement | null {
  if (!evidence?.length) return null;
  const byText = new Map<string, Evidence[]>();
  for (const ev of evidence) byText.set(ev.quote, [...(byText.get(ev.quote) ?? []), ev]);
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
            h('details.sources-fold', {}, h('summary', {}, `in ${all.length} sources`), h('ul.cites', {}, all.slice(0, 50).map((ev) => h('li', {}, cite(ev.sourceId, source))), all.length > 50 ? h('li', {}, `and ${all.length - 50} more`) : null)),
          ),
    ),
  );
}

/** A collapsed "N quotes" disclosure, for lists of many facts. */
export function quotesDisclosure(evidence: Evidence[] | undefined, source: SourceLookup): HTMLElement | null {
  const list = quoteList(evidence, source);
  if (!list || !evidence) return null;
  return h('details.evidence', {}, h('summary', {}, `${evidence.length} quote${evidence.length === 1 ? '' : 's'}`), list);
}
