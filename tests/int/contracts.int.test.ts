// Every endpoint's real answer, from the running app over the seeded graph, parses with its response
// contract (server/contracts/responses.ts → domain/contracts). The schemas are strict: a field a
// service adds, drops or renames without its contract fails here. Every endpoint the OpenAPI document
// lists has a contract, and every contract is exercised.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { createApp } from '../../server/app.ts';
import { appDeps } from '../../server/deps.ts';
import { buildOpenApi } from '../../server/http/openapi.ts';
import { RESPONSES, type Endpoint } from '../../server/contracts/responses.ts';
import { healthProblem, problem } from '../../domain/contracts/index.ts';
import { createDriver } from '../../graph/database.ts';
import { getJson, postJson, seededApp, startApp } from '../support/app.ts';
import { seededGraph } from '../support/seeded.ts';
import { testDatabase } from '../support/database.ts';
import { loadFactFiles } from '../../seeds/loader.ts';
import { syncJudgements } from '../../graph/judgements.ts';

/** The article the ingest contract is tried on: people and countries the seeds do not have (removed after). */
const ARTICLE = readFileSync(new URL('../fixtures/ingest/mn-gh-talks.txt', import.meta.url), 'utf8');
const ACCEPTED = 'source:005_mn-gh-talks';

const exercised = new Set<Endpoint>();

