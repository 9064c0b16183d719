// The benchmark suite: `npm run bench -- [load|paths|meetings|search|resolution|client|import-tool …] [--size 10k,100k,1M] [--clusters N]`.
// Per size it starts a throw-away Neo4j under .data/ (deleted after), loads the synthetic network
// through the seed writer, and measures what was asked; results are printed and written to
// bench/results/bench-<size>.json. Ratios are measured side by side in one run; nothing here asserts a time.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Driver } from 'neo4j-driver';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../neo4j/local.ts';
import { createApp } from '../server/app.ts';
import { appDeps } from '../server/deps.ts';
import { applySchema, createDriver } from '../graph/database.ts';
import { createReader } from '../graph/reader.ts';
import { BENCH_MEMORY, describeMemory } from './lib/memory.ts';
import { recordingReader } from './lib/recording-reader.ts';
import { loadAverage, round, table } from './lib/stats.ts';
import { boltFloor, httpFloor, profile, runVariant, warmUp, type Endpoint, type VariantResult } from './parts/latency.ts';
import { compareWriteModes } from './parts/write-modes.ts';
import { checkImportTool } from './parts/import-tool.ts';
import { bulkImport } from './parts/bulk-import.ts';
import { formClusters, timeCandidates } from './parts/clusters.ts';
import { baseRows, parseSize, personId, scaleOf } from './synthetic/generator.ts';
import { mulberry32 } from './synthetic/random.ts';
import { loadSynthetic } from './synthetic/load.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results');
const PARTS = ['load', 'paths', 'meetings', 'search', 'resolution', 'client', 'import-tool'] as const;
type Part = (typeof PARTS)[number];

const argsSchema = z.object({
  parts: z.array(z.enum(PARTS)).transform((p) => (p.length ? p : [...PARTS])),
  sizes: z
    .array(z.string())
    .min(1)
    .transform((list) => list.map(parseSize)),
  pairs: z.coerce.number().int().min(1).max(5000),
  perRecord: z.coerce.number().int().min(100).max(100_000),
  budgetS: z.coerce.number().positive(),
  seed: z.coerce.number().int(),
  met: z.enum(['rows', 'derive']),
  build: z.enum(['writer', 'import']),
  loadBudgetS: z.coerce.number().positive(),
  writers: z.coerce.number().int().min(1).max(8),
  /** After paths and meetings: judge this many random pairs the same, then measure them again. */
  clusters: z.coerce.number().int().min(0).max(100_000),
});

function parseArgs(argv: string[]) {
  const flags: Record<string, string> = {};
  const parts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      flags[arg.slice(2)] = value;
      i++;
    } else parts.push(arg);
  }
  const known = ['size', 'pairs', 'per-record', 'budget-s', 'seed', 'met', 'build', 'load-budget-s', 'writers', 'clusters'];
  const unknown = Object.keys(flags).filter((f) => !known.includes(f));
  if (unknown.length) throw new Error(`unknown option --${unknown[0]} (known: ${known.map((k) => `--${k}`).join(', ')})`);
  const parsed = argsSchema.safeParse({
    parts,
    sizes: (flags.size ?? '10k,100k,1M').split(',').filter(Boolean),
    pairs: flags.pairs ?? 200,
    perRecord: flags['per-record'] ?? 2000,
    budgetS: flags['budget-s'] ?? 150,
    seed: flags.seed ?? 42,
    met: flags.met ?? 'rows',
    build: flags.build ?? 'writer',
    loadBudgetS: flags['load-budget-s'] ?? 1e9,
    writers: flags.writers ?? 2,
    clusters: flags.clusters ?? 0,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'arguments'}: ${issue.message} (parts: ${PARTS.join('|')})`);
  }
  return parsed.data;
}

const log = (line: string) => console.log(line);
const sizeName = (mets: number) =>
  mets >= 1_000_000 && mets % 1_000_000 === 0 ? `${mets / 1_000_000}M` : mets % 1000 === 0 ? `${mets / 1000}k` : String(mets);

function duBytes(path: string): number | null {
  try {
    return Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
  } catch {
    return null;
  }
}

async function graphCounts(driver: Driver): Promise<Record<string, number>> {
  const rows = await createReader(driver).rows('graph-counts');
  return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.name}`, r.count as number]));
}

