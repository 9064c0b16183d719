// The analyst console: check the text (console-guard.ts), take a place (console-gate.ts), classify with
// EXPLAIN (only plain reads pass), run in a READ transaction with a time limit, and collect the rows
// as JSON text while they stream in, up to a row cap and a byte cap — never the whole result as
// objects, never one JSON.stringify of everything. A deadline (time limit + grace) cuts the query's
// connection whatever Neo4j is doing (planning is outside its transaction time-out). Every attempt is
// audited. Layering: guard ← this → runner (graph/console.ts); no driver types here.
import type { Audit, AuditEntry } from '../audit.ts';
import {
  AppError,
  BadInput,
  Busy,
  DatabaseUnavailable,
  QueryFailed,
  QueryRefused,
  QueryTimeout,
  QueryTooLarge,
  TooManyRequests,
} from '../../domain/errors.ts';
import type { ConsoleConnection, ConsoleDatabase, EncodedRow } from '../../graph/console.ts';
import { placeholderEnds, type EdgeElement, type GraphElements, type NodeElement } from '../../graph/typed-values.ts';
import type { ConsoleGate } from './console-gate.ts';
import type { ConsoleAnswer, ConsoleSummary } from '../../domain/contracts/system.ts';
import { judgePlan, judgeText, splitPlanPrefix, TEXT_LIMITS, type TextLimits } from './console-guard.ts';

export interface ConsoleRequest {
  query: string;
  params: Record<string, unknown>;
  timeoutMs: number;
  maxRows: number;
}

export type { ConsoleAnswer, ConsoleSummary };

/** The answer as the service hands it over: each row already JSON text, written out piece by piece. */
export interface EncodedAnswer {
  columns: string[];
  rows: string[];
  graph: GraphElements;
  summary: ConsoleSummary;
}

export interface ConsoleSettings {
  /** Rows and graph together, as JSON bytes; beyond it the result is truncated and says so. */
  maxBytes: number;
  allowedFunctions: ReadonlySet<string>;
  /** How long after the time limit the connection is cut (the server-side time-out normally answers first). */
  graceMs: number;
  textLimits?: TextLimits;
}

export interface ConsoleDeps {
  database: ConsoleDatabase;
  gate: ConsoleGate;
  audit: Audit;
  settings: ConsoleSettings;
  now?: () => number;
  /** Where a query Neo4j keeps running after its deadline is reported. */
  log?: (line: string) => void;
}

