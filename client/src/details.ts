// The side panel: the selected entity's properties, titles over time, events with roles, meetings,
// agreements, figures and every source quote.
import { h } from './dom.ts';
import { formatDate, windowStatus, type Window } from './dates.ts';
import { lookupFrom, quoteList, quotesDisclosure } from './quotes.ts';
import { identityLine } from './identity.ts';
import { TYPE_STYLE } from './style.ts';
import type { EntityDetails } from './types.ts';

export interface DetailActions {
  open(id: string): void;
  expand(id: string): void;
  more(id: string): void;
  collapse(id: string): void;
  hide(id: string): void;
  pin(id: string): void;
  center(id: string): void;
  pathFrom(id: string, name: string): void;
  pathTo(id: string, name: string): void;
  report(id: string, type: string): void;
  pictures?(id: string, type: string): void;
}

export interface NodeStatus {
  pinned: boolean;
  remaining: number | undefined;
  /** The date window: events and meetings outside it are left out of the lists (and counted). */
  window?: Window;
  showUndated?: boolean;
}

/** Longer lists than this fold: events by year, the rest behind "all N". */
const FOLD_AT = 12;

function span(first?: string | null, last?: string | null): string {
  if (!first && !last) return '';
  if (first === last || !last) return `seen ${formatDate(first, 'day')}`;
  return `seen ${formatDate(first, 'day')} – ${formatDate(last, 'day')}`;
}

function section(title: string, items: HTMLElement[], note?: string): HTMLElement | null {
  if (!items.length && !note) return null;
  const head = h('h3', {}, title, h('span.count', {}, ` ${items.length}`));
  const noteEl = note ? h('p.hint.window-note', {}, note) : null;
  if (items.length <= FOLD_AT) return h('section.detail-section', {}, head, noteEl, h('ul.facts', {}, items));
  return h(
    'section.detail-section',
    {},
    head,
    noteEl,
    h('ul.facts', {}, items.slice(0, FOLD_AT)),
    h('details.more-fold', {}, h('summary', {}, `All ${items.length}`), h('ul.facts', {}, items.slice(FOLD_AT))),
  );
}

/** A long list of dated items folded by year, newest first (undated last). */
function byYear(title: string, items: { year: string; el: HTMLElement }[], note?: string): HTMLElement | null {
  if (items.length <= FOLD_AT)
    return section(
      title,
      items.map((i) => i.el),
      note,
    );
  const years = new Map<string, HTMLElement[]>();
  for (const i of items) years.set(i.year, [...(years.get(i.year) ?? []), i.el]);
  const keys = [...years.keys()].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)));
  return h(
    'section.detail-section',
    {},
    h('h3', {}, title, h('span.count', {}, ` ${items.length}`)),
    note ? h('p.hint.window-note', {}, note) : null,
    keys.map((y) =>
      h(
        'details.year-fold',
        {},
        h('summary', {}, `${y} `, h('span.count', {}, `(${years.get(y)!.length})`)),
        h('ul.facts', {}, years.get(y)!),
      ),
    ),
  );
}

/** Whether a dated item passes the window; the counts of those left out go to `out`. */
function keep(
  start: string | null | undefined,
  precision: string | null | undefined,
  end: string | null | undefined,
  status: NodeStatus,
  out: { outside: number; undated: number },
): boolean {
  if (!status.window || (!status.window.from && !status.window.to)) return true;
  const s = windowStatus(
    { type: 'event', start: start ?? null, end: end ?? null, datePrecision: precision ?? (start ? 'day' : 'unknown') },
    status.window,
  );
  if (s === 'out') out.outside++;
  if (s === 'undated' && status.showUndated === false) out.undated++;
  return s === 'in' || s === 'timeless' || (s === 'undated' && status.showUndated !== false);
}