async function neo4jMemory(driver: Driver): Promise<Record<string, string>> {
  // Bench-only administration query (not app Cypher): the memory settings the database runs with.
  const { records } = await driver.executeQuery(
    "SHOW SETTINGS YIELD name, value WHERE name IN ['server.memory.pagecache.size', 'server.memory.heap.max_size', 'db.tx_log.rotation.size'] RETURN name, value",
  );
  return Object.fromEntries(records.map((r) => [r.get('name') as string, r.get('value') as string]));
}

/** Uniformly drawn distinct pairs of synthetic people (the same for every variant and size run). */
function randomPairs(persons: number, n: number, seed: number): [string, string][] {
  const rand = mulberry32(seed + 1);
  return Array.from({ length: n }, () => {
    const a = Math.floor(rand() * persons);
    let b = Math.floor(rand() * persons);
    while (b === a) b = Math.floor(rand() * persons);
    return [personId(a), personId(b)];
  });
}

const countPaths = (body: unknown) => (body as { paths: unknown[] }).paths.length;
const countMeetings = (body: unknown) => (body as { meetings: unknown[] }).meetings.length;
const countHits = (body: unknown) =>
  (body as { results?: unknown[]; hits?: unknown[] }).results?.length ??
  (body as { hits?: unknown[] }).hits?.length ??
  (Array.isArray(body) ? body.length : 0);

const summary = (v: VariantResult) => [
  v.name,
  v.api.n,
  v.found,
  v.api.p50,
  v.api.p95,
  v.api.p99,
  v.raw.p50,
  v.raw.p95,
  v.raw.p99,
  v.ratioP50,
  v.ratioP95,
  v.meanQueries,
  v.errors,
];
const HEAD = ['variant', 'n', 'found', 'api p50', 'p95', 'p99', 'raw p50', 'p95', 'p99', 'ratio p50', 'p95', 'queries', 'err'];

