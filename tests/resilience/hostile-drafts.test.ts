// Hostile drafts sent to POST /api/ingest/accept, against the real app over the seeded Neo4j: a draft
// that reuses curated ids with other values, flips statuses, dates and roles, borrows a curated file
// name (or a case variant, a path, 5,000 characters), or is far too large, writes nothing; every curated
// node and relationship keeps every property (only sources, evidence and aliases may grow, and only for
// an accepted draft). Changes go in only as chosen, one property at a time. The graph is reloaded
// from the seeds afterwards, for the suites that follow.
import { expect } from 'chai';
import type { Driver } from 'neo4j-driver';
import { loadFactFiles } from '../../seeds/loader.ts';
import { postJson, seededApp } from '../support/app.ts';
import { seededGraph } from '../support/seeded.ts';

/** What may grow on an existing node or relationship when an article about it is accepted. */
const GROWS = new Set(['sources', 'evidence', 'aliases', 'searchText']);

type Snapshot = Map<string, string>;

/** Every node and relationship by element id, with its labels/type, ends and properties (growing lists left out). */
async function snapshot(driver: Driver): Promise<Snapshot> {
  const keep = (props: Record<string, unknown>) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(props)
          .filter(([k]) => !GROWS.has(k))
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    );
  const out: Snapshot = new Map();
  const nodes = await driver.executeQuery('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props');
  for (const r of nodes.records)
    out.set(r.get('id') as string, `${(r.get('labels') as string[]).sort().join(':')} ${keep(r.get('props') as Record<string, unknown>)}`);
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props',
  );
  for (const r of rels.records)
    out.set(
      r.get('id') as string,
      `${r.get('a') as string}-[${r.get('type') as string}]->${r.get('b') as string} ${keep(r.get('props') as Record<string, unknown>)}`,
    );
  return out;
}

/** What changed or disappeared of `before` (additions are not looked at). */
function altered(before: Snapshot, after: Snapshot): string[] {
  return [...before]
    .filter(([id, value]) => after.get(id) !== value)
    .map(([id, value]) => `${value}\n   now: ${after.get(id) ?? '(gone)'}`);
}

const ARTICLE =
  ' date 2025-06-01 ASTANA, June 1. The Ministry of Foreign Affairs of Kazakhstan said that Alibek Kuantyrov met Adeniyi Adesoji in Astana on June 1. Tinubu visited Kazakhstan. Kuantyrov was only mentioned.';

/** A small valid draft about curated entities; `change` makes it hostile. */
function draft(change: (facts: Record<string, any>) => void = () => {}): Record<string, unknown> {
  const facts: Record<string, any> = {
    source: { file: 'hostile.txt', title: 'Draft: a hostile article', published: '2025-06-01' },
    people: [{ id: 'person:zarina-test-hostile', name: 'Zarina Testhostile', quote: 'Alibek Kuantyrov' }],
    organizations: [],
    events: [],
  };
  change(facts);
  return facts;
}

interface Problem {
  status: number;
  type: string;
  detail: string;
  errors?: { param: string; message: string }[];
  changes?: { id: string; label: string; property: string; current: unknown; proposed: unknown }[];
}

const accept = (facts: Record<string, unknown>, changes?: unknown[], text = ARTICLE) =>
  postJson<Problem & { source: string; replaced: unknown[]; keptAsIs: unknown[] }>('/api/ingest/accept', {
    facts,
    text,
    ...(changes ? { changes } : {}),
  });

