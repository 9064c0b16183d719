// The app over a second throw-away Neo4j holding the whole State Department import (../shared/data,
// 7,535 records: a few minutes), for the e2e suites that need real, busy data. Imported once per run
// and shared by every suite that asks; stopped when mocha ends (hooks.ts).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.ts';
import { importStateDept } from '../../seeds/import/state-dept/import.ts';
import { createApp } from '../../server/app.ts';
import { appDeps } from '../../server/deps.ts';
import { applySchema, createDriver } from '../../graph/database.ts';
import { DATA_ROOT } from './database.ts';

interface ImportedApp {
  base: string;
  driver: Driver;
  server: Server;
  local: LocalNeo4j;
}

let running: Promise<ImportedApp> | undefined;

export function importedApp(): Promise<ImportedApp> {
  running ??= (async () => {
    const local = await startLocalNeo4j({ home: join(DATA_ROOT, `test-imported-${process.pid}`), port: await freePort(), ephemeral: true, memory: { heapMiB: 768, pageCacheMiB: 256 } });
    const driver = createDriver({ uri: local.uri, user: 'neo4j', password: '' });
    await applySchema(driver);
    await importStateDept({ driver, progress: null });
    const staticDir = fileURLToPath(new URL('../../client/dist', import.meta.url));
    const app = createApp(appDeps(driver, undefined, { audit: () => undefined, staticDir, security: { corsOrigins: [], consolePerMinute: 100_000, reportsPerMinute: 100_000 } }));
    const server = await new Promise<Server>((resolve) => {
      const listening: Server = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, driver, server, local };
  })();
  return running;
}

export async function stopImportedApp(): Promise<void> {
  if (!running) return;
  const { server, driver, local } = await running;
  running = undefined;
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await driver.close();
  await local.stop();
}
