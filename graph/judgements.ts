// Puts judgements into the graph and makes its clusters follow, in one transaction: the judgement
// nodes of the pairs concerned are set (or removed, when undone), clusters are formed or dissolved
// (graph.ts), and MET and inferred heads are derived again for the events that moved.
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { cypher } from './cypher.ts';
import { deriveForEvents, emptyCounts, runBatched, type WriteCounts } from './writer.ts';
import { reconcileClusters, type Reconciled } from './resolution.ts';
import { currentJudgements, pairOf, type Judgement, type JudgementEntry } from '../domain/resolution/judgements.ts';

export interface Applied extends Reconciled {
  counts: WriteCounts;
  /** Pairs whose judgement in the graph changed (set or removed). */
  changed: number;
}

async function graphJudgements(tx: ManagedTransaction): Promise<Map<string, Judgement>> {
  const rows = (await tx.run(cypher('resolution-judgements'))).records;
  return new Map(
    rows.map((r) => {
      const j = {
        a: r.get('a'),
        b: r.get('b'),
        verdict: r.get('verdict'),
        by: r.get('by'),
        at: r.get('at'),
        ...(r.get('note') ? { note: r.get('note') } : {}),
      } as Judgement;
      return [pairOf(j.a, j.b), j];
    }),
  );
}

const sameJudgement = (x: Judgement, y: Judgement) =>
  x.verdict === y.verdict && x.by === y.by && x.at === y.at && (x.note ?? null) === (y.note ?? null);

/**
 * Makes the graph's judgements equal `state` — for every pair (a full sync from the logs) or only
 * for `pairs` — then its clusters, in one transaction.
 */
export async function writeJudgements(
  tx: ManagedTransaction,
  state: ReadonlyMap<string, Judgement>,
  pairs?: Iterable<string>,
): Promise<Applied> {
  const counts = emptyCounts();
  const inGraph = await graphJudgements(tx);
  const scope = pairs ? new Set(pairs) : new Set([...state.keys(), ...inGraph.keys()]);
  const set: Judgement[] = [];
  const removed: string[] = [];
  for (const key of scope) {
    const want = state.get(key);
    const have = inGraph.get(key);
    if (want && (!have || !sameJudgement(want, have))) set.push(want);
    else if (!want && have) removed.push(key);
  }
  await runBatched(
    tx,
    'resolution-judgements-set',
    set.map((j) => ({ ...j, note: j.note ?? null })),
    {},
    counts,
  );
  if (removed.length)
    await runBatched(
      tx,
      'resolution-judgements-delete',
      removed.map((pair) => pair),
      {},
      counts,
    );
  const reconciled = await reconcileClusters(tx, counts);
  await deriveForEvents(tx, reconciled.events, counts);
  return { ...reconciled, counts, changed: set.length + removed.length };
}

/** Brings the graph in line with the judgement logs (curated first, then the runtime log). */
export async function syncJudgements(driver: Driver, database: string | undefined, log: readonly JudgementEntry[]): Promise<Applied> {
  const state = currentJudgements(log);
  const session = driver.session({ database });
  try {
    return await session.executeWrite((tx) => writeJudgements(tx, state));
  } finally {
    await session.close();
  }
}
