// Identity resolution as a review workflow: candidate pairs of "maybe one person" with the reasons
// for their score, and judgements (same / different / unsure / undo) that are appended to the log
// under DATA_DIR and applied to the graph, where clusters are materialised (seeds/resolution/graph.ts).
import { findCandidates, pairKey, type CandidateRun } from '../../domain/resolution/candidates.ts';
import { writeJudgements } from '../../graph/judgements.ts';
import { readProfiles } from '../../graph/resolution.ts';
import { inWriteTransaction, readGraphVersion, type Driver } from '../../graph/store.ts';
import { appendJudgements, readJudgementLog } from '../../seeds/resolution/judgement-log.ts';
import {
  conflictOf,
  currentJudgements,
  memberOfClusterId,
  ordered,
  pairOf,
  type Judgement,
  type JudgementEntry,
  type Verdict,
} from '../../domain/resolution/judgements.ts';
import type {
  AcceptResult,
  CandidateList,
  CandidateView,
  JudgementLog,
  JudgeResult,
  PersonSummary,
} from '../../domain/resolution/contract.ts';
import type { PairContext, PersonProfile } from '../../domain/resolution/score.ts';

export { readProfiles };

export type { CandidateList, CandidateView, PersonSummary };
import { BadInput, Conflict, NotFound } from '../../domain/errors.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read } from '../../graph/queries/read.ts';
import { knownIndexCache, type KnownIndexCache } from './known-index.ts';

import { LIKELY_SAME } from '../../domain/resolution/score.ts';

export { LIKELY_SAME };

export interface ResolutionDeps {
  driver: Driver;
  database: string | undefined;
  reader: GraphReader;
  /** The runtime judgement log (DATA_DIR/resolution/judgements.jsonl). */
  logPath: string;
  /** Judgements shipped with the product, read before the runtime log. */
  curatedPath?: string | undefined;
  /** The candidate list, kept until the graph changes. */
  candidates: KnownIndexCache<CandidateSet>;
  now?: () => Date;
}

export interface CandidateSet extends CandidateRun {
  stats: CandidateRun['stats'] & { readMs: number };
  people: Map<string, PersonProfile>;
  ms: number;
}

export function resolutionDeps(
  driver: Driver,
  database: string | undefined,
  reader: GraphReader,
  logPath: string,
  curatedPath?: string,
): ResolutionDeps {
  return {
    driver,
    database,
    reader,
    logPath,
    curatedPath,
    candidates: knownIndexCache(
      () => computeCandidates(reader),
      () => readGraphVersion(driver, database),
    ),
  };
}

async function computeCandidates(reader: GraphReader): Promise<CandidateSet> {
  const started = Date.now();
  const profiles = await readProfiles(reader);
  const readMs = Date.now() - started;
  const context = async (pairs: [string, string][]) => {
    const out = new Map<string, PairContext>();
    for (let i = 0; i < pairs.length; i += 2000) {
      const rows = await read(reader, 'resolution-together', { pairs: pairs.slice(i, i + 2000).map(([a, b]) => ({ a, b })) });
      for (const row of rows) out.set(pairKey(row.a, row.b), { together: row.events });
    }
    return out;
  };
  const run = await findCandidates(profiles, context);
  return { ...run, stats: { ...run.stats, readMs }, people: new Map(profiles.map((p) => [p.id, p])), ms: Date.now() - started };
}

function summary(p: PersonProfile): PersonSummary {
  const titles = [...p.titles].sort((x, y) => (x.from ?? 9999) - (y.from ?? 9999));
  return {
    id: p.id,
    name: p.name,
    aliases: p.aliases.slice(0, 10),
    countries: p.countries,
    titles: titles.slice(0, 8),
    years: p.years,
    origin: p.origin,
    events: p.events,
    note: p.note,
  };
}

export interface CandidateQuery {
  status: 'open' | 'judged' | 'all';
  country?: string | undefined;
  person?: string | undefined;
  q?: string | undefined;
  minScore: number;
  limit: number;
  offset: number;
}

/** The log as it stands: shipped judgements, then the runtime log. */
export function judgementHistory(deps: Pick<ResolutionDeps, 'logPath' | 'curatedPath'>): JudgementEntry[] {
  return [...(deps.curatedPath ? readJudgementLog(deps.curatedPath) : []), ...readJudgementLog(deps.logPath)];
}

export async function listCandidates(deps: ResolutionDeps, query: CandidateQuery): Promise<CandidateList> {
  const set = await deps.candidates.get();
  const state = currentJudgements(judgementHistory(deps));
  const country = query.country ? `country:${query.country.replace(/^country:/i, '').toUpperCase()}` : undefined;
  const text = query.q?.toLowerCase();
  const views: CandidateView[] = [];
  for (const c of set.candidates) {
    if (c.score < query.minScore) continue;
    const judged = state.get(pairOf(c.a, c.b)) ?? null;
    if (query.status === 'open' && judged) continue;
    if (query.status === 'judged' && !judged) continue;
    const a = set.people.get(c.a)!;
    const b = set.people.get(c.b)!;
    if (country && !a.countries.includes(country) && !b.countries.includes(country)) continue;
    if (query.person && c.a !== query.person && c.b !== query.person) continue;
    if (text && ![a.name, b.name, ...a.aliases, ...b.aliases].some((n) => n.toLowerCase().includes(text))) continue;
    const { a: _a, b: _b, ...judgement } = judged ?? ({} as Judgement);
    views.push({
      a: summary(a),
      b: summary(b),
      score: c.score,
      likely: c.score >= LIKELY_SAME,
      reasons: c.reasons,
      judgement: judged ? judgement : null,
    });
  }
  return {
    candidates: views.slice(query.offset, query.offset + query.limit),
    total: views.length,
    threshold: LIKELY_SAME,
    stats: { ...set.stats, candidates: set.candidates.length, ms: set.ms },
  };
}

