// Ingest over HTTP: draft facts from an article (POST /api/ingest) and load a reviewed draft through
// the seed loader (POST /api/ingest/accept). Known entities come from the graph, so a name the graph
// knows is linked to its id.
import { acceptDraft, type KeepDirs } from '../../seeds/ingest/accept.ts';
import { appendDecisions, type Decision } from '../../seeds/ingest/decisions.ts';
import { draftFacts, type Confidence, type EntityBadge } from '../../seeds/ingest/draft.ts';
import type { HolderSuggestion } from '../../seeds/ingest/holders.ts';
import { indexFromGraph } from '../../seeds/ingest/known.ts';
import type { FactFile } from '../../domain/fact-schema.ts';
import type { Span } from '../../domain/source-text.ts';
import { BadInput } from '../../domain/errors.ts';
import { readGraphVersion, readSimilarMeetings, type Driver } from '../../graph/store.ts';
import { knownIndexCache, type KnownIndexCache } from './known-index.ts';

export interface IngestDeps {
  driver: Driver;
  database: string | undefined;
  /** Where accepted articles and fact files are kept (seeds/sources, seeds/facts); unset: graph only. */
  keep?: KeepDirs | undefined;
  /** The known entities drafts link against, kept between drafts (see known-index.ts). */
  known: KnownIndexCache;
  /** Where the review's decisions are appended (DATA_DIR/ingest/decisions.jsonl); unset: not kept. */
  decisionsFile?: string | undefined;
}

/** The cache of known entities for a database: rebuilt from the graph when its fingerprint changes. */
export function graphKnownIndex(driver: Driver, database: string | undefined): KnownIndexCache {
  return knownIndexCache(() => indexFromGraph(driver, database), () => readGraphVersion(driver, database));
}

export interface DraftResponse {
  article: { raw: string; text: string; published: string | null; junk: string[]; dateline: string | null };
  facts: FactFile;
  confidence: Record<string, Confidence>;
  spans: Record<string, Span[]>;
  /** What the drafter left out, in plain words. */
  problems: string[];
  /** NEW or LINKED (with the target) for every drafted entity, and known look-alikes. */
  entities: Record<string, EntityBadge>;
  /** Offices named without a person, with who held them at that date. */
  holders: HolderSuggestion[];
  /** Drafted meetings that look like meetings already in the graph, by fact path. */
  similarMeetings: Record<string, { id: string; title: string; date: string | null }[]>;
}

/** Held meetings between two known people that the graph already has on that day (or undated). */
async function similarMeetings(deps: IngestDeps, facts: FactFile): Promise<DraftResponse['similarMeetings']> {
  const meetings = facts.events.flatMap((e, i) => {
    if (e.status !== 'held') return [];
    const people = [...new Set(e.participants.filter((p) => p.role !== 'mentioned' && p.who.startsWith('person:')).map((p) => p.who))];
    const date = e.date && typeof e.date.value === 'string' ? e.date.value : null;
    return people.flatMap((a, j) => people.slice(j + 1).map((b) => ({ path: `events[${i}]`, a, b, date })));
  });
  const out: DraftResponse['similarMeetings'] = {};
  for (const m of await readSimilarMeetings(deps.driver, deps.database, meetings)) {
    const list = (out[m.path] ??= []);
    if (!list.some((x) => x.id === m.id)) list.push({ id: m.id, title: m.title, date: m.date });
  }
  return out;
}

export async function draftArticle(deps: IngestDeps, input: { text: string; published?: string | undefined; fileName?: string | undefined }): Promise<DraftResponse> {
  const known = await deps.known.get();
  const draft = draftFacts(input.text, { published: input.published, fileName: input.fileName ? `${input.fileName}.txt` : undefined, known });
  const { raw, text, published, junk, dateline } = draft.article;
  return {
    article: { raw, text, published, junk, dateline: dateline ?? null },
    facts: draft.facts,
    confidence: draft.confidence,
    spans: draft.spans,
    problems: draft.problems,
    entities: draft.entities,
    holders: draft.holders,
    similarMeetings: await similarMeetings(deps, draft.facts),
  };
}

/** The review's verdict on each drafted fact, appended for the rules' precision (eval:extract --rules). */
export function recordDecisions(deps: IngestDeps, input: { source: string; decisions: Decision[] }): { recorded: number } {
  if (!deps.decisionsFile) return { recorded: 0 };
  return { recorded: appendDecisions(deps.decisionsFile, input.source, input.decisions) };
}

export interface AcceptResponse {
  loaded: true;
  source: string;
  counts: { nodesCreated: number; relationshipsCreated: number; propertiesSet: number };
  kept: { factFile: string; source: string } | null;
}

export async function acceptArticle(deps: IngestDeps, input: { facts: Record<string, unknown>; text: string }): Promise<AcceptResponse> {
  // A reviewer who pasted the article without its header: put the header the facts say back.
  const source = input.facts.source as { published?: unknown } | undefined;
  const raw = typeof source?.published === 'string' && !/^\s*date \d{4}-\d{2}-\d{2}/.test(input.text) ? ` date ${source.published} ${input.text}` : input.text;
  const result = await acceptDraft(deps.driver, deps.database, { facts: input.facts, raw }, deps.keep);
  if (!result.ok) {
    const problems = result.problems.map((p) => ({ param: p.path ? `facts.${p.path}` : 'facts', message: p.message }));
    throw new BadInput(`The draft was refused, nothing was written: ${problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`, problems[0]?.param ?? 'facts', problems);
  }
  // A new article changes the fingerprint anyway; a corrected one under the same name may not.
  deps.known.invalidate();
  const { nodesCreated, relationshipsCreated, propertiesSet } = result.outcome.counts;
  const file = (input.facts.source as { file: string }).file;
  return { loaded: true, source: file, counts: { nodesCreated, relationshipsCreated, propertiesSet }, kept: result.kept ?? null };
}
