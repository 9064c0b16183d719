// The drafter on the grammar of diplomatic English it must generalise over (each case a short text
// in this file's own words), the one country table, the release-set scoring, rule names, the
// review's decision log and holders of offices at a date.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { countryTable } from '../../seeds/countries.ts';
import { findDates } from '../../seeds/ingest/dates.ts';
import { appendDecisions, readDecisions } from '../../seeds/ingest/decisions.ts';
import { draftFacts, repaired, type Confidence, type Draft } from '../../seeds/ingest/draft.ts';
import { findHolderSuggestions, sameOffice } from '../../seeds/ingest/holders.ts';
import { lex } from '../../seeds/ingest/lexical.ts';
import { EntityIndex } from '../../seeds/ingest/link.ts';
import { compareWithGold, predictedOf, runReleaseSet, type GoldRecord } from '../../seeds/ingest/release-set.ts';
import { loadRules } from '../../seeds/ingest/rules.ts';
import { decisionLog, describeFact, namesOf, type FactFile as ClientFacts } from '../../client/src/ingest-review.ts';
import type { FactFile } from '../../domain/fact-schema.ts';

const held = (d: Draft) =>
  predictedOf(d.facts)
    .held.map((p) => [p.a, p.b].sort().join(' + '))
    .sort();
const planned = (d: Draft) =>
  predictedOf(d.facts)
    .planned.map((p) => [p.a, p.b].sort().join(' + '))
    .sort();
const people = (d: Draft) =>
  predictedOf(d.facts)
    .participants.map((p) => p.name)
    .sort();

describe('extraction: the one country table', () => {
  const table = countryTable();
  it('knows the United States and the United Kingdom by their short forms, and small states with their demonyms', () => {
    expect(
      ['US', 'U.S.', 'USA', 'the United States', 'United States of America', 'America'].map((n) => table.byName(n)?.iso),
    ).to.deep.equal(['US', 'US', 'US', 'US', 'US', 'US']);
    expect(['UK', 'U.K.', 'Britain', 'Great Britain'].map((n) => table.byName(n)?.iso)).to.deep.equal(['GB', 'GB', 'GB', 'GB']);
    expect(
      ['Tuvalu', 'Nauru', 'Palau', 'San Marino', 'Eswatini', 'Swaziland', 'Holy See', 'Cabo Verde', 'Cape Verde'].map(
        (n) => table.byName(n)?.iso,
      ),
    ).to.deep.equal(['TV', 'NR', 'PW', 'SM', 'SZ', 'SZ', 'VA', 'CV', 'CV']);
    expect(['Tuvaluan', 'Nauruan', 'Kazakh', 'Emirati', 'Azeri', 'American', 'British'].map((d) => table.byDemonym(d)?.iso)).to.deep.equal([
      'TV',
      'NR',
      'KZ',
      'AE',
      'AZ',
      'US',
      'GB',
    ]);
  });
  it('names no country with a form two countries share, and keeps historic codes', () => {
    expect([table.byDemonym('Congolese'), table.byName('Korea'), table.byDemonym('Dominican')]).to.deep.equal([
      undefined,
      undefined,
      undefined,
    ]);
    expect([table.byCode('SU')?.name, table.byCode('YU')?.name, table.byCode('XK')?.name]).to.deep.equal([
      'Soviet Union',
      'Yugoslavia',
      'Kosovo',
    ]);
    expect(table.countries.length).to.be.greaterThan(195);
  });
});

describe('extraction: people and titles', () => {
  it('reads initials, particles, capitalised surnames and honorifics of several kinds', () => {
    const d = draftFacts(
      ' date 2024-03-04 Mr. OKADA Kenji, Minister for Foreign Affairs, held a telephone talk with H.E. Dr. Maria da Silva Costa, Minister of Foreign Affairs of the Republic of Angola. Minister Okada thanked Minister Costa. Separately, Secretary Mary J. Okafor met the Rt Hon Peter Lang, Speaker of the Parliament of Fiji, and Sheikh Ahmed bin Khalid Al Thani.',
    );
    expect(d.facts.people.map((p) => p.name)).to.include.members([
      'OKADA Kenji',
      'Maria da Silva Costa',
      'Mary J. Okafor',
      'Peter Lang',
      'Ahmed bin Khalid Al Thani',
    ]);
    const okada = d.facts.people.find((p) => p.name === 'OKADA Kenji')!;
    expect(okada.aliases).to.include('Okada');
  });
  it('reads a title holding a bracketed acronym, a title after the name, and a counterpart from a country', () => {
    const d = draftFacts(
      ' date 2023-06-01 External Affairs Minister (EAM) R Prasad held talks with his counterpart from Chile, Ms. Ana Rojas. Later, Tomas Weber, Permanent Secretary of the Ministry of Trade, joined them.',
    );
    expect(people(d)).to.include.members(['Ana Rojas', 'R Prasad']);
    const rojas = d.facts.events
      .flatMap((e) => e.participants)
      .find((p) => p.who === d.facts.people.find((x) => x.name === 'Ana Rojas')!.id);
    expect(rojas?.represents).to.equal('country:CL');
  });
});

