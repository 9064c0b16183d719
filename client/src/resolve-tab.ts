// The "Resolve" tab: review candidate pairs of "maybe one person" side by side — titles over time,
// countries, meetings and quotes of each (GET /api/entities/:id), the scorer's reasons — and judge
// them same / different / unsure, or skip, with the keyboard (s, d, u, n/→, p/←). Judgements go to
// POST /api/resolution/judgements (the API key is asked for when the server needs one).
import { explain, getJson, postJson } from './api.ts';
import { $, clear, h } from './dom.ts';
import { formatDate } from './dates.ts';
import { lookupFrom, quotesDisclosure } from './quotes.ts';
import {
  candidatesQuery,
  nextIndex,
  originText,
  personLine,
  REVIEW_KEYS,
  titleLine,
  weightText,
  type Candidate,
  type CandidateList,
  type Verdict,
} from './resolve-view.ts';
import type { EntityDetails } from './types.ts';

const REVIEWER = 'kg.reviewer';

export class ResolveTab {
  private list: Candidate[] = [];
  private index = 0;
  private total = 0;
  private loaded = false;
  private readonly panel = $('#panel-resolve');
  private readonly filter = {
    status: h(
      'select',
      { 'aria-label': 'Which pairs' },
      h('option', { value: 'open' }, 'not judged yet'),
      h('option', { value: 'judged' }, 'judged'),
      h('option', { value: 'all' }, 'all'),
    ),
    country: h('input', { placeholder: 'country, e.g. NG', size: 10, 'aria-label': 'Country' }),
    q: h('input', { placeholder: 'name contains', size: 14, 'aria-label': 'Name contains' }),
    minScore: h('input', { placeholder: 'min score', size: 6, value: '0.3', 'aria-label': 'Lowest score' }),
    by: h('input', { placeholder: 'your name', size: 12, 'aria-label': 'Reviewer (kept in the log)' }),
  };
  private readonly note = h('input.resolve-note', { placeholder: 'why (optional, kept in the log)', 'aria-label': 'Note' });
  private readonly status = h('div.hint#resolve-status', { role: 'status', 'aria-live': 'polite' });
  private readonly queue = h('ol.resolve-queue', { 'aria-label': 'Candidate pairs' });
  private readonly pair = h('section.resolve-pair', { 'aria-live': 'polite' });