function leftOut(out: { outside: number; undated: number }): string | undefined {
  const parts = [out.outside ? `${out.outside} outside the window` : '', out.undated ? `${out.undated} undated` : ''].filter(Boolean);
  return parts.length ? `Not listed: ${parts.join(', ')}.` : undefined;
}

function link(id: string, name: string, actions: DetailActions): HTMLElement {
  return h('button.link', { type: 'button', title: `Show ${name} in the graph`, onclick: () => actions.open(id) }, name);
}

export function renderDetails(d: EntityDetails, status: NodeStatus, actions: DetailActions): HTMLElement {
  const e = d.entity;
  const source = lookupFrom(d.sources);
  const color = (TYPE_STYLE as Record<string, { color: string; label: string }>)[e.type];
  const props = Object.entries(e).filter(
    ([k, v]) =>
      !['id', 'type', 'name', 'aliases', 'note', 'evidence', 'sources', 'searchText'].includes(k) &&
      v !== null &&
      v !== undefined &&
      typeof v !== 'object',
  );
  const reportable = e.type === 'person' || e.type === 'organization' || e.type === 'country';
  const eventsOut = { outside: 0, undated: 0 };
  const metOut = { outside: 0, undated: 0 };
  return h(
    'article.details',
    { 'data-entity': e.id },
    h(
      'header',
      {},
      h('span.badge', { style: `background:${color?.color ?? '#666'}` }, color?.label ?? e.type),
      h('h2', { tabindex: '-1' }, e.name),
      identityLine(d.summary),
    ),
    e.aliases?.length ? h('p.aliases', {}, 'Also: ', e.aliases.join(', ')) : null,
    e.note ? h('p.note', { role: 'note' }, '⚠ ', e.note) : null,
    props.length
      ? h(
          'dl.props',
          {},
          props.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]),
        )
      : null,
    h(
      'div.actions',
      {},
      h(
        'button',
        { type: 'button', onclick: () => actions.expand(e.id), title: 'Add its neighbours (double-click a node does the same)' },
        'Expand',
      ),
      status.remaining ? h('button.more', { type: 'button', onclick: () => actions.more(e.id) }, `Show ${status.remaining} more`) : null,
      h(
        'button',
        { type: 'button', onclick: () => actions.collapse(e.id), title: 'Remove neighbours that hang only off this node' },
        'Collapse',
      ),
      h('button', { type: 'button', onclick: () => actions.hide(e.id) }, 'Hide'),
      h(
        'button',
        { type: 'button', 'aria-pressed': status.pinned ? 'true' : 'false', onclick: () => actions.pin(e.id) },
        status.pinned ? 'Unpin' : 'Pin',
      ),
      h('button', { type: 'button', onclick: () => actions.center(e.id) }, 'Centre'),
      e.type === 'person' ? h('button', { type: 'button', onclick: () => actions.pathFrom(e.id, e.name) }, 'Path from') : null,
      e.type === 'person' ? h('button', { type: 'button', onclick: () => actions.pathTo(e.id, e.name) }, 'Path to') : null,
      reportable ? h('button', { type: 'button', onclick: () => actions.report(e.id, e.type) }, 'Report') : null,
      (e.type === 'person' || e.type === 'country') && actions.pictures
        ? h('button', { type: 'button', onclick: () => actions.pictures!(e.id, e.type) }, 'Pictures')
        : null,
    ),
    e.type === 'person' ? h('div.summary-slot', { 'aria-live': 'polite' }, h('p.loading', {}, 'Summary…')) : null,
    e.evidence.length ? h('section.detail-section', {}, h('h3', {}, 'In the sources'), quoteList(e.evidence, source)) : null,
    section(
      'Titles over time',
      d.titles.map((t) =>
        h(
          'li',
          {},
          h('strong', {}, t.title),
          t.at ? [' — ', link(t.at.id, t.at.name, actions)] : null,
          h('span.when', {}, ' ', span(t.firstSeen, t.lastSeen)),
          quotesDisclosure(t.evidence, source),
        ),
      ),
    ),
    section(
      'Title holders',
      (d.holders ?? []).map((x) => {
        const person = (x.person ?? (x as unknown as { holder?: { id: string; name: string } }).holder) as
          { id: string; name: string } | undefined;
        return h(
          'li',
          {},
          person ? link(person.id, person.name, actions) : null,
          x.title ? ` — ${x.title}` : '',
          h('span.when', {}, ' ', span(x.firstSeen, x.lastSeen)),
          quotesDisclosure(x.evidence, source),
        );
      }),
    ),
    byYear(
      'Events',
      d.events
        .filter((x) => keep(x.event.start, x.event.datePrecision, x.event.end, status, eventsOut))
        .sort((a, b) => String(b.event.start ?? '').localeCompare(String(a.event.start ?? '')))
        .map((x) => ({
          year: x.event.start && x.event.datePrecision !== 'unknown' ? x.event.start.slice(0, 4) : 'undated',
          el: h(
            'li',
            { class: x.event.datePrecision === 'unknown' || !x.event.start ? 'undated' : '' },
            h('span.date', {}, formatDate(x.event.start, x.event.datePrecision)),
            ' ',
            link(x.event.id, x.event.name, actions),
            h('span.role', {}, ` ${x.role ?? ''}${x.inferred ? ' (inferred' + (x.rule ? `: ${x.rule}` : '') + ')' : ''}`),
            x.event.status === 'planned' ? h('span.tag', {}, 'planned') : null,
            quotesDisclosure(x.evidence, source),
          ),
        })),
      leftOut(eventsOut),
    ),
    section(
      'Met',
      d.met
        .map((m) => ({ ...m, meetings: m.meetings.filter((x) => keep(x.date, x.datePrecision, null, status, metOut)) }))
        .filter((m) => m.meetings.length > 0)
        .sort((a, b) => b.meetings.length - a.meetings.length || a.person.name.localeCompare(b.person.name))
        .map((m) =>
          h(
            'li',
            {},
            link(m.person.id, m.person.name, actions),
            h('span.count', {}, ` ×${m.meetings.length}`),
            h(
              'span.when',
              {},
              ' ',
              m.meetings
                .slice(0, 6)
                .map((x) => formatDate(x.date, x.datePrecision) + (x.inferred ? ' (inferred)' : ''))
                .join('; '),
              m.meetings.length > 6 ? `; and ${m.meetings.length - 6} more` : '',
            ),
            quotesDisclosure(
              m.meetings.flatMap((x) => x.evidence),
              source,
            ),
          ),
        ),
      leftOut(metOut),
    ),
    section(
      'Agreements',
      d.agreements.map((a) =>
        h(
          'li',
          {},
          a.agreement.id ? link(a.agreement.id, a.agreement.name, actions) : a.agreement.name,
          a.agreement.status ? h('span.tag', {}, a.agreement.status) : null,
          a.via ? h('div.via', {}, a.via) : null,
          quotesDisclosure(a.evidence, source),
        ),
      ),
    ),
    section(
      'Figures',
      d.figures.map((f) =>
        h(
          'li',
          {},
          h('strong', {}, f.figure.name),
          f.figure.value !== undefined && f.figure.value !== null ? `: ${f.figure.value} ${f.figure.unit ?? ''}` : '',
          f.figure.period ? ` (${f.figure.period})` : '',
          quotesDisclosure(f.evidence, source),
        ),
      ),
    ),
    d.truncated ? h('p.note', {}, 'Some relationships were left out (too many to list).') : null,
    section(
      'Sources',
      d.sources.map((s) =>
        h(
          'li',
          {},
          h('strong', {}, s.title ?? s.id),
          s.publisher ? ` — ${s.publisher}` : '',
          s.published ? `, ${formatDate(s.published, 'day')}` : '',
        ),
      ),
    ),
  );
}
