// The answers about the app itself: health, the live schema's names, and the console's (POST
// /api/cypher, the saved query library).
import { z } from 'zod';
import { json, problem } from './common.ts';

export const databaseHealth = z
  .object({ connected: z.boolean(), version: z.string().optional(), edition: z.string().optional(), error: z.string().optional() })
  .strict();
export type DatabaseHealth = z.infer<typeof databaseHealth>;

/** The supervised local Neo4j's state (when the app started it). */
export const localStatus = z
  .object({
    state: z.enum(['running', 'restarting', 'stopped']),
    /** Restarts since this process started it. */
    restarts: z.number().int(),
    /** When the current state began (ISO 8601). */
    since: z.string(),
    lastExit: z.object({ at: z.string(), code: z.number().nullable(), signal: z.string().nullable() }).strict().optional(),
  })
  .strict();

export type LocalStatus = z.infer<typeof localStatus>;

export const startupStatus = z.object({ state: z.enum(['pending', 'ready', 'failed']), error: z.string().optional() }).strict();

/** GET /api/health. */
export const healthAnswer = z
  .object({
    /** restarting: the local Neo4j stopped unexpectedly and its supervisor is starting it again. */
    status: z.enum(['ok', 'unavailable', 'starting', 'restarting']),
    neo4j: databaseHealth.extend({ local: localStatus.optional() }).strict(),
    startup: startupStatus,
  })
  .strict();
export type HealthAnswer = z.infer<typeof healthAnswer>;

/** GET /api/health's 503: the problem, with the report's state. */
export const healthProblem = problem
  .extend({ state: healthAnswer.shape.status, neo4j: healthAnswer.shape.neo4j, startup: startupStatus })
  .strict();

/** GET /api/schema: the live schema's names, for the console editor's completion. */
export const schemaNames = z
  .object({ labels: z.array(z.string()), relationshipTypes: z.array(z.string()), propertyKeys: z.array(z.string()) })
  .strict();
export type SchemaNames = z.infer<typeof schemaNames>;

export const PARAM_TYPES = ['string', 'integer', 'date-start', 'date-end', 'country'] as const;
export const savedParam = z
  .object({ name: z.string(), type: z.enum(PARAM_TYPES), required: z.boolean(), description: z.string() })
  .strict();
export const savedQuery = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    params: z.array(savedParam),
    columns: z.array(z.string()),
    query: z.string(),
  })
  .strict();
export type SavedQuery = z.infer<typeof savedQuery>;
/** GET /api/queries. */
export const savedQueries = z.object({ queries: z.array(savedQuery) }).strict();

export interface PlanNode {
  operator: string;
  details: string;
  rows?: number | undefined;
  dbHits?: number | undefined;
  children: PlanNode[];
}
const planLevel = z
  .object({
    operator: z.string(),
    details: z.string(),
    rows: z.number().optional(),
    dbHits: z.number().optional(),
    children: z.array(z.unknown()),
  })
  .strict();
const isPlanNode = (value: unknown): value is PlanNode => {
  const level = planLevel.safeParse(value);
  return level.success && level.data.children.every(isPlanNode);
};
/** A plan operator and its children, checked level by level (a refinement: the OpenAPI generator cannot walk z.lazy). */
export const planNode: z.ZodEffects<z.ZodAny, PlanNode> = z
  .any()
  .refine(isPlanNode, 'a query plan node {operator, details, rows?, dbHits?, children}');

export const nodeElement = z
  .object({
    data: z
      .object({ id: z.string(), label: z.string(), labels: z.array(z.string()), entityId: z.string().nullable(), type: z.string() })
      .strict(),
  })
  .strict();
export const edgeElement = z
  .object({ data: z.object({ id: z.string(), source: z.string(), target: z.string(), type: z.string(), label: z.string() }).strict() })
  .strict();
export type NodeElement = z.infer<typeof nodeElement>;
export type EdgeElement = z.infer<typeof edgeElement>;
export const graphElements = z.object({ nodes: z.array(nodeElement), edges: z.array(edgeElement) }).strict();
export type GraphElements = z.infer<typeof graphElements>;

export const consoleSummary = z
  .object({
    queryType: z.string(),
    truncated: z.boolean(),
    /** What cut the result short: the row cap or the byte cap. */
    truncatedBy: z.enum(['rows', 'bytes']).optional(),
    rows: z.number().int(),
    /** Size of the rows and graph as JSON. */
    bytes: z.number().int(),
    ms: z.number(),
    mode: z.enum(['run', 'explain', 'profile']),
    plan: planNode.nullable().optional(),
  })
  .strict();
export type ConsoleSummary = z.infer<typeof consoleSummary>;

/** POST /api/cypher and POST /api/queries/{name}: rows as lossless JSON values, the graph they draw, and what happened. */
export const consoleAnswer = z
  .object({ columns: z.array(z.string()), rows: z.array(z.array(json)), graph: graphElements, summary: consoleSummary })
  .strict();
export type ConsoleAnswer = z.infer<typeof consoleAnswer>;
