// Environment configuration, parsed once at boot with zod: a bad value stops start-up with a message
// naming the variable and what was expected. The database part is graph/config.ts.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ConfigError, databaseConfigSchema, emptyAsUndefined, parseEnv } from '../graph/config.ts';

export { ConfigError };

/** Console queries at once by default: one per CPU core but one, at least 1 and at most 8 (SECURITY.md, measured). */
export const DEFAULT_CONSOLE_CONCURRENCY = Math.min(8, Math.max(1, availableParallelism() - 1));

const configSchema = databaseConfigSchema.extend({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8080)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  /** Where the console's audit log (JSON lines) goes; default DATA_DIR/audit/cypher.jsonl. access.jsonl goes beside it. */
  AUDIT_LOG: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** Audit logs rotate when a file reaches this size (MiB), keeping AUDIT_FILES files each. */
  AUDIT_MAX_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_240).default(10)),
  AUDIT_FILES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(5)),
  /**
   * A shared key required by the console, saved queries and ingest (Authorization: Bearer … or X-API-Key).
   * Unset: those endpoints are open, which is only sensible on loopback. Never logged.
   */
  API_KEY: z.preprocess(emptyAsUndefined, z.string().min(16, 'at least 16 characters').optional()),
  /** Browser origins allowed to call the API cross-origin, comma-separated; unset: none. */
  CORS_ORIGINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().url('an origin such as https://analysis.example.org'))),
  ),
  /** Per client and minute: console queries (POST /api/cypher, /api/queries/:name, ingest). */
  RATE_LIMIT_CONSOLE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(60)),
  /** Per client and minute: reports. */
  RATE_LIMIT_REPORTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
  /** Console queries running at once, over all clients (each holds one database connection of its own); default: CPU cores − 1, 1 to 8. */
  CONSOLE_MAX_CONCURRENT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(DEFAULT_CONSOLE_CONCURRENCY)),
  /** Console queries running at once for one client. */
  CONSOLE_MAX_PER_CLIENT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(2)),
  /** Size of one console result (rows and graph as JSON), in MiB; beyond it the result is truncated and says so. */
  CONSOLE_MAX_RESULT_MB: z.preprocess(emptyAsUndefined, z.coerce.number().min(0.01).max(256).default(8)),
  /** Functions to add to the console's allow-list, comma-separated (see server/services/console-functions.ts). */
  CONSOLE_ALLOW_FUNCTIONS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[A-Za-z_][\w.]*$/, 'function names such as apoc.text.join'))),
  ),
  /** Number of reverse proxies in front of the app whose X-Forwarded-For to trust (rate limits per client). */
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(0)),
  /** Drafting of articles (POST /api/ingest): threads, drafts that may wait, and each draft's time and heap limits. */
  INGEST_WORKERS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(16).default(1)),
  INGEST_QUEUE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(1000).default(8)),
  INGEST_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1000).max(600_000).default(20_000)),
  INGEST_HEAP_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(64).max(16_384).default(512)),
  /** Load the seed articles at start (npm start does; set to false to skip). */
  SEED_ON_START: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
  ),
});

export type Config = z.infer<typeof configSchema>;

/** Where the audit logs go: the console's (AUDIT_LOG) and the access log beside it, both rotated. */
export function auditPaths(config: Config): { console: string; access: string; rotation: { maxBytes: number; files: number } } {
  const consoleLog = config.AUDIT_LOG ?? join(config.DATA_DIR, 'audit', 'cypher.jsonl');
  return {
    console: consoleLog,
    access: join(dirname(consoleLog), 'access.jsonl'),
    rotation: { maxBytes: config.AUDIT_MAX_MB * 1024 * 1024, files: config.AUDIT_FILES },
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(configSchema, env);
}
