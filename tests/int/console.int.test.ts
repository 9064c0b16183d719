import { expect } from 'chai';
import { graphChecksum } from '../../graph/checksum.ts';
import { QueryRefused } from '../../domain/errors.ts';
import { consoleDatabase } from '../../graph/console.ts';
import { testDatabase } from '../support/database.ts';
import type { ConsoleAnswer } from '../../server/services/console.ts';
import type { SavedQuery } from '../../server/services/saved-queries.ts';
import { auditEntries, getJson, postJson } from '../support/app.ts';
import { rows, seededGraph } from '../support/seeded.ts';

interface ProblemBody {
  status: number;
  title: string;
  detail: string;
  param?: string;
  position?: { line: number; column: number; offset: number };
}

const run = (query: string, extra: Record<string, unknown> = {}) =>
  postJson<ConsoleAnswer & ProblemBody>('/api/cypher', { query, ...extra });
const saved = (name: string, params: Record<string, string | number>) =>
  postJson<ConsoleAnswer & ProblemBody>(`/api/queries/${name}`, { params });
const column = (answer: ConsoleAnswer, name: string) => answer.rows.map((row) => row[answer.columns.indexOf(name)]);

describe('analyst console (real Neo4j)', () => {
  describe('read-only by construction', () => {
    const writes: [string, string][] = [
      ['CREATE', 'CREATE (n:Person {id: "person:intruder"}) RETURN n'],
      ['MERGE', 'MERGE (n:Person {id: "person:intruder"}) RETURN n'],
      ['SET', 'MATCH (n:Person) SET n.name = "x" RETURN count(n)'],
      ['DELETE', 'MATCH (n:Figure) DETACH DELETE n'],
      ['REMOVE', 'MATCH (n:Person) REMOVE n.name RETURN count(n)'],
      ['FOREACH', 'MATCH (n:Person) WITH collect(n) AS ns FOREACH (x IN ns | SET x.hacked = true)'],
      ['CALL subquery write', 'MATCH (n:Person) CALL (n) { SET n.hacked = true } RETURN count(*)'],
      ['IN TRANSACTIONS', 'MATCH (n:Person) CALL (n) { SET n.hacked = true } IN TRANSACTIONS OF 10 ROWS'],
      ['IN TRANSACTIONS (read)', 'MATCH (n:Person) CALL (n) { RETURN n.name AS x } IN TRANSACTIONS RETURN x'],
      ['apoc.create', 'CALL apoc.create.node(["Intruder"], {}) YIELD node RETURN node'],
      ['apoc.periodic', 'CALL apoc.periodic.iterate("MATCH (n) RETURN n", "SET n.x = 1", {})'],
      ['apoc.cypher function', 'RETURN apoc.cypher.runFirstColumnSingle("MATCH (n) RETURN count(n)", {}) AS x'],
      ['LOAD CSV', 'LOAD CSV FROM "file:///etc/passwd" AS line RETURN line'],
      ['CREATE INDEX', 'CREATE INDEX intruder IF NOT EXISTS FOR (n:Person) ON (n.hacked)'],
      ['DROP CONSTRAINT', 'DROP CONSTRAINT person_id'],
      ['CREATE DATABASE', 'CREATE DATABASE intruder'],
      ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS'],
      ['TERMINATE', 'TERMINATE TRANSACTIONS "neo4j-transaction-1"'],
      ['dbms.*', 'CALL dbms.components()'],
      ['procedure not listed', 'CALL db.createLabel("Intruder")'],
    ];
    for (const [name, query] of writes) {
      it(`refuses ${name} with 403 and leaves the graph unchanged`, async () => {
        const { driver } = await seededGraph();
        const before = await graphChecksum(driver);
        const res = await run(query);
        expect(res.status, JSON.stringify(res.body)).to.equal(403);
        expect(res.type).to.match(/^application\/problem\+json/);
        expect(res.body.detail).to.match(/^Refused: /);
        expect(await graphChecksum(driver)).to.deep.equal(before);
        expect(auditEntries.at(-1)).to.deep.include({ query, outcome: 'refused' });
      });
    }

    it('the READ transaction is a second wall: a write that got past the guard is still refused', async () => {
      const { driver } = await seededGraph();
      const before = await graphChecksum(driver);
      const connection = consoleDatabase((await testDatabase()).target).connect();
      const error = await connection
        .stream('CREATE (n:Intruder) RETURN n', {}, { timeoutMs: 5000, fetchSize: 10 })
        .then(async (stream) => {
          for await (const _row of stream.rows) return null;
          return null;
        })
        .catch((e: unknown) => e)
        .finally(() => connection.close());
      expect(error).to.be.instanceOf(QueryRefused);
      expect(await graphChecksum(driver)).to.deep.equal(before);
    });

    it('allows schema introspection', async () => {
      const res = await run('CALL db.labels() YIELD label RETURN label ORDER BY label');
      expect(res.status).to.equal(200);
      expect(column(res.body, 'label')).to.include.members(['Person', 'Event', 'Country']);
      expect((await run('SHOW INDEXES YIELD name RETURN name')).status).to.equal(200);
    });
  });

  describe('limits', () => {
    it('cancels a slow query at the time limit on the server (408), and it is really gone', async () => {
      const { driver } = await seededGraph();
      const slow = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7919 = 3 RETURN count(*) AS n';
      const started = Date.now();
      const res = await run(slow, { timeoutMs: 1000 });
      expect(res.status).to.equal(408);
      expect(res.body.title).to.equal('Query timed out');
      expect(Date.now() - started).to.be.lessThan(20_000);
      await new Promise((r) => setTimeout(r, 500));
      const running = await rows(driver, 'SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery');
      expect(running.map((r) => r.currentQuery).filter((q) => String(q).includes('x % 7919'))).to.deep.equal([]);
      expect(auditEntries.at(-1)).to.deep.include({ outcome: 'timeout' });
    });

    it('caps rows while streaming and says so', async () => {
      const res = await run('UNWIND range(1, 50000) AS x RETURN x', { maxRows: 25 });
      expect(res.status).to.equal(200);
      expect(res.body.rows).to.have.length(25);
      expect(res.body.summary).to.deep.include({ truncated: true, rows: 25 });
      const all = await run('UNWIND range(1, 20) AS x RETURN x', { maxRows: 25 });
      expect(all.body.summary.truncated).to.equal(false);
    });

    it('refuses limits above the ceilings, naming them', async () => {
      expect((await run('RETURN 1', { maxRows: 10_001 })).body).to.deep.include({ status: 400, param: 'maxRows' });
      expect((await run('RETURN 1', { timeoutMs: 60_001 })).body).to.deep.include({ status: 400, param: 'timeoutMs' });
    });
  });

  describe('results', () => {
    it('converts every Neo4j type losslessly', async () => {
      const res = await run(
        `RETURN 9007199254740993 AS big, 42 AS small, 1.5 AS float, 0.0 / 0.0 AS nan, date('2025-02-01') AS d,
                datetime('2025-01-14T10:30:00+04:00') AS dt, localdatetime('2025-01-14T10:30:00') AS ldt,
                time('10:30:00+01:00') AS t, localtime('10:30') AS lt, duration('P1M2DT3.5S') AS du,
                point({x: 1.5, y: 2}) AS p2, point({longitude: 71.4, latitude: 51.1}) AS geo, [1, 'a', null] AS list, {k: 1} AS map`,
      );
      expect(res.status).to.equal(200);
      const row = Object.fromEntries(res.body.columns.map((c, i) => [c, res.body.rows[0]![i]]));
      expect(row.big).to.deep.equal({ $type: 'integer', value: '9007199254740993' });
      expect(row.small).to.equal(42);
      expect(row.float).to.equal(1.5);
      expect(row.nan).to.deep.equal({ $type: 'float', value: 'NaN' });
      expect(row.d).to.deep.equal({ $type: 'date', value: '2025-02-01' });
      expect(row.dt).to.deep.equal({ $type: 'datetime', value: '2025-01-14T10:30:00+04:00' });
      expect(row.ldt).to.deep.equal({ $type: 'localdatetime', value: '2025-01-14T10:30:00' });
      expect(row.t).to.deep.equal({ $type: 'time', value: '10:30:00+01:00' });
      expect(row.lt).to.deep.equal({ $type: 'localtime', value: '10:30:00' });
      expect(row.du).to.deep.include({ $type: 'duration', months: 1, days: 2, seconds: 3, nanoseconds: 500000000 });
      expect(row.p2).to.deep.equal({ $type: 'point', srid: 7203, x: 1.5, y: 2 });
      expect(row.geo).to.deep.equal({ $type: 'point', srid: 4326, x: 71.4, y: 51.1 });
      expect(row.list).to.deep.equal([1, 'a', null]);
      expect(row.map).to.deep.equal({ k: 1 });
    });

    it('returns nodes, relationships and paths also as a Cytoscape graph', async () => {
      const res = await run("MATCH p = (:Person {id: 'person:murat-nurtleu'})-[:MET]-(:Person) RETURN p");
      expect(res.body.rows[0]![0]).to.deep.include({ $type: 'path' });
      expect(res.body.graph.nodes.map((n) => n.data.entityId)).to.have.members(['person:murat-nurtleu', 'person:olushegun-adjadi-bakari']);
      expect(res.body.graph.edges).to.have.length(1);
      expect(res.body.graph.edges[0]!.data.type).to.equal('MET');
    });

    it('takes parameters, typed ones too', async () => {
      const res = await run('MATCH (e:Event) WHERE e.start = $day RETURN e.id AS id', {
        params: { day: { $type: 'date', value: '2025-01-14' } },
      });
      expect(column(res.body, 'id')).to.deep.equal(['event:2025-01-14-tokayev-tinubu-talks']);
      const limited = await run('MATCH (p:Person) RETURN p.id AS id LIMIT $n', { params: { n: 2 } });
      expect(limited.body.rows).to.have.length(2);
    });

    it('answers a syntax error with 400, Neo4j’s message and the position in the analyst’s text', async () => {
      const res = await run('MATCH (n) RETURN n ORDER BY');
      expect(res.status).to.equal(400);
      expect(res.body.param).to.equal('query');
      expect(res.body.position).to.deep.equal({ line: 1, column: 28, offset: 27 });
      expect(res.body.detail).to.match(/Invalid input.*column 28/);
    });

    it('reports a misspelt clause that looks like a call ("MATC (n)") as a syntax error, and still refuses a real off-list function', async () => {
      const misspelt = await run('MATC (n) RETURN n');
      expect(misspelt.status).to.equal(400);
      expect(misspelt.body.position).to.deep.equal({ line: 1, column: 1, offset: 0 });
      for (const query of ['RETURN custom.made.up(1) AS x', 'RETURN apoc.text.repeat("x", 10) AS x']) {
        const refused = await run(query);
        expect(refused.status, query).to.equal(403);
        expect(refused.body.detail, query).to.match(/not on the console's list of functions/);
      }
    });

    it('answers EXPLAIN with the plan and runs nothing', async () => {
      const res = await run('EXPLAIN MATCH (p:Person {id: "person:alibek-kuantyrov"}) RETURN p');
      expect(res.body.summary.mode).to.equal('explain');
      expect(JSON.stringify(res.body.summary.plan)).to.match(/NodeUniqueIndexSeek/);
      expect(res.body.rows).to.deep.equal([]);
    });

    it('audits each query with the parameters’ names, never their values', async () => {
      await run('MATCH (p:Person {id: $who}) RETURN p.name', { params: { who: 'person:secret-value-xyz' } });
      const entry = auditEntries.at(-1)!;
      expect(entry).to.deep.include({ paramNames: ['who'], outcome: 'ok', rows: 0, truncated: false });
      expect(entry.ms).to.be.a('number');
      expect(JSON.stringify(entry)).to.not.contain('secret-value-xyz');
    });
  });

  describe('saved queries', () => {
    it('are listed with their parameters', async () => {
      const { body } = await getJson<{ queries: SavedQuery[] }>('/api/queries');
      const names = body.queries.map((q) => q.name);
      expect(names).to.include.members([
        'meetings-of-person',
        'met-both',
        'officials-of-country',
        'agreements-between',
        'most-connected',
        'betweenness',
        'bridges-between-countries',
        'events-at-place',
      ]);
      const meetings = body.queries.find((q) => q.name === 'meetings-of-person')!;
      expect(meetings.params.map((p) => [p.name, p.type, p.required])).to.deep.equal([
        ['person', 'string', true],
        ['from', 'date-start', false],
        ['to', 'date-end', false],
      ]);
      expect(meetings.title).to.match(/Meetings of a person/);
      expect(meetings.query).to.match(/^\/\/ .*\n[\s\S]*MATCH/);
    });

    it('meetings-of-person: Kuantyrov in February 2025', async () => {
      const res = await saved('meetings-of-person', { person: 'person:alibek-kuantyrov', from: '2025-02', to: '2025-02' });
      expect(res.status).to.equal(200);
      expect(res.body.rows).to.have.length(5);
      expect(column(res.body, 'inferred').filter(Boolean)).to.have.length(2);
    });

    it('met-both: who met both Ooni and N’Guesso', async () => {
      const res = await saved('met-both', {
        a: 'person:adeyeye-enitan-ogunwusi',
        b: 'person:denis-sassou-nguesso-cg-cooperation-minister',
      });
      expect(column(res.body, 'person')).to.have.members(['Alibek Kuantyrov', 'Olivier Nduhungirehe']);
    });

    it('officials-of-country: Kazakhstan', async () => {
      const res = await saved('officials-of-country', { country: 'KZ' });
      expect(column(res.body, 'person')).to.include.members([
        'Alibek Kuantyrov',
        'Murat Nurtleu',
        'Serik Zhumangarin',
        'Kassym-Jomart Tokayev',
      ]);
      const nurtleu = res.body.rows.filter((r) => r[0] === 'Murat Nurtleu').map((r) => r[1]);
      expect(nurtleu).to.have.members(['Deputy Prime Minister', 'Foreign Minister']);
    });

    it('agreements-between: KZ and BJ signed, KZ and NG agreed to sign', async () => {
      const bj = await saved('agreements-between', { a: 'KZ', b: 'BJ' });
      expect(column(bj.body, 'status')).to.deep.equal(['signed']);
      const ng = await saved('agreements-between', { a: 'NG', b: 'KZ' });
      expect(column(ng.body, 'status')).to.deep.equal(['agreed-to-sign']);
    });

    it('most-connected and betweenness put Kuantyrov first', async () => {
      const degree = await saved('most-connected', { limit: 3 });
      expect(degree.body.rows[0]!.slice(0, 2)).to.deep.equal(['Alibek Kuantyrov', 8]);
      const between = await saved('betweenness', {});
      expect(between.body.rows[0]![0]).to.equal('Alibek Kuantyrov');
    });

    it('bridges-between-countries: Nigeria and Congo', async () => {
      const res = await saved('bridges-between-countries', { a: 'NG', b: 'CG' });
      expect(column(res.body, 'person')).to.deep.equal(['Alibek Kuantyrov', 'Olivier Nduhungirehe']);
    });

    it('events-at-place: Astana', async () => {
      const res = await saved('events-at-place', { place: 'place:astana' });
      expect(column(res.body, 'kind')).to.include.members(['forum', 'meeting', 'visit']);
    });

    it('refuses unknown names, unknown and missing parameters', async () => {
      expect((await saved('drop-everything', {})).status).to.equal(404);
      expect((await saved('met-both', { a: 'person:x' })).body).to.deep.include({ status: 400, param: 'params.b' });
      expect((await saved('met-both', { a: 'x', b: 'y', c: 'z' })).body).to.deep.include({ status: 400, param: 'params.c' });
      expect((await saved('meetings-of-person', { person: 'x', from: 'last week' })).body).to.deep.include({
        status: 400,
        param: 'params.from',
      });
    });
  });
});
