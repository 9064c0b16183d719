// The State Department importer against the real Neo4j, on the fixture slice: exact counts, a second
// run that changes nothing, MET derived from the prose, and the two analyst questions through the
// HTTP API. The database is emptied for the slice and the seeds are loaded back afterwards.
import { expect } from 'chai';
import { graphChecksum } from '../../graph/checksum.ts';
import { loadFactFiles } from '../../seeds/loader.ts';
import { readGraphCounts as graphCounts } from '../../graph/store.ts';
import { importStateDept, type ImportSummary } from '../../seeds/import/state-dept/import.ts';
import { getJson, postJson } from '../support/app.ts';
import { rows, seededGraph } from '../support/seeded.ts';
import { SLICE } from '../support/state-dept.ts';

interface QueryAnswer {
  columns: string[];
  rows: unknown[][];
}

const table = (answer: QueryAnswer) =>
  answer.rows.map((row) => Object.fromEntries(answer.columns.map((c, i) => [c, (row[i] as { value?: unknown } | null)?.value ?? row[i]])));

describe('State Department import (real Neo4j, fixture slice)', function () {
  let first: ImportSummary;

  before(async () => {
    const { driver } = await seededGraph();
    await loadFactFiles({ driver, reset: true, files: [] });
    first = await importStateDept({ driver, dir: SLICE, progress: null, batchSize: 10 });
  });

  after(async () => {
    const { driver } = await seededGraph();
    await loadFactFiles({ driver, reset: true });
  });

  it('imports the 23 rows in 3 batches (after dataset.yaml: the US and its State Department) and creates exactly this graph', async () => {
    const { driver } = await seededGraph();
    expect(first).to.deep.include({ read: 23, imported: 23, duplicates: 1, batches: 3, meetings: 10, skipped: [] });
    expect(first.counts).to.deep.include({ nodesCreated: 109, relationshipsCreated: 135, relationshipsDeleted: 0 });
    const graph = Object.fromEntries((await graphCounts(driver)).map((g) => [`${g.kind} ${g.name}`, g.count]));
    expect(graph).to.deep.equal({
      'node Country': 13,
      'node Entity': 85,
      'node Event': 36,
      'node Organization': 1,
      'node Person': 25,
      'node Place': 10,
      'node Source': 24,
      'relationship BASED_IN': 1,
      'relationship HELD_IN': 11,
      'relationship HOLDS': 21,
      'relationship IN': 10,
      'relationship MET': 9,
      'relationship PARTICIPATED_IN': 68,
      'relationship PART_OF': 15,
    });
  });

  it('derives MET from the meetings the prose names, dated by the stop or visit', async () => {
    const { driver } = await seededGraph();
    const met = await rows(
      driver,
      `MATCH (a:Person)-[m:MET]->(b:Person) RETURN a.id AS a, b.id AS b, m.event AS event, toString(m.date) AS date, m.datePrecision AS precision
       ORDER BY event`,
    );
    expect(met.map((m) => `${m.event} ${m.a} ${m.b} ${m.date}`)).to.deep.equal([
      'event:trip-3450-meeting-1 person:kerry-john-forbes person:pietro-parolin 2014-01-14',
      'event:trip-3594-meeting-1 person:kerry-john-forbes person:nursultan-nazarbayev 2015-11-02',
      'event:trip-3992-meeting-1 person:blinken-antony-j person:toshimitsu-motegi 2021-03-15',
      'event:trip-4113-meeting-1 person:biden-joseph-r person:boris-johnson 2021-06-09',
      'event:trip-4113-meeting-2 person:biden-joseph-r person:elizabeth-ii 2021-06-09',
      'event:visit-1327-meeting-1 person:clinton-william-j person:ng-olusegun-obasanjo 1999-03-30',
      'event:visit-1727-meeting-1 person:bush-george-w person:ng-olusegun-obasanjo 2004-06-10',
      'event:visit-1888-meeting-1 person:bush-george-w person:jp-shinzo-abe 2007-04-26',
      'event:visit-697-meeting-1 person:reagan-ronald person:su-mikhail-gorbachev 1988-12-07',
    ]);
  });

  it('keeps both sources of the duplicate row on the one event and its meeting', async () => {
    const { driver } = await seededGraph();
    const [dup] = await rows(driver, `MATCH (e:Event {id: 'event:trip-3992'}) RETURN e.sources AS sources`);
    expect(dup!.sources).to.deep.equal(['source:state-dept-trip-3992', 'source:state-dept-trip-4019']);
    const [met] = await rows(driver, `MATCH ()-[m:MET {event: 'event:trip-3992-meeting-1'}]->() RETURN m.sources AS sources`);
    expect(met!.sources).to.deep.equal(['source:state-dept-trip-3992', 'source:state-dept-trip-4019']);
  });

  it('a second run creates nothing and changes no property', async () => {
    const { driver } = await seededGraph();
    const before = await graphChecksum(driver);
    const second = await importStateDept({ driver, dir: SLICE, progress: null });
    expect(second.counts).to.deep.include({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
    expect(await graphChecksum(driver)).to.deep.equal(before);
  });

  it('answers "which secretaries of state visited Kazakhstan, and when" (saved query visits-to-country)', async () => {
    const res = await postJson<QueryAnswer>('/api/queries/visits-to-country', { params: { country: 'KZ', title: 'Secretary of State' } });
    expect(res.status).to.equal(200);
    expect(table(res.body)).to.deep.equal([
      {
        start: '1991-12-17',
        end: '1991-12-17',
        precision: 'day',
        visitor: 'James Addison Baker',
        titles: ['Secretary of State'],
        represents: 'United States',
        places: ['Alma Ata'],
        visit: 'Secretary of State James Addison Baker in Kazakhstan',
      },
      {
        start: '2015-11-02',
        end: '2015-11-02',
        precision: 'day',
        visitor: 'John Forbes Kerry',
        titles: ['Secretary of State'],
        represents: 'United States',
        places: ['Astana'],
        visit: 'Secretary of State John Forbes Kerry in Kazakhstan',
      },
    ]);
  });

  it('answers "which leaders of Nigeria visited the US" (saved query visitors-from-country)', async () => {
    const res = await postJson<QueryAnswer>('/api/queries/visitors-from-country', { params: { country: 'NG', host: 'US' } });
    expect(res.status).to.equal(200);
    expect(table(res.body).map((r) => [r.start, r.visitor, r.titles, r.host])).to.deep.equal([
      ['1999-03-30', 'Olusegun Obasanjo', ['President-elect'], 'United States'],
      ['2001-05-10', 'Olusegun Obasanjo', ['President'], 'United States'],
      ['2004-06-10', 'Olusegun Obasanjo', ['President'], 'United States'],
    ]);
  });

  it('serves an imported person with every spelling and the meetings, through /api/entities and /api/meetings', async () => {
    const entity = await getJson<{ entity: { name: string; aliases: string[] } }>('/api/entities/person:ng-olusegun-obasanjo');
    expect(entity.status).to.equal(200);
    expect(entity.body.entity.name).to.equal('Olusegun Obasanjo');
    expect(entity.body.entity.aliases).to.have.members(['Olesegun Obasanjo', 'Olesegun Obsanjo']);
    const meetings = await getJson<{ meetings: { event: { id: string } }[] }>('/api/meetings?person=person:ng-olusegun-obasanjo');
    expect(meetings.body.meetings.map((m) => m.event.id).sort()).to.deep.equal([
      'event:visit-1327-meeting-1',
      'event:visit-1727-meeting-1',
    ]);
  });

  it('shows an imported meeting by its record: place, country, prose — never a column line as a quote', async () => {
    const res = await getJson<{
      total: number;
      links: {
        evidence: { quote: string }[];
        event: {
          places: { name: string }[];
          country: { name: string };
          evidence: { quote: string }[];
          records: { id: string; place: string; country: string; prose: string }[];
        };
      }[];
    }>('/api/links?a=person:blinken-antony-j&b=person:toshimitsu-motegi');
    expect(res.status).to.equal(200);
    expect(res.body.total).to.equal(1);
    const [link] = res.body.links;
    expect(link!.event.places.map((p) => p.name)).to.deep.equal(['Tokyo']);
    expect(link!.event.country.name).to.equal('Japan');
    expect(link!.event.records.map((r) => [r.id, r.place, r.country])).to.deep.equal([
      ['trip-3992', 'Tokyo', 'Japan'],
      ['trip-4019', 'Tokyo', 'Japan'],
    ]);
    expect(link!.event.records[0]!.prose).to.equal(
      'Attended the U.S.-Japan Security Consultative Committee meeting and met with Minister for Foreign Affairs Toshimitsu Motegi.',
    );
    const quotes = [...link!.evidence, ...link!.event.evidence].map((q) => q.quote);
    expect(quotes.length).to.be.greaterThan(0);
    for (const q of quotes) expect(q).to.not.match(/^(traveler|visitor|start_date|end_date|country|locale|role|title): /);
  });

  it('path hops over imported records name the meeting, its place and prose, not raw ids or "traveler:"', async () => {
    const res = await getJson<{
      paths: {
        nodes: { id: string }[];
        hops: {
          lastDate: string;
          links: {
            evidence: { quote: string }[];
            eventInfo: { name: string; places: string[]; country: string; records: { id: string; prose: string }[] };
          }[];
        }[];
      }[];
    }>('/api/paths?from=person:boris-johnson&to=person:elizabeth-ii');
    expect(res.status).to.equal(200);
    const [path] = res.body.paths;
    expect(path!.nodes.map((n) => n.id)).to.deep.equal(['person:boris-johnson', 'person:biden-joseph-r', 'person:elizabeth-ii']);
    for (const hop of path!.hops) {
      const [link] = hop.links;
      expect(link!.eventInfo.places).to.deep.equal(['Cornwall', 'London']);
      expect(link!.eventInfo.country).to.equal('United Kingdom');
      expect(link!.eventInfo.records.map((r) => r.id)).to.deep.equal(['trip-4113']);
      expect(link!.eventInfo.name).to.match(/^Joseph R\. Biden meets /);
      expect(hop.lastDate).to.equal('2021-06-09');
      expect(link!.evidence.map((q) => q.quote)).to.deep.equal(['Met with Prime Minister Boris Johnson and Queen Elizabeth II.']);
    }
  });
});
