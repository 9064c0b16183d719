// What GET /api/pictures/* answer: the response contracts of the timeline, the map, the events per
// year and the summary card, written once for the server that builds them and the client that draws them.

/** A quote cut from a source at its span: what every mark, visit and summary line cites. */
export interface PictureQuote {
  sourceId: string;
  quote: string;
  span: { start: number; end: number };
}

export interface PictureSource {
  id: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
}

export interface PictureEvent {
  id: string;
  title: string;
  kind: string;
  status: string;
  start: string | null;
  end: string | null;
  datePrecision: string | null;
}

export type Named = { id: string; name: string };

export interface TimelineLane {
  id: string;
  type: string;
  name: string;
  /** The country the lane's person acted for (ISO code), when the sources say. */
  country: string | null;
  events: number;
  first: string | null;
}

export interface TimelineItem {
  lane: string;
  event: PictureEvent;
  place: string | null;
  /** The subject's role (person timelines) or the lane's (pair timelines). */
  role: string | null;
  inferred: boolean;
  citations: PictureQuote[];
}

export interface TimelineAnswer {
  subject: { kind: 'person'; person: Named } | { kind: 'pair'; a: Named; b: Named };
  window: { from: string | null; to: string | null };
  lanes: TimelineLane[];
  items: TimelineItem[];
  /** Lanes not drawn (beyond `lanes`), and how many marks they hold. */
  otherLanes: { lanes: number; items: number };
  /** Events without a date: in the data, not on the axis. */
  undated: number;
  events: number;
  truncated: boolean;
  sources: PictureSource[];
}

export interface YearCount {
  year: number;
  /** Held events per kind that started and ended in this year. */
  kinds: Record<string, number>;
  meetings: number;
  total: number;
  /** GET this for the year's meetings, each with its quotes. */
  meetingsUrl: string;
}

export interface ActivityPerYear {
  subject: { person: Named | null; country: Named | null };
  years: YearCount[];
  kinds: string[];
  meetingKinds: string[];
  /** Held events with no date, and events that run from one year into the next (counted in neither). */
  undated: Record<string, number>;
  spanningYears: Record<string, number>;
}

export interface MapVisit {
  event: Omit<PictureEvent, 'kind' | 'status'>;
  traveller: Named;
  /** ISO codes: the country the traveller represented (null when the sources do not say) and the one visited. */
  from: string | null;
  to: string;
  places: string[];
  /** Journey number (per answer) when the stop is dated; see `journeyRule`. */
  journey: number | null;
  citations: PictureQuote[];
}

export interface MapCountry {
  iso2: string;
  /** ISO 3166-1 numeric code, which world-atlas shapes carry as their id; null where ISO gave none (Kosovo, former states). */
  ccn3: string | null;
  name: string;
  /** Visits to it, and visits by travellers representing it. */
  visited: number;
  travelled: number;
}

export interface VisitsMap {
  subject: { person: Named | null; country: Named | null };
  window: { from: string | null; to: string | null };
  visits: MapVisit[];
  countries: MapCountry[];
  journeyRule: string;
  truncated: boolean;
  sources: PictureSource[];
}

export interface SummaryEventRef {
  id: string;
  title: string;
  kind: string;
  start: string;
  datePrecision: string | null;
  citations: PictureQuote[];
}

export interface SummaryCount {
  id: string;
  name: string;
  /** ISO code of the country a counterpart acted for, when the sources say. */
  country: string | null;
  events: number;
  first: string | null;
  last: string | null;
  /** The quotes of the first of these events. */
  citations: PictureQuote[];
}

export interface SummaryTitle {
  title: string;
  at: { id: string; name: string; type: string };
  /** Publication dates of the sources that state the title: when it is attested, not a term of office. */
  firstSeen: string | null;
  lastSeen: string | null;
  citations: PictureQuote[];
}

export interface PersonSummary {
  person: Named;
  window: { from: string | null; to: string | null };
  events: number;
  meetings: number;
  visits: number;
  undated: number;
  firstContact: SummaryEventRef | null;
  lastContact: SummaryEventRef | null;
  counterparts: { total: number; top: SummaryCount[] };
  countries: { total: number; top: SummaryCount[] };
  titles: SummaryTitle[];
  truncated: boolean;
  sources: PictureSource[];
}
