// Security at the HTTP edge: headers and CSP, CORS only when configured, the API key on the console,
// rate limits, URL and body limits, and static files that cannot escape their folder.
import { expect } from 'chai';
import { request } from 'node:http';
import type { AccessEvent } from '../../server/audit.ts';
import { FAILURES_PER_MINUTE } from '../../server/http/api-key.ts';
import { DEFAULT_SECURITY } from '../../server/http/security.ts';
import { seededApp, startApp } from '../support/app.ts';

/** A raw GET: fetch() would normalise "..", which is exactly what an attacker's client does not do. */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const KEY = 'test-key-0123456789abcdef';
const consoleQuery = { query: 'MATCH (p:Person) RETURN count(p) AS people' };

describe('security at the HTTP edge', () => {
  it('sends a strict CSP and hardening headers, and no X-Powered-By', async () => {
    const { base } = await seededApp();
    for (const path of ['/', '/api/health', '/api/docs']) {
      const res = await fetch(base + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).to.contain("default-src 'self'");
      expect(csp, path).to.contain("script-src 'self'");
      expect(csp, path).to.contain("frame-ancestors 'self'");
      expect(csp, path).to.contain("object-src 'none'");
      expect(csp, path).not.to.contain('unsafe-inline');
      expect(csp, path).not.to.contain('unsafe-eval');
      expect(res.headers.get('x-content-type-options'), path).to.equal('nosniff');
      expect(res.headers.get('x-frame-options'), path).to.equal('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), path).to.equal('no-referrer');
      expect(res.headers.get('x-powered-by'), path).to.equal(null);
    }
  });

  it('sends no CORS headers unless origins are configured; then only for those origins', async () => {
    const { base } = await seededApp();
    const closed = await fetch(`${base}/api/search?q=Kuantyrov`, { headers: { Origin: 'https://evil.example' } });
    expect(closed.headers.get('access-control-allow-origin')).to.equal(null);

    const app = await startApp({ security: { ...DEFAULT_SECURITY, corsOrigins: ['https://analysis.example.org'] } });
    try {
      const allowed = await fetch(`${app.base}/api/search?q=Kuantyrov`, { headers: { Origin: 'https://analysis.example.org' } });
      expect(allowed.headers.get('access-control-allow-origin')).to.equal('https://analysis.example.org');
      const other = await fetch(`${app.base}/api/search?q=Kuantyrov`, { headers: { Origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).to.equal(null);
      const preflight = await fetch(`${app.base}/api/cypher`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://analysis.example.org',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).to.equal(204);
      expect(preflight.headers.get('access-control-allow-headers')).to.equal('Content-Type,Authorization,X-API-Key');
    } finally {
      await app.close();
    }
  });

  it('requires the API key for the console and saved queries when one is configured, not for reading', async () => {
    const app = await startApp({ apiKey: KEY });
    const post = (path: string, headers: Record<string, string>) =>
      fetch(app.base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(consoleQuery),
      });
    try {
      const none = await post('/api/cypher', {});
      expect(none.status).to.equal(401);
      expect(none.headers.get('content-type')).to.contain('application/problem+json');
      expect(none.headers.get('www-authenticate')).to.equal('Bearer realm="diplomatic-kg"');
      expect(((await none.json()) as { detail: string }).detail).to.match(/needs the API key/);
      const wrong = await post('/api/cypher', { authorization: 'Bearer not-the-key' });
      expect(wrong.status).to.equal(401);
      expect(((await wrong.json()) as { detail: string }).detail).to.equal('The API key is not valid.');
      expect((await post('/api/queries/people-by-country', {})).status).to.equal(401);

      const bearer = await post('/api/cypher', { authorization: `Bearer ${KEY}` });
      expect(bearer.status).to.equal(200);
      expect(((await bearer.json()) as { rows: number[][] }).rows[0]![0]).to.be.greaterThan(10);
      expect((await post('/api/cypher', { 'x-api-key': KEY })).status).to.equal(200);
      expect((await fetch(`${app.base}/api/search?q=Kuantyrov`)).status).to.equal(200);
      expect((await fetch(`${app.base}/api/queries`)).status).to.equal(200);
    } finally {
      await app.close();
    }
  });

  it('rate-limits the console and reports per client with 429 problem+json and Retry-After', async () => {
    const app = await startApp({ security: { corsOrigins: [], consolePerMinute: 3, reportsPerMinute: 2 } });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await fetch(`${app.base}/api/cypher`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(consoleQuery),
        });
        statuses.push(last.status);
        if (i < 3) await last.arrayBuffer();
      }
      expect(statuses).to.deep.equal([200, 200, 200, 429]);
      expect(last!.headers.get('content-type')).to.contain('application/problem+json');
      expect(Number(last!.headers.get('retry-after'))).to.be.within(1, 60);
      expect(((await last!.json()) as { detail: string }).detail).to.equal('Too many console requests: at most 3 a minute per client.');

      const reports: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${app.base}/api/reports/bilateral?a=KZ&b=NG`);
        reports.push(res.status);
        await res.arrayBuffer();
      }
      expect(reports).to.deep.equal([200, 200, 429]);
      // Reading the graph is not limited by the console's budget.
      expect((await fetch(`${app.base}/api/search?q=Kuantyrov`)).status).to.equal(200);
    } finally {
      await app.close();
    }
  });

  it('authenticates before rate limiting: clients without the key cannot spend the analysts’ budget', async () => {
    const audited: AccessEvent[] = [];
    const app = await startApp({
      apiKey: KEY,
      accessAudit: (event) => audited.push(event),
      security: { corsOrigins: [], consolePerMinute: 3, reportsPerMinute: 30 },
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${app.base}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(consoleQuery),
      });
    try {
      const strangers: number[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await post(i % 2 ? { authorization: `Bearer wrong-key-${i}-0123456789` } : {});
        strangers.push(res.status);
        await res.arrayBuffer();
      }
      expect(strangers).to.deep.equal(Array(10).fill(401));
      const analysts: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await post({ 'x-api-key': KEY });
        analysts.push(res.status);
        await res.arrayBuffer();
      }
      expect(analysts).to.deep.equal([200, 200, 200, 429]);
      // Every failure is audited, with its reason and client, never with the key that was presented.
      expect(audited.map((e) => e.event === 'auth-failed' && e.reason)).to.deep.equal([
        'missing',
        'invalid',
        'missing',
        'invalid',
        'missing',
        'invalid',
        'missing',
        'invalid',
        'missing',
        'invalid',
      ]);
      expect(audited[1]).to.deep.include({ method: 'POST', path: '/api/cypher', client: '127.0.0.1', limited: false });
      expect(JSON.stringify(audited)).to.not.match(/wrong-key|0123456789|Bearer/);
    } finally {
      await app.close();
    }
  });

  it('answers a flood of wrong keys 429, and still lets the right key in', async () => {
    const audited: AccessEvent[] = [];
    const app = await startApp({ apiKey: KEY, accessAudit: (event) => audited.push(event) });
    const post = (key: string) =>
      fetch(`${app.base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: '{}' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < FAILURES_PER_MINUTE + 3; i++) {
        const res = await post(`guess-${i}-abcdefghijklmnop`);
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      expect(statuses.slice(0, FAILURES_PER_MINUTE)).to.deep.equal(Array(FAILURES_PER_MINUTE).fill(401));
      expect(statuses.slice(FAILURES_PER_MINUTE)).to.deep.equal([429, 429, 429]);
      expect(audited.filter((e) => e.event === 'auth-failed' && e.limited)).to.have.length(3);
      const right = await post(KEY);
      expect(right.status).to.equal(400); // through the key check: the empty body is what is wrong now
      expect(((await right.json()) as { param: string }).param).to.equal('text');
    } finally {
      await app.close();
    }
  });

  it('refuses over-long URLs (400) and over-large bodies (413) as problem+json', async () => {
    const { base } = await seededApp();
    const long = await fetch(`${base}/api/search?q=${'a'.repeat(5000)}`);
    expect(long.status).to.equal(400);
    expect(((await long.json()) as { param: string }).param).to.equal('url');
    const big = await fetch(`${base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `RETURN '${'x'.repeat(200_000)}'` }),
    });
    expect(big.status).to.equal(413);
    expect(big.headers.get('content-type')).to.contain('application/problem+json');
  });

  it('answers a malformed percent-encoding in a path with 400 problem+json', async () => {
    const { base } = await seededApp();
    const res = await rawGet(base, '/api/entities/%E0%A4%A');
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.body)).to.include({ status: 400 });
  });

  it('serves no file from outside client/dist, however the path is spelled', async () => {
    const { base } = await seededApp();
    for (const path of [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%5c..%5cpackage.json',
      '/assets/../../server/config.ts',
      '/%2e%2e%2fserver%2fconfig.ts',
      '/.env',
    ]) {
      const res = await rawGet(base, path);
      expect(res.body, path).not.to.contain('"name": "diplomatic-kg"');
      expect(res.body, path).not.to.contain('configSchema');
      expect([200, 400, 403, 404], path).to.include(res.status);
    }
  });
});
