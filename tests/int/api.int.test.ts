import { expect } from 'chai';
import type { EntityProfile } from '../../server/services/entities.ts';
import type { MeetingsAnswer } from '../../server/services/meetings.ts';
import type { Neighborhood } from '../../server/services/neighborhood.ts';
import type { PathsAnswer } from '../../server/services/paths.ts';
import type { SearchHit } from '../../server/services/search.ts';
import { getJson } from '../support/app.ts';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  param?: string;
}

const search = async (query: string) => (await getJson<{ results: SearchHit[] }>(`/api/search?${query}`)).body.results;
const paths = async (query: string) => (await getJson<PathsAnswer>(`/api/paths?${query}`)).body;
const meetings = async (query: string) => (await getJson<MeetingsAnswer>(`/api/meetings?${query}`)).body;
const names = (answer: MeetingsAnswer) =>
  answer.meetings.map((m) =>
    m.participants
      .filter((p) => p.type === 'person')
      .map((p) => p.name)
      .sort(),
  );

describe('API: search, entities, meetings, paths (real Neo4j, seeded)', () => {
  describe('GET /api/search', () => {
    it('finds N’Guesso however the apostrophe is typed, or without it', async () => {
      for (const q of ['nguesso', "N'Guesso", 'N’Guesso', 'NGUESSO']) {
        const results = await search(`q=${encodeURIComponent(q)}`);
        expect(results[0]?.id, q).to.equal('person:denis-sassou-nguesso-cg-cooperation-minister');
      }
    });

    it('matches partial names and ranks the person first', async () => {
      const results = await search('q=Kuantyr');
      expect(results[0]).to.deep.include({ id: 'person:alibek-kuantyrov', type: 'person', name: 'Alibek Kuantyrov' });
      expect(results[0]!.score).to.be.at.least(results[results.length - 1]!.score);
    });

    it('matches aliases and filters by type', async () => {
      const results = await search('q=Kazakh%20MFA&type=organization');
      expect(results.map((r) => r.id)).to.deep.equal(['org:kz-mfa']);
      expect((await search('q=Kuantyrov&type=event')).every((r) => r.type === 'event')).to.equal(true);
    });

    it('treats Lucene syntax as plain text', async () => {
      const res = await getJson<{ results: SearchHit[] }>(`/api/search?q=${encodeURIComponent('kuantyrov")) OR name:* AND NOT x~')}`);
      expect(res.status).to.equal(200);
      expect(res.body.results.length).to.be.lessThan(5);
    });

    it('tolerates one typo in a longer name', async () => {
      expect((await search('q=Lokpobri'))[0]?.id).to.equal('person:heineken-lokpobiri');
    });

    it('finds a name with "of" in it, the entity first', async () => {
      for (const [q, id] of [
        ['Ministry of Foreign Affairs of Kazakhstan', 'org:kz-mfa'],
        ['Organization of Islamic Cooperation', 'org:oic'],
        ['Kingdom of Ife', 'org:ng-ife-kingdom'],
      ] as const) {
        const results = await search(`q=${encodeURIComponent(q)}`);
        expect(results[0]?.id, q).to.equal(id);
      }
    });

    it('ranks people above the events named after them, and tells who a person is', async () => {
      const results = await search('q=Kuantyrov&limit=20');
      const firstEvent = results.findIndex((r) => r.type === 'event');
      expect(results.slice(0, firstEvent).map((r) => r.type)).to.deep.equal(['person']);
      expect(results[0]!.summary).to.deep.include({ title: 'Deputy Minister of Foreign Affairs', country: 'Kazakhstan' });
      expect(results.filter((r) => r.type !== 'person').every((r) => r.summary === undefined)).to.equal(true);
    });
  });

  describe('GET /api/entities/:id', () => {
    it('gives a person’s titles over time, events with roles, meetings and sources with quotes', async () => {
      const { status, body } = await getJson<EntityProfile>('/api/entities/person:alibek-kuantyrov');
      expect(status).to.equal(200);
      expect(body.entity).to.deep.include({ id: 'person:alibek-kuantyrov', type: 'person', name: 'Alibek Kuantyrov' });
      expect(body.titles.map((t) => [t.title, t.at.id, t.firstSeen, t.lastSeen])).to.deep.include([
        'Deputy Minister of Foreign Affairs',
        'org:kz-mfa',
        '2025-02-07',
        '2025-02-28',
      ]);
      expect(body.events.find((e) => e.role === 'head_of_delegation')?.event.id).to.equal('event:2025-02-kz-delegation-visit-ng');
      expect(body.met.map((m) => m.person.id)).to.include.members([
        'person:heineken-lokpobiri',
        'person:adeniyi-adesoji',
        'person:ekperikpe-ekpo',
      ]);
      expect(body.agreements.map((a) => a.agreement.status)).to.include('agreed-to-sign');
      expect(body.sources.map((s) => s.id)).to.include('source:002_600fad2425d765b4');
      const quote = body.entity.evidence[0]!;
      expect(quote.quote).to.match(/Kuantyrov/);
    });

    it('accepts an ISO code for a country, and lists the figures about it', async () => {
      const { status, body } = await getJson<EntityProfile>('/api/entities/KZ');
      expect(status).to.equal(200);
      expect(body.entity.id).to.equal('country:KZ');
      expect(body.figures.length).to.be.greaterThan(3);
      expect(body.holders.map((h) => h.title)).to.include('Deputy Prime Minister');
    });

    it('is 404 problem+json for an unknown id', async () => {
      const { status, type, body } = await getJson<ProblemBody>('/api/entities/person:nobody-at-all');
      expect(status).to.equal(404);
      expect(type).to.match(/^application\/problem\+json/);
      expect(body.detail).to.match(/person:nobody-at-all/);
    });
  });

  describe('GET /api/entities/:id/neighborhood', () => {
    it('returns Cytoscape elements around the entity', async () => {
      const { body } = await getJson<Neighborhood>('/api/entities/person:murat-nurtleu/neighborhood');
      const ids = body.nodes.map((n) => n.data.id);
      expect(ids).to.include.members(['person:murat-nurtleu', 'person:olushegun-adjadi-bakari', 'org:kz-mfa']);
      const met = body.edges.find((e) => e.data.type === 'MET');
      expect(met?.data).to.deep.include({ source: 'person:murat-nurtleu', target: 'person:olushegun-adjadi-bakari' });
      for (const edge of body.edges) expect(ids).to.include.members([edge.data.source, edge.data.target]);
      expect(body.truncated).to.equal(false);
    });

    it('says when the node cap was reached', async () => {
      const { body } = await getJson<Neighborhood>('/api/entities/country:KZ/neighborhood?depth=2&limit=10');
      expect(body.nodes).to.have.length(10);
      expect(body.truncated).to.equal(true);
    });

    it('filters by type and by date window', async () => {
      const people = await getJson<Neighborhood>('/api/entities/person:alibek-kuantyrov/neighborhood?types=person');
      expect(people.body.nodes.every((n) => n.data.type === 'person')).to.equal(true);
      const january = await getJson<Neighborhood>(
        '/api/entities/person:alibek-kuantyrov/neighborhood?types=person,event&from=2025-01&to=2025-01',
      );
      expect(january.body.edges.filter((e) => e.data.type === 'MET')).to.have.length(0);
      const february = await getJson<Neighborhood>(
        '/api/entities/person:alibek-kuantyrov/neighborhood?types=person,event&from=2025-02&to=2025-02',
      );
      expect(february.body.edges.filter((e) => e.data.type === 'MET').length).to.equal(4);
    });
  });

  describe('GET /api/meetings', () => {
    it('lists whom Kuantyrov met in February 2025, with roles, inferred marks and quotes', async () => {
      const answer = await meetings('person=person:alibek-kuantyrov&from=2025-02&to=2025-02');
      const counterparts = answer.meetings.flatMap((m) =>
        m.participants.filter((p) => p.type === 'person' && p.id !== 'person:alibek-kuantyrov').map((p) => p.name),
      );
      expect(counterparts).to.have.members(['Dunoma Umar Ahmed', 'Heineken Lokpobiri', 'Nura Abba Rimi', 'Ekperikpe Ekpo']);
      const ekpo = answer.meetings.find((m) => m.participants.some((p) => p.id === 'person:ekperikpe-ekpo'))!;
      expect(ekpo.inferred).to.equal(true);
      expect(ekpo.participants.find((p) => p.id === 'person:alibek-kuantyrov')).to.deep.include({
        inferred: true,
        rule: 'delegation-head',
      });
      const nexim = answer.meetings.find((m) => m.participants.some((p) => p.id === 'org:ng-nexim'))!;
      expect(nexim.participants.find((p) => p.id === 'org:ng-nexim')?.officialRole).to.equal('Managing Director');
      for (const m of answer.meetings) {
        expect(m.event).to.deep.include({ datePrecision: 'month', start: '2025-02-01', end: '2025-02-28' });
        expect(m.evidence.length + m.participants.flatMap((p) => p.evidence).length).to.be.greaterThan(0);
      }
    });

    it('finds a pair by names, and leaves the undated meeting out of a window', async () => {
      const pair = await meetings('person=Kuantyrov&with=Adesoji');
      expect(names(pair)).to.deep.equal([['Adeniyi Adesoji', 'Alibek Kuantyrov']]);
      expect(pair.meetings[0]!.event.datePrecision).to.equal('unknown');
      expect((await meetings('person=Kuantyrov&with=Adesoji&from=2025')).meetings).to.have.length(0);
    });

    it('never lists a mentioned-only person as a participant', async () => {
      const answer = await meetings('person=person:murat-nurtleu');
      expect(answer.meetings).to.have.length(1);
      const meeting = answer.meetings[0]!;
      expect(meeting.participants.map((p) => p.id)).to.not.include('person:kassym-jomart-tokayev');
      expect(meeting.mentioned.map((p) => p.id)).to.deep.equal(['person:kassym-jomart-tokayev']);
      expect(meeting.place?.name).to.equal('Astana');
      expect((await meetings('person=person:kassym-jomart-tokayev&with=person:murat-nurtleu')).meetings).to.have.length(0);
    });

    it('finds meetings by country, inside a window', async () => {
      const answer = await meetings('country=NG&to=2025-01');
      expect(names(answer)).to.deep.equal([['Bola Ahmed Tinubu', 'Kassym-Jomart Tokayev']]);
      expect(answer.meetings[0]!.event).to.deep.include({ start: '2025-01-14', datePrecision: 'day' });
      expect(answer.meetings[0]!.place?.name).to.equal('Abu Dhabi');
    });
  });

  describe('GET /api/paths', () => {
    it('the Nigerian delegation’s leader reaches the petroleum minister through meetings in two hops', async () => {
      const answer = await paths('from=person:adeniyi-adesoji&to=person:heineken-lokpobiri&via=meetings');
      expect(answer.paths[0]!.length).to.equal(2);
      expect(answer.paths[0]!.nodes.map((n) => n.id)).to.deep.equal([
        'person:adeniyi-adesoji',
        'person:alibek-kuantyrov',
        'person:heineken-lokpobiri',
      ]);
      const [first, second] = answer.paths[0]!.hops;
      expect(first).to.deep.include({ type: 'MET', date: null });
      expect(second).to.deep.include({ type: 'MET', date: '2025-02-01', datePrecision: 'month', inferred: false });
      expect(second!.evidence.some((e) => /Lokpobiri/.test(e.quote))).to.equal(true);
      expect(answer.paths.map((p) => p.length)).to.deep.equal([...answer.paths.map((p) => p.length)].sort((a, b) => a - b));
    });

    it('the Benin foreign minister has no meetings path into Nigeria, but an any-relation path', async () => {
      const byMeetings = await getJson<PathsAnswer>(
        '/api/paths?from=person:olushegun-adjadi-bakari&to=person:heineken-lokpobiri&via=meetings',
      );
      expect(byMeetings.status).to.equal(200);
      expect(byMeetings.body.paths).to.deep.equal([]);
      const any = await paths('from=person:olushegun-adjadi-bakari&to=person:heineken-lokpobiri&via=any');
      expect(any.paths.length).to.be.greaterThan(0);
      for (const hop of any.paths[0]!.hops) expect(hop.links.length, `${hop.from} → ${hop.to}`).to.be.greaterThan(0);
    });

    it('excluding Country changes the any-path so it no longer passes through a country', async () => {
      // Several shortest paths tie, in no fixed order: compare all of them, not the first.
      const query = 'from=person:olushegun-adjadi-bakari&to=country:NG&via=any&limit=10';
      const through = await paths(query);
      const around = await paths(`${query}&exclude=Country`);
      const countries = (answer: PathsAnswer) => answer.paths.map((p) => p.nodes.slice(1, -1).filter((n) => n.type === 'country').length);
      expect(
        countries(through).some((n) => n > 0),
        JSON.stringify(countries(through)),
      ).to.equal(true);
      expect(around.paths.length).to.be.greaterThan(0);
      expect(
        countries(around).every((n) => n === 0),
        JSON.stringify(countries(around)),
      ).to.equal(true);
    });

    it('a window ending in January 2025 removes the February meetings', async () => {
      const all = await paths('from=person:adeniyi-adesoji&to=person:heineken-lokpobiri');
      expect(all.paths.length).to.be.greaterThan(0);
      expect((await paths('from=person:adeniyi-adesoji&to=person:heineken-lokpobiri&end=2025-01')).paths).to.deep.equal([]);
      const feb = await paths('from=person:alibek-kuantyrov&to=person:heineken-lokpobiri&start=2025-02&end=2025-02');
      expect(feb.paths[0]!.length).to.equal(1);
      expect((await paths('from=person:alibek-kuantyrov&to=person:heineken-lokpobiri&end=2025-01-31')).paths).to.deep.equal([]);
    });

    it('returns k distinct paths, shortest first, never revisiting a node', async () => {
      const answer = await paths('from=person:adeniyi-adesoji&to=person:olivier-nduhungirehe&limit=5');
      expect(answer.paths.length).to.be.greaterThan(1);
      const seqs = answer.paths.map((p) => p.nodes.map((n) => n.id).join('>'));
      expect(new Set(seqs).size).to.equal(seqs.length);
      for (const p of answer.paths) expect(new Set(p.nodes.map((n) => n.id)).size).to.equal(p.nodes.length);
      expect(answer.paths[0]!.length).to.equal(2);
    });

    it('respects maxHops', async () => {
      expect((await paths('from=person:adeniyi-adesoji&to=person:heineken-lokpobiri&maxHops=1')).paths).to.deep.equal([]);
    });
  });

  describe('bad input is 400/404 problem+json naming the parameter', () => {
    const cases: [string, number, string][] = [
      ['/api/paths?from=person:alibek-kuantyrov&to=person:alibek-kuantyrov', 400, 'to'],
      ['/api/paths?from=person:alibek-kuantyrov&to=person:heineken-lokpobiri&maxHops=0', 400, 'maxHops'],
      ['/api/paths?from=person:alibek-kuantyrov&to=person:heineken-lokpobiri&maxHops=99', 400, 'maxHops'],
      ['/api/paths?from=person:alibek-kuantyrov&to=person:heineken-lokpobiri&via=bus', 400, 'via'],
      ['/api/paths?from=person:alibek-kuantyrov&to=person:heineken-lokpobiri&start=2025-02-30', 400, 'start'],
      ['/api/paths?from=person:alibek-kuantyrov', 400, 'to'],
      ['/api/paths?from=org:kz-mfa&to=person:heineken-lokpobiri&via=meetings', 400, 'from'],
      ['/api/paths?from=person:nobody&to=person:heineken-lokpobiri', 404, ''],
      ['/api/meetings?from=yesterday', 400, 'from'],
      ['/api/meetings?from=2025-03&to=2025-02', 400, 'to'],
      ['/api/meetings?with=Kuantyrov', 400, 'with'],
      ['/api/meetings?person=Kuantyrov&person=Ekpo', 400, 'person'],
      ['/api/meetings?limit=-1', 400, 'limit'],
      ['/api/search?q=', 400, 'q'],
      ['/api/search?q=%22%29%29%20*%20~', 400, 'q'],
      ['/api/search?q=x&type=spy', 400, 'type'],
      ['/api/search?q=x&unknown=1', 400, 'unknown'],
      ['/api/entities/person:alibek-kuantyrov/neighborhood?depth=9', 400, 'depth'],
      ['/api/entities/person:alibek-kuantyrov/neighborhood?types=person,spaceship', 400, 'types'],
    ];
    for (const [path, status, param] of cases) {
      it(`${path} → ${status}${param ? ` (${param})` : ''}`, async () => {
        const res = await getJson<ProblemBody>(path);
        expect(res.status).to.equal(status);
        expect(res.type).to.match(/^application\/problem\+json/);
        expect(res.body.status).to.equal(status);
        if (param) expect(res.body.param).to.equal(param);
        expect(JSON.stringify(res.body)).to.not.match(/\bat \S+\.(ts|js):\d+|Neo4jError/);
      });
    }
  });

  describe('OpenAPI and docs', () => {
    it('/api/openapi.json is generated from the request schemas', async () => {
      const { body } = await getJson<{ openapi: string; paths: Record<string, { get: { parameters: { name: string }[] } }> }>(
        '/api/openapi.json',
      );
      expect(body.openapi).to.equal('3.1.0');
      expect(Object.keys(body.paths)).to.include.members([
        '/api/search',
        '/api/meetings',
        '/api/paths',
        '/api/entities/{id}',
        '/api/entities/{id}/neighborhood',
      ]);
      expect(body.paths['/api/paths']!.get.parameters.map((p) => p.name)).to.include.members([
        'from',
        'to',
        'via',
        'maxHops',
        'start',
        'end',
        'exclude',
        'limit',
      ]);
    });

    it('/api/docs is a readable page listing every endpoint', async () => {
      const { status, type, body } = await getJson<string>('/api/docs');
      expect(status).to.equal(200);
      expect(type).to.match(/text\/html/);
      for (const path of ['/api/search', '/api/meetings', '/api/paths']) expect(body).to.contain(path);
    });
  });
});
