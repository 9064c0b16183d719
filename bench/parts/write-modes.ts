// The same rows written two ways through the seed writer (seeds/writer.ts runBatched): batched
// UNWIND in one transaction, and one transaction per record. Ids get a per-run prefix so both runs
// create (MERGE on an existing node would only update, which is cheaper and unfair to the second).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { EventRow, ParticipationRow } from '../../seeds/plan.ts';
import { runBatched } from '../../seeds/writer.ts';
import { eventChunks, type SyntheticScale } from '../synthetic/generator.ts';
import { round } from '../lib/stats.ts';

export interface WriteModeResult {
  rows: number;
  events: number;
  participations: number;
  batched: { seconds: number; rowsPerSecond: number };
  perRecord: { seconds: number; rowsPerSecond: number };
  /** batched rows/s ÷ per-record rows/s */
  ratio: number;
}

async function inTransaction(driver: Driver, work: (tx: ManagedTransaction) => Promise<unknown>): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite(work);
  } finally {
    await session.close();
  }
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

export async function compareWriteModes(driver: Driver, scale: SyntheticScale, rows: number): Promise<WriteModeResult> {
  const sample = sampleRows(scale, rows);
  const renamed = (prefix: string) => ({
    events: sample.events.map((e) => ({ ...e, id: e.id.replace('event:', `event:${prefix}-`) })),
    participations: sample.participations.map((p) => ({ ...p, event: p.event.replace('event:', `event:${prefix}-`) })),
  });
  const total = sample.events.length + sample.participations.length;

  const batchedRows = renamed('batched');
  let t = performance.now();
  await inTransaction(driver, async (tx) => {
    await runBatched(tx, 'upsert-events', batchedRows.events);
    await runBatched(tx, 'upsert-participation', batchedRows.participations);
  });
  const batchedSeconds = (performance.now() - t) / 1000;

  const single = renamed('single');
  t = performance.now();
  for (const event of single.events) await inTransaction(driver, (tx) => runBatched(tx, 'upsert-events', [event]));
  for (const p of single.participations) await inTransaction(driver, (tx) => runBatched(tx, 'upsert-participation', [p]));
  const perRecordSeconds = (performance.now() - t) / 1000;

  const batched = { seconds: round(batchedSeconds, 2), rowsPerSecond: Math.round(total / batchedSeconds) };
  const perRecord = { seconds: round(perRecordSeconds, 2), rowsPerSecond: Math.round(total / perRecordSeconds) };
  return { rows: total, events: sample.events.length, participations: sample.participations.length, batched, perRecord, ratio: round(batched.rowsPerSecond / perRecord.rowsPerSecond, 1) };
}
