// How A reaches B: the k shortest distinct paths (through meetings only, or any relationship), inside
// a date window, avoiding excluded hubs, each hop with its date and the quotes that prove it.
import { ENTITY_LABELS, ID_PATTERN } from '../../domain/model.ts';
import { BadInput } from '../../domain/errors.ts';
import { isRecordSource, type RecordText } from '../../domain/record-text.ts';
import type { PathsQuery } from '../contracts/requests.ts';
import type { GraphReader, Row } from '../../graph/reader.ts';
import { checkRows, read, type RowOf } from '../../graph/queries/read.ts';
import { textProp } from '../../graph/queries/columns.ts';
import { periodBound } from '../../domain/period.ts';
import { loadQuoteBook, withoutContained, type Quote, type QuoteBook, type SourceSummary } from './evidence.ts';
import { identitySummaries } from './identity-summary.ts';
import { resolveEntity } from './search.ts';
import type { FoundPath, Hop, HopLink, PathsAnswer } from '../../domain/contracts/entities.ts';

export type { FoundPath, Hop, HopLink, PathsAnswer };

export interface PathQueries {
  /** One shortest path: Neo4j's bidirectional shortestPath (fast around hubs). */
  shortest: 'paths-meetings-shortest' | 'paths-any-shortest';
  /** Yen's spur searches, a round per further path (each a shortestPath too). */
  spurs: 'paths-meetings-spurs' | 'paths-any-spurs';
  slots: Record<string, number>;
}

/** Which queries answer a path request through meetings or through any relationship. */
export function pathQueriesFor(via: 'meetings' | 'any', maxHops: number): PathQueries {
  const base = via === 'meetings' ? 'paths-meetings' : 'paths-any';
  return { shortest: `${base}-shortest`, spurs: `${base}-spurs`, slots: { maxHops } };
}

export interface Spur {
  index: number;
  from: string;
  avoid: string[];
  banned: string[];
}

/**
 * The spur searches for Yen's next round after `found` (shortest first, the last one new): from each
 * node of the last path, avoiding the root before it and not stepping to a node that a found path
 * with the same root already steps to. Pure, so the algorithm is unit-tested without a database.
 */
export function spursAfter(found: readonly (readonly string[])[]): Spur[] {
  const last = found.at(-1)!;
  return last.slice(0, -1).map((from, index) => {
    const root = last.slice(0, index + 1);
    const banned = found.filter((p) => p.length > index + 1 && root.every((id, j) => p[j] === id)).map((p) => p[index + 1]!);
    return { index, from, avoid: root.slice(0, -1), banned: [...new Set(banned)] };
  });
}

/**
 * Up to k distinct simple paths, shortest first (Yen's algorithm over node sequences: parallel
 * relationships between the same two nodes are one step). One round trip for the shortest path, then
 * one per further path, each batching that round's spur searches.
 */
export async function kShortestPaths(
  run: (name: string, params: Record<string, unknown>) => Promise<Row[]>,
  queries: PathQueries,
  params: Record<string, unknown>,
  k: number,
  maxHops: number,
): Promise<string[][]> {
  const [first] = checkRows(queries.shortest, await run(queries.shortest, params));
  if (!first) return [];
  const found: string[][] = [first.ids];
  const seen = new Set([found[0]!.join('\u0000')]);
  const candidates: string[][] = [];
  while (found.length < k) {
    const last = found.at(-1)!;
    for (const row of checkRows(queries.spurs, await run(queries.spurs, { ...params, spurs: spursAfter(found) }))) {
      const ids = [...last.slice(0, row.index), ...row.ids];
      const key = ids.join('\u0000');
      if (ids.length - 1 > maxHops || seen.has(key) || new Set(ids).size !== ids.length) continue;
      seen.add(key);
      candidates.push(ids);
    }
    if (candidates.length === 0) break;
    let best = 0;
    candidates.forEach((c, i) => void (c.length < candidates[best]!.length && (best = i)));
    found.push(candidates.splice(best, 1)[0]!);
  }
  return found;
}

type HopRow = RowOf<'path-details'>;