describe('resilience: hostile drafts leave curated data as it was', function () {
  this.timeout(300_000);
  let driver: Driver;
  let curated: Snapshot;

  before(async () => {
    await seededApp();
    ({ driver } = await seededGraph());
    curated = await snapshot(driver);
  });

  after(async () => {
    await loadFactFiles({ driver, reset: true });
  });

  const unchanged = async () =>
    expect(altered(curated, await snapshot(driver)), 'curated nodes or relationships changed').to.deep.equal([]);

  it('refuses to change properties of curated entities, events and participations until chosen (409, nothing written)', async () => {
    const nodes = (await driver.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0]!.get('n').toNumber() as number;
    const variants: [string, Record<string, unknown>, string[]][] = [
      [
        'an organisation turned into a company',
        draft((f) =>
          f.organizations.push({
            id: 'org:kz-mfa',
            name: 'Ministry of Foreign Affairs of Kazakhstan',
            kind: 'company',
            quote: 'The Ministry of Foreign Affairs of Kazakhstan',
          }),
        ),
        ['org:kz-mfa kind ministry → company'],
      ],
      [
        'a disambiguation note replaced',
        draft((f) =>
          f.people.push({
            id: 'person:denis-sassou-nguesso-cg-cooperation-minister',
            name: 'Denis Sassou Nguesso',
            note: 'The President himself.',
            quote: 'Tinubu visited Kazakhstan',
          }),
        ),
        ['person:denis-sassou-nguesso-cg-cooperation-minister note'],
      ],
      [
        'a note added to a curated person',
        draft((f) =>
          f.people.push({ id: 'person:alibek-kuantyrov', name: 'Alibek Kuantyrov', note: 'Disputed.', quote: 'Alibek Kuantyrov' }),
        ),
        ['person:alibek-kuantyrov note null → Disputed.'],
      ],
      [
        'a planned visit reported as held',
        draft((f) =>
          f.events.push({
            id: 'event:tinubu-official-visit-kz',
            kind: 'visit',
            title: 'Official visit',
            status: 'held',
            quote: 'Tinubu visited Kazakhstan',
          }),
        ),
        ['event:tinubu-official-visit-kz status planned → held'],
      ],
      [
        'an undated meeting given a date',
        draft((f) =>
          f.events.push({
            id: 'event:kuantyrov-adesoji-meeting',
            kind: 'meeting',
            title: 'Meeting',
            status: 'held',
            date: { value: '2025-06-01', quote: 'on June 1' },
            quote: 'Alibek Kuantyrov met Adeniyi Adesoji',
          }),
        ),
        ['event:kuantyrov-adesoji-meeting date null → 2025-06-01'],
      ],
      [
        'a host made only mentioned',
        draft((f) =>
          f.events.push({
            id: 'event:kuantyrov-adesoji-meeting',
            kind: 'meeting',
            title: 'Meeting',
            status: 'held',
            quote: 'Alibek Kuantyrov met Adeniyi Adesoji',
            participants: [{ who: 'person:alibek-kuantyrov', role: 'mentioned', quote: 'Kuantyrov was only mentioned' }],
          }),
        ),
        [
          'person:alibek-kuantyrov → event:kuantyrov-adesoji-meeting role host → mentioned',
          'person:alibek-kuantyrov → event:kuantyrov-adesoji-meeting represents country:KZ → null',
        ],
      ],
      [
        'a meeting turned into a call',
        draft((f) =>
          f.events.push({
            id: 'event:kuantyrov-adesoji-meeting',
            kind: 'call',
            title: 'Call',
            status: 'held',
            quote: 'Alibek Kuantyrov met Adeniyi Adesoji',
          }),
        ),
        ['event:kuantyrov-adesoji-meeting kind meeting → call'],
      ],
      [
        'a country renamed by a note and referred to by its ISO code',
        draft((f) => (f.countries = [{ id: 'country:KZ', name: 'Kazakhstan', note: 'renamed', quote: 'Kazakhstan' }])),
        ['country:KZ note null → renamed'],
      ],
    ];
    for (const [what, facts, expected] of variants) {
      const res = await accept(facts);
      expect(res.status, `${what}: ${JSON.stringify(res.body).slice(0, 400)}`).to.equal(409);
      expect(res.type).to.contain('application/problem+json');
      const listed = res.body.changes!.map((c) => `${c.id} ${c.property} ${String(c.current)} → ${String(c.proposed)}`);
      for (const e of expected)
        expect(
          listed.some((l) => l.startsWith(e)),
          `${what}: ${JSON.stringify(listed)}`,
        ).to.equal(true);
    }
    expect((await driver.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0]!.get('n').toNumber()).to.equal(nodes);
    await unchanged();
  });

  it('names the article itself: curated names, case variants, paths and overlong names never reach a file or a source', async () => {
    const sources = async () =>
      (await driver.executeQuery('MATCH (s:Source) RETURN s.id AS id, s.text AS text ORDER BY id')).records.map(
        (r) => `${r.get('id') as string} ${(r.get('text') as string).length}`,
      );
    const curatedSources = await sources();
    for (const file of [
      '000_c9f91e7b6a0dedac.txt',
      '000_C9F91E7B6A0DEDAC.txt',
      '001_c52e3ca9136f1ee9.txt',
      `${'x'.repeat(116)}.txt`,
      'a.b.txt',
    ]) {
      const res = await accept(draft((f) => (f.source.file = file)));
      expect(res.status, `${file}: ${JSON.stringify(res.body).slice(0, 300)}`).to.equal(200);
      expect(res.body.source, file).to.match(/^\d{3}_[a-z0-9-]{1,60}\.txt$/);
      expect(res.body.source).to.not.equal(file);
    }
    for (const file of ['../../server/main.txt', '/etc/passwd.txt', 'a\u0000.txt', 'x'.repeat(5000), `${'x'.repeat(300)}.txt`]) {
      const res = await accept(draft((f) => (f.source.file = file)));
      expect(res.status, file.slice(0, 40)).to.equal(400);
      expect(res.body.errors![0]!.param).to.equal('facts.source.file');
    }
    const after = await sources();
    for (const s of curatedSources) expect(after, 'a curated article was rewritten').to.include(s);
    expect(after.filter((s) => /^source:00[0-4]_/.test(s))).to.deep.equal(curatedSources.filter((s) => /^source:00[0-4]_/.test(s)));
    await unchanged();
  });

  it('refuses drafts past the caps: thousands of entities, a crowd at one meeting, N² meetings', async () => {
    const people = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({
        id: `person:crowd-${from + i}`,
        name: `Crowd Person ${from + i}`,
        quote: 'Alibek Kuantyrov',
      }));
    const at = (ids: { id: string }[]) =>
      ids.map((p) => ({ who: p.id, role: 'participant', quote: 'Alibek Kuantyrov met Adeniyi Adesoji' }));
    const meeting = (id: string, participants: unknown[]) => ({
      id,
      kind: 'meeting',
      title: 'A crowded meeting',
      status: 'held',
      quote: 'Alibek Kuantyrov met Adeniyi Adesoji',
      participants,
    });
    const variants: [string, Record<string, unknown>, RegExp][] = [
      ['10,000 people', draft((f) => (f.people = people(10_000))), /entities .*at most 150/],
      [
        'one meeting of 500',
        draft((f) => {
          f.people = people(100);
          f.events = [meeting('event:crowd', at(people(500)))];
        }),
        /500 participants; at most 40/,
      ],
      [
        'three meetings of 40 (2,340 MET)',
        draft((f) => {
          f.people = people(120);
          f.events = [0, 1, 2].map((k) => meeting(`event:crowd-${k}`, at(people(40, 40 * k).concat(people(0)))));
        }),
        /participants; at most 40|MET relationships/,
      ],
      [
        'two full meetings of the same 40 people',
        draft((f) => {
          f.people = people(40);
          f.events = [meeting('event:crowd-a', at(people(40))), meeting('event:crowd-b', at(people(40)))];
        }),
        /would add 1560 MET relationships .* at most 1000/,
      ],
      [
        '5,000 quotes',
        draft((f) => (f.people = people(100).map((p) => ({ ...p, quote: Array(50).fill('Alibek Kuantyrov') })))),
        /5000 quotes; at most 1000/,
      ],
    ];
    for (const [what, facts, message] of variants) {
      const res = await accept(facts);
      expect(res.status, `${what}: ${JSON.stringify(res.body).slice(0, 300)}`).to.equal(400);
      expect(JSON.stringify(res.body.errors), what).to.match(message);
    }
    expect(
      (await driver.executeQuery("MATCH (p:Person) WHERE p.id STARTS WITH 'person:crowd-' RETURN count(p) AS n")).records[0]!.get(
        'n',
      ).toNumber(),
    ).to.equal(0);
    await unchanged();
  });

  it('writes a change only as chosen: keep leaves the graph’s value, replace sets exactly that property', async () => {
    const hostile = draft((f) => {
      f.organizations.push({
        id: 'org:kz-mfa',
        name: 'Ministry of Foreign Affairs of Kazakhstan',
        kind: 'company',
        note: 'A company now.',
        quote: 'The Ministry of Foreign Affairs of Kazakhstan',
      });
      f.events.push({
        id: 'event:kuantyrov-adesoji-meeting',
        kind: 'meeting',
        title: 'Meeting',
        status: 'held',
        date: { value: '2025-06-01', quote: 'on June 1' },
        quote: 'Alibek Kuantyrov met Adeniyi Adesoji',
      });
    });
    const refused = await accept(hostile, [{ id: 'org:kz-mfa', property: 'kind', choice: 'keep' }]);
    expect(refused.status).to.equal(409);
    expect(refused.body.changes!.map((c) => `${c.id} ${c.property}`)).to.deep.equal([
      'org:kz-mfa note',
      'event:kuantyrov-adesoji-meeting date',
    ]);
    await unchanged();

    const res = await accept(hostile, [
      { id: 'org:kz-mfa', property: 'kind', choice: 'keep' },
      { id: 'org:kz-mfa', property: 'note', choice: 'keep' },
      { id: 'event:kuantyrov-adesoji-meeting', property: 'date', choice: 'keep' },
    ]);
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).to.equal(200);
    expect(res.body.keptAsIs).to.have.length(3);
    expect(res.body.replaced).to.deep.equal([]);
    await unchanged();
    const mfa = (
      await driver.executeQuery("MATCH (o:Organization {id: 'org:kz-mfa'}) RETURN o.kind AS kind, o.note AS note, o.sources AS sources")
    ).records[0]!;
    expect([mfa.get('kind'), mfa.get('note')]).to.deep.equal(['ministry', null]);
    expect(mfa.get('sources')).to.include(`source:${res.body.source.replace(/\.txt$/, '')}`);

    const replaced = await accept(
      draft((f) =>
        f.organizations.push({
          id: 'org:kz-mfa',
          name: 'Ministry of Foreign Affairs of Kazakhstan',
          kind: 'ministry',
          note: 'Checked by the reviewer.',
          quote: 'The Ministry of Foreign Affairs of Kazakhstan',
        }),
      ),
      [{ id: 'org:kz-mfa', property: 'note', choice: 'replace' }],
    );
    expect(replaced.status).to.equal(200);
    expect(replaced.body.replaced).to.deep.equal([
      { id: 'org:kz-mfa', label: 'Organization', property: 'note', current: null, proposed: 'Checked by the reviewer.' },
    ]);
    const changed = altered(curated, await snapshot(driver));
    expect(changed).to.have.length(1);
    expect(changed[0]).to.match(/"kind":"ministry".*\n.*"note":"Checked by the reviewer\."/s);
  });
});
