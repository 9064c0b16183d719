// What the Resolve tab writes about a candidate pair (client/src/resolve-view.ts), without a browser.
import { expect } from 'chai';
import {
  candidatesQuery,
  nextIndex,
  originText,
  personLine,
  REVIEW_KEYS,
  titleLine,
  weightText,
  yearsText,
  type ResolutionPerson,
} from '../../client/src/resolve-view.ts';

const tinubu: ResolutionPerson = {
  id: 'person:ng-bola-tinubu',
  name: 'Bola Tinubu',
  aliases: [],
  countries: ['country:NG'],
  titles: [{ title: 'President', at: 'country:NG', country: 'country:NG', from: 2024, to: 2025 }],
  years: { from: 2024, to: 2025 },
  origin: 'state-dept',
  events: 1,
  note: null,
};

describe('client: the Resolve tab view', () => {
  it('says who each side is: title · country · years, and where they come from', () => {
    expect(personLine(tinubu)).to.equal('President · NG · 2024–2025');
    expect(personLine({ ...tinubu, titles: [], countries: [], years: null })).to.equal('no country · no dates');
    expect(originText(tinubu)).to.equal('from the State Department data, 1 event');
    expect(titleLine(tinubu.titles[0]!)).to.equal('President, NG (2024–2025)');
    expect(yearsText({ from: 2025, to: 2025 })).to.equal('2025');
  });

  it('signs weights, moves through the list and builds the list query', () => {
    expect([weightText(0.45), weightText(-0.3), weightText(0)]).to.deep.equal(['+0.45', '−0.30', '±0.00']);
    expect([nextIndex(0, 2), nextIndex(1, 2), nextIndex(0, 2, -1)]).to.deep.equal([1, null, null]);
    expect(candidatesQuery({ status: 'open', country: ' NG ', q: '', minScore: '0.6' })).to.equal(
      'status=open&limit=50&country=NG&minScore=0.6',
    );
    expect(REVIEW_KEYS).to.include({ s: 'same', d: 'different', u: 'unsure', n: 'skip', p: 'back' });
  });
});
