// The console under attack, against the real server run the way an operator runs it (npm run serve:
// the supervisor, the server, its supervised local Neo4j). Every class of hostile read-only query —
// untracked string and list blow-ups, loops that ignore termination, tracked memory, text that takes
// Neo4j's parser or planner down, functions off the allow-list, huge results — in several shapes; a
// burst of 20 at once while public reads go on; ten big results at once; then kill -9 of Neo4j and of
// the server. Asserts: every hostile query is answered (4xx, never 5xx) and the database answers again
// within 30 s without a restart; public reads keep a p99 under 2 s; the server's RSS stays under
// RSS_BOUND_MIB; after a crash, health says so and both come back by themselves within 30 s; curated
// data is unchanged. Prints what it measured (SECURITY.md quotes it).
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../neo4j/local.ts';
import { graphChecksum } from '../../graph/checksum.ts';
import { createDriver } from '../../graph/database.ts';
import { DEFAULT_CONSOLE_CONCURRENCY } from '../../server/config.ts';
import { DATA_ROOT } from '../support/database.ts';
import { isAlive, waitUntil } from '../support/processes.ts';

/** The server's resident memory may not pass this, whatever the console is asked. */
const RSS_BOUND_MIB = 600;
const RECOVERY_MS = 30_000;
const HOSTILE_TIMEOUT_MS = 3_000;

const nest = (open: string, close: string, inner: string, n: number) => open.repeat(n) + inner + close.repeat(n);
const chain = (n: number, step: (i: number) => string) => Array.from({ length: n }, (_, i) => step(i)).join('');

