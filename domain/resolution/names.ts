// How two person names compare, for identity resolution: the project's one folding (foldName, and
// the importer's nameTokens for the compared words), then what an analyst looks at — the same words
// in any order, a word spelt another way (Mohammed/Muhammad, one typo), a shorter form of a fuller
// name (Bola Tinubu / Bola Ahmed Tinubu), middle initials and regnal numbers that tell father and son
// or two kings apart (George H. W. / George W. Bush, Abdullah I / II), given names that differ
// (Hafez / Bashar al-Assad). Pure: no I/O.
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import jaroWinkler from 'jaro-winkler';
import { foldName } from '../gazetteer.ts';
import { nameTokens } from '../name-tokens.ts';

/** Words that join or introduce a name part and say nothing about who it is (al-Assad = Assad). */
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'ben',
  'ould',
  'abd',
  'von',
  'van',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'del',
  'y',
]);
const REGNAL = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/;
const GENERATION = new Set(['jr', 'sr', 'junior', 'senior']);
/** Titles written as part of a name ("Prince Saud al-Faisal", "Archbishop Makarios III"): not who it is. */
const TITLE_WORDS = new Set([
  'prince',
  'princess',
  'king',
  'queen',
  'emir',
  'amir',
  'crown',
  'president',
  'premier',
  'archbishop',
  'mr',
  'mrs',
  'ms',
  'lord',
  'lady',
  'daw',
  'general',
]);

export interface NameParts {
  /** Folded words that identify (particles, honorifics, initials and numbers left out). */
  words: string[];
  /** Middle or given initials as written ("George H. W. Bush" → h, w). */
  initials: string[];
  /** A regnal number or generation ("Abdullah II" → ii, "Jr" → jr). */
  ordinal: string | null;
  /** The name joins a father's name (bin, ibn, bint, ould): its first word is the person's own. */
  patronymic: boolean;
}

const PATRONYMIC = new Set(['bin', 'ibn', 'bint', 'ould']);

const hasVowel = (word: string) => /[aeiouy]/.test(word);

/** Kept between calls: candidate generation compares each name with hundreds of others. Bounded. */
function memo<K, V>(compute: (key: K) => V, limit = 200_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

export const nameParts: (name: string) => Readonly<NameParts> = memo(computeNameParts);

function computeNameParts(name: string): NameParts {
  const folded = foldName(name).split(' ').filter(Boolean);
  const initials: string[] = [];
  let ordinal: string | null = null;
  // A roman numeral closing a name is a regnal number ("Mohammed V", "Juan Carlos I"), not an initial.
  const last = folded.length > 1 && REGNAL.test(folded.at(-1)!) ? folded.at(-1)! : null;
  if (last) ordinal = last;
  for (const token of last ? folded.slice(0, -1) : folded) {
    if (token.length === 1 && token !== 'y') initials.push(token);
    // "HW" written without dots is two initials; a real two-letter name has a vowel ("Wu", "Ai").
    else if (token.length <= 3 && !hasVowel(token) && !REGNAL.test(token)) initials.push(...token);
  }
  const words: string[] = [];
  for (const token of nameTokens(name)) {
    if (REGNAL.test(token) || GENERATION.has(token)) ordinal = token;
    else if (PARTICLES.has(token) || TITLE_WORDS.has(token)) continue;
    else if (token.length <= 3 && !hasVowel(token)) continue;
    else words.push(token);
  }
  // "X bin Y", and Gulf names chained with al- ("Sabah Al-Ahmad Al-Jaber Al-Sabah": Sabah, son of Ahmad, son of Jaber).
  const chained = folded.slice(1).filter((t) => t === 'al').length >= 2;
  return { words, initials, ordinal, patronymic: folded.some((t) => PATRONYMIC.has(t)) || chained };
}

/** Keys that sound alike (Double Metaphone, both codes), for blocking and spelling variants. */
export const soundKeys: (word: string) => readonly string[] = memo((word: string) => {
  const [primary, secondary] = doubleMetaphone(word);
  return [...new Set([primary, secondary].filter((k) => k.length > 0))];
});

export type WordMatch = 'exact' | 'sound' | 'typo';

/** Whether two folded words name the same: equal, alike in sound (one code in common), or one typo apart. */
export function wordMatch(a: string, b: string): WordMatch | null {
  if (a === b) return 'exact';
  if (a.length >= 3 && b.length >= 3) {
    const keys = new Set(soundKeys(a));
    // Alike in sound and in letters (Jaro-Winkler): Mohammed/Muhammad, Enrico/Enrique, Sarkisian/
    // Sargsyan, but not Hassan/Hussein or Mahmoud/Mohammed, distinct names on one consonant skeleton.
    if (a[0] === b[0] && jaroWinkler(a, b) >= 0.84 && soundKeys(b).some((k) => keys.has(k))) return 'sound';
  }
  if (Math.min(a.length, b.length) >= 5 && (distance(a, b) <= 1 || swapped(a, b))) return 'typo';
  return null;
}

/** Two neighbouring letters swapped ("Medhi" / "Mehdi"): one slip of the hand. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

export type NameRelation =
  | 'same' // every word matches, exactly
  | 'variant' // every word matches, some only by sound or one typo
  | 'shorter' // one name's words are all in the other, which has more
  | 'single' // one name is a single word found in the other (a surname or given name alone)
  | 'conflict' // both have words the other lacks (given names differ)
  | 'none'; // no word in common

export interface NameComparison {
  relation: NameRelation;
  /** Pairs of words matched by sound or typo, for the reason ("Mohammed ~ Muhammad"). */
  variants: [string, string][];
  /** Words each side has that the other lacks. */
  onlyA: string[];
  onlyB: string[];
  /** Both give middle initials and they differ (George H. W. / George W.). */
  initialsDiffer: boolean;
  /** Both give a regnal number or generation and they differ (Abdullah I / II, Jr / Sr). */
  ordinalsDiffer: boolean;
  /** A patronymic name whose own (first) name is not the other's: "Salman" is not "Mohammed bin Salman". */
  patronymicDiffers: boolean;
  /** Matched words, for weighting by rarity. */
  shared: string[];
}

