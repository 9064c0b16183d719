// The drafter links names against every entity the graph knows. Reading them costs seconds on a large
// graph (212,657 entities and 50,000 people's countries: about 5 s on the 1M-MET benchmark graph), so
// the index is kept between drafts and rebuilt only when it may be stale: when the graph's
// fingerprint changes (cypher/graph-version.cypher: counts Neo4j answers without a scan), after this
// server accepts a draft, or when it is older than `maxAgeMs` (an edit that changes names but no count,
// such as a fact file corrected and reloaded by another process).
import type { EntityIndex } from '../../seeds/ingest/link.ts';

export interface KnownIndexCache<T = EntityIndex> {
  get(): Promise<T>;
  /** Forget the index (this server just wrote to the graph). */
  invalidate(): void;
}

export function knownIndexCache<T = EntityIndex>(
  build: () => Promise<T>,
  fingerprint: () => Promise<string>,
  maxAgeMs = 5 * 60_000,
  now: () => number = Date.now,
): KnownIndexCache<T> {
  let cached: { index: Promise<T>; fingerprint: string; builtAt: number } | undefined;
  return {
    async get() {
      const current = await fingerprint();
      if (cached && cached.fingerprint === current && now() - cached.builtAt < maxAgeMs) return cached.index;
      const entry = { index: build(), fingerprint: current, builtAt: now() };
      cached = entry;
      // A failed read is not kept: the next draft tries again.
      entry.index.catch(() => {
        if (cached === entry) cached = undefined;
      });
      return entry.index;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
