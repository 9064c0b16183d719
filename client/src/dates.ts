// The date window: which events and MET edges lie wholly inside [from, to]. Pure: no DOM.
// Same rule as the API: a period (day, month or year) is in the window only if all of it is;
// undated facts cannot be shown to lie in any window and are reported separately.
import { formatPeriod, periodEnd, periodStart, type DatePrecision as Precision } from '../../domain/period.ts';

export { periodEnd, periodStart };
export type WindowStatus = 'in' | 'out' | 'undated' | 'timeless';

export interface Window {
  from?: string;
  to?: string;
}

/** The [start, end] days a dated fact covers, or null when it is undated. */
export function factSpan(data: { start?: unknown; end?: unknown; date?: unknown; datePrecision?: unknown }): [string, string] | null {
  const precision = (data.datePrecision as Precision | undefined) ?? undefined;
  const start = (typeof data.start === 'string' ? data.start : typeof data.date === 'string' ? data.date : null)?.slice(0, 10);
  if (!start || precision === 'unknown') return null;
  if (typeof data.end === 'string') return [start, data.end.slice(0, 10)];
  if (precision === 'year') return [start, periodEnd(start.slice(0, 4))];
  if (precision === 'month') return [start, periodEnd(start.slice(0, 7))];
  return [start, start];
}

/** Whether the window filters this element at all: events (nodes) and MET edges do. */
export function isTimed(data: { type?: unknown }): boolean {
  return data.type === 'event' || data.type === 'MET';
}

export function windowStatus(data: Record<string, unknown>, window: Window): WindowStatus {
  if (!isTimed(data)) return 'timeless';
  const span = factSpan(data);
  if (!span) return 'undated';
  if (window.from && span[0] < periodStart(window.from)) return 'out';
  if (window.to && span[1] > periodEnd(window.to)) return 'out';
  return 'in';
}

/** Whether an element is shown under a window, given whether undated facts are shown. */
export function visibleIn(data: Record<string, unknown>, window: Window, showUndated: boolean): boolean {
  const status = windowStatus(data, window);
  return status === 'in' || status === 'timeless' || (status === 'undated' && showUndated);
}

/** A date as precise as it is known: 2025-02-01 with precision month → "Feb 2025". */
export function formatDate(date: string | null | undefined, precision?: string | null): string {
  return formatPeriod(date, precision, { short: true, none: 'undated' });
}

/** The span of dates in a set of elements, as months (for the time control's hints). */
export function dateExtent(items: Record<string, unknown>[]): { min: string; max: string } | null {
  let min: string | null = null;
  let max: string | null = null;
  for (const data of items) {
    if (!isTimed(data)) continue;
    const span = factSpan(data);
    if (!span) continue;
    if (min === null || span[0] < min) min = span[0];
    if (max === null || span[1] > max) max = span[1];
  }
  return min && max ? { min: min.slice(0, 7), max: max.slice(0, 7) } : null;
}
