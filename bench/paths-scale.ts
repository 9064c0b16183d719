// Bench: the meeting-path query (GET /api/paths?via=meetings) on a synthetic graph of ~50,000 people and
// (default) 1,000,000 MET relationships with a heavy-tailed (Zipf) degree distribution.
//   node --import tsx bench/paths-scale.ts [--mets 1000000] [--persons 50000] [--pairs 200] [--zipf 0.9] [--seed 42]
// Starts a throw-away local Neo4j under .data/bench-paths-<pid> (deleted at the end), loads the graph,
// times findPaths (the service) and the raw paths-meetings query, PROFILEs one typical pair, and writes
// everything to bench/results/paths-scale-<mets>.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../neo4j/local.ts';
import { applySchema, createDriver } from '../server/repository/database.ts';
import { cypher } from '../server/repository/cypher.ts';
import { createReader, cypherParams, fillSlots } from '../server/repository/reader.ts';
import { periodBound } from '../server/repository/values.ts';
import { pathsQuery } from '../server/http/schemas.ts';
import { findPaths, pathQueryFor } from '../server/services/paths.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------- options ----------
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}
const METS = option('mets', 1_000_000);
const PERSONS = option('persons', 50_000);
const PAIRS = option('pairs', 200);
const WARMUP = option('warmup', 20);
const ZIPF = option('zipf', 0.9);
const SEED = option('seed', 42);
const BATCH = option('batch', 10_000);
/** Wall-clock budget per timed variant; a variant that exceeds it stops early (reported). */
const VARIANT_BUDGET_MS = option('budget-s', 150) * 1000;
const WARMUP_BUDGET_MS = option('warmup-budget-s', 60) * 1000;
/** --profile-pairs 47772:41111,3682:39399 — extra PROFILE runs (person numbers) with a longer timeout. */
const PROFILE_PAIRS: [string, string][] = (() => {
  const i = process.argv.indexOf('--profile-pairs');
  if (i < 0) return [];
  return (process.argv[i + 1] ?? '').split(',').filter(Boolean).map((pair) => {
    const [x, y] = pair.split(':').map(Number);
    if (!Number.isInteger(x) || !Number.isInteger(y)) throw new Error('--profile-pairs needs a:b,c:d (person numbers)');
    return [`person:synthetic-${x}`, `person:synthetic-${y}`];
  });
})();
const PROFILE_TIMEOUT_MS = option('profile-timeout-s', 120) * 1000;
const TIMEOUT_MS = 15_000; // the reader's default transaction timeout; the raw runs use the same

// ---------- bench-only write queries ----------
const CREATE_PERSONS = `
UNWIND $rows AS row
CREATE (p:Person:Entity {id: row.id, name: row.name})`;

const CREATE_METS = `
UNWIND $rows AS row
MATCH (a:Person {id: row.a})
MATCH (b:Person {id: row.b})
CREATE (a)-[:MET {event: row.event, date: date(row.date), end: date(row.date), datePrecision: 'day',
                  inferred: false, sources: [], evidence: []}]->(b)`;

const COUNTS = `
MATCH (p:Person) WITH count(p) AS persons
MATCH ()-[m:MET]->() RETURN persons, count(m) AS mets`;

// ---------- deterministic PRNG ----------
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const personId = (n: number) => `person:synthetic-${n}`;

/** Zipf weights over ranks, assigned to person numbers by a seeded shuffle (ids do not reveal degree). */
function zipfSampler(rand: () => number): () => number {
  const cumulative = new Float64Array(PERSONS);
  let sum = 0;
  for (let r = 0; r < PERSONS; r++) {
    sum += 1 / Math.pow(r + 1, ZIPF);
    cumulative[r] = sum;
  }
  const personOfRank = Int32Array.from({ length: PERSONS }, (_, i) => i);
  for (let i = PERSONS - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [personOfRank[i], personOfRank[j]] = [personOfRank[j]!, personOfRank[i]!];
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = PERSONS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return personOfRank[lo]!;
  };
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY_MS;

// ---------- helpers ----------
const log = (line: string) => console.log(line);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[i]!);
}