describe('extraction: meetings, calls and who was present', () => {
  it('takes "spoke with" and a telephone conversation for calls, dated by the publication date', () => {
    const d = draftFacts(
      ' date 2022-05-06 Secretary Lena Hart spoke today with Foreign Minister Omar Said of Jordan about regional security.',
    );
    expect(held(d)).to.deep.equal(['Lena Hart + Omar Said']);
    expect(predictedOf(d.facts).held[0]).to.deep.include({ mode: 'call', date: '2022-05-06' });
  });
  it('makes "held separate meetings with A, B and C" three meetings, not a meeting of the guests', () => {
    const d = draftFacts(
      ' date 2021-09-24 On Thursday, Foreign Minister Ivo Novak held separate meetings with Prime Minister Jane Rowe, Minister Ali Kaya and Ambassador Chen Lu.',
    );
    expect(held(d)).to.deep.equal(['Ali Kaya + Ivo Novak', 'Chen Lu + Ivo Novak', 'Ivo Novak + Jane Rowe']);
    expect(predictedOf(d.facts).held.every((p) => p.date === '2021-09-23')).to.equal(true);
  });
  it('does not make a person present for being the source of an instruction or greetings', () => {
    const d = draftFacts(
      ' date 2020-02-21 At the instruction of President Rafael Duarte, Minister Tomas Ruiz received Ambassador Hana Kim. Ambassador Kim conveyed greetings from Prime Minister Jun Park.',
    );
    expect(held(d)).to.deep.equal(['Hana Kim + Tomas Ruiz']);
    expect(people(d)).to.not.include.members(['Rafael Duarte', 'Jun Park']);
  });
  it('takes the implied subject ("She met …") and "the ministers agreed to meet again" as a planned meeting of the same two', () => {
    const d = draftFacts(
      ' date 2019-03-01 Minister of State Sara Lind visited Ghana on Thursday. She met Foreign Minister Kwame Osei to discuss trade. The ministers agreed to meet again in Stockholm in June.',
    );
    expect(held(d)).to.deep.equal(['Kwame Osei + Sara Lind']);
    expect(planned(d)).to.deep.equal(['Kwame Osei + Sara Lind']);
  });
  it('pairs the heads of two delegations, and people of one side are not a pair', () => {
    const d = draftFacts(
      ' date 2023-05-17 Consultations between Brazil and Angola were held in Luanda on 16 May 2023. The Brazilian delegation was led by Vice Minister Rita Gomes, and the Angolan delegation by Secretary of State Joao Neto.',
    );
    expect(held(d)).to.deep.equal(['Joao Neto + Rita Gomes']);
    expect(predictedOf(d.facts).held[0]!.date).to.equal('2023-05-16');
  });
});

describe('extraction: dates', () => {
  it('takes "two days ago" and "the 5th of March" from chrono-node, with the year the tense gives', () => {
    const found = findDates('They met two days ago and again on the 5th of March, and on Tuesday.', '2024-10-02', 'past');
    expect(found.map((d) => [d.quote, d.value])).to.deep.equal([
      ['two days ago', '2024-09-30'],
      ['5th of March', '2024-03-05'],
      ['on Tuesday', '2024-10-01'],
    ]);
    expect(findDates('They met two days ago.', null, 'past')).to.deep.equal([]);
  });
  it('does not date an event by the dateline, and prefers a stated date to a relative one', () => {
    const d = draftFacts(
      ' date 2024-10-02 Cairo, 2 October (MENA) - Foreign Minister Badr Karim of Egypt received on Tuesday Foreign Minister Mpho Tlali of Lesotho.',
    );
    expect(predictedOf(d.facts).held.map((p) => p.date)).to.deep.equal(['2024-10-01']);
    const e = draftFacts(
      ' date 2024-07-26 Yesterday, on 23 July, Deputy Minister Alan Botha held a telephone conversation with Ambassador Kurt Lind of Sweden.',
    );
    expect(predictedOf(e.facts).held.map((p) => p.date)).to.deep.equal(['2024-07-23']);
  });
});

