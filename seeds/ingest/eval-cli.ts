// npm run eval:extract — drafts each seed article with its own curated file hidden (the known
// entities come from the other four files only: leave-one-out) and scores the draft against the
// curated file: precision, recall and F1 per category, then every miss and false positive.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stringify } from 'yaml';
import { FactFileError, formatProblem } from '../../domain/fact-errors.ts';
import { parseFactFile } from '../../domain/fact-file.ts';
import { readFactFile } from '../text-file.ts';
import { Gazetteer } from '../../domain/gazetteer.ts';
import { declaredEntities, planFactFile } from '../../domain/plan.ts';
import { cleanSourceText } from '../../domain/source-text.ts';
import { defaultFactFiles, SOURCES_DIR } from '../loader.ts';
import { draftFacts } from './draft.ts';
import { CATEGORIES, compareFacts, scores, type CategoryResult, type Comparison } from './evaluate.ts';
import { indexFromFactFiles } from './known.ts';

const files = defaultFactFiles();
const totals = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<string, { tp: number; fp: number; fn: number }>;
const perArticle: { file: string; result: Comparison; loadable: string }[] = [];

for (const file of files) {
  const gold = readFactFile(file).facts;
  const known = indexFromFactFiles(files.filter((f) => f !== file));
  const raw = readFileSync(join(SOURCES_DIR, gold.source.file), 'utf8');
  const draft = draftFacts(raw, { fileName: gold.source.file, known });
  const result = compareFacts(draft.article.text, gold, draft.facts);
  // The draft must also pass the loader's own checks (schema, verbatim quotes, references).
  const gazetteer = new Gazetteer();
  for (const other of files.filter((f) => f !== file)) for (const e of declaredEntities(readFactFile(other))) gazetteer.add(e);
  let loadable = 'yes';
  try {
    planFactFile(parseFactFile(stringify(draft.facts), 'draft.yaml'), cleanSourceText(draft.article.raw, draft.facts.source.junk), gazetteer);
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

const pct = (x: number) => x.toFixed(2);
console.log(`Leave-one-out over ${files.length} curated articles (micro-averaged)\n`);
console.log('category        |  TP |  FP |  FN | precision | recall |   F1');
console.log('----------------|-----|-----|-----|-----------|--------|------');
for (const c of CATEGORIES) {
  const t = totals[c]!;
  const s = scores(t);
  console.log(`${c.padEnd(15)} | ${String(t.tp).padStart(3)} | ${String(t.fp).padStart(3)} | ${String(t.fn).padStart(3)} | ${pct(s.precision).padStart(9)} | ${pct(s.recall).padStart(6)} | ${pct(s.f1).padStart(4)}`);
}
console.log('\nMisses (in the curated file, not drafted) and false positives (drafted, not curated):');
for (const { file, result, loadable } of perArticle) {
  console.log(`\n${file} (draft passes the loader's checks: ${loadable})`);
  for (const c of CATEGORIES) {
    const r: CategoryResult = result[c];
    if (r.misses.length) console.log(`  ${c} missed: ${r.misses.join('; ')}`);
    if (r.falsePositives.length) console.log(`  ${c} false positives: ${r.falsePositives.join('; ')}`);
  }
}
