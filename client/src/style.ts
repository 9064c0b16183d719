// The graph's look: one colour and shape per node type (legend uses the same table), edges by type.
// Colours are dark enough for white text and for 4.5:1 contrast against the light background.
import { NODE_TYPES } from '../../domain/model.ts';
import type { EntityType } from './types.ts';

type TypeStyle = { color: string; shape: string; label: string };

/** Each node type's look, from the model table (domain/model.ts), plus one for anything else. */
export const TYPE_STYLE = {
  ...(Object.fromEntries(NODE_TYPES.map((t) => [t.api, t.style])) as Record<EntityType, TypeStyle>),
  unknown: { color: '#6b7280', shape: 'ellipse', label: 'Other' },
} satisfies Record<EntityType | 'unknown', TypeStyle>;

export const EDGE_COLORS: Record<string, string> = {
  MET: '#1d4ed8',
  HOLDS: '#6d28d9',
  PARTICIPATED_IN: '#92400e',
  PARTY_TO: '#b91c1c',
  CONCLUDED_AT: '#b91c1c',
};

/** One colour per path when k paths are drawn together (dark enough for 3:1 against white). */
export const PATH_COLORS = ['#d97706', '#db2777', '#0891b2', '#65a30d', '#7c3aed', '#dc2626', '#0d9488', '#9333ea', '#ca8a04', '#2563eb'];

type Rule = { selector: string; style: Record<string, unknown> };

/** The stylesheet; `big` (thousands of elements) draws labels only when zoomed in or hovered. */
export function stylesheet(big = false): Rule[] {
  const rules: Rule[] = [
    {
      selector: 'node',
      style: {
        width: 26,
        height: 26,
        'background-color': '#6b7280',
        'border-width': 2,
        'border-color': '#ffffff',
        label: 'data(short)',
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: '#111827',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
      },
    },
  ];
  for (const [type, s] of Object.entries(TYPE_STYLE))
    rules.push({ selector: `node.t-${type}`, style: { 'background-color': s.color, shape: s.shape } });
  rules.push(
    { selector: 'node.t-person', style: { width: 30, height: 30 } },
    { selector: 'node.t-country', style: { width: 34, height: 34 } },
    { selector: 'node.undated', style: { 'border-style': 'dashed', 'border-color': '#374151', 'border-width': 2 } },
    // Hub mode: people sized by their meetings with the centre, lines weighted by the same count.
    { selector: 'node.sized', style: { width: 'data(size)', height: 'data(size)' } },
    {
      selector: 'node.named',
      style: {
        'min-zoomed-font-size': 0,
        'font-size': 'mapData(meetings, 2, 12, 18, 30)',
        'font-weight': 600,
        'text-background-opacity': 0.9,
        'z-index': 15,
      },
    },
    { selector: 'node.center', style: { 'border-color': '#f59e0b', 'border-width': 4, width: 40, height: 40, 'font-weight': 'bold' } },
    { selector: 'node.pinned', style: { 'outline-width': 3, 'outline-color': '#0f172a', 'outline-offset': 2 } as Record<string, unknown> },
    { selector: 'node.has-more', style: { 'border-color': '#0f172a', 'border-style': 'double', 'border-width': 5 } },
    { selector: 'node:selected', style: { 'border-color': '#f43f5e', 'border-width': 4 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9ca3af',
        'target-arrow-color': '#9ca3af',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 8,
        color: '#1f2937',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        // Labels appear when zoomed in far enough to read them (or on hover, below).
        'min-zoomed-font-size': 11,
      },
    },
  );
  for (const [type, color] of Object.entries(EDGE_COLORS))
    rules.push({ selector: `edge.t-${type.toLowerCase()}`, style: { 'line-color': color, 'target-arrow-color': color } });
  rules.push(
    { selector: 'edge.t-met', style: { width: 3, 'target-arrow-shape': 'none' } },
    // A hub's own lines to its events are context, not the story: thin, light, no arrow.
    { selector: 'edge.hub-context', style: { width: 0.8, opacity: 0.35, 'target-arrow-shape': 'none', 'curve-style': 'straight' } },
    { selector: 'edge.aggregated', style: { width: 'mapData(meetings, 1, 12, 1.5, 9)', 'curve-style': 'straight', opacity: 0.75 } },
    { selector: 'edge.undated', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge.inferred', style: { 'line-style': 'dotted' } },
    { selector: 'edge.mentioned', style: { 'line-style': 'dotted', opacity: 0.6 } },
    { selector: 'edge.hover, edge:selected', style: { 'min-zoomed-font-size': 0, 'font-size': 10, width: 4, 'z-index': 20 } },
    { selector: 'node.hover', style: { 'min-zoomed-font-size': 0, 'z-index': 20 } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.1 } },
    {
      selector: 'node.path-hl',
      style: { 'border-color': '#f59e0b', 'border-width': 5, opacity: 1, 'min-zoomed-font-size': 0, 'z-index': 30 },
    },
    {
      selector: 'edge.path-hl',
      style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 6, opacity: 1, 'min-zoomed-font-size': 0, 'z-index': 30 },
    },
    { selector: '.window-out, .hidden-by-user, .undated-off', style: { display: 'none' } },
    ...PATH_COLORS.map((color, i) => ({
      selector: `edge.path-overlay.path-${i}`,
      style: {
        'line-color': color,
        'target-arrow-color': color,
        width: 5,
        opacity: 0.95,
        'z-index': 25,
        'curve-style': 'bezier',
        'control-point-step-size': 14,
        label: '',
        'target-arrow-shape': 'none',
      },
    })),
    { selector: 'edge.path-overlay.dim', style: { opacity: 0.25 } },
    { selector: 'edge.path-overlay.path-hl', style: { width: 8, opacity: 1 } },
  );
  if (big)
    rules.push(
      { selector: 'node', style: { 'min-zoomed-font-size': 21, 'text-background-opacity': 0, 'border-width': 1 } },
      { selector: 'edge', style: { 'min-zoomed-font-size': 30, width: 1, 'target-arrow-shape': 'none', 'curve-style': 'haystack' } },
      { selector: 'node.hover, edge.hover, node.named', style: { 'min-zoomed-font-size': 0 } },
    );
  return rules;
}
