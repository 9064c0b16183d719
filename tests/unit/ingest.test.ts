import { expect } from 'chai';
import { findDates } from '../../seeds/ingest/dates.ts';
import { draftFacts } from '../../seeds/ingest/draft.ts';
import { EntityIndex } from '../../seeds/ingest/link.ts';
import { meetingPairs } from '../../seeds/ingest/evaluate.ts';
import { readArticle } from '../../seeds/ingest/article.ts';
import { loadRules } from '../../seeds/ingest/rules.ts';

describe('ingest: date resolver', () => {
  const values = (text: string, published: string | null, tense: 'past' | 'future' = 'past') =>
    findDates(text, published, tense).map((d) => [d.value, d.basis, d.quote]);

  it('keeps a full date as stated', () => {
    expect(values('signed on 14 January 2025 in Abu Dhabi', '2025-02-07')).to.deep.equal([['2025-01-14', 'stated', '14 January 2025']]);
    expect(values('in January 2025 at the summit', '2025-02-07')).to.deep.equal([['2025-01', 'stated', 'January 2025']]);
  });
  it('takes the year of a day-month from the publication date, going back for past events', () => {
    expect(values('on January 14, the presidents', '2025-02-07')).to.deep.equal([
      ['2025-01-14', 'resolved-from-publication', 'January 14'],
    ]);
    expect(values('opened on Oct. 28', '2025-10-29')).to.deep.equal([['2025-10-28', 'resolved-from-publication', 'Oct. 28']]);
    expect(values('met on December 30', '2025-01-03')).to.deep.equal([['2024-12-30', 'resolved-from-publication', 'December 30']]);
    expect(values('will visit on January 5', '2024-12-20', 'future')).to.deep.equal([
      ['2025-01-05', 'resolved-from-publication', 'January 5'],
    ]);
  });
  it('resolves weekdays, yesterday and "this year" against the publication date', () => {
    // 2025-04-19 is a Saturday.
    expect(values('met on Tuesday', '2025-04-19')).to.deep.equal([['2025-04-15', 'resolved-from-publication', 'on Tuesday']]);
    expect(values('will meet on Monday', '2025-04-19', 'future')).to.deep.equal([['2025-04-21', 'resolved-from-publication', 'on Monday']]);
    expect(values('Yesterday, the minister', '2025-03-01')).to.deep.equal([['2025-02-28', 'resolved-from-publication', 'Yesterday']]);
    expect(values('a mission earlier this year', '2025-10-29')).to.deep.equal([['2025', 'resolved-from-publication', 'earlier this year']]);
  });
  it('leaves relative dates unresolved without a publication date', () => {
    expect(values('on January 14 and on Tuesday, yesterday', null)).to.deep.equal([]);
    expect(values('in January 2025', null)).to.deep.equal([['2025-01', 'stated', 'January 2025']]);
  });
});

describe('ingest: name linking', () => {
  const index = () =>
    new EntityIndex([
      { id: 'person:murat-nurtleu', label: 'Person', name: 'Murat Nurtleu', aliases: ['Nurtleu'], countries: ['country:KZ'] },
      { id: 'person:ahmed-musa', label: 'Person', name: 'Ahmed Musa', aliases: [], countries: ['country:NG'] },
      {
        id: 'person:denis-sassou-nguesso-minister',
        label: 'Person',
        name: 'Denis Sassou N’Guesso',
        aliases: [],
        countries: ['country:CG'],
      },
      { id: 'person:denis-sassou-nguesso', label: 'Person', name: 'Denis Sassou Nguesso', aliases: [], countries: ['country:CG'] },
    ]);

  it('links the same minister spelled two ways to one person', () => {
    expect(index().link('Person', 'Murat Nurtleu', [], 'KZ')).to.deep.include({
      linked: true,
      id: 'person:murat-nurtleu',
      confidence: 0.95,
    });
    expect(index().link('Person', 'Marat Nurtleu', [], 'KZ')).to.deep.include({
      linked: true,
      id: 'person:murat-nurtleu',
      confidence: 0.75,
    });
    expect(index().link('Person', 'M. Nurtleu', [])).to.deep.include({ linked: true, id: 'person:murat-nurtleu' });
  });
  it('keeps two different people apart', () => {
    // Same surname, different given name.
    expect(index().link('Person', 'Ibrahim Musa', [], 'NG')).to.deep.equal({ linked: false, candidates: [], why: 'new' });
    // Same name, another country.
    expect(index().link('Person', 'Ahmed Musa', [], 'GH')).to.deep.equal({ linked: false, candidates: [], why: 'new' });
    // A name two known people share is not merged into either.
    const shared = index().link('Person', 'Denis Sassou Nguesso', [], 'CG');
    expect(shared).to.deep.include({ linked: false, candidates: ['person:denis-sassou-nguesso-minister', 'person:denis-sassou-nguesso'] });
  });
  it('drafts two spellings in one article as one person, and two people as two', () => {
    const text =
      ' date 2025-06-04 ASTANA, June 4. Kazakhstan’s Minister of Foreign Affairs Murat Nurtleu met with Benin’s Minister of Foreign Affairs Olushegun Adjadi Bakari. Later, Minister Bakari met with Kazakhstan’s Minister of Energy Almasadam Satkaliyev.';
    const { facts } = draftFacts(text, { known: index() });
    expect(facts.people.map((p) => [p.id, p.aliases])).to.deep.equal([
      ['person:murat-nurtleu', []],
      ['person:olushegun-adjadi-bakari', ['Bakari']],
      ['person:almasadam-satkaliyev', []],
    ]);
  });
});

