// Turns evidence keys ("sourceId#start-end") into what a reader needs: the quote itself, cut from the
// stored article, with the article's title and date.
import type { GraphReader } from '../repository/reader.ts';
import { parseEvidenceKey } from '../../seeds/source-text.ts';

export interface Quote {
  sourceId: string;
  quote: string;
  span: { start: number; end: number };
}

export interface SourceSummary {
  id: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
}

export interface QuoteBook {
  quotes(keys: readonly string[] | null | undefined): Quote[];
  sources(): SourceSummary[];
}

/** Loads the articles behind `keys` once, then cuts quotes from them. */
export async function loadQuoteBook(reader: GraphReader, keys: readonly string[]): Promise<QuoteBook> {
  const ids = [...new Set(keys.map((key) => parseEvidenceKey(key)?.sourceId).filter((id): id is string => !!id))];
  const rows = ids.length ? await reader.rows('sources-by-id', { ids }) : [];
  const texts = new Map(rows.map((row) => [row.id as string, row]));
  const used = new Set<string>();
  return {
    quotes(list) {
      const out: Quote[] = [];
      for (const key of new Set(list ?? [])) {
        const parsed = parseEvidenceKey(key);
        const text = parsed ? texts.get(parsed.sourceId)?.text : undefined;
        if (!parsed || typeof text !== 'string') continue;
        used.add(parsed.sourceId);
        out.push({ sourceId: parsed.sourceId, quote: text.slice(parsed.span.start, parsed.span.end), span: parsed.span });
      }
      return out;
    },
    sources() {
      return [...used].sort().map((id) => {
        const row = texts.get(id)!;
        return { id, title: row.title as string | null, publisher: row.publisher as string | null, published: row.published as string | null };
      });
    },
  };
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
