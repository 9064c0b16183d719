// What accepting a reviewed draft reads of the graph, inside its write transaction: only what the
// draft names (cypher/accept-*.cypher) — the entities it declares or refers to, candidates for the
// names it uses as references, the participations it states, the people at its meetings — as plain
// values (dates as ISO text), so the domain compares them without the driver.
import type { ManagedTransaction } from 'neo4j-driver';
import type { ExistingEntity, ExistingParticipation } from '../domain/accept-changes.ts';
import type { KnownEntity } from '../domain/gazetteer.ts';
import type { EntityLabel } from '../domain/model.ts';
import { cypher } from './cypher.ts';
import { plainRecord, type Plain } from './values.ts';

export type { ManagedTransaction };

async function rows(tx: ManagedTransaction, name: string, params: Record<string, unknown>): Promise<Record<string, Plain>[]> {
  return (await tx.run(cypher(name), params)).records.map(plainRecord);
}

/** The entities with these ids as the graph has them now. */
export async function readEntitiesById(tx: ManagedTransaction, ids: readonly string[]): Promise<ExistingEntity[]> {
  if (!ids.length) return [];
  return (await rows(tx, 'accept-entities', { ids })).map((row) => ({
    id: row.id as string,
    label: row.label as string,
    name: row.name as string,
    aliases: row.aliases as string[],
    props: row.props as Record<string, unknown>,
  }));
}

/** For each name, the full-text index's best matches (`query`: Lucene text of folded tokens). */
export async function readNameCandidates(
  tx: ManagedTransaction,
  names: readonly { name: string; query: string }[],
): Promise<(KnownEntity & { ref: string })[]> {
  if (!names.length) return [];
  return (await rows(tx, 'accept-names', { names })).map((row) => ({
    ref: row.ref as string,
    id: row.id as string,
    label: row.label as EntityLabel,
    name: row.name as string,
    aliases: row.aliases as string[],
  }));
}

/** The participations (who → event) the graph already has among these pairs. */
export async function readParticipations(
  tx: ManagedTransaction,
  pairs: readonly { who: string; event: string }[],
): Promise<ExistingParticipation[]> {
  if (!pairs.length) return [];
  return (await rows(tx, 'accept-participations', { pairs })).map((row) => ({
    who: row.who as string,
    event: row.event as string,
    role: (row.role as string | null) ?? null,
    represents: (row.represents as string | null) ?? null,
    officialRole: (row.officialRole as string | null) ?? null,
    delegation: row.delegation === true,
  }));
}

/** The people present (not only mentioned) at each of these events. */
export async function readPresentPeople(tx: ManagedTransaction, eventIds: readonly string[]): Promise<Map<string, string[]>> {
  if (!eventIds.length) return new Map();
  return new Map((await rows(tx, 'accept-present', { eventIds })).map((row) => [row.event as string, row.present as string[]]));
}

/** Whether an article with this id is in the graph already. */
export async function sourceExists(tx: ManagedTransaction, id: string): Promise<boolean> {
  return (await rows(tx, 'source-exists', { id }))[0]?.taken === true;
}
