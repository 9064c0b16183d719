// Streams the rows of a CSV file with a header line, each with the line it ends on, so a problem can
// name file:line. A malformed file (an unclosed quote, a row with the wrong number of fields) stops
// the stream with a message naming the line.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse, CsvError } from 'csv-parse';

export interface CsvRow {
  file: string;
  line: number;
  values: Record<string, string>;
}

export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
}

export async function* csvRows(path: string): AsyncGenerator<CsvRow> {
  const file = basename(path);
  const parser = createReadStream(path).pipe(
    parse({ columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: false }),
  );
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { file, line: item.info.lines, values: item.record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new CsvFormatError(`${file}${line ? `:${line}` : ''} is not valid CSV: ${error.message}`);
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CsvFormatError(`cannot read ${path}: no such file`);
    throw error;
  }
}
