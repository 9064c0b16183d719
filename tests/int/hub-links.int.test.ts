// The hub and the evidence of a line, over HTTP on the seeded graph: one weighted line per counterpart,
// neighbours with their group keys, the window applied by the server (and what it hides said), and
// everything joining two entities with its quotes.
import { expect } from 'chai';
import { getJson } from '../support/app.ts';

const KUANTYROV = 'person:alibek-kuantyrov';
const LOKPOBIRI = 'person:heineken-lokpobiri';

interface Hub {
  center: { id: string; name: string };
  people: { id: string; meetings: number; first: string | null; last: string | null; inferred: number; country: { id: string } | null }[];
  peers: { a: string; b: string; meetings: number }[];
  neighbours: {
    id: string;
    type: string;
    group: { kind: string; year: string | null; country: { id: string } | null };
    parent: string | null;
  }[];
  links: { from: string; to: string; type: string }[];
  facets: { kinds: { key: string; count: number }[]; years: { key: string; count: number }[]; countries: { key: string; count: number }[] };
  total: number;
  truncated: boolean;
  hidden: { meetingsOutside: number; meetingsUndated: number; eventsOutside: number; eventsUndated: number };
  activity: { period: string; events: number; meetings: number }[];
  undatedActivity: number;
}

describe('GET /api/entities/:id/hub (real Neo4j)', () => {
  it('lists each counterpart once with the number of meetings, dates, country; neighbours with kind, year and country', async () => {
    const res = await getJson<Hub>(`/api/entities/${KUANTYROV}/hub`);
    expect(res.status).to.equal(200);
    const hub = res.body;
    expect(hub.center.id).to.equal(KUANTYROV);
    expect(hub.people.map((p) => p.id)).to.include.members([LOKPOBIRI, 'person:adeniyi-adesoji', 'person:olivier-nduhungirehe']);
    expect(new Set(hub.people.map((p) => p.id)).size).to.equal(hub.people.length);
    const lokpobiri = hub.people.find((p) => p.id === LOKPOBIRI)!;
    expect(lokpobiri).to.deep.include({ meetings: 1, first: '2025-02-01', last: '2025-02-01', inferred: 0 });
    expect(lokpobiri.country?.id).to.equal('country:NG');
    // An undated meeting counts, without inventing a date.
    expect(hub.people.find((p) => p.id === 'person:adeniyi-adesoji')).to.deep.include({ meetings: 1, first: null, last: null });
    // Meetings among his counterparts (the forum session) are drawn too.
    expect(hub.peers.length).to.be.greaterThan(0);
    expect(hub.neighbours.find((n) => n.id === 'event:kuantyrov-lokpobiri-meeting')).to.deep.include({
      parent: 'event:2025-02-kz-delegation-visit-ng',
    });
    expect(hub.neighbours.find((n) => n.id === 'event:kuantyrov-lokpobiri-meeting')!.group).to.deep.include({
      kind: 'meeting',
      year: '2025',
    });
    expect(hub.neighbours.find((n) => n.id === 'org:kz-mfa')!.group).to.deep.equal({
      kind: 'organization',
      year: null,
      country: { id: 'country:KZ', name: 'Kazakhstan' },
    });
    expect(hub.facets.years).to.deep.equal([
      { key: '2025', label: '2025', count: 6 },
      { key: 'undated', label: 'undated', count: 2 },
    ]);
    expect(hub.facets.kinds.reduce((n, f) => n + f.count, 0)).to.equal(hub.total);
    expect(hub.links).to.deep.include({
      from: LOKPOBIRI,
      to: 'event:kuantyrov-lokpobiri-meeting',
      type: 'PARTICIPATED_IN',
      role: 'host',
      inferred: false,
    });
    expect(hub.hidden).to.deep.equal({ meetingsOutside: 0, meetingsUndated: 0, eventsOutside: 0, eventsUndated: 0 });
    expect(hub.activity).to.deep.equal([{ period: '2025-02', events: 6, meetings: 5 }]);
    expect(hub.undatedActivity).to.equal(2);
  });

  it('applies the window on the server and says what it hides', async () => {
    const res = await getJson<Hub>(`/api/entities/${KUANTYROV}/hub?from=2025-02&to=2025-02`);
    expect(res.status).to.equal(200);
    expect(res.body.people.map((p) => p.id).sort()).to.deep.equal([
      'person:dunoma-umar-ahmed',
      'person:ekperikpe-ekpo',
      LOKPOBIRI,
      'person:nura-abba-rimi',
    ]);
    expect(res.body.hidden).to.deep.equal({ meetingsOutside: 0, meetingsUndated: 4, eventsOutside: 0, eventsUndated: 2 });
    expect(res.body.neighbours.every((n) => n.group.year !== 'undated')).to.equal(true);
    // The activity histogram is all time, whatever the window.
    expect(res.body.activity).to.deep.equal([{ period: '2025-02', events: 6, meetings: 5 }]);
    const before = await getJson<Hub>(`/api/entities/${KUANTYROV}/hub?to=2025-01`);
    expect(before.body.people).to.deep.equal([]);
    expect(before.body.hidden.meetingsOutside).to.equal(4);
    const kept = await getJson<Hub>(`/api/entities/${KUANTYROV}/hub?to=2025-01&includeUndated=true`);
    expect(kept.body.people.map((p) => p.id)).to.include('person:adeniyi-adesoji');
  });

  it('filters the neighbours to one group (kind, year, country) and caps them, keeping the facets of all', async () => {
    const talks = await getJson<Hub>(`/api/entities/${KUANTYROV}/hub?kind=talks`);
    expect(talks.body.neighbours.map((n) => n.id).sort()).to.deep.equal(['event:kuantyrov-ahmed-talks', 'event:kz-delegation-ekpo-talks']);
    expect(talks.body.facets.kinds.find((f) => f.key === 'meeting')!.count).to.equal(4);
    const kz = await getJson<Hub>(`/api/entities/${KUANTYROV}/hub?country=KZ`);
    expect(kz.body.neighbours.map((n) => n.id).sort()).to.deep.equal(['event:kazakhstan-africa-new-frontiers-session', 'org:kz-mfa']);
    const undated = await getJson<Hub>(`/api/entities/${KUANTYROV}/hub?year=undated`);
    expect(undated.body.neighbours).to.have.length(2);
    const capped = await getJson<Hub>(`/api/entities/${KUANTYROV}/hub?limit=3`);
    expect(capped.body).to.deep.include({ total: 9, truncated: true });
    expect(capped.body.neighbours).to.have.length(3);
  });

  it('refuses bad parameters with problem+json naming them', async () => {
    for (const [query, param] of [
      ['limit=0', 'limit'],
      ['year=20x5', 'year'],
      ['kind=DROP%20X', 'kind'],
      ['from=2025-03&to=2025-01', 'to'],
    ] as const) {
      const res = await getJson<{ param: string }>(`/api/entities/${KUANTYROV}/hub?${query}`);
      expect(res.status, query).to.equal(400);
      expect(res.type).to.contain('application/problem+json');
      expect(res.body.param, query).to.equal(param);
    }
    expect((await getJson(`/api/entities/person:nobody/hub`)).status).to.equal(404);
  });
});

