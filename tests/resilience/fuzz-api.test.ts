// Property-based fuzzing of the HTTP API from its own OpenAPI description (fast-check), in bounded time:
// every operation, every parameter, valid-looking and hostile values, random JSON bodies, and the
// classes of bad input that once gave 5xx: other charsets, content encodings and corrupt compressed
// bodies, JSON nested thousands deep, integers past 64 bits, impossible dates, overlong names, deeply
// nested HTML. The property: never a 5xx, errors are problem+json with a matching status, no stack
// trace or internals in any body.
import { expect } from 'chai';
import fc from 'fast-check';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { seededApp } from '../support/app.ts';
import { LEAK, operations, urlFor, type JsonSchema, type Operation } from '../support/openapi-ops.ts';

const FUZZ_MS = Number(process.env.FUZZ_SECONDS ?? 45) * 1000;

const hostile = fc.constantFrom(
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`',
  '\\',
  '$id',
  '*/ MATCH (n) DELETE n /*',
  '${a}',
  '{{x}}',
  'AND OR NOT',
  '~*?:',
  '/regex/',
  '[1 TO 5]',
  '%00',
  '\u0000',
  '\ud800',
  '🇰🇿',
  'ǅ',
  'NaN',
  '1e309',
  '-0',
  '0x10',
  ' ',
  '',
  'person:',
  'country:',
  'country:ZZ',
  '..',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'a'.repeat(301),
  '9'.repeat(40),
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551617',
  '1e309',
  '2025-13',
  '2025-13-01',
  '2025-02-30',
  '2023-02-29',
  '0000-00-00',
  'x'.repeat(5000),
  `<html><body>${'<div>'.repeat(300)}x`,
  `000_${'x'.repeat(200)}`,
);

/** JSON nested `depth` levels, as text (JSON.stringify would recurse). */
const nestedText = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}1${close.repeat(depth)}`;
const deepJson = fc.integer({ min: 33, max: 6000 }).chain((depth) => fc.constantFrom(nestedText(depth), nestedText(depth, '{"a":', '}')));

/** How the body travels: charset label and content encoding (some refused, some corrupt). */
const transport = fc.record({
  charset: fc.constantFrom(undefined, undefined, undefined, 'utf-8', 'latin1', 'utf-16le', 'utf-7', 'x-nope', ''),
  encoding: fc.constantFrom(undefined, undefined, undefined, undefined, 'gzip', 'deflate', 'br', 'gzip-truncated', 'compress', 'x-evil'),
});

function encode(body: string, encoding: string | undefined): { body: string | Uint8Array; header?: string } {
  switch (encoding) {
    case undefined:
      return { body };
    case 'gzip':
      return { body: gzipSync(body), header: 'gzip' };
    case 'deflate':
      return { body: deflateSync(body), header: 'deflate' };
    case 'br':
      return { body: brotliCompressSync(body), header: 'br' };
    case 'gzip-truncated':
      return { body: gzipSync(body).subarray(0, 12), header: 'gzip' };
    default:
      return { body, header: encoding };
  }
}

function valueFor(schema: JsonSchema): fc.Arbitrary<string> {
  const plausible: fc.Arbitrary<string>[] = [fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })];
  if (schema.enum) plausible.push(fc.constantFrom(...schema.enum.map(String)));
  if (schema.type === 'integer' || schema.type === 'number')
    plausible.push(fc.integer({ min: -1000, max: 100_000 }).map(String), fc.double().map(String));
  if (schema.pattern?.includes('\\d{4}'))
    plausible.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, fc.sample(fc.constantFrom(4, 7, 10), 1)[0])));
  if (schema.example !== undefined) plausible.push(fc.constant(String(schema.example)));
  plausible.push(fc.constantFrom('person:alibek-kuantyrov', 'KZ', 'NG', 'country:KZ', 'Kuantyrov', 'event:kz-ng-talks-2025-02-07'));
  return fc.oneof(...plausible, hostile);
}

function bodyFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const shaped = schema?.properties
    ? fc.record(
        Object.fromEntries(
          Object.entries(schema.properties).map(([key, property]) => [
            key,
            property.type === 'object'
              ? fc.dictionary(
                  fc.string({ maxLength: 12 }),
                  fc.oneof(
                    fc.jsonValue({ maxDepth: 2 }),
                    fc.record({
                      $type: fc.constantFrom('date', 'datetime', 'integer', 'bogus'),
                      value: fc.oneof(fc.string(), fc.integer()),
                    }),
                  ),
                )
              : property.type === 'integer'
                ? fc.oneof(fc.integer(), fc.double(), fc.string())
                : fc.oneof(
                    valueFor(property),
                    fc.constantFrom(
                      'MATCH (n) RETURN n LIMIT 3',
                      'RETURN 1',
                      'CREATE (n) RETURN n',
                      'MATCH (n) DETACH DELETE n',
                      'CALL dbms.components()',
                      'UNWIND range(1, 100000000) AS x RETURN x',
                    ),
                  ),
          ]),
        ),
        { requiredKeys: [] },
      )
    : fc.constant(undefined);
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
}

