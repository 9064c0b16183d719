// Periods as the texts give them — a year "2025", a month "2025-02" or a day "2025-02-07" — checked
// once, here, against the calendar: every boundary (request parameters, saved-query parameters, fact
// files) refuses month 13 or 31 February before anything turns it into a date.

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
/** The shape alone: months 01–12, days 01–31 (isPeriod also checks the day exists in its month). */
export const PERIOD_FORMAT = PERIOD;

/** "2025", "2025-02" or "2025-02-07", a real calendar period (no month 13, no 30 February). */
export function isPeriod(text: string): boolean {
  const match = PERIOD.exec(text);
  if (!match) return false;
  const [, y, m, d] = match;
  return d === undefined || new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDate() === Number(d);
}

/** A whole day, "2025-02-07", that exists. */
export function isDay(text: string): boolean {
  return text.length === 10 && isPeriod(text);
}

export const PERIOD_HINT = 'a date YYYY-MM-DD, or a month YYYY-MM, or a year YYYY';
