// Loads the named queries in cypher/*.cypher. Every query the app runs lives there, never as a
// string built from input; a test runs EXPLAIN on each file.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'cypher');

const cache = new Map<string, string>();

/** The text of cypher/<name>.cypher (name may include a sub-folder, e.g. "analyst/x"). */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Splits a multi-statement file (schema.cypher) into statements, dropping comment lines. */
export function statements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Names of every .cypher file, recursively ("upsert-events", "analyst/meetings-of-person"). */
export function allCypherNames(dir = CYPHER_DIR, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return allCypherNames(join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name.endsWith('.cypher') ? [`${prefix}${entry.name.slice(0, -'.cypher'.length)}`] : [];
  });
}
