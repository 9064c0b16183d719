// Sentences, word tokens and phrase search over the cleaned article text, all with character offsets
// into it, so every drafted fact can quote the text verbatim.
import type { Span } from '../../domain/source-text.ts';

export type { Span };

export interface Sentence extends Span {
  index: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mr',
  'ms',
  'mrs',
  'dr',
  'st',
  'no',
  'gen',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'vs',
  'prof',
  'h.e',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  // Honorifics and ranks written with a full stop before a name.
  'amb',
  'hon',
  'rev',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'maj',
  'adm',
  'messrs',
  'mme',
  'engr',
  'dipl',
]);

/** Splits into sentences: at . ! ? followed by a capital/quote/digit, and at line breaks. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) sentences.push({ index: sentences.length, start, end, text: text.slice(start, end) });
  };
  let start = 0;
  const boundary = /([.!?]["”’)]*)(\s+)(?=["“‘(]?[\p{Lu}\d])|\n+/gu;
  for (const match of text.matchAll(boundary)) {
    const at = match.index!;
    if (match[0].startsWith('\n')) {
      push(start, at);
      start = at + match[0].length;
      continue;
    }
    const before = text.slice(start, at);
    const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    // "H.R.H. Prince", "S.M. Krishna": initials and dotted abbreviations do not end a sentence.
    if (ABBREVIATIONS.has(word) || /^(?:\p{L}\.)*\p{L}$/u.test(word)) continue;
    const end = at + match[1]!.length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return sentences;
}

export interface Token extends Span {
  text: string;
  /** Without a possessive ’s. */
  base: string;
  possessive: boolean;
  capitalised: boolean;
  sentence: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-–][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string, sentences: readonly Sentence[]): Token[] {
  const tokens: Token[] = [];
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(WORD)) {
      const word = match[0];
      const start = sentence.start + match.index!;
      const possessive = /['’]s$/u.test(word) && word.length > 3;
      const base = possessive ? word.slice(0, -2) : word;
      tokens.push({
        start,
        end: start + word.length,
        text: word,
        base,
        possessive,
        capitalised: /^\p{Lu}/u.test(word),
        sentence: sentence.index,
      });
    }
  }
  return tokens;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds any of `phrases` as whole words; longest phrase first so "Central Asia" wins over "Asia".
 * Case-sensitive unless `ignoreCase`. Returns the phrase (as listed) for each hit.
 */
export class PhraseFinder {
  private readonly pattern: RegExp | null;
  private readonly canonical = new Map<string, string>();

  /**
   * `between` (a pattern) may stand between the words of a phrase ("spoke today with" for "spoke
   * with"); a hit's phrase is then found again with it taken out.
   */
  constructor(
    phrases: Iterable<string>,
    private readonly ignoreCase = false,
    private readonly between = '',
  ) {
    const list = [...new Set(phrases)].filter((p) => p.trim()).sort((a, b) => b.length - a.length);
    for (const p of list) this.canonical.set(this.key(p), p);
    this.pattern = list.length
      ? new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${list.map((p) => escapeRegExp(p).replace(/['’]/g, "['’]").replace(/ /g, `\\s+${between}`)).join('|')})(?![\\p{L}\\p{N}])`,
          ignoreCase ? 'giu' : 'gu',
        )
      : null;
    this.inside = between ? new RegExp(`\\s+${between}`, ignoreCase ? 'giu' : 'gu') : null;
  }

  private readonly inside: RegExp | null;

  private phraseOf(hit: string): string {
    const direct = this.canonical.get(this.key(hit));
    if (direct || !this.inside) return direct ?? hit;
    // Take out what stood between the words, one gap at a time, until a listed phrase remains.
    const words = hit.split(/\s+/);
    for (let drop = 1; drop < words.length; drop++) {
      for (let at = 1; at + drop <= words.length - 1; at++) {
        const candidate = [...words.slice(0, at), ...words.slice(at + drop)].join(' ');
        const found = this.canonical.get(this.key(candidate));
        if (found) return found;
      }
    }
    return hit;
  }

  private key(text: string): string {
    const k = text.replace(/’/g, "'").replace(/\s+/g, ' ');
    return this.ignoreCase ? k.toLowerCase() : k;
  }

  find(text: string, offset = 0): (Span & { phrase: string; text: string })[] {
    if (!this.pattern) return [];
    return [...text.matchAll(this.pattern)].map((m) => ({
      start: offset + m.index!,
      end: offset + m.index! + m[0].length,
      text: m[0],
      phrase: this.phraseOf(m[0]),
    }));
  }
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
export const inside = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
