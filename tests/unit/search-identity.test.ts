// Search ranking and the identity line, without a database: exact names first, events last, initials
// and stop words folded; "title · country · years" and the badges from what the graph says.
import { expect } from 'chai';
import { searchWords } from '../../domain/gazetteer.ts';
import { identitySummary } from '../../server/services/identity-summary.ts';
import { luceneQuery, searchRank } from '../../server/services/search.ts';

describe('search ranking', () => {
  const person = (name: string, aliases: string[] = []) => ({ type: 'person', name, aliases });
  const event = (name: string) => ({ type: 'event', name, aliases: [] });

  it('folds initials however they are written', () => {
    for (const q of ['George H.W. Bush', 'George H. W. Bush', 'George HW Bush', 'george hw bush'])
      expect(searchWords(q)).to.deep.equal(['george', 'hw', 'bush']);
    expect(searchRank('George H. W. Bush', person('George H.W. Bush'))).to.equal(0);
    expect(searchRank('George H.W. Bush', person('George W. Bush'))).to.be.greaterThan(0);
  });

  it('puts an exact name or alias first, then names without stop words, then whole words, then partial matches', () => {
    expect(searchRank('Binyamin Netanyahu', person('Benjamin Netanyahu', ['Binyamin Netanyahu']))).to.equal(0);
    expect(
      searchRank('Ministry Foreign Affairs Kazakhstan', {
        type: 'organization',
        name: 'Ministry of Foreign Affairs of Kazakhstan',
        aliases: [],
      }),
    ).to.equal(1);
    expect(searchRank('Netanyahu', person('Benjamin Netanyahu'))).to.equal(2);
    expect(searchRank('Netan', person('Benjamin Netanyahu'))).to.equal(3);
  });

  it('ranks every event after every person, organisation, country or place', () => {
    const exactEvent = searchRank('Benjamin Netanyahu', event('Benjamin Netanyahu'));
    const partialPerson = searchRank('Benjamin Netanyahu', person('Benjamin Netanyahoo'));
    expect(exactEvent).to.be.greaterThan(partialPerson);
  });

  it('never lets "of" make a query fail', () => {
    expect(luceneQuery('Ministry of Foreign Affairs of Kazakhstan')).to.not.include('(of');
    expect(luceneQuery('Organization of Islamic Cooperation')).to.equal(
      '(organization^3 OR organization* OR organization~1) AND (islamic^3 OR islamic* OR islamic~1) AND (cooperation^3 OR cooperation* OR cooperation~1)',
    );
  });
});

describe('identity line', () => {
  it('gives the latest title, its country and the years the titles are attested', () => {
    const s = identitySummary({
      name: 'Benjamin Netanyahu',
      titles: [{ title: 'Prime Minister', country: 'Israel', first: 1996, last: 2024 }],
      eventYears: [1996, 2025],
      represents: ['Israel'],
      linked: false,
    });
    expect(s).to.deep.equal({
      title: 'Prime Minister',
      country: 'Israel',
      years: '1996–2024',
      label: 'Prime Minister · Israel · 1996–2024',
      badges: [],
    });
  });

  it('falls back to event years and the one country represented, and says nothing it does not know', () => {
    expect(identitySummary({ name: 'Pietro Parolin', titles: [], eventYears: [2014], represents: [], linked: false }).label).to.equal(
      '2014',
    );
    expect(identitySummary({ name: 'X Y', titles: [], eventYears: [], represents: ['Japan', 'China'], linked: false }).label).to.equal('');
  });

  it('badges a person named by surname only, and one a rule identified', () => {
    const s = identitySummary({
      name: 'Hussein',
      titles: [{ title: 'King', country: 'Jordan', first: 1959, last: 1999 }],
      eventYears: [],
      represents: [],
      linked: true,
    });
    expect(s.label).to.equal('King · Jordan · 1959–1999');
    expect(s.badges.map((b) => b.kind)).to.deep.equal(['surname-only', 'linked-by-rule']);
    expect(identitySummary({ name: 'Elizabeth II', titles: [], eventYears: [], represents: [], linked: false }).badges).to.deep.equal([]);
  });
});
