// Environment configuration, parsed once at boot with zod: a bad value stops start-up with a message
// naming the variable and what was expected. The database part is graph/config.ts.
import { z } from 'zod';
import { ConfigError, databaseConfigSchema, emptyAsUndefined, parseEnv } from '../graph/config.ts';

export { ConfigError };

const configSchema = databaseConfigSchema.extend({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8080)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
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
  /** Number of reverse proxies in front of the app whose X-Forwarded-For to trust (rate limits per client). */
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(0)),
  /** Load the seed articles at start (npm start does; set to false to skip). */
  SEED_ON_START: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('true').transform((v) => v === 'true')),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(configSchema, env);
}
