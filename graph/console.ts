// The console's two calls to the database: EXPLAIN (to classify a query before it runs) and the run
// itself, in a READ transaction with a server-side timeout, streaming rows up to a cap. Driver errors
// become the typed errors the HTTP layer maps (syntax → 400, timeout → 408, refused write → 403, …).
import neo4j, { Neo4jError, type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import type { Audit } from '../server/audit.ts';
import { BadInput, QueryFailed, QueryRefused, QueryTimeout, databaseUnreachable } from '../domain/errors.ts';
import { isUnreachable } from './database.ts';
import { syntaxPosition, type PlanOperator } from '../server/services/console-guard.ts';

export interface PlanNode {
  operator: string;
  details: string;
  rows?: number;
  dbHits?: number;
  children: PlanNode[];
}

interface DriverPlan {
  operatorType: string;
  arguments?: Record<string, unknown>;
  rows?: number;
  dbHits?: number;
  children: DriverPlan[];
}

function toPlanNode(plan: DriverPlan): PlanNode {
  const node: PlanNode = { operator: plan.operatorType.replace(/@.*$/, ''), details: String(plan.arguments?.Details ?? ''), children: plan.children.map(toPlanNode) };
  if (typeof plan.rows === 'number') node.rows = plan.rows;
  if (typeof plan.dbHits === 'number') node.dbHits = plan.dbHits;
  return node;
}

export function flattenPlan(plan: PlanNode): PlanOperator[] {
  return [{ type: plan.operator, details: plan.details }, ...plan.children.flatMap(flattenPlan)];
}

const EXPLAIN = 'EXPLAIN ';

/** Maps a driver error on an analyst query to a typed error; `prefix` is what we prepended to their text. */
export function consoleError(error: unknown, prefix = ''): Error {
  if (isUnreachable(error)) return databaseUnreachable();
  if (!(error instanceof Neo4jError)) return error as Error;
  const code = error.code ?? '';
  const message = error.message.split('\n')[0]!.replace(new RegExp(`"${prefix}`), '"');
  if (code.endsWith('SyntaxError') || code.endsWith('SemanticError')) {
    const position = syntaxPosition(error.message, prefix.length);
    const located = position
      ? message.replace(/line \d+, column \d+ \(offset: \d+\)/, `line ${position.line}, column ${position.column} (offset: ${position.offset})`)
      : message;
    return new BadInput(`query: ${located}`, 'query', [], position);
  }
  if (code.endsWith('ParameterMissing') || code.endsWith('ParameterWrongType')) return new BadInput(`params: ${message}`, 'params');
  if (code.includes('TransactionTimedOut') || code.endsWith('Terminated') || code.includes('TransactionMarkedAsFailed')) {
    return new QueryTimeout('The query ran past its time limit and was cancelled on the server.');
  }
  if (code.endsWith('AccessMode') || code.endsWith('Forbidden') || code.includes('UnsupportedAdministrationCommand') || code.includes('Security')) {
    return new QueryRefused(`Refused: the console only runs read queries (${message}).`);
  }
  if (code.startsWith('Neo.ClientError')) return new QueryFailed(`The query failed while running: ${message}`);
  return error;
}

export interface Explained {
  queryType: string;
  plan: PlanNode | null;
}

export async function explainQuery(driver: Driver, database: string | undefined, query: string, params: Record<string, unknown>): Promise<Explained> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(EXPLAIN + query, params);
    const plan = result.summary.plan ? toPlanNode(result.summary.plan as unknown as DriverPlan) : null;
    return { queryType: result.summary.queryType ?? '', plan };
  } catch (error) {
    throw consoleError(error, EXPLAIN);
  } finally {
    await session.close();
  }
}

export interface StreamedResult {
  columns: string[];
  records: Neo4jRecord[];
  truncated: boolean;
  profile: PlanNode | null;
}

/**
 * Runs `query` in a READ transaction that the server cancels after `timeoutMs`, keeping at most
 * `maxRows` records: on the next one it stops reading and rolls back, which ends the query.
 */
export async function streamReadQuery(
  driver: Driver,
  database: string | undefined,
  query: string,
  params: Record<string, unknown>,
  limits: { timeoutMs: number; maxRows: number },
): Promise<StreamedResult> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize: Math.min(limits.maxRows + 1, 1000) });
  const tx = await session.beginTransaction({ timeout: limits.timeoutMs, metadata: { app: 'diplomatic-kg-console' } }).catch((error: unknown) => {
    void session.close();
    throw consoleError(error);
  });
  const records: Neo4jRecord[] = [];
  let truncated = false;
  try {
    const result = tx.run(query, params);
    const columns = [...(await result.keys())];
    for await (const record of result) {
      if (records.length >= limits.maxRows) {
        truncated = true;
        break;
      }
      records.push(record);
    }
    let profile: PlanNode | null = null;
    if (!truncated) {
      const summary = await result.summary();
      profile = summary.profile ? toPlanNode(summary.profile as unknown as DriverPlan) : null;
    }
    return { columns: columns.map(String), records, truncated, profile };
  } catch (error) {
    throw consoleError(error);
  } finally {
    // Read-only either way; rolling back also ends a query we stopped reading early.
    await tx.rollback().catch(() => {});
    await session.close();
  }
}

/** The console's database calls bound to one driver, plus the audit log. */
export function consoleDeps(driver: Driver, database: string | undefined, audit: Audit) {
  return {
    explain: (query: string, params: Record<string, unknown>) => explainQuery(driver, database, query, params),
    stream: (query: string, params: Record<string, unknown>, limits: { timeoutMs: number; maxRows: number }) => streamReadQuery(driver, database, query, params, limits),
    audit,
  };
}
