// Builds the app's dependencies from a driver — the one place main.ts, the CLIs and the tests wire them.
import type { Driver } from '../graph/store.ts';
import type { DatabaseHealth } from '../graph/database.ts';
import type { GraphReader } from '../graph/reader.ts';
import type { SecurityPolicy } from './http/security.ts';
import type { ConsoleDeps } from './services/console.ts';
import type { StartupStatus } from './services/health.ts';
import type { IngestDeps } from './services/ingest.ts';
import type { ResolutionDeps } from './services/resolution.ts';
import type { KeepDirs } from '../seeds/ingest/accept.ts';
import type { Audit } from './audit.ts';
import { consoleDeps } from '../graph/console.ts';
import { checkHealth } from '../graph/database.ts';
import { createReader } from '../graph/reader.ts';
import { graphKnownIndex } from './services/ingest.ts';
import { resolutionDeps } from './services/resolution.ts';
import { CURATED_JUDGEMENTS, judgementLogPath } from '../seeds/resolution/judgement-log.ts';

export interface AppDeps {
  probeDatabase: () => Promise<DatabaseHealth>;
  /** Where start-up preparation (schema, seeds) stands; absent: done. */
  startup?: (() => StartupStatus) | undefined;
  /** Runs the named read queries (cypher/*.cypher). */
  reader: GraphReader;
  /** The analyst console: EXPLAIN, guarded streaming run, audit log. */
  console: ConsoleDeps;
  /** Built client to serve at / (client/dist), if present. */
  staticDir?: string | undefined;
  /** Drafting and loading new articles (POST /api/ingest*). */
  ingest: IngestDeps;
  /** Identity resolution: candidates, and judgements written to the log and the graph. */
  resolution: ResolutionDeps;
  /** Required by the endpoints that run user Cypher or write (see http/api-key.ts); unset: open. */
  apiKey?: string | undefined;
  /** CORS origins and rate limits; default: no CORS, DEFAULT_SECURITY limits. */
  security?: SecurityPolicy | undefined;
  /** Trust X-Forwarded-For from this many proxies (for per-client rate limits behind a proxy). */
  trustProxy?: number | undefined;
  log: (line: string) => void;
}

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
  /** Where the review's decisions are kept (DATA_DIR/ingest/decisions.jsonl). */
  decisionsFile?: string | undefined;
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
    ingest: { driver, database, keep: options.keepAccepted, known: graphKnownIndex(driver, database), decisionsFile: options.decisionsFile },
    log: options.log ?? (() => {}),
  };
}
