// Precision and recall of the candidate scorer on a labelled sample of pairs (same / different),
// each pair stored with both people's profiles as the graph gave them, so the measurement needs no
// database. A pair counts as predicted "same" when blocking would pair them (a name key in common)
// and its score reaches the threshold. Pure: no I/O.
import { z } from 'zod';
import { blockingKeys } from './candidates.ts';
import { scorePair, type PairScore, type PersonProfile } from './score.ts';

const titleSchema = z.object({
  title: z.string(),
  at: z.string(),
  country: z.string().nullable(),
  from: z.number().nullable(),
  to: z.number().nullable(),
});
const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  countries: z.array(z.string()),
  titles: z.array(titleSchema),
  years: z.object({ from: z.number(), to: z.number() }).nullable(),
  origin: z.enum(['articles', 'state-dept', 'mixed']),
  events: z.number(),
  note: z.string().nullable(),
});

export const labelledPairSchema = z.object({
  a: z.string(),
  b: z.string(),
  label: z.enum(['same', 'different']),
  /** Why the label is what it is (who the people are), written by the person who labelled it. */
  reason: z.string().min(3),
  /** Filled from the graph by `npm run eval:resolution -- --refresh`. */
  profiles: z.tuple([profileSchema, profileSchema]).optional(),
  together: z.array(z.string()).default([]),
  /** How many people in the graph have each name word of the pair (for the rarity of a shared word). */
  frequency: z.record(z.number()).default({}),
});
export type LabelledPair = z.infer<typeof labelledPairSchema>;

export const labelledSampleSchema = z.object({
  description: z.string(),
  pairs: z.array(labelledPairSchema),
});
export type LabelledSample = z.infer<typeof labelledSampleSchema>;

export function scoreLabelled(pair: LabelledPair): PairScore & { blocked: boolean } {
  const [a, b] = pair.profiles as [PersonProfile, PersonProfile];
  const keys = blockingKeys(a);
  const blocked = [...blockingKeys(b)].some((k) => keys.has(k));
  return { ...scorePair(a, b, { together: pair.together }, (word) => pair.frequency[word] ?? 1), blocked };
}

export interface Measured {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export function measure(pairs: readonly LabelledPair[], thresholds: readonly number[]): Measured[] {
  const scored = pairs.map((p) => ({ same: p.label === 'same', ...scoreLabelled(p) }));
  return thresholds.map((threshold) => {
    let tp = 0,
      fp = 0,
      fn = 0,
      tn = 0;
    for (const s of scored) {
      const predicted = s.blocked && s.score >= threshold;
      if (predicted && s.same) tp++;
      else if (predicted) fp++;
      else if (s.same) fn++;
      else tn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return {
      threshold,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      trueNegatives: tn,
      precision: round(precision),
      recall: round(recall),
      f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    };
  });
}
