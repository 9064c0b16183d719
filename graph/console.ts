// The console's side of the database. Every console query gets a connection of its own, from a
// driver of its own (pool of one), so the public reads' pool never waits for an analyst's query and a
// deadline can cut that one connection (abort) without touching anything else: Neo4j plans outside
// any transaction time-out and can stop answering on a connection altogether (a parser stack
// overflow), so a time-out the server enforces is not enough. EXPLAIN classifies a query; the run
// streams its rows from a READ transaction with a server-side time-out, a small fetch size and
// metadata naming it (app, tag), as plain encoded rows — no driver objects leave this module. Driver
// errors become the typed errors the HTTP layer maps (syntax → 400, time-out → 408, memory → 422 …),
// worded without Java class names.
import { randomUUID } from 'node:crypto';
import neo4j, { Neo4jError, type Driver, type Result, type Session, type Transaction } from 'neo4j-driver';
import { BadInput, QueryFailed, QueryRefused, QueryTimeout, QueryTooLarge, databaseUnreachable } from '../domain/errors.ts';
import { cypher } from './cypher.ts';
import type { PlanNode } from '../domain/contracts/system.ts';
import { createDriver, isMemoryError, isUnreachable, type DatabaseTarget } from './database.ts';
import { decodeParams, encodeValue, graphOf, type GraphElements } from './typed-values.ts';
import type { Plain } from './values.ts';

/** The transaction metadata that marks a console query; the local Neo4j's reaper knows it (RunawayQueryReaper.java). */
export const CONSOLE_APP = 'diplomatic-kg-console';

/** A query plan or profile as the console answers it (the API's contract). */
export type { PlanNode };

interface DriverPlan {
  operatorType: string;
  arguments?: Record<string, unknown>;
  rows?: number;
  dbHits?: number;
  children: DriverPlan[];
}

function toPlanNode(plan: DriverPlan): PlanNode {
  const node: PlanNode = {
    operator: plan.operatorType.replace(/@.*$/, ''),
    details: String(plan.arguments?.Details ?? ''),
    children: plan.children.map(toPlanNode),
  };
  if (typeof plan.rows === 'number') node.rows = plan.rows;
  if (typeof plan.dbHits === 'number') node.dbHits = plan.dbHits;
  return node;
}

const EXPLAIN = 'EXPLAIN ';

/** Neo4j's "(line 1, column 9 (offset: 8))", shifted back by what we put in front of the query. */
export function syntaxPosition(message: string, prefixLength: number): { line: number; column: number; offset: number } | undefined {
  const match = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const column = Number(match[2]);
  return { line, column: line === 1 ? Math.max(1, column - prefixLength) : column, offset: Math.max(0, Number(match[3]) - prefixLength) };
}

