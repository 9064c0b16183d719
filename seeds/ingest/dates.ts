// Dates in a sentence, resolved against the publication date: a stated "14 January 2025" is kept as
// stated; "on January 14", "Oct. 28", "on Tuesday", "yesterday", "earlier this year" take their year
// (or day) from the publication date and say so (basis resolved-from-publication). Without a
// publication date such relative dates are not resolved: unknown stays absent, never guessed.

import * as chrono from 'chrono-node';

export interface FoundDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  basis: 'stated' | 'resolved-from-publication';
  /** The words that give the date, verbatim. */
  quote: string;
  start: number;
  end: number;
}

/** Past events resolve to the latest matching date on or before publication, planned ones to the next. */
export type Tense = 'past' | 'future';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function monthNumber(word: string): number {
  const key = word.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function utc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

function addDays(isoDate: string, days: number): string {
  const d = utc(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The year that puts month/day on the right side of the publication date. */
function yearFor(month: number, day: number, published: string, tense: Tense): number {
  const year = Number(published.slice(0, 4));
  const candidate = iso(year, month, day);
  if (tense === 'past' && candidate > published) return year - 1;
  if (tense === 'future' && candidate < published) return year + 1;
  return year;
}

interface Rule {
  pattern: RegExp;
  resolve(m: RegExpExecArray, published: string | null, tense: Tense): Omit<FoundDate, 'quote' | 'start' | 'end'> | null;
}

const RULES: Rule[] = [
  {
    // "14 January 2025", "January 14, 2025"
    pattern: new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?),?\\s+(\\d{4})\\b`, 'g'),
    resolve(m) {
      const day = Number(m[1] ?? m[4]);
      const month = monthNumber(m[2] ?? m[3]!);
      const year = Number(m[5]);
      return validDay(year, month, day) ? { value: iso(year, month, day), basis: 'stated' } : null;
    },
  },
  {
    // "January 2025"
    pattern: new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'g'),
    resolve(m) {
      return { value: `${m[2]}-${pad(monthNumber(m[1]!))}`, basis: 'stated' };
    },
  },
  {
    // "on January 14", "Oct. 28", "18 April" — year from the publication date
    pattern: new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?)\\b(?!,?\\s+\\d{4})`, 'g'),
    resolve(m, published, tense) {
      if (!published) return null;
      const day = Number(m[1] ?? m[4]);
      const month = monthNumber(m[2] ?? m[3]!);
      const year = yearFor(month, day, published, tense);
      return validDay(year, month, day) ? { value: iso(year, month, day), basis: 'resolved-from-publication' } : null;
    },
  },
  {
    // "on Tuesday"
    pattern: /\b(?:on|last|this|next)?\s*(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g,
    resolve(m, published, tense) {
      if (!published) return null;
      const want = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const have = utc(published).getUTCDay();
      const back = (have - want + 7) % 7;
      const days = tense === 'past' ? -back : (want - have + 7) % 7;
      return { value: addDays(published, days), basis: 'resolved-from-publication' };
    },
  },
  {
    pattern: /\b(yesterday|today|tomorrow)\b/gi,
    resolve(m, published) {
      if (!published) return null;
      const shift = { yesterday: -1, today: 0, tomorrow: 1 }[m[1]!.toLowerCase() as 'yesterday' | 'today' | 'tomorrow'];
      return { value: addDays(published, shift), basis: 'resolved-from-publication' };
    },
  },
  {
    // "in September" (month, year from publication)
    pattern: new RegExp(`\\b(?:in|In|since|during|During)\\s+${MONTH}\\b(?!\\s+\\d)`, 'g'),
    resolve(m, published, tense) {
      if (!published) return null;
      const month = monthNumber(m[1]!);
      const year = yearFor(month, 1, published.slice(0, 8) + '01', tense);
      return { value: `${year}-${pad(month)}`, basis: 'resolved-from-publication' };
    },
  },
  {
    pattern: /\b(?:earlier |later )?(this|last|next) (year|month)\b/gi,
    resolve(m, published) {
      if (!published) return null;
      const which = m[1]!.toLowerCase();
      const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      let year = Number(published.slice(0, 4));
      if (m[2]!.toLowerCase() === 'year') return { value: String(year + shift), basis: 'resolved-from-publication' };
      let month = Number(published.slice(5, 7)) + shift;
      if (month === 0) {
        month = 12;
        year--;
      }
      if (month === 13) {
        month = 1;
        year++;
      }
      return { value: `${year}-${pad(month)}`, basis: 'resolved-from-publication' };
    },
  },
  {
    // "in 2024"
    pattern: /\b(?:in|In|during|since)\s+((?:19|20)\d{2})\b(?![-–/]\d)/g,
    resolve(m) {
      return { value: m[1]!, basis: 'stated' };
    },
  },
];

/**
 * chrono-node for the forms the rules above lack: "two days ago", "a week ago", "the 5th of March".
 * It is not the main resolver: tried on the releases it reads "later in the day" as the next day and
 * puts a past "5th of March" in the coming year, so only these forms are taken from it, the year of
 * a day-month is chosen by the tense as above, and the precision is what the text gives (a day).
 */
function chronoDates(
  text: string,
  published: string | null,
  tense: Tense,
): { index: number; text: string; value: string; basis: FoundDate['basis'] }[] {
  if (!published) return [];
  const reference = { instant: new Date(`${published}T12:00:00Z`), timezone: 0 };
  return chrono.en.parse(text, reference, { forwardDate: tense === 'future' }).flatMap((r) => {
    const ago = /^(?:\d+|an?|one|two|three|four|five|six|seven|ten)\s+(?:days?|weeks?)\s+(?:ago|earlier|later)$/i.test(r.text);
    const ordinalOf = /^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+of\s+\p{L}+$/iu.test(r.text);
    if (!ago && !ordinalOf) return [];
    const month = r.start.get('month');
    const day = r.start.get('day');
    if (!month || !day) return [];
    const year = ordinalOf
      ? r.start.isCertain('year')
        ? r.start.get('year')!
        : yearFor(month, day, published, tense)
      : r.start.get('year')!;
    if (!validDay(year, month, day)) return [];
    return [{ index: r.index, text: r.text, value: iso(year, month, day), basis: 'resolved-from-publication' as const }];
  });
}

/** Every date expression in `text` (offsets shifted by `offset`), earlier rules winning overlaps. */
export function findDates(text: string, published: string | null, tense: Tense, offset = 0): FoundDate[] {
  const found: FoundDate[] = [];
  for (const c of chronoDates(text, published, tense)) {
    const start = offset + c.index;
    found.push({ value: c.value, basis: c.basis, quote: c.text, start, end: start + c.text.length });
  }
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const exec = m as unknown as RegExpExecArray;
      const quote = m[0].trim();
      const start = offset + m.index! + m[0].indexOf(quote);
      const end = start + quote.length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      const resolved = rule.resolve(exec, published, tense);
      if (resolved) found.push({ ...resolved, quote, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
