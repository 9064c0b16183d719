// Seeded randomness for the synthetic graph: the same seed gives the same numbers on every machine
// (mulberry32: 32-bit state, good enough spread for test data, no dependencies).

export type Rand = () => number;

export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [lo, hi]. */
export function between(rand: Rand, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

export function pickOne<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/**
 * Draws items 0..n-1 with Zipf weights 1/rank^s; ranks are given to items by a seeded shuffle so an
 * item's number says nothing about how often it is drawn. A few items are drawn very often (the
 * ministers everyone meets), most rarely: the heavy tail real meeting networks show.
 */
export function zipfSampler(rand: Rand, n: number, s: number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += 1 / Math.pow(r + 1, s);
    cumulative[r] = sum;
  }
  const itemOfRank = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [itemOfRank[i], itemOfRank[j]] = [itemOfRank[j]!, itemOfRank[i]!];
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return itemOfRank[lo]!;
  };
}
