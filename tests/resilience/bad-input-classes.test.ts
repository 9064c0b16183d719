// Every class of bad input the server has been shown to mishandle, tried in several variants against
// the real app over the seeded Neo4j: each is a 4xx application/problem+json that names no internals.
// The variants are examples of a class; the fix has to hold for the class.
import { expect } from 'chai';
import { request } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { seededApp, startApp } from '../support/app.ts';
import { seededGraph } from '../support/seeded.ts';
import { testDatabase } from '../support/database.ts';
import { API_DRIVER, createDriver } from '../../graph/database.ts';
import { appDeps } from '../../server/deps.ts';
import { LEAK } from '../support/openapi-ops.ts';

interface Raw {
  status: number;
  type: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request with exactly these bytes and headers (fetch would fix some of them up). */
export function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
): Promise<Raw> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer to ${method} ${path} within 60 s`)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The answer is a 4xx problem (of the expected status, if given) with no internals in it. */
export function expectRefused(res: Raw, what: string, status?: number): Record<string, unknown> {
  const where = `${what} → ${res.status} ${res.text.slice(0, 300)}`;
  if (status) expect(res.status, where).to.equal(status);
  expect(res.status, where).to.be.within(400, 499);
  expect(res.type, where).to.contain('application/problem+json');
  expect(LEAK.test(res.text), `internals leaked: ${where}`).to.equal(false);
  const problem = JSON.parse(res.text) as Record<string, unknown>;
  expect(problem.status, where).to.equal(res.status);
  expect(problem.type, where).to.match(/^\/api\/problems\//);
  return problem;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const CONSOLE = { query: 'RETURN 1 AS one' };
const nested = (depth: number, leaf: unknown = 1, wrap: (inner: string) => string = (inner) => `[${inner}]`) => {
  let text = JSON.stringify(leaf);
  for (let i = 0; i < depth; i++) text = wrap(text);
  return text;
};

describe('resilience: every class of bad input is a 4xx problem, never a 5xx', function () {
  this.timeout(240_000);
  let base: string;
  before(async () => {
    ({ base } = await seededApp());
  });

  it('unsupported charsets', async () => {
    for (const charset of [
      'latin1',
      'ISO-8859-1',
      'koi8-r',
      'windows-1252',
      'x-no-such-charset',
      'utf-7',
      'ebcdic-cp-us',
      '',
      'utf-8;charset=latin1',
    ]) {
      for (const path of ['/api/cypher', '/api/ingest', '/api/queries/most-connected']) {
        const res = await send(base, 'POST', path, { 'content-type': `application/json; charset=${charset}` }, JSON.stringify(CONSOLE));
        expectRefused(res, `${path} charset=${charset}`, 415);
      }
    }
    for (const charset of ['utf-16le', 'utf-16', 'UTF-32', '"utf-7"', 'utf8', 'utf-8, latin1']) {
      const res = await send(
        base,
        'POST',
        '/api/cypher',
        { 'content-type': `application/json; charset=${charset}` },
        JSON.stringify(CONSOLE),
      );
      expectRefused(res, `charset=${charset}`, 415);
    }
    for (const charset of ['utf-8', 'UTF-8', '"utf-8"']) {
      const res = await send(
        base,
        'POST',
        '/api/cypher',
        { 'content-type': `application/json; charset=${charset}` },
        JSON.stringify(CONSOLE),
      );
      expect(res.status, `charset=${charset}: ${res.text.slice(0, 200)}`).to.equal(200);
    }
  });

  it('unsupported content encodings', async () => {
    for (const encoding of ['compress', 'x-compress', 'zstd', 'gzip, gzip', 'identity, br', 'sdch', 'x-evil', 'gzip;q=1']) {
      const res = await send(
        base,
        'POST',
        '/api/cypher',
        { ...JSON_TYPE, 'content-encoding': encoding },
        gzipSync(JSON.stringify(CONSOLE)),
      );
      expectRefused(res, `content-encoding ${encoding}`, 415);
    }
    // The encodings that are supported work.
    for (const [encoding, pack] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      const res = await send(base, 'POST', '/api/cypher', { ...JSON_TYPE, 'content-encoding': encoding }, pack(JSON.stringify(CONSOLE)));
      expect(res.status, `${encoding}: ${res.text.slice(0, 200)}`).to.equal(200);
    }
  });

  it('corrupt and hostile compressed bodies', async () => {
    const good = gzipSync(JSON.stringify(CONSOLE));
    const variants: [string, string, Buffer][] = [
      ['gzip', 'random bytes', Buffer.from('not gzip at all, just text')],
      ['gzip', 'truncated', good.subarray(0, good.length - 6)],
      ['gzip', 'flipped bytes', Buffer.from(good.map((b, i) => (i > 12 && i < 20 ? b ^ 0xff : b)))],
      ['gzip', 'header only', good.subarray(0, 10)],
      ['deflate', 'gzip bytes', good],
      ['br', 'random bytes', Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x42, 0x99])],
      ['gzip', 'valid gzip of bytes that are not JSON', gzipSync(Buffer.from([0xc3, 0x28, 0x7b, 0x7d]))],
    ];
    for (const [encoding, what, body] of variants) {
      const res = await send(base, 'POST', '/api/cypher', { ...JSON_TYPE, 'content-encoding': encoding }, body);
      expectRefused(res, `${encoding} ${what}`);
    }
    // A gzip bomb: 50 MB of spaces in 50 kB; the limit applies to what it inflates to.
    const bomb = gzipSync(
      Buffer.concat([Buffer.from('{"query": "RETURN 1", "x": "'), Buffer.alloc(50 * 1024 * 1024, 0x20), Buffer.from('"}')]),
    );
    expect(bomb.length).to.be.below(100_000);
    expectRefused(await send(base, 'POST', '/api/cypher', { ...JSON_TYPE, 'content-encoding': 'gzip' }, bomb), 'gzip bomb', 413);
    expectRefused(await send(base, 'POST', '/api/ingest', { ...JSON_TYPE, 'content-encoding': 'gzip' }, bomb), 'gzip bomb to ingest', 413);
  });

  it('deeply nested JSON in bodies and parameters', async () => {
    const bodies: [string, string][] = [
      ['/api/cypher', `{"query": "RETURN $x", "params": {"x": ${nested(4000)}}}`],
      ['/api/cypher', `{"query": "RETURN $x", "params": {"x": ${nested(4000, 1, (inner) => `{"a": ${inner}}`)}}}`],
      ['/api/cypher', `{"query": "RETURN $x", "params": {"x": ${nested(33)}}}`],
      ['/api/cypher', nested(40_000)],
      ['/api/queries/most-connected', `{"params": ${nested(4000, 1, (inner) => `{"a": ${inner}}`)}}`],
      ['/api/ingest', `{"text": ${nested(4000, 'x')}}`],
      [
        '/api/ingest/accept',
        `{"text": "${'An article. '.repeat(3)}", "facts": {"source": ${nested(4000, 1, (inner) => `{"file": ${inner}}`)}}}`,
      ],
      ['/api/search', nested(4000)],
    ];
    for (const [path, body] of bodies) {
      const res = await send(base, 'POST', path, JSON_TYPE, body);
      const problem = expectRefused(res, `${path} ${body.slice(0, 60)}…`, 400);
      expect(problem.detail, path).to.match(/levels deep/);
    }
    // Just within the limit is fine.
    const ok = await send(base, 'POST', '/api/cypher', JSON_TYPE, `{"query": "RETURN size($x) AS n", "params": {"x": ${nested(30)}}}`);
    expect(ok.status, ok.text.slice(0, 200)).to.equal(200);
  });

  it('month 13 and other impossible dates in saved queries and windows', async () => {
    const dates: [string, string][] = [
      ['from', '2025-13'],
      ['from', '2025-13-01'],
      ['to', '2025-02-30'],
      ['from', '2025-00'],
      ['to', '2023-02-29'],
      ['from', '99999-01'],
    ];
    for (const [param, value] of dates) {
      const res = await send(
        base,
        'POST',
        '/api/queries/meetings-of-person',
        JSON_TYPE,
        JSON.stringify({ params: { person: 'person:alibek-kuantyrov', [param]: value } }),
      );
      const problem = expectRefused(res, `saved query ${param}=${value}`, 400);
      expect(problem.param).to.equal(`params.${param}`);
    }
    for (const path of [
      '/api/meetings?from=2025-13',
      '/api/neighborhood?from=2025-02-30',
      '/api/entities/country:KZ/neighborhood?to=2025-00',
      '/api/paths?from=KZ&to=NG&start=2025-13-01',
    ]) {
      expectRefused(await send(base, 'GET', path), path);
    }
  });

  it('integers beyond 64 bits are refused, not wrapped', async () => {
    const params = [
      { x: { $type: 'integer', value: '9223372036854775808' } },
      { x: { $type: 'integer', value: '-9223372036854775809' } },
      { x: { $type: 'integer', value: '18446744073709551617' } },
      { x: [{ $type: 'integer', value: '1'.repeat(30) }] },
      // Numbers past what a JavaScript number holds exactly (2^64; -(2^53) - 1 rounds to -(2^53)).
      { x: 2 ** 64 },
      { x: { y: -(2 ** 53) } },
    ];
    for (const p of params) {
      const res = await send(base, 'POST', '/api/cypher', JSON_TYPE, JSON.stringify({ query: 'RETURN $x AS x', params: p }));
      expectRefused(res, JSON.stringify(p), 400);
    }
    const exact = await send(
      base,
      'POST',
      '/api/cypher',
      JSON_TYPE,
      JSON.stringify({ query: 'RETURN $x AS x', params: { x: { $type: 'integer', value: '9223372036854775807' } } }),
    );
    expect((JSON.parse(exact.text) as { rows: unknown[][] }).rows[0]![0]).to.deep.equal({ $type: 'integer', value: '9223372036854775807' });
    for (const path of [
      '/api/search?q=a&limit=18446744073709551617',
      '/api/paths?from=KZ&to=NG&maxHops=9223372036854775808',
      '/api/entities/country:KZ/neighborhood?depth=1e309',
      '/api/meetings?limit=-9223372036854775809',
    ]) {
      expectRefused(await send(base, 'GET', path), path, 400);
    }
    const timeout = await send(base, 'POST', '/api/cypher', JSON_TYPE, JSON.stringify({ query: 'RETURN 1', timeoutMs: 2 ** 64 }));
    expectRefused(timeout, 'timeoutMs past 64 bits', 400);
  });

  it('overlong and hostile file names', async () => {
    const article = ' date 2025-06-01 ASTANA, June 1. Minister Alibek Kuantyrov met Minister Ola Ade.';
    for (const fileName of [
      'x'.repeat(82),
      'x'.repeat(300),
      'x'.repeat(5000),
      'x'.repeat(150_000),
      '../../seeds/facts/000_x',
      'A_Capital',
      '.hidden',
      'a/b',
      'name.txt',
      '',
    ]) {
      const res = await send(base, 'POST', '/api/ingest', JSON_TYPE, JSON.stringify({ text: article, fileName }));
      expect(
        expectRefused(res, `fileName ${fileName.slice(0, 30)} (${fileName.length})`, fileName.length > 190_000 ? 413 : 400).param,
        fileName.slice(0, 30),
      ).to.be.oneOf(['fileName', 'body', undefined]);
    }
    const facts = (file: string) => ({
      source: { file, title: 'Draft: a test', published: '2025-06-01' },
      people: [{ id: 'person:ola-ade-test', name: 'Ola Ade', quote: 'Minister Ola Ade' }],
    });
    for (const file of [
      `${'x'.repeat(121)}.txt`,
      `${'x'.repeat(5000)}.txt`,
      `${'x'.repeat(60_000)}.txt`,
      '../x.txt',
      'x/../../y.txt',
      'C:\\x.txt',
      'x.yaml',
      '',
    ]) {
      const res = await send(base, 'POST', '/api/ingest/accept', JSON_TYPE, JSON.stringify({ facts: facts(file), text: article }));
      expectRefused(res, `source.file ${file.slice(0, 30)} (${file.length})`);
    }
    // A long but well-formed name is shortened by the server, not stored as sent.
    const long = await send(
      base,
      'POST',
      '/api/ingest/accept',
      JSON_TYPE,
      JSON.stringify({ facts: facts(`${'x'.repeat(116)}.txt`), text: article }),
    );
    expect(long.status, long.text.slice(0, 300)).to.equal(200);
    const { source } = JSON.parse(long.text) as { source: string };
    expect(source).to.match(/^\d{3}_x{60}\.txt$/);
    const { driver } = await seededGraph();
    await driver.executeQuery("MATCH (n) WHERE n.id IN ['person:ola-ade-test', $source] DETACH DELETE n", {
      source: `source:${source.replace(/\.txt$/, '')}`,
    });
  });

  it('deeply nested HTML', async () => {
    const variants = [
      `<html><body>${'<div>'.repeat(5000)}Minister Abc Def met Minister Ghi Jkl.`,
      `<div>${'<span><b><i>'.repeat(1000)}x`,
      `<div>${'<table><tr><td>'.repeat(1000)}x`,
      `<article>${'<ul><li>'.repeat(2000)}x`,
      `<p>${'<p><span>'.repeat(3000)}x`,
      `<html><body>${'<div>'.repeat(201)}x${'</div>'.repeat(201)}</body></html>`,
    ];
    for (const html of variants) {
      const res = await send(base, 'POST', '/api/ingest', JSON_TYPE, JSON.stringify({ text: html }));
      const problem = expectRefused(res, `${html.slice(0, 40)}… (${html.length})`, 400);
      expect(problem.param).to.equal('text');
      expect(problem.detail).to.match(/nests elements more than 200 deep/);
    }
    // Realistic nesting drafts.
    const ok = await send(
      base,
      'POST',
      '/api/ingest',
      JSON_TYPE,
      JSON.stringify({
        text: `<html><body>${'<div>'.repeat(40)}<p>ASTANA, June 1. Minister Alibek Kuantyrov met Minister Ola Ade.</p>${'</div>'.repeat(40)}</body></html>`,
      }),
    );
    expect(ok.status, ok.text.slice(0, 300)).to.equal(200);
  });

  it('articles the drafter cannot draft: a 422 with the reason, never a 5xx', async () => {
    const names = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `Minister ${String.fromCharCode(66 + (i % 20))}arov${i.toString(36)} ${String.fromCharCode(67 + (i % 19))}enko`,
      );
    const variants = [
      `The talks were attended by ${names(60).join(', ')}.`,
      ` date 2025-06-01 The meeting was attended by ${names(80).join(' and ')}.`,
      ` date 2025-06-01 ${names(200)
        .map((n) => `${n} held talks with ${n}.`)
        .join(' ')}`,
      ' date 2025-13-45 ASTANA, June 1. Minister Alibek Kuantyrov met Minister Ola Ade yesterday.',
      `${'A. '.repeat(5000)}`,
      `${'\u200b'.repeat(1000)}Minister Alibek Kuantyrov met Minister Ola Ade on Monday.`,
    ];
    for (const text of variants) {
      const res = await send(base, 'POST', '/api/ingest', JSON_TYPE, JSON.stringify({ text, published: '2025-06-04' }));
      const what = `${text.slice(0, 50)}… (${text.length})`;
      expect(res.status, `${what}: ${res.text.slice(0, 300)}`).to.be.below(500);
      if (res.status !== 200) {
        const problem = expectRefused(res, what);
        if (res.status === 422) expect(problem.detail, what).to.match(/drafter|Drafting/);
      }
    }
    // The drafting thread is still there for the next article.
    const next = await send(
      base,
      'POST',
      '/api/ingest',
      JSON_TYPE,
      JSON.stringify({ text: ' date 2025-06-01 ASTANA, June 1. Minister Alibek Kuantyrov met Minister Ola Ade.' }),
    );
    expect(next.status).to.equal(200);
  });

  it('public health names no internal host, port or driver text; the API key shows them', async () => {
    const key = 'health-key-0123456789abcdef';
    const dead = createDriver({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: '' }, API_DRIVER);
    const app = await startApp({
      ...appDeps({ driver: dead, target: { uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: '' } }, { audit: () => {} }),
      apiKey: key,
    });
    try {
      const open = await send(app.base, 'GET', '/api/health');
      expect(open.status).to.equal(503);
      expect(open.text).to.not.match(/127\.0\.0\.1|:9\b|bolt:|ECONNREFUSED|Neo4jError|ServiceUnavailable|Failed to connect|Could not/i);
      const detailed = await send(app.base, 'GET', '/api/health', { authorization: `Bearer ${key}` });
      expect(detailed.status).to.equal(503);
      expect(detailed.text, detailed.text).to.match(/ECONNREFUSED|Failed to connect|Could not/i);
      const wrongKey = await send(app.base, 'GET', '/api/health', { 'x-api-key': 'not-the-key-at-all' });
      expect(wrongKey.text).to.not.match(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await app.close();
      await dead.close();
    }
    const up = JSON.parse((await send(base, 'GET', '/api/health')).text) as { neo4j: Record<string, unknown> };
    expect(Object.keys(up.neo4j).sort()).to.deep.equal(['connected', 'edition', 'version']);
  });

  it('console errors carry no Java class names, paths or stack frames', async () => {
    const queries = [
      "RETURN apoc.convert.fromJsonMap('{not json')",
      "RETURN apoc.text.regexGroups('abc', '(')",
      "RETURN 'abc' =~ '('",
      "RETURN date('2025-13-01')",
      'RETURN toInteger(1e400)',
      "RETURN apoc.util.validatePredicate(true, 'x %s', [1])",
    ];
    for (const query of queries) {
      const res = await send(base, 'POST', '/api/cypher', JSON_TYPE, JSON.stringify({ query }));
      const what = `${query} → ${res.status} ${res.text.slice(0, 300)}`;
      expect(res.status, what).to.be.below(500);
      if (res.status >= 400) {
        const problem = expectRefused(res, query);
        expect(String(problem.detail), what).to.not.match(/\b(java|javax|org|com|io|sun|scala)\.[a-z]+\.[A-Za-z.]+|\.java:\d+|Exception:/);
      }
    }
  });

  it('a full connection pool is 503 Service busy with Retry-After, not 500', async () => {
    // Static imports: a dynamic import of the test database's module can load a second copy of it, which
    // would try to start a second Neo4j on the same files.
    const { uri } = await testDatabase();
    // One connection, half a second to get it, and a transaction that holds it.
    const small = createDriver(
      { uri, user: 'neo4j', password: '' },
      { maxConnectionPoolSize: 1, connectionAcquisitionTimeout: 500, maxTransactionRetryTime: 0 },
    );
    const holder = small.session();
    const held = holder.beginTransaction();
    await held.run('RETURN 1');
    const app = await startApp({ ...appDeps({ driver: small, target: { uri, user: 'neo4j', password: '' } }, { audit: () => {} }) });
    try {
      for (const path of [
        '/api/search?q=Kuantyrov',
        '/api/entities/person:alibek-kuantyrov',
        '/api/meetings?person=person:alibek-kuantyrov',
      ]) {
        const res = await send(app.base, 'GET', path);
        expect(res.status, `${path}: ${res.text.slice(0, 200)}`).to.equal(503);
        expect(res.type).to.contain('application/problem+json');
        expect(LEAK.test(res.text), res.text).to.equal(false);
        expect((JSON.parse(res.text) as { title: string }).title).to.equal('Service busy');
        expect(Number(res.headers['retry-after'])).to.be.within(1, 60);
        expect(res.text).to.not.match(/Pool status|conn count|acquisition/);
      }
    } finally {
      await held.rollback();
      await holder.close();
      await app.close();
      await small.close();
    }
  });

  it('serves no source maps', async () => {
    const index = (await send(base, 'GET', '/')).text;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script, 'the built client has a script').to.be.a('string');
    const js = await send(base, 'GET', script!);
    expect(js.status).to.equal(200);
    expect(js.text).to.not.match(/sourceMappingURL/);
    for (const path of [`${script}.map`, '/assets/index.js.map', '/x.map', '/assets/../assets/main.js.map']) {
      expect((await send(base, 'GET', path)).status, path).to.equal(404);
    }
  });
});