/** Matches words greedily, exact matches first, in any order (Kim Dae-jung = Dae Jung Kim). */
export function compareNames(a: Readonly<NameParts>, b: Readonly<NameParts>): NameComparison {
  const restB = [...b.words];
  const restA: string[] = [];
  const shared: string[] = [];
  const variants: [string, string][] = [];
  for (const word of a.words) {
    const at = restB.indexOf(word);
    if (at >= 0) {
      restB.splice(at, 1);
      shared.push(word);
    } else restA.push(word);
  }
  const onlyA: string[] = [];
  for (const word of restA) {
    const at = restB.findIndex((other) => wordMatch(word, other) !== null);
    if (at >= 0) {
      variants.push([word, restB[at]!]);
      shared.push(word);
      restB.splice(at, 1);
    } else onlyA.push(word);
  }
  const onlyB = restB;
  // An initial stands for a word the other side spells out: "G. Bush" has g for george.
  const coveredByInitial = (only: string[], initials: string[]) => only.filter((w) => !initials.includes(w[0]!));
  const uncoveredA = coveredByInitial(onlyA, b.initials);
  const uncoveredB = coveredByInitial(onlyB, a.initials);
  const initialsDiffer = a.initials.length > 0 && b.initials.length > 0 && a.initials.join('') !== b.initials.join('');
  const ordinalsDiffer = a.ordinal !== null && b.ordinal !== null && a.ordinal !== b.ordinal;
  // In "X bin Y" the first word is the person; a shorter form without X names the father Y.
  const ownNameDiffers = a.words.length > 0 && b.words.length > 0 && wordMatch(a.words[0]!, b.words[0]!) === null;
  const patronymicDiffers = (a.patronymic || b.patronymic) && ownNameDiffers;
  let relation: NameRelation;
  if (shared.length === 0) relation = 'none';
  else if (patronymicDiffers) relation = 'conflict';
  else if (uncoveredA.length > 0 && uncoveredB.length > 0) relation = 'conflict';
  else if (uncoveredA.length === 0 && uncoveredB.length === 0 && onlyA.length === 0 && onlyB.length === 0)
    relation = variants.length ? 'variant' : 'same';
  else if (Math.min(a.words.length, b.words.length) === 1) relation = 'single';
  else relation = 'shorter';
  return { relation, variants, onlyA, onlyB, initialsDiffer, ordinalsDiffer, patronymicDiffers, shared };
}
