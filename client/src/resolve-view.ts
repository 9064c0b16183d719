// What the review tab shows about a candidate pair, as plain data (no DOM), so it is unit-tested:
// the answer of GET /api/resolution/candidates, and the lines the tab writes for each side.

import type { CandidateList, CandidateView, PersonSummary } from '../../domain/resolution/contract.ts';

export type ResolutionPerson = PersonSummary;
export type Candidate = CandidateView;
export type { CandidateList };

export type Verdict = 'same' | 'different' | 'unsure' | 'undo';

/** Keys of the review: s same, d different, u unsure, n or → skip, p or ← back. */
export const REVIEW_KEYS: Record<string, Verdict | 'skip' | 'back'> = {
  s: 'same',
  d: 'different',
  u: 'unsure',
  n: 'skip',
  ArrowRight: 'skip',
  p: 'back',
  ArrowLeft: 'back',
};

const ORIGIN: Record<ResolutionPerson['origin'], string> = {
  articles: 'articles',
  'state-dept': 'State Department data',
  mixed: 'articles and State Department data',
};

export function yearsText(years: { from: number; to: number } | null | undefined): string {
  if (!years) return 'no dates';
  return years.from === years.to ? String(years.from) : `${years.from}–${years.to}`;
}

/** "President · NG · 2024" — what tells two people of one name apart at a glance. */
export function personLine(p: ResolutionPerson): string {
  const title = p.titles[0]?.title;
  return [title, p.countries.map((c) => c.replace('country:', '')).join(', ') || 'no country', yearsText(p.years)]
    .filter(Boolean)
    .join(' · ');
}

export function originText(p: ResolutionPerson): string {
  return `from the ${ORIGIN[p.origin]}, ${p.events} event${p.events === 1 ? '' : 's'}`;
}

export function titleLine(t: ResolutionPerson['titles'][number]): string {
  const when = t.from === null ? '' : t.to === null || t.to === t.from ? ` (${t.from})` : ` (${t.from}–${t.to})`;
  return `${t.title}, ${t.at.replace(/^[a-z]+:/, '')}${when}`;
}

export function weightText(weight: number): string {
  return `${weight > 0 ? '+' : weight < 0 ? '−' : '±'}${Math.abs(weight).toFixed(2)}`;
}

/** The next pair to show after judging or skipping `index` of `count` (null at the end). */
export function nextIndex(index: number, count: number, step: 1 | -1 = 1): number | null {
  const next = index + step;
  return next >= 0 && next < count ? next : null;
}

/** The query string for the list, from the filter fields (empty ones left out). */
export function candidatesQuery(filter: { status: string; country: string; q: string; minScore: string; offset?: number }): string {
  const params = new URLSearchParams({ status: filter.status, limit: '50' });
  if (filter.country.trim()) params.set('country', filter.country.trim());
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.minScore.trim()) params.set('minScore', filter.minScore.trim());
  if (filter.offset) params.set('offset', String(filter.offset));
  return params.toString();
}
