// Environment configuration, parsed once at boot with zod: a bad value stops start-up with a message
// naming the variable and what was expected.
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Console queries at once by default: one per CPU core, at least 2 and at most 8 (SECURITY.md, measured). */
export const DEFAULT_CONSOLE_CONCURRENCY = Math.min(8, Math.max(2, availableParallelism()));

const configSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8080)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  /** An existing Neo4j (bolt://, neo4j://, neo4j+s://, …); when absent a local one is started. */
  NEO4J_URI: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'a Bolt URI such as bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io')
      .optional(),
  ),
  NEO4J_USER: z.preprocess(emptyAsUndefined, z.string().default('neo4j')),
  NEO4J_PASSWORD: z.preprocess(emptyAsUndefined, z.string().default('')),
  NEO4J_DATABASE: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z][\w.-]*$/, 'a database name').optional()),
  /** Where the local Neo4j keeps its files when NEO4J_URI is not set. */
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data')),
  /** Memory of the local Neo4j (ignored with NEO4J_URI), in MiB; unset: neo4j/local.ts DEFAULT_MEMORY. */
  NEO4J_HEAP_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(256).max(65536).optional()),
  NEO4J_PAGECACHE_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(64).max(262144).optional()),
  /** Memory one transaction of the local Neo4j may hold (db.memory.transaction.max); unset: a quarter of the heap. */
  NEO4J_TX_MEMORY_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(16).max(65536).optional()),
  /** Memory all its transactions together may hold (dbms.memory.transaction.total.max); unset: half the heap. */
  NEO4J_TX_TOTAL_MEMORY_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(16).max(65536).optional()),
  /** Where the console's audit log (JSON lines) goes; default DATA_DIR/audit/cypher.jsonl. */
  AUDIT_LOG: z.preprocess(emptyAsUndefined, z.string().optional()),
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
      .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
      .pipe(z.array(z.string().url('an origin such as https://analysis.example.org'))),
  ),
  /** Per client and minute: console queries (POST /api/cypher, /api/queries/:name, ingest). */
  RATE_LIMIT_CONSOLE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(60)),
  /** Per client and minute: reports. */
  RATE_LIMIT_REPORTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
  /** Console queries running at once, over all clients (each holds one database connection of its own); default: one per CPU core, 2 to 8. */
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
      .transform((v) => v.split(',').map((name) => name.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[A-Za-z_][\w.]*$/, 'function names such as apoc.text.join'))),
  ),
  /** Number of reverse proxies in front of the app whose X-Forwarded-For to trust (rate limits per client). */
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(0)),
  /** Load the seed articles at start (npm start does; set to false to skip). */
  SEED_ON_START: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('true').transform((v) => v === 'true')),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
