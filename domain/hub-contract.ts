// The /api/entities/:id/hub answer: a busy entity's counterparts (one entry each, weighted by
// meetings), its other neighbours with the keys a reader groups them by, and what a date window hides.
// One contract for the server that builds it and the explorer that draws it. Types only.

export type CountryRef = { id: string; name: string } | null;

export interface HubPerson {
  id: string;
  name: string;
  /** Meetings with the centre in the window. */
  meetings: number;
  first: string | null;
  last: string | null;
  inferred: number;
  /** All their MET, with anyone, at any time. */
  degree: number;
  country: CountryRef;
}

export interface HubPeer {
  a: string;
  b: string;
  meetings: number;
  first: string | null;
  last: string | null;
}

export interface HubNeighbour {
  id: string;
  type: string;
  name: string;
  kind: string | null;
  status: string | null;
  start: string | null;
  end: string | null;
  datePrecision: string | null;
  /** The relationship to the centre. */
  link: { type: string; outgoing: boolean; role: string | null; title: string | null; inferred: boolean };
  /** The group keys: kind (an event kind, else the type), year (or "undated"; null when timeless), country. */
  group: { kind: string; year: string | null; country: CountryRef };
  /** The event it is part of (a meeting inside a visit). */
  parent: string | null;
  /** Undated: shown because no window is set or undated ones were asked for. */
  undated: boolean;
}

export interface HubLink {
  from: string;
  to: string;
  type: string;
  role: string | null;
  inferred: boolean;
}

export interface Facet {
  key: string;
  label: string;
  count: number;
}

export interface HubAnswer {
  center: { id: string; type: string; name: string; kind: string | null };
  query: { from: string | null; to: string | null; includeUndated: boolean; kind: string | null; year: string | null; country: string | null; limit: number };
  people: HubPerson[];
  peers: HubPeer[];
  neighbours: HubNeighbour[];
  links: HubLink[];
  /** Counts of the neighbours in the window by kind, year and country (before the kind/year/country filter and the limit). */
  facets: { kinds: Facet[]; years: Facet[]; countries: Facet[] };
  /** Neighbours in the window (filtered), of which `neighbours` lists the first `limit`. */
  total: number;
  truncated: boolean;
  /** What the window leaves out: meetings and events dated outside it, and undated ones. */
  hidden: { meetingsOutside: number; meetingsUndated: number; eventsOutside: number; eventsUndated: number };
  /** Dated activity (all time, whatever the window): events by month (or year), meetings among them. */
  activity: { period: string; events: number; meetings: number }[];
  undatedActivity: number;
}
