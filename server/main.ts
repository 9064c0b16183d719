// Boots the app: config → database (NEO4J_URI, or a local Neo4j we start) → schema → seeds → listen.
// On SIGINT/SIGTERM: stop accepting, let in-flight requests finish (bounded), close the driver, stop
// the local Neo4j.
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { fileAudit } from './audit.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './repository/connect.ts';
import { appDeps } from './deps.ts';
import { applySchema } from './repository/database.ts';
import { LocalNeo4jError } from '../neo4j/local.ts';
import { seedAtStartup } from '../seeds/startup.ts';
import { FACTS_DIR, SOURCES_DIR } from '../seeds/loader.ts';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  let server: Server | undefined;
  const shutdown = async (signal: string) => {
    log(`${signal}: shutting down`);
    const forced = setTimeout(() => server?.closeAllConnections(), 10_000).unref();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    clearTimeout(forced);
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await applySchema(db.driver, db.database);
  if (config.SEED_ON_START) await seedAtStartup(db.driver, db.database, log);
  const app = createApp(
    appDeps(db.driver, db.database, {
      audit: fileAudit(config.AUDIT_LOG ?? join(config.DATA_DIR, 'audit', 'cypher.jsonl')),
      staticDir: fileURLToPath(new URL('../client/dist', import.meta.url)),
      apiKey: config.API_KEY,
      keepAccepted: { factsDir: FACTS_DIR, sourcesDir: SOURCES_DIR },
      log,
    }),
  );
  server = app.listen(config.PORT, config.HOST, () => {
    const address = server?.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    log(`Diplomatic knowledge graph ready: http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/`);
  });
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof LocalNeo4jError;
  console.error(known ? (error as Error).message : `start-up failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
