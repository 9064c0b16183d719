// Turns evidence keys ("sourceId#start-end") into what a reader needs: the quote itself, cut from the
// stored article, with the article's title and date.
import type { GraphReader } from '../../graph/reader.ts';
import { textsProp } from '../../graph/queries/columns.ts';
import type { Plain } from '../../graph/values.ts';
import { read } from '../../graph/queries/read.ts';
import { isColumnQuote, isRecordSource, readRecordText, type RecordText } from '../../domain/record-text.ts';
import { parseEvidenceKey } from '../../domain/source-text.ts';
import type { Quote, SourceSummary } from '../../domain/contracts/common.ts';

export type { Quote, SourceSummary };

export interface QuoteBook {
  quotes(keys: readonly Plain[] | Plain | undefined): Quote[];
  /**
   * The quotes a reader should see: as quotes(), less an imported record's header and column lines
   * ("traveler: X"), which its record() shows as place and dates instead.
   */
  readable(keys: readonly Plain[] | Plain | undefined): Quote[];
  /** An imported record's place, dates and prose, read from its Source; null for an article. */
  record(sourceId: string): RecordText | null;
  /** The articles quotes have been cut from so far. */
  sources(): SourceSummary[];
  /** Any loaded article, whether quoted yet or not. */
  source(id: string): SourceSummary | undefined;
}

/** Each quote once: one that lies inside a longer quote from the same article is dropped. */
export function withoutContained<Q extends Quote>(quotes: readonly Q[]): Q[] {
  const unique = [...new Map(quotes.map((q) => [`${q.sourceId}#${q.span.start}-${q.span.end}`, q])).values()];
  return unique.filter(
    (q) => !unique.some((o) => o !== q && o.sourceId === q.sourceId && o.span.start <= q.span.start && q.span.end <= o.span.end),
  );
}

/** Loads the articles behind `keys` (and `sourceIds`) once, then cuts quotes from them. */
export async function loadQuoteBook(reader: GraphReader, keys: readonly string[], sourceIds: readonly string[] = []): Promise<QuoteBook> {
  const ids = [...new Set([...keys.map((key) => parseEvidenceKey(key)?.sourceId), ...sourceIds].filter((id): id is string => !!id))];
  const rows = ids.length ? await read(reader, 'sources-by-id', { ids }) : [];
  const texts = new Map(rows.map((row) => [row.id, row]));
  const used = new Set<string>();
  const source = (id: string): SourceSummary | undefined => {
    const row = texts.get(id);
    return row && { id, title: row.title, publisher: row.publisher, published: row.published };
  };
  const book: QuoteBook = {
    quotes(list) {
      const out: Quote[] = [];
      // Evidence keys are a list of text; an unset property cites nothing.
      for (const key of new Set(textsProp(list))) {
        const parsed = parseEvidenceKey(key);
        const text = parsed ? texts.get(parsed.sourceId)?.text : undefined;
        if (!parsed || typeof text !== 'string') continue;
        used.add(parsed.sourceId);
        const quote: Quote = { sourceId: parsed.sourceId, quote: text.slice(parsed.span.start, parsed.span.end), span: parsed.span };
        if (isRecordSource(parsed.sourceId) && isColumnQuote(text, parsed.span)) quote.recordField = true;
        out.push(quote);
      }
      return out;
    },
    readable(list) {
      return book.quotes(list).filter((q) => !q.recordField);
    },
    record(id) {
      const text = texts.get(id)?.text;
      if (typeof text !== 'string') return null;
      used.add(id);
      return readRecordText(id, text);
    },
    sources() {
      return [...used].sort().map((id) => source(id)!);
    },
    source,
  };
  return book;
}

/** Every evidence key found in a nested structure (props.evidence arrays). */
export function collectEvidence(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectEvidence(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'evidence' && Array.isArray(v)) into.push(...v.filter((x): x is string => typeof x === 'string'));
      else collectEvidence(v, into);
    }
  }
  return into;
}
