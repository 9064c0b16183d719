// Lossless JSON for any Cypher value (the console's results), and the graph hiding in a result:
// every node, relationship and path found in it as Cytoscape elements.
//
// Encoding (documented in docs/console.md):
//   integer within ±(2^53−1) → JSON number;  beyond → {"$type": "integer", "value": "9007199254740993"}
//   float → number, or {"$type": "float", "value": "NaN" | "Infinity" | "-Infinity"}
//   string, boolean, null, list, map → themselves
//   Date, Time, LocalTime, DateTime, LocalDateTime → {"$type": "date" | "time" | "localtime" | "datetime" | "localdatetime", "value": ISO 8601 text}
//   Duration → {"$type": "duration", "value": "P14DT16H12M", months, days, seconds, nanoseconds}
//   Point → {"$type": "point", srid, x, y[, z]}
//   bytes → {"$type": "bytes", "base64": "…"}
//   Node → {"$type": "node", elementId, labels, properties}
//   Relationship → {"$type": "relationship", elementId, type, start, end, properties} (start/end: elementIds)
//   Path → {"$type": "path", nodes: [Node…], relationships: [Relationship…]}
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import { BadInput } from '../domain/errors.ts';
import { cypherParams } from './reader.ts';
import type { Plain } from './values.ts';
import type { EdgeElement, GraphElements, NodeElement } from '../domain/contracts/system.ts';

function integer(value: { inSafeRange(): boolean; toNumber(): number; toString(): string }): Plain {
  return value.inSafeRange() ? value.toNumber() : { $type: 'integer', value: value.toString() };
}

function encodeNode(node: Node): Plain {
  return { $type: 'node', elementId: node.elementId, labels: [...node.labels], properties: encodeMap(node.properties) };
}

function encodeRelationship(rel: Relationship): Plain {
  return {
    $type: 'relationship',
    elementId: rel.elementId,
    type: rel.type,
    start: rel.startNodeElementId,
    end: rel.endNodeElementId,
    properties: encodeMap(rel.properties),
  };
}

function encodeMap(map: Record<string, unknown>): { [key: string]: Plain } {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, encodeValue(v)]));
}

export function encodeValue(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return integer(value);
  if (typeof value === 'bigint') return integer(neo4j.int(value.toString()));
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $type: 'float', value: String(value) };
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Uint8Array) return { $type: 'bytes', base64: Buffer.from(value).toString('base64') };
  if (neo4j.isNode(value)) return encodeNode(value);
  if (neo4j.isRelationship(value)) return encodeRelationship(value);
  if (neo4j.isPath(value)) {
    const path = value as Path;
    const nodes = [path.start, ...path.segments.map((s) => s.end)];
    return { $type: 'path', nodes: nodes.map(encodeNode), relationships: path.segments.map((s) => encodeRelationship(s.relationship)) };
  }
  if (neo4j.isDate(value)) return { $type: 'date', value: value.toString() };
  if (neo4j.isDateTime(value)) return { $type: 'datetime', value: value.toString() };
  if (neo4j.isLocalDateTime(value)) return { $type: 'localdatetime', value: value.toString() };
  if (neo4j.isTime(value)) return { $type: 'time', value: value.toString() };
  if (neo4j.isLocalTime(value)) return { $type: 'localtime', value: value.toString() };
  if (neo4j.isDuration(value)) {
    return {
      $type: 'duration',
      value: value.toString(),
      months: integer(neo4j.int(value.months)),
      days: integer(neo4j.int(value.days)),
      seconds: integer(neo4j.int(value.seconds)),
      nanoseconds: integer(neo4j.int(value.nanoseconds)),
    };
  }
  if (neo4j.isPoint(value)) {
    const point: Record<string, Plain> = { $type: 'point', srid: integer(neo4j.int(value.srid)), x: value.x, y: value.y };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (typeof value === 'object') return encodeMap(value as Record<string, unknown>);
  return String(value);
}

export type { EdgeElement, GraphElements, NodeElement };

function nodeElement(node: Node): NodeElement {
  const props = node.properties as Record<string, unknown>;
  const type = node.labels.find((l) => l !== 'Entity') ?? node.labels[0] ?? '';
  return {
    data: {
      id: node.elementId,
      label: String(props.name ?? props.title ?? props.id ?? type),
      labels: [...node.labels],
      entityId: typeof props.id === 'string' ? props.id : null,
      type: type.toLowerCase(),
    },
  };
}

function edgeElement(rel: Relationship): EdgeElement {
  return { data: { id: rel.elementId, source: rel.startNodeElementId, target: rel.endNodeElementId, type: rel.type, label: rel.type } };
}

/** Every node and relationship anywhere in the rows, as Cytoscape elements keyed by elementId (ends of relationships may be missing). */
export function graphOf(rows: readonly unknown[]): GraphElements {
  const nodes = new Map<string, Node>();
  const rels = new Map<string, Relationship>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (neo4j.isNode(value)) nodes.set(value.elementId, value);
    else if (neo4j.isRelationship(value)) rels.set(value.elementId, value);
    else if (neo4j.isPath(value)) {
      const path = value as Path;
      nodes.set(path.start.elementId, path.start);
      for (const segment of path.segments) {
        nodes.set(segment.end.elementId, segment.end);
        rels.set(segment.relationship.elementId, segment.relationship);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (Object.getPrototypeOf(value) === Object.prototype) Object.values(value).forEach(visit);
  };
  rows.forEach(visit);
  return { nodes: [...nodes.values()].map(nodeElement), edges: [...rels.values()].map(edgeElement) };
}

/** Placeholder nodes for relationship ends that were not returned, so Cytoscape can draw every edge. */
export function placeholderEnds(graph: GraphElements): NodeElement[] {
  const placed = new Set(graph.nodes.map((node) => node.data.id));
  const missing: NodeElement[] = [];
  for (const edge of graph.edges) {
    for (const end of [edge.data.source, edge.data.target]) {
      if (!placed.has(end)) {
        placed.add(end);
        missing.push({ data: { id: end, label: '…', labels: [], entityId: null, type: 'unknown' } });
      }
    }
  }
  return missing;
}

/** Typed parameters in JSON: {"$type": "date", "value": "2025-02-01"} and friends become Cypher values. */
export function decodeParams(params: Record<string, unknown>): Record<string, unknown> {
  const decode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decode);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const tagged = value as { $type?: unknown; value?: unknown };
      if (typeof tagged.$type === 'string') {
        const text = String(tagged.value ?? '');
        try {
          switch (tagged.$type) {
            case 'integer':
              return neo4j.int(text);
            case 'date': {
              const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? [];
              if (!y) throw new Error('expected YYYY-MM-DD');
              return new neo4j.types.Date(Number(y), Number(m), Number(d));
            }
            case 'datetime':
              return neo4j.types.DateTime.fromStandardDate(new Date(text));
            default:
              throw new Error(`unknown $type "${tagged.$type}"`);
          }
        } catch (error) {
          throw new BadInput(
            `params: cannot read ${JSON.stringify(value)} (${(error as Error).message}); use {"$type": "integer"|"date"|"datetime", "value": "…"}`,
            'params',
          );
        }
      }
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
    }
    return value;
  };
  return cypherParams(decode(params)) as Record<string, unknown>;
}
