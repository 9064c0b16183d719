// Named write queries run inside a caller's transaction, batched, adding up what they changed: the
// writer, the batch writer and the cluster operations (resolution.ts) share them.
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from './cypher.ts';
import { toDriverValue } from './values.ts';

const BATCH = 1000;

export interface WriteCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export function emptyCounts(): WriteCounts {
  return { nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
}

export function addCounts(into: WriteCounts, more: WriteCounts): WriteCounts {
  into.nodesCreated += more.nodesCreated;
  into.relationshipsCreated += more.relationshipsCreated;
  into.relationshipsDeleted += more.relationshipsDeleted;
  into.propertiesSet += more.propertiesSet;
  return into;
}

/** Runs a named query over `rows` in batches, adding up what it changed. */
export async function runBatched(
  tx: ManagedTransaction,
  name: string,
  rows: readonly unknown[],
  params: Record<string, unknown> = {},
  counts: WriteCounts = emptyCounts(),
): Promise<WriteCounts> {
  for (let offset = 0; offset < rows.length; offset += BATCH) {
    const result = await tx.run(
      cypher(name),
      toDriverValue({ ...params, rows: rows.slice(offset, offset + BATCH) }) as Record<string, unknown>,
    );
    addCounts(counts, countsOf(result.summary.counters.updates()));
  }
  return counts;
}

function countsOf(updates: Record<string, number>): WriteCounts {
  return {
    nodesCreated: updates.nodesCreated ?? 0,
    relationshipsCreated: updates.relationshipsCreated ?? 0,
    relationshipsDeleted: updates.relationshipsDeleted ?? 0,
    propertiesSet: updates.propertiesSet ?? 0,
  };
}

export async function runOnce(tx: ManagedTransaction, name: string, params: Record<string, unknown>, counts: WriteCounts) {
  const result = await tx.run(cypher(name), toDriverValue(params) as Record<string, unknown>);
  addCounts(counts, countsOf(result.summary.counters.updates()));
  return result.records;
}
