// Figures: money ("$783 million"), shares ("90%"), multiples ("rose 2.9 times") and counts ("more
// than 180 Afghan entrepreneurs"), each with its qualifier ("over", "about", "expected"), the period
// when the clause gives a year ("in 2024", "January-August 2025"), growth ("grew by 15%") and what it
// is about (the countries and organisations of the clause).
import type { FigureFact } from '../../domain/fact-schema.ts';
import { countryIndex, type Lexed } from './lexical.ts';
import type { Rules } from './rules.ts';
import type { Span } from './text.ts';

export interface FigureDraft {
  label: string;
  value: number;
  unit: string;
  qualifier: FigureFact['qualifier'];
  period?: string;
  change?: string;
  countries: string[];
  quote: Span;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function qualifierOf(before: string): FigureFact['qualifier'] {
  if (/\b(more than|over|surpassed|exceeded|above|in excess of)\s*$/i.test(before)) return 'over';
  if (/\b(about|around|nearly|almost|approximately|some|roughly)\s*$/i.test(before)) return 'about';
  if (/\bexpect(?:s|ed)?\b[^.]*$/i.test(before)) return 'expected';
  return 'exactly';
}

export function findFigures(lexed: Lexed, rules: Rules): FigureDraft[] {
  const countries = countryIndex(rules);
  const figures: FigureDraft[] = [];
  const amount =
    /(?:\$|USD\s?|US\$)\s?(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?|(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion)?\s*(tons|tonnes|%|percent|times|railcars|projects|entrepreneurs|product categories|companies|participants|delegates|agreements|routes|projects|visitors)\b/g;
  for (const sentence of lexed.sentences) {
    const s = sentence.text;
    if (lexed.speech.some((q) => q.start <= sentence.start && sentence.end <= q.end)) continue;
    // Clauses: split at commas and semicolons, so each figure quotes its own part of the sentence.
    let offset = 0;
    for (const clause of s.split(/(?<=[,;])\s+/)) {
      const clauseStart = s.indexOf(clause, offset);
      offset = clauseStart + clause.length;
      for (const m of clause.matchAll(amount)) {
        const before = clause.slice(0, m.index!);
        let value: number;
        let unit: string;
        if (m[1]) {
          value = Number(m[1].replace(/,/g, '')) * (SCALE[m[2] ?? ''] ?? 1);
          unit = 'USD';
        } else {
          value = Number(m[3]!.replace(/,/g, '')) * (SCALE[m[4] ?? ''] ?? 1);
          unit = m[5] === 'percent' ? '%' : m[5] === 'tonnes' || m[5] === 'tons' ? 't' : m[5]!;
          if (unit === '%' && /\bby\s*$/.test(before)) continue; // growth, attached below
        }
        if (!Number.isFinite(value) || (unit !== 'USD' && unit !== '%' && value >= 1900 && value <= 2100 && Number.isInteger(value)))
          continue;
        const start = sentence.start + clauseStart;
        const quote = { start, end: start + clause.replace(/[,;.]+$/, '').length };
        const growth = /\bby\s+(\d+(?:\.\d+)?%)/.exec(s);
        const year = /\b(?:in|for|of)\s+((?:19|20)\d{2})\b/.exec(clause) ?? /\b(?:in|for|of)\s+((?:19|20)\d{2})\b/.exec(s);
        const span =
          /\b(January|February|March|April|May|June|July|August|September|October|November|December)[-–](January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})/.exec(
            clause,
          );
        const period = span
          ? `${span[3]}-${String(MONTHS.indexOf(span[1]!.toLowerCase()) + 1).padStart(2, '0')}/${span[3]}-${String(MONTHS.indexOf(span[2]!.toLowerCase()) + 1).padStart(2, '0')}`
          : year?.[1];
        const found = [...new Set(countries.finder.find(s).map((c) => countries.byPhrase.get(c.phrase)!.iso))];
        const label = clause
          .replace(m[0], '…')
          .replace(/[,;.]+$/, '')
          .trim();
        figures.push({
          label: label.length > 100 ? `${label.slice(0, 97)}…` : label,
          value,
          unit,
          qualifier: qualifierOf(before),
          ...(period ? { period } : {}),
          ...(unit === 'times' ? { change: `${m[3]} times` } : growth && unit === 'USD' ? { change: growth[1]! } : {}),
          countries: found,
          quote,
        });
      }
    }
  }
  return figures;
}
