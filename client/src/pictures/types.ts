// The pictures' API answers (GET /api/pictures/*): the contracts the server builds, under the names
// the client's modules use.
export type {
  ActivityPerYear as YearsAnswer,
  PersonSummary as SummaryAnswer,
  PictureEvent,
  SummaryCount,
  TimelineAnswer,
  VisitsMap as MapAnswer,
} from '../../../domain/pictures.ts';
