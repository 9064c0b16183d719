// Source quotes with the article's title, publisher and date.
import { h } from './dom.ts';
import { formatDate } from './dates.ts';
import type { Evidence, SourceInfo } from './types.ts';

export type SourceLookup = (id: string) => SourceInfo | undefined;

export function lookupFrom(sources: SourceInfo[]): SourceLookup {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (id) => byId.get(id);
}

export function quoteList(evidence: Evidence[] | undefined, source: SourceLookup): HTMLElement | null {
  if (!evidence?.length) return null;
  return h(
    'ul.quotes',
    {},
    evidence.map((ev) => {
      const s = source(ev.sourceId);
      return h(
        'li',
        {},
        h('blockquote.quote', {}, `“${ev.quote}”`),
        h('cite', {}, s?.title ?? ev.sourceId, s?.publisher ? ` — ${s.publisher}` : '', s?.published ? `, ${formatDate(s.published, 'day')}` : ''),
      );
    }),
  );
}

/** A collapsed "N quotes" disclosure, for lists of many facts. */
export function quotesDisclosure(evidence: Evidence[] | undefined, source: SourceLookup): HTMLElement | null {
  const list = quoteList(evidence, source);
  if (!list || !evidence) return null;
  return h('details.evidence', {}, h('summary', {}, `${evidence.length} quote${evidence.length === 1 ? '' : 's'}`), list);
}
