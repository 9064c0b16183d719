// Runs a named read query and checks its rows against the query's row schema, so the features read
// typed columns and a column renamed or dropped in a .cypher file fails loudly, naming the query,
// the row and the column.
import type { z } from 'zod';
import { QueryShapeMismatch } from '../../domain/errors.ts';
import type { GraphReader, Row } from '../reader.ts';
import { READ_QUERIES, type ReadName } from './table.ts';

export type RowOf<N extends ReadName> = z.infer<(typeof READ_QUERIES)[N]>;

/** The columns a query's row schema reads (checked against the .cypher file's RETURN by a test). */
export function columnsOf(name: ReadName): string[] {
  return Object.keys(READ_QUERIES[name].shape);
}

function mismatch(name: string, index: number, row: Row, error: z.ZodError): QueryShapeMismatch {
  const issue = error.issues[0]!;
  const column = String(issue.path[0] ?? '');
  const at = issue.path.slice(1).map(String).join('.');
  const missing = !(column in row);
  const what = missing
    ? `column "${column}" is missing (the row has ${
        Object.keys(row)
          .map((c) => `"${c}"`)
          .join(', ') || 'no columns'
      })`
    : `column "${column}"${at ? ` at ${at}` : ''}: ${issue.message}`;
  return new QueryShapeMismatch(name, column, `Query "${name}" answered a row the server cannot read: row ${index + 1}, ${what}.`);
}

/** Checks rows against the row schema of `name`; the first row that does not fit throws QueryShapeMismatch. */
export function checkRows<N extends ReadName>(name: N, rows: readonly Row[]): RowOf<N>[] {
  const schema = READ_QUERIES[name];
  const out = new Array<RowOf<N>>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const parsed = schema.safeParse(rows[i]);
    if (!parsed.success) throw mismatch(name, i, rows[i]!, parsed.error);
    // The row itself, not the parsed copy: it has passed, and answers keep their key order.
    out[i] = rows[i] as RowOf<N>;
  }
  return out;
}

/**
 * Runs cypher/<name>.cypher in a read transaction and returns its rows typed by the query's row
 * schema. `slots` fill {{name}} placeholders (see GraphReader.rows).
 */
export async function read<N extends ReadName>(
  reader: GraphReader,
  name: N,
  params?: Record<string, unknown>,
  slots?: Record<string, number>,
): Promise<RowOf<N>[]> {
  return checkRows(name, await reader.rows(name, params, slots));
}
