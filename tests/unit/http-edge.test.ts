// The HTTP edge without a database: how refused requests map to problems, the body depth limit,
// calendar periods, 64-bit integers, the rotated audit log and what public health hides.
import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createError from 'http-errors';
import { jsonLinesLog } from '../../server/audit.ts';
import { Busy, NeedsDecision, Unprocessable } from '../../domain/errors.ts';
import { jsonDepth } from '../../server/http/json-body.ts';
import { problemFor, scrubDetail } from '../../server/http/problem.ts';
import { cypherBody } from '../../server/contracts/requests.ts';
import { parseInput } from '../../server/http/validate.ts';
import { publicHealth, unavailableReason } from '../../server/services/health.ts';
import { bindSavedParams, parseSavedQuery } from '../../server/services/saved-queries.ts';
import { isPeriod } from '../../domain/period.ts';
import { factFileSchema } from '../../domain/fact-schema.ts';

describe('HTTP edge (no database)', () => {
  it('answers what body-parser refuses with 4xx problems, never the library’s words', () => {
    const cases: [Error, number][] = [
      [createError(415, 'unsupported charset "LATIN1"', { type: 'charset.unsupported' }), 415],
      [createError(415, 'unsupported content encoding "x-evil"', { type: 'encoding.unsupported' }), 415],
      [createError(400, Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR', errno: -3 })), 400],
      [createError(400, 'request size did not match content length', { type: 'request.size.invalid' }), 400],
      [createError(400, 'request aborted', { type: 'request.aborted' }), 400],
      [createError(413, 'request entity too large', { type: 'entity.too.large' }), 413],
      [createError(400, 'Unexpected token', { type: 'entity.parse.failed' }), 400],
    ];
    for (const [error, status] of cases) {
      const { problem } = problemFor(error);
      expect(problem.status, error.message).to.equal(status);
      expect(problem.detail, error.message).to.not.contain(error.message);
      expect(problem.type).to.match(/^\/api\/problems\//);
    }
  });

  it('maps a full pool and a full queue to 503 with Retry-After, drafting failures to 422, undecided changes to 409', () => {
    const pool = problemFor(
      new Error('Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 50, Idle conn count = 0.'),
    );
    expect(pool.problem).to.deep.include({ status: 503, title: 'Service busy' });
    expect(pool.headers['Retry-After']).to.equal('2');
    expect(pool.problem.detail).to.not.match(/Pool status|conn count/);
    expect(problemFor(new Busy('queue full', 9)).headers).to.deep.equal({ 'Retry-After': '9' });
    expect(problemFor(new Unprocessable('too slow')).problem).to.deep.include({ status: 422, title: 'Unprocessable content' });
    const change = { id: 'org:kz-mfa', label: 'Organization', property: 'kind', current: 'ministry', proposed: 'company' };
    const conflict = problemFor(new NeedsDecision('decide', [change])).problem;
    expect(conflict).to.deep.include({ status: 409, changes: [change] });
  });

  it('scrubs paths, Java and driver class names and stack frames from details that pass through', () => {
    const text = 'Failed: Caused by: com.fasterxml.jackson.core.JsonParseException: bad token\n    at Foo.bar (/srv/app/server/x.ts:12:3)';
    expect(scrubDetail(text)).to.equal('Failed: Caused by: …: bad token');
    expect(scrubDetail('cannot read /work/app/seeds/facts/005_x.yaml now')).to.equal('cannot read … now');
    expect(scrubDetail('java.lang.OutOfMemoryError in org.neo4j.kernel.Foo')).to.equal('… in …');
    expect(scrubDetail('No API endpoint GET /api/no-such-thing')).to.equal('No API endpoint GET /api/no-such-thing');
    expect(scrubDetail('at most 2.5 times, e.g. 1.5')).to.equal('at most 2.5 times, e.g. 1.5');
  });

  it('measures JSON depth without recursion, even 100,000 levels deep', () => {
    expect(jsonDepth(3)).to.equal(0);
    expect(jsonDepth({ a: [1, { b: [] }] })).to.equal(4);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep)).to.equal(100_001);
    expect(jsonDepth(deep, 32)).to.equal(33);
  });

  it('accepts only calendar periods, everywhere a period enters', () => {
    for (const ok of ['2025', '2025-02', '2025-02-28', '2024-02-29']) expect(isPeriod(ok), ok).to.equal(true);
    for (const bad of ['2025-13', '2025-00', '2025-02-30', '2023-02-29', '2025-1', '25', '2025-02-07T00', '２０２５'])
      expect(isPeriod(bad), bad).to.equal(false);
    const query = parseSavedQuery('q', '// @param from date-start optional — from\n// @param to date-end optional — to\nRETURN 1');
    for (const month of ['2025-13', '2025-13-01', '2025-02-31', '2025-00']) {
      expect(() => bindSavedParams(query, { from: month }), month).to.throw(/params\.from: a date YYYY-MM-DD/);
    }
    const file = {
      source: { file: 'x.txt', title: 'A title', published: '2025-13-01' },
      events: [
        {
          id: 'event:x',
          kind: 'talks',
          title: 'Talks',
          status: 'held',
          date: { value: '2025-13', quote: 'the talks' },
          quote: 'the talks',
        },
      ],
    };
    const parsed = factFileSchema.safeParse(file);
    expect(parsed.success).to.equal(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).to.deep.equal(['source.published', 'events.0.date.value']);
  });

  it('refuses console integers that would not reach Cypher exactly', () => {
    const body = (params: Record<string, unknown>) => ({ query: 'RETURN $x', params });
    const refused = [
      { x: { $type: 'integer', value: '9223372036854775808' } },
      { x: { $type: 'integer', value: '-9223372036854775809' } },
      { x: { $type: 'integer', value: '1'.repeat(40) } },
      { x: { $type: 'integer', value: '12abc' } },
      { x: [{ nested: { $type: 'integer', value: '99999999999999999999' } }] },
      { x: 2 ** 60 },
      { x: { list: [1e20] } },
      { x: 1.5e300 },
    ];
    for (const params of refused) expect(() => parseInput(cypherBody, body(params)), JSON.stringify(params)).to.throw(/params/);
    for (const params of [
      { x: { $type: 'integer', value: '9223372036854775807' } },
      { x: { $type: 'integer', value: '-9223372036854775808' } },
      { x: 2 ** 53 - 1 },
      { x: 1.5 },
      { x: -0.25 },
    ]) {
      expect(parseInput(cypherBody, body(params)).params, JSON.stringify(params)).to.deep.equal(params);
    }
  });

  it('rotates the audit log by size and keeps a bounded number of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-audit-'));
    try {
      const path = join(dir, 'access.jsonl');
      const write = jsonLinesLog<{ n: number; pad: string }>(path, { maxBytes: 1000, files: 3 });
      for (let n = 0; n < 500; n++) write({ n, pad: 'x'.repeat(80) });
      expect(readdirSync(dir).sort()).to.deep.equal(['access.jsonl', 'access.jsonl.1', 'access.jsonl.2']);
      for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).size, file).to.be.at.most(1000);
      const last = readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { n: number });
      expect(last.at(-1)!.n).to.equal(499);
      // Reopening continues the same file and its size.
      const again = jsonLinesLog<{ n: number }>(path, { maxBytes: 1000, files: 3 });
      again({ n: 500 });
      expect(readFileSync(path, 'utf8').trim().split('\n').at(-1)).to.equal('{"n":500}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the driver’s and start-up’s error texts out of public health', () => {
    const report = {
      status: 'unavailable' as const,
      neo4j: { connected: false, error: 'Could not connect to bolt://10.0.0.7:7687: connect ECONNREFUSED 10.0.0.7:7687' },
      startup: { state: 'failed' as const, error: 'ENOENT: /srv/app/seeds/facts/000.yaml' },
    };
    const open = publicHealth(report);
    expect(JSON.stringify(open)).to.not.match(/10\.0\.0\.7|7687|ECONNREFUSED|srv/);
    expect(unavailableReason(open, false)).to.equal('The graph database cannot be reached.');
    expect(unavailableReason(report, true)).to.contain('10.0.0.7:7687');
  });
});
