// Identity resolution at benchmark scale: how long candidate generation takes over all synthetic
// officials (blocking on name keys, then scoring), and clusters formed by judging random disjoint
// pairs of officials the same, so paths and meetings can be measured again over a graph with
// clusters (API vs raw, as before). Clusters go through the same writeJudgements as the API.
import type { Driver } from 'neo4j-driver';
import { writeJudgements } from '../../graph/judgements.ts';
import { clusterIdOf, currentJudgements, type JudgementEntry } from '../../domain/resolution/judgements.ts';
import { createReader } from '../../graph/reader.ts';
import { resolutionDeps } from '../../server/services/resolution.ts';
import { personId } from '../synthetic/generator.ts';
import { mulberry32 } from '../synthetic/random.ts';
import { round } from '../lib/stats.ts';

export interface CandidateTiming {
  people: number;
  pairsCompared: number;
  candidates: number;
  blocks: number;
  largestBlock: number;
  readMs: number;
  scoringMs: number;
  contextMs: number;
  seconds: number;
  peakRssMiB: number;
}

export async function timeCandidates(driver: Driver): Promise<CandidateTiming> {
  const reader = createReader(driver, undefined, 600_000);
  const deps = resolutionDeps(driver, undefined, reader, '/dev/null');
  const started = performance.now();
  const set = await deps.candidates.get();
  return {
    ...set.stats,
    candidates: set.candidates.length,
    seconds: round((performance.now() - started) / 1000, 2),
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
  };
}

export interface Clustering {
  clusters: number;
  seconds: number;
  /** Merged-away id → the cluster that now stands for it (requests are sent to the cluster). */
  canonical: Map<string, string>;
}

/** Judges `n` random disjoint pairs of the `persons` officials the same, in one transaction. */
export async function formClusters(driver: Driver, persons: number, n: number, seed: number): Promise<Clustering> {
  const rand = mulberry32(seed + 17);
  const used = new Set<number>();
  const pick = () => {
    let i = Math.floor(rand() * persons);
    while (used.has(i)) i = Math.floor(rand() * persons);
    used.add(i);
    return i;
  };
  const at = new Date().toISOString();
  const entries: JudgementEntry[] = Array.from({ length: Math.min(n, Math.floor(persons / 2)) }, () => {
    const [a, b] = [personId(pick()), personId(pick())].sort() as [string, string];
    return { a, b, verdict: 'same', by: 'bench', at };
  });
  const started = performance.now();
  const session = driver.session();
  try {
    await session.executeWrite((tx) => writeJudgements(tx, currentJudgements(entries)));
  } finally {
    await session.close();
  }
  // Synthetic names are two words and have no sources, so the canonical member is the smaller id.
  const canonical = new Map(
    entries.flatMap(
      (e) =>
        [
          [e.a, clusterIdOf(e.a)],
          [e.b, clusterIdOf(e.a)],
        ] as [string, string][],
    ),
  );
  return { clusters: entries.length, seconds: round((performance.now() - started) / 1000, 2), canonical };
}