export async function findPaths(reader: GraphReader, query: PathsQuery): Promise<PathsAnswer> {
  const type = query.via === 'meetings' ? 'person' : undefined;
  // Ids need no look-up before the search: a path found proves both exist with the right type; only
  // when none is found are they resolved, to tell "no path" from "no such person".
  const resolve = (ref: string, param: string) => (ID_PATTERN.test(ref) ? { id: ref } : resolveEntity(reader, ref, param, type));
  const [from, to] = await Promise.all([resolve(query.from, 'from'), resolve(query.to, 'to')]);
  if (from.id === to.id) throw new BadInput('to: must be a different entity from from', 'to');
  const excludeLabels: string[] = [];
  const excludeIds: string[] = [];
  for (const item of query.exclude ?? []) {
    const label = ENTITY_LABELS.find((l) => l.toLowerCase() === item.toLowerCase());
    if (label) excludeLabels.push(label);
    else excludeIds.push((await resolveEntity(reader, item, 'exclude')).id);
  }
  const window = { start: periodBound(query.start, 'start'), end: periodBound(query.end, 'end') };
  const queries = pathQueriesFor(query.via, query.maxHops);
  let params = { from: from.id, to: to.id, ...window, excludeIds, excludeLabels };
  const search = () => kShortestPaths((name, p) => reader.rows(name, p, queries.slots), queries, params, query.limit, query.maxHops);
  let idLists = await search();
  if (idLists.length === 0) {
    const [f, t] = await Promise.all([resolveEntity(reader, from.id, 'from', type), resolveEntity(reader, to.id, 'to', type)]);
    // An id merged into a cluster: search again from the cluster that stands for it.
    if (f.id !== from.id || t.id !== to.id) {
      if (f.id === t.id) throw new BadInput('to: is the same person as from (both are in one cluster)', 'to');
      params = { ...params, from: f.id, to: t.id };
      idLists = await search();
    }
  }
  const hopRows = idLists.length
    ? await read(reader, 'path-details', { paths: idLists, via: query.via, ...window, linksPerHop: query.linksPerHop })
    : [];

  const sources = new Map<string, SourceSummary>();
  const nodes = new Map<string, HopRow['fromNode']>();
  const linksByHop = new Map<string, HopRow[]>();
  for (const row of hopRows) {
    nodes.set(row.fromNode.id, row.fromNode);
    nodes.set(row.toNode.id, row.toNode);
    const key = `${row.path}:${row.hop}`;
    linksByHop.set(key, [...(linksByHop.get(key) ?? []), row]);
  }
  // Imported records are short: their texts tell column lines from prose and give place and dates.
  const recordIds = new Set(
    hopRows.flatMap((row) => [...row.quotes.map((q) => q.sourceId), ...(row.event?.sources ?? [])]).filter(isRecordSource),
  );
  const records = recordIds.size ? await loadQuoteBook(reader, [], [...recordIds]) : null;
  const quotesOf = (row: HopRow): Quote[] => readableQuotes(row, records, sources);
  for (const id of recordIds) {
    const summary = records?.source(id);
    if (summary) sources.set(id, summary);
  }

  const summaries = await identitySummaries(reader, [...new Set(idLists.flat())]);
  const paths = idLists.map((ids, p): FoundPath => ({
    length: ids.length - 1,
    nodes: ids.map((id) => {
      const node = nodes.get(id) ?? { id, type: 'unknown', name: id, kind: null };
      const summary = summaries.get(id);
      return { id, type: node.type.toLowerCase(), name: node.name ?? id, kind: node.kind, ...(summary ? { summary } : {}) };
    }),
    hops: ids.slice(1).map((id, i) => toHop(ids[i]!, id, linksByHop.get(`${p}:${i}`) ?? [], quotesOf, records)),
  }));
  return {
    query: {
      from: params.from,
      to: params.to,
      via: query.via,
      maxHops: query.maxHops,
      start: query.start ?? null,
      end: query.end ?? null,
      exclude: query.exclude ?? [],
      limit: query.limit,
      linksPerHop: query.linksPerHop,
    },
    paths,
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

const TYPE_ORDER = ['MET', 'PARTICIPATED_IN', 'HOLDS'];

/** A link's quotes: its own that its event's do not contain, then its event's; record column lines left out. */
function readableQuotes(row: HopRow, records: QuoteBook | null, sources: Map<string, SourceSummary>): Quote[] {
  const keep = row.quotes.filter((q) => {
    sources.set(q.sourceId, { id: q.sourceId, title: q.title, publisher: q.publisher, published: q.published });
    return !isRecordSource(q.sourceId) || (records?.readable([q.key]).length ?? 1) > 0;
  });
  const quote = (q: (typeof keep)[number]): Quote => ({ sourceId: q.sourceId, quote: q.quote, span: { start: q.start, end: q.end } });
  const theirs = withoutContained(keep.filter((q) => q.of === 'event').map(quote));
  const own = keep
    .filter((q) => q.of === 'link')
    .map(quote)
    .filter((q) => !theirs.some((t) => t.sourceId === q.sourceId && t.span.start <= q.span.start && q.span.end <= t.span.end));
  // The link's own sentences name its two ends; the event's say what happened.
  return [...withoutContained(own), ...theirs];
}

function toHop(from: string, to: string, rows: HopRow[], quotes: (row: HopRow) => Quote[], records: QuoteBook | null): Hop {
  const links = rows.map((row): HopLink => {
    const { props, event } = row;
    const date = textProp(props.date) ?? event?.start ?? null;
    return {
      type: row.type,
      from: row.from,
      to: row.to,
      date,
      datePrecision: textProp(props.datePrecision) ?? event?.datePrecision ?? null,
      event: textProp(props.event) ?? event?.id ?? null,
      inferred: props.inferred === true,
      rule: textProp(props.rule),
      properties: Object.fromEntries(Object.entries(props).filter(([k]) => !['evidence', 'sources'].includes(k))),
      evidence: quotes(row),
      eventInfo: event
        ? {
            id: event.id,
            name: event.name ?? event.id,
            kind: event.kind,
            start: event.start,
            end: event.end,
            datePrecision: event.datePrecision,
            places: event.places,
            country: event.country,
            records: (event.sources ?? []).map((id) => records?.record(id) ?? null).filter((r): r is RecordText => r !== null),
          }
        : null,
    };
  });
  links.sort((a, b) => rank(a.type) - rank(b.type) || String(a.date ?? '9999').localeCompare(String(b.date ?? '9999')));
  const dated = links.filter((l) => l.date !== null).sort((a, b) => String(a.date).localeCompare(String(b.date)))[0];
  return {
    from,
    to,
    type: links[0]?.type ?? 'UNKNOWN',
    date: dated?.date ?? null,
    datePrecision: dated?.datePrecision ?? null,
    inferred: rows[0]?.allInferred ?? false,
    links,
    linkCount: rows[0]?.linkCount ?? 0,
    lastDate: rows[0]?.lastDate ?? dated?.date ?? null,
    evidence: links.flatMap((l) => l.evidence),
  };
}

function rank(type: string): number {
  const index = TYPE_ORDER.indexOf(type);
  return index < 0 ? TYPE_ORDER.length : index;
}
