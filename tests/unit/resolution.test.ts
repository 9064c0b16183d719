// Identity resolution without a database: name comparison, the pair scorer and its reasons,
// blocking, judgements and clusters, the judgement log, and the scorer measured on the labelled sample.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { blockPeople, findCandidates } from '../../domain/resolution/candidates.ts';
import { labelledSampleSchema, measure } from '../../domain/resolution/evaluate.ts';
import { SAMPLE } from '../../seeds/resolution/sample.ts';
import { parseJudgementLog } from '../../seeds/resolution/judgement-log.ts';
import {
  canonicalMember,
  clusterIdOf,
  conflictOf,
  currentJudgements,
  memberOfClusterId,
  sameGroups,
  type JudgementEntry,
} from '../../domain/resolution/judgements.ts';
import { compareNames, nameParts } from '../../domain/resolution/names.ts';
import { scorePair, type PersonProfile } from '../../domain/resolution/score.ts';
import { LIKELY_SAME } from '../../server/services/resolution.ts';

const compare = (a: string, b: string) => compareNames(nameParts(a), nameParts(b));

function person(id: string, name: string, extra: Partial<PersonProfile> = {}): PersonProfile {
  return { id, name, aliases: [], countries: [], titles: [], years: null, origin: 'state-dept', events: 1, note: null, ...extra };
}

const at = '2025-01-01T00:00:00.000Z';
const j = (a: string, b: string, verdict: JudgementEntry['verdict']): JudgementEntry => ({ a, b, verdict, by: 'tester', at });

describe('identity resolution: names', () => {
  it('folds order, case, diacritics, particles and honorifics', () => {
    expect(compare('Fumio Kishida', 'Kishida Fumio').relation).to.equal('same');
    expect(compare('Abdel Fattah al-Sisi', 'Abdel Fattah El-Sisi').relation).to.equal('same');
    expect(compare('Süleyman Demirel', 'SULEYMAN DEMIREL').relation).to.equal('same');
    expect(compare('Prince Saud al-Faisal', 'Saud al-Faisal').relation).to.equal('same');
  });

  it('tells spelling variants (sound and letters alike, or one slip) from distinct names', () => {
    expect(compare('Mohammed Javad Zarif', 'Mohammad Javad Zarif')).to.deep.include({
      relation: 'variant',
      variants: [['mohammed', 'mohammad']],
    });
    expect(compare('Medhi Jomaa', 'Mehdi Jomaa').relation).to.equal('variant');
    expect(compare('Enrico Pena Nieto', 'Enrique Pena Nieto').relation).to.equal('variant');
    expect(compare('Hassan Rouhani', 'Hussein Rouhani').relation).to.equal('conflict');
  });

  it('sees a shorter form, a lone word, and given names that differ', () => {
    expect(compare('Bola Tinubu', 'Bola Ahmed Tinubu').relation).to.equal('shorter');
    expect(compare('Lavrov', 'Sergei Lavrov').relation).to.equal('single');
    expect(compare('Hafez al-Assad', 'Bashar al-Assad')).to.deep.include({ relation: 'conflict', onlyA: ['hafez'], onlyB: ['bashar'] });
  });

  it('keeps father and son apart by middle initials, regnal numbers and patronymics', () => {
    expect(compare('George H. W. Bush', 'George W. Bush').initialsDiffer).to.equal(true);
    expect(compare('George HW Bush', 'George H.W. Bush').initialsDiffer).to.equal(false);
    expect(compare('George Bush', 'George W. Bush').initialsDiffer).to.equal(false);
    expect(compare('Abdullah I', 'Abdullah II').ordinalsDiffer).to.equal(true);
    expect(compare('Salman', 'Mohammed bin Salman')).to.deep.include({ relation: 'conflict', patronymicDiffers: true });
    expect(compare('Mohammed bin Salman', 'Mohammed bin Salman Al Saud').relation).to.equal('shorter');
    expect(compare('Jaber Al-Ahmad Al-Sabah', 'Sabah Al-Ahmad Al-Jaber Al-Sabah').patronymicDiffers).to.equal(true);
  });
});

