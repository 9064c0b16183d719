// The graph model as data: every node type once (its label, id prefix, API name, whether search finds
// it, how the explorer draws it), the relationship types, the event kinds that are meetings, and the
// roles. The loader, the API, the search index check, the client and the tests all read this table.

export const NODE_TYPES = [
  { label: 'Person', prefix: 'person', api: 'person', searchable: true, style: { color: '#1d4ed8', shape: 'ellipse', label: 'Person' } },
  {
    label: 'Organization',
    prefix: 'org',
    api: 'organization',
    searchable: true,
    style: { color: '#6d28d9', shape: 'round-rectangle', label: 'Organisation' },
  },
  {
    label: 'Country',
    prefix: 'country',
    api: 'country',
    searchable: true,
    style: { color: '#047857', shape: 'round-hexagon', label: 'Country' },
  },
  { label: 'Place', prefix: 'place', api: 'place', searchable: true, style: { color: '#0e7490', shape: 'round-diamond', label: 'Place' } },
  { label: 'Event', prefix: 'event', api: 'event', searchable: true, style: { color: '#b45309', shape: 'round-triangle', label: 'Event' } },
  {
    label: 'Agreement',
    prefix: 'agreement',
    api: 'agreement',
    searchable: true,
    style: { color: '#b91c1c', shape: 'round-pentagon', label: 'Agreement' },
  },
  // Figures are found through the countries they are about, not by name (their "name" is a sentence).
  { label: 'Figure', prefix: 'figure', api: 'figure', searchable: false, style: { color: '#4b5563', shape: 'barrel', label: 'Figure' } },
] as const;

export type NodeType = (typeof NODE_TYPES)[number];
export type EntityLabel = NodeType['label'];
/** A node type as the API names it ("organization"). */
export type ApiType = NodeType['api'];
export type SearchableType = Extract<NodeType, { searchable: true }>['api'];

export const ENTITY_LABELS = NODE_TYPES.map((t) => t.label) as readonly EntityLabel[];
export const API_TYPES = NODE_TYPES.map((t) => t.api) as [ApiType, ...ApiType[]];
export const SEARCHABLE_TYPES = NODE_TYPES.filter((t) => t.searchable).map((t) => t.api) as [SearchableType, ...SearchableType[]];

/** API type name → graph label ("organization" → "Organization"). */
export function labelOf(type: ApiType): EntityLabel {
  return NODE_TYPES.find((t) => t.api === type)!.label;
}

/** The label an id belongs to, from its prefix ("org:kz-mfa" → Organization), or undefined. */
export function labelOfId(id: string): EntityLabel | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return NODE_TYPES.find((t) => t.prefix === prefix)?.label;
}

export const ID_PATTERN = new RegExp(`^(${NODE_TYPES.map((t) => t.prefix).join('|')}):\\S+$`);

/** Relationship types between entities (MET is derived by the loader from held meetings). */
export const RELATIONSHIP_TYPES = [
  'HOLDS',
  'PARTICIPATED_IN',
  'MET',
  'HELD_IN',
  'PART_OF',
  'IN',
  'BASED_IN',
  'PARTY_TO',
  'CONCLUDED_AT',
  'ABOUT',
  'MEMBER_OF',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * Event kinds whose present participants met each other, so the loader derives MET between them.
 * A forum, summit, visit or exhibition brings people to one place but is not itself a meeting; the
 * talks and sessions inside it are.
 */
export const MEETING_KINDS = ['meeting', 'talks', 'call', 'session', 'signing'] as const;

export function sourceIdOf(file: string): string {
  return `source:${file.replace(/\.txt$/, '')}`;
}
