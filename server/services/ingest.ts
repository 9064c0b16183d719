// Ingest over HTTP: draft facts from an article (POST /api/ingest) and load a reviewed draft through
// the seed loader (POST /api/ingest/accept). Known entities come from the graph, so a name the graph
// knows is linked to its id.
import neo4j, { type Driver } from 'neo4j-driver';
import { acceptFacts, type AcceptedStore, type Decision, type PropertyChange } from '../../seeds/ingest/accept.ts';
import { knownFromGraph } from '../../seeds/ingest/known.ts';
import type { AccessAudit } from '../audit.ts';
import { BadInput, NeedsDecision } from '../errors.ts';
import { MAX_ARTICLE_CHARS } from '../limits.ts';
import { cypher } from '../repository/cypher.ts';
import type { DraftInput, DraftPool, DraftResponse, KnownSnapshot } from './draft-pool.ts';
import { knownIndexCache, type KnownIndexCache } from './known-index.ts';

export type { DraftResponse } from './draft-pool.ts';

export interface IngestDeps {
  driver: Driver;
  database: string | undefined;
  /** Where accepted articles and their fact files are kept (DATA_DIR/accepted); unset: the graph only. */
  store?: AcceptedStore | undefined;
  /** Records each accepted article (server/audit.ts). */
  audit?: AccessAudit | undefined;
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
  /** The article's file name, chosen by the server ("NNN_<slug>.txt"). */
  source: string;
  counts: { nodesCreated: number; relationshipsCreated: number; propertiesSet: number };
  /** Where the article and its facts are kept, relative to DATA_DIR; null when the server keeps no files. */
  kept: { factFile: string; source: string } | null;
  /** Properties of existing entities this accept replaced, and those it left as they were, as decided. */
  replaced: PropertyChange[];
  keptAsIs: PropertyChange[];
}

export interface AcceptRequest {
  facts: Record<string, unknown>;
  text: string;
  decisions?: Decision[] | undefined;
}

/** One accept at a time: each reads what it is about to change, and names follow one another. */
const queue = new WeakMap<IngestDeps, Promise<unknown>>();

function oneAtATime<T>(deps: IngestDeps, run: () => Promise<T>): Promise<T> {
  const previous = queue.get(deps) ?? Promise.resolve();
  const next = previous.then(run, run);
  queue.set(deps, next.catch(() => undefined));
  return next;
}

export async function acceptArticle(deps: IngestDeps, input: AcceptRequest, context: { client: string } = { client: 'unknown' }): Promise<AcceptResponse> {
  // A reviewer who pasted the article without its header: put the header the facts say back.
  const source = input.facts.source as { published?: unknown } | undefined;
  const raw = typeof source?.published === 'string' && !/^\s*date \d{4}-\d{2}-\d{2}/.test(input.text) ? ` date ${source.published} ${input.text}` : input.text;
  const result = await oneAtATime(deps, () =>
    acceptFacts(deps.driver, deps.database, { facts: input.facts, raw, decisions: input.decisions }, { store: deps.store, undecided: 'ask', maxTextChars: MAX_ARTICLE_CHARS }),
  );
  if (!result.ok && 'undecided' in result) {
    throw new NeedsDecision(
      `The draft would change ${result.undecided.length} propert${result.undecided.length === 1 ? 'y' : 'ies'} of what the graph already has; ` +
        'decide for each whether to keep the current value or replace it (decisions: [{id, property, choice: "keep" | "replace"}]). Nothing was written.',
      result.undecided,
    );
  }
  if (!result.ok) {
    const problems = result.problems.map((p) => ({ param: p.path === 'text' ? 'text' : p.path ? `facts.${p.path}` : 'facts', message: p.message }));
    throw new BadInput(`The draft was refused, nothing was written: ${problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`, problems[0]?.param ?? 'facts', problems);
  }
  // A new article changes the fingerprint anyway; a corrected one under the same name may not.
  deps.known.invalidate();
  const { nodesCreated, relationshipsCreated, propertiesSet } = result.counts;
  const counts = { nodesCreated, relationshipsCreated, propertiesSet };
  const brief = (c: PropertyChange) => ({ id: c.id, property: c.property });
  deps.audit?.({ time: new Date().toISOString(), event: 'ingest-accepted', source: result.source, client: context.client, counts, replaced: result.replaced.map(brief), kept: result.keptAsIs.map(brief) });
  return { loaded: true, source: result.source, counts, kept: result.kept, replaced: result.replaced, keptAsIs: result.keptAsIs };
}
