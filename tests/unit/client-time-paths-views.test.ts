import { expect } from 'chai';
import { sourceLines } from '../../client/src/figure.ts';
import { hopOrder } from '../../client/src/path-order.ts';
import { binsOf, binsOfWindow, windowOf } from '../../client/src/time-bins.ts';
import { compactElements, decodeView, encodeView, parseView, ViewError, type SavedView } from '../../client/src/view.ts';
import { readRecordText, isColumnQuote } from '../../domain/record-text.ts';
import { renderSource } from '../../seeds/import/state-dept/map.ts';
import type { TripRecord } from '../../seeds/import/state-dept/records.ts';

describe('client: the time control’s bins', () => {
  it('bins by month up to six years, by year beyond, and trims empty months at the ends', () => {
    const months = binsOf([
      { period: '2021-03', events: 2, meetings: 1 },
      { period: '2021-06', events: 1, meetings: 0 },
    ])!;
    expect(months.unit).to.equal('month');
    expect(months.labels).to.deep.equal(['2021-03', '2021-04', '2021-05', '2021-06']);
    expect(months.events).to.deep.equal([2, 0, 0, 1]);
    const years = binsOf([
      { period: '1990-05', events: 1, meetings: 1 },
      { period: '1999', events: 3, meetings: 0 },
    ])!;
    expect(years.unit).to.equal('year');
    expect(years.labels).to.have.length(10);
    expect(years.events[9]).to.equal(3);
    expect(binsOf([])).to.equal(null);
  });

  it('turns handles into a window (the whole range is none) and a window into handles', () => {
    const b = binsOf([
      { period: '2021-01', events: 1, meetings: 0 },
      { period: '2022-12', events: 1, meetings: 0 },
    ])!;
    expect(windowOf(b, 0, b.labels.length - 1)).to.deep.equal({});
    expect(windowOf(b, 17, 17)).to.deep.equal({ from: '2022-06', to: '2022-06' });
    expect(windowOf(b, 20, 3)).to.deep.equal({ from: '2021-04', to: '2022-09' });
    expect(binsOfWindow(b, '2022-06', '2022-06')).to.deep.equal([17, 17]);
    expect(binsOfWindow(b, '2022', undefined)).to.deep.equal([12, 23]);
    expect(binsOfWindow(b, '1990', '2030')).to.deep.equal([0, 23]);
  });
});

describe('client: hops out of time order', () => {
  const hop = (date: string | null, lastDate: string | null = date, dates: (string | null)[] = [date]) => ({
    date,
    lastDate,
    links: dates.map((d) => ({ type: 'MET', from: 'a', to: 'b', date: d, evidence: [] })),
  });

  it('marks a hop whose every meeting is before what the path reached', () => {
    expect(hopOrder([hop('2024-02-20'), hop('2005-11-05', '2007-09-24'), hop('2002-06-05', '2008-05-17')])).to.deep.equal([
      'ok',
      'earlier',
      'ok',
    ]);
    expect(hopOrder([hop('2020-01-01'), hop('2021-01-01')])).to.deep.equal(['ok', 'ok']);
  });

  it('lets a busy hop continue with a later meeting, and skips undated hops', () => {
    expect(hopOrder([hop('2020-01-01', '2022-01-01', ['2019-01-01', '2021-06-01']), hop('2021-01-01')])).to.deep.equal(['ok', 'ok']);
    expect(hopOrder([hop('2022-01-01'), hop(null, null), hop('2021-01-01')])).to.deep.equal(['ok', 'undated', 'earlier']);
  });
});

