// Writes one file's plan in a single transaction (all-or-nothing), with batched UNWIND … MERGE, then
// refreshes the derived parts for the events it touched: inherited dates, delegation heads, MET.
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from './cypher.ts';
import { toDriverValue } from './values.ts';
import { MEETING_KINDS } from '../domain/model.ts';
import type { WritePlan } from '../domain/plan.ts';

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
    const result = await tx.run(cypher(name), toDriverValue({ ...params, rows: rows.slice(offset, offset + BATCH) }) as Record<string, unknown>);
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

async function runOnce(tx: ManagedTransaction, name: string, params: Record<string, unknown>, counts: WriteCounts) {
  const result = await tx.run(cypher(name), toDriverValue(params) as Record<string, unknown>);
  addCounts(counts, countsOf(result.summary.counters.updates()));
  return result.records;
}

export async function writePlan(tx: ManagedTransaction, plan: WritePlan): Promise<WriteCounts> {
  const counts = emptyCounts();
  await runBatched(tx, 'upsert-sources', [plan.source], {}, counts);
  for (const [label, rows] of plan.entities) await runBatched(tx, 'upsert-entities', rows, { label }, counts);
  await runBatched(tx, 'upsert-events', plan.events, {}, counts);
  for (const [type, rows] of plan.links) await runBatched(tx, 'upsert-links', rows, { type }, counts);
  await runBatched(tx, 'upsert-titles', plan.titles, {}, counts);
  await runBatched(tx, 'upsert-participation', plan.participations, {}, counts);
  await deriveForEvents(tx, plan.eventIds, counts);
  return counts;
}

/** Recomputes what the graph derives from events: dates of parts, inferred heads, MET. */
export async function deriveForEvents(tx: ManagedTransaction, eventIds: readonly string[], counts: WriteCounts): Promise<void> {
  const [family] = await runOnce(tx, 'event-family', { eventIds }, counts);
  const ids = (family?.get('ids') as string[] | undefined) ?? [...eventIds];
  await runOnce(tx, 'inherit-event-dates', { eventIds: ids }, counts);
  await runOnce(tx, 'infer-delegation-heads', { eventIds: ids }, counts);
  const meetingKinds = [...MEETING_KINDS];
  await runOnce(tx, 'derive-met', { eventIds: ids, meetingKinds }, counts);
  await runOnce(tx, 'delete-stale-met', { eventIds: ids, meetingKinds }, counts);
}
