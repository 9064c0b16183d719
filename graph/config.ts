// The database part of the environment configuration, parsed with zod: which Neo4j to use (NEO4J_URI,
// or a local one under DATA_DIR) and the local one's memory. The server's configuration extends it
// (server/config.ts); the command-line tools need only this part.
import { z } from 'zod';

export const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const databaseConfigSchema = z.object({
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
  NEO4J_DATABASE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z][\w.-]*$/, 'a database name')
      .optional(),
  ),
  /** Where the local Neo4j keeps its files when NEO4J_URI is not set. */
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data')),
  /** Memory of the local Neo4j (ignored with NEO4J_URI), in MiB; unset: neo4j/local.ts DEFAULT_MEMORY. */
  NEO4J_HEAP_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(256).max(65536).optional()),
  NEO4J_PAGECACHE_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(64).max(262144).optional()),
  /** Memory one transaction of the local Neo4j may hold (db.memory.transaction.max); unset: a quarter of the heap. */
  NEO4J_TX_MEMORY_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(16).max(65536).optional()),
  /** Memory all its transactions together may hold (dbms.memory.transaction.total.max); unset: half the heap. */
  NEO4J_TX_TOTAL_MEMORY_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(16).max(65536).optional()),
});

export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment with a schema; a bad value is a ConfigError naming the variable, never its value. */
export function parseEnv<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return parseEnv(databaseConfigSchema, env);
}
