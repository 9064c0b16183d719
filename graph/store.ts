// What the loaders, the importer and ingest ask of the graph, beside the batched writes in writer.ts:
// the entities it already knows, its counts and version, the seeds' fingerprint, emptying it, and one
// write transaction. Everything else in seeds/ reaches Neo4j through these functions.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { KnownEntity } from '../domain/gazetteer.ts';
import type { EntityLabel } from '../domain/model.ts';
import { cypher } from './cypher.ts';

export type { Driver, ManagedTransaction };

/** The entities already in the graph (id, label, name, aliases), for resolving and linking names. */
export async function readKnownEntities(driver: Driver, database?: string): Promise<KnownEntity[]> {
  const { records } = await driver.executeQuery(cypher('known-entities'), {}, { database });
  return records.map((record) => ({
    id: record.get('id') as string,
    label: record.get('label') as EntityLabel,
    name: record.get('name') as string,
    aliases: (record.get('aliases') as string[] | null) ?? [],
  }));
}

/** Each person's countries as the graph states them (titles held, countries represented). */
export async function readPeopleCountries(driver: Driver, database?: string): Promise<Map<string, string[]>> {
  const { records } = await driver.executeQuery(cypher('ingest-known-people'), {}, { database });
  return new Map(records.map((r) => [r.get('id') as string, r.get('countries') as string[]]));
}

/** The identity report's rows (cypher/identity-report.cypher): metric, count, examples. */
export async function readIdentityReport(
  driver: Driver,
  database: string | undefined,
  surnames: readonly string[],
): Promise<{ metric: string; count: number; examples: string[] }[]> {
  const { records } = await driver.executeQuery(cypher('identity-report'), { surnames }, { database, routing: neo4j.routing.READ });
  return records.map((r) => ({
    metric: r.get('metric') as string,
    count: (r.get('count') as { toNumber(): number }).toNumber(),
    examples: r.get('examples') as string[],
  }));
}

/** Every title held of a country, with the publication dates that attest it (ingest's holders at a date). */
export async function readKnownHoldings(
  driver: Driver,
  database?: string,
): Promise<{ person: string; name: string; title: string; country: string; firstSeen?: string; lastSeen?: string }[]> {
  const { records } = await driver.executeQuery(cypher('ingest-known-holdings'), {}, { database });
  const day = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 10) : undefined);
  return records.map((r) => {
    const firstSeen = day(r.get('firstSeen'));
    const lastSeen = day(r.get('lastSeen'));
    return {
      person: r.get('person') as string,
      name: r.get('name') as string,
      title: r.get('title') as string,
      country: r.get('country') as string,
      ...(firstSeen ? { firstSeen } : {}),
      ...(lastSeen ? { lastSeen } : {}),
    };
  });
}

/** Events the graph already has with both people of a drafted meeting, on its day or undated (ingest's warnings). */
export async function readSimilarMeetings(
  driver: Driver,
  database: string | undefined,
  meetings: { path: string; a: string; b: string; date: string | null }[],
): Promise<{ path: string; id: string; title: string; date: string | null }[]> {
  if (!meetings.length) return [];
  const { records } = await driver.executeQuery(cypher('ingest-similar-meetings'), { meetings }, { database, routing: neo4j.routing.READ });
  return records.map((r) => ({
    path: r.get('path') as string,
    id: r.get('id') as string,
    title: (r.get('title') as string | null) ?? (r.get('id') as string),
    date: (r.get('date') as string | null) ?? null,
  }));
}

/** Node and relationship counts of the whole graph (for load summaries). */
export async function readGraphCounts(driver: Driver, database?: string): Promise<{ kind: string; name: string; count: number }[]> {
  const { records } = await driver.executeQuery(cypher('graph-counts'), {}, { database });
  return records.map((r) => ({
    kind: r.get('kind') as string,
    name: r.get('name') as string,
    count: (r.get('count') as { toNumber(): number }).toNumber(),
  }));
}

/** A cheap fingerprint of the graph's contents, from Neo4j's count store: it changes with every article. */
export async function readGraphVersion(driver: Driver, database?: string): Promise<string> {
  const { records } = await driver.executeQuery(cypher('graph-version'), {}, { database, routing: neo4j.routing.READ });
  return [...(records[0]?.values() ?? [])].map(String).join(' ');
}

/** The fingerprint of the seed files last loaded completely, or null. */
export async function readSeedFingerprint(driver: Driver, database?: string): Promise<string | null> {
  const { records } = await driver.executeQuery(cypher('seed-state-get'), {}, { database });
  return (records[0]?.get('fingerprint') as string | undefined) ?? null;
}

export async function saveSeedFingerprint(driver: Driver, database: string | undefined, fingerprint: string): Promise<void> {
  await driver.executeQuery(cypher('seed-state-set'), { fingerprint }, { database });
}

/** Empties the database (in batches: CALL … IN TRANSACTIONS needs an auto-commit transaction). */
export async function resetGraph(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run(cypher('reset'));
  } finally {
    await session.close();
  }
}

/** Runs `work` in one managed write transaction: all of it is written, or none. */
export async function inWriteTransaction<T>(
  driver: Driver,
  database: string | undefined,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}
