// POST /api/ingest and /api/ingest/accept against the real app and the real seeded Neo4j: the exact
// draft for a small article, accepting it makes its meeting queryable, and a bad draft writes nothing.
// The article is about people and countries the seeds do not have, and what it adds is removed after.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { createApp } from '../../server/app.ts';
import { appDeps } from '../../server/deps.ts';
import { cypher } from '../../graph/cypher.ts';
import { getJson, postJson, seededApp } from '../support/app.ts';
import { testDatabase } from '../support/database.ts';
import { seededGraph } from '../support/seeded.ts';

const ARTICLE = readFileSync(new URL('../fixtures/ingest/mn-gh-talks.txt', import.meta.url), 'utf8');
const TALKS = 'event:2025-09-16-talks-of-battsetseg-batmunkh-and-samuel-okudzeto';

interface Draft {
  article: { raw: string; text: string; published: string | null; junk: string[]; dateline: string | null };
  facts: Record<string, unknown> & {
    source: Record<string, unknown>;
    people: { id: string; name: string; aliases: string[] }[];
    titles: { person: string; at: string; title: string }[];
    events: {
      id: string;
      kind: string;
      status: string;
      date?: { value: string; basis: string; quote: string };
      place?: string;
      participants: { who: string; role: string; represents?: string }[];
    }[];
    agreements: { kind: string; status: string; parties: string[]; concludedAt?: string }[];
  };
  confidence: Record<string, { score: number; why: string; rule: string }>;
  spans: Record<string, { start: number; end: number }[]>;
  entities: Record<string, { status: 'new' | 'linked'; target?: { id: string; name: string }; similar: { id: string }[] }>;
  similarMeetings: Record<string, { id: string; title: string; date: string | null }[]>;
}

