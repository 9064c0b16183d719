// The pictures' endpoints against the real Neo4j on the five seed articles: what each picture counts is
// checked against the graph counted directly, every mark cites quotes cut from its source, and bad
// requests are 400s naming the parameter.
import { expect } from 'chai';
import type { PersonSummary } from '../../server/services/pictures/summary.ts';
import type { TimelineAnswer } from '../../server/services/pictures/timeline.ts';
import type { VisitsMap } from '../../server/services/pictures/visits-map.ts';
import type { ActivityPerYear } from '../../server/services/pictures/years.ts';
import { getJson } from '../support/app.ts';
import { rows, seededGraph } from '../support/seeded.ts';
import { countryTable } from '../../seeds/countries.ts';

const KUANTYROV = 'person:alibek-kuantyrov';

describe('API: pictures (real Neo4j, seeded)', () => {
  it('timeline of a person: one lane per counterpart, every item citing a quote of its source', async () => {
    const { status, body } = await getJson<TimelineAnswer>(`/api/pictures/timeline?person=${KUANTYROV}`);
    expect(status).to.equal(200);
    const { driver } = await seededGraph();
    const [direct] = await rows(
      driver,
      `MATCH (:Person {id: $id})-[r:PARTICIPATED_IN]->(e:Event) WHERE r.role <> 'mentioned' RETURN count(DISTINCT e) AS n`,
      { id: KUANTYROV },
    );
    expect(body.events).to.equal(direct!.n);
    expect(body.lanes.map((l) => l.name)).to.include('Heineken Lokpobiri');
    expect(body.lanes.every((l, i, all) => i === 0 || all[i - 1]!.events >= l.events)).to.equal(true);
    expect(body.items.length).to.be.at.least(body.events);
    for (const item of body.items) {
      expect(item.citations.length, item.event.id).to.be.greaterThan(0);
      expect(body.sources.map((s) => s.id)).to.include(item.citations[0]!.sourceId);
    }
    const windowed = (await getJson<TimelineAnswer>(`/api/pictures/timeline?person=${KUANTYROV}&from=2025-02&to=2025-02`)).body;
    expect(windowed.items.every((i) => i.event.start! >= '2025-02-01' && (i.event.end ?? i.event.start!) <= '2025-02-28')).to.equal(true);
    expect(windowed.undated).to.equal(0);
  });

  it('timeline of two countries: lanes are officials of either side', async () => {
    const { body } = await getJson<TimelineAnswer>('/api/pictures/timeline?a=KZ&b=NG');
    expect(body.subject).to.deep.equal({
      kind: 'pair',
      a: { id: 'country:KZ', name: 'Kazakhstan' },
      b: { id: 'country:NG', name: 'Nigeria' },
    });
    expect(body.lanes.length).to.be.greaterThan(1);
    expect(body.lanes.filter((l) => l.type === 'person').every((l) => l.country === 'KZ' || l.country === 'NG')).to.equal(true);
  });

  it('events per year add up to the held events with two or more taking part', async () => {
    const { body } = await getJson<ActivityPerYear>('/api/pictures/years');
    const { driver } = await seededGraph();
    const [direct] = await rows(
      driver,
      `MATCH (e:Event {status: 'held'}) WHERE COUNT { (:Entity)-[r:PARTICIPATED_IN]->(e) WHERE r.role <> 'mentioned' } >= 2 RETURN count(e) AS n`,
    );
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(body.years.reduce((n, y) => n + y.total, 0) + sum(body.undated) + sum(body.spanningYears)).to.equal(direct!.n);
    const year = body.years.find((y) => y.meetings > 0)!;
    const listed = (await getJson<{ meetings: unknown[] }>(year.meetingsUrl)).body.meetings;
    expect(listed.length).to.equal(year.meetings);
  });

  it('the map lists visits from the traveller’s country to the one visited, and a person’s summary counts what the timeline shows', async () => {
    const map = (await getJson<VisitsMap>('/api/pictures/map')).body;
    const { driver } = await seededGraph();
    const [direct] = await rows(
      driver,
      `MATCH (:Person)-[:PARTICIPATED_IN {role: 'guest'}]->(e:Event {kind: 'visit', status: 'held'}) RETURN count(*) AS n`,
    );
    expect(map.visits.length).to.be.at.most(direct!.n as number);
    for (const v of map.visits) expect(v.citations.length).to.be.greaterThan(0);
    expect(map.countries.reduce((n, c) => n + c.visited, 0)).to.equal(map.visits.length);
    // Each country carries the ISO numeric code of the one country table, which the client's map joins on.
    expect(map.countries.length).to.be.greaterThan(0);
    expect(map.countries.map((c) => c.ccn3)).to.deep.equal(map.countries.map((c) => countryTable().byCode(c.iso2)?.ccn3 ?? null));
    expect(map.countries.filter((c) => c.ccn3 !== null).length).to.be.greaterThan(0);

    const summary = (await getJson<PersonSummary>(`/api/pictures/summary/${KUANTYROV}`)).body;
    const meetings = (await getJson<{ meetings: unknown[] }>(`/api/meetings?person=${KUANTYROV}&limit=500`)).body.meetings;
    expect(summary.meetings).to.equal(meetings.length);
    expect(summary.counterparts.top[0]!.citations.length).to.be.greaterThan(0);
    expect(summary.titles.map((t) => t.title)).to.include('Deputy Minister of Foreign Affairs');
    expect(summary.firstContact!.start <= summary.lastContact!.start).to.equal(true);
  });

  it('the live schema names its labels, types and properties', async () => {
    const { body } = await getJson<{ labels: string[]; relationshipTypes: string[]; propertyKeys: string[] }>('/api/schema');
    expect(body.labels).to.include.members(['Person', 'Event', 'Country']);
    expect(body.relationshipTypes).to.include.members(['MET', 'PARTICIPATED_IN']);
    expect(body.propertyKeys).to.include('datePrecision');
  });

  it('refuses a malformed request with a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/api/pictures/timeline', 'person'],
      ['/api/pictures/timeline?person=KZ&a=KZ&b=NG', 'person'],
      ['/api/pictures/timeline?a=KZ', 'b'],
      ['/api/pictures/timeline?a=KZ&b=kz', 'b'],
      ['/api/pictures/map?from=2025-13', 'from'],
      ['/api/pictures/years?colour=red', 'colour'],
      ['/api/pictures/summary/country:KZ', 'id'],
    ];
    for (const [url, param] of cases) {
      const { status, body } = await getJson<{ param?: string }>(url);
      expect([status, body.param], url).to.deep.equal([400, param]);
    }
    expect((await getJson(`/api/pictures/summary/person:nobody-here`)).status).to.equal(404);
  });
});
