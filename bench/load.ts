// Load test: mixed search / meetings / paths / entity traffic against the real server process on
// loopback, at increasing concurrency, with throughput, latency percentiles, errors and the server's RSS
// before and after each stage.
//   node --import tsx bench/load.ts --size 100k [--stages 1,8,32,64] [--seconds 15]
//   node --import tsx bench/load.ts --uri bolt://127.0.0.1:7687 --label mygraph
// --size builds the synthetic network of the benchmark suite (bench/synthetic, through the bulk importer)
// in a throw-away Neo4j; --uri uses a loaded graph as it is. The server is started with
// SEED_ON_START=false and stopped at the end.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { createDriver } from '../graph/database.ts';
import { spawnTs } from './lib/spawn.ts';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../neo4j/local.ts';
import { BENCH_MEMORY } from './lib/memory.ts';
import { bulkImport } from './parts/bulk-import.ts';
import { parseSize, scaleOf } from './synthetic/generator.ts';

const { values } = parseArgs({
  options: {
    uri: { type: 'string' },
    size: { type: 'string' },
    seed: { type: 'string', default: '42' },
    label: { type: 'string' },
    stages: { type: 'string', default: '1,8,32,64' },
    seconds: { type: 'string', default: '15' },
    targets: { type: 'string', default: '500' },
  },
});
if (!values.uri === !values.size) throw new Error('give either --size 100k (a synthetic graph) or --uri bolt://… (a loaded graph)');
const LABEL = values.label ?? values.size ?? 'graph';
const STAGES = values.stages.split(',').map(Number);
const SECONDS = Number(values.seconds);
const ROOT = new URL('..', import.meta.url).pathname;

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

async function sampleTargets(uri: string, count: number) {
  const driver = createDriver({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
  try {
    const { records } = await driver.executeQuery(
      'MATCH (p:Person) WITH p, rand() AS r ORDER BY r LIMIT $n RETURN p.id AS id, p.name AS name',
      { n: neo4j.int(count) },
    );
    const people = records.map((r) => ({ id: r.get('id') as string, name: r.get('name') as string }));
    const counts = await driver.executeQuery(
      'MATCH (p:Person) WITH count(p) AS people MATCH ()-[m:MET]->() RETURN people, count(m) AS mets',
    );
    return {
      people,
      graph: { people: counts.records[0]!.get('people').toNumber() as number, mets: counts.records[0]!.get('mets').toNumber() as number },
    };
  } finally {
    await driver.close();
  }
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

function mixedPath(people: { id: string; name: string }[]): string {
  const roll = Math.random();
  const person = pick(people);
  if (roll < 0.3) return `/api/search?q=${encodeURIComponent(person.name.split(' ').slice(-1)[0]!)}`;
  if (roll < 0.55) return `/api/meetings?person=${encodeURIComponent(person.id)}&limit=50`;
  if (roll < 0.8) return `/api/entities/${encodeURIComponent(person.id)}`;
  let other = pick(people);
  while (other.id === person.id) other = pick(people); // the same person at both ends is a 400, not load
  return `/api/paths?from=${encodeURIComponent(person.id)}&to=${encodeURIComponent(other.id)}&via=meetings`;
}

mkdirSync(join(ROOT, '.data'), { recursive: true });
const dataDir = mkdtempSync(join(ROOT, '.data', 'bench-load-'));
let neo4jLocal: LocalNeo4j | undefined;
let child: ChildProcess | undefined;
try {
  if (values.size) {
    const home = join(dataDir, 'neo4j');
    const built = await bulkImport(scaleOf({ mets: parseSize(values.size), seed: Number(values.seed) }), home, async () => ({}));
    console.log(`built the ${values.size} synthetic graph in ${built.totalSeconds} s (bulk import)`);
    neo4jLocal = await startLocalNeo4j({ home, port: await freePort(), memory: BENCH_MEMORY });
  }
  const uri = values.uri ?? neo4jLocal!.uri;
  const { people, graph } = await sampleTargets(uri, Number(values.targets));
  console.log(`graph ${LABEL}: ${graph.people} people, ${graph.mets} MET; ${people.length} sampled targets`);
  const env = { ...process.env, NEO4J_URI: uri, PORT: '0', DATA_DIR: dataDir, SEED_ON_START: 'false' };
  const started = await spawnTs('server/main.ts', [], /ready: (http:\/\/\S+)/, env);
  child = started.child;
  const base = started.match[1]!.replace(/\/$/, '');
  const stages = [];
  for (const connections of STAGES) {
    const rssBefore = rssMiB(started.child.pid!);
    const result = await autocannon({
      url: base,
      connections,
      duration: SECONDS,
      timeout: 30,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: mixedPath(people) }) }],
    });
    const rssAfter = rssMiB(started.child.pid!);
    const stage = {
      connections,
      seconds: SECONDS,
      requests: result.requests.total,
      perSecond: Math.round(result.requests.average),
      p50ms: result.latency.p50,
      p90ms: result.latency.p90,
      p99ms: result.latency.p99,
      maxMs: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statuses: { '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
      rssBeforeMiB: rssBefore,
      rssAfterMiB: rssAfter,
    };
    stages.push(stage);
    console.log(
      `c=${String(connections).padStart(3)}  ${String(stage.perSecond).padStart(5)} req/s  p50 ${stage.p50ms} ms  p99 ${stage.p99ms} ms  ` +
        `errors ${stage.errors}  timeouts ${stage.timeouts}  non-2xx ${stage.non2xx}  RSS ${rssBefore}→${rssAfter} MiB`,
    );
  }
  const out = join(ROOT, 'bench', 'results', `load-${LABEL}.json`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ when: new Date().toISOString(), graph, mix: { search: 0.3, meetings: 0.25, entity: 0.25, paths: 0.2 }, stages }, null, 2)}\n`,
  );
  console.log(`written ${out}`);
} finally {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }
  await neo4jLocal?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
