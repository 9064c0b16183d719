// API latency against the real Express app on loopback, side by side with the raw driver: for each
// request the Cypher the services ran is recorded (name, parameters, slots) and replayed through the
// driver alone, alternating which goes first, after one untimed call that warms both.
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../../graph/cypher.ts';
import { cypherParams, fillSlots } from '../../graph/reader.ts';
import { latency, ratio, round, type Latency } from '../lib/stats.ts';
import type { RecordedQuery } from '../lib/recording-reader.ts';

export interface Endpoint {
  base: string;
  driver: Driver;
  /** The queries the app ran since the last call. */
  take(): RecordedQuery[];
}

export interface Sample {
  apiMs: number;
  rawMs: number;
  /** Raw time per query name (a request may run several). */
  rawByQuery: Record<string, number>;
  queries: number;
  status: number;
  items: number;
  error?: string;
}

export interface VariantResult {
  name: string;
  url: string;
  api: Latency;
  raw: Latency;
  /** api p50 ÷ raw p50 (and p95). */
  ratioP50: number | null;
  ratioP95: number | null;
  rawByQuery: Record<string, Latency>;
  meanQueries: number;
  found: number;
  errors: number;
  errorSamples: string[];
  stoppedEarly: boolean;
  seconds: number;
}

const TIMEOUT_MS = 15_000;

export async function replay(driver: Driver, queries: readonly RecordedQuery[]): Promise<{ ms: number; byQuery: Record<string, number> }> {
  const byQuery: Record<string, number> = {};
  const t0 = performance.now();
  for (const q of queries) {
    const t = performance.now();
    await driver.executeQuery(fillSlots(cypher(q.name), q.slots), cypherParams(q.params) as Record<string, unknown>, {
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: TIMEOUT_MS },
    });
    byQuery[q.name] = (byQuery[q.name] ?? 0) + performance.now() - t;
  }
  return { ms: performance.now() - t0, byQuery };
}

async function callApi(
  base: string,
  path: string,
  count: (body: unknown) => number,
): Promise<{ ms: number; status: number; items: number }> {
  const t = performance.now();
  const res = await fetch(base + path);
  const body: unknown = await res.json();
  const ms = performance.now() - t;
  return { ms, status: res.status, items: res.ok ? count(body) : 0 };
}

/** One request measured both ways. */
export async function measure(endpoint: Endpoint, path: string, count: (body: unknown) => number, apiFirst: boolean): Promise<Sample> {
  endpoint.take();
  const warm = await callApi(endpoint.base, path, count);
  const queries = endpoint.take();
  if (warm.status !== 200)
    return {
      apiMs: warm.ms,
      rawMs: 0,
      rawByQuery: {},
      queries: queries.length,
      status: warm.status,
      items: 0,
      error: `HTTP ${warm.status}`,
    };
  let api: Awaited<ReturnType<typeof callApi>>;
  let raw: Awaited<ReturnType<typeof replay>>;
  if (apiFirst) {
    api = await callApi(endpoint.base, path, count);
    raw = await replay(endpoint.driver, queries);
  } else {
    raw = await replay(endpoint.driver, queries);
    api = await callApi(endpoint.base, path, count);
  }
  endpoint.take();
  return { apiMs: api.ms, rawMs: raw.ms, rawByQuery: raw.byQuery, queries: queries.length, status: api.status, items: api.items };
}

