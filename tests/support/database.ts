// The throw-away Neo4j the integration tests share: started on first use (so unit-only runs start
// nothing) on a free port under .data/test-<pid>, seeded once, stopped and deleted when mocha ends.
// NEO4J_TEST_URI points the tests at an existing server instead — which they will EMPTY.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.ts';
import { createDriver, applySchema } from '../../graph/database.ts';

export interface TestDatabase {
  driver: Driver;
  uri: string;
  local: LocalNeo4j | undefined;
}

let started: Promise<TestDatabase> | undefined;

export const DATA_ROOT = join(fileURLToPath(new URL('../..', import.meta.url)), '.data');

export function testDatabase(): Promise<TestDatabase> {
  started ??= (async () => {
    const existing = process.env.NEO4J_TEST_URI;
    const local = existing
      ? undefined
      : await startLocalNeo4j({ home: join(DATA_ROOT, `test-${process.pid}`), port: await freePort(), ephemeral: true });
    const uri = existing ?? local!.uri;
    const driver = createDriver({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
    await applySchema(driver);
    return { driver, uri, local };
  })();
  return started;
}

export async function stopTestDatabase(): Promise<void> {
  if (!started) return;
  const db = await started;
  await db.driver.close();
  await db.local?.stop();
  started = undefined;
}
