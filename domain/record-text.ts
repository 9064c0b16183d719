// Reads back the Source text an imported State Department record was rendered to (renderSource in
// seeds/import/state-dept/map.ts: a header line, then "column: value" lines), so a reader can show the
// record's place and prose rather than its column lines. Pure.

/** Every imported record's Source id starts with this (the file is state-dept-<record id>.txt). */
export const RECORD_SOURCE_PREFIX = 'source:state-dept-';

import type { RecordText } from './contracts/common.ts';

/** Columns that carry prose; every other column line is structure (who, where, when). */
const PROSE_COLUMNS = new Set(['remarks', 'description']);

/** An imported record as the API shows it (the contract: domain/contracts/common.ts). */
export type { RecordText };

export function isRecordSource(sourceId: string): boolean {
  return sourceId.startsWith(RECORD_SOURCE_PREFIX);
}

/** The "column: value" lines of a rendered record, with where each line starts in the text. */
function columnLines(text: string): { column: string; value: string; start: number; end: number }[] {
  const out: { column: string; value: string; start: number; end: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+): (.*)$/.exec(line);
    if (match) out.push({ column: match[1]!, value: match[2]!, start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  return out;
}

/** The record behind a rendered Source text, or null when the text is not a rendered record. */
export function readRecordText(sourceId: string, text: string): RecordText | null {
  if (!isRecordSource(sourceId)) return null;
  const header = text.split('\n', 1)[0] ?? '';
  const lines = columnLines(text);
  if (!lines.length) return null;
  const field = (name: string) => lines.find((l) => l.column === name)?.value || null;
  return {
    id: sourceId.slice(RECORD_SOURCE_PREFIX.length),
    kind: header.replace(/\s+—.*$/, ''),
    who: field('traveler') ?? field('visitor'),
    place: field('locale'),
    country: field('country'),
    start: field('start_date'),
    end: field('end_date'),
    prose: field('remarks') ?? field('description'),
  };
}

/**
 * Whether a span of a rendered record lies in its header or one of its structure lines ("traveler: X",
 * "start_date: …") rather than in its prose: such a quote identifies the record's columns, the record block shows
 * them, and listing them as quotes would say nothing.
 */
export function isColumnQuote(text: string, span: { start: number; end: number }): boolean {
  const headerEnd = text.indexOf('\n');
  if (headerEnd > 0 && span.end <= headerEnd) return true;
  return columnLines(text).some((l) => !PROSE_COLUMNS.has(l.column) && span.start >= l.start && span.end <= l.end);
}
