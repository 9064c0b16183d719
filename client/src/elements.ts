// API answers → Cytoscape element definitions, and the bookkeeping of expanding a node. Pure: no DOM.
import type { CyData, CyEdgeData, CypherAnswer, Neighborhood, PathResult } from './types.ts';

export interface NodeDef {
  group: 'nodes';
  data: CyData;
  classes?: string;
}
export interface EdgeDef {
  group: 'edges';
  data: CyEdgeData;
  classes?: string;
}
export type ElementDef = NodeDef | EdgeDef;

/** Classes an element gets from its data: its type, "undated", "inferred". */
export function classesOf(data: Record<string, unknown>): string {
  const classes: string[] = [];
  if (typeof data.type === 'string') classes.push(`t-${data.type.toLowerCase()}`);
  // Console elements carry no date fields at all: those are not called undated.
  if (
    (data.type === 'event' || data.type === 'MET') &&
    (data.datePrecision === 'unknown' || (data.datePrecision !== undefined && !data.start && !data.date))
  )
    classes.push('undated');
  if (data.inferred === true) classes.push('inferred');
  if (data.type === 'PARTICIPATED_IN' && data.role === 'mentioned') classes.push('mentioned');
  return classes.join(' ');
}

/** A label short enough to draw under a node. */
export function shortLabel(label: string, max = 38): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

export function nodeDef(data: CyData): NodeDef {
  return { group: 'nodes', data: { ...data, short: shortLabel(String(data.label ?? data.id)) }, classes: classesOf(data) };
}

export function edgeDef(data: CyEdgeData): EdgeDef {
  return { group: 'edges', data: { ...data }, classes: classesOf(data) };
}

/** A neighbourhood answer as element definitions (nodes first, edges whose ends are present). */
export function neighborhoodElements(n: Pick<Neighborhood, 'nodes' | 'edges'>): ElementDef[] {
  const ids = new Set(n.nodes.map((x) => x.data.id));
  const edges = n.edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target));
  return [...n.nodes.map((x) => nodeDef(x.data)), ...edges.map((e) => edgeDef(e.data))];
}

/** A console answer's graph; nodes carrying an entity id are keyed by it, so they join the explorer's. */
export function cypherElements(graph: CypherAnswer['graph']): ElementDef[] {
  return [
    ...graph.nodes.map((x) =>
      nodeDef({ ...x.data, type: String(x.data.type ?? 'unknown').toLowerCase(), label: String(x.data.label ?? x.data.id) }),
    ),
    ...graph.edges.map((e) => edgeDef({ ...e.data, label: String(e.data.label ?? e.data.type) })),
  ];
}

/** The id under which the explorer draws the edge of one path hop. */
export function hopEdgeId(from: string, type: string, to: string): string {
  return `path:${from}|${type}|${to}`;
}

/** Path answer → its nodes and one edge per hop (used when the explorer lacks a real edge). */
export function pathElements(path: PathResult): { nodes: NodeDef[]; edges: EdgeDef[] } {
  const nodes = path.nodes.map((n) => nodeDef({ id: n.id, type: n.type, label: n.name }));
  const edges = path.hops.map((h) =>
    edgeDef({
      id: hopEdgeId(h.from, h.type, h.to),
      source: h.from,
      target: h.to,
      type: h.type,
      label: h.type === 'MET' ? 'met' : h.type.toLowerCase().replace(/_/g, ' '),
      ...(h.date ? { date: h.date } : {}),
      datePrecision: h.datePrecision ?? 'unknown',
      inferred: h.inferred,
    }),
  );
  return { nodes, edges };
}

export interface EdgeLike {
  id: string;
  source: string;
  target: string;
  type: string;
}

/** Which existing edges draw a hop: every edge of the hop's type joining its two ends, either way. */
export function edgesForHop(edges: EdgeLike[], hop: { from: string; to: string; type: string }): string[] {
  return edges
    .filter(
      (e) => e.type === hop.type && ((e.source === hop.from && e.target === hop.to) || (e.source === hop.to && e.target === hop.from)),
    )
    .map((e) => e.id);
}

export interface Expansion {
  add: ElementDef[];
  remaining: number;
}

/**
 * Expanding a node: of its neighbours not yet drawn, the first `cap` (in the API's order) and the
 * edges joining drawn or added nodes; `remaining` is how many "show more" would still add.
 */
export function planExpansion(
  n: Pick<Neighborhood, 'nodes' | 'edges'>,
  present: Set<string>,
  cap: number,
  presentEdges: Set<string> = new Set(),
): Expansion {
  const fresh = n.nodes.filter((x) => !present.has(x.data.id));
  const taken = fresh.slice(0, cap);
  const ids = new Set([...present, ...taken.map((x) => x.data.id)]);
  const edges = n.edges.filter((e) => !presentEdges.has(e.data.id) && ids.has(e.data.source) && ids.has(e.data.target));
  return { add: [...taken.map((x) => nodeDef(x.data)), ...edges.map((e) => edgeDef(e.data))], remaining: fresh.length - taken.length };
}

/** Cypher value → short text for a table cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(cellText).join(', ')}]`;
  const v = value as Record<string, unknown>;
  switch (v.$type) {
    case 'node': {
      const props = (v.properties ?? {}) as Record<string, unknown>;
      return `(${((v.labels as string[]) ?? []).filter((l) => l !== 'Entity').join(':')} ${String(props.name ?? props.id ?? v.elementId)})`;
    }
    case 'relationship':
      return `[:${String(v.type)}]`;
    case 'path':
      return `path of ${((v.relationships as unknown[]) ?? []).length} hops`;
    case 'point':
      return `point(${String(v.x)}, ${String(v.y)})`;
    case 'bytes':
      return `bytes ${String(v.base64).slice(0, 16)}…`;
    case undefined:
      return JSON.stringify(value);
    default:
      return String(v.value);
  }
}
