// The same rows written two ways through the seed writer (graph/writer.ts runBatched): batched
// UNWIND in one transaction, and one transaction per record. Ids get a per-run prefix so both runs
// create (MERGE on an existing node would only update, which is cheaper and unfair to the second).
import type { Driver } from 'neo4j-driver';
import type { EventRow, ParticipationRow } from '../../domain/plan.ts';
import { runBatched } from '../../graph/writer.ts';
import { eventChunks, type SyntheticScale } from '../synthetic/generator.ts';
import { write } from '../synthetic/load.ts';
import { round } from '../lib/stats.ts';

export interface WriteModeRound {
  batched: { seconds: number; rowsPerSecond: number };
  perRecord: { seconds: number; rowsPerSecond: number };
  /** batched rows/s ÷ per-record rows/s */
  ratio: number;
}

export interface WriteModeResult extends WriteModeRound {
  rows: number;
  events: number;
  participations: number;
  /** Every round (the headline numbers are the round with the median ratio). */
  rounds: WriteModeRound[];
}

/** Events and their participations from the start of the synthetic stream, about `rows` rows in all. */
export function sampleRows(scale: SyntheticScale, rows: number): { events: EventRow[]; participations: ParticipationRow[] } {
  const events: EventRow[] = [];
  const participations: ParticipationRow[] = [];
  for (const chunk of eventChunks({ ...scale, chunkEvents: 1000 })) {
    for (const event of chunk.events) {
      if (events.length + participations.length >= rows) return { events, participations };
      events.push(event);
      participations.push(...chunk.participations.filter((p) => p.event === event.id));
    }
  }
  return { events, participations };
}

/**
 * An untimed warm-up, then `rounds` rounds, each writing the rows both ways under fresh ids; the order
 * alternates so neither mode always meets the warmer database. Reports every round and the one with
 * the median ratio.
 */
export async function compareWriteModes(driver: Driver, scale: SyntheticScale, rows: number, rounds = 3): Promise<WriteModeResult> {
  const sample = sampleRows(scale, rows);
  const renamed = (prefix: string) => ({
    events: sample.events.map((e) => ({ ...e, id: e.id.replace('event:', `event:${prefix}-`) })),
    participations: sample.participations.map((p) => ({ ...p, event: p.event.replace('event:', `event:${prefix}-`) })),
  });
  const total = sample.events.length + sample.participations.length;
  const rate = (seconds: number) => ({ seconds: round(seconds, 2), rowsPerSecond: Math.round(total / seconds) });

  const batched = async (prefix: string) => {
    const rows = renamed(prefix);
    const t = performance.now();
    await write(driver, async (tx) => {
      await runBatched(tx, 'upsert-events', rows.events);
      await runBatched(tx, 'upsert-participation', rows.participations);
    });
    return rate((performance.now() - t) / 1000);
  };
  const perRecord = async (prefix: string) => {
    const rows = renamed(prefix);
    const t = performance.now();
    for (const event of rows.events) await write(driver, (tx) => runBatched(tx, 'upsert-events', [event]));
    for (const p of rows.participations) await write(driver, (tx) => runBatched(tx, 'upsert-participation', [p]));
    return rate((performance.now() - t) / 1000);
  };

  // An untimed round first, on other ids: both modes' queries planned and their code paths compiled
  // before anything is timed (a cold JVM made the first timed batch up to 3× slower at 10k).
  await batched('warm-batched');
  await perRecord('warm-single');
  const results: WriteModeRound[] = [];
  for (let r = 0; r < rounds; r++) {
    let b: WriteModeRound['batched'];
    let p: WriteModeRound['perRecord'];
    if (r % 2 === 0) {
      b = await batched(`batched${r}`);
      p = await perRecord(`single${r}`);
    } else {
      p = await perRecord(`single${r}`);
      b = await batched(`batched${r}`);
    }
    results.push({ batched: b, perRecord: p, ratio: round(b.rowsPerSecond / p.rowsPerSecond, 1) });
  }
  const median = [...results].sort((x, y) => x.ratio - y.ratio)[Math.floor(results.length / 2)]!;
  return { rows: total, events: sample.events.length, participations: sample.participations.length, ...median, rounds: results };
}
