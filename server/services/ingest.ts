// Ingest over HTTP: draft facts from an article (POST /api/ingest) and load a reviewed draft through
// the seed loader (POST /api/ingest/accept). Known entities come from the graph, so a name the graph
// knows is linked to its id.
import neo4j, { type Driver } from 'neo4j-driver';
import { acceptDraft, type KeepDirs } from '../../seeds/ingest/accept.ts';
import { knownFromGraph } from '../../seeds/ingest/known.ts';
import { BadInput } from '../errors.ts';
import { cypher } from '../repository/cypher.ts';
import type { DraftInput, DraftPool, DraftResponse, KnownSnapshot } from './draft-pool.ts';
import { knownIndexCache, type KnownIndexCache } from './known-index.ts';

export type { DraftResponse } from './draft-pool.ts';

export interface IngestDeps {
  driver: Driver;
  database: string | undefined;
  /** Where accepted articles and fact files are kept (seeds/sources, seeds/facts); unset: graph only. */
  keep?: KeepDirs | undefined;
  /** The known entities drafts link against, kept between drafts (see known-index.ts). */
  known: KnownIndexCache<KnownSnapshot>;
  /** The drafting threads. */
  drafts: DraftPool;
}

/** The cache of known entities for a database: read again from the graph when its fingerprint changes. */
export function graphKnownEntities(driver: Driver, database: string | undefined): KnownIndexCache<KnownSnapshot> {
  const fingerprint = async () => {
    const { records } = await driver.executeQuery(cypher('graph-version'), {}, { database, routing: neo4j.routing.READ });
    return [...(records[0]?.values() ?? [])].map(String).join(' ');
  };
  let version = 0;
  return knownIndexCache(async () => ({ version: ++version, entities: await knownFromGraph(driver, database) }), fingerprint);
}

/** Drafts on a worker thread (see draft-pool.ts); `signal` withdraws a draft still waiting. */
export function draftArticle(deps: IngestDeps, input: DraftInput, context: { client: string; signal?: AbortSignal }): Promise<DraftResponse> {
  return deps.drafts.draft(input, context.client, () => deps.known.get(), context.signal);
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