async function benchSize(mets: number, parts: readonly Part[], options: ReturnType<typeof parseArgs>) {
  const name = sizeName(mets);
  const scale = scaleOf({ mets, seed: options.seed });
  const out: Record<string, unknown> = { size: name, scale, startedAt: new Date().toISOString(), loadAverageAtStart: loadAverage() };
  const home = join(ROOT, '.data', `bench-${process.pid}-${name}`);
  let db: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  let server: ReturnType<ReturnType<typeof createApp>['listen']> | undefined;
  try {
    log(`\n=== ${name} MET relationships (${scale.persons} people, ${scale.countries} countries, seed ${scale.seed}) ===`);
    if (options.build === 'import') {
      // The graph under test comes from the offline bulk importer (see parts/bulk-import.ts); the
      // transactional writer is then measured on its own (`load` with --build writer).
      log(`  building with neo4j-admin database import full…`);
      const imported = await bulkImport(scale, home, graphCounts);
      out.bulkImport = imported;
      log(
        `  bulk import: CSV ${imported.csvRows} rows in ${imported.csvSeconds} s, import ${imported.importSeconds} s, start ${imported.startSeconds} s, schema+indexes ${imported.schemaSeconds} s: ${imported.totalSeconds} s in all (${imported.rowsPerSecond} rows/s), peak RSS ${imported.peakRssMiB} MiB`,
      );
      log(`  ${imported.importerSummary}`);
      db = await startLocalNeo4j({ home, port: await freePort(), ephemeral: true, log, memory: BENCH_MEMORY });
      driver = createDriver({ uri: db.uri, user: 'neo4j', password: '' });
      out.neo4j = { version: db.version, settings: await neo4jMemory(driver), memory: describeMemory(BENCH_MEMORY) };
      const counts = await graphCounts(driver);
      const relationships = Object.entries(counts)
        .filter(([k]) => k.startsWith('relationship:'))
        .reduce((s, [, v]) => s + v, 0);
      const store = {
        databaseBytes: duBytes(join(home, 'data', 'databases', 'neo4j')),
        transactionLogBytes: duBytes(join(home, 'data', 'transactions', 'neo4j')),
      };
      out.graph = {
        counts,
        relationships,
        store,
        storeBytesPerRelationship: store.databaseBytes ? round(store.databaseBytes / relationships, 1) : null,
      };
      log(
        `  graph: ${counts['relationship:MET']} MET, ${relationships} relationships; store ${round((store.databaseBytes ?? 0) / 2 ** 20)} MiB (${round((store.databaseBytes ?? 0) / relationships, 1)} B per relationship, all included)`,
      );
    } else {
      db = await startLocalNeo4j({ home, port: await freePort(), ephemeral: true, log, memory: BENCH_MEMORY });
      driver = createDriver({ uri: db.uri, user: 'neo4j', password: '' });
      await applySchema(driver);
      out.neo4j = { version: db.version, settings: await neo4jMemory(driver), memory: describeMemory(BENCH_MEMORY) };

      let lastLog = 0;
      const load = await loadSynthetic(driver, scale, {
        met: options.met,
        budgetSeconds: options.loadBudgetS,
        writers: options.writers,
        progress: (p) => {
          if (p.seconds - lastLog > 15) {
            lastLog = p.seconds;
            log(
              `  loading: ${p.mets}/${scale.mets} MET, ${p.events} events, ${round(p.seconds)} s (${Math.round(p.mets / p.seconds)} MET/s)`,
            );
          }
        },
      });
      const counts = await graphCounts(driver);
      const store = {
        databaseBytes: duBytes(join(home, 'data', 'databases', 'neo4j')),
        transactionLogBytes: duBytes(join(home, 'data', 'transactions', 'neo4j')),
      };
      const relationships = Object.entries(counts)
        .filter(([k]) => k.startsWith('relationship:'))
        .reduce((s, [, v]) => s + v, 0);
      out.load = {
        metWrittenBy: options.met === 'rows' ? 'upsert-met (rows in derive-met shape)' : 'derive-met',
        ...load,
        counts,
        relationships,
        store,
        storeBytesPerRelationship: store.databaseBytes ? round(store.databaseBytes / relationships, 1) : null,
        loadAverage: loadAverage(),
      };
      log(
        `  loaded ${load.mets} MET (${counts['relationship:MET']} counted) from ${load.rows} rows in ${load.seconds} s (base ${load.baseSeconds} s, events ${load.eventSeconds} s): ${load.rowsPerSecond} rows/s, ${load.metsPerSecond} MET/s, peak RSS ${load.peakRssMiB} MiB; ${load.writers} writers, ${load.attempts - load.chunks} retries over ${load.chunks} chunks`,
      );
      log(
        `  store: ${round((store.databaseBytes ?? 0) / 2 ** 20)} MiB database + ${round((store.transactionLogBytes ?? 0) / 2 ** 20)} MiB transaction logs, ${relationships} relationships (${(out.load as { storeBytesPerRelationship: number }).storeBytesPerRelationship} B each, all included)`,
      );
    }

    if (parts.includes('load') && options.build === 'writer') {
      const rows = Math.min(options.perRecord, Math.max(500, Math.round(mets / 2)));
      log(`  write modes: the same ${rows} event + participation rows, batched vs one transaction per record…`);
      const modes = await compareWriteModes(driver, scale, rows);
      out.writeModes = modes;
      log(
        `  batched ${modes.batched.rowsPerSecond} rows/s (${modes.batched.seconds} s) vs per record ${modes.perRecord.rowsPerSecond} rows/s (${modes.perRecord.seconds} s): ${modes.ratio}× (median of rounds ${modes.rounds.map((r) => `${r.ratio}×`).join(', ')})`,
      );
    }

    if (parts.some((p) => p === 'paths' || p === 'meetings' || p === 'search')) {
      const recording = recordingReader(createReader(driver));
      const app = createApp({
        ...appDeps({ driver, target: { uri: db!.uri, user: 'neo4j', password: '' } }, { audit: () => {} }),
        reader: recording.reader,
      });
      const listening = app.listen(0, '127.0.0.1');
      server = listening;
      await new Promise<void>((done) => listening.once('listening', () => done()));
      const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
      const endpoint: Endpoint = { base, driver, take: recording.take };
      const warmSeconds = await warmUp(driver);
      log(`  warmed the page cache and the JVM in ${warmSeconds} s`);
      const floors = { boltReturn1: await boltFloor(driver), httpNoDatabase: await httpFloor(base) };
      out.floors = floors;
      log(
        `  floors: Bolt RETURN 1 p50 ${floors.boltReturn1.p50} ms p95 ${floors.boltReturn1.p95}; HTTP (no database) p50 ${floors.httpNoDatabase.p50} ms p95 ${floors.httpNoDatabase.p95}`,
      );
      const budget = options.budgetS * 1000;

      if (parts.includes('paths')) {
        const pairs = randomPairs(scale.persons, options.pairs, options.seed);
        const warm = randomPairs(scale.persons, 100, options.seed + 100);
        for (const [a, b] of warm) await fetch(`${base}/api/paths?from=${a}&to=${b}&via=meetings`).then((r) => r.text());
        recording.take();
        const variants: (VariantResult & { samples: unknown[] })[] = [];
        for (const k of [1, 5]) {
          for (const window of [false, true]) {
            const urls = pairs.map(
              ([a, b]) => `/api/paths?from=${a}&to=${b}&via=meetings&limit=${k}${window ? '&start=2010&end=2015' : ''}`,
            );
            variants.push(await runVariant(endpoint, `paths k=${k}${window ? ' 2010–2015' : ''}`, urls, countPaths, budget, log));
          }
        }
        // The plans: PROFILE of each query one median request ran (k=1 and k=5, no window).
        const plans: Record<string, unknown> = {};
        for (const v of [variants[0]!, variants[2]!]) {
          const samples = v.samples as { apiMs: number; items: number }[];
          const withPath = samples
            .map((s, i) => ({ s, i }))
            .filter((x) => x.s.items > 0)
            .sort((x, y) => x.s.apiMs - y.s.apiMs);
          const median = withPath[Math.floor(withPath.length / 2)];
          if (!median) continue;
          const url = `/api/paths?from=${pairs[median.i]![0]}&to=${pairs[median.i]![1]}&via=meetings&limit=${v.name.startsWith('paths k=5') ? 5 : 1}`;
          recording.take();
          await fetch(base + url).then((r) => r.text());
          const seenNames = new Set<string>();
          const profiled = [];
          for (const q of recording.take()) {
            if (seenNames.has(q.name)) continue;
            seenNames.add(q.name);
            profiled.push(await profile(driver, q));
          }
          plans[v.name] = { url, profiles: profiled };
          for (const p of profiled)
            log(`  plan (${v.name}) ${p.query}: ${p.operators.map((o) => o.operator).join(' ← ')}; ${p.totalDbHits} db hits`);
        }
        out.paths = { pairs: pairs.length, variants: variants.map(({ samples: _samples, ...rest }) => rest), plans };
      }

      if (parts.includes('meetings')) {
        const rand = mulberry32(options.seed + 2);
        const people = Array.from({ length: options.pairs }, () => personId(Math.floor(rand() * scale.persons)));
        const v = await runVariant(
          endpoint,
          'meetings ?person=',
          people.map((p) => `/api/meetings?person=${p}`),
          countMeetings,
          budget,
          log,
        );
        const { samples: _s, ...rest } = v;
        out.meetings = rest;
      }

      if (parts.includes('search')) {
        const rand = mulberry32(options.seed + 3);
        const persons = baseRows(scale).persons;
        const words = Array.from({ length: options.pairs }, (_, i) => {
          const name = persons[Math.floor(rand() * persons.length)]!.name;
          // Alternate a surname, a full name and a four-letter prefix (what a user types while searching).
          return i % 3 === 0 ? name.split(' ')[1]! : i % 3 === 1 ? name : name.split(' ')[1]!.slice(0, 4);
        });
        const v = await runVariant(
          endpoint,
          'search ?q=',
          words.map((w) => `/api/search?q=${encodeURIComponent(w)}`),
          countHits,
          budget,
          log,
        );
        const { samples: _s, ...rest } = v;
        out.search = rest;
      }
      if (options.clusters > 0 && (parts.includes('paths') || parts.includes('meetings'))) {
        // The same requests again over a graph where pairs of officials are one cluster each; a
        // request names the cluster that stands for a merged official, as the explorer would.
        const formed = await formClusters(driver, scale.persons, options.clusters, options.seed);
        log(`  clusters: ${formed.clusters} pairs judged the same and merged in ${formed.seconds} s`);
        const to = (id: string) => formed.canonical.get(id) ?? id;
        const after: VariantResult[] = [];
        if (parts.includes('paths')) {
          const pairs = randomPairs(scale.persons, options.pairs, options.seed)
            .map(([a, b]) => [to(a), to(b)] as const)
            .filter(([a, b]) => a !== b);
          for (const k of [1, 5]) {
            const { samples: _s, ...rest } = await runVariant(
              endpoint,
              `paths k=${k} with clusters`,
              pairs.map(([a, b]) => `/api/paths?from=${a}&to=${b}&via=meetings&limit=${k}`),
              countPaths,
              budget,
              log,
            );
            after.push(rest as VariantResult);
          }
        }
        if (parts.includes('meetings')) {
          const rand = mulberry32(options.seed + 2);
          const people = Array.from({ length: options.pairs }, () => to(personId(Math.floor(rand() * scale.persons))));
          const { samples: _s, ...rest } = await runVariant(
            endpoint,
            'meetings ?person= with clusters',
            people.map((p) => `/api/meetings?person=${p}`),
            countMeetings,
            budget,
            log,
          );
          after.push(rest as VariantResult);
        }
        out.clusters = { formed: formed.clusters, seconds: formed.seconds, variants: after };
      }
      const variants = [
        ...((out.paths as { variants?: VariantResult[] } | undefined)?.variants ?? []),
        ...(out.meetings ? [out.meetings as VariantResult] : []),
        ...(out.search ? [out.search as VariantResult] : []),
        ...((out.clusters as { variants?: VariantResult[] } | undefined)?.variants ?? []),
      ];
      if (variants.length)
        log(
          `\n${name}: latency in ms (api = HTTP on loopback incl. JSON; raw = the same Cypher through the driver)\n${table([HEAD, ...variants.map(summary)])}`,
        );
    }
    if (parts.includes('resolution')) {
      const timing = await timeCandidates(driver);
      out.resolution = timing;
      log(
        `  resolution candidates: ${timing.people} people, ${timing.pairsCompared} pairs compared in ${timing.blocks} blocks (largest ${timing.largestBlock}), ${timing.candidates} candidates in ${timing.seconds} s (reading people ${timing.readMs} ms, blocking and scoring ${timing.scoringMs} ms, presence checks ${timing.contextMs} ms), peak RSS ${timing.peakRssMiB} MiB`,
      );
    }
    out.loadAverageAtEnd = loadAverage();
    out.finishedAt = new Date().toISOString();
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise((done) => server!.close(done));
    }
    await driver?.close().catch(() => {});
    await db?.stop();
    // Ephemeral already; also when a bulk import failed before the database under test started.
    rmSync(home, { recursive: true, force: true });
    rmSync(`${home}-csv`, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
    const file = join(
      RESULTS,
      `bench-${name}${options.build === 'import' ? '-import' : ''}${parts.length === 1 && parts[0] === 'load' ? '-load' : ''}.json`,
    );
    writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
    log(`  results: ${file}`);
  }
  return out;
}