describe('ingest: roles, events and agreements', () => {
  const text =
    ' date 2025-06-04 ASTANA, June 4. Kazakhstan’s Minister of Foreign Affairs Murat Nurtleu held talks with Benin’s Minister of Foreign Affairs Olushegun Adjadi Bakari on Tuesday. ' +
    'The ministers signed a memorandum of understanding on political consultations between the foreign ministries of Kazakhstan and Benin, and agreed to sign an agreement on visa exemption later this year. ' +
    '“Our cooperation is growing,” Nurtleu said, recalling the contribution of President Kassym-Jomart Tokayev.';
  const { facts } = draftFacts(text);

  it('records present participants with host and guest, and a person only named as mentioned', () => {
    expect(facts.events.map((e) => [e.kind, e.status, e.date?.value, e.date?.basis])).to.deep.equal([
      ['talks', 'held', '2025-06-03', 'resolved-from-publication'],
    ]);
    expect(facts.events[0]!.participants.map((p) => [p.who, p.role, p.represents])).to.deep.equal([
      ['person:murat-nurtleu', 'host', 'country:KZ'],
      ['person:olushegun-adjadi-bakari', 'guest', 'country:BJ'],
      ['person:kassym-jomart-tokayev', 'mentioned', 'country:KZ'],
    ]);
    expect([...meetingPairs(facts)]).to.deep.equal(['person:murat-nurtleu + person:olushegun-adjadi-bakari']);
  });

  it('tells signed agreements from those agreed to be signed', () => {
    expect(facts.agreements.map((a) => [a.kind, a.status, a.parties])).to.deep.equal([
      ['mou', 'signed', ['org:ministry-of-foreign-affairs-of-kazakhstan', 'org:ministry-of-foreign-affairs-of-benin']],
      // No parties named: the countries of the talks it came out of.
      ['agreement', 'agreed-to-sign', ['country:KZ', 'country:BJ']],
    ]);
    const planned = draftFacts(
      ' date 2025-06-04 The two countries plan to sign an agreement on visa exemption between Kazakhstan and Benin.',
    ).facts.agreements;
    expect(planned.map((a) => [a.kind, a.status, a.parties])).to.deep.equal([['agreement', 'planned', ['country:KZ', 'country:BJ']]]);
    const toSign = draftFacts(
      ' date 2025-02-28 The talks concluded with an agreement to sign a Memorandum of Understanding between Kazakhstan and Nigeria.',
    ).facts.agreements;
    expect(toSign.map((a) => [a.kind, a.status])).to.deep.equal([['mou', 'agreed-to-sign']]);
    const topic = draftFacts(' date 2025-02-28 They discussed gas supply agreements between Kazakhstan and Nigeria.').facts.agreements;
    expect(topic).to.deep.equal([]);
  });

  it('marks planned visits and resolves their dates forward', () => {
    const { facts: f } = draftFacts(
      ' date 2025-02-07 The parties discussed an upcoming visit of a Kazakh delegation to Nigeria, scheduled for February 2025.',
    );
    expect(f.events.map((e) => [e.kind, e.status, e.date?.value, e.participants.map((p) => [p.who, p.role, p.delegation])])).to.deep.equal([
      ['visit', 'planned', '2025-02', [['country:KZ', 'guest', true]]],
    ]);
  });
});

describe('ingest: reading articles', () => {
  it('drops junk lines and reads the header, and turns HTML into paragraphs', () => {
    const rules = loadRules();
    const a = readArticle(' date 2025-02-28 Images | Kazakh MFA\n\nTell a friend\n\nThe minister met the ambassador.', rules);
    expect([a.published, a.junk, a.text]).to.deep.equal([
      '2025-02-28',
      ['Images | Kazakh MFA', 'Tell a friend'],
      'The minister met the ambassador.',
    ]);
    const html = readArticle(
      '<html><head><meta property="article:published_time" content="2025-05-02T10:00:00Z"></head><body><nav>Menu</nav><p>First  paragraph.</p><p>Second.</p><script>x()</script></body></html>',
      rules,
    );
    expect([html.published, html.text]).to.deep.equal(['2025-05-02', 'First paragraph.\n\nSecond.']);
  });
});
