// The response half of the API contract: for every endpoint, the schema of its JSON answer (defined
// once in domain/contracts) and the name it has among /api/openapi.json's components. The OpenAPI
// document registers these; the contract test (tests/int/contracts.int.test.ts) parses a real answer
// of every entry with its schema, so an endpoint added here without a test, or an answer that gains,
// loses or renames a field, fails.
import type { z } from 'zod';
import {
  acceptAnswer,
  acceptResult,
  activityPerYear,
  candidateList,
  consoleAnswer,
  decisionsAnswer,
  draftAnswer,
  entityProfile,
  healthAnswer,
  hubAnswer,
  judgementLog,
  judgeResult,
  linksAnswer,
  meetingsAnswer,
  neighborhood,
  pathsAnswer,
  personSummary,
  report,
  savedQueries,
  schemaNames,
  searchAnswer,
  timelineAnswer,
  visitsMap,
} from '../../domain/contracts/index.ts';

export interface ResponseContract {
  /** The component's name in /api/openapi.json. */
  name: string;
  schema: z.ZodTypeAny;
}

const answer = (name: string, schema: z.ZodTypeAny): ResponseContract => ({ name, schema });

/** "METHOD /path" (OpenAPI path syntax) → the 200 answer's contract. */
export const RESPONSES = {
  'get /api/health': answer('Health', healthAnswer),
  'get /api/search': answer('SearchAnswer', searchAnswer),
  'get /api/entities/{id}': answer('EntityProfile', entityProfile),
  'get /api/entities/{id}/neighborhood': answer('Neighborhood', neighborhood),
  'get /api/entities/{id}/hub': answer('HubAnswer', hubAnswer),
  'get /api/links': answer('LinksAnswer', linksAnswer),
  'get /api/meetings': answer('MeetingsAnswer', meetingsAnswer),
  'get /api/paths': answer('PathsAnswer', pathsAnswer),
  'post /api/cypher': answer('ConsoleAnswer', consoleAnswer),
  'get /api/queries': answer('SavedQueries', savedQueries),
  'post /api/queries/{name}': answer('ConsoleAnswer', consoleAnswer),
  'post /api/ingest': answer('DraftAnswer', draftAnswer),
  'post /api/ingest/accept': answer('AcceptAnswer', acceptAnswer),
  'post /api/ingest/decisions': answer('DecisionsAnswer', decisionsAnswer),
  'get /api/reports/bilateral': answer('Report', report),
  'get /api/reports/person/{id}': answer('Report', report),
  'get /api/reports/organization/{id}': answer('Report', report),
  'get /api/resolution/candidates': answer('CandidateList', candidateList),
  'post /api/resolution/judgements': answer('JudgeResult', judgeResult),
  'get /api/resolution/judgements': answer('JudgementLog', judgementLog),
  'post /api/resolution/accept': answer('ResolutionAcceptResult', acceptResult),
  'get /api/pictures/timeline': answer('TimelineAnswer', timelineAnswer),
  'get /api/pictures/map': answer('VisitsMap', visitsMap),
  'get /api/pictures/years': answer('ActivityPerYear', activityPerYear),
  'get /api/pictures/summary/{id}': answer('PersonSummary', personSummary),
  'get /api/schema': answer('SchemaNames', schemaNames),
} as const satisfies Record<string, ResponseContract>;

export type Endpoint = keyof typeof RESPONSES;
