import { expect } from 'chai';
import { countPicked, eventFacets, eventLabel, hubElements, isHub, personSize } from '../../client/src/hub.ts';
import { hubLayout, type LayoutItem } from '../../client/src/hub-layout.ts';
import type { HubAnswer, HubNeighbour } from '../../client/src/types.ts';

const person = (id: string, meetings: number, country: string | null = 'country:IL') => ({
  id,
  name: id.replace('person:', ''),
  meetings,
  first: '2022-01-01',
  last: '2023-01-01',
  inferred: 0,
  degree: meetings,
  country: country ? { id: country, name: country.slice(8) } : null,
});
const event = (id: string, kind: string, start: string | null, country: string | null, parent: string | null = null): HubNeighbour => ({
  id,
  type: 'event',
  name: `Antony John Blinken meets ${id}`,
  kind,
  status: 'held',
  start,
  end: start,
  datePrecision: start ? 'day' : 'unknown',
  link: { type: 'PARTICIPATED_IN', outgoing: true, role: 'guest', title: null, inferred: false },
  group: { kind, year: start ? start.slice(0, 4) : 'undated', country: country ? { id: country, name: country } : null },
  parent,
  undated: !start,
});

function hub(people: ReturnType<typeof person>[], neighbours: HubNeighbour[]): HubAnswer {
  return {
    center: { id: 'person:blinken', type: 'person', name: 'Antony John Blinken', kind: null },
    query: { from: null, to: null, includeUndated: false, kind: null, year: null, country: null, limit: 2000 },
    people,
    peers: [],
    neighbours,
    links: [{ from: 'person:a', to: 'event:m1', type: 'PARTICIPATED_IN', role: 'host', inferred: false }],
    facets: { kinds: [], years: [], countries: [] },
    total: neighbours.length,
    truncated: false,
    hidden: { meetingsOutside: 0, meetingsUndated: 0, eventsOutside: 0, eventsUndated: 0 },
    activity: [],
    undatedActivity: 0,
  };
}

describe('client: hub mode', () => {
  it('labels an event without the centre’s name, with its date', () => {
    expect(eventLabel('Antony John Blinken meets Prime Minister Benjamin Netanyahu', 'Antony John Blinken', '2024-06-10', 'day')).to.equal(
      'meets Prime Minister Benjamin Netanyahu · 10 Jun 2024',
    );
    expect(eventLabel('Secretary of State Antony John Blinken in Israel', 'Antony John Blinken', '2024-06', 'month')).to.equal(
      'in Israel · Jun 2024',
    );
    expect(eventLabel('Kazakhstan–Africa session', 'Antony John Blinken', null, null)).to.equal('Kazakhstan–Africa session · undated');
  });

  it('sizes people by the square root of their meetings, 24 to 64 px', () => {
    expect(personSize(1, 13)).to.equal(24);
    expect(personSize(13, 13)).to.equal(64);
    expect(personSize(4, 13)).to.be.within(24, 64);
    expect(personSize(1, 1)).to.equal(30);
  });

  it('draws one weighted line per counterpart and no events until a group is picked', () => {
    const people = Array.from({ length: 70 }, (_, i) => person(`person:p${i}`, 70 - i));
    const events = [
      event('event:v1', 'visit', '2022-03-01', 'IL'),
      event('event:m1', 'meeting', '2022-03-01', 'IL', 'event:v1'),
      event('event:m2', 'meeting', '2023-05-01', 'EG'),
    ];
    const h = hub([...people, person('person:a', 1)], events);
    expect(isHub(h)).to.equal(true);
    const none = hubElements(h, []);
    expect(none.filter((e) => e.group === 'nodes').map((e) => e.data.id)).to.not.include('event:v1');
    const lines = none.filter((e) => e.group === 'edges');
    expect(lines).to.have.length(71);
    expect(lines[0]!.data).to.deep.include({ id: 'met:person:blinken|person:p0', type: 'MET', meetings: 70 });
    const year = hubElements(h, [{ by: 'year', key: '2022' }]);
    expect(year.filter((e) => e.data.type === 'event').map((e) => e.data.id)).to.deep.equal(['event:v1', 'event:m1']);
    // The meeting hangs off its visit: no line from the centre to it, one to the visit.
    expect(year.some((e) => e.group === 'edges' && e.data.target === 'event:m1' && e.data.source === 'person:blinken')).to.equal(false);
    expect(year.some((e) => e.group === 'edges' && e.data.target === 'event:v1' && e.data.source === 'person:blinken')).to.equal(true);
    expect(year.some((e) => e.group === 'edges' && e.data.source === 'person:a' && e.data.target === 'event:m1')).to.equal(true);
    expect(countPicked(h, [{ by: 'country', key: 'EG' }])).to.equal(1);
    expect(countPicked(h, [{ by: 'all', key: '*' }])).to.equal(3);
    expect(eventFacets(h).year.map((f) => [f.key, f.count])).to.deep.equal([
      ['2023', 1],
      ['2022', 2],
    ]);
  });

  it('draws everything of a small neighbourhood', () => {
    const small = hub([person('person:a', 1)], [event('event:m1', 'meeting', null, null)]);
    expect(isHub(small)).to.equal(false);
    expect(hubElements(small, []).map((e) => e.data.id)).to.include('event:m1');
  });
});

