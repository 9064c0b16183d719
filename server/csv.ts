// The one CSV writer (RFC 4180, through csv-stringify). Everything the product writes as CSV passes
// here: reports, the console's CSV, the bulk-import files of the benchmarks.
// Cells that a spreadsheet would run as a formula — text starting with =, +, -, @, a tab or a carriage
// return, or their full-width forms — are prefixed with ' (OWASP, "CSV Injection"), so an article
// sentence such as "=HYPERLINK(…)" opens as text. Numbers stay numbers: -3 is not escaped.
import { stringify as stringifyStream, type Options, type Stringifier } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Line ending; RFC 4180 says CRLF. */
  recordDelimiter?: '\n' | '\r\n';
  /** Quote every text cell (Neo4j's bulk importer wants that); default: only where needed. */
  quoteText?: boolean;
  /**
   * Leave formula-like cells as they are. Only for files no spreadsheet opens and whose every byte is
   * data (the bulk importer's input, where a ' would end up in the graph).
   */
  keepFormulas?: boolean;
}

function libraryOptions(options: CsvOptions): Options {
  return {
    record_delimiter: options.recordDelimiter === '\n' ? 'unix' : 'windows',
    // A lone \r or \n inside a cell is quoted too (the library stops doing so once a delimiter is set).
    quote_record_delimiter: true,
    escape_formulas: !options.keepFormulas,
    quoted_string: options.quoteText ?? false,
    cast: { boolean: (value) => String(value) },
  };
}

/** Rows (the first may be the header) as CSV text, ending with a line break. */
export function csvText(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  return stringify(rows as CsvCell[][], libraryOptions(options));
}

/** A stream that takes rows (arrays of cells) and gives CSV text, for files too large to hold. */
export function csvStream(options: CsvOptions = {}): Stringifier {
  return stringifyStream(libraryOptions(options));
}
