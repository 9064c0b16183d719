// Streams the rows of a CSV file with a header line, each with the line it ends on, so a problem can
// name file:line. A malformed file (an unclosed quote, a row with the wrong number of fields, bytes
// that are not UTF-8) stops the stream with a message naming the line.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { firstInvalidUtf8 } from '../text-file.ts';

export interface CsvRow {
  file: string;
  line: number;
  values: Record<string, string>;
}

export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
}

/**
 * Decodes UTF-8 strictly as it streams (as seeds/text-file.ts does for whole files): a Latin-1 export
 * would otherwise become U+FFFD characters in names, silently splitting one person into two.
 */
function strictUtf8(file: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  const newlines = (text: string) => text.split('\n').length - 1;
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        line += newlines(text);
        done(null, text);
      } catch {
        const bad = firstInvalidUtf8(chunk); // -1 when the bad sequence began in the previous chunk
        const at = bad >= 0 ? line + chunk.subarray(0, bad).reduce((n, b) => (b === 0x0a ? n + 1 : n), 0) : line;
        done(
          new CsvFormatError(
            `${file}:${at} is not valid UTF-8${bad >= 0 ? ` (byte 0x${chunk[bad]!.toString(16).padStart(2, '0')})` : ''}; save it as UTF-8`,
          ),
        );
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new CsvFormatError(`${file}:${line} ends inside a UTF-8 character; save it as UTF-8`));
      }
    },
  });
}

export async function* csvRows(path: string): AsyncGenerator<CsvRow> {
  const file = basename(path);
  const source = createReadStream(path);
  const decoder = strictUtf8(file);
  const parser = source
    .pipe(decoder)
    .pipe(parse({ columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: false }));
  // pipe() does not forward errors: the file's and the decoder's end the iteration below.
  source.on('error', (error) => parser.destroy(error));
  decoder.on('error', (error) => parser.destroy(error));
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { file, line: item.info.lines, values: item.record };
    }
  } catch (error) {
    if (error instanceof CsvFormatError) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new CsvFormatError(`${file}${line ? `:${line}` : ''} is not valid CSV: ${error.message}`);
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CsvFormatError(`cannot read ${path}: no such file`);
    throw error;
  }
}