describe('client: saved views', () => {
  const view: SavedView = {
    version: 1,
    title: 'Blinken',
    savedAt: '2026-01-01T00:00:00Z',
    entity: 'person:blinken',
    from: '2022',
    undated: true,
    layout: 'auto',
    picks: [{ by: 'year', key: '2022' }],
    elements: [
      {
        group: 'nodes',
        data: { id: 'person:blinken', type: 'person', label: 'Antony John Blinken' },
        classes: 't-person center',
        position: { x: 10.4, y: -3.6 },
      },
      { group: 'nodes', data: { id: 'person:x', type: 'person', label: 'X' }, position: { x: 100, y: 50 } },
      {
        group: 'edges',
        data: { id: 'met:person:blinken|person:x', source: 'person:blinken', target: 'person:x', type: 'MET', meetings: 3 },
      },
    ],
    hidden: ['person:x'],
    pinned: ['person:blinken'],
    zoom: 0.5,
    pan: { x: 3, y: 4 },
  };

  it('round-trips through the link form, positions rounded', async () => {
    const compact = { ...view, elements: compactElements(view.elements) };
    const text = await encodeView(compact);
    expect(text).to.match(/^[\w-]+$/);
    expect(await decodeView(text)).to.deep.equal(compact);
    expect(compact.elements[0]!.position).to.deep.equal({ x: 10, y: -4 });
  });

  it('refuses what is not a view, saying why', async () => {
    expect(() => parseView({ ...view, version: 2 })).to.throw(ViewError, /version 2/);
    expect(() => parseView({ ...view, elements: [{ group: 'edges', data: { id: 'e' } }] })).to.throw(ViewError, /edge without source/);
    expect(() => parseView({ ...view, hidden: [1] })).to.throw(ViewError, /hidden must be a list of ids/);
    try {
      await decodeView('not-a-view');
      expect.fail('decoded');
    } catch (err) {
      expect(err).to.be.instanceOf(ViewError);
    }
    // Unknown layouts and malformed windows fall back, they do not fail.
    const loose = parseView({ ...view, layout: 'spiral', from: 'yesterday' });
    expect(loose.layout).to.equal('auto');
    expect(loose.from).to.equal(undefined);
  });
});

describe('client: a figure’s sources', () => {
  it('lists a few sources one by one, many grouped by publisher with their dates', () => {
    expect(sourceLines([{ id: 's1', title: 'Talks in Abuja', publisher: 'MFA', published: '2025-02-03' }])).to.deep.equal([
      'Talks in Abuja — MFA, 3 Feb 2025',
    ]);
    const many = Array.from({ length: 20 }, (_, i) => ({
      id: `s${i}`,
      title: `Trip ${i}`,
      publisher: 'U.S. Department of State, Office of the Historian',
      published: `2021-0${(i % 9) + 1}-01`,
    }));
    expect(sourceLines([...many, { id: 'a', title: 'An article', publisher: 'MFA', published: null }])).to.deep.equal([
      'U.S. Department of State, Office of the Historian: 20 sources, 1 Jan 2021 – 1 Sep 2021',
      'An article — MFA',
    ]);
  });
});

describe('imported records read back for readers', () => {
  const trip: TripRecord = {
    kind: 'trip',
    id: 'trip-4239',
    traveler: 'Antony John Blinken',
    role: 'secretary',
    country: 'Israel',
    locale: 'Jerusalem, Tel Aviv',
    start_date: '2024-06-10',
    end_date: '2024-06-11',
    remarks: 'Met with Prime Minister Benjamin Netanyahu.',
    source_id: 'secretary-travels/blinken-antony-j.xml#4239',
    traveler_id: 'blinken-antony-j',
    country_id: 'israel',
    file: 'trips.csv',
    line: 2,
    iso: 'IL',
  };

  it('gives a rendered record’s place, dates and prose; its column lines are structure, its prose is not', () => {
    const text = renderSource(trip);
    expect(readRecordText('source:state-dept-trip-4239', text)).to.deep.equal({
      id: 'trip-4239',
      kind: 'Trip abroad by the Secretary of State of the United States',
      who: 'Antony John Blinken',
      place: 'Jerusalem, Tel Aviv',
      country: 'Israel',
      start: '2024-06-10',
      end: '2024-06-11',
      prose: 'Met with Prime Minister Benjamin Netanyahu.',
    });
    const span = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    expect(isColumnQuote(text, span('traveler: Antony John Blinken'))).to.equal(true);
    expect(isColumnQuote(text, span('Trip abroad by the Secretary of State of the United States'))).to.equal(true);
    expect(isColumnQuote(text, span('Prime Minister Benjamin Netanyahu'))).to.equal(false);
    expect(readRecordText('source:001_article', text)).to.equal(null);
  });
});
