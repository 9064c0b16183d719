// The API answers the client reads: the response contracts of domain/contracts (zod schemas on the
// server), imported as types only so zod never enters the browser bundle, under the names the
// client's modules use.
import { API_TYPES, type ApiType } from '../../domain/model.ts';
import type { ConsoleAnswer, EntityLink, FoundPath, Hop, Quote, SourceSummary } from '../../domain/contracts/index.ts';

export type EntityType = ApiType;
export const ENTITY_TYPES: readonly EntityType[] = API_TYPES;

export type {
  DraftAnswer,
  EntityProfile as EntityDetails,
  HubAnswer,
  HubNeighbour,
  HubPerson,
  Facet,
  IdentitySummary,
  LinksAnswer,
  Meeting as MeetingInfo,
  Neighborhood,
  PathsAnswer,
  Problem,
  SavedQuery,
  SearchHit,
} from '../../domain/contracts/index.ts';

/** A quote cut from a source at its span; `recordField` marks an imported record's column line ("traveler: X"). */
export type Evidence = Quote;
export type SourceInfo = SourceSummary;
export type EntityRef = EntityLink;
/** One hop of a path: the relationships joining its two ends, with their evidence. */
export type PathHop = Hop;
export type PathResult = FoundPath;
/** POST /api/cypher and the saved queries. */
export type CypherAnswer = ConsoleAnswer;
/**
 * A drawn Cytoscape element's data: not an API answer but what the explorer draws from one (a
 * neighbourhood's nodes, a console result's, a hub's, a path's), with the fields it adds (`short`, …).
 */
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

/** An imported State Department record behind an event: its place, dates and prose. */
export type { RecordText } from '../../domain/record-text.ts';
