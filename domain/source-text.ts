// Turns an article file into the text we keep on its Source node: the " date YYYY-MM-DD" header is
// read (and removed), junk lines are dropped, runs of blank lines are folded. Evidence spans index
// into this cleaned text, so a quote can always be shown from the graph alone.
import type { Span } from './contracts/common.ts';

export interface CleanSource {
  text: string;
  /** From the header; null when the article has none. */
  headerDate: string | null;
}

const HEADER = /^\s*date (\d{4}-\d{2}-\d{2})\s*/;

export function cleanSourceText(raw: string, junk: readonly string[] = []): CleanSource {
  const header = HEADER.exec(raw);
  const body = header ? raw.slice(header[0].length) : raw;
  const junkLines = new Set(junk.map((line) => line.trim()));
  const lines = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => !junkLines.has(line.trim()));
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, headerDate: header?.[1] ?? null };
}

/** Where a quote lies in its source text (the API's contract). */
export type { Span };

/** Where `quote` occurs in `text` (first occurrence), or null. Verbatim: no normalisation. */
export function locateQuote(text: string, quote: string): Span | null {
  const start = text.indexOf(quote);
  return start < 0 ? null : { start, end: start + quote.length };
}

/** Evidence is stored as "sourceId#start-end" strings, so it fits a Neo4j list property. */
export function evidenceKey(sourceId: string, span: Span): string {
  return `${sourceId}#${span.start}-${span.end}`;
}

export function parseEvidenceKey(key: string): { sourceId: string; span: Span } | null {
  const match = /^(.*)#(\d+)-(\d+)$/.exec(key);
  if (!match?.[1]) return null;
  return { sourceId: match[1], span: { start: Number(match[2]), end: Number(match[3]) } };
}
