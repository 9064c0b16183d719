// Every JSON answer of the API, by name: the one place the response contracts are listed. The server's
// services return these types, /api/openapi.json registers these schemas as its components, the client
// imports the types (type-only, so zod stays out of the browser bundle), and the contract test parses
// a real answer of each endpoint with its schema.
export * from './common.ts';
export * from './entities.ts';
export * from './system.ts';
export * from './ingest.ts';
export * from './reports.ts';
export { countryRef, facet, hubAnswer, hubLink, hubNeighbour, hubPeer, hubPerson } from '../hub-contract.ts';
export type { CountryRef, Facet, HubAnswer, HubLink, HubNeighbour, HubPeer, HubPerson } from '../hub-contract.ts';
export {
  activityPerYear,
  mapCountry,
  mapVisit,
  personSummary,
  pictureEvent,
  summaryCount,
  summaryEventRef,
  summaryTitle,
  timelineAnswer,
  timelineItem,
  timelineLane,
  visitsMap,
  yearCount,
} from '../pictures.ts';
export type {
  ActivityPerYear,
  MapCountry,
  MapVisit,
  PersonSummary,
  PictureEvent,
  SummaryCount,
  SummaryEventRef,
  SummaryTitle,
  TimelineAnswer,
  TimelineItem,
  TimelineLane,
  VisitsMap,
  YearCount,
} from '../pictures.ts';
export {
  acceptResult,
  candidateList,
  candidateView,
  judgeResult,
  judgementEntry,
  judgementLog,
  personSummary as candidatePerson,
  reason,
  titleHeld,
} from '../resolution/contract.ts';
export type {
  AcceptResult,
  CandidateList,
  CandidateView,
  JudgeResult,
  JudgementLog,
  PersonSummary as CandidatePerson,
  Reason,
  TitleHeld,
} from '../resolution/contract.ts';
