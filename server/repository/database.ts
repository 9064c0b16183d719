// The one place that creates the Neo4j driver, applies the schema and reports health. Reads go in
// READ transactions so a cluster (neo4j:// routing) can spread them over its secondaries.
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher, statements } from './cypher.ts';

export interface DatabaseTarget {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
}

/**
 * Pool and timeouts chosen deliberately: a small pool suits one app instance on 2 cores; a
 * connection attempt fails fast (5 s) so health checks answer promptly when the database is down;
 * managed transactions retry transient errors (leader switch, deadlock) for up to 15 s.
 */
export function createDriver(target: DatabaseTarget): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 15_000,
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

export interface DatabaseHealth {
  connected: boolean;
  version?: string;
  edition?: string;
  error?: string;
}

export async function checkHealth(driver: Driver, database?: string): Promise<DatabaseHealth> {
  try {
    const { records } = await driver.executeQuery(cypher('health'), {}, { database, routing: neo4j.routing.READ });
    const kernel = records.find((record) => record.get('name') === 'Neo4j Kernel') ?? records[0];
    return { connected: true, version: kernel?.get('version') as string, edition: kernel?.get('edition') as string };
  } catch (error) {
    return { connected: false, error: (error as Error).message };
  }
}