async function writeBatches(driver: Driver, query: string, total: number, makeRow: (i: number) => Record<string, unknown>, label: string) {
  const started = performance.now();
  let lastReport = started;
  for (let offset = 0; offset < total; offset += BATCH) {
    const rows: Record<string, unknown>[] = [];
    for (let i = offset; i < Math.min(total, offset + BATCH); i++) rows.push(makeRow(i));
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(query, { rows }));
    } finally {
      await session.close();
    }
    const now = performance.now();
    if (now - lastReport > 15_000) {
      const done = Math.min(total, offset + BATCH);
      log(`  ${label}: ${done}/${total} (${Math.round(done / ((now - started) / 1000))} rows/s)`);
      lastReport = now;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: total, seconds: round(seconds, 2), rowsPerSecond: Math.round(total / seconds) };
}

interface Timing {
  ms: number;
  found: boolean;
  paths: number;
  length: number | null;
  error?: string;
}

interface VariantResult {
  name: string;
  kind: 'api' | 'raw';
  limit: number;
  window: boolean;
  measured: number;
  errors: number;
  timeouts: number;
  stoppedEarly: boolean;
  found: number;
  meanPaths: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
  errorSamples: string[];
}

// ---------- main ----------
async function main() {
  const results: Record<string, unknown> = {
    params: { mets: METS, persons: PERSONS, pairs: PAIRS, warmup: WARMUP, zipf: ZIPF, seed: SEED, batch: BATCH, timeoutMs: TIMEOUT_MS },
    startedAt: new Date().toISOString(),
  };
  const home = join(ROOT, '.data', `bench-paths-${process.pid}`);
  let db: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  const onSignal = () => {
    void (async () => {
      await driver?.close().catch(() => {});
      await db?.stop().catch(() => {});
      process.exit(130);
    })();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const t0 = performance.now();
    db = await startLocalNeo4j({ home, port: await freePort(), ephemeral: true, log });
    log(`Neo4j ${db.version} (pid ${db.pid}) at ${db.uri}, home ${home}, started in ${round((performance.now() - t0) / 1000, 1)} s`);
    results.neo4j = { version: db.version, pid: db.pid };
    driver = createDriver({ uri: db.uri, user: 'neo4j', password: '' });
    await applySchema(driver);

    // ----- generate + load -----
    const rand = mulberry32(SEED);
    const pick = zipfSampler(rand);
    const degree = new Int32Array(PERSONS);
    log(`Loading ${PERSONS} persons…`);
    const persons = await writeBatches(driver, CREATE_PERSONS, PERSONS, (i) => ({ id: personId(i), name: `Synthetic Official ${i}` }), 'persons');
    log(`  persons: ${persons.rows} in ${persons.seconds} s = ${persons.rowsPerSecond} rows/s`);
    log(`Loading ${METS} MET relationships (Zipf s=${ZIPF}, batches of ${BATCH})…`);
    const mets = await writeBatches(driver, CREATE_METS, METS, (i) => {
      const a = pick();
      let b = pick();
      while (b === a) b = pick();
      degree[a]!++;
      degree[b]!++;
      const day = FIRST_DAY + Math.floor(rand() * (LAST_DAY - FIRST_DAY + 1));
      const [from, to] = personId(a) < personId(b) ? [a, b] : [b, a];
      return { a: personId(from), b: personId(to), event: `event:synthetic-${i}`, date: new Date(day * DAY_MS).toISOString().slice(0, 10) };
    }, 'mets');
    log(`  METs: ${mets.rows} in ${mets.seconds} s = ${mets.rowsPerSecond} rows/s`);
    const [countRow] = (await driver.executeQuery(COUNTS)).records;
    const counted = { persons: Number(countRow!.get('persons')), mets: Number(countRow!.get('mets')) };
    const sortedDegrees = Array.from(degree).sort((x, y) => x - y);
    const degreeStats = {
      max: sortedDegrees.at(-1),
      p99: percentile(sortedDegrees, 99),
      p90: percentile(sortedDegrees, 90),
      p50: percentile(sortedDegrees, 50),
      min: sortedDegrees[0],
      isolated: sortedDegrees.filter((d) => d === 0).length,
      over1000: sortedDegrees.filter((d) => d > 1000).length,
      top5: sortedDegrees.slice(-5).reverse(),
    };
    let storeBytes: number | null = null;
    try {
      storeBytes = Number(execFileSync('du', ['-sb', home], { encoding: 'utf8' }).split('\t')[0]);
    } catch { /* informative only */ }
    log(`  counted in Neo4j: ${counted.persons} persons, ${counted.mets} METs; store on disk ${storeBytes === null ? '?' : round(storeBytes / 2 ** 20, 0)} MiB`);
    log(`  degree: max ${degreeStats.max}, p99 ${degreeStats.p99}, p90 ${degreeStats.p90}, median ${degreeStats.p50}, min ${degreeStats.min}, isolated ${degreeStats.isolated}, >1000: ${degreeStats.over1000}, top5 ${degreeStats.top5.join(',')}`);
    results.load = { persons, mets, counted, degree: degreeStats, storeBytes, totalSeconds: round(persons.seconds + mets.seconds, 2) };

    // ----- queries -----
    const reader = createReader(driver);
    // The same query the service picks for a request (shortestPath for k=1, SHORTEST k otherwise).
    const rawText = (limit: number) => {
      const { name, slots } = pathQueryFor('meetings', limit, 6);
      return fillSlots(cypher(name), slots);
    };
    const qrand = mulberry32(SEED + 1);
    const randomPair = (): [string, string] => {
      const a = Math.floor(qrand() * PERSONS);
      let b = Math.floor(qrand() * PERSONS);
      while (b === a) b = Math.floor(qrand() * PERSONS);
      return [personId(a), personId(b)];
    };
    const warmPairs = Array.from({ length: WARMUP }, randomPair);
    const pairs = Array.from({ length: PAIRS }, randomPair);

    const variants = [1, 5].flatMap((limit) => [false, true].map((window) => ({ limit, window })));
    const isTimeout = (error: unknown) => /timeout|terminated|TransactionTimedOut/i.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);

    const runApi = async (pair: [string, string], limit: number, window: boolean): Promise<Timing> => {
      const query = pathsQuery.parse({ from: pair[0], to: pair[1], via: 'meetings', limit: String(limit), ...(window ? { start: '2010', end: '2015' } : {}) });
      const t = performance.now();
      const answer = await findPaths(reader, query);
      const ms = performance.now() - t;
      return { ms, found: answer.paths.length > 0, paths: answer.paths.length, length: answer.paths[0]?.length ?? null };
    };
    const rawParams = (pair: [string, string], limit: number, window: boolean) =>
      cypherParams({
        from: pair[0], to: pair[1],
        start: window ? periodBound('2010', 'start') : null,
        end: window ? periodBound('2015', 'end') : null,
        excludeIds: [], excludeLabels: [], k: limit,
      }) as Record<string, unknown>;
    const runRaw = async (pair: [string, string], limit: number, window: boolean): Promise<Timing> => {
      const text = rawText(limit);
      const t = performance.now();
      const { records } = await driver!.executeQuery(text, rawParams(pair, limit, window), {
        routing: neo4j.routing.READ,
        transactionConfig: { timeout: TIMEOUT_MS },
      });
      const ms = performance.now() - t;
      return { ms, found: records.length > 0, paths: records.length, length: records[0] ? Number(records[0].get('length')) : null };
    };

    log(`Warm-up: ${WARMUP} pairs × ${variants.length} variants × (api, raw), budget ${WARMUP_BUDGET_MS / 1000} s…`);
    const tw = performance.now();
    let warmRuns = 0;
    if (pairs.length === 0) warmPairs.length = 0;
    warm: for (const pair of warmPairs) {
      for (const v of variants) {
        for (const run of [runApi, runRaw]) {
          if (performance.now() - tw > WARMUP_BUDGET_MS) break warm;
          await run(pair, v.limit, v.window).catch(() => null);
          warmRuns++;
        }
      }
    }
    log(`  warm-up: ${warmRuns} queries in ${round((performance.now() - tw) / 1000, 1)} s`);
    results.warmup = { queries: warmRuns, seconds: round((performance.now() - tw) / 1000, 1) };

    // Per variant, each pair runs through the service and the raw query back to back (alternating
    // which goes first), so both kinds cover the same pairs even when the budget cuts a variant short.
    const variantResults: VariantResult[] = [];
    const perPair: Record<string, Timing[]> = {};
    const timed = async (run: typeof runApi, pair: [string, string], limit: number, window: boolean): Promise<Timing> => {
      const t = performance.now();
      try {
        return await run(pair, limit, window);
      } catch (error) {
        return { ms: performance.now() - t, found: false, paths: 0, length: null, error: `${isTimeout(error) ? 'TIMEOUT ' : ''}${(error as Error).message.slice(0, 200)}` };
      }
    };
    const summarize = (name: string, kind: 'api' | 'raw', v: { limit: number; window: boolean }, timings: Timing[], stoppedEarly: boolean): VariantResult => {
      const ok = timings.filter((x) => !x.error);
      const sorted = ok.map((x) => x.ms).sort((a, b) => a - b);
      return {
        name, kind, limit: v.limit, window: v.window,
        measured: ok.length,
        errors: timings.length - ok.length,
        timeouts: timings.filter((x) => x.error?.startsWith('TIMEOUT')).length,
        stoppedEarly,
        found: ok.filter((x) => x.found).length,
        meanPaths: round(ok.reduce((s, x) => s + x.paths, 0) / Math.max(1, ok.length), 2),
        p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
        max: sorted.length ? round(sorted.at(-1)!) : null,
        mean: sorted.length ? round(sorted.reduce((s, x) => s + x, 0) / sorted.length) : null,
        errorSamples: [...new Set(timings.filter((x) => x.error).map((x) => x.error!))].slice(0, 3),
      };
    };
    for (const v of variants) {
      const suffix = `limit=${v.limit}${v.window ? ' window=2010..2015' : ''}`;
      const api: Timing[] = [];
      const raw: Timing[] = [];
      const started = performance.now();
      let stoppedEarly = false;
      for (const [i, pair] of pairs.entries()) {
        if (performance.now() - started > VARIANT_BUDGET_MS) {
          stoppedEarly = true;
          break;
        }
        if (i % 2 === 0) {
          api.push(await timed(runApi, pair, v.limit, v.window));
          raw.push(await timed(runRaw, pair, v.limit, v.window));
        } else {
          raw.push(await timed(runRaw, pair, v.limit, v.window));
          api.push(await timed(runApi, pair, v.limit, v.window));
        }
      }
      for (const [kind, timings] of [['api', api], ['raw', raw]] as const) {
        const result = summarize(`${kind} ${suffix}`, kind, v, timings, stoppedEarly);
        perPair[result.name] = timings;
        variantResults.push(result);
        log(`  ${result.name.padEnd(34)} n=${result.measured} err=${result.errors} timeouts=${result.timeouts} found=${result.found} meanPaths=${result.meanPaths} ` +
          `p50=${result.p50} p95=${result.p95} p99=${result.p99} max=${result.max} ms${stoppedEarly ? ` (budget: stopped after ${timings.length} pairs)` : ''}`);
      }
      log(`    variant took ${round((performance.now() - started) / 1000, 1)} s`);
    }

    log(`\nLatency (ms), ${PAIRS} random pairs, maxHops 6, transaction timeout ${TIMEOUT_MS} ms (percentiles over completed queries):`);
    log(`${'variant'.padEnd(34)} ${'n'.padStart(4)} ${'found'.padStart(5)} ${'paths'.padStart(5)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ${'mean'.padStart(8)} err/timeouts`);
    for (const r of variantResults) {
      log(`${r.name.padEnd(34)} ${String(r.measured).padStart(4)} ${String(r.found).padStart(5)} ${String(r.meanPaths).padStart(5)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.max).padStart(8)} ${String(r.mean).padStart(8)} ${r.errors}/${r.timeouts}`);
    }
    const lengths: Record<string, number> = {};
    for (const t of perPair['raw limit=1'] ?? []) lengths[String(t.length)] = (lengths[String(t.length)] ?? 0) + 1;
    log(`Shortest path length histogram (raw limit=1, no window): ${JSON.stringify(lengths)}`);
    results.queries = {
      variants: variantResults,
      shortestLengthHistogram: lengths,
      pairs: pairs.map((pair, i) => ({ from: pair[0], to: pair[1], degrees: [degree[Number(pair[0].split('-').at(-1))], degree[Number(pair[1].split('-').at(-1))]], ...Object.fromEntries(Object.entries(perPair).map(([name, t]) => [name, t[i] ? { ms: round(t[i]!.ms), paths: t[i]!.paths, length: t[i]!.length, error: t[i]!.error } : null])) })),
    };

    // ----- PROFILE one typical pair (and any --profile-pairs) -----
    const profileOnce = async (pair: [string, string], window: boolean, timeoutMs: number) => {
      const text = 'PROFILE ' + rawText(1);
      const t = performance.now();
      const label = window ? 'window 2010..2015' : 'no window';
      let answer;
      try {
        answer = await driver!.executeQuery(text, rawParams(pair, 1, window), {
          routing: neo4j.routing.READ,
          transactionConfig: { timeout: timeoutMs },
        });
      } catch (error) {
        const ms = performance.now() - t;
        log(`--- ${pair.join(' → ')} ${label}: FAILED after ${round(ms)} ms: ${(error as Error).message.slice(0, 200)}`);
        return { pair, window, wallMs: round(ms), error: (error as Error).message.slice(0, 300) };
      }
      const { summary, records } = answer;
      const ms = performance.now() - t;
      const tree: string[] = [];
      const ops: { depth: number; operator: string; details: string; dbHits: number; rows: number }[] = [];
      let totalDbHits = 0;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const walk = (p: any, depth: number) => {
        const details = String(p.arguments?.Details ?? '');
        const dbHits = Number(p.dbHits ?? 0);
        const rows = Number(p.rows ?? 0);
        totalDbHits += dbHits;
        ops.push({ depth, operator: p.operatorType, details, dbHits, rows });
        tree.push(`${'  '.repeat(depth)}${p.operatorType}  rows=${rows} dbHits=${dbHits}${details ? `\n${'  '.repeat(depth)}    ${details.replace(/\s+/g, ' ')}` : ''}`);
        for (const child of p.children ?? []) walk(child, depth + 1);
      };
      walk(summary.profile, 0);
      const ssp = ops.filter((o) => o.operator.startsWith('StatefulShortestPath'));
      const sspDetails = ssp.map((o) => o.details).join(' ');
      const filters = ops.filter((o) => o.operator.startsWith('Filter'));
      const inlined = {
        statefulShortestPathOperators: ssp.map((o) => o.operator),
        datePredicateInSSP: /m\.date/.test(sspDetails) && /\$start/.test(sspDetails),
        endPredicateInSSP: /m\.end/.test(sspDetails) && /\$end/.test(sspDetails),
        exclusionPredicateInSSP: /\$excludeIds/.test(sspDetails) && /\$excludeLabels/.test(sspDetails),
        datePredicateInSeparateFilter: filters.some((o) => /\.date/.test(o.details)),
        // The planner also checks the end node b against the exclusions in a Filter under the SSP (before the search).
        exclusionPredicateInSeparateFilter: filters.some((o) => /excludeIds|excludeLabels/.test(o.details)),
        exclusionSeparateFilterOnlyOnEndNodeB: filters.filter((o) => /excludeIds|excludeLabels/.test(o.details)).every((o) => /labels\(b\)/.test(o.details) && !/labels\(x\)/.test(o.details)),
        separateFilters: filters.map((o) => o.details),
      };
      log(`--- ${pair.join(' → ')} ${label}: ${records.length} row(s), ${round(ms)} ms wall (PROFILE adds overhead), total db hits ${totalDbHits}`);
      log(tree.join('\n'));
      log(`inlined: ${JSON.stringify(inlined)}`);
      return { pair, window, rows: records.length, lengths: records.map((r) => Number(r.get('length'))), wallMs: round(ms), totalDbHits, operators: ops, inlined };
    };
    if (pairs.length > 0) {
      const rawK1 = perPair['raw limit=1'] ?? [];
      const candidates = pairs.map((pair, i) => ({ pair, t: rawK1[i] })).filter((x) => x.t && !x.t.error && x.t.found);
      candidates.sort((a, b) => a.t!.ms - b.t!.ms);
      const typical = candidates[Math.floor(candidates.length / 2)] ?? { pair: pairs[0]!, t: rawK1[0] };
      log(`\nPROFILE ${pathQueryFor('meetings', 1, 6).name} (k=1, maxHops 6) for the median-latency pair ${typical.pair.join(' → ')} (timed ${round(typical.t?.ms ?? NaN)} ms):`);
      const profiles: Record<string, unknown> = {};
      for (const window of [false, true]) profiles[window ? 'window 2010..2015' : 'no window'] = await profileOnce(typical.pair, window, 60_000);
      results.profile = profiles;
    }
    if (PROFILE_PAIRS.length > 0) {
      log(`\nPROFILE ${pathQueryFor('meetings', 1, 6).name} (k=1, maxHops 6, no window, timeout ${PROFILE_TIMEOUT_MS} ms) for --profile-pairs:`);
      const extra = [];
      for (const pair of PROFILE_PAIRS) extra.push(await profileOnce(pair, false, PROFILE_TIMEOUT_MS));
      results.extraProfiles = extra;
    }
    results.finishedAt = new Date().toISOString();
  } finally {
    await driver?.close().catch(() => {});
    if (db) {
      const t = performance.now();
      await db.stop();
      log(`Neo4j stopped (${round((performance.now() - t) / 1000, 1)} s) and ${home} removed.`);
    }
    const out = join(ROOT, 'bench', 'results', `paths-scale-${METS}${PAIRS === 0 ? '-profiles' : ''}.json`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    log(`Results written to ${out}`);
  }
}

await main();
