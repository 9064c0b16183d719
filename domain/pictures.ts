// What GET /api/pictures/* answer: the response contracts (zod, types inferred) of the timeline, the
// map, the events per year and the summary card, written once for the server that builds them, the
// OpenAPI document and the client that draws them.
import { z } from 'zod';
import { quote, sourceSummary, window } from './contracts/common.ts';

/** A quote cut from a source at its span: what every mark, visit and summary line cites. */
export const pictureQuote = quote;
export type PictureQuote = z.infer<typeof pictureQuote>;

export const pictureSource = sourceSummary;
export type PictureSource = z.infer<typeof pictureSource>;

export const pictureEvent = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    status: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    datePrecision: z.string().nullable(),
  })
  .strict();
export type PictureEvent = z.infer<typeof pictureEvent>;

export const named = z.object({ id: z.string(), name: z.string() }).strict();
export type Named = z.infer<typeof named>;

export const timelineLane = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    /** The country the lane's person acted for (ISO code), when the sources say. */
    country: z.string().nullable(),
    events: z.number().int(),
    first: z.string().nullable(),
  })
  .strict();
export type TimelineLane = z.infer<typeof timelineLane>;

export const timelineItem = z
  .object({
    lane: z.string(),
    event: pictureEvent,
    place: z.string().nullable(),
    /** The subject's role (person timelines) or the lane's (pair timelines). */
    role: z.string().nullable(),
    inferred: z.boolean(),
    citations: z.array(pictureQuote),
  })
  .strict();
export type TimelineItem = z.infer<typeof timelineItem>;

export const timelineAnswer = z
  .object({
    subject: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('person'), person: named }).strict(),
      z.object({ kind: z.literal('pair'), a: named, b: named }).strict(),
    ]),
    window,
    lanes: z.array(timelineLane),
    items: z.array(timelineItem),
    /** Lanes not drawn (beyond `lanes`), and how many marks they hold. */
    otherLanes: z.object({ lanes: z.number().int(), items: z.number().int() }).strict(),
    /** Events without a date: in the data, not on the axis. */
    undated: z.number().int(),
    events: z.number().int(),
    truncated: z.boolean(),
    sources: z.array(pictureSource),
  })
  .strict();
export type TimelineAnswer = z.infer<typeof timelineAnswer>;

const counts = z.record(z.number().int());

export const yearCount = z
  .object({
    year: z.number().int(),
    /** Held events per kind that started and ended in this year. */
    kinds: counts,
    meetings: z.number().int(),
    total: z.number().int(),
    /** GET this for the year's meetings, each with its quotes. */
    meetingsUrl: z.string(),
  })
  .strict();
export type YearCount = z.infer<typeof yearCount>;

const subject = z.object({ person: named.nullable(), country: named.nullable() }).strict();

export const activityPerYear = z
  .object({
    subject,
    years: z.array(yearCount),
    kinds: z.array(z.string()),
    meetingKinds: z.array(z.string()),
    /** Held events with no date, and events that run from one year into the next (counted in neither). */
    undated: counts,
    spanningYears: counts,
  })
  .strict();
export type ActivityPerYear = z.infer<typeof activityPerYear>;

export const mapVisit = z
  .object({
    event: pictureEvent.omit({ kind: true, status: true }),
    traveller: named,
    /** ISO codes: the country the traveller represented (null when the sources do not say) and the one visited. */
    from: z.string().nullable(),
    to: z.string(),
    places: z.array(z.string()),
    /** Journey number (per answer) when the stop is dated; see `journeyRule`. */
    journey: z.number().int().nullable(),
    citations: z.array(pictureQuote),
  })
  .strict();
export type MapVisit = z.infer<typeof mapVisit>;

export const mapCountry = z
  .object({
    iso2: z.string(),
    /** ISO 3166-1 numeric code, which world-atlas shapes carry as their id; null where ISO gave none (Kosovo, former states). */
    ccn3: z.string().nullable(),
    name: z.string(),
    /** Visits to it, and visits by travellers representing it. */
    visited: z.number().int(),
    travelled: z.number().int(),
  })
  .strict();
export type MapCountry = z.infer<typeof mapCountry>;

export const visitsMap = z
  .object({
    subject,
    window,
    visits: z.array(mapVisit),
    countries: z.array(mapCountry),
    journeyRule: z.string(),
    truncated: z.boolean(),
    sources: z.array(pictureSource),
  })
  .strict();
export type VisitsMap = z.infer<typeof visitsMap>;

export const summaryEventRef = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    start: z.string(),
    datePrecision: z.string().nullable(),
    citations: z.array(pictureQuote),
  })
  .strict();
export type SummaryEventRef = z.infer<typeof summaryEventRef>;

export const summaryCount = z
  .object({
    id: z.string(),
    name: z.string(),
    /** ISO code of the country a counterpart acted for, when the sources say. */
    country: z.string().nullable(),
    events: z.number().int(),
    first: z.string().nullable(),
    last: z.string().nullable(),
    /** The quotes of the first of these events. */
    citations: z.array(pictureQuote),
  })
  .strict();
export type SummaryCount = z.infer<typeof summaryCount>;

export const summaryTitle = z
  .object({
    title: z.string(),
    at: z.object({ id: z.string(), name: z.string(), type: z.string() }).strict(),
    /** Publication dates of the sources that state the title: when it is attested, not a term of office. */
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    citations: z.array(pictureQuote),
  })
  .strict();
export type SummaryTitle = z.infer<typeof summaryTitle>;

export const personSummary = z
  .object({
    person: named,
    window,
    events: z.number().int(),
    meetings: z.number().int(),
    visits: z.number().int(),
    undated: z.number().int(),
    firstContact: summaryEventRef.nullable(),
    lastContact: summaryEventRef.nullable(),
    counterparts: z.object({ total: z.number().int(), top: z.array(summaryCount) }).strict(),
    countries: z.object({ total: z.number().int(), top: z.array(summaryCount) }).strict(),
    titles: z.array(summaryTitle),
    truncated: z.boolean(),
    sources: z.array(pictureSource),
  })
  .strict();
export type PersonSummary = z.infer<typeof personSummary>;