describe('client: the hub layout', () => {
  const item = (id: string, country: string | null, ring: 0 | 1, weight = 0, order = '9999', parent: string | null = null): LayoutItem => ({
    id,
    country,
    countryName: country,
    ring,
    weight,
    order,
    parent,
    size: 30,
  });

  it('places every node once, the centre in the middle, people nearer than events', () => {
    const items = [item('p1', 'IL', 0, 5), item('p2', 'EG', 0, 1), item('e1', 'IL', 1), item('e2', 'EG', 1)];
    const at = hubLayout({ id: 'c', size: 40 }, items);
    expect([...at.keys()].sort()).to.deep.equal(['c', 'e1', 'e2', 'p1', 'p2']);
    expect(at.get('c')).to.deep.equal({ x: 0, y: 0 });
    const r = (id: string) => Math.hypot(at.get(id)!.x, at.get(id)!.y);
    expect(r('e1')).to.be.greaterThan(r('p1'));
    expect(r('e2')).to.be.greaterThan(r('p2'));
  });

  it('keeps each country in its own wedge and nodes apart at 1,000 nodes', () => {
    const items: LayoutItem[] = [];
    for (let i = 0; i < 1000; i++)
      items.push(item(`n${i}`, `C${i % 40}`, i % 3 === 0 ? 0 : 1, i % 7, `2020-01-${String((i % 28) + 1).padStart(2, '0')}`));
    const at = hubLayout({ id: 'c', size: 40 }, items);
    expect(at.size).to.equal(1001);
    // No two nodes on top of each other (closer than a node's size).
    const points = [...at.values()];
    let overlaps = 0;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) if (Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y) < 30) overlaps++;
    expect(overlaps).to.equal(0);
    // One country's nodes share an angular range no other country's node enters.
    const angle = (id: string) => Math.atan2(at.get(id)!.y, at.get(id)!.x);
    const c0 = items.filter((x) => x.country === 'C0').map((x) => angle(x.id));
    const c1 = items.filter((x) => x.country === 'C1').map((x) => angle(x.id));
    expect(Math.max(...c0) < Math.min(...c1) || Math.max(...c1) < Math.min(...c0)).to.equal(true);
  });

  it('puts a visit’s meetings right after the visit', () => {
    const at = hubLayout({ id: 'c', size: 40 }, [
      item('v1', 'IL', 1, 0, '2022-01-01'),
      item('v2', 'IL', 1, 0, '2022-02-01'),
      item('m1', 'IL', 1, 0, '2022-01-01', 'v1'),
    ]);
    const angle = (id: string) => Math.atan2(at.get(id)!.y, at.get(id)!.x);
    expect(angle('v1')).to.be.lessThan(angle('m1'));
    expect(angle('m1')).to.be.lessThan(angle('v2'));
  });
});
