// Accepting without rewriting, without a database: which properties of existing entities, events and
// participations a plan would change; what keep and replace do to the plan; the per-article caps and
// the MET a draft would add; the names the server gives accepted files.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referencesOf } from '../../seeds/ingest/accept.ts';
import { nameSlug, nextName } from '../../seeds/ingest/accepted-store.ts';
import { capProblems, DRAFT_CAPS, newMeetings } from '../../domain/fact-caps.ts';
import {
  applyChoices,
  findChanges,
  participationKey,
  type ExistingEntity,
  type ExistingParticipation,
} from '../../domain/accept-changes.ts';
import { CalendarDay } from '../../domain/period.ts';
import type { WritePlan } from '../../domain/plan.ts';
import { factFileSchema } from '../../domain/fact-schema.ts';

const date = (y: number, m: number, d: number) => new CalendarDay(y, m, d);

function plan(): WritePlan {
  return {
    file: 'draft',
    source: { id: 'source:005_x', props: {} },
    entities: new Map([
      [
        'Organization',
        [{ id: 'org:kz-mfa', name: 'Kazakh MFA', props: { kind: 'company' }, aliases: [], sources: ['source:005_x'], evidence: [] }],
      ],
      [
        'Person',
        [
          { id: 'person:a', name: 'A', props: { note: 'a hostile note' }, aliases: [], sources: [], evidence: [] },
          { id: 'person:new', name: 'New', props: { note: 'new person' }, aliases: [], sources: [], evidence: [] },
        ],
      ],
    ]),
    events: [
      {
        id: 'event:visit',
        name: 'Visit',
        status: 'held',
        props: { kind: 'visit' },
        date: { start: date(2025, 6, 1), end: date(2025, 6, 1), precision: 'day', text: '2025-06-01', basis: 'stated' },
        sources: [],
        evidence: [],
      },
      {
        id: 'event:talks',
        name: 'Talks',
        status: 'planned',
        props: { kind: 'talks' },
        date: { start: date(2025, 2, 1), end: date(2025, 2, 28), precision: 'month', text: '2025-02', basis: 'stated' },
        sources: [],
        evidence: [],
      },
    ],
    links: new Map(),
    titles: [],
    participations: [
      {
        who: 'person:a',
        event: 'event:talks',
        role: 'mentioned',
        represents: 'country:KZ',
        officialRole: null,
        delegation: false,
        sources: [],
        evidence: [],
      },
      {
        who: 'person:new',
        event: 'event:talks',
        role: 'guest',
        represents: null,
        officialRole: null,
        delegation: false,
        sources: [],
        evidence: [],
      },
    ],
    eventIds: ['event:visit', 'event:talks'],
  };
}

const existing = new Map<string, ExistingEntity>([
  [
    'org:kz-mfa',
    {
      id: 'org:kz-mfa',
      label: 'Organization',
      name: 'Ministry of Foreign Affairs of Kazakhstan',
      aliases: [],
      props: { kind: 'ministry', note: null },
    },
  ],
  ['person:a', { id: 'person:a', label: 'Person', name: 'A', aliases: [], props: { note: null } }],
  [
    'event:visit',
    {
      id: 'event:visit',
      label: 'Event',
      name: 'Visit',
      aliases: [],
      props: { kind: 'visit', status: 'planned', datePrecision: 'unknown', dateText: null },
    },
  ],
  [
    'event:talks',
    {
      id: 'event:talks',
      label: 'Event',
      name: 'Talks',
      aliases: [],
      props: { kind: 'talks', status: 'held', datePrecision: 'day', dateText: '2025-02-07', start: '2025-02-07' },
    },
  ],
]);
const participations = new Map<string, ExistingParticipation>([
  [
    participationKey('person:a', 'event:talks'),
    { who: 'person:a', event: 'event:talks', role: 'host', represents: 'country:KZ', officialRole: null, delegation: false },
  ],
]);