describe('identity resolution: the pair scorer', () => {
  const tinubu = person('person:bola-ahmed-tinubu', 'Bola Ahmed Tinubu', {
    countries: ['country:NG'],
    titles: [{ title: 'President', at: 'country:NG', country: 'country:NG', from: 2025, to: 2025 }],
    years: { from: 2025, to: 2025 },
    origin: 'articles',
  });
  const bola = person('person:ng-bola-tinubu', 'Bola Tinubu', {
    countries: ['country:NG'],
    titles: [{ title: 'President', at: 'country:NG', country: 'country:NG', from: 2024, to: 2025 }],
    years: { from: 2024, to: 2024 },
  });

  it('scores the two Tinubus as likely one person, with every reason', () => {
    const scored = scorePair(tinubu, bola);
    expect(scored.score).to.be.at.least(LIKELY_SAME);
    expect(scored.reasons.map((r) => r.feature)).to.deep.equal(['name', 'country', 'title', 'years']);
    expect(scored.reasons[0]!.text).to.equal('"Bola Tinubu" is a shorter form of "Bola Ahmed Tinubu"');
    expect(scored.reasons[2]!.text).to.equal('both hold "President" in the same years');
  });

  it('keeps the Bushes and the Assads apart', () => {
    const us = {
      countries: ['country:US'],
      titles: [{ title: 'President', at: 'country:US', country: 'country:US', from: null, to: null }],
    };
    const bushes = scorePair(
      person('person:bush-george-h-w', 'George H.W. Bush', { ...us, years: { from: 1989, to: 1993 } }),
      person('person:bush-george-w', 'George W. Bush', { ...us, years: { from: 2001, to: 2009 } }),
    );
    expect(bushes.score).to.be.below(LIKELY_SAME);
    expect(bushes.reasons.map((r) => r.text)).to.include('middle initials differ: H. W. / W.');
    const sy = {
      countries: ['country:SY'],
      titles: [{ title: 'President', at: 'country:SY', country: 'country:SY', from: null, to: null }],
    };
    const assads = scorePair(
      person('person:sy-hafez-al-assad', 'Hafez al-Assad', sy),
      person('person:sy-bashar-al-assad', 'Bashar al-Assad', sy),
    );
    expect(assads.score).to.be.below(0.3);
    // A successor in the same office and country is not evidence of one person when the names differ.
    expect(assads.reasons.find((r) => r.feature === 'title')!.weight).to.equal(0);
  });

  it('two people present at one event are two people; a country conflict counts against', () => {
    const a = person('person:a', 'Kim Jong Pil', { countries: ['country:KR'] });
    const b = person('person:b', 'Kim Jong-pil', { countries: ['country:KR'] });
    expect(scorePair(a, b).score).to.be.at.least(LIKELY_SAME);
    const together = scorePair(a, b, { together: ['Talks in Seoul'] });
    expect(together.score).to.be.below(0.3);
    expect(together.reasons.at(-1)!.text).to.equal('both present at "Talks in Seoul": two people');
    expect(scorePair(a, { ...b, countries: ['country:KP'] }).reasons.find((r) => r.feature === 'country')!.weight).to.equal(-0.3);
  });
});

describe('identity resolution: blocking and candidates', () => {
  it('pairs only people sharing a name key, and skips keys shared by too many', () => {
    const people = [
      person('p:1', 'Sergei Lavrov'),
      person('p:2', 'Sergey Lavrov'),
      person('p:3', 'Hamid Karzai'),
      person('p:4', 'Hamad Karzai'),
      person('p:5', 'Angela Merkel'),
    ];
    const blocking = blockPeople(people);
    expect(blocking.pairs.map(([a, b]) => `${a}-${b}`).sort()).to.deep.equal(['0-1', '2-3']);
    const crowd = ['Ahmadi', 'Bakr', 'Chowdhury', 'Daud', 'Farouk', 'Ghani'].map((surname, i) => person(`p:${i}`, `Mohammed ${surname}`));
    expect(blockPeople(crowd, 5)).to.deep.include({ pairs: [], skippedKeys: 1 });
  });

  it('asks the graph about the pairs above the floor only, then rescores them, best first', async () => {
    const people = [
      person('p:1', 'Sergei Lavrov', { countries: ['country:RU'] }),
      person('p:2', 'Sergey Lavrov', { countries: ['country:RU'] }),
      person('p:3', 'Bola Tinubu'),
      person('p:4', 'Bola Ahmed Tinubu'),
    ];
    const asked: string[][] = [];
    const run = await findCandidates(people, async (pairs) => {
      asked.push(pairs.map(([a, b]) => `${a}|${b}`));
      return new Map([['p:1|p:2', { together: ['One meeting'] }]]);
    });
    expect(asked).to.deep.equal([['p:1|p:2', 'p:3|p:4']]);
    expect(run.candidates.map((c) => [c.a, c.b])).to.deep.equal([['p:3', 'p:4']]);
  });
});

