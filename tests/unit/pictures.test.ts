import { expect } from 'chai';
import { groupJourneys } from '../../server/services/pictures/journeys.ts';
import { laneUp } from '../../server/services/pictures/timeline.ts';
import { decodePicture, encodePicture, pictureUrls } from '../../client/src/pictures/query.ts';
import { toCsv } from '../../client/src/pictures/export.ts';
import { createRequire } from 'node:module';
import { placeCountries, shapesByKey, type Topology } from '../../client/src/pictures/shapes.ts';
import { countryTable } from '../../seeds/countries.ts';

describe('pictures (no database)', () => {
  it('groups a traveller’s stops into journeys when they follow within 3 days, per traveller, undated apart', () => {
    const j = groupJourneys([
      { traveller: 'a', event: 's1', start: '2021-03-15', end: '2021-03-17' },
      { traveller: 'a', event: 's2', start: '2021-03-17', end: '2021-03-18' },
      { traveller: 'a', event: 's3', start: '2021-03-22', end: '2021-03-22' },
      { traveller: 'b', event: 's4', start: '2021-03-16', end: '2021-03-16' },
      { traveller: 'a', event: 's5', start: null, end: null },
    ]);
    expect([...j.entries()]).to.deep.equal([
      ['a s1', 1],
      ['a s2', 1],
      ['a s3', 2],
      ['b s4', 3],
    ]);
  });

  it('puts marks in lanes, busiest first, then earliest, and counts the lanes left out', () => {
    const event = (id: string, start: string | null) => ({
      id,
      title: id,
      kind: 'meeting',
      status: 'held',
      start,
      end: start,
      datePrecision: 'day',
      place: null,
      partOf: null,
      participants: [],
      evidence: [],
    });
    const mark = (lane: string, id: string, start: string | null) => ({
      lane: { id: lane, type: 'person', name: lane, country: null },
      event: event(id, start),
      role: 'guest',
      inferred: false,
      citations: [],
    });
    const out = laneUp(
      [mark('x', 'e1', '2020-01-01'), mark('y', 'e2', '2019-01-01'), mark('x', 'e3', '2021-01-01'), mark('z', 'e4', '2018-01-01')],
      2,
    );
    expect(out.lanes.map((l) => [l.id, l.events, l.first])).to.deep.equal([
      ['x', 2, '2020-01-01'],
      ['z', 1, '2018-01-01'],
    ]);
    expect(out.items.map((i) => i.event.id)).to.deep.equal(['e1', 'e3', 'e4']);
    expect(out.otherLanes).to.deep.equal({ lanes: 1, items: 1 });
  });

  it('keeps the Pictures view in the URL and knows which pictures a subject has', () => {
    for (const text of ['person:blinken-antony-j', 'country:JP', 'pair:US:JP', 'all'])
      expect(encodePicture(decodePicture(text)!)).to.equal(text);
    expect(decodePicture('event:x')).to.equal(null);
    expect(pictureUrls({ kind: 'pair', a: 'US', b: 'JP', from: '2021' })).to.deep.equal({
      timeline: '/api/pictures/timeline?a=US&b=JP&from=2021',
      years: null,
      map: null,
      summary: null,
    });
    expect(pictureUrls({ kind: 'country', id: 'country:JP' }).map).to.equal('/api/pictures/map?country=JP');
  });

  it('writes CSV as RFC 4180', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [null, 3],
        ],
      ),
    ).to.equal('a,b\r\n"x, y","say ""hi"""\r\n,3\r\n');
  });

  it('puts the answer’s countries on world-atlas shapes by the ISO numeric code of the one country table, Kosovo by name', () => {
    const world = shapesByKey(createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology);
    const table = countryTable();
    const answer = ['JP', 'IL', 'UA', 'US', 'XK', 'SU'].map((iso) => {
      const c = table.byCode(iso)!;
      return { iso2: c.iso, ccn3: c.ccn3, name: c.name, visited: 1, travelled: 0 };
    });
    expect(answer.map((c) => c.ccn3)).to.deep.equal(['392', '376', '804', '840', null, null]);
    const { byShape, shapeOf } = placeCountries(world, answer);
    const shapeName = (iso: string) => shapeOf.get(iso)?.properties.name ?? null;
    expect(['JP', 'IL', 'UA', 'US', 'XK', 'SU'].map(shapeName)).to.deep.equal([
      'Japan',
      'Israel',
      'Ukraine',
      'United States of America',
      'Kosovo',
      null,
    ]);
    expect(byShape.get('392')?.iso2).to.equal('JP');
    // Every country of the table that ISO numbers finds its shape, but Tuvalu, too small for the 1:50m shapes.
    const all = table.countries.map((c) => ({ iso2: c.iso, ccn3: c.ccn3, name: c.name, visited: 0, travelled: 0 }));
    const missing = all.filter((c) => c.ccn3 && !placeCountries(world, [c]).shapeOf.has(c.iso2)).map((c) => c.iso2);
    expect(missing).to.deep.equal(['TV']);
  });
});
