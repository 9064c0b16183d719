// Each rule's precision, from two sources: the review decisions kept under DATA_DIR (accepted over
// all decided) and the gold sets (a drafted fact the gold confirms over all the rule drafted):
// people (a gold person of the article), meeting pairs (a gold pair of the same status, counted for
// the rule of the event that makes the pair) and agreements (the gold's, with the same status).
import { existsSync } from 'node:fs';
import type { FactFile } from '../../domain/fact-schema.ts';
import type { Draft } from './draft.ts';
import { decisionsFile, readDecisions } from './decisions.ts';
import { predictedPairs, goldPersonIndex, matchAgreements, readReleaseSet, type GoldRecord } from './release-set.ts';

export interface RuleTally {
  right: number;
  wrong: number;
}

type Tallies = Map<string, RuleTally>;
const bump = (t: Tallies, rule: string, right: boolean) => {
  const x = t.get(rule) ?? { right: 0, wrong: 0 };
  if (right) x.right++;
  else x.wrong++;
  t.set(rule, x);
};

/** Judges every person, pair and agreement of one draft against its gold record, by rule. */
export function judgeByRule(text: string, gold: GoldRecord, draft: Draft, into: Tallies = new Map()): Tallies {
  const personOf = goldPersonIndex(gold);
  draft.facts.people.forEach((p, i) => {
    const rule = draft.confidence[`people[${i}]`]?.rule ?? 'person:unnamed-rule';
    bump(into, rule, personOf(p.name, p.aliases) >= 0);
  });
  for (const status of ['held', 'planned'] as const) {
    const wanted = new Set(
      (status === 'held' ? gold.meetings_pairs : gold.meetings_pairs_planned).map((p) => keyOf(personOf(p.a), personOf(p.b))),
    );
    const uncertain = new Set(gold.meetings_pairs_uncertain.map((p) => keyOf(personOf(p.a), personOf(p.b))));
    for (const pair of predictedPairs(draft.facts, status)) {
      const key = keyOf(personOf(pair.a, aliasesOf(draft.facts, pair.a)), personOf(pair.b, aliasesOf(draft.facts, pair.b)));
      if (uncertain.has(key) && !wanted.has(key)) continue;
      bump(into, draft.confidence[`events[${pair.event}]`]?.rule ?? 'event:unnamed-rule', wanted.has(key));
    }
  }
  const matched = matchAgreements(text, gold, draft.facts);
  draft.facts.agreements.forEach((_, i) =>
    bump(into, draft.confidence[`agreements[${i}]`]?.rule ?? 'agreement:unnamed-rule', matched.has(i)),
  );
  return into;
}

const keyOf = (a: number, b: number) => (a < 0 || b < 0 ? `?${a}+${b}` : a < b ? `${a}+${b}` : `${b}+${a}`);
const aliasesOf = (facts: FactFile, name: string) => facts.people.find((p) => p.name === name)?.aliases ?? [];

function table(title: string, tallies: Tallies): void {
  console.log(`\n${title}\n`);
  if (!tallies.size) {
    console.log('  (nothing to judge)');
    return;
  }
  console.log('rule                                                   | right | wrong | precision');
  console.log('-------------------------------------------------------|-------|-------|----------');
  const rows = [...tallies.entries()].sort(
    (a, b) => a[1].right / (a[1].right + a[1].wrong) - b[1].right / (b[1].right + b[1].wrong) || a[0].localeCompare(b[0]),
  );
  for (const [rule, t] of rows) {
    console.log(
      `${rule.padEnd(54)} | ${String(t.right).padStart(5)} | ${String(t.wrong).padStart(5)} | ${(t.right / (t.right + t.wrong)).toFixed(2).padStart(9)}`,
    );
  }
}

export function printRulePrecision(sets: readonly string[], draftOf: (text: string) => Draft, dataDir: string): void {
  const file = decisionsFile(dataDir);
  const { records, skipped } = readDecisions(file);
  const fromReview: Tallies = new Map();
  for (const r of records) {
    const t = fromReview.get(r.rule) ?? { right: 0, wrong: 0 };
    if (r.decision === 'accepted') t.right++;
    else t.wrong++;
    fromReview.set(r.rule, t);
  }
  table(
    `From the review decisions in ${file} (${records.length} decisions${skipped ? `, ${skipped} unreadable lines skipped` : ''}; edited counts as wrong)`,
    fromReview,
  );
  for (const dir of sets) {
    if (!existsSync(dir)) {
      console.log(`\n${dir}: no such set`);
      continue;
    }
    const { records: golds, text } = readReleaseSet(dir);
    const tallies: Tallies = new Map();
    for (const gold of golds) {
      try {
        const draft = draftOf(text(gold.file));
        judgeByRule(draft.article.text, gold, draft, tallies);
      } catch (error) {
        console.log(`  ${gold.file}: the drafter failed (${(error as Error).message.split('\n')[0]})`);
      }
    }
    table(`From the gold of ${dir} (people, meeting pairs and agreements drafted, by rule)`, tallies);
  }
}
