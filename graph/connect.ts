// Opens the database the configuration names: NEO4J_URI if set, else a local Neo4j under DATA_DIR
// that this process starts and stops (it never outlives us). The server supervises that local Neo4j
// (restarted after a crash, neo4j/supervisor.ts); command-line tools just start it, or share the one
// the app already runs.
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { DEFAULT_MEMORY, runningLocalNeo4j, startLocalNeo4j, type Neo4jMemory, type StartOptions } from '../neo4j/local.ts';
import { superviseLocalNeo4j, type LocalStatus } from '../neo4j/supervisor.ts';
import type { DatabaseConfig } from './config.ts';
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

export interface OpenOptions {
  /** Use the local Neo4j another process (the app) already runs on DATA_DIR instead of refusing. */
  shareRunning?: boolean;
  /** Restart the local Neo4j when it exits unexpectedly (the server does; tools do not). */
  supervise?: boolean;
}

/** The local Neo4j's memory from the configuration (transaction limits: neo4j/local.ts memorySettings). */
export function localMemory(config: DatabaseConfig): Neo4jMemory {
  return {
    heapMiB: config.NEO4J_HEAP_MB ?? DEFAULT_MEMORY.heapMiB,
    pageCacheMiB: config.NEO4J_PAGECACHE_MB ?? DEFAULT_MEMORY.pageCacheMiB,
    transactionMiB: config.NEO4J_TX_MEMORY_MB,
    transactionsTotalMiB: config.NEO4J_TX_TOTAL_MEMORY_MB,
  };
}

export async function openDatabase(
  config: DatabaseConfig,
  log: (line: string) => void = () => {},
  tuning: DriverTuning = {},
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  let local: LocalDatabase | undefined;
  let uri = config.NEO4J_URI;
  const home = join(resolve(config.DATA_DIR), 'neo4j');
  const running = !uri && options.shareRunning ? runningLocalNeo4j(home) : undefined;
  if (running) {
    uri = running.uri;
    log(`using the local Neo4j already running on ${uri} (pid ${running.pid})`);
  } else if (!uri) {
    const start: StartOptions = { home, log, memory: localMemory(config) };
    const started = options.supervise ? await superviseLocalNeo4j(start) : await startLocalNeo4j(start);
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
