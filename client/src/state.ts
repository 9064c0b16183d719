// The view's state and its URL-hash form, so a link reproduces the view. Pure: no DOM.
import { decodePicture, encodePicture, type PictureQuery } from './pictures/query.ts';

export type Tab = 'explore' | 'console' | 'reports' | 'pictures' | 'ingest' | 'resolve';
export type Via = 'meetings' | 'any';
/** auto: the hub layout for a hub, fcose otherwise. */
export type LayoutName = 'auto' | 'hub' | 'fcose' | 'concentric' | 'breadthfirst';

export interface PathQuery {
  from: string;
  to: string;
  via: Via;
  start?: string;
  end?: string;
  exclude: string[];
  k: number;
  maxHops?: number;
}

/** A report, optionally kept to a date window (the explorer's, when opened from it). */
export type ReportQuery = (
  { kind: 'bilateral'; a: string; b: string } | { kind: 'person'; id: string } | { kind: 'organization'; id: string }
) & { from?: string; to?: string };

export interface ViewState {
  tab: Tab;
  entity?: string;
  from?: string;
  to?: string;
  undated: boolean;
  layout: LayoutName;
  path?: PathQuery;
  report?: ReportQuery;
  query?: string;
  picture?: PictureQuery;
}

export const DEFAULT_STATE: ViewState = { tab: 'explore', undated: true, layout: 'auto' };

const TABS: readonly Tab[] = ['explore', 'console', 'reports', 'pictures', 'ingest', 'resolve'];
const LAYOUTS: readonly LayoutName[] = ['auto', 'hub', 'fcose', 'concentric', 'breadthfirst'];
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A date-window bound as the API takes it: YYYY, YYYY-MM or YYYY-MM-DD. */
export function isPeriod(value: string | undefined | null): value is string {
  return typeof value === 'string' && PERIOD.test(value);
}

export function encodeState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.tab !== 'explore') p.set('tab', state.tab);
  if (state.entity) p.set('entity', state.entity);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (!state.undated) p.set('undated', '0');
  if (state.layout !== DEFAULT_STATE.layout) p.set('layout', state.layout);
  if (state.path) {
    const q = state.path;
    p.set('pfrom', q.from);
    p.set('pto', q.to);
    p.set('via', q.via);
    if (q.start) p.set('pstart', q.start);
    if (q.end) p.set('pend', q.end);
    if (q.exclude.length) p.set('exclude', q.exclude.join(','));
    p.set('k', String(q.k));
    if (q.maxHops) p.set('maxHops', String(q.maxHops));
  }
  if (state.report) {
    const r = state.report;
    p.set('report', r.kind === 'bilateral' ? `bilateral:${r.a}:${r.b}` : `${r.kind}:${r.id}`);
    if (r.from) p.set('rfrom', r.from);
    if (r.to) p.set('rto', r.to);
  }
  if (state.query) p.set('q', state.query);
  if (state.picture) {
    p.set('pic', encodePicture(state.picture));
    if (state.picture.from) p.set('picfrom', state.picture.from);
    if (state.picture.to) p.set('picto', state.picture.to);
  }
  return p.toString();
}

function intIn(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** Reads a hash (with or without '#'); anything malformed falls back to the default. */
export function decodeState(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state: ViewState = { ...DEFAULT_STATE };
  const tab = p.get('tab');
  if (tab && (TABS as string[]).includes(tab)) state.tab = tab as Tab;
  const entity = p.get('entity');
  if (entity) state.entity = entity;
  const from = p.get('from');
  if (isPeriod(from)) state.from = from;
  const to = p.get('to');
  if (isPeriod(to)) state.to = to;
  if (p.get('undated') === '0') state.undated = false;
  const layout = p.get('layout');
  if (layout && (LAYOUTS as string[]).includes(layout)) state.layout = layout as LayoutName;
  const pfrom = p.get('pfrom');
  const pto = p.get('pto');
  if (pfrom && pto) {
    const path: PathQuery = {
      from: pfrom,
      to: pto,
      via: p.get('via') === 'any' ? 'any' : 'meetings',
      exclude: (p.get('exclude') ?? '').split(',').filter(Boolean),
      k: intIn(p.get('k'), 1, 10) ?? 1,
    };
    const start = p.get('pstart');
    if (isPeriod(start)) path.start = start;
    const end = p.get('pend');
    if (isPeriod(end)) path.end = end;
    const maxHops = intIn(p.get('maxHops'), 1, 10);
    if (maxHops) path.maxHops = maxHops;
    state.path = path;
  }
  const report = p.get('report');
  if (report) {
    const i = report.indexOf(':');
    const kind = report.slice(0, i);
    const rest = report.slice(i + 1);
    const [x, y] = rest.split(':');
    if (kind === 'bilateral' && x && y) state.report = { kind, a: x, b: y };
    else if ((kind === 'person' || kind === 'organization') && i > 0 && rest) state.report = { kind, id: rest };
    const rfrom = p.get('rfrom');
    const rto = p.get('rto');
    if (state.report && isPeriod(rfrom)) state.report.from = rfrom;
    if (state.report && isPeriod(rto)) state.report.to = rto;
  }
  const query = p.get('q');
  if (query) state.query = query;
  const picFrom = p.get('picfrom');
  const picTo = p.get('picto');
  const picture = decodePicture(p.get('pic'), isPeriod(picFrom) ? picFrom : undefined, isPeriod(picTo) ? picTo : undefined);
  if (picture) state.picture = picture;
  return state;
}

/** The /api/paths query string for a path query. */
export function pathsQueryString(q: PathQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to, via: q.via, limit: String(q.k) });
  if (q.start) p.set('start', q.start);
  if (q.end) p.set('end', q.end);
  if (q.exclude.length) p.set('exclude', q.exclude.join(','));
  if (q.maxHops) p.set('maxHops', String(q.maxHops));
  return p.toString();
}

/** The /api/reports URL of a report in a format. */
export function reportUrl(r: ReportQuery, format: 'json' | 'md' | 'html' | 'csv'): string {
  const window = new URLSearchParams();
  if (r.from) window.set('from', r.from);
  if (r.to) window.set('to', r.to);
  const tail = window.size ? `&${window}` : '';
  if (r.kind === 'bilateral') return `/api/reports/bilateral?${new URLSearchParams({ a: r.a, b: r.b, format })}${tail}`;
  return `/api/reports/${r.kind}/${encodeURIComponent(r.id)}?format=${format}${tail}`;
}
