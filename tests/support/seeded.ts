// The five seed articles loaded into the test database once, for tests that read the graph.
import type { Driver } from 'neo4j-driver';
import { loadFactFiles, type LoadSummary } from '../../seeds/loader.ts';
import { testDatabase } from './database.ts';

let seeded: Promise<{ driver: Driver; summary: LoadSummary }> | undefined;

export function seededGraph(): Promise<{ driver: Driver; summary: LoadSummary }> {
  seeded ??= (async () => {
    const { driver } = await testDatabase();
    const summary = await loadFactFiles({ driver, reset: true });
    return { driver, summary };
  })();
  return seeded;
}

/** Runs a read query and returns plain objects (Neo4j integers as numbers, dates as ISO strings). */
export async function rows(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const { records } = await driver.executeQuery(query, params);
  return records.map((record) => plain(record.toObject()) as Record<string, unknown>);
}

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    const v = value as { toNumber?: () => number; constructor?: { name?: string }; toString(): string };
    if (typeof v.toNumber === 'function' && 'low' in (value as object)) return v.toNumber();
    const name = v.constructor?.name;
    if (name === 'Date' && 'year' in (value as object)) return v.toString();
    return Object.fromEntries(Object.entries(value as object).map(([k, x]) => [k, plain(x)]));
  }
  return value;
}
