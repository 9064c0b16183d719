import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_ROOT } from '../support/database.ts';
import { isAlive, spawnTs, waitUntil } from '../support/processes.ts';

// No orphan JVM, ever: the Neo4j we start must die with whoever started it.
describe('local Neo4j lifecycle (no orphan JVM)', () => {
  it('the JVM exits by itself when its parent is SIGKILLed', async () => {
    const home = mkdtempSync(join(DATA_ROOT, 'test-orphan-'));
    try {
      const { child, match } = await spawnTs('tests/support/spawn-neo4j.ts', [home], /JVM (\d+)/);
      const jvm = Number(match[1]);
      expect(isAlive(jvm)).to.equal(true);
      child.kill('SIGKILL');
      expect(await waitUntil(() => !isAlive(jvm), 60_000), `JVM ${jvm} outlived its parent`).to.equal(true);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('npm start serves /api/health with the seeds loaded, and SIGTERM stops the JVM too', async () => {
    const dataDir = mkdtempSync(join(DATA_ROOT, 'test-start-'));
    try {
      const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, NEO4J_URI: '' };
      const { child, match } = await spawnTs('server/main.ts', [], /ready: (http:\/\/\S+)/, env);
      const health = await fetch(new URL('/api/health', match[1]));
      expect(health.status).to.equal(200);
      const body = (await health.json()) as { status: string; neo4j: { connected: boolean; version: string } };
      expect(body.status).to.equal('ok');
      expect(body.neo4j.connected).to.equal(true);
      expect(body.neo4j.version).to.match(/^5\.26\.\d+$/);
      const jvm = Number((await import('node:fs')).readFileSync(join(dataDir, 'neo4j', 'neo4j.pid'), 'utf8'));
      expect(isAlive(jvm)).to.equal(true);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).to.equal(0);
      expect(await waitUntil(() => !isAlive(jvm), 30_000), `JVM ${jvm} still running`).to.equal(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