/** A driver message without Java's class names ("Caused by: java.lang.ArithmeticException: / by zero" → "/ by zero"). */
export function withoutInternals(message: string): string {
  return message
    .replace(/\b(?:Caused by|Exception|Error):\s*/g, '')
    .replace(/\b(?:java|javax|jdk|sun|org|com|scala|apoc|io|kotlin)\.(?:[\w$]+\.)*[A-Z][\w$]*(?::\s*)?/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const MEMORY_DETAIL =
  'The query used too much memory and was stopped. One query may hold a quarter of the database’s heap (db.memory.transaction.max); values built inside one expression — a list from range(), a string grown in reduce() — count too. Narrow the query or aggregate in the database.';

const CUT_OFF_DETAIL =
  'The database closed this query’s connection while it ran: a query that holds too much memory or runs past its time is stopped this way. Nothing was changed; narrow the query.';

/**
 * Maps a driver error on an analyst query to a typed error; `prefix` is what we prepended to their text.
 * `running`: the query had been planned on this connection, so losing the connection now is the query's
 * doing (Neo4j, or its runaway-query reaper, stopped it), not a database that cannot be reached.
 */
export function consoleError(error: unknown, prefix = '', running = false): Error {
  if (isMemoryError(error) || (error instanceof Neo4jError && /OutOfMemoryError|ThreadDeath/.test(error.message)))
    return new QueryTooLarge(MEMORY_DETAIL);
  if (isUnreachable(error)) return running ? new QueryFailed(CUT_OFF_DETAIL) : databaseUnreachable();
  if (!(error instanceof Neo4jError)) return error as Error;
  const code = error.code ?? '';
  const message = withoutInternals(error.message.split('\n')[0]!.replace(new RegExp(`"${prefix}`), '"'));
  if (code.endsWith('SyntaxError') || code.endsWith('SemanticError')) {
    const position = syntaxPosition(error.message, prefix.length);
    const located = position
      ? message.replace(
          /line \d+, column \d+ \(offset: \d+\)/,
          `line ${position.line}, column ${position.column} (offset: ${position.offset})`,
        )
      : message;
    return new BadInput(`query: ${located}`, 'query', [], position);
  }
  if (code.endsWith('ParameterMissing') || code.endsWith('ParameterWrongType')) return new BadInput(`params: ${message}`, 'params');
  if (code.includes('TransactionTimedOut') || code.endsWith('Terminated') || code.includes('TransactionMarkedAsFailed')) {
    return new QueryTimeout('The query ran past its time limit and was cancelled on the server.');
  }
  if (
    code.endsWith('AccessMode') ||
    code.endsWith('Forbidden') ||
    code.includes('UnsupportedAdministrationCommand') ||
    code.includes('Security')
  ) {
    return new QueryRefused(`Refused: the console only runs read queries (${message}).`);
  }
  if (code.endsWith('StackOverFlowError')) return new QueryFailed('The query is nested too deeply for the database to plan or run.');
  if (code.startsWith('Neo.ClientError')) return new QueryFailed(`The query failed while running: ${message}`);
  // Neo.DatabaseError / unknown: the query broke something inside the database; say so without its internals.
  return new QueryFailed('The database could not run this query.');
}

export interface Explained {
  queryType: string;
  plan: PlanNode | null;
}

/** One result row, encoded (typed-values.ts), with the nodes and relationships in it as Cytoscape elements. */
export interface EncodedRow {
  values: Plain[];
  graph: GraphElements;
}

export interface RowStream {
  columns: string[];
  rows: AsyncIterable<EncodedRow>;
  /** The profile, once every row was read (PROFILE queries); null otherwise. */
  profile(): Promise<PlanNode | null>;
}

/** One console query's connection: explain, stream, then close — or abort when its deadline passes. */
export interface ConsoleConnection {
  /** The transaction metadata tag of this connection's queries (SHOW TRANSACTIONS can find them). */
  readonly tag: string;
  explain(query: string, params: Record<string, unknown>): Promise<Explained>;
  stream(query: string, params: Record<string, unknown>, options: { timeoutMs: number; fetchSize: number }): Promise<RowStream>;
  /** Cuts the connection now, whatever it is doing; Neo4j then terminates what ran on it. */
  abort(): Promise<void>;
  /** Rolls back (everything is read-only) and closes. */
  close(): Promise<void>;
}

export interface ConsoleDatabase {
  connect(): ConsoleConnection;
  /** Whether Neo4j still runs a query of the connection tagged `tag` (after that connection was cut). */
  stillRunning(tag: string): Promise<boolean>;
}

/** A console connection's driver: one connection, no retries (an analyst's query is not retried behind their back). */
function consoleDriver(target: DatabaseTarget): Driver {
  return createDriver(target, { maxTransactionRetryTime: 0, maxConnectionPoolSize: 1, connectionAcquisitionTimeout: 5_000 });
}

function openConnection(target: DatabaseTarget): ConsoleConnection {
  const tag = randomUUID();
  const metadata = { app: CONSOLE_APP, tag };
  const driver = consoleDriver(target);
  const open: { session?: Session; tx?: Transaction } = {};
  let closing: Promise<void> | undefined;
  const session = (fetchSize?: number) => {
    open.session = driver.session({
      database: target.database,
      defaultAccessMode: neo4j.session.READ,
      ...(fetchSize ? { fetchSize } : {}),
    });
    return open.session;
  };
  return {
    tag,
    async explain(query, params) {
      const explaining = session();
      try {
        const result = await explaining.run(EXPLAIN + query, decodeParams(params), { metadata });
        const plan = result.summary.plan ? toPlanNode(result.summary.plan as unknown as DriverPlan) : null;
        return { queryType: result.summary.queryType ?? '', plan };
      } catch (error) {
        throw consoleError(error, EXPLAIN);
      } finally {
        await explaining.close().catch(() => {});
      }
    },
    async stream(query, params, options) {
      const decoded = decodeParams(params);
      let result: Result;
      try {
        open.tx = await session(options.fetchSize).beginTransaction({ timeout: options.timeoutMs, metadata });
        result = open.tx.run(query, decoded);
        const columns = (await result.keys()).map(String);
        let complete = false;
        async function* rows(): AsyncGenerator<EncodedRow> {
          try {
            for await (const record of result) {
              yield { values: columns.map((column) => encodeValue(record.get(column))), graph: graphOf([record.toObject()]) };
            }
            complete = true;
          } catch (error) {
            throw consoleError(error, '', true);
          }
        }
        return {
          columns,
          rows: rows(),
          profile: async () => {
            if (!complete) return null;
            const summary = await result.summary();
            return summary.profile ? toPlanNode(summary.profile as unknown as DriverPlan) : null;
          },
        };
      } catch (error) {
        throw consoleError(error, '', true);
      }
    },
    abort: () => (closing ??= driver.close().catch(() => {})),
    close: () =>
      (closing ??= (async () => {
        // Read-only either way; rolling back also ends a query we stopped reading early.
        await open.tx?.rollback().catch(() => {});
        await open.session?.close().catch(() => {});
        await driver.close().catch(() => {});
      })()),
  };
}

export function consoleDatabase(target: DatabaseTarget): ConsoleDatabase {
  return {
    connect: () => openConnection(target),
    async stillRunning(tag) {
      const driver = consoleDriver(target);
      try {
        const { records } = await driver.executeQuery(cypher('console-running'), { tag }, { database: target.database });
        return Number(records[0]?.get('running') ?? 0) > 0;
      } finally {
        await driver.close();
      }
    },
  };
}
