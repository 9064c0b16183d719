// Opens the database the configuration names: NEO4J_URI if set, else a local Neo4j under DATA_DIR
// that this process starts and stops (it never outlives us).
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { DEFAULT_MEMORY, runningLocalNeo4j, startLocalNeo4j, type LocalNeo4j } from '../neo4j/local.ts';
import type { DatabaseConfig } from './config.ts';
import { createDriver, type DriverTuning } from './database.ts';

export interface OpenDatabase {
  driver: Driver;
  database: string | undefined;
  /** Set when we started the database ourselves. */
  local: LocalNeo4j | undefined;
  uri: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Use the local Neo4j another process (the app) already runs on DATA_DIR instead of refusing. */
  shareRunning?: boolean;
}

export async function openDatabase(
  config: DatabaseConfig,
  log: (line: string) => void = () => {},
  tuning: DriverTuning = {},
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  let local: LocalNeo4j | undefined;
  let uri = config.NEO4J_URI;
  const home = join(resolve(config.DATA_DIR), 'neo4j');
  const running = !uri && options.shareRunning ? runningLocalNeo4j(home) : undefined;
  if (running) {
    uri = running.uri;
    log(`using the local Neo4j already running on ${uri} (pid ${running.pid})`);
  } else if (!uri) {
    local = await startLocalNeo4j({
      home,
      log,
      memory: { heapMiB: config.NEO4J_HEAP_MB ?? DEFAULT_MEMORY.heapMiB, pageCacheMiB: config.NEO4J_PAGECACHE_MB ?? DEFAULT_MEMORY.pageCacheMiB },
    });
    uri = local.uri;
    log(`local Neo4j ${local.version} on ${uri} (data in ${local.home})`);
  }
  const driver = createDriver({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE }, tuning);
  let closing: Promise<void> | undefined;
  return {
    driver,
    database: config.NEO4J_DATABASE,
    local,
    uri,
    close: () => (closing ??= driver.close().then(() => local?.stop())),
  };
}
