// Many records' write plans merged into one batch, written in one transaction with the seeds' own
// batched UNWIND … MERGE queries (the same order as writePlan), then the derived parts (dates of
// parts, delegation heads, MET) for the batch's events. Rows for one node or relationship within a
// batch are folded into one first (the United States is in every record of a batch), so a batch
// costs a few large UNWINDs rather than one small write per record.
import type { ManagedTransaction } from 'neo4j-driver';
import type { EntityLabel } from '../domain/model.ts';
import type { EntityRow, EventRow, LinkRow, LinkType, ParticipationRow, TitleRow, WritePlan } from '../domain/plan.ts';
import { redirectRows, runBatched, writeWithClusters, type WriteCounts } from './writer.ts';

type NodeLabel = Exclude<EntityLabel, 'Event'>;

export interface Batch {
  sources: WritePlan['source'][];
  entities: Map<NodeLabel, Map<string, EntityRow>>;
  events: Map<string, EventRow>;
  links: Map<LinkType, Map<string, LinkRow>>;
  titles: TitleRow[];
  participations: ParticipationRow[];
  eventIds: Set<string>;
  records: number;
}

export function emptyBatch(): Batch {
  return {
    sources: [],
    entities: new Map(),
    events: new Map(),
    links: new Map(),
    titles: [],
    participations: [],
    eventIds: new Set(),
    records: 0,
  };
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

function mergeEvidence<T extends { sources: string[]; evidence: string[] }>(into: T, row: T): void {
  into.sources = union(into.sources, row.sources);
  into.evidence = union(into.evidence, row.evidence);
}

/** Adds one record's plan to the batch. */
export function addPlan(batch: Batch, plan: WritePlan): void {
  batch.records++;
  batch.sources.push(plan.source);
  for (const [label, rows] of plan.entities) {
    const byId = batch.entities.get(label) ?? new Map<string, EntityRow>();
    batch.entities.set(label, byId);
    for (const row of rows) {
      const known = byId.get(row.id);
      if (!known) {
        byId.set(row.id, { ...row, aliases: [...row.aliases], sources: [...row.sources], evidence: [...row.evidence] });
        continue;
      }
      known.aliases = union(known.aliases, [row.name, ...row.aliases]).filter((a) => a !== known.name);
      known.props = { ...row.props, ...known.props };
      mergeEvidence(known, row);
    }
  }
  for (const row of plan.events) {
    const known = batch.events.get(row.id);
    if (known) mergeEvidence(known, row);
    else batch.events.set(row.id, { ...row, sources: [...row.sources], evidence: [...row.evidence] });
  }
  for (const [type, rows] of plan.links) {
    const byKey = batch.links.get(type) ?? new Map<string, LinkRow>();
    batch.links.set(type, byKey);
    for (const row of rows) {
      const key = `${row.from}\u0001${row.to}`;
      const known = byKey.get(key);
      if (known) mergeEvidence(known, row);
      else byKey.set(key, { ...row, sources: [...row.sources], evidence: [...row.evidence] });
    }
  }
  batch.titles.push(...plan.titles);
  batch.participations.push(...plan.participations);
  for (const id of plan.eventIds) batch.eventIds.add(id);
}

/** Writes a batch inside the caller's transaction; returns what it changed. */
export async function writeBatch(tx: ManagedTransaction, batch: Batch): Promise<WriteCounts> {
  const entities = [...batch.entities.values()].flatMap((rows) => [...rows.values()]);
  const links = [...batch.links.values()].flatMap((rows) => [...rows.values()]);
  const rows = { entities, links, titles: batch.titles, participations: batch.participations };
  return writeWithClusters(tx, rows, batch.eventIds, async ({ redirect }, counts) => {
    await runBatched(tx, 'upsert-sources', batch.sources, {}, counts);
    for (const [label, rows] of batch.entities)
      await runBatched(tx, 'upsert-entities', redirectRows([...rows.values()], redirect), { label }, counts);
    await runBatched(tx, 'upsert-events', [...batch.events.values()], {}, counts);
    for (const [type, rows] of batch.links)
      await runBatched(tx, 'upsert-links', redirectRows([...rows.values()], redirect), { type }, counts);
    await runBatched(tx, 'upsert-titles', redirectRows(batch.titles, redirect), {}, counts);
    await runBatched(tx, 'upsert-participation', redirectRows(batch.participations, redirect), {}, counts);
  });
}
