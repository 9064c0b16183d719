// Writes one file's plan in a single transaction (all-or-nothing), with batched UNWIND … MERGE, then
// refreshes the derived parts for the events it touched: inherited dates, delegation heads, MET.
import type { ManagedTransaction } from 'neo4j-driver';
import { MEETING_KINDS } from '../domain/model.ts';
import type { EntityRow, LinkRow, ParticipationRow, TitleRow, WritePlan } from '../domain/plan.ts';
import { closeClusters, openClusters, type WriterScope } from './resolution.ts';
import { addCounts, emptyCounts, runBatched, runOnce, type WriteCounts } from './write-queries.ts';

export { addCounts, emptyCounts, runBatched, type WriteCounts };

export interface PlanRows {
  entities: Iterable<EntityRow>;
  links: Iterable<LinkRow>;
  titles: Iterable<TitleRow>;
  participations: Iterable<ParticipationRow>;
}

/** Every entity id the rows write or point at. */
export function referencedIds(rows: PlanRows): Set<string> {
  const ids = new Set<string>();
  for (const r of rows.entities) ids.add(r.id);
  for (const r of rows.links) ids.add(r.from).add(r.to);
  for (const r of rows.titles) ids.add(r.person);
  for (const r of rows.participations) ids.add(r.who);
  return ids;
}

/** Rows with every cluster id replaced by the member it stands for (a write never lands on a cluster node). */
export function redirectRows<T extends EntityRow | LinkRow | TitleRow | ParticipationRow>(
  rows: readonly T[],
  redirect: ReadonlyMap<string, string>,
): T[] {
  if (redirect.size === 0) return [...rows];
  const to = (id: string) => redirect.get(id) ?? id;
  return rows.map((row) => {
    const copy: Record<string, unknown> = { ...row };
    for (const key of ['id', 'from', 'to', 'person', 'who'] as const)
      if (typeof copy[key] === 'string') copy[key] = to(copy[key] as string);
    return copy as T;
  });
}

/**
 * Runs `write` between openClusters and closeClusters, then derives for its events and those the
 * clusters touched: what a writer states about a merged person lands on the cluster, as its member's.
 */
export async function writeWithClusters(
  tx: ManagedTransaction,
  rows: PlanRows,
  eventIds: Iterable<string>,
  write: (scope: WriterScope, counts: WriteCounts) => Promise<void>,
): Promise<WriteCounts> {
  const counts = emptyCounts();
  const scope = await openClusters(tx, referencedIds(rows), counts);
  await write(scope, counts);
  const touched = await closeClusters(tx, scope, counts);
  await deriveForEvents(tx, [...new Set([...eventIds, ...touched])], counts);
  return counts;
}

export async function writePlan(tx: ManagedTransaction, plan: WritePlan): Promise<WriteCounts> {
  const rows = {
    entities: [...plan.entities.values()].flat(),
    links: [...plan.links.values()].flat(),
    titles: plan.titles,
    participations: plan.participations,
  };
  return writeWithClusters(tx, rows, plan.eventIds, async ({ redirect }, counts) => {
    await runBatched(tx, 'upsert-sources', [plan.source], {}, counts);
    for (const [label, rows] of plan.entities) await runBatched(tx, 'upsert-entities', redirectRows(rows, redirect), { label }, counts);
    await runBatched(tx, 'upsert-events', plan.events, {}, counts);
    for (const [type, rows] of plan.links) await runBatched(tx, 'upsert-links', redirectRows(rows, redirect), { type }, counts);
    await runBatched(tx, 'upsert-titles', redirectRows(plan.titles, redirect), {}, counts);
    await runBatched(tx, 'upsert-participation', redirectRows(plan.participations, redirect), {}, counts);
  });
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
