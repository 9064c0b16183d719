// Injection: every parameter of every endpoint (from the OpenAPI description) receives Cypher-, Lucene-
// and path-breaking strings while the other parameters hold valid values. Nothing may answer 5xx, leak
// internals, or change the database: a checksum of every node and relationship property is compared.
import { expect } from 'chai';
import { graphChecksum } from '../../graph/checksum.ts';
import { seededApp } from '../support/app.ts';
import { LEAK, operations, urlFor } from '../support/openapi-ops.ts';
import { seededGraph } from '../support/seeded.ts';

const PAYLOADS = [
  "' OR 1=1 //",
  "x' }) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  '`) DETACH DELETE n //',
  '*/ MATCH (n) SET n.pwned = true /*',
  '\\u0027) CREATE (:Pwned) //',
  "person:x' RETURN 1 UNION MATCH (n) DETACH DELETE n //",
  '$query',
  'CALL dbms.killQueries([]) YIELD queryId RETURN queryId',
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
  '+title:* -name:(a OR b) AND /.*/ ~ [a TO z] {0 TO 9}',
  '\\',
  '%27%20OR%201=1',
  '../../../../etc/passwd',
  '\u0000',
];

const VALID: Record<string, string> = {
  q: 'Kuantyrov',
  id: 'person:alibek-kuantyrov',
  person: 'person:alibek-kuantyrov',
  from: 'person:adeniyi-adesoji',
  to: 'person:heineken-lokpobiri',
  a: 'KZ',
  b: 'NG',
  name: 'meetings-of-person',
};

describe('injection: hostile strings in every parameter change nothing', () => {
  it('answers < 500 without leaks, and the graph checksum is unchanged', async () => {
    const { driver } = await seededGraph();
    const { base } = await seededApp();
    const before = await graphChecksum(driver);
    let requests = 0;
    const statuses = new Set<number>();
    for (const op of operations()) {
      const params = op.params.map((p) => p.name);
      const bodyFields = op.method === 'post' ? ['body:query', 'body:params'] : [];
      for (const target of [...params, ...bodyFields]) {
        for (const payload of PAYLOADS) {
          const values: Record<string, string> = {};
          for (const p of op.params)
            if (p.in === 'path' || p.name in VALID)
              values[p.name] = (p.name === 'from' || p.name === 'to') && op.path.includes('meetings') ? '2025' : (VALID[p.name] ?? 'x');
          if (!target.startsWith('body:')) values[target] = payload;
          const body =
            target === 'body:query'
              ? { query: payload }
              : target === 'body:params'
                ? { query: 'MATCH (p:Person {id: $id}) RETURN p.name', params: { id: payload, person: payload } }
                : { params: { person: payload } };
          const url = base + urlFor(op, values);
          const res = await fetch(
            url,
            op.method === 'post' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {},
          );
          const text = await res.text();
          requests += 1;
          statuses.add(res.status);
          const what = `${op.method.toUpperCase()} ${op.path} ${target}=${JSON.stringify(payload)} → ${res.status} ${text.slice(0, 200)}`;
          expect(res.status, what).to.be.below(500);
          expect(LEAK.test(text), what).to.equal(false);
        }
      }
    }
    const after = await graphChecksum(driver);
    expect(requests).to.be.greaterThan(300);
    expect([...statuses].sort()).to.include.members([200, 400]);
    expect(after).to.deep.equal(before);
    const pwned = await driver.executeQuery('MATCH (n) WHERE n:Pwned OR n.pwned IS NOT NULL RETURN count(n) AS c');
    expect(pwned.records[0]!.get('c').toNumber()).to.equal(0);
  });
});