  constructor(private readonly hooks: { open(id: string): void }) {
    this.filter.by.value = localStorage.getItem(REVIEWER) ?? '';
    this.filter.by.addEventListener('change', () => localStorage.setItem(REVIEWER, this.filter.by.value.trim()));
    const form = h(
      'form.resolve-filter',
      { onsubmit: (e: Event) => (e.preventDefault(), void this.refresh()) },
      h('label', {}, 'Pairs ', this.filter.status),
      this.filter.country,
      this.filter.q,
      this.filter.minScore,
      h('button.primary', { type: 'submit' }, 'List'),
      h('label', {}, 'Reviewer ', this.filter.by),
    );
    clear(this.panel, form, this.status, h('div.resolve-body', {}, this.queue, this.pair));
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Called when the tab is shown: the first time, list the open pairs. */
  async activate(): Promise<void> {
    if (!this.loaded) await this.refresh();
  }

  private say(text: string, error = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', error);
  }

  async refresh(): Promise<void> {
    this.loaded = true;
    this.say('Finding candidate pairs…');
    try {
      const answer = await getJson<CandidateList>(
        `/api/resolution/candidates?${candidatesQuery({ status: this.filter.status.value, country: this.filter.country.value, q: this.filter.q.value, minScore: this.filter.minScore.value })}`,
      );
      this.list = answer.candidates;
      this.total = answer.total;
      this.index = 0;
      this.say(
        `${answer.total} pair${answer.total === 1 ? '' : 's'} (of ${answer.stats.people} people, ${answer.stats.pairsCompared} pairs compared); "likely" from ${answer.threshold}. Keys: s same · d different · u unsure · n skip · p back.`,
      );
      this.renderQueue();
      await this.show();
    } catch (err) {
      this.say(explain(err), true);
    }
  }

  private renderQueue(): void {
    clear(
      this.queue,
      this.list.map((c, i) =>
        h(
          'li',
          { class: i === this.index ? 'current' : '' },
          h(
            'button.link',
            { type: 'button', onclick: () => ((this.index = i), this.renderQueue(), void this.show()) },
            h('span.score', {}, c.score.toFixed(2)),
            ` ${c.a.name} / ${c.b.name}`,
            c.judgement ? h('span.judged', {}, ` ${c.judgement.verdict}`) : null,
          ),
        ),
      ),
    );
  }

  private async show(): Promise<void> {
    const c = this.list[this.index];
    if (!c) {
      clear(this.pair, h('p.hint', {}, this.total ? 'No more pairs in this list.' : 'No candidate pairs.'));
      return;
    }
    clear(this.pair, h('p.hint', {}, `Loading ${c.a.name} and ${c.b.name}…`));
    const load = (id: string) => getJson<EntityDetails>(`/api/entities/${encodeURIComponent(id)}`).catch(() => null);
    const [a, b] = await Promise.all([load(c.a.id), load(c.b.id)]);
    if (this.list[this.index] !== c) return;
    const buttons = (['same', 'different', 'unsure'] as const).map((v) =>
      h(
        `button.verdict.${v}`,
        { type: 'button', onclick: () => void this.judge(v), title: `key ${v[0]}` },
        v === 'same' ? 'Same person' : v === 'different' ? 'Different people' : 'Unsure',
      ),
    );
    clear(
      this.pair,
      h(
        'header.resolve-head',
        {},
        h('strong', {}, `${c.score.toFixed(2)}${c.likely ? ' · likely the same' : ''}`),
        c.judgement
          ? h('span.judged', {}, ` judged ${c.judgement.verdict} by ${c.judgement.by} (${formatDate(c.judgement.at.slice(0, 10), 'day')})`)
          : null,
      ),
      h(
        'ul.reasons',
        {},
        c.reasons.map((r) =>
          h('li', { class: r.weight < 0 ? 'against' : 'for' }, h('span.weight', {}, weightText(r.weight)), ` ${r.text}`),
        ),
      ),
      h('div.resolve-sides', {}, this.side(c.a, a), this.side(c.b, b)),
      h(
        'div.resolve-actions',
        {},
        buttons,
        h('button', { type: 'button', onclick: () => this.move(1), title: 'key n or →' }, 'Skip'),
        c.judgement
          ? h('button', { type: 'button', onclick: () => void this.judge('undo'), title: 'withdraw the judgement' }, 'Undo judgement')
          : null,
        this.note,
      ),
    );
  }

  private side(p: Candidate['a'], details: EntityDetails | null): HTMLElement {
    const source = lookupFrom(details?.sources ?? []);
    const titles = details?.titles.length
      ? details.titles.map((t) =>
          h(
            'li',
            {},
            `${t.title}${t.at ? `, ${t.at.name}` : ''}`,
            t.firstSeen
              ? ` (${formatDate(t.firstSeen, 'day')}${t.lastSeen && t.lastSeen !== t.firstSeen ? ` – ${formatDate(t.lastSeen, 'day')}` : ''})`
              : '',
            quotesDisclosure(t.evidence, source),
          ),
        )
      : p.titles.map((t) => h('li', {}, titleLine(t)));
    const met = (details?.met ?? [])
      .slice(0, 8)
      .map((m) =>
        h(
          'li',
          {},
          `${m.person.name} ×${m.count}`,
          m.meetings[0]?.date ? ` (first ${formatDate(m.meetings[0].date, m.meetings[0].datePrecision)})` : '',
        ),
      );
    return h(
      'article.resolve-side',
      { 'data-id': p.id },
      h(
        'h3',
        {},
        h(
          'button.link',
          { type: 'button', onclick: () => this.hooks.open(details?.entity.id ?? p.id), title: 'Show in the explorer' },
          p.name,
        ),
      ),
      h('p.identity', {}, personLine(p)),
      h('p.hint', {}, p.id, ' · ', originText(p)),
      p.aliases.length ? h('p.aliases', {}, 'Also: ', p.aliases.join(', ')) : null,
      p.note ? h('p.note', { role: 'note' }, '⚠ ', p.note) : null,
      h('h4', {}, 'Titles over time'),
      titles.length ? h('ul.facts', {}, titles) : h('p.hint', {}, 'none stated'),
      h('h4', {}, 'Met'),
      met.length ? h('ul.facts', {}, met) : h('p.hint', {}, 'no meetings'),
      h('h4', {}, 'Quotes'),
      quotesDisclosure(details?.entity.evidence, source) ?? h('p.hint', {}, 'none'),
    );
  }

  private move(step: 1 | -1): void {
    const next = nextIndex(this.index, this.list.length, step);
    if (next === null) {
      this.say(step === 1 ? 'That was the last pair of this list.' : 'This is the first pair.');
      return;
    }
    this.index = next;
    this.renderQueue();
    void this.show();
  }

  private async judge(verdict: Verdict): Promise<void> {
    const c = this.list[this.index];
    if (!c) return;
    const by = this.filter.by.value.trim() || 'explorer';
    const note = this.note.value.trim();
    try {
      const result = await postJson<{ clusters: { formed: string[]; dissolved: string[] } }>('/api/resolution/judgements', {
        judgements: [{ a: c.a.id, b: c.b.id, verdict, ...(note ? { note } : {}) }],
        by,
      });
      const formed = result.clusters.formed.length ? `; now one person: ${result.clusters.formed.join(', ')}` : '';
      const dissolved = result.clusters.dissolved.length ? `; split again: ${result.clusters.dissolved.join(', ')}` : '';
      const done = `${c.a.name} / ${c.b.name}: ${verdict}${formed}${dissolved}`;
      c.judgement = verdict === 'undo' ? null : { verdict, by, at: new Date().toISOString(), note };
      this.note.value = '';
      this.renderQueue();
      if (nextIndex(this.index, this.list.length) === null) {
        this.say(`${done}. That was the last pair of this list.`);
        void this.show();
      } else {
        this.move(1);
        this.say(done);
      }
    } catch (err) {
      this.say(explain(err), true);
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (this.panel.hidden || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
    const action = REVIEW_KEYS[e.key];
    if (!action) return;
    e.preventDefault();
    if (action === 'skip') this.move(1);
    else if (action === 'back') this.move(-1);
    else void this.judge(action);
  }
}
