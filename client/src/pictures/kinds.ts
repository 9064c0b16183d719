// One colour per event kind, shared by every picture and its legend. Pure.
const ORDER = ['meeting', 'talks', 'call', 'session', 'signing', 'visit', 'summit', 'forum', 'exhibition', 'mission'];
// Tableau-like, dark enough to read on white (each at least 3:1 against #fff).
const COLORS = ['#1d4ed8', '#7c3aed', '#0e7490', '#be185d', '#b91c1c', '#b45309', '#047857', '#4d7c0f', '#6b21a8', '#475569'];

export function kindColor(kind: string): string {
  const i = ORDER.indexOf(kind);
  return COLORS[i >= 0 ? i : COLORS.length - 1]!;
}

/** Kinds in the legend's order (known ones first). */
export function sortKinds(kinds: Iterable<string>): string[] {
  const rank = (k: string) => (ORDER.indexOf(k) < 0 ? ORDER.length : ORDER.indexOf(k));
  return [...new Set(kinds)].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
}

export const SVG_NS = 'http://www.w3.org/2000/svg';