describe('extraction: agreements', () => {
  const statuses = (d: Draft) => d.facts.agreements.map((a) => [a.title.toLowerCase(), a.status]);
  it('reads passive signings, initialled documents and planned signings', () => {
    const d = draftFacts(
      ' date 2022-01-10 Foreign Minister Lea Roth of Austria and Foreign Minister Ivan Petrov of Bulgaria held talks in Vienna. A memorandum of understanding on consular cooperation was signed by the two ministers. Austria and Bulgaria also initialled a new road transport agreement. The two countries will sign a tourism protocol in March.',
    );
    expect(statuses(d)).to.deep.equal([
      ['memorandum of understanding on consular cooperation', 'signed'],
      ['new road transport agreement', 'initialled'],
      ['tourism protocol', 'planned'],
    ]);
  });
  it('takes a named agreement that is only mentioned as discussed, and leaves out "the agreement" pointing back', () => {
    const d = draftFacts(
      ' date 2022-01-10 Foreign Minister Lea Roth of Austria met Foreign Minister Ivan Petrov of Bulgaria. The ministers reviewed the implementation of the Danube Navigation Agreement and expressed the hope that the agreement would be extended.',
    );
    expect(statuses(d)).to.deep.equal([['danube navigation agreement', 'discussed']]);
  });
});

describe('extraction: drafts are always valid and name their rules', () => {
  it('names the rule of every drafted fact', () => {
    const d = draftFacts(readFileSync(new URL('../fixtures/ingest/uz-jp-call.txt', import.meta.url), 'utf8'));
    const paths = Object.keys(d.confidence);
    expect(paths.length).to.be.greaterThan(5);
    for (const c of Object.values(d.confidence)) expect(c.rule).to.match(/^[a-z]+:[a-z0-9+-]+/);
  });
  it('leaves out what the schema refuses and says so, keeping the confidence map aligned', () => {
    const facts = {
      ...draftFacts(' date 2024-01-01 Foreign Minister Ana Lopes of Portugal met Foreign Minister Jan Berg of Norway.').facts,
    } as FactFile;
    facts.people = [{ ...facts.people[0]!, aliases: ['J'] }, ...facts.people.slice(1)];
    facts.countries = [{ ...facts.countries[0]!, quote: '' }, ...facts.countries.slice(1)];
    const confidence: Record<string, Confidence> = {
      'countries[0]': { score: 1, why: 'a', rule: 'x:a' },
      'countries[1]': { score: 1, why: 'b', rule: 'x:b' },
    };
    const problems: string[] = [];
    const out = repaired(facts, confidence, problems);
    expect(problems).to.deep.equal([
      'people[0].aliases[0] left out: value string must contain at least 2 character(s)',
      'countries[0] left out: quote string must contain at least 3 character(s)',
    ]);
    expect(out.people[0]!.aliases).to.deep.equal([]);
    expect(confidence).to.deep.equal({ 'countries[0]': { score: 1, why: 'b', rule: 'x:b' } });
  });
  it('drafts every text of the releases and the own set without a crash', function () {
    this.timeout(60_000);
    for (const dir of [new URL('../../../shared/data/releases', import.meta.url), new URL('../fixtures/ingest/own-set', import.meta.url)]) {
      const run = runReleaseSet(dir.pathname, (text) => draftFacts(text));
      expect(run.articles.filter((a) => a.crash)).to.deep.equal([]);
    }
  });
});

describe('extraction: scoring a set in the releases schema', () => {
  const gold: GoldRecord = {
    file: 'x.txt',
    published: '2024-01-02',
    persons: [
      { name: 'Ana Lopes', aliases: ['Lopes'], mention: 'participant' },
      { name: 'Jan Berg', aliases: [], mention: 'participant' },
      { name: 'Eva Dahl', aliases: [], mention: 'spokesperson' },
    ],
    countries: ['Portugal', 'Norway'],
    meetings_pairs: [{ a: 'Ana Lopes', b: 'Jan Berg', date: '2024-01-02', mode: 'in_person', quote: 'met' }],
    meetings_pairs_planned: [],
    meetings_pairs_uncertain: [],
    agreements: [{ title: 'memorandum', kind: 'memorandum', status: 'signed', quote: 'signed a memorandum on fisheries' }],
  };
  it('counts people, pairs with their date, agreements by status and countries', () => {
    const text =
      ' date 2024-01-02 Foreign Minister Ana Lopes of Portugal met Foreign Minister Jan Berg of Norway today. They signed a memorandum on fisheries.';
    const d = draftFacts(text);
    const r = compareWithGold(d.article.text, gold, d.facts);
    expect([r.people.tp, r.people.fp, r.people.fn]).to.deep.equal([2, 0, 0]);
    expect([r['held pairs'].tp, r['pairs with date'].tp, r.modeRight]).to.deep.equal([1, 1, 1]);
    expect([r.agreements.tp, r.agreements.fp]).to.deep.equal([1, 0]);
    expect([r.countries.tp, r.countries.fp, r.countries.fn]).to.deep.equal([2, 0, 0]);
  });
});

