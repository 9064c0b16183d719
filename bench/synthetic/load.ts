// Loads the synthetic network through the seed writer: the same cypher/upsert-*.cypher files sent with
// seeds/writer.ts runBatched (MET as rows in derive-met's shape, or derived by derive-met itself), one
// write transaction per chunk of events. Rows are generated chunk by chunk, so memory stays flat whatever the size.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { MEETING_KINDS } from '../../seeds/model.ts';
import { addCounts, emptyCounts, runBatched, type WriteCounts } from '../../seeds/writer.ts';
import { cypher } from '../../server/repository/cypher.ts';
import { baseRows, eventChunks, type SyntheticScale } from './generator.ts';

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

async function write(driver: Driver, work: (tx: ManagedTransaction) => Promise<void>): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

const DERIVE_BATCH = 1000;

/**
 * `met`: 'rows' writes MET rows in derive-met's shape (cypher/upsert-met.cypher); 'derive' runs
 * derive-met over each chunk's events, as the seed writer does (quadratic in event size, see upsert-met).
 */
export async function loadSynthetic(
  driver: Driver,
  scale: SyntheticScale,
  progress: (p: LoadProgress) => void = () => {},
  met: 'rows' | 'derive' = 'rows',
  budgetSeconds = Infinity,
): Promise<LoadReport> {
  const rss = rssSampler();
  const counts = emptyCounts();
  const started = performance.now();
  let rows = 0;
  const base = baseRows(scale);
  const entityGroups = [['Country', base.countries], ['Place', base.places], ['Organization', base.organizations], ['Person', base.persons]] as const;
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
  let complete = true;
  const meetingKinds = [...MEETING_KINDS];
  for (const chunk of eventChunks(scale)) {
    await write(driver, async (tx) => {
      await runBatched(tx, 'upsert-sources', chunk.sources, {}, counts);
      await runBatched(tx, 'upsert-entities', chunk.agreements, { label: 'Agreement' }, counts);
      await runBatched(tx, 'upsert-events', chunk.events, {}, counts);
      for (const { type, rows: links } of chunk.links) await runBatched(tx, 'upsert-links', links, { type }, counts);
      await runBatched(tx, 'upsert-participation', chunk.participations, {}, counts);
      if (met === 'rows') await runBatched(tx, 'upsert-met', chunk.metRows, {}, counts);
      else {
        for (let offset = 0; offset < chunk.eventIds.length; offset += DERIVE_BATCH) {
          const result = await tx.run(cypher('derive-met'), { eventIds: chunk.eventIds.slice(offset, offset + DERIVE_BATCH), meetingKinds });
          const updates = result.summary.counters.updates();
          addCounts(counts, { nodesCreated: 0, relationshipsCreated: updates.relationshipsCreated ?? 0, relationshipsDeleted: 0, propertiesSet: updates.propertiesSet ?? 0 });
        }
      }
    });
    events += chunk.events.length;
    participations += chunk.participations.length;
    mets += chunk.mets;
    rows += (met === 'rows' ? chunk.metRows.length : 0) + chunk.sources.length + chunk.agreements.length + chunk.events.length + chunk.participations.length + chunk.links.reduce((s, l) => s + l.rows.length, 0);
    progress({ events, mets, seconds: (performance.now() - started) / 1000 });
    if ((performance.now() - started) / 1000 > budgetSeconds) {
      complete = false;
      break;
    }
  }
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
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
