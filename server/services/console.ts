// The analyst console: classify with EXPLAIN (only plain reads pass), run in a READ transaction with a
// time limit and a row cap, return rows losslessly plus the graph in them, and audit every attempt.
import neo4j from 'neo4j-driver';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Audit, AuditEntry } from '../audit.ts';
import { AppError, BadInput, DatabaseUnavailable, QueryFailed, QueryRefused, QueryTimeout } from '../../domain/errors.ts';
import type { Explained, PlanNode, StreamedResult } from '../../graph/console.ts';
import { flattenPlan } from '../../graph/console.ts';
import { cypherParams } from '../../graph/reader.ts';
import { encodeValue, graphOf, type GraphElements } from '../../graph/typed-values.ts';
import type { Plain } from '../../graph/values.ts';
import { judgePlan, splitPlanPrefix } from './console-guard.ts';

export interface ConsoleRequest {
  query: string;
  params: Record<string, unknown>;
  timeoutMs: number;
  maxRows: number;
}

export interface ConsoleAnswer {
  columns: string[];
  rows: Plain[][];
  graph: GraphElements;
  summary: { queryType: string; truncated: boolean; rows: number; ms: number; mode: 'run' | 'explain' | 'profile'; plan?: PlanNode | null };
}

export interface ConsoleDeps {
  explain(query: string, params: Record<string, unknown>): Promise<Explained>;
  stream(query: string, params: Record<string, unknown>, limits: { timeoutMs: number; maxRows: number }): Promise<StreamedResult>;
  audit: Audit;
  now?: () => number;
}

/** Typed parameters in JSON: {"$type": "date", "value": "2025-02-01"} and friends become Cypher values. */
export function decodeParams(params: Record<string, unknown>): Record<string, unknown> {
  const decode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decode);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const tagged = value as { $type?: unknown; value?: unknown };
      if (typeof tagged.$type === 'string') {
        const text = String(tagged.value ?? '');
        try {
          switch (tagged.$type) {
            case 'integer': return neo4j.int(text);
            case 'date': {
              const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? [];
              if (!y) throw new Error('expected YYYY-MM-DD');
              return new neo4j.types.Date(Number(y), Number(m), Number(d));
            }
            case 'datetime': return neo4j.types.DateTime.fromStandardDate(new Date(text));
            default: throw new Error(`unknown $type "${tagged.$type}"`);
          }
        } catch (error) {
          throw new BadInput(`params: cannot read ${JSON.stringify(value)} (${(error as Error).message}); use {"$type": "integer"|"date"|"datetime", "value": "…"}`, 'params');
        }
      }
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
    }
    return value;
  };
  return cypherParams(decode(params)) as Record<string, unknown>;
}

function outcomeOf(error: unknown): AuditEntry['outcome'] {
  if (error instanceof QueryRefused) return 'refused';
  if (error instanceof BadInput) return 'bad-input';
  if (error instanceof QueryTimeout) return 'timeout';
  if (error instanceof QueryFailed) return 'failed';
  if (error instanceof DatabaseUnavailable) return 'unavailable';
  return 'error';
}

export async function runConsoleQuery(deps: ConsoleDeps, request: ConsoleRequest, context: { saved?: string; client?: string } = {}): Promise<ConsoleAnswer> {
  const now = deps.now ?? Date.now;
  const started = now();
  const entry: AuditEntry = {
    time: new Date(started).toISOString(),
    ...(context.saved ? { saved: context.saved } : {}),
    query: request.query,
    paramNames: Object.keys(request.params).sort(),
    outcome: 'ok',
    rows: 0,
    truncated: false,
    ms: 0,
    ...(context.client ? { client: context.client } : {}),
  };
  try {
    const { mode, query } = splitPlanPrefix(request.query);
    const params = decodeParams(request.params);
    const explained = await deps.explain(query, params);
    entry.queryType = explained.queryType;
    const verdict = judgePlan(explained.queryType, explained.plan ? flattenPlan(explained.plan) : []);
    if (!verdict.allowed) throw new QueryRefused(`Refused: ${verdict.reason}.`);
    let answer: ConsoleAnswer;
    if (mode === 'explain') {
      answer = { columns: [], rows: [], graph: { nodes: [], edges: [] }, summary: { queryType: explained.queryType, truncated: false, rows: 0, ms: 0, mode, plan: explained.plan } };
    } else {
      const result = await deps.stream(mode === 'profile' ? `PROFILE ${query}` : query, params, { timeoutMs: request.timeoutMs, maxRows: request.maxRows });
      const rows = result.records.map((record: Neo4jRecord) => result.columns.map((column) => encodeValue(record.get(column))));
      answer = {
        columns: result.columns,
        rows,
        graph: graphOf(result.records.map((record) => record.toObject())),
        summary: { queryType: explained.queryType, truncated: result.truncated, rows: rows.length, ms: 0, mode, ...(mode === 'profile' ? { plan: result.profile } : {}) },
      };
    }
    entry.rows = answer.summary.rows;
    entry.truncated = answer.summary.truncated;
    entry.ms = answer.summary.ms = now() - started;
    return answer;
  } catch (error) {
    entry.outcome = outcomeOf(error);
    entry.reason = error instanceof AppError ? error.message : 'internal error';
    entry.ms = now() - started;
    throw error;
  } finally {
    deps.audit(entry);
  }
}
