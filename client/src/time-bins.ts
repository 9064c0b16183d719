// The time control's histogram: an entity's activity (events by month, or by year when only the year
// is known) in bins of months or years, and the window a pair of bins stands for. Pure: no DOM.

export interface ActivityBucket {
  period: string;
  events: number;
  meetings: number;
}

export interface Bins {
  unit: 'year' | 'month';
  /** One label per bin: YYYY or YYYY-MM, also the window bound it stands for. */
  labels: string[];
  events: number[];
  meetings: number[];
}

/** Up to this many years the histogram shows months. */
const MONTHS_UP_TO_YEARS = 6;

const pad = (n: number) => String(n).padStart(2, '0');

export function binsOf(activity: readonly ActivityBucket[]): Bins | null {
  if (!activity.length) return null;
  const years = activity.map((a) => Number(a.period.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years);
  // Year-only dates cannot go in a month bin: months only when every date has a month.
  const unit = last - first + 1 <= MONTHS_UP_TO_YEARS && activity.every((a) => a.period.length === 7) ? 'month' : 'year';
  const labels: string[] = [];
  if (unit === 'year') for (let y = first; y <= last; y++) labels.push(String(y));
  else for (let y = first; y <= last; y++) for (let m = 1; m <= 12; m++) labels.push(`${y}-${pad(m)}`);
  const index = new Map(labels.map((l, i) => [l, i]));
  const events = labels.map(() => 0);
  const meetings = labels.map(() => 0);
  for (const a of activity) {
    const i = index.get(unit === 'year' ? a.period.slice(0, 4) : a.period);
    if (i === undefined) continue;
    events[i]! += a.events;
    meetings[i]! += a.meetings;
  }
  if (unit === 'month') {
    // Trim the empty months before the first and after the last activity.
    const firstUsed = events.findIndex((n) => n > 0);
    const lastUsed = events.length - 1 - [...events].reverse().findIndex((n) => n > 0);
    return {
      unit,
      labels: labels.slice(firstUsed, lastUsed + 1),
      events: events.slice(firstUsed, lastUsed + 1),
      meetings: meetings.slice(firstUsed, lastUsed + 1),
    };
  }
  return { unit, labels, events, meetings };
}

/** The window bins [i, j] stand for; the whole range is no window at all. */
export function windowOf(bins: Bins, i: number, j: number): { from?: string; to?: string } {
  const [lo, hi] = i <= j ? [i, j] : [j, i];
  const out: { from?: string; to?: string } = {};
  if (lo > 0) out.from = bins.labels[lo]!;
  if (hi < bins.labels.length - 1) out.to = bins.labels[hi]!;
  return out;
}

/** The bins a window covers (a bound between bins takes the bin it falls in), for placing the handles. */
export function binsOfWindow(bins: Bins, from?: string, to?: string): [number, number] {
  const key = (bound: string) => (bins.unit === 'year' ? bound.slice(0, 4) : bound.slice(0, 7));
  const find = (bound: string | undefined, fallback: number, edge: 'from' | 'to') => {
    if (!bound) return fallback;
    const k = key(bound);
    const exact = bins.labels.indexOf(k);
    if (exact >= 0) return exact;
    // Outside the histogram: clamp.
    if (k < bins.labels[0]!) return 0;
    if (k > bins.labels.at(-1)!) return bins.labels.length - 1;
    // A year-only bound on a month histogram: its first or last month in range.
    const inside = bins.labels.map((l, idx) => [l, idx] as const).filter(([l]) => l.startsWith(k));
    return inside.length ? (edge === 'from' ? inside[0]![1] : inside.at(-1)![1]) : fallback;
  };
  return [find(from, 0, 'from'), find(to, bins.labels.length - 1, 'to')];
}