function runClientBench(): void {
  log('\n=== client: layout + first paint; hubs and the time slider on the State Department data, in headless Chromium ===');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const run = spawnSync('npx', ['mocha', '--timeout', '3600000', 'bench/client-render.bench.ts', 'bench/client-hub.bench.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('client benchmark failed');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: loadAverage(),
  };
  log(
    `bench: parts ${options.parts.join(', ')}; sizes ${options.sizes.map(sizeName).join(', ')}; machine ${machine.cpus} cores, ${machine.memoryGiB} GiB, load ${machine.loadAverage.join(' ')}`,
  );
  writeFileSync(join(RESULTS, 'machine.json'), JSON.stringify({ ...machine, at: new Date().toISOString() }, null, 2) + '\n');
  if (options.parts.includes('import-tool')) {
    const check = checkImportTool(ROOT);
    writeFileSync(join(RESULTS, 'import-tool.json'), JSON.stringify(check, null, 2) + '\n');
    log(`\n=== bulk import tool ===\n  ${check.verdict}`);
  }
  const graphParts = options.parts.filter((p) => p !== 'client' && p !== 'import-tool');
  if (graphParts.length) for (const mets of options.sizes) await benchSize(mets, graphParts, options);
  if (options.parts.includes('client')) runClientBench();
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