/** [class, variant, query, statuses it may get]. 403 refused, 408 time-out, 422 memory or failed. */
const HOSTILE: [string, string, string, number[]][] = [
  ['untracked string growth', 'reduce doubling', "RETURN size(reduce(s='', x IN range(1,30) | s + s + 'xxxxxxxxxxxxxxxx')) AS n", [403]],
  ['untracked string growth', 'reduce with reverse', "RETURN size(reduce(s = 'ab', x IN range(1, 40) | s + reverse(s))) AS n", [403]],
  ['untracked string growth', 'replace in reduce', "RETURN size(reduce(s = 'x', i IN range(1, 40) | replace(s, 'x', 'xx'))) AS n", [403]],
  [
    'untracked string growth',
    'nested replace',
    `RETURN size(${chain(9, () => 'replace(')}'xxxxxxxxxx'${chain(9, () => ", 'x', 'xxxxxxxxxx')")}) AS n`,
    [408, 422],
  ],
  ['untracked string growth', 'replace by a parameter', "RETURN size(replace(replace($s, 'x', $s), 'x', $s)) AS n", [408, 422]],
  [
    'untracked string growth',
    'WITH chain',
    `WITH 'xxxxxxxx' AS s0 ${chain(10, (i) => `WITH s${i} + s${i} + s${i} + s${i} + s${i} + s${i} + s${i} + s${i} AS s${i + 1} `)}RETURN size(s10) AS n`,
    [408, 422],
  ],
  ['untracked list growth', 'reduce doubling a list', 'RETURN size([x IN reduce(l = [1], i IN range(1, 40) | l + l) | x]) AS n', [403]],
  ['untracked list growth', 'list comprehension', 'RETURN size([x IN range(1, 300000000) | x]) AS n', [408, 422]],
  ['untracked list growth', 'list filter', 'RETURN size([x IN range(1, 300000000) WHERE x > 0]) AS n', [408, 422]],
  ['untracked list growth', 'reduce append', 'RETURN size(reduce(l = [], x IN range(1, 100000000) | l + x)) AS n', [408, 422]],
  [
    'untracked list growth',
    'nested comprehension',
    'WITH range(1, 1000) AS r RETURN size([a IN r | [b IN r | [c IN r | 1]]]) AS n',
    [408, 422],
  ],
  ['untracked list growth', 'split of a doubled string', "RETURN size(split(reduce(s = 'x', i IN range(1, 28) | s + s), '')) AS n", [403]],
  ['untracked list growth', 'allowed APOC over a range', 'RETURN size(apoc.coll.toSet(range(1, 300000000))) AS n', [408, 422]],
  ['untracked list growth', 'JSON of a range', 'RETURN size(apoc.convert.toJson(range(1, 300000000))) AS n', [408, 422]],
  ['tracked memory', 'collect', 'UNWIND range(1, 50000000) AS x RETURN size(collect(x)) AS n', [408, 422]],
  ['tracked memory', 'sort', 'UNWIND range(1, 30000000) AS x WITH x ORDER BY x % 7, x DESC RETURN count(*) AS n', [408, 422]],
  ['loops that ignore termination', 'reduce sum', 'RETURN reduce(s = 0, x IN range(1, 100000000000) | s + x) AS n', [408]],
  ['loops that ignore termination', 'any()', 'RETURN any(x IN range(1, 100000000000) WHERE x < 0) AS n', [408]],
  ['loops that ignore termination', 'filtered size', 'RETURN size([x IN range(1, 100000000000) WHERE x < 0]) AS n', [408, 422]],
  ['long-running operators', 'UNWIND', 'UNWIND range(1, 1000000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n', [408]],
  ['long-running operators', 'cartesian product', 'MATCH (a), (b), (c), (d) WHERE a.id < b.id AND c.id < d.id RETURN count(*) AS n', [408]],
  ['parser and planner', 'parentheses 500 deep', `RETURN ${nest('(', ')', '1', 500)} AS x`, [403]],
  ['parser and planner', 'lists 1000 deep', `RETURN ${nest('[', ']', '1', 1000)} AS x`, [403]],
  ['parser and planner', 'maps 300 deep', `RETURN ${nest('{a: ', '}', '1', 300)} AS x`, [403]],
  [
    'parser and planner',
    'CASE 300 deep',
    `RETURN ${Array.from({ length: 300 }).reduce<string>((e) => `CASE WHEN true THEN ${e} END`, '1')} AS x`,
    [403],
  ],
  ['parser and planner', 'NOT 1000 times', `RETURN ${'NOT '.repeat(1000)}true AS x`, [403]],
  ['parser and planner', 'comprehensions 300 deep', `RETURN ${nest('[x IN ', ' | x]', '[1]', 300)} AS x`, [403]],
  ['parser and planner', 'pattern of 30 relationships', `MATCH (a0)${chain(30, (i) => `--(a${i + 1})`)} RETURN count(*)`, [403]],
  ['parser and planner', 'EXISTS 20 deep', `MATCH (n) WHERE ${nest('EXISTS { MATCH (n)--() WHERE ', ' }', 'true', 20)} RETURN n`, [403]],
  ['parser and planner', '3000 additions', `RETURN 1${' + 1'.repeat(3_000)} AS x`, [403]],
  ['parser and planner', '100 labels', `MATCH (n:${chain(100, (i) => `${i ? '&' : ''}L${i}`)}) RETURN n`, [200, 403, 408]],
  [
    'parser and planner',
    '250 OR-ed conjunctions',
    `MATCH (n) WHERE ${Array.from({ length: 250 }, (_, i) => `(n.a = ${i} AND n.b = ${i})`).join(' OR ')} RETURN n`,
    [200, 403, 408],
  ],
  ['functions off the allow-list', 'apoc.text.repeat', "RETURN size(apoc.text.repeat('x', 2000000000)) AS n", [403]],
  ['functions off the allow-list', 'quoted apoc.text.lpad', "RETURN size(`apoc`.`text`.`lpad`('', 2000000000, 'x')) AS n", [403]],
  ['functions off the allow-list', 'apoc.coll.fill', "RETURN size(apoc.coll.fill('x', 300000000)) AS n", [403]],
  [
    'functions off the allow-list',
    'apoc.coll.flatten',
    'RETURN size(apoc.coll.flatten([x IN range(1, 20000) | range(1, 100000)])) AS n',
    [403],
  ],
];

interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** The process's resident set size in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

describe('resilience: hostile console queries, bursts and crashes (real server under its supervisor)', function () {
  this.timeout(1_200_000);
  let dataDir: string;
  let supervisor: ChildProcess;
  let output = '';
  let base: string;
  let checksumBefore: { items: number; sha256: string };
  const report: string[] = [];

  const serverPid = () => Number([...output.matchAll(/server started \(pid (\d+)\)/g)].at(-1)?.[1]);
  const boltUri = () => [...output.matchAll(/local Neo4j \S+ on (bolt:\/\/\S+)/g)].at(-1)![1]!;
  const jvmPid = () => Number(readFileSync(join(dataDir, 'neo4j', 'neo4j.pid'), 'utf8'));

  async function request(path: string, init: RequestInit = {}): Promise<Answer> {
    const started = Date.now();
    const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text: text.slice(0, 200) };
    }
    return { status: res.status, body, ms: Date.now() - started };
  }

  /** A console query as client `client` (its own X-Forwarded-For, so the per-client cap is its own). */
  const consoleQuery = (query: string, client: number, extra: Record<string, unknown> = {}) =>
    request('/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${client >> 8}.${client & 255}` },
      body: JSON.stringify({ query, timeoutMs: HOSTILE_TIMEOUT_MS, params: { s: 'x'.repeat(20_000) }, ...extra }),
    });

  /** As a client would: on 429, wait as told and ask again (the console is full of queries Neo4j still runs). */
  async function patientQuery(query: string, client: number): Promise<Answer & { waited: number }> {
    const started = Date.now();
    for (;;) {
      const answer = await consoleQuery(query, client);
      if (answer.status !== 429 || Date.now() - started > 90_000) return { ...answer, waited: Date.now() - started - answer.ms };
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  const healthy = async () => {
    const health = await request('/api/health');
    if (health.status !== 200) return false;
    const search = await request('/api/search?q=Kuantyrov');
    return search.status === 200 && JSON.stringify(search.body).includes('person:alibek-kuantyrov');
  };

  const restarts = async () => ((await request('/api/health')).body.neo4j as { local?: { restarts: number } }).local?.restarts ?? -1;

  async function checksum(): Promise<{ items: number; sha256: string }> {
    const driver = createDriver({ uri: boltUri(), user: 'neo4j', password: '' });
    try {
      return await graphChecksum(driver);
    } finally {
      await driver.close();
    }
  }

  /** Public reads in a loop (4 at a time) until stopped: their latencies and statuses. */
  function publicReads() {
    const paths = [
      '/api/search?q=Kuantyrov',
      '/api/entities/person:alibek-kuantyrov',
      '/api/meetings?person=person:alibek-kuantyrov',
      '/api/paths?from=person:alibek-kuantyrov&to=NG&via=any',
      '/api/health',
    ];
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let running = true;
    const worker = async (offset: number) => {
      for (let i = offset; running; i += 1) {
        const answer = await request(paths[i % paths.length]!).catch(() => ({ status: 0, body: {}, ms: 60_000 }));
        latencies.push(answer.ms);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    return {
      stop: async () => {
        running = false;
        await Promise.all(workers);
        return { latencies, statuses };
      },
    };
  }

  before(async () => {
    dataDir = mkdtempSync(join(DATA_ROOT, 'test-hostile-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      NEO4J_URI: '',
      NEO4J_HEAP_MB: '1024',
      NEO4J_PAGECACHE_MB: '128',
      SEED_ON_START: 'true',
      TRUST_PROXY: '1',
      RATE_LIMIT_CONSOLE: '100000',
      RATE_LIMIT_REPORTS: '100000',
    };
    supervisor = spawn(process.execPath, ['--import', 'tsx', 'server/supervise.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    supervisor.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    supervisor.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ready = await waitUntil(() => /Diplomatic knowledge graph ready/.test(output), 300_000, 250);
    expect(ready, output).to.equal(true);
    expect(await waitUntil(healthy, 60_000)).to.equal(true);
    checksumBefore = await checksum();
  });

  after(async () => {
    if (supervisor && supervisor.exitCode === null) {
      const exited = new Promise((resolve) => supervisor.once('exit', resolve));
      supervisor.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 40_000))]);
      if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
    }
    for (const pid of [
      serverPid(),
      (() => {
        try {
          return jvmPid();
        } catch {
          return 0;
        }
      })(),
    ])
      if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    const internal = output.split('\n').filter((line) => /internal error/.test(line));
    console.log(
      `      measured:\n${[...report, ...internal.map((line) => `server log: ${line}`)].map((line) => `        ${line}`).join('\n')}`,
    );
  });

  it('answers every hostile query of every class with a 4xx (never a 5xx), and Neo4j answers again within 30 s without a restart', async () => {
    for (const [i, [kind, variant, query, expected]] of HOSTILE.entries()) {
      // Each from a client of its own: a query cut at its deadline keeps its client's place until Neo4j lets go of it.
      const answer = await patientQuery(query, i + 1);
      const started = Date.now();
      const back = await waitUntil(healthy, RECOVERY_MS, 100);
      const recovery = Date.now() - started;
      report.push(
        `${kind} / ${variant}: ${answer.status} ${String(answer.body.title ?? 'ok')} in ${answer.ms} ms${answer.waited > 0 ? ` (after ${answer.waited} ms of 429s)` : ''}, healthy ${recovery} ms later`,
      );
      expect(back, `${variant}: healthy again within 30 s`).to.equal(true);
      expect(expected, `${variant} answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`).to.include(answer.status);
      expect(JSON.stringify(answer.body), variant).to.not.match(/java\.|org\.neo4j|Exception\b|at [\w.]+\(/);
    }
    expect(await restarts(), 'the local Neo4j was never restarted').to.equal(0);
  });

  it('while 20 hostile queries arrive at once, public reads keep a p99 under 2 s and never fail', async () => {
    const heavy = HOSTILE.filter(
      ([kind, , , expected]) => /untracked|loops|tracked|long-running/.test(kind) && !expected.includes(403),
    ).map(([, , query]) => query);
    // The same reads alone first, once Neo4j has let go of every earlier console query: what the machine gives them without the console.
    const driver = createDriver({ uri: boltUri(), user: 'neo4j', password: '' });
    try {
      await waitUntil(
        async () => {
          const { records } = await driver.executeQuery(
            "SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'diplomatic-kg-console' RETURN count(*) AS n",
          );
          return Number(records[0]!.get('n')) === 0;
        },
        60_000,
        500,
      );
    } finally {
      await driver.close();
    }
    const alone = publicReads();
    await new Promise((r) => setTimeout(r, 5_000));
    const baseline = (await alone.stop()).latencies;
    report.push(
      `public reads alone for 5 s: ${baseline.length} reads, p50 ${percentile(baseline, 50)} ms, p99 ${percentile(baseline, 99)} ms`,
    );
    const reads = publicReads();
    await new Promise((r) => setTimeout(r, 1_000));
    const started = Date.now();
    const hostile = await Promise.all(Array.from({ length: 20 }, (_, i) => consoleQuery(heavy[i % heavy.length]!, 100 + i)));
    await new Promise((r) => setTimeout(r, 2_000));
    const { latencies, statuses } = await reads.stop();
    const byStatus = hostile.reduce<Record<number, number>>((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {});
    report.push(
      `burst of 20 hostile queries (${Date.now() - started} ms): statuses ${JSON.stringify(byStatus)}; ${latencies.length} public reads alongside: ` +
        `p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(
      hostile.every((a) => [403, 408, 422, 429].includes(a.status)),
      JSON.stringify(byStatus),
    ).to.equal(true);
    expect(byStatus[429] ?? 0, 'the gate admitted no more than CONSOLE_MAX_CONCURRENT').to.be.at.least(20 - DEFAULT_CONSOLE_CONCURRENCY);
    expect([...statuses.keys()], 'public reads all answered 200').to.deep.equal([200]);
    expect(percentile(latencies, 99)).to.be.below(2_000);
    expect(await waitUntil(healthy, RECOVERY_MS)).to.equal(true);
    expect(await restarts()).to.equal(0);
  });

  it('ten big results at once: each is cut at the byte cap and says so, and the server stays under its RSS bound', async () => {
    const pid = serverPid();
    const before = rssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
    const pad = 'x'.repeat(90_000);
    const queries = [
      { query: 'UNWIND range(1, 10000) AS i RETURN i, $pad AS pad', params: { pad }, maxRows: 10_000 },
      {
        query: "UNWIND range(1, 10000) AS i RETURN i, reduce(s = '', k IN range(1, 20) | s + $pad) AS pad",
        params: { pad },
        maxRows: 10_000,
      },
      { query: "RETURN reduce(s = '', k IN range(1, 300) | s + $pad) AS huge", params: { pad }, maxRows: 10 },
    ];
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        // A client turned away (429) waits as told and asks again, so all ten are served.
        for (;;) {
          const answer = await consoleQuery(queries[i % queries.length]!.query, 300 + i, {
            ...queries[i % queries.length],
            timeoutMs: 30_000,
          });
          if (answer.status !== 429) return answer;
          await new Promise((r) => setTimeout(r, 500));
        }
      }),
    );
    clearInterval(sampler);
    const summaries = answers.map((a) => a.body.summary as { truncatedBy?: string; bytes: number; rows: number });
    report.push(
      `ten big results (${Date.now() - started} ms): statuses ${answers.map((a) => a.status).join(',')}; rows ${summaries.map((s) => s?.rows).join(',')}; ` +
        `server RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB (bound ${RSS_BOUND_MIB} MiB)`,
    );
    expect(answers.map((a) => a.status)).to.deep.equal(Array(10).fill(200));
    for (const summary of summaries) {
      expect(summary.truncatedBy).to.equal('bytes');
      expect(summary.bytes).to.be.at.most(8 * 1024 * 1024);
    }
    expect(peak).to.be.below(RSS_BOUND_MIB);
  });

  it('kill -9 of the local Neo4j: health says restarting, and it serves again by itself within 30 s', async () => {
    const jvm = jvmPid();
    const killedAt = Date.now();
    process.kill(jvm, 'SIGKILL');
    const states = new Set<string>();
    const back = await waitUntil(
      async () => {
        const health = await request('/api/health');
        states.add(String(health.body.state ?? health.body.status));
        return health.status === 200 && (await healthy());
      },
      120_000,
      200,
    );
    const recovery = Date.now() - killedAt;
    report.push(`kill -9 of the local Neo4j: health said ${[...states].join(' → ')}; serving again after ${recovery} ms`);
    expect(back).to.equal(true);
    expect(states.has('restarting'), [...states].join(',')).to.equal(true);
    expect(output).to.match(/local Neo4j \(pid \d+\) exited unexpectedly \(signal SIGKILL\)/);
    expect(await restarts()).to.equal(1);
    expect(recovery).to.be.below(RECOVERY_MS);
  });

  it('kill -9 of the server: the supervisor starts it again and it serves by itself within 30 s', async () => {
    const pid = serverPid();
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const back = await waitUntil(async () => serverPid() !== pid && (await healthy()), 120_000, 200);
    const recovery = Date.now() - killedAt;
    report.push(`kill -9 of the server: serving again after ${recovery} ms (new pid ${serverPid()})`);
    expect(back).to.equal(true);
    expect(output).to.match(/server \(pid \d+\) exited unexpectedly \(signal SIGKILL\)/);
    expect(recovery).to.be.below(RECOVERY_MS);
  });

  it('leaves the curated data exactly as it was', async () => {
    expect(await checksum()).to.deep.equal(checksumBefore);
  });
});
