// The one place that creates the Neo4j driver, applies the schema and reports health. Reads go in
// READ transactions so a cluster (neo4j:// routing) can spread them over its secondaries.
import neo4j, { isRetryableError, Neo4jError, type Driver } from 'neo4j-driver';
import { cypher, statements } from './cypher.ts';
import type { DatabaseHealth } from '../domain/contracts/system.ts';

export interface DatabaseTarget {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
}

export interface DriverTuning {
  /** How long managed transactions retry transient errors before giving up. */
  maxTransactionRetryTime?: number;
  maxConnectionPoolSize?: number;
  connectionAcquisitionTimeout?: number;
}

/** For the API: a request turns into a 503 with Retry-After after ~3 s of retries, not 15 s. */
export const API_DRIVER: DriverTuning = { maxTransactionRetryTime: 3_000 };

/**
 * Pool and timeouts chosen deliberately (docs/reliability.md, "Driver settings"):
 * - pool of 50: more than the Express process can use at once on 2 cores, far below Neo4j's limits;
 * - waiting for a pooled connection gives up after 10 s (under overload, fail rather than pile up);
 * - a connection attempt fails after 5 s, so a dead database is reported promptly;
 * - managed transactions retry transient errors (leader switch, deadlock, lost connection) for 15 s by
 *   default — loaders want that; the API passes API_DRIVER to answer 503 sooner;
 * - pooled connections older than 1 h are replaced, idle ones are checked after 30 s, so connections a
 *   restarted database or a firewall dropped are not handed out.
 */
export function createDriver(target: DatabaseTarget, tuning: DriverTuning = {}): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    maxConnectionPoolSize: tuning.maxConnectionPoolSize ?? 50,
    connectionAcquisitionTimeout: tuning.connectionAcquisitionTimeout ?? 10_000,
    connectionTimeout: 5_000,
    maxConnectionLifetime: 60 * 60_000,
    connectionLivenessCheckTimeout: 30_000,
    maxTransactionRetryTime: tuning.maxTransactionRetryTime ?? 15_000,
    disableLosslessIntegers: false,
    userAgent: 'diplomatic-kg/0.1',
  });
}

export async function applySchema(driver: Driver, database?: string): Promise<void> {
  for (const statement of statements(cypher('schema'))) {
    await driver.executeQuery(statement, {}, { database });
  }
  // Full-text and range indexes must be online before the first search.
  await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
}

/** Neo4j's answers for a transaction (or all of them) over their memory limit, or a heap that ran out during a query. */
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);

export function isMemoryError(error: unknown): boolean {
  return error instanceof Neo4jError && MEMORY_CODES.has(error.code);
}

/** Errors that mean "the database is not reachable right now", worth retrying later (memory errors are transient but not that). */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    !isMemoryError(error) &&
    (['ServiceUnavailable', 'SessionExpired'].includes(error.code) || isRetryableError(error))
  );
}

/** A read that ran past its transaction time-out (ours, not an analyst's: the database is overloaded). */
export function isTimedOut(error: unknown): boolean {
  return error instanceof Neo4jError && /TransactionTimedOut|Transaction\.Terminated/.test(error.code);
}

/**
 * The driver waited connectionAcquisitionTimeout for a pooled connection and none came free: the
 * server is busy, not broken (the driver gives this error no code, only its message).
 */
export function isPoolExhausted(error: unknown): boolean {
  return error instanceof Error && /^Connection acquisition timed out/.test(error.message);
}

/** Whether the database answers, and its version (the API's health contract). */
export type { DatabaseHealth };

export async function checkHealth(driver: Driver, database?: string): Promise<DatabaseHealth> {
  try {
    const { records } = await driver.executeQuery(cypher('health'), {}, { database, routing: neo4j.routing.READ });
    const kernel = records.find((record) => record.get('name') === 'Neo4j Kernel') ?? records[0];
    return { connected: true, version: kernel?.get('version') as string, edition: kernel?.get('edition') as string };
  } catch (error) {
    return { connected: false, error: (error as Error).message };
  }
}
