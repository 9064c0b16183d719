// Builds the app's dependencies from a driver — the one place main.ts, the CLIs and the tests wire them.
import type { Driver } from 'neo4j-driver';
import type { AppDeps } from './app.ts';
import type { AcceptedStore } from '../seeds/ingest/accept.ts';
import type { AccessAudit, Audit } from './audit.ts';
import { consoleDeps } from './repository/console.ts';
import { checkHealth } from './repository/database.ts';
import { createReader } from './repository/reader.ts';
import { DraftPool, type DraftPoolOptions } from './services/draft-pool.ts';
import { graphKnownEntities } from './services/ingest.ts';

export interface DepsOptions {
  audit: Audit;
  accessAudit?: AccessAudit | undefined;
  log?: (line: string) => void;
  staticDir?: string;
  apiKey?: string | undefined;
  startup?: AppDeps['startup'];
  security?: AppDeps['security'];
  trustProxy?: number;
  /** Where accepted articles are kept (DATA_DIR/accepted); unset: loaded into the graph only. */
  accepted?: AcceptedStore | undefined;
  /** Drafting threads, queue and budget (defaults: DEFAULT_DRAFT_POOL). */
  drafting?: Partial<DraftPoolOptions> | undefined;
}

export function appDeps(driver: Driver, database: string | undefined, options: DepsOptions): AppDeps {
  return {
    probeDatabase: () => checkHealth(driver, database),
    reader: createReader(driver, database),
    console: consoleDeps(driver, database, options.audit),
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
    },
    log: options.log ?? (() => {}),
  };
}
