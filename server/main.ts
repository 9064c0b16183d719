// Boots the app: config → database (NEO4J_URI, or a local Neo4j we start) → schema → seeds → listen.
// If the database cannot be reached, the server starts anyway: health and data endpoints answer 503
// with Retry-After, and schema + seeds are applied in the background once the database answers.
// On SIGINT/SIGTERM: stop accepting, let in-flight requests finish (bounded), close the driver, stop
// the local Neo4j.
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { fileAudit, jsonLinesLog, type AccessEvent } from './audit.ts';
import { auditPaths, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from '../graph/connect.ts';
import { decisionsFile } from '../seeds/ingest/decisions.ts';
import { appDeps, consoleOptions } from './deps.ts';
import { API_DRIVER, applySchema, isUnreachable } from '../graph/database.ts';
import { keepTrying } from './startup/keep-trying.ts';
import { LocalNeo4jError } from '../neo4j/local.ts';
import { seedAtStartup } from '../seeds/startup.ts';
import { syncJudgementLogs } from '../seeds/resolution/sync.ts';
import { acceptedStore } from '../seeds/ingest/accept.ts';

const log = (line: string) => console.log(line);
/** How long in-flight requests get to finish after SIGTERM before their connections are cut. */
const DRAIN_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, log, API_DRIVER, { supervise: true });
  const accepted = acceptedStore(config.DATA_DIR);
  let server: Server | undefined;
  const preparation = keepTrying(
    async () => {
      await applySchema(db.driver, db.database);
      if (config.SEED_ON_START) await seedAtStartup(db.driver, db.database, log, accepted);
      await syncJudgementLogs(db.driver, db.database, config.DATA_DIR, log);
    },
    { isTransient: isUnreachable, log },
  );
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: shutting down (in-flight requests get ${DRAIN_MS / 1000} s)`);
    preparation.stop();
    const forced = setTimeout(() => server?.closeAllConnections(), DRAIN_MS).unref();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    clearTimeout(forced);
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // Started by npm run serve (server/supervise.ts): if the supervisor dies, so do we, cleanly.
  if (process.send) process.once('disconnect', () => void shutdown('supervisor gone'));

  // Wait for the first attempt so a normal start serves seeded data from its first request.
  const prepared = await preparation.firstAttempt;
  const audit = auditPaths(config);
  const app = createApp(
    appDeps(db, {
      audit: fileAudit(audit.console, audit.rotation),
      accessAudit: jsonLinesLog<AccessEvent>(audit.access, audit.rotation),
      local: db.local?.status ? () => db.local!.status!() : undefined,
      console: consoleOptions(config),
      staticDir: fileURLToPath(new URL('../client/dist', import.meta.url)),
      apiKey: config.API_KEY,
      startup: () => ({ state: preparation.state(), error: preparation.lastError() }),
      security: {
        corsOrigins: config.CORS_ORIGINS,
        consolePerMinute: config.RATE_LIMIT_CONSOLE,
        reportsPerMinute: config.RATE_LIMIT_REPORTS,
      },
      trustProxy: config.TRUST_PROXY,
      accepted,
      drafting: {
        workers: config.INGEST_WORKERS,
        queue: config.INGEST_QUEUE,
        timeoutMs: config.INGEST_TIMEOUT_MS,
        heapMiB: config.INGEST_HEAP_MB,
      },
      decisionsFile: decisionsFile(config.DATA_DIR),
      dataDir: config.DATA_DIR,
      log,
    }),
  );
  server = app.listen(config.PORT, config.HOST, () => {
    const address = server?.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/`;
    log(prepared ? `Diplomatic knowledge graph ready: ${url}` : `Diplomatic knowledge graph listening (database not ready yet): ${url}`);
  });
  // Bounded request life: slow clients cannot hold sockets open for minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof LocalNeo4jError;
  console.error(known ? (error as Error).message : `start-up failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
