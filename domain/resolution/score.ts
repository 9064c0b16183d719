// Scores a pair of people as "maybe one person", from what the graph says about each: their names
// (names.ts), countries, titles and the years they are attested, and whether they were ever present
// together (two people at one meeting are two people). Every part of the score is a reason an
// analyst can read and check. Pure: no I/O.
import { foldName } from '../gazetteer.ts';
import type { PersonSummary, Reason, TitleHeld } from './contract.ts';
import { compareNames, nameParts, type NameComparison, type NameParts, type NameRelation } from './names.ts';

export type { Reason, TitleHeld };

/** Scores from here up are shown as "likely the same person" (the threshold measured in docs/resolution.md). */
export const LIKELY_SAME = 0.6;

/** What the scorer knows about a person (the API summarises it as a PersonSummary). */
export type PersonProfile = PersonSummary;

export interface PairScore {
  score: number;
  reasons: Reason[];
}

/** What the pair's graph neighbourhood says, read only for pairs worth scoring in full. */
export interface PairContext {
  /** Events both were present at (not merely mentioned), by name; or that they met each other. */
  together: string[];
}

/** How often a name word occurs among all people: a rare surname shared means more than "Kim". */
export type WordFrequency = (word: string) => number;

const NAME_WEIGHT: Record<NameRelation, number> = { same: 0.6, variant: 0.5, shorter: 0.45, single: 0.25, conflict: 0.05, none: 0 };
const RANK: Record<NameRelation, number> = { same: 5, variant: 4, shorter: 3, single: 2, conflict: 1, none: 0 };

/** Titles compared without the words that do not change the office. */
const TITLE_NOISE = new Set(['acting', 'interim', 'elect', 'designate', 'former', 'the', 'of']);
export function officeKey(title: string): string {
  return foldName(title)
    .split(' ')
    .filter((w) => w && !TITLE_NOISE.has(w))
    .join(' ');
}

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const initialsText = (initials: string[]) => initials.map((i) => `${i.toUpperCase()}.`).join(' ');

interface NameMatch {
  comparison: NameComparison;
  a: NameParts;
  b: NameParts;
  nameA: string;
  nameB: string;
}

/** The best-matching pair among every name and alias of the two. */
export function bestNameMatch(a: PersonProfile, b: PersonProfile): NameMatch {
  let best: NameMatch | undefined;
  const namesA = [a.name, ...a.aliases];
  const namesB = [b.name, ...b.aliases];
  // An ordinal or middle initials conflict anywhere among the names counts: an alias never hides it.
  for (const nameA of namesA) {
    const partsA = nameParts(nameA);
    for (const nameB of namesB) {
      const partsB = nameParts(nameB);
      const comparison = compareNames(partsA, partsB);
      const better =
        !best ||
        RANK[comparison.relation] > RANK[best.comparison.relation] ||
        (RANK[comparison.relation] === RANK[best.comparison.relation] && comparison.shared.length > best.comparison.shared.length);
      if (better) best = { comparison, a: partsA, b: partsB, nameA, nameB };
    }
  }
  return best!;
}

function yearGap(a: PersonProfile['years'], b: PersonProfile['years']): number | null {
  if (!a || !b) return null;
  if (a.to < b.from) return b.from - a.to;
  if (b.to < a.from) return a.from - b.to;
  return 0;
}

const overlaps = (x: TitleHeld, y: TitleHeld) =>
  x.from !== null && x.to !== null && y.from !== null && y.to !== null && x.from <= y.to + 1 && y.from <= x.to + 1;

/**
 * The most a pair could score from its names with every attribute in its favour: candidate
 * generation skips pairs whose ceiling is below the floor without building their reasons.
 */
export function scoreCeiling(a: PersonProfile, b: PersonProfile): number {
  const { comparison: c, a: pa, b: pb } = bestNameMatch(a, b);
  if (c.relation === 'conflict' || c.relation === 'none') return NAME_WEIGHT[c.relation];
  const single = Math.min(pa.words.length, pb.words.length) <= 1 || c.relation === 'single';
  return (single ? Math.max(0.3, NAME_WEIGHT[c.relation]) : NAME_WEIGHT[c.relation]) + 0.1 + 0.45 * (single ? 0.6 : 1);
}