describe('ingest over HTTP (real Neo4j)', () => {
  before(async () => {
    await seededApp();
  });
  after(async () => {
    // Leave the shared seeded graph as the other tests expect it.
    const { driver } = await seededGraph();
    await driver.executeQuery(`MATCH (n:Entity) WHERE n.sources = ['source:005_mn-gh-talks'] DETACH DELETE n`);
    await driver.executeQuery(`MATCH ()-[r]->() WHERE r.sources = ['source:005_mn-gh-talks'] DELETE r`);
    await driver.executeQuery(`MATCH (s:Source {id: 'source:005_mn-gh-talks'}) DETACH DELETE s`);
  });

  let draft: Draft;

  it('drafts the exact facts of a small article, with confidences and quote spans', async () => {
    const res = await postJson<Draft>('/api/ingest', { text: ARTICLE, fileName: 'mn-gh-talks' });
    expect(res.status).to.equal(200);
    draft = res.body;
    const { facts, article } = draft;
    expect([article.published, article.junk, article.dateline]).to.deep.equal(['2025-09-18', ['Share'], 'ULAANBAATAR, September 18']);
    expect(facts.source).to.deep.include({ file: 'mn-gh-talks.txt', published: '2025-09-18' });
    expect(facts.people.map((p) => [p.id, p.name, p.aliases])).to.deep.equal([
      ['person:battsetseg-batmunkh', 'Battsetseg Batmunkh', ['Batmunkh']],
      ['person:samuel-okudzeto-ablakwa', 'Samuel Okudzeto Ablakwa', []],
      ['person:ukhnaagiin-khurelsukh', 'Ukhnaagiin Khurelsukh', []],
    ]);
    expect(facts.titles.map((t) => [t.person, t.title, t.at])).to.deep.equal([
      ['person:battsetseg-batmunkh', 'Minister of Foreign Affairs', 'org:ministry-of-foreign-affairs-of-mongolia'],
      ['person:samuel-okudzeto-ablakwa', 'Minister of Foreign Affairs', 'org:ministry-of-foreign-affairs-of-ghana'],
      ['person:ukhnaagiin-khurelsukh', 'President', 'country:MN'],
    ]);
    expect(
      facts.events.map((e) => [
        e.id,
        e.kind,
        e.status,
        e.date?.value,
        e.date?.basis,
        e.place ?? null,
        e.participants.map((p) => [p.who, p.role, p.represents]),
      ]),
    ).to.deep.equal([
      [
        TALKS,
        'talks',
        'held',
        '2025-09-16',
        'resolved-from-publication',
        null,
        [
          ['person:battsetseg-batmunkh', 'host', 'country:MN'],
          ['person:samuel-okudzeto-ablakwa', 'guest', 'country:GH'],
        ],
      ],
      [
        'event:2026-visit-of-ukhnaagiin-khurelsukh-to-ghana',
        'visit',
        'planned',
        '2026',
        'resolved-from-publication',
        'place:accra',
        [['person:ukhnaagiin-khurelsukh', 'guest', 'country:MN']],
      ],
    ]);
    expect(facts.agreements.map((a) => [a.kind, a.status, a.parties, a.concludedAt])).to.deep.equal([
      ['mou', 'signed', ['org:ministry-of-foreign-affairs-of-mongolia', 'org:ministry-of-foreign-affairs-of-ghana'], TALKS],
    ]);
    expect(draft.confidence['events[0]']).to.deep.equal({ score: 0.85, why: 'trigger "held talks"', rule: 'talks:trigger-in-sentence' });
    // Nobody in the article is in the graph yet: every person is NEW, and no meeting looks like a known one.
    expect(
      Object.entries(draft.entities)
        .filter(([p]) => p.startsWith('people'))
        .map(([, b]) => b.status),
    ).to.deep.equal(['new', 'new', 'new']);
    expect(draft.similarMeetings).to.deep.equal({});
    const span = draft.spans['people[0]']![0]!;
    expect(article.text.slice(span.start, span.end)).to.equal("Mongolia's Minister of Foreign Affairs Battsetseg Batmunkh");
  });

  it('refuses a bad draft with field-level problems and writes nothing', async () => {
    const broken = structuredClone(draft.facts);
    broken.events[0]!.kind = 'party';
    const bad = await postJson<{ status: number; errors: { param: string; message: string }[] }>('/api/ingest/accept', {
      facts: broken,
      text: draft.article.raw,
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e) => e.param)).to.deep.equal(['facts.events[0].kind']);

    const misquoted = structuredClone(draft.facts) as Draft['facts'] & { people: { quote: string }[] };
    misquoted.people[1]!.quote = 'Ghana’s Foreign Minister Ablakwa';
    const refused = await postJson<{ status: number; errors: { param: string; message: string }[] }>('/api/ingest/accept', {
      facts: misquoted,
      text: draft.article.raw,
    });
    expect(refused.status).to.equal(400);
    expect(refused.body.errors).to.deep.equal([
      { param: 'facts.people[1].quote', message: 'quote not found verbatim in 005_mn-gh-talks.txt: "Ghana’s Foreign Minister Ablakwa"' },
    ]);

    const meetings = await getJson<{ meetings: unknown[] }>('/api/meetings?person=person:battsetseg-batmunkh');
    expect(meetings.status).to.equal(404); // the person does not exist: nothing was written
  });

  it('accepts the draft: the new meeting is queryable through /api/meetings', async () => {
    const res = await postJson<{ loaded: boolean; source: string; kept: unknown }>('/api/ingest/accept', {
      facts: draft.facts,
      text: draft.article.raw,
    });
    expect(res.status).to.equal(200);
    // The server names the article (numbered after the curated ones), whatever the draft called it.
    expect(res.body).to.deep.include({ loaded: true, source: '005_mn-gh-talks.txt', kept: null, replaced: [], keptAsIs: [] });
    const meetings = await getJson<{
      meetings: { event: { id: string; kind: string; date: string }; participants: { id: string; role: string }[]; mentioned: unknown[] }[];
    }>('/api/meetings?person=person:battsetseg-batmunkh&with=person:samuel-okudzeto-ablakwa');
    expect(meetings.status).to.equal(200);
    expect(meetings.body.meetings.map((m) => [m.event.id, m.event.kind, m.participants.map((p) => [p.id, p.role]).sort()])).to.deep.equal([
      [
        TALKS,
        'talks',
        [
          ['person:battsetseg-batmunkh', 'host'],
          ['person:samuel-okudzeto-ablakwa', 'guest'],
        ],
      ],
    ]);
  });

  it('links the next draft to what was accepted: the known entities are read again once the graph changed', async () => {
    const { driver } = await seededGraph();
    const version = async () =>
      (await driver.executeQuery(cypher('graph-version'))).records[0]!.toObject() as Record<string, { toNumber(): number }>;
    const before = await version();
    const again = await postJson<Draft>('/api/ingest', { text: ARTICLE, fileName: 'mn-gh-talks-again' });
    expect(again.status).to.equal(200);
    // The first draft knew nobody in the article; this one finds the accepted people by name.
    expect(draft.confidence['people[0]']!.why).to.not.match(/known entity/);
    expect(again.body.confidence['people[0]']!.why).to.match(/^same name or alias as a known entity/);
    expect(again.body.confidence['people[1]']!.why).to.match(/^same name or alias as a known entity/);
    // The review shows them LINKED to their target, and warns that the talks are in the graph already.
    expect(again.body.entities['people[0]']).to.deep.include({
      status: 'linked',
      target: { id: 'person:battsetseg-batmunkh', name: 'Battsetseg Batmunkh' },
    });
    expect(again.body.similarMeetings['events[0]']!.map((m) => [m.id, m.date])).to.deep.equal([[TALKS, '2025-09-16']]);
    // The fingerprint the cache compares moves with every write that adds an entity or an article.
    await driver.executeQuery(
      "CREATE (:Entity:Person {id: 'person:fingerprint-probe', name: 'Probe', sources: ['source:005_mn-gh-talks']})",
    );
    const after = await version();
    expect(after.entities!.toNumber()).to.equal(before.entities!.toNumber() + 1);
    expect(after.sources!.toNumber()).to.equal(before.sources!.toNumber());
  });

  it('keeps the review decisions append-only in the decisions file, and refuses a malformed one', async () => {
    const { driver } = await seededGraph();
    const dir = mkdtempSync(join(tmpdir(), 'kg-decisions-'));
    const file = join(dir, 'ingest', 'decisions.jsonl');
    const { target } = await testDatabase();
    const app = createApp(appDeps({ driver, target }, { audit: () => {}, decisionsFile: file }));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const post = (body: unknown) =>
        fetch(`${base}/api/ingest/decisions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const ok = await post({
        source: 'mn-gh-talks.txt',
        decisions: [
          { path: 'people[0]', rule: 'person:title-before-the-name', decision: 'accepted' },
          { path: 'events[1]', rule: 'visit:trigger-in-sentence', decision: 'rejected', label: 'Visit' },
        ],
      });
      expect([ok.status, await ok.json()]).to.deep.equal([200, { recorded: 2 }]);
      const bad = await post({ source: 'mn-gh-talks.txt', decisions: [{ path: 'people[0]', rule: 'Not A Rule', decision: 'maybe' }] });
      expect(bad.status).to.equal(400);
      const lines = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, string>);
      expect(lines.map((l) => [l.source, l.path, l.rule, l.decision])).to.deep.equal([
        ['mn-gh-talks.txt', 'people[0]', 'person:title-before-the-name', 'accepted'],
        ['mn-gh-talks.txt', 'events[1]', 'visit:trigger-in-sentence', 'rejected'],
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for the API key when one is configured', async () => {
    const { driver } = await seededGraph();
    const { target } = await testDatabase();
    const app = createApp(appDeps({ driver, target }, { audit: () => {}, apiKey: 'secret-key' }));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const post = (path: string, headers: Record<string, string> = {}) =>
        fetch(base + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ text: ARTICLE }),
        });
      expect((await post('/api/ingest')).status).to.equal(401);
      expect((await post('/api/ingest/accept')).status).to.equal(401);
      expect((await post('/api/ingest/decisions')).status).to.equal(401);
      expect((await post('/api/ingest', { authorization: 'Bearer secret-key' })).status).to.equal(200);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});