export interface JudgementInput {
  a: string;
  b: string;
  verdict: Verdict | 'undo';
  note?: string | undefined;
}

export type { JudgeResult };

/** A person id as judgements store it: a cluster's id stands for the member it is named after. */
async function memberId(deps: ResolutionDeps, id: string, param: string): Promise<string> {
  const member = memberOfClusterId(id) ?? id;
  const [row] = await read(deps.reader, 'resolution-member-info', { ids: [member] });
  if (!row) throw new NotFound(`${param}: no person has the id "${id}"`);
  return member;
}

/**
 * Records judgements (one, or many from a file) by `by`: each is checked against what already holds
 * and against the ones before it, and any contradiction refuses them all before anything is written.
 * Then they are appended to the log and applied to the graph in one transaction.
 */
export async function judge(deps: ResolutionDeps, inputs: readonly JudgementInput[], by: string): Promise<JudgeResult> {
  if (inputs.length === 0) throw new BadInput('judgements: give at least one', 'judgements');
  const at = (deps.now ?? (() => new Date()))().toISOString();
  const state = currentJudgements(judgementHistory(deps));
  const entries: JudgementEntry[] = [];
  const problems: { param: string; message: string }[] = [];
  for (const [i, input] of inputs.entries()) {
    const prefix = inputs.length > 1 ? `judgements[${i}].` : '';
    const a = await memberId(deps, input.a, `${prefix}a`);
    const b = await memberId(deps, input.b, `${prefix}b`);
    if (a === b) {
      problems.push({ param: `${prefix}b`, message: `${input.a} and ${input.b} are already one person` });
      continue;
    }
    const entry = ordered({ a, b, verdict: input.verdict, by, at, ...(input.note ? { note: input.note } : {}) });
    const conflict = conflictOf(state, entry);
    if (conflict) {
      problems.push({ param: `${prefix}verdict`, message: conflict });
      continue;
    }
    entries.push(entry);
    if (entry.verdict === 'undo') state.delete(pairOf(a, b));
    else state.set(pairOf(a, b), entry as Judgement);
  }
  if (problems.length > 0) {
    throw new Conflict(`Nothing was recorded: ${problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`);
  }
  appendJudgements(deps.logPath, entries);
  const applied = await inWriteTransaction(deps.driver, deps.database, (tx) =>
    writeJudgements(
      tx,
      state,
      entries.map((e) => pairOf(e.a, e.b)),
    ),
  );
  deps.candidates.invalidate();
  return { recorded: entries, clusters: { formed: applied.formed, dissolved: applied.dissolved } };
}

export interface HistoryQuery {
  person?: string | undefined;
  limit: number;
}

/** The audit trail: every judgement recorded, newest first. */
export function listJudgements(deps: ResolutionDeps, query: HistoryQuery): JudgementLog {
  const person = query.person ? (memberOfClusterId(query.person) ?? query.person) : undefined;
  const all = judgementHistory(deps)
    .filter((j) => !person || j.a === person || j.b === person)
    .reverse();
  return { judgements: all.slice(0, query.limit), total: all.length };
}

export interface AcceptQuery {
  minScore: number;
  country?: string | undefined;
  note?: string | undefined;
}

export type { AcceptResult };

/**
 * Judges every open pair scoring at least `minScore` the same, in one go ("accept the likely ones"),
 * leaving out any that would join two people judged different — so `different` also stops a bulk merge.
 */
export async function acceptLikely(deps: ResolutionDeps, query: AcceptQuery, by: string): Promise<AcceptResult> {
  const list = await listCandidates(deps, { status: 'open', minScore: query.minScore, country: query.country, limit: 100_000, offset: 0 });
  const state = currentJudgements(judgementHistory(deps));
  const accepted: JudgementInput[] = [];
  const skipped: AcceptResult['skipped'] = [];
  for (const c of list.candidates) {
    const entry = ordered({ a: c.a.id, b: c.b.id, verdict: 'same' as const, by, at: new Date(0).toISOString() });
    const conflict = conflictOf(state, entry);
    if (conflict) {
      skipped.push({ a: c.a.id, b: c.b.id, score: c.score, why: conflict });
      continue;
    }
    state.set(pairOf(entry.a, entry.b), entry);
    accepted.push({ a: c.a.id, b: c.b.id, verdict: 'same', note: query.note ?? `accepted in bulk: score ${c.score} ≥ ${query.minScore}` });
  }
  if (accepted.length === 0) return { recorded: [], clusters: { formed: [], dissolved: [] }, skipped };
  return { ...(await judge(deps, accepted, by)), skipped };
}
