import { expect } from 'chai';
import { decodeState, encodeState, isPeriod, pathsQueryString, reportUrl, DEFAULT_STATE, type ViewState } from '../../client/src/state.ts';

describe('client: URL state', () => {
  it('round-trips a full view through the hash', () => {
    const state: ViewState = {
      tab: 'reports',
      entity: 'person:alibek-kuantyrov',
      from: '2025-01',
      to: '2025-02-15',
      undated: false,
      layout: 'concentric',
      path: {
        from: 'person:adeniyi-adesoji',
        to: 'person:heineken-lokpobiri',
        via: 'any',
        start: '2025',
        end: '2025-03',
        exclude: ['Country', 'Organization'],
        k: 5,
        maxHops: 4,
      },
      report: { kind: 'bilateral', a: 'KZ', b: 'BJ' },
      query: 'MATCH (n) RETURN n & "x" = #1',
    };
    const hash = encodeState(state);
    expect(decodeState(`#${hash}`)).to.deep.equal(state);
    expect(decodeState(hash)).to.deep.equal(state);
  });

  it('keeps the default view out of the hash and reads an empty hash as the default', () => {
    expect(encodeState(DEFAULT_STATE)).to.equal('');
    expect(decodeState('')).to.deep.equal(DEFAULT_STATE);
    expect(encodeState({ ...DEFAULT_STATE, entity: 'country:KZ' })).to.equal('entity=country%3AKZ');
  });

  it('round-trips person and organisation reports, ids with colons included', () => {
    for (const report of [
      { kind: 'person', id: 'person:alibek-kuantyrov' },
      { kind: 'organization', id: 'org:kz-mfa' },
    ] as const) {
      const s: ViewState = { ...DEFAULT_STATE, report };
      expect(decodeState(encodeState(s)).report).to.deep.equal(report);
    }
  });

  it('drops malformed values instead of failing', () => {
    const s = decodeState('#tab=nope&from=2025-13&to=yesterday&layout=circle&pfrom=a&pto=b&k=99&pstart=x&report=bilateral:KZ');
    expect(s.tab).to.equal('explore');
    expect(s.from).to.equal(undefined);
    expect(s.to).to.equal(undefined);
    expect(s.layout).to.equal('auto');
    expect(s.path).to.deep.equal({ from: 'a', to: 'b', via: 'meetings', exclude: [], k: 1 });
    expect(s.report).to.equal(undefined);
  });

  it('validates date-window bounds as the API does', () => {
    expect(['2025', '2025-02', '2025-02-28'].map(isPeriod)).to.deep.equal([true, true, true]);
    expect(['25', '2025-2', '2025-00', '2025-02-32', '', null].map(isPeriod)).to.deep.equal([false, false, false, false, false, false]);
  });

  it('builds the paths and reports URLs', () => {
    expect(pathsQueryString({ from: 'a', to: 'b', via: 'meetings', exclude: ['Country', 'Organization'], k: 3, end: '2025-01' })).to.equal(
      'from=a&to=b&via=meetings&limit=3&end=2025-01&exclude=Country%2COrganization',
    );
    expect(reportUrl({ kind: 'bilateral', a: 'KZ', b: 'BJ' }, 'md')).to.equal('/api/reports/bilateral?a=KZ&b=BJ&format=md');
    expect(reportUrl({ kind: 'person', id: 'person:alibek-kuantyrov' }, 'html')).to.equal(
      '/api/reports/person/person%3Aalibek-kuantyrov?format=html',
    );
  });
});
