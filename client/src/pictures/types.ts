// The pictures' API answers (GET /api/pictures/*), as the client reads them.
import type { Evidence, SourceInfo } from '../types.ts';

export interface PictureEvent {
  id: string;
  title: string;
  kind: string;
  status: string;
  start: string | null;
  end: string | null;
  datePrecision: string | null;
}

export interface TimelineAnswer {
  subject: { kind: 'person'; person: { id: string; name: string } } | { kind: 'pair'; a: { id: string; name: string }; b: { id: string; name: string } };
  window: { from: string | null; to: string | null };
  lanes: { id: string; type: string; name: string; country: string | null; events: number; first: string | null }[];
  items: { lane: string; event: PictureEvent; place: string | null; role: string | null; inferred: boolean; citations: Evidence[] }[];
  otherLanes: { lanes: number; items: number };
  undated: number;
  events: number;
  truncated: boolean;
  sources: SourceInfo[];
}

export interface YearsAnswer {
  subject: { person: { id: string; name: string } | null; country: { id: string; name: string } | null };
  years: { year: number; kinds: Record<string, number>; meetings: number; total: number; meetingsUrl: string }[];
  kinds: string[];
  meetingKinds: string[];
  undated: Record<string, number>;
  spanningYears: Record<string, number>;
}

export interface MapAnswer {
  subject: { person: { id: string; name: string } | null; country: { id: string; name: string } | null };
  window: { from: string | null; to: string | null };
  visits: { event: Omit<PictureEvent, 'kind' | 'status'>; traveller: { id: string; name: string }; from: string | null; to: string; places: string[]; journey: number | null; citations: Evidence[] }[];
  countries: { iso2: string; name: string; visited: number; travelled: number }[];
  journeyRule: string;
  truncated: boolean;
  sources: SourceInfo[];
}

export interface SummaryCount {
  id: string;
  name: string;
  country: string | null;
  events: number;
  first: string | null;
  last: string | null;
  citations: Evidence[];
}

export interface SummaryAnswer {
  person: { id: string; name: string };
  window: { from: string | null; to: string | null };
  events: number;
  meetings: number;
  visits: number;
  undated: number;
  firstContact: { id: string; title: string; kind: string; start: string; datePrecision: string | null; citations: Evidence[] } | null;
  lastContact: SummaryAnswer['firstContact'];
  counterparts: { total: number; top: SummaryCount[] };
  countries: { total: number; top: SummaryCount[] };
  titles: { title: string; at: { id: string; name: string; type: string }; firstSeen: string | null; lastSeen: string | null; citations: Evidence[] }[];
  truncated: boolean;
  sources: SourceInfo[];
}
