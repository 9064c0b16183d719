// The Pictures tab: for a person, two countries, a country or the whole graph — the summary card, the
// timeline, events per year and the map, each drawn from the API and each exportable.
import { explain, getJson } from '../api.ts';
import { $, clear, h } from '../dom.ts';
import { formatDate } from '../dates.ts';
import { lookupFrom, quoteList } from '../quotes.ts';
import { isPeriod } from '../state.ts';
import { attachSuggest } from '../suggest.ts';
import type { Evidence, SourceInfo } from '../types.ts';
import { exportButtons } from './export.ts';
import { pictureUrls, type PictureQuery } from './query.ts';
import { fetchSummary, renderSummaryCard } from './summary-card.ts';
import { drawTimeline, timelineCsv, type TimelineItem } from './timeline.ts';
import type { MapAnswer, TimelineAnswer, YearsAnswer } from './types.ts';
import { drawYears, yearsCsv } from './years.ts';

export interface PicturesHooks {
  changed(q: PictureQuery): void;
  open(id: string): void;
}

const stem = (q: PictureQuery, what: string) =>
  `${what}-${(q.kind === 'pair' ? `${q.a}-${q.b}` : q.kind === 'all' ? 'all' : q.id).replace(/[^\w-]+/g, '_')}`;

export class PicturesTab {
  private seq = 0;

  constructor(private readonly hooks: PicturesHooks) {
    const form = $('#pic-form') as HTMLFormElement;
    const subject = $('#pic-subject') as HTMLInputElement;
    const suggestType = { type: 'person' };
    attachSuggest(subject, {
      get type() {
        return suggestType.type;
      },
      onPick: () => undefined,
    });
    attachSuggest($('#pic-a') as HTMLInputElement, { type: 'country', onPick: () => undefined });
    attachSuggest($('#pic-b') as HTMLInputElement, { type: 'country', onPick: () => undefined });
    form.addEventListener('change', () => {
      const kind = this.kind();
      $('#pic-one').hidden = kind !== 'person' && kind !== 'country';
      $('#pic-pair').hidden = kind !== 'pair';
      $('#pic-subject-label').textContent = kind === 'country' ? 'Country' : 'Person';
      suggestType.type = kind === 'country' ? 'country' : 'person';
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const q = this.read();
      if (!q) return;
      this.hooks.changed(q);
      void this.show(q);
    });
  }

  private kind(): PictureQuery['kind'] {
    return ((document.querySelector('input[name=pkind]:checked') as HTMLInputElement | null)?.value ?? 'person') as PictureQuery['kind'];
  }

  private read(): PictureQuery | null {
    const ref = (sel: string) => {
      const input = $(sel) as HTMLInputElement;
      return (input.dataset.id ?? input.value).trim();
    };
    const from = ($('#pic-from') as HTMLInputElement).value.trim();
    const to = ($('#pic-to') as HTMLInputElement).value.trim();
    const status = $('#pic-status');
    if ((from && !isPeriod(from)) || (to && !isPeriod(to))) {
      status.textContent = 'Dates: YYYY, YYYY-MM or YYYY-MM-DD.';
      return null;
    }
    const window = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const kind = this.kind();
    if (kind === 'all') return { kind, ...window };
    if (kind === 'pair') {
      const a = ref('#pic-a');
      const b = ref('#pic-b');
      if (!a || !b) status.textContent = 'Name both countries.';
      return a && b ? { kind, a, b, ...window } : null;
    }
    const id = ref('#pic-subject');
    if (!id) status.textContent = `Name a ${kind}.`;
    const full = kind === 'country' && /^[A-Za-z]{2}$/.test(id) ? `country:${id.toUpperCase()}` : id;
    return id ? { kind, id: full, ...window } : null;
  }