describe('extraction: decisions and holders', () => {
  it('appends decisions as JSON lines and reads them back, skipping lines that are not decisions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'decisions-'));
    try {
      const file = join(dir, 'ingest', 'decisions.jsonl');
      appendDecisions(
        file,
        'a.txt',
        [{ path: 'people[0]', rule: 'person:honorific', decision: 'accepted' }],
        new Date('2025-01-01T00:00:00Z'),
      );
      appendDecisions(file, 'a.txt', [
        { path: 'events[0]', rule: 'meeting:trigger-in-sentence', decision: 'rejected', label: 'Meeting of A and B' },
      ]);
      appendFileSync(file, 'not json\n');
      const { records, skipped } = readDecisions(file);
      expect(records.map((r) => [r.path, r.rule, r.decision])).to.deep.equal([
        ['people[0]', 'person:honorific', 'accepted'],
        ['events[0]', 'meeting:trigger-in-sentence', 'rejected'],
      ]);
      expect([records[0]!.time, skipped]).to.deep.equal(['2025-01-01T00:00:00.000Z', 1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('turns the review into a decision per fact with its rule, and shows names instead of ids', () => {
    const facts: ClientFacts = {
      source: { file: 'a.txt' },
      people: [
        { id: 'person:a', name: 'Ana Lopes' },
        { id: 'person:b', name: 'Jan Berg' },
      ],
      events: [
        {
          id: 'event:e',
          kind: 'meeting',
          status: 'held',
          title: 'Meeting',
          participants: [
            { who: 'person:a', role: 'host' },
            { who: 'person:known', role: 'guest' },
          ],
        },
      ],
    };
    const nameOf = namesOf(facts, { 'person:known': 'Known Person' });
    expect(describeFact('events', (facts.events as Record<string, unknown>[])[0]!, nameOf)).to.equal(
      'meeting, held: Meeting — Ana Lopes (host), Known Person (guest)',
    );
    const log = decisionLog(
      facts,
      { 'people[1]': 'reject' },
      { 'events[0]': { title: 'Talks' } },
      { 'people[0]': { rule: 'person:honorific' }, 'events[0]': { rule: 'meeting:trigger-in-sentence' } },
      nameOf,
    );
    expect(log.map((d) => [d.path, d.rule, d.decision])).to.deep.equal([
      ['people[0]', 'person:honorific', 'accepted'],
      ['people[1]', 'people:unnamed-rule', 'rejected'],
      ['events[0]', 'meeting:trigger-in-sentence', 'edited'],
    ]);
  });
  it('names the holder of an office at the date, and says when several could be', () => {
    const heads = new Set(['minister', 'president']);
    expect([
      sameOffice('Foreign Minister', 'Minister of Foreign Affairs', heads),
      sameOffice('Deputy Foreign Minister', 'Foreign Minister', heads),
      sameOffice('President', 'Minister', heads),
    ]).to.deep.equal([true, false, false]);
    const rules = loadRules();
    const index = new EntityIndex();
    index.holdings.push(
      {
        person: 'person:old',
        name: 'Old Holder',
        title: 'Minister of Foreign Affairs',
        country: 'KE',
        firstSeen: '2020-01-01',
        lastSeen: '2022-12-31',
      },
      {
        person: 'person:new',
        name: 'New Holder',
        title: 'Foreign Minister',
        country: 'KE',
        firstSeen: '2023-03-01',
        lastSeen: '2024-09-30',
      },
    );
    const text = 'The Foreign Minister of Kenya met the press on 3 May 2024.';
    const found = findHolderSuggestions(lex(text, rules), rules, index.holdings, '2024-05-04', []);
    expect(found.map((f) => [f.phrase, f.date, f.candidates.map((c) => [c.id, c.confidence])])).to.deep.equal([
      ['The Foreign Minister of Kenya', '2024-05-03', [['person:new', 0.8]]],
    ]);
  });
});
