// Loads the synthetic network through the seed writer: the same cypher/upsert-*.cypher files sent with
// graph/writer.ts runBatched (MET as rows in derive-met's shape, or derived by derive-met itself), one
// write transaction per chunk of events. Rows are generated chunk by chunk and at most `writers` chunks
// are in flight, so memory stays flat whatever the size.
//
// One write transaction keeps one core of Neo4j busy (the Cypher runtime is single-threaded per
// query); a second writer uses the other core. Chunks share hub officials, so two transactions can
// deadlock on them: the driver retries the loser (executeWrite), and `attempts` counts those retries.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { MEETING_KINDS } from '../../domain/model.ts';
import { addCounts, emptyCounts, runBatched, type WriteCounts } from '../../graph/writer.ts';
import { cypher } from '../../graph/cypher.ts';
import { baseRows, eventChunks, type EventChunk, type SyntheticScale } from './generator.ts';

export interface LoadProgress {
  events: number;
  mets: number;
  seconds: number;
}

export interface LoadReport {
  /** False when the time budget stopped the load early (the rates still hold for what was written). */
  complete: boolean;
  seconds: number;
  baseSeconds: number;
  eventSeconds: number;
  rows: number;
  rowsPerSecond: number;
  events: number;
  participations: number;
  mets: number;
  metsPerSecond: number;
  counts: WriteCounts;
  /** Peak resident memory of this Node process during the load (sampled every 250 ms). */
  peakRssMiB: number;
  writers: number;
  /** Chunk transactions run, retries included (a retry is a deadlock between writers). */
  attempts: number;
  chunks: number;
}

export interface LoadOptions {
  /** 'rows' writes MET rows in derive-met's shape (cypher/upsert-met.cypher); 'derive' runs derive-met
   * over each chunk's events, as the seed writer does (quadratic in event size, see upsert-met). */
  met?: 'rows' | 'derive';
  /** Stop after the chunk that crosses this many seconds (the rates still hold for what was written). */
  budgetSeconds?: number;
  /** Chunk transactions in flight at once. */
  writers?: number;
  progress?: (p: LoadProgress) => void;
}

/** Samples this process's resident memory until stopped; returns the peak in MiB. */
export function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
    },
  };
}

/** Runs `work` in one managed write transaction (retried by the driver on transient errors). */
export async function write(driver: Driver, work: (tx: ManagedTransaction) => Promise<unknown>): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

const DERIVE_BATCH = 1000;

export async function loadSynthetic(driver: Driver, scale: SyntheticScale, options: LoadOptions = {}): Promise<LoadReport> {
  const { met = 'rows', budgetSeconds = Infinity, writers = 1, progress = () => {} } = options;
  const rss = rssSampler();
  const counts = emptyCounts();
  const started = performance.now();
  let rows = 0;
  const base = baseRows(scale);
  const entityGroups = [
    ['Country', base.countries],
    ['Place', base.places],
    ['Organization', base.organizations],
    ['Person', base.persons],
  ] as const;
  for (const [label, list] of entityGroups) {
    for (let offset = 0; offset < list.length; offset += 10_000) {
      const slice = list.slice(offset, offset + 10_000);
      await write(driver, async (tx) => void (await runBatched(tx, 'upsert-entities', slice, { label }, counts)));
      rows += slice.length;
    }
  }
  for (const { type, rows: links } of base.links) {
    await write(driver, async (tx) => void (await runBatched(tx, 'upsert-links', links, { type }, counts)));
    rows += links.length;
  }
  for (let offset = 0; offset < base.titles.length; offset += 10_000) {
    const slice = base.titles.slice(offset, offset + 10_000);
    await write(driver, async (tx) => void (await runBatched(tx, 'upsert-titles', slice, {}, counts)));
    rows += slice.length;
  }
  const baseSeconds = (performance.now() - started) / 1000;

  let events = 0;
  let participations = 0;
  let mets = 0;
  let attempts = 0;
  let chunks = 0;
  const meetingKinds = [...MEETING_KINDS];
  const writeChunk = async (chunk: EventChunk) => {
    // Counted per attempt into a scratch total, kept only when the transaction commits.
    let attemptCounts = emptyCounts();
    await write(driver, async (tx) => {
      attempts++;
      attemptCounts = emptyCounts();
      await runBatched(tx, 'upsert-sources', chunk.sources, {}, attemptCounts);
      await runBatched(tx, 'upsert-entities', chunk.agreements, { label: 'Agreement' }, attemptCounts);
      await runBatched(tx, 'upsert-events', chunk.events, {}, attemptCounts);
      for (const { type, rows: links } of chunk.links) await runBatched(tx, 'upsert-links', links, { type }, attemptCounts);
      await runBatched(tx, 'upsert-participation', chunk.participations, {}, attemptCounts);
      if (met === 'rows') await runBatched(tx, 'upsert-met', chunk.metRows, {}, attemptCounts);
      else {
        for (let offset = 0; offset < chunk.eventIds.length; offset += DERIVE_BATCH) {
          const result = await tx.run(cypher('derive-met'), {
            eventIds: chunk.eventIds.slice(offset, offset + DERIVE_BATCH),
            meetingKinds,
          });
          const updates = result.summary.counters.updates();
          addCounts(attemptCounts, {
            nodesCreated: 0,
            relationshipsCreated: updates.relationshipsCreated ?? 0,
            relationshipsDeleted: 0,
            propertiesSet: updates.propertiesSet ?? 0,
          });
        }
      }
    });
    addCounts(counts, attemptCounts);
    chunks++;
    events += chunk.events.length;
    participations += chunk.participations.length;
    mets += chunk.mets;
    rows +=
      (met === 'rows' ? chunk.metRows.length : 0) +
      chunk.sources.length +
      chunk.agreements.length +
      chunk.events.length +
      chunk.participations.length +
      chunk.links.reduce((s, l) => s + l.rows.length, 0);
    progress({ events, mets, seconds: (performance.now() - started) / 1000 });
  };
  const complete = await inFlight(eventChunks(scale), writers, writeChunk, () => (performance.now() - started) / 1000 > budgetSeconds);
  const seconds = (performance.now() - started) / 1000;
  return {
    complete,
    seconds: round(seconds),
    baseSeconds: round(baseSeconds),
    eventSeconds: round(seconds - baseSeconds),
    rows,
    rowsPerSecond: Math.round(rows / seconds),
    events,
    participations,
    mets,
    metsPerSecond: Math.round(mets / seconds),
    counts,
    peakRssMiB: rss.stop(),
    writers,
    attempts,
    chunks,
  };
}

/**
 * Runs `work` over the items with at most `limit` at once, pulling the next item only when a slot is
 * free (a generator is never run ahead). Returns false when `stop()` ended it early; the first failure
 * is thrown once the running ones have settled.
 */
export async function inFlight<T>(
  items: Iterable<T>,
  limit: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<boolean> {
  const running = new Set<Promise<void>>();
  let failure: unknown;
  let stopped = false;
  for (const item of items) {
    const job: Promise<void> = work(item)
      .catch((error: unknown) => void (failure ??= error))
      .finally(() => running.delete(job));
    running.add(job);
    if (running.size >= limit) await Promise.race(running);
    if (failure !== undefined) break;
    if (stop()) {
      stopped = true;
      break;
    }
  }
  await Promise.all(running);
  if (failure !== undefined) throw failure;
  return !stopped;
}

const round = (x: number) => Math.round(x * 100) / 100;
