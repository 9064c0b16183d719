// Builds the app's dependencies from a driver — the one place main.ts, the CLIs and the tests wire them.
import type { Driver } from 'neo4j-driver';
import type { AppDeps } from './app.ts';
import type { KeepDirs } from '../seeds/ingest/accept.ts';
import type { Audit } from './audit.ts';
import { consoleDeps } from './repository/console.ts';
import { checkHealth } from './repository/database.ts';
import { createReader } from './repository/reader.ts';
import { graphKnownIndex } from './services/ingest.ts';
import { resolutionDeps } from './services/resolution.ts';
import { CURATED_JUDGEMENTS, judgementLogPath } from '../seeds/resolution/judgement-log.ts';

export interface DepsOptions {
  audit: Audit;
  log?: (line: string) => void;
  staticDir?: string;
  apiKey?: string | undefined;
  startup?: AppDeps['startup'];
  security?: AppDeps['security'];
  trustProxy?: number;
  /** Where accepted articles are kept (seeds/facts + seeds/sources); unset: loaded into the graph only. */
  keepAccepted?: KeepDirs | undefined;
  /** DATA_DIR: where the judgement log lives (resolution/judgements.jsonl); default .data. */
  dataDir?: string;
  /** The judgement log itself, when it lives elsewhere (tests). */
  judgementLog?: string;
}

export function appDeps(driver: Driver, database: string | undefined, options: DepsOptions): AppDeps {
  const reader = createReader(driver, database);
  const logPath = options.judgementLog ?? judgementLogPath(options.dataDir ?? '.data');
  return {
    probeDatabase: () => checkHealth(driver, database),
    reader,
    resolution: resolutionDeps(driver, database, reader, logPath, CURATED_JUDGEMENTS),
    console: consoleDeps(driver, database, options.audit),
    staticDir: options.staticDir,
    apiKey: options.apiKey,
    startup: options.startup,
    security: options.security,
    trustProxy: options.trustProxy,
    ingest: { driver, database, keep: options.keepAccepted, known: graphKnownIndex(driver, database) },
    log: options.log ?? (() => {}),
  };
}
