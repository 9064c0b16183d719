import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.ts';
import { appDeps } from '../../server/deps.ts';
import { createDriver } from '../../graph/database.ts';
import { testDatabase } from '../support/database.ts';

async function serve(app: ReturnType<typeof createApp>): Promise<{ server: Server; base: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

describe('HTTP: health and errors', () => {
  it('GET /api/health is ok with the Neo4j version', async () => {
    const { driver, target } = await testDatabase();
    const app = createApp(appDeps({ driver, target }, { audit: () => {} }));
    const { server, base } = await serve(app);
    try {
      const res = await fetch(`${base}/api/health`);
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { status: string; neo4j: { connected: boolean; version: string } };
      expect(body).to.deep.include({ status: 'ok' });
      expect(body.neo4j).to.deep.include({ connected: true });
      expect(body.neo4j.version).to.match(/^5\.26\./);

      const missing = await fetch(`${base}/api/no-such-thing`);
      expect(missing.status).to.equal(404);
      expect(missing.headers.get('content-type')).to.match(/^application\/problem\+json/);
      expect(await missing.json()).to.deep.include({ status: 404, title: 'Not found' });

      const badJson = await fetch(`${base}/api/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
      expect(badJson.status).to.equal(400);
      expect(JSON.stringify(await badJson.json())).to.not.match(/at .*\.js|SyntaxError/);
    } finally {
      server.close();
    }
  });

  it('GET /api/health is 503 problem+json with Retry-After when Neo4j is unreachable', async () => {
    const target = { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: '' };
    const dead = createDriver(target);
    const app = createApp(appDeps({ driver: dead, target }, { audit: () => {} }));
    const { server, base } = await serve(app);
    try {
      const res = await fetch(`${base}/api/health`);
      expect(res.status).to.equal(503);
      expect(res.headers.get('content-type')).to.match(/^application\/problem\+json/);
      expect(res.headers.get('retry-after')).to.equal('5');
      const body = (await res.json()) as { status: number; neo4j: { connected: boolean } };
      expect(body.status).to.equal(503);
      expect(body.neo4j.connected).to.equal(false);
    } finally {
      server.close();
      await dead.close();
    }
  });
});