  /** Fills the form from a query (the URL, or "Pictures" on a person or country). */
  fill(q: PictureQuery): void {
    (document.querySelector(`input[name=pkind][value=${q.kind}]`) as HTMLInputElement).checked = true;
    $('#pic-form').dispatchEvent(new Event('change'));
    const set = (sel: string, v: string) => {
      const input = $(sel) as HTMLInputElement;
      input.value = v;
      input.dataset.id = v;
    };
    if (q.kind === 'pair') {
      set('#pic-a', q.a);
      set('#pic-b', q.b);
    } else if (q.kind !== 'all') set('#pic-subject', q.id);
    ($('#pic-from') as HTMLInputElement).value = q.from ?? '';
    ($('#pic-to') as HTMLInputElement).value = q.to ?? '';
  }

  async show(q: PictureQuery): Promise<void> {
    const seq = ++this.seq;
    const urls = pictureUrls(q);
    const status = $('#pic-status');
    status.textContent = 'Drawing…';
    const width = Math.max(560, Math.min(1200, $('#pic-output').clientWidth - 24 || 1000));
    const slots = {
      summary: $('#pic-summary'),
      timeline: $('#pic-timeline'),
      years: $('#pic-years'),
      map: $('#pic-map'),
    };
    for (const [name, slot] of Object.entries(slots)) {
      slot.hidden = !urls[name as keyof typeof urls];
      clear(slot, urls[name as keyof typeof urls] ? h('p.loading', {}, 'Loading…') : null);
    }
    const jobs: Promise<unknown>[] = [];
    if (urls.summary && q.kind === 'person') {
      jobs.push(
        this.section(
          seq,
          slots.summary,
          () => fetchSummary(q.id, q),
          (s) => renderSummaryCard(s, { open: this.hooks.open }),
        ),
      );
    }
    if (urls.timeline) {
      jobs.push(
        this.section(
          seq,
          slots.timeline,
          () => getJson<TimelineAnswer>(urls.timeline!),
          (t) => {
            const evidence = h('div.picture-evidence', { 'aria-live': 'polite' }, h('p.hint', {}, 'Click a mark for its sources.'));
            const pick = (item: TimelineItem) =>
              clear(
                evidence,
                citationsBlock(
                  `${formatDate(item.event.start, item.event.datePrecision)} — ${item.event.title}${item.place ? `, ${item.place}` : ''}`,
                  item.event.id,
                  item.citations,
                  t.sources,
                  this.hooks.open,
                ),
              );
            const svg = drawTimeline(t, width, pick);
            return h(
              'div',
              {},
              h('h3', {}, 'Timeline'),
              t.items.length ? h('div.picture', {}, svg) : h('p.empty-note', {}, 'No events in this window.'),
              exportButtons('timeline', { stem: stem(q, 'timeline'), svg: () => svg, csv: () => timelineCsv(t), json: () => t }),
              evidence,
            );
          },
        ),
      );
    }
    if (urls.years) {
      jobs.push(
        this.section(
          seq,
          slots.years,
          () => getJson<YearsAnswer>(urls.years!),
          (y) => {
            const list = h(
              'div.picture-evidence',
              { 'aria-live': 'polite' },
              h('p.hint', {}, 'Click a bar for that year’s meetings and their sources.'),
            );
            const svg = drawYears(y, width, (row) => void this.yearMeetings(list, row));
            return h(
              'div',
              {},
              h('h3', {}, 'Events per year'),
              h('div.picture', {}, svg),
              exportButtons('events per year', { stem: stem(q, 'years'), svg: () => svg, csv: () => yearsCsv(y), json: () => y }),
              list,
            );
          },
        ),
      );
    }
    if (urls.map) {
      jobs.push(
        this.section(
          seq,
          slots.map,
          () => Promise.all([getJson<MapAnswer>(urls.map!), import('./map.ts')]),
          ([m, mod]) => {
            const evidence = h(
              'div.picture-evidence',
              { 'aria-live': 'polite' },
              h('p.hint', {}, 'Click a shaded country for its visits and their sources.'),
            );
            const drawn = mod.drawMap(m, width, (iso2) => {
              const visits = m.visits.filter((v) => v.to === iso2 || v.from === iso2);
              clear(
                evidence,
                h('h4', {}, `${m.countries.find((c) => c.iso2 === iso2)?.name ?? iso2}: ${visits.length} visits`),
                h(
                  'ol.visit-list',
                  {},
                  visits
                    .slice(0, 200)
                    .map((v) =>
                      h(
                        'li',
                        {},
                        h('span.date', {}, mod.visitDate(v)),
                        ' ',
                        h('button.link', { type: 'button', onclick: () => this.hooks.open(v.event.id) }, v.event.title),
                        v.places.length ? ` (${v.places.join(', ')})` : '',
                        quoteList(v.citations.slice(0, 2), lookupFrom(m.sources)),
                      ),
                    ),
                ),
              );
            });
            return h(
              'div',
              {},
              h('h3', {}, 'Map of visits and trips'),
              h('div.picture', {}, drawn.svg),
              drawn.notDrawn.length
                ? h(
                    'p.hint',
                    {},
                    `Not on the map (former states or too small for the 1:50m shapes): ${drawn.notDrawn.map((c) => `${c.name} (${c.visited} visits)`).join(', ')}.`,
                  )
                : null,
              exportButtons('map', { stem: stem(q, 'map'), svg: () => drawn.svg, csv: () => mod.mapCsv(m), json: () => m }),
              evidence,
            );
          },
        ),
      );
    }
    await Promise.all(jobs);
    if (seq === this.seq) status.textContent = '';
  }

