// Memory of every Neo4j the benchmarks start: the 1M-MET store (about 0.9 GiB with its indexes) fits
// in the page cache, so paths are measured on a warm cache as the benchmark intends, and writes do not
// evict. The default (neo4j/local.ts DEFAULT_MEMORY: 512 MiB) would hold about half of it.
import type { Neo4jMemory } from '../../neo4j/local.ts';

export const BENCH_MEMORY: Neo4jMemory = { heapMiB: 2048, pageCacheMiB: 2048 };

export const describeMemory = (m: Neo4jMemory) => `heap ${m.heapMiB} MiB, page cache ${m.pageCacheMiB} MiB (neo4j/local.ts)`;
