// Candidate pairs of "maybe one person" among every person in the graph, found by blocking on name
// keys (each word's sound codes) rather than comparing all pairs: 10,000 people are 50 million pairs,
// but only those sharing a name key are scored. A key shared by very many people ("Mohammed",
// "Kim") makes no block of its own; such people still meet through their other words. Pure: no I/O.
import { nameParts, soundKeys } from './names.ts';
import { scoreCeiling, scorePair, type PairContext, type PairScore, type PersonProfile } from './score.ts';

/** A key shared by more people than this forms no block (its pairs would be mostly namesakes). */
export const MAX_BLOCK = 400;
/** Pairs scoring below this are not worth an analyst's time and are not listed. */
export const MIN_CANDIDATE_SCORE = 0.3;

export interface Candidate extends PairScore {
  a: string;
  b: string;
}

export interface Blocking {
  pairs: [number, number][];
  /** People per name word, for weighting a shared word by its rarity. */
  frequency: (word: string) => number;
  blocks: number;
  largestBlock: number;
  skippedKeys: number;
}

/** Every name word's sound codes, over the name and all aliases. */
export function blockingKeys(person: Pick<PersonProfile, 'name' | 'aliases'>): Set<string> {
  const keys = new Set<string>();
  for (const name of [person.name, ...person.aliases]) {
    for (const word of nameParts(name).words) for (const key of soundKeys(word)) keys.add(key);
  }
  return keys;
}

export function blockPeople(people: readonly PersonProfile[], maxBlock = MAX_BLOCK): Blocking {
  const blocks = new Map<string, number[]>();
  const words = new Map<string, number>();
  people.forEach((person, index) => {
    for (const key of blockingKeys(person)) {
      const block = blocks.get(key);
      if (block) block.push(index);
      else blocks.set(key, [index]);
    }
    const own = new Set<string>();
    for (const name of [person.name, ...person.aliases]) for (const word of nameParts(name).words) own.add(word);
    for (const word of own) words.set(word, (words.get(word) ?? 0) + 1);
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  let largestBlock = 0;
  let skippedKeys = 0;
  let used = 0;
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > maxBlock) {
      skippedKeys++;
      continue;
    }
    used++;
    largestBlock = Math.max(largestBlock, members.length);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = Math.min(members[i]!, members[j]!);
        const b = Math.max(members[i]!, members[j]!);
        const key = a * people.length + b;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([a, b]);
      }
    }
  }
  return { pairs, frequency: (word) => words.get(word) ?? 0, blocks: used, largestBlock, skippedKeys };
}

export interface CandidateRun {
  candidates: Candidate[];
  stats: {
    people: number;
    blocks: number;
    largestBlock: number;
    skippedKeys: number;
    pairsCompared: number;
    scoringMs: number;
    contextMs: number;
  };
}

/**
 * Scores every blocked pair on names and attributes, then asks `context` (the graph: were they ever
 * present together?) only for the pairs still above the floor, and scores those again with it.
 */
export async function findCandidates(
  people: readonly PersonProfile[],
  context: (pairs: [string, string][]) => Promise<Map<string, PairContext>>,
  minScore = MIN_CANDIDATE_SCORE,
): Promise<CandidateRun> {
  const started = performance.now();
  const blocking = blockPeople(people);
  const first: [PersonProfile, PersonProfile][] = [];
  for (const [i, j] of blocking.pairs) {
    const a = people[i]!;
    const b = people[j]!;
    if (scoreCeiling(a, b) < minScore) continue;
    if (scorePair(a, b, undefined, blocking.frequency).score >= minScore) first.push(a.id < b.id ? [a, b] : [b, a]);
  }
  const scored = performance.now();
  const contexts = await context(first.map(([a, b]) => [a.id, b.id]));
  const contextMs = Math.round(performance.now() - scored);
  const candidates: Candidate[] = [];
  for (const [a, b] of first) {
    const scored = scorePair(a, b, contexts.get(pairKey(a.id, b.id)), blocking.frequency);
    if (scored.score >= minScore) candidates.push({ a: a.id, b: b.id, ...scored });
  }
  candidates.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const { blocks, largestBlock, skippedKeys } = blocking;
  const scoringMs = Math.round(scored - started);
  return {
    candidates,
    stats: { people: people.length, blocks, largestBlock, skippedKeys, pairsCompared: blocking.pairs.length, scoringMs, contextMs },
  };
}

/** One key per unordered pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
