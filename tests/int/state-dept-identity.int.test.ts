// The identity rules on the real Neo4j: the identity slice (tests/fixtures/state-dept/identity) over
// the seed articles, then what the graph says about the cases that went wrong before, what a mention
// looks like to the readers (no MET, no participant), and the identity report's numbers.
import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { loadFactFiles } from '../../seeds/loader.ts';
import { importStateDept } from '../../seeds/import/state-dept/import.ts';
import { identityReport } from '../../seeds/import/state-dept/report.ts';
import { getJson } from '../support/app.ts';
import { rows, seededGraph } from '../support/seeded.ts';

const IDENTITY_SLICE = fileURLToPath(new URL('../fixtures/state-dept/identity', import.meta.url));

// Visitors (title and country in their own row), US presidents (a visit's "Met with President …", by
// their terms), and counterparts whose nationality the text gives ("Syrian President Bashar Assad").
const EXPECTED_HOLDS = [
  'person:bush-george-h-w President US',
  'person:clinton-william-j President US',
  'person:gt-vinicio-cerezo-arevalo President GT',
  'person:il-benjamin-netanyahu Prime Minister IL',
  'person:jo-hussein-king King JO',
  'person:nixon-richard-m President US',
  'person:pl-andrzej-duda President PL',
  'person:pl-donald-tusk Prime Minister PL',
  'person:reagan-ronald President US',
  'person:ru-sergey-lavrov Foreign Minister RU',
  'person:sy-bashar-assad President SY',
];

describe('State Department import: identities (real Neo4j, identity slice over the seeds)', function () {
  before(async () => {
    const { driver } = await seededGraph();
    await loadFactFiles({ driver, reset: true });
    await importStateDept({ driver, dir: IDENTITY_SLICE, progress: null });
  });

  after(async () => {
    const { driver } = await seededGraph();
    await loadFactFiles({ driver, reset: true });
  });

  it('gives nobody a title at the country of a meeting: every HOLDS at a country is stated by its record', async () => {
    const { driver } = await seededGraph();
    const holds = await rows(
      driver,
      `MATCH (p:Person)-[h:HOLDS]->(c:Country) WHERE any(s IN h.sources WHERE s STARTS WITH 'source:state-dept-')
       RETURN p.id AS person, h.title AS title, c.iso2 AS country ORDER BY person, title`,
    );
    expect(holds.map((h) => `${h.person} ${h.title} ${h.country}`)).to.deep.equal(EXPECTED_HOLDS);
    expect(
      holds.filter((h) => /obama|hussein|netanyahu|assad/.test(h.person as string)).map((h) => `${h.person} ${h.title} ${h.country}`),
    ).to.deep.equal([
      'person:il-benjamin-netanyahu Prime Minister IL',
      'person:jo-hussein-king King JO',
      'person:sy-bashar-assad President SY',
    ]);
  });

  it("keeps one node per person: King Hussein, Netanyahu, Lavrov, Obama, and the seeds' Tinubu", async () => {
    const { driver } = await seededGraph();
    const people = await rows(
      driver,
      `MATCH (p:Person) WHERE any(n IN ['hussein', 'netanyahu', 'lavrov', 'obama', 'tinubu', 'assad'] WHERE toLower(p.name) ENDS WITH n)
       RETURN p.id AS id ORDER BY id`,
    );
    expect(people.map((p) => p.id)).to.deep.equal([
      'person:bola-ahmed-tinubu',
      'person:il-benjamin-netanyahu',
      'person:jo-hussein-king',
      'person:obama-barack',
      'person:ru-sergey-lavrov',
      'person:sy-bashar-assad',
    ]);
  });

  it('stores a mention on its meeting as written, with its span; it takes no part and meets nobody', async () => {
    const { driver } = await seededGraph();
    const [meeting] = await rows(
      driver,
      `MATCH (e:Event {id: 'event:trip-2855-meeting-1'})
       OPTIONAL MATCH (x)-[r:PARTICIPATED_IN]->(e)
       WITH e, collect(x.id) AS participants
       MATCH (s:Source {id: 'source:state-dept-trip-2855'})
       RETURN e.mentions AS mentions, participants, COUNT { ()-[:MET {event: e.id}]->() } AS met,
              [x IN e.evidence WHERE x STARTS WITH s.id | substring(s.text, toInteger(split(split(x, '#')[1], '-')[0]),
                 toInteger(split(split(x, '#')[1], '-')[1]) - toInteger(split(split(x, '#')[1], '-')[0]))] AS quotes`,
    );
    expect(meeting).to.deep.include({ mentions: ['President Assad'], participants: ['person:nixon-richard-m'], met: 0 });
    expect(meeting!.quotes).to.include('President Assad');
    const meetings = await getJson<{ meetings: unknown[] }>('/api/meetings?person=person:nixon-richard-m');
    expect(meetings.body.meetings).to.deep.equal([]);
  });

  it('marks a participation a rule identified (linkedBy), and derives MET for it', async () => {
    const { driver } = await seededGraph();
    const linked = await rows(
      driver,
      `MATCH (p:Person)-[r:PARTICIPATED_IN]->(e:Event) WHERE r.linkedBy IS NOT NULL
       RETURN p.id AS person, e.id AS event, r.linkedBy AS rule, COUNT { (p)-[:MET {event: e.id}]-() } AS met ORDER BY event`,
    );
    expect(linked).to.deep.equal([
      { person: 'person:il-benjamin-netanyahu', event: 'event:trip-128-meeting-1', rule: 'surname-office-date', met: 1 },
      { person: 'person:jo-hussein-king', event: 'event:trip-2102-meeting-1', rule: 'surname-office-date', met: 1 },
      { person: 'person:obama-barack', event: 'event:trip-3702-meeting-1', rule: 'surname-office-date', met: 1 },
    ]);
  });

  it('finds a person by the exact name or alias first, initials however written', async () => {
    const first = async (q: string) =>
      (
        await getJson<{ results: { id: string; summary?: { label: string; badges: { kind: string }[] } }[] }>(
          `/api/search?q=${encodeURIComponent(q)}`,
        )
      ).body.results[0];
    for (const q of ['George H.W. Bush', 'George H. W. Bush', 'George HW Bush'])
      expect((await first(q))?.id, q).to.equal('person:bush-george-h-w');
    const netanyahu = await first('Binyamin Netanyahu');
    expect(netanyahu).to.deep.include({ id: 'person:il-benjamin-netanyahu' });
    expect(netanyahu!.summary!.label).to.equal('Prime Minister · Israel · 1996–2009');
    const hussein = await first('Hussein');
    expect(hussein!.summary).to.deep.include({ label: 'King · Jordan · 1986–1990' });
    expect(hussein!.summary!.badges.map((b) => b.kind)).to.deep.equal(['surname-only', 'linked-by-rule']);
  });

  it('reports the identity numbers (npm run import -- state-dept --report)', async () => {
    const { driver } = await seededGraph();
    const report = Object.fromEntries((await identityReport(driver)).map((l) => [l.metric, l.count]));
    expect(report).to.deep.include({
      'people with a one-word name': 1,
      'people holding titles at two or more countries': 0,
      'one-word holders sharing a surname with a full-named person of another country in the same record': 0,
      'people named hussein': 1,
      'people named obama': 1,
      'people named tinubu': 1,
      'people named bush': 1,
    });
  });
});