  private async section<T>(seq: number, slot: HTMLElement, load: () => Promise<T>, render: (value: T) => HTMLElement): Promise<void> {
    try {
      const value = await load();
      if (seq === this.seq) clear(slot, render(value));
    } catch (err) {
      if (seq === this.seq) clear(slot, h('p.error', { role: 'alert' }, explain(err)));
    }
  }

  private async yearMeetings(target: HTMLElement, row: YearsAnswer['years'][number]): Promise<void> {
    clear(target, h('p.loading', {}, `Loading ${row.year}…`));
    try {
      const answer = await getJson<{
        meetings: { event: Record<string, unknown>; evidence: Evidence[]; participants: { name: string }[] }[];
        sources: SourceInfo[];
      }>(row.meetingsUrl);
      const source = lookupFrom(answer.sources);
      clear(
        target,
        h(
          'h4',
          {},
          `${row.year}: ${row.meetings} meetings${row.total > row.meetings ? ` (and ${row.total - row.meetings} other events)` : ''}`,
        ),
        answer.meetings.length
          ? h(
              'ol.visit-list',
              {},
              answer.meetings.map((m) =>
                h(
                  'li',
                  {},
                  h('span.date', {}, formatDate(m.event.start as string, m.event.datePrecision as string)),
                  ' ',
                  h(
                    'button.link',
                    { type: 'button', onclick: () => this.hooks.open(String(m.event.id)) },
                    String(m.event.title ?? m.event.id),
                  ),
                  ` — ${m.participants.map((p) => p.name).join(', ')}`,
                  quoteList(m.evidence.slice(0, 2), source),
                ),
              ),
            )
          : h('p.hint', {}, 'No meetings that year (the bar counts other events).'),
      );
    } catch (err) {
      clear(target, h('p.error', { role: 'alert' }, explain(err)));
    }
  }
}

function citationsBlock(
  heading: string,
  eventId: string,
  citations: Evidence[],
  sources: SourceInfo[],
  open: (id: string) => void,
): HTMLElement[] {
  return [
    h('h4', {}, h('button.link', { type: 'button', onclick: () => open(eventId) }, heading)),
    quoteList(citations, lookupFrom(sources)) ?? h('p.hint', {}, 'No quote.'),
  ];
}
