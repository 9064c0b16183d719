// A Cytoscape-ready neighbourhood: breadth-first from one entity, step by step, up to a node cap
// (reported when reached), with type and date-window filters.
import type { NeighborhoodQuery } from '../contracts/requests.ts';
import { labelOf } from '../../domain/model.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { periodBound } from '../../domain/period.ts';
import type { Plain } from '../../graph/values.ts';
import { resolveEntity } from './search.ts';
import type { CyEdge, CyNode, Neighborhood } from '../../domain/contracts/entities.ts';

export type { CyEdge, CyNode, Neighborhood };

type Props = Record<string, Plain>;

/** A short label for an edge: the role, title or date it carries. */
export function edgeLabel(type: string, props: Props): string {
  if (type === 'HOLDS') return String(props.title ?? 'holds');
  if (type === 'PARTICIPATED_IN') return String(props.role ?? 'participant') + (props.inferred ? ' (inferred)' : '');
  if (type === 'MET') return `met${props.date ? ` ${String(props.date).slice(0, props.datePrecision === 'month' ? 7 : props.datePrecision === 'year' ? 4 : 10)}` : ''}${props.inferred ? ' (inferred)' : ''}`;
  return type.toLowerCase().replace(/_/g, ' ');
}

export function edgeId(from: string, type: string, to: string, props: Props): string {
  return `${from}|${type}|${to}${props.event ? `|${String(props.event)}` : props.title ? `|${String(props.title)}` : ''}`;
}

function nodeData(node: Props): CyNode {
  const { id, type, name, ...rest } = node;
  const data: CyNode['data'] = { id: id as string, type: String(type).toLowerCase(), label: String(name ?? id) };
  for (const [key, value] of Object.entries(rest)) if (value !== null) data[key] = value;
  return { data };
}

export async function getNeighborhood(reader: GraphReader, ref: string, query: NeighborhoodQuery): Promise<Neighborhood> {
  const center = await resolveEntity(reader, ref, 'id');
  const [centerRow] = await reader.rows('nodes-by-id', { ids: [center.id] });
  const nodes = new Map<string, CyNode>([[center.id, nodeData(centerRow!.node as Props)]]);
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
    const rows = await reader.rows('neighborhood-step', { ...params, frontier, limit: (query.limit + 1) * 4 });
    const next: string[] = [];
    for (const row of rows) {
      const node = row.node as Props;
      const id = node.id as string;
      if (!nodes.has(id)) {
        if (nodes.size >= query.limit) {
          truncated = true;
          continue;
        }
        nodes.set(id, nodeData(node));
        next.push(id);
      }
      const props = row.props as Props;
      const type = row.type as string;
      const key = edgeId(row.from as string, type, row.to as string, props);
      if (!edges.has(key) && nodes.has(row.from as string) && nodes.has(row.to as string)) {
        const data: CyEdge['data'] = { id: key, source: row.from as string, target: row.to as string, type, label: edgeLabel(type, props) };
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