function outcomeOf(error: unknown): AuditEntry['outcome'] {
  if (error instanceof QueryRefused) return 'refused';
  if (error instanceof BadInput) return 'bad-input';
  if (error instanceof QueryTimeout) return 'timeout';
  if (error instanceof QueryFailed || error instanceof QueryTooLarge) return 'failed';
  if (error instanceof DatabaseUnavailable) return 'unavailable';
  if (error instanceof TooManyRequests || error instanceof Busy) return 'busy';
  return 'error';
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** Rows read so far, as JSON text, with the graph in them; stops at the row cap or the byte cap. */
class ResultCollector {
  readonly rows: string[] = [];
  private readonly nodes = new Map<string, NodeElement>();
  private readonly edges = new Map<string, EdgeElement>();
  bytes = 0;
  truncatedBy: 'rows' | 'bytes' | undefined;

  constructor(
    private readonly maxRows: number,
    private readonly maxBytes: number,
  ) {}

  /** Adds a row; false when it did not fit (the result is then truncated). */
  add(row: EncodedRow): boolean {
    if (this.rows.length >= this.maxRows) {
      this.truncatedBy = 'rows';
      return false;
    }
    const text = JSON.stringify(row.values);
    const newNodes = row.graph.nodes.filter((node) => !this.nodes.has(node.data.id));
    const newEdges = row.graph.edges.filter((edge) => !this.edges.has(edge.data.id));
    const size =
      byteLength(text) + 1 + [...newNodes, ...newEdges].reduce((sum, element) => sum + byteLength(JSON.stringify(element)) + 1, 0);
    if (this.bytes + size > this.maxBytes) {
      this.truncatedBy = 'bytes';
      return false;
    }
    this.bytes += size;
    this.rows.push(text);
    for (const node of newNodes) this.nodes.set(node.data.id, node);
    for (const edge of newEdges) this.edges.set(edge.data.id, edge);
    return true;
  }

  graph(): GraphElements {
    const graph = { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
    return { nodes: [...graph.nodes, ...placeholderEnds(graph)], edges: graph.edges };
  }
}

/** Gives the gate place back once Neo4j no longer lists the connection's queries (bounded wait). */
async function releaseWhenGone(deps: ConsoleDeps, connection: ConsoleConnection, release: () => void): Promise<void> {
  const started = Date.now();
  try {
    while (Date.now() - started < 120_000) {
      if (!(await deps.database.stillRunning(connection.tag).catch(() => false))) return;
      await new Promise((resume) => setTimeout(resume, 1_000));
    }
    deps.log?.(
      `console: a query cut off at its deadline was still running in Neo4j after 120 s (tag ${connection.tag}); its place is given back`,
    );
  } finally {
    release();
  }
}

export async function runConsoleQuery(
  deps: ConsoleDeps,
  request: ConsoleRequest,
  context: { saved?: string; client?: string } = {},
): Promise<EncodedAnswer> {
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
  const { settings } = deps;
  /** EXPLAIN, judge the plan, run and collect; `markCut` records that the connection was cut on purpose. */
  const answer = async (
    open: ConsoleConnection,
    mode: 'run' | 'explain' | 'profile',
    query: string,
    markCut: (cut: boolean) => void,
  ): Promise<EncodedAnswer> => {
    const explained = await open.explain(query, request.params);
    entry.queryType = explained.queryType;
    const verdict = judgePlan(explained.queryType, explained.plan, settings.allowedFunctions);
    if (!verdict.allowed) throw new QueryRefused(`Refused: ${verdict.reason}.`);
    const summary: ConsoleSummary = { queryType: explained.queryType, truncated: false, rows: 0, bytes: 0, ms: 0, mode };
    if (mode === 'explain')
      return { columns: [], rows: [], graph: { nodes: [], edges: [] }, summary: { ...summary, plan: explained.plan } };
    const remaining = Math.max(1, request.timeoutMs - (now() - started));
    const stream = await open.stream(mode === 'profile' ? `PROFILE ${query}` : query, request.params, {
      timeoutMs: remaining,
      fetchSize: Math.min(request.maxRows + 1, 50),
    });
    const collected = new ResultCollector(request.maxRows, settings.maxBytes);
    for await (const row of stream.rows) {
      if (!collected.add(row)) break;
    }
    // Past the byte cap more of the same may be in flight: cut the connection rather than read it.
    if (collected.truncatedBy === 'bytes') {
      markCut(true);
      void open.abort();
    }
    const plan = mode === 'profile' && !collected.truncatedBy ? await stream.profile() : undefined;
    return {
      columns: stream.columns,
      rows: collected.rows,
      graph: collected.graph(),
      summary: {
        ...summary,
        truncated: collected.truncatedBy !== undefined,
        ...(collected.truncatedBy ? { truncatedBy: collected.truncatedBy } : {}),
        rows: collected.rows.length,
        bytes: collected.bytes,
        ...(plan !== undefined ? { plan } : {}),
      },
    };
  };
  let connection: ConsoleConnection | undefined;
  let release: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let cut = false;
  try {
    const { mode, query } = splitPlanPrefix(request.query);
    const textVerdict = judgeText(query, settings.allowedFunctions, settings.textLimits ?? TEXT_LIMITS);
    if (!textVerdict.allowed) throw new QueryRefused(`Refused: ${textVerdict.reason}.`);
    release = deps.gate.enter(context.client ?? 'unknown').release;
    const open = deps.database.connect();
    connection = open;
    // The deadline does not wait for the driver: a cut connection may never settle what was pending on it.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        cut = true;
        void open.abort();
        reject(new QueryTimeout('The query ran past its time limit; its connection to the database was closed.'));
      }, request.timeoutMs + settings.graceMs);
    });
    const work = answer(open, mode, query, (cutNow) => (cut ||= cutNow));
    work.catch(() => {});
    const result = await Promise.race([work, deadline]);
    entry.queryType = result.summary.queryType;
    entry.rows = result.summary.rows;
    entry.truncated = result.summary.truncated;
    entry.ms = result.summary.ms = now() - started;
    return result;
  } catch (caught) {
    const error =
      cut &&
      (!(caught instanceof AppError) || caught instanceof DatabaseUnavailable || caught instanceof Busy || caught instanceof QueryFailed)
        ? new QueryTimeout('The query ran past its time limit; its connection to the database was closed.')
        : caught;
    entry.outcome = outcomeOf(error);
    entry.reason = error instanceof AppError ? error.message : 'internal error';
    entry.ms = now() - started;
    throw error;
  } finally {
    clearTimeout(timer);
    deps.audit(entry);
    const done = release ?? (() => {});
    if (connection && cut) void releaseWhenGone(deps, connection, done);
    // The answer does not wait for the rollback; the place is given back once it is done.
    else if (connection) void connection.close().finally(done);
    else done();
  }
}
