// Opens the database the configuration names: NEO4J_URI if set, else a local Neo4j under DATA_DIR
// that this process starts and stops (it never outlives us). The server supervises that local Neo4j
// (restarted after a crash, neo4j/supervisor.ts); command-line tools just start it.
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { DEFAULT_MEMORY, startLocalNeo4j, type Neo4jMemory, type StartOptions } from '../../neo4j/local.ts';
import { superviseLocalNeo4j, type LocalStatus } from '../../neo4j/supervisor.ts';
import { loadConfig, type Config } from '../config.ts';
import { createDriver, type DatabaseTarget, type DriverTuning } from './database.ts';

/** A Neo4j this process started. */
export interface LocalDatabase {
  readonly version: string;
  readonly home: string;
  /** Present when it is supervised: running, restarting, stopped. */
  status?(): LocalStatus;
  stop(): Promise<void>;
}

export interface OpenDatabase {
  driver: Driver;
  database: string | undefined;
  /** Where the database is and how to log in (the console opens connections of its own). */
  target: DatabaseTarget;
  /** Set when we started the database ourselves. */
  local: LocalDatabase | undefined;
  uri: string;
  close(): Promise<void>;
}

export function localMemory(config: Config): Neo4jMemory {
  return {
    heapMiB: config.NEO4J_HEAP_MB ?? DEFAULT_MEMORY.heapMiB,
    pageCacheMiB: config.NEO4J_PAGECACHE_MB ?? DEFAULT_MEMORY.pageCacheMiB,
    transactionMiB: config.NEO4J_TX_MEMORY_MB,
    transactionsTotalMiB: config.NEO4J_TX_TOTAL_MEMORY_MB,
  };
}

export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => {},
  tuning: DriverTuning = {},
  { supervise = false }: { supervise?: boolean } = {},
): Promise<OpenDatabase> {
  let local: LocalDatabase | undefined;
  let uri = config.NEO4J_URI;
  if (!uri) {
    const options: StartOptions = { home: join(resolve(config.DATA_DIR), 'neo4j'), log, memory: localMemory(config) };
    const started = supervise ? await superviseLocalNeo4j(options) : await startLocalNeo4j(options);
    local = started;
    uri = started.uri;
    log(`local Neo4j ${started.version} on ${uri} (data in ${started.home})`);
  }
  const target: DatabaseTarget = { uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE };
  const driver = createDriver(target, tuning);
  let closing: Promise<void> | undefined;
  return {
    driver,
    database: config.NEO4J_DATABASE,
    target,
    local,
    uri,
    close: () => (closing ??= driver.close().then(() => local?.stop())),
  };
}

/** For command-line tools: open, run, always close (the local JVM too, also on Ctrl-C). */
export async function withDatabase<T>(run: (db: OpenDatabase) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig(), (line) => console.error(line));
  const onSignal = () => void db.close().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await run(db);
  } finally {
    await db.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
