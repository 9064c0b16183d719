import { expect } from 'chai';
import {
  allChosen,
  changeKey,
  choicesFor,
  describeChange,
  factPaths,
  reviewedFacts,
  segments,
  topLevel,
  type FactFile,
} from '../../client/src/ingest-review.ts';

const draft: FactFile = {
  source: { file: 'a.txt', title: 'Draft: x', published: null, junk: [] },
  people: [
    { id: 'person:a', name: 'A A', aliases: [], quote: 'A A' },
    { id: 'person:b', name: 'B B', aliases: [], quote: 'B B' },
  ],
  organizations: [{ id: 'org:m', name: 'Ministry', kind: 'ministry', aliases: [], country: 'country:KZ', quote: 'Ministry' }],
  countries: [{ id: 'country:KZ', name: 'Kazakhstan', aliases: [], quote: 'Kazakhstan' }],
  places: [],
  titles: [{ person: 'person:b', at: 'org:m', title: 'Minister', quote: 'B B' }],
  events: [
    {
      id: 'event:e',
      kind: 'meeting',
      title: 'Meeting',
      status: 'held',
      participants: [
        { who: 'person:a', role: 'host', represents: 'country:KZ', delegation: false, quote: 'A A' },
        { who: 'person:b', role: 'guest', delegation: false, quote: 'B B' },
      ],
      quote: 'A A met B B',
    },
  ],
  agreements: [
    { id: 'agreement:x', title: 'MoU', kind: 'mou', status: 'signed', concludedAt: 'event:e', parties: ['org:m'], quote: 'MoU' },
  ],
  figures: [{ id: 'figure:f', label: 'Trade', value: 1, unit: 'USD', qualifier: 'exactly', about: ['country:KZ'], quote: '$1' }],
  memberships: [],
};

describe('client: reviewing a draft', () => {
  it('lists fact paths in file order', () => {
    expect(factPaths(draft)).to.deep.equal([
      'people[0]',
      'people[1]',
      'organizations[0]',
      'countries[0]',
      'titles[0]',
      'events[0]',
      'agreements[0]',
      'figures[0]',
    ]);
  });

  it('drops what points to a rejected entity, keeps the rest, and applies edits', () => {
    const out = reviewedFacts(
      draft,
      { 'people[1]': 'reject', 'countries[0]': 'reject' },
      { 'events[0]': { ...(draft.events as object[])[0]!, title: 'Talks' } },
    );
    expect((out.people as { id: string }[]).map((p) => p.id)).to.deep.equal(['person:a']);
    expect(out.titles).to.deep.equal([]);
    expect((out.organizations as object[])[0]).to.not.have.property('country');
    const event = (out.events as { title: string; participants: object[] }[])[0]!;
    expect(event.title).to.equal('Talks');
    expect(event.participants).to.deep.equal([{ who: 'person:a', role: 'host', delegation: false, quote: 'A A' }]);
    expect(out.figures).to.deep.equal([]); // its only "about" was rejected
    expect((out.agreements as object[]).length).to.equal(1);
  });

  it('cuts the article at quote boundaries, each piece knowing its facts', () => {
    const pieces = segments('A A met B B.', { 'people[0]': [{ start: 0, end: 3 }], 'events[0]': [{ start: 0, end: 11 }] });
    expect(pieces.map((p) => [p.text, p.paths])).to.deep.equal([
      ['A A', ['people[0]', 'events[0]']],
      [' met B B', ['events[0]']],
      ['.', []],
    ]);
    expect(topLevel('events[1].participants[0]')).to.equal('events[1]');
  });

  it('lists changes to what the graph has, and sends a decision only for each change decided', () => {
    const changes = [
      { id: 'org:kz-mfa', label: 'Organization', property: 'kind', current: 'ministry', proposed: 'company' },
      { id: 'person:a → event:e', label: 'PARTICIPATED_IN', property: 'represents', current: 'country:KZ', proposed: null },
    ];
    expect(changes.map(describeChange)).to.deep.equal([
      'org:kz-mfa · kind: ministry → company',
      'person:a → event:e · represents: country:KZ → (none)',
    ]);
    expect(allChosen(changes, {})).to.equal(false);
    const choices = { [changeKey(changes[0]!)]: 'keep' as const };
    expect(allChosen(changes, choices)).to.equal(false);
    expect(choicesFor(changes, choices)).to.deep.equal([{ id: 'org:kz-mfa', property: 'kind', choice: 'keep' }]);
    choices[changeKey(changes[1]!)] = 'replace' as never;
    expect(allChosen(changes, choices)).to.equal(true);
    expect(choicesFor(changes, choices).map((d) => d.choice)).to.deep.equal(['keep', 'replace']);
    expect(allChosen([], {})).to.equal(true);
  });
});
