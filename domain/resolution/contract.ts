// What the resolution API answers, defined once for the server and the explorer (types only, no
// imports, so the client can use it as it is).

/** One part of a pair's score: what it is about, what it adds (negative: two people), and why. */
export interface Reason {
  feature: 'name' | 'initials' | 'ordinal' | 'country' | 'title' | 'years' | 'together';
  weight: number;
  text: string;
}

/** A title a person holds, where (an organisation or country id) and of which country, and when attested. */
export interface TitleHeld {
  title: string;
  at: string;
  country: string | null;
  from: number | null;
  to: number | null;
}

/** A person as a candidate pair shows them. */
export interface PersonSummary {
  id: string;
  name: string;
  aliases: string[];
  countries: string[];
  titles: TitleHeld[];
  years: { from: number; to: number } | null;
  /** Curated or ingested articles, the State Department import, or both. */
  origin: 'articles' | 'state-dept' | 'mixed';
  events: number;
  note: string | null;
}

export interface JudgementView {
  verdict: 'same' | 'different' | 'unsure';
  by: string;
  at: string;
  note?: string | undefined;
}

export interface CandidateView {
  a: PersonSummary;
  b: PersonSummary;
  score: number;
  likely: boolean;
  reasons: Reason[];
  judgement: JudgementView | null;
}

export interface CandidateList {
  candidates: CandidateView[];
  total: number;
  threshold: number;
  /** How the list was made: people read, blocks, pairs compared, and where the time went (ms). */
  stats: { people: number; blocks: number; largestBlock: number; skippedKeys: number; pairsCompared: number; candidates: number; ms: number; readMs: number; scoringMs: number; contextMs: number };
}
