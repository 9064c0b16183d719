import { expect } from 'chai';
import { hopMeta } from '../../client/src/paths-view.ts';
import type { PathHop } from '../../client/src/types.ts';

const link = (date: string | null): PathHop['links'][number] => ({
  type: 'MET',
  from: 'a',
  to: 'b',
  date,
  datePrecision: date ? 'day' : 'unknown',
  event: null,
  inferred: false,
  rule: null,
  properties: {},
  evidence: [],
  eventInfo: null,
});
const hop = (links: ReturnType<typeof link>[], linkCount = links.length): PathHop => ({
  from: 'a',
  to: 'b',
  type: 'MET',
  date: null,
  datePrecision: null,
  inferred: false,
  links,
  linkCount,
  lastDate: null,
  evidence: [],
});

describe('client: a hop’s meetings line', () => {
  it('says how many more meetings a busy hop has than it lists', () => {
    const text = hopMeta(hop([link('2020-01-01'), link('2020-02-01')], 14));
    expect(text).to.match(/; and 12 more$/);
    expect(text.split('; ')).to.have.length(3);
  });

  it('adds nothing when every link is listed', () => {
    expect(hopMeta(hop([link('2020-01-01')], 1))).to.not.include('more');
    expect(hopMeta(hop([link(null)]))).to.not.include('more');
  });
});
