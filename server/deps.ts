// Builds the app's dependencies from an open database — the one place main.ts, the CLIs and the tests wire them.
import type { Driver } from '../graph/store.ts';
import type { DatabaseHealth, DatabaseTarget } from '../graph/database.ts';
import type { GraphReader } from '../graph/reader.ts';
import type { LocalStatus } from '../neo4j/supervisor.ts';
import type { SecurityPolicy } from './http/security.ts';
import type { ConsoleDeps } from './services/console.ts';
import type { StartupStatus } from './services/health.ts';
import type { IngestDeps } from './services/ingest.ts';
import type { ResolutionDeps } from './services/resolution.ts';
import type { AcceptedStore } from '../seeds/ingest/accept.ts';
import type { AccessAudit, Audit } from './audit.ts';
import { DEFAULT_CONSOLE_CONCURRENCY, type Config } from './config.ts';
import { consoleDatabase } from '../graph/console.ts';
import { checkHealth } from '../graph/database.ts';
import { createReader } from '../graph/reader.ts';
import { functionAllowList } from './services/console-functions.ts';
import { ConsoleGate } from './services/console-gate.ts';
import { DraftPool, type DraftPoolOptions } from './services/draft-pool.ts';
import { graphKnownEntities } from './services/ingest.ts';
import { resolutionDeps } from './services/resolution.ts';
import { CURATED_JUDGEMENTS, judgementLogPath } from '../seeds/resolution/judgement-log.ts';

export interface AppDeps {
  probeDatabase: () => Promise<DatabaseHealth>;
  /** Where start-up preparation (schema, seeds) stands; absent: done. */
  startup?: (() => StartupStatus) | undefined;
  /** How the local Neo4j this process supervises is doing; absent: the database is not ours. */
  local?: (() => LocalStatus) | undefined;
  /** Runs the named read queries (cypher/*.cypher). */
  reader: GraphReader;
  /** The analyst console: its own connections and gate, guards, streaming run, audit log. */
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
  /** Failed authentications and accepted articles (server/audit.ts); unset: not recorded. */
  accessAudit?: AccessAudit | undefined;
  log: (line: string) => void;
}

/** The console's caps (config: CONSOLE_*; SECURITY.md). */
export interface ConsoleOptions {
  maxConcurrent: number;
  maxPerClient: number;
  maxResultBytes: number;
  allowFunctions: readonly string[];
}

export const DEFAULT_CONSOLE: ConsoleOptions = {
  maxConcurrent: DEFAULT_CONSOLE_CONCURRENCY,
  maxPerClient: 2,
  maxResultBytes: 8 * 1024 * 1024,
  allowFunctions: [],
};

/** The console's caps from the configuration. */
export function consoleOptions(config: Config): ConsoleOptions {
  return {
    maxConcurrent: config.CONSOLE_MAX_CONCURRENT,
    maxPerClient: config.CONSOLE_MAX_PER_CLIENT,
    maxResultBytes: Math.round(config.CONSOLE_MAX_RESULT_MB * 1024 * 1024),
    allowFunctions: config.CONSOLE_ALLOW_FUNCTIONS,
  };
}

/** The console over `target`: connections of its own, its gate, its audit log. */
export function consoleDeps(
  target: DatabaseTarget,
  audit: Audit,
  options: Partial<ConsoleOptions> = {},
  log?: (line: string) => void,
): ConsoleDeps {
  const settings = { ...DEFAULT_CONSOLE, ...options };
  return {
    database: consoleDatabase(target),
    gate: new ConsoleGate({ global: settings.maxConcurrent, perClient: settings.maxPerClient }),
    audit,
    settings: { maxBytes: settings.maxResultBytes, allowedFunctions: functionAllowList(settings.allowFunctions), graceMs: 2_000 },
    ...(log ? { log } : {}),
  };
}

export interface DepsOptions {
  audit: Audit;
  accessAudit?: AccessAudit | undefined;
  log?: (line: string) => void;
  staticDir?: string;
  apiKey?: string | undefined;
  startup?: AppDeps['startup'];
  /** How the local Neo4j this process supervises is doing (absent: not ours). */
  local?: (() => LocalStatus) | undefined;
  security?: AppDeps['security'];
  trustProxy?: number;
  console?: Partial<ConsoleOptions>;
  /** Where accepted articles are kept (DATA_DIR/accepted); unset: loaded into the graph only. */
  accepted?: AcceptedStore | undefined;
  /** Drafting threads, queue and budget (defaults: DEFAULT_DRAFT_POOL). */
  drafting?: Partial<DraftPoolOptions> | undefined;
  /** Where the review's decisions are kept (DATA_DIR/ingest/decisions.jsonl). */
  decisionsFile?: string | undefined;
  /** DATA_DIR: where the judgement log lives (resolution/judgements.jsonl); default .data. */
  dataDir?: string;
  /** The judgement log itself, when it lives elsewhere (tests). */
  judgementLog?: string;
}

export function appDeps(db: { driver: Driver; target: DatabaseTarget }, options: DepsOptions): AppDeps {
  const { driver, target } = db;
  const database = target.database;
  const reader = createReader(driver, database);
  const logPath = options.judgementLog ?? judgementLogPath(options.dataDir ?? '.data');
  return {
    probeDatabase: () => checkHealth(driver, database),
    local: options.local,
    reader,
    resolution: resolutionDeps(driver, database, reader, logPath, CURATED_JUDGEMENTS),
    console: consoleDeps(target, options.audit, options.console, options.log),
    staticDir: options.staticDir,
    apiKey: options.apiKey,
    startup: options.startup,
    security: options.security,
    trustProxy: options.trustProxy,
    accessAudit: options.accessAudit,
    ingest: {
      driver,
      database,
      store: options.accepted,
      audit: options.accessAudit,
      known: graphKnownEntities(driver, database),
      drafts: new DraftPool({ log: options.log, ...options.drafting }),
      decisionsFile: options.decisionsFile,
    },
    log: options.log ?? (() => {}),
  };
}