describe('identity resolution: judgements and clusters', () => {
  it('the latest judgement of a pair holds; undo withdraws it; pairs are stored in order', () => {
    const state = currentJudgements([
      j('person:b', 'person:a', 'same'),
      j('person:a', 'person:b', 'different'),
      j('person:c', 'person:d', 'unsure'),
      j('person:d', 'person:c', 'undo'),
    ]);
    expect([...state.values()].map((x) => [x.a, x.b, x.verdict])).to.deep.equal([['person:a', 'person:b', 'different']]);
  });

  it('clusters are connected groups of same; different blocks joining them, and a cut that would leave them joined', () => {
    expect(
      sameGroups(
        currentJudgements([
          j('person:a', 'person:b', 'same'),
          j('person:b', 'person:c', 'same'),
          j('person:d', 'person:e', 'same'),
          j('person:a', 'person:d', 'different'),
        ]).values(),
      ),
    ).to.deep.equal([
      ['person:a', 'person:b', 'person:c'],
      ['person:d', 'person:e'],
    ]);
    const state = currentJudgements([j('person:a', 'person:b', 'same'), j('person:c', 'person:d', 'different')]);
    expect(conflictOf(state, j('person:b', 'person:c', 'same'))).to.equal(null);
    const joined = currentJudgements([...state.values(), j('person:b', 'person:c', 'same')]);
    expect(conflictOf(joined, j('person:a', 'person:d', 'same'))).to.match(/person:c and person:d were judged different/);
    expect(conflictOf(joined, j('person:a', 'person:c', 'different'))).to.match(/one cluster through other "same" judgements/);
    expect(conflictOf(joined, j('person:a', 'person:b', 'different'))).to.equal(null); // the direct judgement is replaced
    expect(conflictOf(joined, j('person:x', 'person:y', 'undo'))).to.match(/no judgement/);
  });

  it('names a cluster after its fullest name, articles first, then the smallest id', () => {
    expect(
      canonicalMember([
        { id: 'person:ng-bola-tinubu', name: 'Bola Tinubu', fromArticles: false },
        { id: 'person:bola-ahmed-tinubu', name: 'Bola Ahmed Tinubu', fromArticles: true },
      ]).id,
    ).to.equal('person:bola-ahmed-tinubu');
    expect(
      canonicalMember([
        { id: 'person:b', name: 'Sergei Lavrov', fromArticles: false },
        { id: 'person:a', name: 'Sergey Lavrov', fromArticles: true },
      ]).id,
    ).to.equal('person:a');
    expect(clusterIdOf('person:bola-ahmed-tinubu')).to.equal('person:cluster:bola-ahmed-tinubu');
    expect(memberOfClusterId('person:cluster:bola-ahmed-tinubu')).to.equal('person:bola-ahmed-tinubu');
    expect(memberOfClusterId('person:bola-ahmed-tinubu')).to.equal(null);
  });

  it('a bad log line is refused with file, line and field', () => {
    const text = `${JSON.stringify(j('person:a', 'person:b', 'same'))}\nnot json\n${JSON.stringify({ ...j('person:a', 'person:b', 'same'), verdict: 'maybe' })}\n`;
    expect(() => parseJudgementLog(text, 'judgements.jsonl')).to.throw(
      /judgements.jsonl:2 not a JSON object[\s\S]*judgements.jsonl:3 \(verdict\)/,
    );
  });
});

describe('identity resolution: the scorer on the labelled sample', () => {
  const sample = labelledSampleSchema.parse(JSON.parse(readFileSync(SAMPLE, 'utf8')));

  it('has at least 100 labelled pairs of both kinds, each with its reason and the profiles scored', () => {
    expect(sample.pairs.length).to.be.at.least(100);
    expect(sample.pairs.filter((p) => p.label === 'different').length).to.be.at.least(40);
    for (const pair of sample.pairs) expect(pair.profiles, `${pair.a} ${pair.b}`).to.not.equal(undefined);
  });

  it('at the shipped threshold: precision at least 0.95 and recall at least 0.6; from the review floor 0.3 recall at least 0.9', () => {
    const [floor, shipped] = measure(sample.pairs, [0.3, LIKELY_SAME]);
    expect(shipped!.precision).to.be.at.least(0.95);
    expect(shipped!.recall).to.be.at.least(0.6);
    expect(floor!.recall).to.be.at.least(0.9);
  });
});
