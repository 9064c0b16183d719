// How A reaches B: the k shortest distinct paths (through meetings only, or any relationship), inside
// a date window, avoiding excluded hubs, each hop with its date and the quotes that prove it.
import { ENTITY_LABELS } from '../../seeds/model.ts';
import { BadInput } from '../errors.ts';
import type { PathsQuery } from '../http/schemas.ts';
import type { GraphReader, Row } from '../repository/reader.ts';
import { periodBound, type Plain } from '../repository/values.ts';
import { collectEvidence, loadQuoteBook, type Quote, type SourceSummary } from './evidence.ts';
import { resolveEntity } from './search.ts';

type Props = Record<string, Plain>;

export interface HopLink {
  type: string;
  /** As stored: from → to of the relationship (hops are walked regardless of direction). */
  from: string;
  to: string;
  date: Plain;
  datePrecision: Plain;
  event: string | null;
  inferred: boolean;
  rule: Plain;
  properties: Props;
  evidence: Quote[];
}

export interface Hop {
  from: string;
  to: string;
  type: string;
  /** The earliest dated link of this hop (null when none is dated). */
  date: Plain;
  datePrecision: Plain;
  inferred: boolean;
  /** Every relationship joining the two (e.g. each meeting they had), with its evidence. */
  links: HopLink[];
  evidence: Quote[];
}

export interface FoundPath {
  length: number;
  nodes: { id: string; type: string; name: string; kind: Plain }[];
  hops: Hop[];
}

export interface PathsAnswer {
  query: { from: string; to: string; via: string; maxHops: number; start: string | null; end: string | null; exclude: string[]; limit: number };
  paths: FoundPath[];
  sources: SourceSummary[];
}

/**
 * How many trails SHORTEST must find for k distinct simple paths. The single shortest trail never
 * revisits a node, so k=1 needs no more; for k>1 trails that revisit a node or repeat the same people
 * (parallel meetings) are dropped after, so it over-fetches — and each extra trail costs search
 * around hubs, hence the modest factor (measured on 1M MET: bench/paths-scale.ts).
 */
export function fetchCount(k: number): number {
  return k === 1 ? 1 : Math.min(k * 5, 50);
}

/**
 * Which query answers a path request: one path → Neo4j's bidirectional shortestPath (fast around
 * hubs); k paths → SHORTEST k over a quantified path pattern (over-fetching, see fetchCount).
 */
export function pathQueryFor(via: 'meetings' | 'any', k: number, maxHops: number): { name: string; slots: Record<string, number> } {
  const base = via === 'meetings' ? 'paths-meetings' : 'paths-any';
  return k === 1 ? { name: `${base}-shortest`, slots: { maxHops } } : { name: base, slots: { fetch: fetchCount(k), maxHops } };
}

export async function findPaths(reader: GraphReader, query: PathsQuery): Promise<PathsAnswer> {
  const type = query.via === 'meetings' ? 'person' : undefined;
  const [from, to] = await Promise.all([resolveEntity(reader, query.from, 'from', type), resolveEntity(reader, query.to, 'to', type)]);
  if (from.id === to.id) throw new BadInput('to: must be a different entity from from', 'to');
  const excludeLabels: string[] = [];
  const excludeIds: string[] = [];
  for (const item of query.exclude ?? []) {
    const label = ENTITY_LABELS.find((l) => l.toLowerCase() === item.toLowerCase());
    if (label) excludeLabels.push(label);
    else excludeIds.push((await resolveEntity(reader, item, 'exclude')).id);
  }
  const window = { start: periodBound(query.start, 'start'), end: periodBound(query.end, 'end') };
  const { name, slots } = pathQueryFor(query.via, query.limit, query.maxHops);
  const found = await reader.rows(name, { from: from.id, to: to.id, ...window, excludeIds, excludeLabels, k: query.limit }, slots);
  const idLists = found.map((row) => row.ids as string[]);
  const pairs = idLists.flatMap((ids) => ids.slice(1).map((id, i) => [ids[i]!, id]));
  const [hopRows, nodeRows] = idLists.length
    ? await Promise.all([
        reader.rows('path-hops', { pairs, via: query.via, ...window }),
        reader.rows('nodes-by-id', { ids: [...new Set(idLists.flat())] }),
      ])
    : [[], []];
  const book = await loadQuoteBook(reader, collectEvidence(hopRows));
  const nodes = new Map(nodeRows.map((row) => [(row.node as Props).id as string, row.node as Props]));
  const linksByPair = new Map<number, Row[]>();
  for (const row of hopRows) linksByPair.set(row.pair as number, [...(linksByPair.get(row.pair as number) ?? []), row]);

  let pairIndex = 0;
  const paths = idLists.map((ids): FoundPath => {
    const hops = ids.slice(1).map((id, i) => toHop(ids[i]!, id, linksByPair.get(pairIndex++) ?? [], (keys) => book.quotes(keys as string[] | null)));
    return {
      length: ids.length - 1,
      nodes: ids.map((id) => {
        const node = nodes.get(id) ?? { id, type: 'unknown', name: id, kind: null };
        return { id, type: String(node.type).toLowerCase(), name: node.name as string, kind: node.kind ?? null };
      }),
      hops,
    };
  });
  return {
    query: { from: from.id, to: to.id, via: query.via, maxHops: query.maxHops, start: query.start ?? null, end: query.end ?? null, exclude: query.exclude ?? [], limit: query.limit },
    paths,
    sources: book.sources(),
  };
}

const TYPE_ORDER = ['MET', 'PARTICIPATED_IN', 'HOLDS'];

function toHop(from: string, to: string, rows: Row[], quotes: (keys: Plain | undefined) => Quote[]): Hop {
  const links = rows.map((row): HopLink => {
    const props = row.props as Props;
    const event = row.event as Props | null;
    const date = props.date ?? event?.start ?? null;
    return {
      type: row.type as string,
      from: row.from as string,
      to: row.to as string,
      date,
      datePrecision: props.datePrecision ?? event?.datePrecision ?? null,
      event: (props.event as string | undefined) ?? (event?.id as string | undefined) ?? null,
      inferred: props.inferred === true,
      rule: props.rule ?? null,
      properties: Object.fromEntries(Object.entries(props).filter(([k]) => !['evidence', 'sources'].includes(k))),
      evidence: quotes(props.evidence),
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
    inferred: links.length > 0 && links.every((l) => l.inferred),
    links,
    evidence: links.flatMap((l) => l.evidence),
  };
}

function rank(type: string): number {
  const index = TYPE_ORDER.indexOf(type);
  return index < 0 ? TYPE_ORDER.length : index;
}
