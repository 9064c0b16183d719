// Ingest over HTTP: draft facts from an article (POST /api/ingest) on a drafting thread, and load a
// reviewed draft (POST /api/ingest/accept) without rewriting what the graph already has. Known entities
// come from the graph, so a name the graph knows is linked to its id.
import { acceptFacts, type AcceptedStore, type Choice, type PropertyChange } from '../../seeds/ingest/accept.ts';
import { appendDecisions, type Decision } from '../../seeds/ingest/decisions.ts';
import { knownFromGraph } from '../../seeds/ingest/known.ts';
import type { FactFile } from '../../domain/fact-schema.ts';
import { BadInput, NeedsDecision } from '../../domain/errors.ts';
import { MAX_ARTICLE_CHARS } from '../../domain/ingest-limits.ts';
import { readGraphVersion, readSimilarMeetings, type Driver } from '../../graph/store.ts';
import type { AccessAudit } from '../audit.ts';
import type { DraftInput, DraftPool, KnownSnapshot } from './draft-pool.ts';
import { knownIndexCache, type KnownIndexCache } from './known-index.ts';
import type { AcceptAnswer, DecisionsAnswer, DraftAnswer } from '../../domain/contracts/ingest.ts';

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
  /** Where the review's decisions are appended (DATA_DIR/ingest/decisions.jsonl); unset: not kept. */
  decisionsFile?: string | undefined;
}

/** The cache of known entities for a database: read again from the graph when its fingerprint changes. */
export function graphKnownEntities(driver: Driver, database: string | undefined): KnownIndexCache<KnownSnapshot> {
  let version = 0;
  return knownIndexCache(
    async () => ({ version: ++version, ...(await knownFromGraph(driver, database)) }),
    () => readGraphVersion(driver, database),
  );
}

export type DraftResponse = DraftAnswer;

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

/** Drafts on a worker thread (see draft-pool.ts); `signal` withdraws a draft still waiting. */
export async function draftArticle(
  deps: IngestDeps,
  input: DraftInput,
  context: { client: string; signal?: AbortSignal },
): Promise<DraftResponse> {
  const drafted = await deps.drafts.draft(input, context.client, () => deps.known.get(), context.signal);
  return { ...drafted, similarMeetings: await similarMeetings(deps, drafted.facts) };
}

/** The review's verdict on each drafted fact, appended for the rules' precision (eval:extract --rules). */
export function recordDecisions(deps: IngestDeps, input: { source: string; decisions: Decision[] }): DecisionsAnswer {
  if (!deps.decisionsFile) return { recorded: 0 };
  return { recorded: appendDecisions(deps.decisionsFile, input.source, input.decisions) };
}

export type AcceptResponse = AcceptAnswer;

export interface AcceptRequest {
  facts: Record<string, unknown>;
  text: string;
  /** A choice for each change a 409 listed. */
  changes?: Choice[] | undefined;
}

/** One accept at a time: each reads what it is about to change, and names follow one another. */
const queue = new WeakMap<IngestDeps, Promise<unknown>>();

function oneAtATime<T>(deps: IngestDeps, run: () => Promise<T>): Promise<T> {
  const previous = queue.get(deps) ?? Promise.resolve();
  const next = previous.then(run, run);
  queue.set(
    deps,
    next.catch(() => undefined),
  );
  return next;
}

export async function acceptArticle(
  deps: IngestDeps,
  input: AcceptRequest,
  context: { client: string } = { client: 'unknown' },
): Promise<AcceptResponse> {
  // A reviewer who pasted the article without its header: put the header the facts say back.
  const source = input.facts.source as { published?: unknown } | undefined;
  const raw =
    typeof source?.published === 'string' && !/^\s*date \d{4}-\d{2}-\d{2}/.test(input.text)
      ? ` date ${source.published} ${input.text}`
      : input.text;
  const result = await oneAtATime(deps, () =>
    acceptFacts(
      deps.driver,
      deps.database,
      { facts: input.facts, raw, choices: input.changes },
      { store: deps.store, undecided: 'ask', maxTextChars: MAX_ARTICLE_CHARS },
    ),
  );
  if (!result.ok && 'undecided' in result) {
    throw new NeedsDecision(
      `The draft would change ${result.undecided.length} propert${result.undecided.length === 1 ? 'y' : 'ies'} of what the graph already has; ` +
        'choose for each whether to keep the current value or replace it (changes: [{id, property, choice: "keep" | "replace"}]). Nothing was written.',
      result.undecided,
    );
  }
  if (!result.ok) {
    const problems = result.problems.map((p) => ({
      param: p.path === 'text' ? 'text' : p.path ? `facts.${p.path}` : 'facts',
      message: p.message,
    }));
    throw new BadInput(
      `The draft was refused, nothing was written: ${problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`,
      problems[0]?.param ?? 'facts',
      problems,
    );
  }
  // A new article changes the fingerprint anyway; a corrected one under the same name may not.
  deps.known.invalidate();
  const { nodesCreated, relationshipsCreated, propertiesSet } = result.counts;
  const counts = { nodesCreated, relationshipsCreated, propertiesSet };
  const brief = (c: PropertyChange) => ({ id: c.id, property: c.property });
  deps.audit?.({
    time: new Date().toISOString(),
    event: 'ingest-accepted',
    source: result.source,
    client: context.client,
    counts,
    replaced: result.replaced.map(brief),
    kept: result.keptAsIs.map(brief),
  });
  return { loaded: true, source: result.source, counts, kept: result.kept, replaced: result.replaced, keptAsIs: result.keptAsIs };
}