describe('accept: changes to what exists, choices, caps, names (no database)', () => {
  it('lists every property a plan would change, and nothing it only adds to', () => {
    const changes = findChanges(plan(), existing, participations);
    expect(changes.map((c) => [c.id, c.property, c.current, c.proposed])).to.deep.equal([
      ['org:kz-mfa', 'kind', 'ministry', 'company'],
      ['person:a', 'note', null, 'a hostile note'],
      ['event:visit', 'status', 'planned', 'held'],
      ['event:visit', 'date', null, '2025-06-01'],
      ['person:a → event:talks', 'role', 'host', 'mentioned'],
    ]);
    // A planned report of a held event and a vaguer date are no changes: held and the day stay.
  });

  it('keeps the graph’s values where chosen, replaces where chosen, and reports the rest as undecided', () => {
    const original = plan();
    const changes = findChanges(original, existing, participations);
    const chosen = applyChoices(
      original,
      changes,
      [
        { id: 'org:kz-mfa', property: 'kind', choice: 'keep' },
        { id: 'person:a', property: 'note', choice: 'keep' },
        { id: 'event:visit', property: 'status', choice: 'keep' },
        { id: 'event:visit', property: 'date', choice: 'replace' },
        { id: 'nobody', property: 'kind', choice: 'replace' },
      ],
      'ask',
      existing,
      participations,
    );
    expect(chosen.undecided.map((c) => `${c.id}#${c.property}`)).to.deep.equal(['person:a → event:talks#role']);
    expect(chosen.kept.map((c) => c.property)).to.deep.equal(['kind', 'note', 'status']);
    expect(chosen.replaced.map((c) => c.property)).to.deep.equal(['date']);
    expect(chosen.plan.entities.get('Organization')![0]!.props).to.deep.equal({ kind: 'ministry' });
    expect(chosen.plan.entities.get('Person')![0]!.props).to.deep.equal({});
    expect(chosen.plan.entities.get('Person')![1]!.props).to.deep.equal({ note: 'new person' });
    expect(chosen.plan.events[0]!.status).to.equal('planned');
    expect(chosen.plan.events[0]!.date!.text).to.equal('2025-06-01');
    // The plan given is not touched.
    expect(original.entities.get('Organization')![0]!.props).to.deep.equal({ kind: 'company' });
    expect(original.events[0]!.status).to.equal('held');
    // Start-up: what nobody chosen keeps the graph's value.
    const atStart = applyChoices(original, changes, [], 'keep', existing, participations);
    expect(atStart.undecided).to.deep.equal([]);
    expect(atStart.plan.participations[0]!.role).to.equal('host');
    expect(findChanges(atStart.plan, existing, participations)).to.deep.equal([]);
  });

  it('caps what one article may add, naming the cap', () => {
    const person = (i: number) => ({ id: `person:p${i}`, name: `Person ${i}`, quote: 'the text' });
    const big = factFileSchema.parse({
      source: { file: 'x.txt', title: 'A title', published: null },
      people: Array.from({ length: 160 }, (_, i) => person(i)),
      events: [
        {
          id: 'event:x',
          kind: 'meeting',
          title: 'Meeting',
          status: 'held',
          quote: 'the text',
          participants: Array.from({ length: 45 }, (_, i) => ({ who: `person:p${i}`, role: 'participant', quote: 'the text' })),
        },
      ],
    });
    expect(capProblems(big).map((p) => [p.path, p.message])).to.deep.equal([
      ['', `160 entities (people, organisations, countries, places, agreements, figures); at most ${DRAFT_CAPS.entities} per article`],
      ['events[0].participants', '45 participants; at most 40 per article'],
    ]);
    expect(
      capProblems(factFileSchema.parse({ source: { file: 'x.txt', title: 'A title', published: null }, people: [person(1)] })),
    ).to.deep.equal([]);
  });

  it('counts the MET a plan adds at held meetings, with the people the graph has there', () => {
    const p = plan();
    // talks: planned in the draft but held in the graph; 1 present there (person:b), the draft adds person:new (a is only mentioned).
    expect(newMeetings(p, new Map([['event:talks', ['person:b']]]), new Set(['event:talks']))).to.equal(1);
    expect(newMeetings(p, new Map([['event:talks', ['person:b', 'person:c', 'person:d']]]), new Set(['event:talks']))).to.equal(3);
    expect(newMeetings(p, new Map(), new Set())).to.equal(0); // planned, and a visit is not a meeting
  });

  it('names accepted files itself: a number after every curated and accepted file, and a clean slug', () => {
    expect(nameSlug('000_c9f91e7b6a0dedac.txt')).to.equal('c9f91e7b6a0dedac');
    expect(nameSlug('000_C9F91E7B6A0DEDAC.TXT')).to.equal('c9f91e7b6a0dedac');
    expect(nameSlug('../../server/main.ts')).to.equal('server-main-ts');
    expect(nameSlug('Ünïcödé Tälks 2025.txt')).to.equal('unicode-talks-2025');
    expect(nameSlug('x'.repeat(5000))).to.have.length(60);
    expect(nameSlug('....txt')).to.equal('article');
    expect(nameSlug(undefined)).to.equal('article');
    const dir = mkdtempSync(join(tmpdir(), 'kg-names-'));
    try {
      const curated = join(dir, 'curated');
      const accepted = join(dir, 'accepted');
      mkdirSync(curated);
      mkdirSync(accepted);
      expect(nextName([curated, accepted], 'x')).to.equal('000_x');
      for (const f of ['000_a.yaml', '004_b.yaml', 'notes.md']) writeFileSync(join(curated, f), '');
      expect(nextName([curated, accepted], 'x')).to.equal('005_x');
      writeFileSync(join(accepted, '007_y.yaml'), '');
      expect(nextName([curated, accepted], 'x')).to.equal('008_x');
      expect(nextName([curated, accepted], 'x', 2)).to.equal('010_x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every reference a fact file makes', () => {
    const facts = factFileSchema.parse({
      source: { file: 'x.txt', title: 'A title', published: null },
      organizations: [{ id: 'org:x', name: 'X Ministry', kind: 'ministry', country: 'KZ', partOf: 'org:gov', quote: 'the text' }],
      events: [
        {
          id: 'event:x',
          kind: 'talks',
          title: 'Talks',
          status: 'held',
          place: 'Astana',
          quote: 'the text',
          participants: [{ who: 'Kuantyrov', role: 'host', represents: 'country:KZ', quote: 'the text' }],
        },
      ],
      memberships: [{ member: 'country:KZ', of: 'org:oic', quote: 'the text' }],
    });
    expect(referencesOf(facts).sort()).to.deep.equal(['Astana', 'KZ', 'Kuantyrov', 'country:KZ', 'org:gov', 'org:oic']);
  });
});