export async function runVariant(
  endpoint: Endpoint,
  name: string,
  paths: readonly string[],
  count: (body: unknown) => number,
  budgetMs: number,
  log: (line: string) => void,
): Promise<VariantResult & { samples: Sample[] }> {
  const started = performance.now();
  const samples: Sample[] = [];
  let stoppedEarly = false;
  for (const [i, path] of paths.entries()) {
    if (performance.now() - started > budgetMs) {
      stoppedEarly = true;
      break;
    }
    try {
      samples.push(await measure(endpoint, path, count, i % 2 === 0));
    } catch (error) {
      samples.push({ apiMs: 0, rawMs: 0, rawByQuery: {}, queries: 0, status: 0, items: 0, error: (error as Error).message.slice(0, 200) });
    }
  }
  const ok = samples.filter((s) => !s.error);
  const api = latency(ok.map((s) => s.apiMs));
  const raw = latency(ok.map((s) => s.rawMs));
  const names = [...new Set(ok.flatMap((s) => Object.keys(s.rawByQuery)))];
  const result = {
    name,
    url: paths[0] ?? '',
    api,
    raw,
    ratioP50: ratio(api.p50, raw.p50),
    ratioP95: ratio(api.p95, raw.p95),
    rawByQuery: Object.fromEntries(names.map((n) => [n, latency(ok.filter((s) => n in s.rawByQuery).map((s) => s.rawByQuery[n]!))])),
    meanQueries: round(ok.reduce((s, x) => s + x.queries, 0) / Math.max(1, ok.length), 2),
    found: ok.filter((s) => s.items > 0).length,
    errors: samples.length - ok.length,
    errorSamples: [...new Set(samples.filter((s) => s.error).map((s) => s.error!))].slice(0, 3),
    stoppedEarly,
    seconds: round((performance.now() - started) / 1000, 1),
    samples,
  };
  log(
    `  ${name.padEnd(30)} n=${api.n} found=${result.found} err=${result.errors} api p50/p95/p99 ${api.p50}/${api.p95}/${api.p99} ms, raw ${raw.p50}/${raw.p95}/${raw.p99} ms, ratio p50 ${result.ratioP50} p95 ${result.ratioP95}, queries/request ${result.meanQueries}${stoppedEarly ? ' (budget reached)' : ''}`,
  );
  return result;
}

/**
 * Before anything is timed: the store read once into the page cache (the benchmark measures Neo4j on a
 * warm cache) and the JVM's query paths compiled. Bench-only administration queries, not app Cypher.
 */
export async function warmUp(driver: Driver): Promise<number> {
  const t = performance.now();
  await driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH '' RETURN count(n.name)"); // the id index and nodes
  await driver.executeQuery('MATCH ()-[m:MET]->() RETURN count(m.date), count(m.end)');
  await driver.executeQuery('MATCH ()-[r]->() RETURN count(r)');
  await driver.executeQuery('MATCH (s:Source) RETURN sum(size(s.text))');
  for (let i = 0; i < 1000; i++) await driver.executeQuery('RETURN 1 AS one', {}, { routing: neo4j.routing.READ });
  return round((performance.now() - t) / 1000, 1);
}

/** The physical floor: one Bolt round trip (RETURN 1) through the same driver. */
export async function boltFloor(driver: Driver, n = 200): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < n + 20; i++) {
    const t = performance.now();
    await driver.executeQuery('RETURN 1 AS one', {}, { routing: neo4j.routing.READ });
    if (i >= 20) times.push(performance.now() - t);
  }
  return latency(times);
}

/** The HTTP floor: an endpoint that touches no database (the OpenAPI document is built once). */
export async function httpFloor(base: string, n = 200): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < n + 20; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/nowhere`);
    await res.text();
    if (i >= 20) times.push(performance.now() - t);
  }
  return latency(times);
}

export interface PlanSummary {
  query: string;
  operators: { operator: string; rows: number; dbHits: number; details: string }[];
  totalDbHits: number;
  ms: number;
}

/** PROFILE of one recorded query: the operators in plan order with their rows and db hits. */
export async function profile(driver: Driver, q: RecordedQuery): Promise<PlanSummary> {
  const t = performance.now();
  const { summary } = await driver.executeQuery(
    `PROFILE ${fillSlots(cypher(q.name), q.slots)}`,
    cypherParams(q.params) as Record<string, unknown>,
    {
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: 60_000 },
    },
  );
  const operators: PlanSummary['operators'] = [];
  type Node = { operatorType: string; rows?: number; dbHits?: number; arguments?: Record<string, unknown>; children?: Node[] };
  const walk = (p: Node) => {
    operators.push({
      operator: p.operatorType,
      rows: Number(p.rows ?? 0),
      dbHits: Number(p.dbHits ?? 0),
      details: String(p.arguments?.Details ?? '')
        .replace(/\s+/g, ' ')
        .slice(0, 160),
    });
    for (const child of p.children ?? []) walk(child);
  };
  walk(summary.profile as unknown as Node);
  return { query: q.name, operators, totalDbHits: operators.reduce((s, o) => s + o.dbHits, 0), ms: round(performance.now() - t) };
}