export function scorePair(
  a: PersonProfile,
  b: PersonProfile,
  context: PairContext = { together: [] },
  frequency: WordFrequency = () => 1,
): PairScore {
  const reasons: Reason[] = [];
  const add = (feature: Reason['feature'], weight: number, text: string) =>
    reasons.push({ feature, weight: Math.round(weight * 100) / 100, text });
  const { comparison: c, a: pa, b: pb, nameA, nameB } = bestNameMatch(a, b);
  // Middle initials or a regnal number in the names as given count even when an alias fits better.
  const given = { a: nameParts(a.name), b: nameParts(b.name) };
  const primary = compareNames(given.a, given.b);

  const singleWord = Math.min(pa.words.length, pb.words.length) <= 1;
  const variantText = c.variants.map(([x, y]) => `${cap(x)} ~ ${cap(y)}`).join(', ');
  switch (c.relation) {
    case 'same':
      add(
        'name',
        singleWord ? 0.3 : NAME_WEIGHT.same,
        singleWord ? `one-word name "${nameA}" on both` : `same name after folding ("${nameA}" / "${nameB}")`,
      );
      break;
    case 'variant':
      add('name', singleWord ? 0.25 : NAME_WEIGHT.variant, `same name spelt differently (${variantText})`);
      break;
    case 'shorter':
      add(
        'name',
        NAME_WEIGHT.shorter,
        `"${pa.words.length < pb.words.length ? nameA : nameB}" is a shorter form of "${pa.words.length < pb.words.length ? nameB : nameA}"${variantText ? ` (${variantText})` : ''}`,
      );
      break;
    case 'single':
      add(
        'name',
        NAME_WEIGHT.single,
        `"${pa.words.length <= pb.words.length ? nameA : nameB}" names one word of "${pa.words.length <= pb.words.length ? nameB : nameA}" only`,
      );
      break;
    case 'conflict':
      add(
        'name',
        NAME_WEIGHT.conflict,
        c.patronymicDiffers
          ? `own names differ in a patronymic name ("${nameA}" / "${nameB}": X bin Y is Y's child)`
          : `names differ: ${[...c.onlyA].map(cap).join(' ')} / ${[...c.onlyB].map(cap).join(' ')} (shared: ${c.shared.map(cap).join(' ')})`,
      );
      break;
    case 'none':
      add('name', 0, 'no name word in common');
  }
  if (c.relation !== 'none' && c.relation !== 'conflict' && c.shared.length > 0) {
    const rarest = Math.min(...c.shared.map(frequency));
    if (singleWord && rarest <= 3)
      add('name', 0.1, `"${cap(c.shared[0]!)}" is a rare name (${rarest} ${rarest === 1 ? 'person' : 'people'})`);
    else if (rarest >= 20) add('name', -0.1, `every shared word is common (${rarest}+ people share the rarest)`);
  }
  const initials = c.initialsDiffer ? [pa, pb] : primary.initialsDiffer ? [given.a, given.b] : null;
  if (initials)
    add('initials', -0.5, `middle initials differ: ${initialsText(initials[0]!.initials)} / ${initialsText(initials[1]!.initials)}`);
  const ordinals = c.ordinalsDiffer ? [pa, pb] : primary.ordinalsDiffer ? [given.a, given.b] : null;
  if (ordinals)
    add(
      'ordinal',
      -0.6,
      `regnal numbers or generations differ: ${ordinals[0]!.ordinal!.toUpperCase()} / ${ordinals[1]!.ordinal!.toUpperCase()}`,
    );

  // Country, title and years support a name that fits; they never make two different names one
  // person (a successor holds the same office in the same country), so their support is scaled by
  // how well the names fit. What speaks against one person counts in full.
  const support = c.relation === 'conflict' || c.relation === 'none' ? 0 : c.relation === 'single' || singleWord ? 0.6 : 1;
  const countriesA = new Set(a.countries);
  const sharedCountries = b.countries.filter((x) => countriesA.has(x));
  if (sharedCountries.length > 0)
    add('country', 0.2 * support, `same country (${sharedCountries.map((x) => x.replace('country:', '')).join(', ')})`);
  else if (a.countries.length > 0 && b.countries.length > 0) {
    add(
      'country',
      -0.3,
      `different countries (${a.countries.map((x) => x.replace('country:', '')).join(', ')} / ${b.countries.map((x) => x.replace('country:', '')).join(', ')})`,
    );
  }

  let office: { title: string; concurrent: boolean } | undefined;
  for (const x of a.titles) {
    for (const y of b.titles) {
      if (officeKey(x.title) !== officeKey(y.title) || !officeKey(x.title)) continue;
      if (x.country !== null && y.country !== null && x.country !== y.country) continue;
      const concurrent = overlaps(x, y);
      if (!office || (concurrent && !office.concurrent)) office = { title: x.title, concurrent };
    }
  }
  if (office)
    add('title', (office.concurrent ? 0.2 : 0.15) * support, `both hold "${office.title}"${office.concurrent ? ' in the same years' : ''}`);

  const gap = yearGap(a.years, b.years);
  if (gap !== null) {
    if (gap <= 10) add('years', 0.05 * support, gap === 0 ? 'attested in overlapping years' : `attested ${gap} years apart`);
    else if (gap > 40) add('years', -0.35, `attested ${gap} years apart`);
    else if (gap > 20) add('years', -0.15, `attested ${gap} years apart`);
  }

  if (context.together.length > 0) {
    add(
      'together',
      -0.7,
      `both present at ${context.together.length === 1 ? '' : `${context.together.length} events, e.g. `}"${context.together[0]}": two people`,
    );
  }
  const total = reasons.reduce((sum, r) => sum + r.weight, 0);
  return { score: Math.round(Math.max(0, Math.min(1, total)) * 1000) / 1000, reasons };
}
