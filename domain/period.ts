// Periods as the texts give them — a year (YYYY), a month (YYYY-MM) or a day (YYYY-MM-DD) — in one
// place: parsing, the first and last day they cover, their precision, and how they are worded. A fact
// dated "February 2025" covers 1–28 February; it is never given a made-up day.
import { z } from 'zod';

export type Precision = 'day' | 'month' | 'year';
/** A stored fact's precision; `unknown` when the text gives no date. */
export type DatePrecision = Precision | 'unknown';

/** YYYY, YYYY-MM or YYYY-MM-DD with a month 01–12 and a day 01–31 (see isPeriod for real days). */
export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const PERIOD_HINT = 'a date YYYY-MM-DD, or a month YYYY-MM, or a year YYYY';

const pad = (n: number) => String(n).padStart(2, '0');

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar day, stored in the graph as a Cypher Date (the graph layer converts it). */
export class CalendarDay {
  readonly iso: string;
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {
    this.iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  }

  static fromIso(iso: string): CalendarDay {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return new CalendarDay(y, m, d);
  }

  toString(): string {
    return this.iso;
  }
}

/** Whether text is a well-formed period whose day, if any, exists (no 31 April, no 29 Feb 2025). */
export function isPeriod(text: string): boolean {
  if (!PERIOD_PATTERN.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  return d === undefined || d <= lastDayOfMonth(y!, m!);
}

/** A period as zod validates it in requests and fact files: well formed, then a real day. */
export function periodSchema(hint: string = PERIOD_HINT) {
  return z
    .string()
    .regex(PERIOD_PATTERN, hint)
    .refine((text) => !PERIOD_PATTERN.test(text) || isPeriod(text), 'a real calendar date');
}

export function precisionOf(period: string): Precision {
  const parts = period.split('-').length;
  return parts === 3 ? 'day' : parts === 2 ? 'month' : 'year';
}

/** First day of a period: "2025-02" → "2025-02-01". */
export function periodStart(period: string): string {
  const [y, m = '01', d = '01'] = period.split('-');
  return `${y}-${m}-${d}`;
}

/** Last day of a period: "2025-02" → "2025-02-28", "2024" → "2024-12-31". */
export function periodEnd(period: string): string {
  const [ys, ms, ds] = period.split('-');
  const y = Number(ys);
  const m = ms === undefined ? 12 : Number(ms);
  return `${ys}-${pad(m)}-${ds ?? pad(lastDayOfMonth(y, m))}`;
}

/** The first or last day of an optional period as a CalendarDay; null when there is no period. */
export function periodBound(period: string | undefined | null, edge: 'start' | 'end'): CalendarDay | null {
  if (!period) return null;
  return CalendarDay.fromIso(edge === 'start' ? periodStart(period) : periodEnd(period));
}

/** "2025-02" → the first and last day of February 2025 with precision month; `until` ends a range. */
export function dateRange(period: string, until?: string): { start: CalendarDay; end: CalendarDay; precision: Precision } {
  return { start: periodBound(period, 'start')!, end: periodBound(until ?? period, 'end')!, precision: precisionOf(period) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date worded only as precisely as it is known: "14 January 2025", "February 2025", "2025";
 * `short` months give "14 Jan 2025". Without a date: `none` ("date not given" by default).
 */
export function formatPeriod(start: unknown, precision: unknown, options: { short?: boolean; none?: string } = {}): string {
  const none = options.none ?? 'date not given';
  if (typeof start !== 'string' || !start || precision === 'unknown') return none;
  const [y, m, d] = start.slice(0, 10).split('-');
  const name = m ? MONTHS[Number(m) - 1] : undefined;
  const month = name && options.short ? name.slice(0, 3) : name;
  if (precision === 'year' || !month) return y!;
  if (precision === 'month' || !d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}