interface Links {
  total: number;
  links: {
    type: string;
    properties: Record<string, unknown>;
    evidence: { quote: string }[];
    event: {
      event: { id: string; kind: string; start: string };
      places: { name: string }[];
      evidence: { quote: string }[];
      records: unknown[];
    } | null;
  }[];
}

describe('GET /api/links (real Neo4j)', () => {
  it('lists the meeting on a MET line with date, kind and the quote', async () => {
    const res = await getJson<Links>(`/api/links?a=${KUANTYROV}&b=${LOKPOBIRI}`);
    expect(res.status).to.equal(200);
    expect(res.body.total).to.equal(1);
    const [met] = res.body.links;
    expect(met!.type).to.equal('MET');
    expect(met!.event!.event).to.deep.include({ id: 'event:kuantyrov-lokpobiri-meeting', kind: 'meeting', start: '2025-02-01' });
    expect(met!.event!.evidence[0]!.quote).to.contain('Heineken Lokpobiri');
    expect(met!.event!.records).to.deep.equal([]);
  });

  it('keeps to the window and lists titles and participations too', async () => {
    expect((await getJson<Links>(`/api/links?a=${KUANTYROV}&b=${LOKPOBIRI}&to=2025-01`)).body.total).to.equal(0);
    const title = await getJson<Links>(`/api/links?a=${KUANTYROV}&b=org:kz-mfa`);
    expect(title.body.links.map((l) => l.type)).to.include('HOLDS');
    expect(title.body.links.find((l) => l.type === 'HOLDS')!.evidence.length).to.be.greaterThan(0);
    const participation = await getJson<Links>(`/api/links?a=${KUANTYROV}&b=event:kuantyrov-lokpobiri-meeting`);
    expect(participation.body.links[0]).to.deep.include({ type: 'PARTICIPATED_IN' });
    expect(participation.body.links[0]!.event!.event.id).to.equal('event:kuantyrov-lokpobiri-meeting');
  });

  it('refuses the same entity twice and names a missing one', async () => {
    expect((await getJson(`/api/links?a=${KUANTYROV}&b=${KUANTYROV}`)).status).to.equal(400);
    expect((await getJson(`/api/links?a=${KUANTYROV}&b=person:nobody`)).status).to.equal(404);
  });
});

describe('GET /api/reports/person/:id with a window (real Neo4j)', () => {
  it('keeps the dossier to the window and says how much it leaves out', async () => {
    const all = await getJson<{ notes: string[]; sections: { id: string; statements: { data: { eventId?: string; date?: string } }[] }[] }>(
      `/api/reports/person/${KUANTYROV}?format=json`,
    );
    const kept = await getJson<typeof all.body>(`/api/reports/person/${KUANTYROV}?format=json&from=2025-02&to=2025-02`);
    expect(kept.status).to.equal(200);
    const events = (r: typeof all.body) => r.sections.find((s) => s.id === 'events')!.statements;
    expect(events(kept.body).length).to.be.lessThan(events(all.body).length);
    expect(events(kept.body).every((s) => s.data.date?.endsWith('2025'))).to.equal(true);
    const left = events(all.body).length - events(kept.body).length;
    expect(kept.body.notes.at(-1)).to.equal(`Kept to 2025-02 – 2025-02: ${left} events outside it or undated are not listed.`);
    expect((await getJson(`/api/reports/person/${KUANTYROV}?from=2025-03&to=2025-01`)).status).to.equal(400);
  });
});
