// A checksum of every node and relationship with all their properties, so two loads can be proven
// to have produced exactly the same graph (idempotency, convergence after a crash).
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { cypher } from './cypher.ts';

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(canonical);
  const maybe = value as { toString(): string; constructor: { name: string } };
  if (maybe.constructor.name !== 'Object') return `${maybe.constructor.name}:${maybe.toString()}`;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

export async function graphChecksum(driver: Driver, database?: string): Promise<{ items: number; sha256: string }> {
  const { records } = await driver.executeQuery(cypher('graph-dump'), {}, { database });
  const hash = createHash('sha256');
  for (const record of records) hash.update(`${record.get('k') as string}\t${JSON.stringify(canonical(record.get('p')))}\n`);
  return { items: records.length, sha256: hash.digest('hex') };
}
