// npm run eval:extract — drafts each seed article with its own curated file hidden (the known
// entities come from the other four files only: leave-one-out) and scores the draft against the
// curated file: precision, recall and F1 per category, then every miss and false positive.
// npm run eval:extract -- --set DIR — scores the drafter on a set in the releases schema (DIR/gold.json
// and DIR/articles/, see release-set.ts), with the misses per article.
// npm run eval:extract -- --rules [--set DIR]… — each rule's precision, from the review decisions kept
// under DATA_DIR and from the gold sets.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { FactFileError, formatProblem } from '../../domain/fact-errors.ts';
import { parseFactFile } from '../../domain/fact-file.ts';
import { readFactFile } from '../text-file.ts';
import { Gazetteer } from '../../domain/gazetteer.ts';
import { declaredEntities, planFactFile } from '../../domain/plan.ts';
import { cleanSourceText } from '../../domain/source-text.ts';
import { defaultFactFiles, SOURCES_DIR } from '../loader.ts';
import { draftFacts, type Draft } from './draft.ts';
import { CATEGORIES, compareFacts, scores, type CategoryResult, type Comparison } from './evaluate.ts';
import { indexFromFactFiles } from './known.ts';
import { runReleaseSet, SET_CATEGORIES } from './release-set.ts';
import { printRulePrecision } from './rule-precision.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    rules: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
/** The development set beside the clone, and the project's own small sets in other styles. */
const RELEASES_DIR = fileURLToPath(new URL('../../../shared/data/releases', import.meta.url));
const OWN_SET_DIR = fileURLToPath(new URL('../../tests/fixtures/ingest/own-set', import.meta.url));
const BLIND_SET_DIR = fileURLToPath(new URL('../../tests/fixtures/ingest/blind-set', import.meta.url));
const pct = (x: number) => x.toFixed(2);
const row = (name: string, t: { tp: number; fp: number; fn: number }) => {
  const s = scores(t);
  return `${name.padEnd(15)} | ${String(t.tp).padStart(3)} | ${String(t.fp).padStart(3)} | ${String(t.fn).padStart(3)} | ${pct(s.precision).padStart(9)} | ${pct(s.recall).padStart(6)} | ${pct(s.f1).padStart(4)}`;
};
const HEADER =
  'category        |  TP |  FP |  FN | precision | recall |   F1\n----------------|-----|-----|-----|-----------|--------|------';

/** The five curated seed articles, leave-one-out; every draft with its gold. */
function seedDrafts(): { file: string; gold: ReturnType<typeof readFactFile>['facts']; draft: Draft }[] {
  const files = defaultFactFiles();
  return files.map((file) => {
    const gold = readFactFile(file).facts;
    const known = indexFromFactFiles(files.filter((f) => f !== file));
    const raw = readFileSync(join(SOURCES_DIR, gold.source.file), 'utf8');
    return { file, gold, draft: draftFacts(raw, { fileName: gold.source.file, known }) };
  });
}

function seedReport(): void {
  const files = defaultFactFiles();
  const totals = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<
    string,
    { tp: number; fp: number; fn: number }
  >;
  const perArticle: { file: string; result: Comparison; loadable: string }[] = [];
  for (const { file, gold, draft } of seedDrafts()) {
    const result = compareFacts(draft.article.text, gold, draft.facts);
    // The draft must also pass the loader's own checks (schema, verbatim quotes, references).
    const gazetteer = new Gazetteer();
    for (const other of files.filter((f) => f !== file)) for (const e of declaredEntities(readFactFile(other))) gazetteer.add(e);
    let loadable = 'yes';
    try {
      planFactFile(
        parseFactFile(stringify(draft.facts), 'draft.yaml'),
        cleanSourceText(draft.article.raw, draft.facts.source.junk),
        gazetteer,
      );
    } catch (error) {
      loadable = error instanceof FactFileError ? `no: ${error.problems.map(formatProblem).join('; ')}` : `no: ${(error as Error).message}`;
    }
    perArticle.push({ file: basename(file), result, loadable });
    for (const c of CATEGORIES) {
      totals[c]!.tp += result[c].tp;
      totals[c]!.fp += result[c].fp;
      totals[c]!.fn += result[c].fn;
    }
  }
  console.log(`Leave-one-out over ${files.length} curated articles (micro-averaged)\n`);
  console.log(HEADER);
  for (const c of CATEGORIES) console.log(row(c, totals[c]!));
  console.log('\nMisses (in the curated file, not drafted) and false positives (drafted, not curated):');
  for (const { file, result, loadable } of perArticle) {
    console.log(`\n${file} (draft passes the loader's checks: ${loadable})`);
    for (const c of CATEGORIES) {
      const r: CategoryResult = result[c];
      if (r.misses.length) console.log(`  ${c} missed: ${r.misses.join('; ')}`);
      if (r.falsePositives.length) console.log(`  ${c} false positives: ${r.falsePositives.join('; ')}`);
    }
  }
}

function setReport(dir: string): void {
  const known = indexFromFactFiles(defaultFactFiles());
  const run = runReleaseSet(dir, (text) => draftFacts(text, { known }));
  const crashes = run.articles.filter((a) => a.crash);
  console.log(`${run.articles.length} articles of ${dir} (micro-averaged; ${crashes.length} crashed)\n`);
  console.log(HEADER);
  for (const c of SET_CATEGORIES) console.log(row(c, run.totals[c]));
  const { modeRight, modeMatched } = run.totals;
  console.log(`\ncall vs in person right for ${modeRight} of ${modeMatched} matched held pairs`);
  if (values.quiet) return;
  console.log('\nMisses (in the gold, not drafted) and false positives (drafted, not in the gold):');
  for (const a of run.articles) {
    if (a.crash) {
      console.log(`\n${a.file}: CRASH ${a.crash}`);
      continue;
    }
    const lines = SET_CATEGORIES.flatMap((c) => [
      ...(a.result![c].misses.length ? [`  ${c} missed: ${a.result![c].misses.join('; ')}`] : []),
      ...(a.result![c].falsePositives.length ? [`  ${c} false positives: ${a.result![c].falsePositives.join('; ')}`] : []),
    ]);
    if (lines.length) console.log(`\n${a.file}\n${lines.join('\n')}`);
  }
}

if (values.rules) {
  const known = indexFromFactFiles(defaultFactFiles());
  const sets = values.set?.length ? values.set : [RELEASES_DIR, OWN_SET_DIR, BLIND_SET_DIR];
  printRulePrecision(sets, (text) => draftFacts(text, { known }), process.env.DATA_DIR || '.data');
} else if (values.set?.length) for (const dir of values.set) setReport(dir);
else seedReport();