/** The issues of `body` against `schema`, one line each ("path: message"), or [] when it conforms. */
function violations(schema: z.ZodTypeAny, body: unknown): string[] {
  const result = schema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

function conforms(endpoint: Endpoint, status: number, body: unknown): void {
  expect(status, `${endpoint}: ${JSON.stringify(body).slice(0, 300)}`).to.equal(200);
  expect(violations(RESPONSES[endpoint].schema, body), endpoint).to.deep.equal([]);
  exercised.add(endpoint);
}

async function get(endpoint: Endpoint, url: string): Promise<unknown> {
  const { status, body } = await getJson(url);
  conforms(endpoint, status, body);
  return body;
}

async function post(endpoint: Endpoint, url: string, payload: unknown): Promise<unknown> {
  const { status, body } = await postJson(url, payload);
  conforms(endpoint, status, body);
  return body;
}

describe('response contracts: every endpoint’s real answer parses with its schema (real Neo4j, seeded)', function () {
  this.timeout(120_000);

  before(async () => {
    await seededApp();
  });

  after(async () => {
    // Leave the shared seeded graph as the other tests expect it.
    const { driver } = await seededGraph();
    await driver.executeQuery(`MATCH (n:Entity) WHERE n.sources = [$source] DETACH DELETE n`, { source: ACCEPTED });
    await driver.executeQuery(`MATCH ()-[r]->() WHERE r.sources = [$source] DELETE r`, { source: ACCEPTED });
    await driver.executeQuery(`MATCH (s:Source {id: $source}) DETACH DELETE s`, { source: ACCEPTED });
  });

  it('a contract for every endpoint of the OpenAPI document, and a named component for each answer', () => {
    const doc = buildOpenApi() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
    };
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    expect(listed.sort()).to.deep.equal(Object.keys(RESPONSES).sort());
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const endpoint = `${method} ${path}` as Endpoint;
        expect(op.responses['200']?.content?.['application/json']?.schema.$ref, endpoint).to.equal(
          `#/components/schemas/${RESPONSES[endpoint].name}`,
        );
      }
    }
  });

  it('/api/docs names each answer and its fields, from the same document', async () => {
    const { status, body } = await getJson<string>('/api/docs');
    expect(status).to.equal(200);
    expect(body).to.contain('<code>SearchAnswer</code> <code>{results}</code>');
    expect(body).to.contain('<code>Neighborhood</code> <code>{center, nodes, edges, limit, truncated}</code>');
  });

  it('health, search, schema', async () => {
    const health = (await get('get /api/health', '/api/health')) as { status: string };
    expect(health.status).to.equal('ok');
    const search = (await get('get /api/search', '/api/search?q=Kuantyrov')) as { results: { id: string; summary?: unknown }[] };
    expect(search.results[0]?.id).to.equal('person:alibek-kuantyrov');
    expect(search.results[0]?.summary, 'a person hit carries its identity line').to.not.equal(undefined);
    await get('get /api/search', '/api/search?q=Kazakh%20MFA&type=organization');
    const names = (await get('get /api/schema', '/api/schema')) as { labels: string[] };
    expect(names.labels).to.include('Person');
  });

  it('an entity, its neighbourhood and hub, links, meetings, paths', async () => {
    for (const id of ['person:alibek-kuantyrov', 'org:kz-mfa', 'KZ']) {
      const profile = (await get('get /api/entities/{id}', `/api/entities/${encodeURIComponent(id)}`)) as {
        titles: unknown[];
        events: unknown[];
        relationships: unknown[];
      };
      expect(profile.relationships.length, id).to.be.greaterThan(0);
    }
    const hood = (await get('get /api/entities/{id}/neighborhood', '/api/entities/person:murat-nurtleu/neighborhood')) as {
      nodes: unknown[];
      edges: unknown[];
    };
    expect(hood.edges.length).to.be.greaterThan(0);
    const hub = (await get('get /api/entities/{id}/hub', '/api/entities/person:alibek-kuantyrov/hub')) as {
      people: unknown[];
      neighbours: unknown[];
    };
    expect(hub.people.length).to.be.greaterThan(0);
    const links = (await get('get /api/links', '/api/links?a=person:alibek-kuantyrov&b=person:heineken-lokpobiri')) as {
      links: { event: unknown }[];
    };
    expect(
      links.links.some((l) => l.event !== null),
      'a link with its meeting',
    ).to.equal(true);
    const meetings = (await get('get /api/meetings', '/api/meetings?person=person:alibek-kuantyrov')) as { meetings: unknown[] };
    expect(meetings.meetings.length).to.be.greaterThan(0);
    await get('get /api/meetings', '/api/meetings?country=NG&from=2025&to=2025');
    for (const via of ['meetings', 'any']) {
      const paths = (await get('get /api/paths', `/api/paths?from=person:adeniyi-adesoji&to=person:heineken-lokpobiri&via=${via}`)) as {
        paths: { hops: { links: unknown[] }[] }[];
      };
      expect(paths.paths.length, via).to.be.greaterThan(0);
      expect(paths.paths[0]!.hops[0]!.links.length, via).to.be.greaterThan(0);
    }
  });

  it('the pictures', async () => {
    const timeline = (await get('get /api/pictures/timeline', '/api/pictures/timeline?person=person:alibek-kuantyrov')) as {
      items: unknown[];
    };
    expect(timeline.items.length).to.be.greaterThan(0);
    await get('get /api/pictures/timeline', '/api/pictures/timeline?a=KZ&b=NG');
    await get('get /api/pictures/map', '/api/pictures/map');
    const years = (await get('get /api/pictures/years', '/api/pictures/years?person=person:alibek-kuantyrov')) as { years: unknown[] };
    expect(years.years.length).to.be.greaterThan(0);
    const summary = (await get('get /api/pictures/summary/{id}', '/api/pictures/summary/person:alibek-kuantyrov')) as { titles: unknown[] };
    expect(summary.titles.length).to.be.greaterThan(0);
  });

  it('the reports as JSON', async () => {
    const bilateral = (await get('get /api/reports/bilateral', '/api/reports/bilateral?a=KZ&b=NG&format=json')) as {
      sections: { statements: unknown[] }[];
    };
    expect(bilateral.sections.some((s) => s.statements.length > 0)).to.equal(true);
    await get('get /api/reports/person/{id}', '/api/reports/person/person:alibek-kuantyrov?format=json');
    await get('get /api/reports/organization/{id}', '/api/reports/organization/org:kz-mfa?format=json');
  });

  it('the console: rows, a drawn graph, a plan and a profile; the saved queries', async () => {
    const run = (await post('post /api/cypher', '/api/cypher', {
      query:
        'MATCH (p:Person)-[r:MET]->(q:Person) RETURN p, r, q, p.name AS name, date("2025-02-07") AS day, [1, 2.5, null] AS list LIMIT 3',
    })) as { rows: unknown[]; graph: { nodes: unknown[]; edges: unknown[] } };
    expect(run.rows.length).to.be.greaterThan(0);
    expect(run.graph.edges.length).to.be.greaterThan(0);
    const explain = (await post('post /api/cypher', '/api/cypher', { query: 'EXPLAIN MATCH (p:Person) RETURN p.name LIMIT 1' })) as {
      summary: { plan?: unknown };
    };
    expect(explain.summary.plan).to.be.an('object');
    await post('post /api/cypher', '/api/cypher', { query: 'PROFILE MATCH (p:Person) RETURN count(p) AS people' });
    const library = (await get('get /api/queries', '/api/queries')) as { queries: { name: string }[] };
    expect(library.queries.map((q) => q.name)).to.include('agreements-between');
    const saved = (await post('post /api/queries/{name}', '/api/queries/agreements-between', { params: { a: 'KZ', b: 'NG' } })) as {
      columns: string[];
    };
    expect(saved.columns[0]).to.equal('agreement');
  });

  describe('resolution', () => {
    // A pair of people who may be one (the resolution fixture), judged through an app with its own
    // judgement log; the graph goes back to the seeds after.
    let app: Awaited<ReturnType<typeof startApp>>;
    let dir: string;
    const call = async (endpoint: Endpoint, path: string, payload?: unknown): Promise<unknown> => {
      const res = await fetch(
        app.base + path,
        payload === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) },
      );
      const body: unknown = await res.json();
      conforms(endpoint, res.status, body);
      return body;
    };

    before(async () => {
      const { driver } = await seededGraph();
      const fixtures = fileURLToPath(new URL('../fixtures/resolution', import.meta.url));
      const summary = await loadFactFiles({ driver, files: [join(fixtures, '900_resolution-fixture.yaml')], sourcesDir: fixtures });
      expect(summary.files[0]!.loaded, JSON.stringify(summary.files[0]!.problems)).to.equal(true);
      dir = mkdtempSync(join(tmpdir(), 'kg-contracts-'));
      const resolution = appDeps(
        { driver, target: (await testDatabase()).target },
        { audit: () => {}, judgementLog: join(dir, 'judgements.jsonl') },
      ).resolution;
      app = await startApp({ resolution });
    });

    after(async () => {
      await app?.close();
      const { driver } = await seededGraph();
      await syncJudgements(driver, undefined, []);
      await loadFactFiles({ driver, reset: true });
      rmSync(dir, { recursive: true, force: true });
    });

    it('candidates, a judgement recorded and withdrawn, the log, a bulk accept', async () => {
      const list = (await call('get /api/resolution/candidates', '/api/resolution/candidates?status=all')) as {
        candidates: { a: { id: string }; b: { id: string } }[];
      };
      expect(list.candidates.length).to.be.greaterThan(0);
      const { a, b } = list.candidates[0]!;
      // `unsure` is recorded only (nothing is merged); `undo` withdraws it.
      const judged = (await call('post /api/resolution/judgements', '/api/resolution/judgements', {
        judgements: [{ a: a.id, b: b.id, verdict: 'unsure', note: 'contract test' }],
        by: 'contract-test',
      })) as { recorded: unknown[] };
      expect(judged.recorded).to.have.length(1);
      await call('get /api/resolution/candidates', '/api/resolution/candidates?status=judged');
      await call('post /api/resolution/judgements', '/api/resolution/judgements', {
        judgements: [{ a: a.id, b: b.id, verdict: 'undo' }],
        by: 'contract-test',
      });
      const log = (await call('get /api/resolution/judgements', '/api/resolution/judgements')) as { judgements: unknown[] };
      expect(log.judgements).to.have.length(2);
      // Every likely pair judged the same: a merge, undone by the reset after.
      const accepted = (await call('post /api/resolution/accept', '/api/resolution/accept', { minScore: 0.3, by: 'contract-test' })) as {
        recorded: unknown[];
      };
      expect(accepted.recorded.length).to.be.greaterThan(0);
      await call('get /api/entities/{id}', `/api/entities/${encodeURIComponent(a.id)}`);
    });
  });

  it('ingest: a draft, its acceptance, the review’s verdicts', async () => {
    const draft = (await post('post /api/ingest', '/api/ingest', { text: ARTICLE, fileName: 'mn-gh-talks' })) as {
      facts: { events: unknown[] };
      confidence: Record<string, unknown>;
    };
    expect(draft.facts.events.length).to.be.greaterThan(0);
    const accepted = (await post('post /api/ingest/accept', '/api/ingest/accept', { facts: draft.facts, text: ARTICLE })) as {
      source: string;
    };
    expect(accepted.source).to.equal('005_mn-gh-talks.txt');
    const path = Object.keys(draft.confidence)[0]!;
    await post('post /api/ingest/decisions', '/api/ingest/decisions', {
      source: accepted.source,
      decisions: [{ path, rule: 'contract-test', decision: 'accepted' }],
    });
  });

  it('problems: a 400, a 404, and health’s 503 parse with the problem contracts', async () => {
    const bad = await getJson('/api/search?q=');
    expect(bad.status).to.equal(400);
    expect(violations(problem, bad.body)).to.deep.equal([]);
    const missing = await getJson('/api/entities/person:nobody-at-all');
    expect(missing.status).to.equal(404);
    expect(violations(problem, missing.body)).to.deep.equal([]);
    const refused = await postJson('/api/cypher', { query: 'CREATE (n:Person {id: "x"})' });
    expect(refused.status).to.equal(403);
    expect(violations(problem, refused.body)).to.deep.equal([]);

    const target = { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: '' };
    const dead = createDriver(target);
    const app = createApp(appDeps({ driver: dead, target }, { audit: () => {} }));
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const { port } = server.address() as import('node:net').AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(res.status).to.equal(503);
      expect(violations(healthProblem, await res.json())).to.deep.equal([]);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await dead.close();
    }
  });

  // Last (mocha runs nested suites after the outer tests, in order).
  describe('coverage', () => {
    it('every contract was exercised by a real answer', () => {
      expect([...exercised].sort()).to.deep.equal(Object.keys(RESPONSES).sort());
    });
  });
});
