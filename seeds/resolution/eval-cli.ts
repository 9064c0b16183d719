// npm run eval:resolution [-- --refresh] [--sample file.json]
// Prints the candidate scorer's precision and recall on the labelled sample at several thresholds.
// --refresh re-reads both people of every labelled pair from the graph (NEO4J_URI, or the local
// one: load the seeds and `npm run import -- state-dept` first), keeping each label and its reason.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { withDatabase } from '../../graph/cli.ts';
import { createReader } from '../../graph/reader.ts';
import { read } from '../../graph/queries/read.ts';
import { LIKELY_SAME } from '../../domain/resolution/score.ts';
import { readProfiles } from '../../graph/resolution.ts';
import { nameParts } from '../../domain/resolution/names.ts';
import { labelledSampleSchema, measure, scoreLabelled, type LabelledSample } from '../../domain/resolution/evaluate.ts';
import { SAMPLE } from './sample.ts';

const THRESHOLDS = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9];

const { values } = parseArgs({
  options: { refresh: { type: 'boolean', default: false }, sample: { type: 'string' }, misses: { type: 'boolean', default: false } },
});
const path = values.sample ?? SAMPLE;
let sample: LabelledSample = labelledSampleSchema.parse(JSON.parse(readFileSync(path, 'utf8')));

if (values.refresh) {
  sample = await withDatabase(async ({ driver, database }) => {
    const reader = createReader(driver, database, 120_000);
    const profiles = await readProfiles(reader);
    const byId = new Map(profiles.map((p) => [p.id, p]));
    const words = new Map<string, number>();
    for (const p of profiles) {
      const own = new Set([p.name, ...p.aliases].flatMap((n) => nameParts(n).words));
      for (const w of own) words.set(w, (words.get(w) ?? 0) + 1);
    }
    const together = await read(reader, 'resolution-together', { pairs: sample.pairs.map(({ a, b }) => ({ a, b })) });
    const events = new Map(together.map((r) => [`${r.a}|${r.b}`, r.events]));
    const pairs = sample.pairs.map((pair) => {
      const a = byId.get(pair.a);
      const b = byId.get(pair.b);
      if (!a || !b) throw new Error(`${pair.a} or ${pair.b} is not in the graph: import the data the sample was built from`);
      const frequency = Object.fromEntries(
        [a, b]
          .flatMap((p) => [p.name, ...p.aliases])
          .flatMap((n) => nameParts(n).words)
          .map((w) => [w, words.get(w) ?? 0]),
      );
      return { ...pair, profiles: [a, b] as [typeof a, typeof b], together: events.get(`${pair.a}|${pair.b}`) ?? [], frequency };
    });
    return { ...sample, pairs };
  });
  writeFileSync(path, `${JSON.stringify(sample, null, 1)}\n`);
  console.log(`refreshed ${sample.pairs.length} pairs from the graph into ${path}`);
}

const same = sample.pairs.filter((p) => p.label === 'same').length;
console.log(
  `${sample.pairs.length} labelled pairs: ${same} same, ${sample.pairs.length - same} different (shipped threshold ${LIKELY_SAME})`,
);
console.log('threshold  precision  recall  F1     TP  FP  FN  TN');
for (const m of measure(sample.pairs, THRESHOLDS)) {
  console.log(
    `${m.threshold.toFixed(2).padStart(9)}  ${m.precision.toFixed(3).padStart(9)}  ${m.recall.toFixed(3).padStart(6)}  ${m.f1.toFixed(3)}  ${String(m.truePositives).padStart(3)} ${String(m.falsePositives).padStart(3)} ${String(m.falseNegatives).padStart(3)} ${String(m.trueNegatives).padStart(3)}${m.threshold === LIKELY_SAME ? '  ← shipped' : ''}`,
  );
}
if (values.misses) {
  for (const pair of sample.pairs) {
    const s = scoreLabelled(pair);
    const predicted = s.blocked && s.score >= LIKELY_SAME;
    if (predicted !== (pair.label === 'same')) {
      console.log(
        `${predicted ? 'FALSE SAME' : 'MISSED   '} ${s.score.toFixed(2)} ${pair.profiles![0].name} / ${pair.profiles![1].name} — ${pair.reason}\n    ${s.reasons.map((r) => `${r.weight} ${r.text}`).join('; ')}`,
      );
    }
  }
}