function requestFor(op: Operation) {
  const values = fc.record(Object.fromEntries(op.params.map((p) => [p.name, fc.option(valueFor(p.schema), { nil: undefined, freq: 4 })])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, string | undefined>>;
  const rawBody = fc.option(
    fc.oneof(
      fc.constantFrom('{', '{"query":', 'null', '[]', '"x"', '\u0000'),
      deepJson,
      deepJson.map((deep) => `{"query": "RETURN $x", "params": {"x": ${deep}}}`),
      deepJson.map((deep) => `{"text": "An article of twenty characters.", "facts": {"source": ${deep}}}`),
      fc.constantFrom(
        '{"query": "RETURN $x", "params": {"x": {"$type": "integer", "value": "99999999999999999999"}}}',
        '{"query": "RETURN $x", "params": {"x": 18446744073709551616}}',
        '{"params": {"person": "person:alibek-kuantyrov", "from": "2025-13"}}',
        `{"text": "${'Minister Abc Def met Minister Ghi Jkl. '.repeat(600)}"}`,
        `{"text": "<html><body>${'<div>'.repeat(400)}Minister Abc Def met Minister Ghi Jkl."}`,
        `{"text": "An article of twenty characters and more.", "fileName": "${'x'.repeat(3000)}"}`,
      ),
    ),
    { freq: 6 },
  );
  return fc.record({ values, body: op.method === 'post' ? bodyFor(op.body) : fc.constant(undefined), rawBody, transport });
}

describe('resilience: fuzzing the API from its OpenAPI description', function () {
  this.timeout(FUZZ_MS + 180_000);
  let base: string;
  before(async () => {
    ({ base } = await seededApp());
  });

  it(`answers every generated request without a 5xx or a leak (${FUZZ_MS / 1000} s budget)`, async () => {
    const ops = operations();
    expect(ops.length).to.be.at.least(12);
    const statuses = new Map<number, number>();
    const perOperation = new Map<string, number>();
    let requests = 0;
    const started = Date.now();
    const property = fc.asyncProperty(
      fc.constantFrom(...ops).chain((op) => requestFor(op).map((req) => ({ op, ...req }))),
      async ({ op, values, body, rawBody, transport }) => {
        const url = base + urlFor(op, values);
        const sent = encode(rawBody ?? JSON.stringify(body ?? {}), transport.encoding);
        const headers: Record<string, string> = {
          'content-type': `application/json${transport.charset === undefined ? '' : `; charset=${transport.charset}`}`,
          ...(sent.header ? { 'content-encoding': sent.header } : {}),
        };
        const init: RequestInit = op.method === 'post' ? { method: 'POST', headers, body: sent.body as BodyInit } : {};
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(70_000) });
        const text = await res.text();
        requests += 1;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        perOperation.set(`${op.method.toUpperCase()} ${op.path}`, (perOperation.get(`${op.method.toUpperCase()} ${op.path}`) ?? 0) + 1);
        const what = `${op.method.toUpperCase()} ${url}${init.body ? ` ${JSON.stringify(transport)} body ${String(rawBody ?? JSON.stringify(body ?? {})).slice(0, 300)}` : ''} → ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, what).to.be.below(500);
        expect(LEAK.test(text), `internals leaked: ${what}`).to.equal(false);
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), what).to.contain('application/problem+json');
          const problem = JSON.parse(text) as { status: number; title: string; detail: string; type: string };
          expect(problem.status, what).to.equal(res.status);
          expect(problem.type, what).to.match(/^\/api\/problems\//);
          expect(problem.detail, what).to.be.a('string');
        }
      },
    );
    await fc.assert(property, {
      numRuns: 1_000_000,
      interruptAfterTimeLimit: FUZZ_MS,
      markInterruptAsFailure: false,
      seed: Number(process.env.FUZZ_SEED ?? 7),
      endOnFailure: true,
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `      ${requests} requests in ${seconds.toFixed(0)} s over ${perOperation.size} operations; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    expect(requests).to.be.at.least(100);
    expect(perOperation.size).to.equal(ops.length);
  });
});
