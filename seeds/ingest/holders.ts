// Offices named without a person ("the Foreign Minister of Kenya", "Kenya's Foreign Minister") linked
// to who the graph knows held them at the date in question: a title held of that country (HOLDS,
// with firstSeen/lastSeen, the publication dates that attest it). The drafter never adds such a
// person to a fact on its own: it says who it probably is, how sure, and why, for the reviewer.
import { foldName } from '../../domain/gazetteer.ts';
import { findDates } from './dates.ts';
import type { Lexed } from './lexical.ts';
import { countryIndex } from './lexical.ts';
import type { Rules } from './rules.ts';
import type { Span } from './text.ts';
import type { HolderSuggestion } from '../../domain/contracts/ingest.ts';

export interface KnownHolding {
  person: string;
  name: string;
  title: string;
  /** ISO code of the country the title is held of (directly, or of the body it is held at). */
  country: string;
  firstSeen?: string | undefined;
  lastSeen?: string | undefined;
}

/** An office named without a person, with who held it at that date (the API's contract). */
export type { HolderSuggestion };

const STOP = new Set(['of', 'for', 'the', 'and', 's']);
const words = (title: string) =>
  new Set(
    foldName(title)
      .split(/[^a-z]+/)
      .filter((w) => w && !STOP.has(w)),
  );

/** "Foreign Minister" and "Minister of Foreign Affairs" are one office: the same head, one's words within the other's. */
export function sameOffice(a: string, b: string, heads: ReadonlySet<string>): boolean {
  const x = words(a);
  const y = words(b);
  const head = (s: Set<string>) => [...s].filter((w) => heads.has(w));
  const hx = head(x);
  if (!hx.length || hx.join() !== head(y).join()) return false;
  // Modifiers that change the office ("deputy", "vice", "first") must agree.
  for (const m of ['deputy', 'vice', 'first', 'acting', 'prime', 'state', 'general']) if (x.has(m) !== y.has(m)) return false;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  return [...small].every((w) => large.has(w));
}

export function findHolderSuggestions(
  lexed: Lexed,
  rules: Rules,
  holdings: readonly KnownHolding[],
  published: string | null,
  named: readonly Span[],
): HolderSuggestion[] {
  if (!holdings.length) return [];
  const countries = countryIndex(rules);
  const heads = rules.lexicon.titles.heads.filter((h) => /^[\p{L}-]+$/u.test(h));
  const headSet = new Set(heads.map((h) => h.toLowerCase()));
  const mods = rules.lexicon.titles.modifiers.map((m) => `[${m[0]!.toUpperCase()}${m[0]}]${m.slice(1)}`).join('|');
  const title = `(?:(?:${mods})\\s+){0,3}(?:${heads.map((h) => `${h[0]!.toUpperCase()}${h.slice(1)}`).join('|')})(?:\\s+(?:of|for)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}]+(?:\\s+(?:and\\s+)?\\p{Lu}[\\p{L}]+)*)?`;
  const country = [...countries.byPhrase.keys()]
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const patterns = [
    new RegExp(`\\b[Tt]he\\s+(${title})\\s+of\\s+(?:the\\s+)?(${country})(?![\\p{L}])`, 'gu'),
    new RegExp(`(?<![\\p{L}])(${country})(?:['’]s)?\\s+(${title})(?![\\p{L}])`, 'gu'),
  ];
  const out: HolderSuggestion[] = [];
  for (const sentence of lexed.sentences) {
    for (const [k, re] of patterns.entries()) {
      for (const m of sentence.text.matchAll(re)) {
        const office = k === 0 ? m[1]! : m[2]!;
        const place = countries.byPhrase.get(k === 0 ? m[2]! : m[1]!);
        if (!place) continue;
        const span = { start: sentence.start + m.index!, end: sentence.start + m.index! + m[0].length };
        // An office with its holder's name right after it (or inside a named person's title) is not unnamed.
        const next = lexed.text.slice(span.end, span.end + 40);
        if (
          named.some((n) => n.start <= span.end + 3 && span.start <= n.end) ||
          /^,?\s+(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?\s+)?\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(next)
        )
          continue;
        const dates = findDates(sentence.text, published, 'past', sentence.start);
        const date = dates.find((d) => d.value.length === 10)?.value ?? published;
        const candidates = holdings
          .filter((h) => h.country === place.iso && sameOffice(h.title, office, headSet))
          .flatMap((h) => {
            if (!date || !h.firstSeen || !h.lastSeen) return [{ h, confidence: 0.4, why: 'holds the office; no date to check it against' }];
            if (h.firstSeen <= date && date <= h.lastSeen)
              return [{ h, confidence: 0.8, why: `attested in this office from ${h.firstSeen} to ${h.lastSeen}` }];
            const gap =
              Math.min(Math.abs(Date.parse(date) - Date.parse(h.firstSeen)), Math.abs(Date.parse(date) - Date.parse(h.lastSeen))) /
              86_400_000;
            return gap <= 366
              ? [{ h, confidence: 0.5, why: `attested in this office from ${h.firstSeen} to ${h.lastSeen}, within a year of ${date}` }]
              : [];
          });
        if (!candidates.length) continue;
        // Several people fit: none is more likely than the others.
        const share = candidates.length > 1 ? 0.5 : 1;
        out.push({
          phrase: lexed.text.slice(span.start, span.end),
          span,
          date,
          candidates: candidates.map(({ h, confidence, why }) => ({
            id: h.person,
            name: h.name,
            title: h.title,
            firstSeen: h.firstSeen,
            lastSeen: h.lastSeen,
            confidence: confidence * share,
            why,
          })),
        });
      }
    }
  }
  return out;
}
