// Shapes of the API answers the client reads (only the fields it uses).
import { API_TYPES, type ApiType } from '../../domain/model.ts';
import type { RecordText } from '../../domain/record-text.ts';

export type EntityType = ApiType;
export const ENTITY_TYPES: readonly EntityType[] = API_TYPES;

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  param?: string;
  position?: { line: number; column: number; offset: number };
}

/** People only: what tells them from a namesake (server/services/identity-summary.ts). */
export interface IdentitySummary {
  title: string | null;
  country: string | null;
  years: string | null;
  label: string;
  badges: { kind: string; text: string }[];
}

export interface SearchHit {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  score: number;
  summary?: IdentitySummary;
}

export interface Evidence {
  sourceId: string;
  quote: string;
  span?: { start: number; end: number };
  /** An imported record's column line ("traveler: X"): it names the record, it is not prose. */
  recordField?: boolean;
}

export interface SourceInfo {
  id: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
}

export interface EntityRef {
  id: string;
  type?: string;
  name: string;
}

export interface EntityDetails {
  entity: { id: string; type: string; name: string; aliases?: string[]; note?: string | null; evidence: Evidence[]; [k: string]: unknown };
  summary?: IdentitySummary;
  titles: { title: string; at?: EntityRef | null; firstSeen?: string | null; lastSeen?: string | null; evidence: Evidence[] }[];
  holders?: { person?: EntityRef; title?: string; firstSeen?: string | null; lastSeen?: string | null; evidence?: Evidence[]; [k: string]: unknown }[];
  events: {
    event: { id: string; name: string; kind?: string; status?: string; start?: string | null; end?: string | null; datePrecision?: string | null };
    role?: string | null;
    represents?: string | null;
    inferred?: boolean;
    rule?: string | null;
    evidence: Evidence[];
  }[];
  met: { person: EntityRef; count: number; meetings: { event: string; date: string | null; datePrecision: string | null; inferred: boolean; evidence: Evidence[] }[] }[];
  agreements: { agreement: { id?: string; name: string; status?: string; kind?: string }; via?: string; evidence: Evidence[] }[];
  figures: { figure: { id?: string; name: string; value?: number | string | null; unit?: string | null; period?: string | null }; evidence: Evidence[] }[];
  relationships?: { type: string; direction: string; other: EntityRef; properties: Record<string, unknown>; evidence: Evidence[] }[];
  truncated?: boolean;
  sources: SourceInfo[];
}

export interface CyData {
  id: string;
  type: string;
  label: string;
  [key: string]: unknown;
}
export interface CyEdgeData extends CyData {
  source: string;
  target: string;
}
export interface Neighborhood {
  center: string;
  nodes: { data: CyData }[];
  edges: { data: CyEdgeData }[];
  limit: number;
  truncated: boolean;
}

export interface PathHop {
  from: string;
  to: string;
  type: string;
  date: string | null;
  datePrecision: string | null;
  inferred: boolean;
  links: {
    type: string;
    from: string;
    to: string;
    date?: string | null;
    datePrecision?: string | null;
    event?: string | null;
    inferred?: boolean;
    evidence: Evidence[];
    /** The meeting (or event) the link stands for: its name, places and, for imported records, the record. */
    eventInfo?: { id: string; name: string; kind: string | null; start: string | null; places: string[]; country: string | null; records: RecordText[] } | null;
  }[];
  /** All links of the hop in the window; `links` lists the first few (the API's linksPerHop). */
  linkCount?: number;
  /** The latest dated link of all, to tell hops out of time order. */
  lastDate?: string | null;
  evidence?: Evidence[];
}
export interface PathResult {
  length: number;
  nodes: { id: string; type: string; name: string; summary?: IdentitySummary }[];
  hops: PathHop[];
}
export interface PathsAnswer {
  paths: PathResult[];
  sources?: SourceInfo[];
}

export interface CypherAnswer {
  columns: string[];
  rows: unknown[][];
  graph: { nodes: { data: CyData }[]; edges: { data: CyEdgeData }[] };
  summary: { queryType: string; truncated: boolean; truncatedBy?: 'rows' | 'bytes'; rows: number; bytes?: number; ms: number; mode?: string };
}

export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  params: { name: string; type: string; required: boolean; description: string }[];
  columns: string[];
}

/** GET /api/entities/:id/hub: a busy entity's counterparts (weighted) and its other neighbours, grouped. */
export type { Facet, HubAnswer, HubNeighbour, HubPerson } from '../../domain/hub-contract.ts';

/** An imported State Department record behind an event: its place, dates and prose. */
export type { RecordText };

export interface MeetingInfo {
  event: { id: string; kind?: string; title?: string; status?: string; start?: string | null; end?: string | null; datePrecision?: string | null };
  places: { id: string; name: string }[];
  country: { id: string; name: string } | null;
  partOf: { id: string; name: string; kind?: string } | null;
  participants: { id: string; name: string; role: string; represents: string | null; inferred: boolean }[];
  evidence: Evidence[];
  records: RecordText[];
}

/** GET /api/links?a=&b=: everything joining two entities, with its evidence. */
export interface LinksAnswer {
  a: EntityRef;
  b: EntityRef;
  query: { from: string | null; to: string | null; limit: number };
  total: number;
  links: { type: string; from: string; to: string; properties: Record<string, unknown>; evidence: Evidence[]; event: MeetingInfo | null }[];
  sources: SourceInfo[];
}
