// The server starts while Neo4j is down, answers 503 + Retry-After, recovers by itself when Neo4j comes
// up, survives a Neo4j crash (SIGKILL) and restart, and shuts down cleanly on SIGTERM.
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.ts';
import { createDriver } from '../../graph/database.ts';
import { DATA_ROOT } from '../support/database.ts';
import { isAlive, spawnTs, waitUntil } from '../support/processes.ts';

interface Answer {
  status: number;
  retryAfter: string | null;
  type: string | null;
  body: Record<string, unknown>;
  ms: number;
}

async function get(base: string, path: string): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(new URL(path, base));
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
    ms: Date.now() - started,
  };
}

const SECRET_PASSWORD = 'pw-must-never-be-logged-42';
const SECRET_KEY = 'key-must-never-be-logged-0123456789';

const searchFinds = (base: string) => async () => {
  const answer = await get(base, '/api/search?q=Kuantyrov');
  return answer.status === 200 && (answer.body.results as { id: string }[]).some((r) => r.id === 'person:alibek-kuantyrov');
};

describe('resilience: the database goes away and comes back', function () {
  this.timeout(300_000);
  let home: string;
  let dataDir: string;
  let port: number;
  let neo4j: LocalNeo4j | undefined;
  let server: ChildProcess | undefined;
  let base: string;
  let output: () => string = () => '';
  const timings: string[] = [];

  before(async () => {
    home = mkdtempSync(join(DATA_ROOT, 'test-outage-db-'));
    dataDir = mkdtempSync(join(DATA_ROOT, 'test-outage-app-'));
    port = await freePort();
    // Nothing listens on `port` yet: the server must start anyway.
    // Secrets set on purpose, to check that nothing the server prints repeats them.
    const env = {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      SEED_ON_START: 'true',
      NEO4J_PASSWORD: SECRET_PASSWORD,
      API_KEY: SECRET_KEY,
    };
    const started = await spawnTs('server/main.ts', [], /(?:ready|listening \(database not ready yet\)): (http:\/\/\S+)/, env);
    server = started.child;
    output = started.output;
    base = started.match[1]!;
    expect(started.match[0]).to.contain('database not ready yet');
  });

  after(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    await neo4j?.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    if (timings.length) console.log(`      outage timings: ${timings.join('; ')}`);
  });

  it('with Neo4j down from the start: health and data endpoints answer 503 problem+json with Retry-After', async () => {
    const health = await get(base, '/api/health');
    expect(health.status).to.equal(503);
    expect(health.type).to.contain('application/problem+json');
    expect(health.retryAfter).to.equal('5');
    expect(health.body.detail).to.match(/cannot be reached/);
    expect((health.body.neo4j as { connected: boolean }).connected).to.equal(false);
    expect((health.body.startup as { state: string }).state).to.equal('pending');

    for (const path of [
      '/api/search?q=Kuantyrov',
      '/api/entities/person:alibek-kuantyrov',
      '/api/meetings?person=person:alibek-kuantyrov',
      '/api/paths?from=KZ&to=NG',
    ]) {
      const answer = await get(base, path);
      expect(answer.status, path).to.equal(503);
      expect(answer.retryAfter, path).to.equal('5');
      expect(answer.type, path).to.contain('application/problem+json');
      expect(JSON.stringify(answer.body), path).not.to.match(/at \w+ \(|node_modules|Neo4jError/);
      timings.push(`${path.split('?')[0]} down-from-start ${answer.ms} ms`);
    }
  });

  it('when Neo4j comes up, the server applies schema and seeds by itself and serves', async () => {
    neo4j = await startLocalNeo4j({ home, port });
    const upAt = Date.now();
    expect(await waitUntil(async () => (await get(base, '/api/health')).status === 200, 240_000), 'health back to 200').to.equal(true);
    expect(await waitUntil(searchFinds(base), 60_000), 'seeded data served').to.equal(true);
    timings.push(`recovered ${Date.now() - upAt} ms after Neo4j was up`);
    const health = await get(base, '/api/health');
    expect(health.body.status).to.equal('ok');
    expect((health.body.startup as { state: string }).state).to.equal('ready');
  });

  it('when Neo4j crashes (SIGKILL) under the running server: 503 + Retry-After, then recovery after restart', async () => {
    const jvm = neo4j!.pid;
    process.kill(jvm, 'SIGKILL');
    expect(await waitUntil(() => !isAlive(jvm), 30_000)).to.equal(true);
    await neo4j!.stop();

    const search = await get(base, '/api/search?q=Kuantyrov');
    expect(search.status).to.equal(503);
    expect(search.retryAfter).to.equal('5');
    timings.push(`search after crash ${search.ms} ms`);
    const health = await get(base, '/api/health');
    expect(health.status).to.equal(503);
    expect((health.body.neo4j as { connected: boolean }).connected).to.equal(false);

    neo4j = await startLocalNeo4j({ home, port });
    const upAt = Date.now();
    // The data survived the crash (Neo4j recovers from its transaction log) and the pool reconnects.
    expect(await waitUntil(searchFinds(base), 180_000), 'served again after restart').to.equal(true);
    timings.push(`served again ${Date.now() - upAt} ms after restart`);
    expect((await get(base, '/api/health')).status).to.equal(200);
  });

  it('SIGTERM: the in-flight request still gets its answer, new connections are refused, exit 0', async () => {
    const count = async (n: number) => {
      const started = Date.now();
      const res = await fetch(new URL('/api/cypher', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close', authorization: `Bearer ${SECRET_KEY}` },
        body: JSON.stringify({ query: 'UNWIND range(1, $n) AS x RETURN count(x) AS c', params: { n }, timeoutMs: 60_000 }),
      });
      return { status: res.status, body: (await res.json()) as { rows: number[][] }, ms: Date.now() - started };
    };
    // Calibrate (warm, then measured) a query that runs for about three seconds on this machine now.
    await count(2_000_000);
    const probe = await count(2_000_000);
    const n = Math.min(200_000_000, Math.round((2_000_000 * 3000) / Math.max(probe.ms, 1)));
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    const inFlight = count(n);
    // SIGTERM only once Neo4j shows the query running, so the request is provably in flight.
    const driver = createDriver({ uri: neo4j!.uri, user: 'neo4j', password: '' });
    let running = false;
    try {
      running = await waitUntil(async () => {
        const { records } = await driver.executeQuery(
          "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'range(1, $n)' RETURN count(*) AS c",
        );
        return Number(records[0]!.get('c')) > 0;
      }, 30_000);
    } finally {
      await driver.close();
    }
    expect(running, 'the console query was seen running').to.equal(true);
    server!.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    const late = await fetch(new URL('/api/health', base)).then(
      (res) => res.status,
      (error: Error) => error.message,
    );
    const answer = await inFlight;
    timings.push(`in-flight request of ${answer.ms} ms answered during shutdown`);
    expect(answer.status).to.equal(200);
    expect(answer.body.rows[0]![0]).to.equal(n);
    expect(late).to.equal('fetch failed');
    expect(await exited).to.equal(0);
    // Everything the server printed through the outage, the crash and the shutdown: no secret in it.
    expect(output()).to.contain('SIGTERM: shutting down');
    expect(output()).not.to.contain(SECRET_PASSWORD);
    expect(output()).not.to.contain(SECRET_KEY);
  });
});
