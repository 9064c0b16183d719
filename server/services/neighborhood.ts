// A Cytoscape-ready neighbourhood: breadth-first from one entity, step by step, up to a node cap
// (reported when reached), with type and date-window filters.
import type { NeighborhoodQuery } from '../contracts/requests.ts';
import { labelOf } from '../../domain/model.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read } from '../../graph/queries/read.ts';
import { periodBound } from '../../domain/period.ts';
import type { Props } from '../../graph/queries/columns.ts';
import { resolveEntity } from './search.ts';
import type { CyEdge, CyNode, Neighborhood } from '../../domain/contracts/entities.ts';

export type { CyEdge, CyNode, Neighborhood };

/** A short label for an edge: the role, title or date it carries. */
export function edgeLabel(type: string, props: Props): string {
  if (type === 'HOLDS') return String(props.title ?? 'holds');
  if (type === 'PARTICIPATED_IN') return String(props.role ?? 'participant') + (props.inferred ? ' (inferred)' : '');
  if (type === 'MET')
    return `met${props.date ? ` ${String(props.date).slice(0, props.datePrecision === 'month' ? 7 : props.datePrecision === 'year' ? 4 : 10)}` : ''}${props.inferred ? ' (inferred)' : ''}`;
  return type.toLowerCase().replace(/_/g, ' ');
}

export function edgeId(from: string, type: string, to: string, props: Props): string {
  return `${from}|${type}|${to}${props.event ? `|${String(props.event)}` : props.title ? `|${String(props.title)}` : ''}`;
}

function nodeData(node: { id: string; type: string; name: string | null } & Props): CyNode {
  const { id, type, name, ...rest } = node;
  const data: CyNode['data'] = { id, type: type.toLowerCase(), label: name ?? id };
  for (const [key, value] of Object.entries(rest)) if (value !== null) data[key] = value;
  return { data };
}

export async function getNeighborhood(reader: GraphReader, ref: string, query: NeighborhoodQuery): Promise<Neighborhood> {
  const center = await resolveEntity(reader, ref, 'id');
  const [centerRow] = await read(reader, 'nodes-by-id', { ids: [center.id] });
  const nodes = new Map<string, CyNode>([[center.id, nodeData(centerRow!.node)]]);
  const edges = new Map<string, CyEdge>();
  const params = {
    labels: query.types ? query.types.map(labelOf) : null,
    from: periodBound(query.from, 'start'),
    to: periodBound(query.to, 'end'),
    includeUndated: query.includeUndated,
  };
  let frontier = [center.id];
  let truncated = false;
  for (let step = 0; step < query.depth && frontier.length > 0 && !truncated; step++) {
    // Ask for one row more than can fit, to know whether the cap cut something off.
    const rows = await read(reader, 'neighborhood-step', { ...params, frontier, limit: (query.limit + 1) * 4 });
    const next: string[] = [];
    for (const row of rows) {
      const { node, props, type, from, to } = row;
      const id = node.id;
      if (!nodes.has(id)) {
        if (nodes.size >= query.limit) {
          truncated = true;
          continue;
        }
        nodes.set(id, nodeData(node));
        next.push(id);
      }
      const key = edgeId(from, type, to, props);
      if (!edges.has(key) && nodes.has(from) && nodes.has(to)) {
        const data: CyEdge['data'] = { id: key, source: from, target: to, type, label: edgeLabel(type, props) };
        for (const k of ['role', 'title', 'date', 'datePrecision', 'inferred', 'represents', 'event', 'mode'] as const) {
          if (props[k] !== undefined && props[k] !== null) data[k] = props[k]!;
        }
        edges.set(key, { data });
      }
    }
    if (rows.length > (query.limit + 1) * 4 - 1) truncated = true;
    frontier = next;
  }
  return { center: center.id, nodes: [...nodes.values()], edges: [...edges.values()], limit: query.limit, truncated };
}
