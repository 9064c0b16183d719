// The "Add article" tab: paste an article → POST /api/ingest → the draft beside the text, quotes
// highlighted; accept, edit (as JSON) or reject each fact; then load the accepted ones through
// POST /api/ingest/accept. Problems come back per field and are listed. When the draft would change a
// property of something the graph already has, the server answers 409 with each change: they are
// shown (current → proposed) and each needs an explicit keep or replace before loading again.
import { ApiError, explain } from './api.ts';
import { $, clear, h } from './dom.ts';
import {
  allChosen,
  CATEGORIES,
  changeKey,
  choicesFor,
  decisionLog,
  describeChange,
  describeFact,
  namesOf,
  reviewedFacts,
  segments,
  topLevel,
  type Category,
  type ChangeChoice,
  type Decision,
  type FactFile,
  type PropertyChange,
} from './ingest-review.ts';
import type { DraftAnswer as DraftContract } from './types.ts';

/** POST /api/ingest's answer (the contract); the review reads and edits its facts generically, by category. */
type DraftAnswer = Omit<DraftContract, 'facts'> & { facts: FactFile };

const KEY_STORE = 'kg-api-key';

export class IngestTab {
  private draft: DraftAnswer | null = null;
  private decisions: Record<string, Decision> = {};
  private edits: Record<string, Record<string, unknown>> = {};
  /** Changes to what the graph has, as the last accept listed them, and the reviewer's choice for each. */
  private changes: PropertyChange[] = [];
  private choices: Record<string, ChangeChoice> = {};

  constructor(private readonly hooks: { open(id: string): void }) {
    const key = $('#ingest-key') as HTMLInputElement;
    key.value = sessionStorage.getItem(KEY_STORE) ?? '';
    key.addEventListener('change', () => sessionStorage.setItem(KEY_STORE, key.value));
    ($('#ingest-form') as HTMLFormElement).addEventListener('submit', (e) => {
      e.preventDefault();
      void this.requestDraft();
    });
    $('#ingest-load').addEventListener('click', () => void this.load());
    $('#ingest-discard').addEventListener('click', () => this.reset('Draft discarded; nothing was written.'));
  }

  private async post<T>(url: string, body: unknown): Promise<T> {
    const key = ($('#ingest-key') as HTMLInputElement).value.trim();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as T & { title?: string; detail?: string; status?: number };
    if (!res.ok)
      throw new ApiError({
        type: 'about:blank',
        title: json.title ?? res.statusText,
        status: res.status,
        detail: json.detail ?? '',
        ...(json as object),
      });
    return json;
  }

  private status(text: string, error = false): void {
    const el = $('#ingest-status');
    el.textContent = text;
    el.classList.toggle('error', error);
  }

  private reset(message: string): void {
    this.draft = null;
    this.decisions = {};
    this.edits = {};
    this.changes = [];
    this.choices = {};
    this.renderChanges();
    $('#ingest-review').hidden = true;
    this.status(message);
  }

  private async requestDraft(): Promise<void> {
    const text = ($('#ingest-text') as HTMLTextAreaElement).value;
    const published = ($('#ingest-published') as HTMLInputElement).value.trim();
    const fileName = ($('#ingest-name') as HTMLInputElement).value.trim();
    this.status('Drafting…');
    try {
      this.draft = await this.post<DraftAnswer>('/api/ingest', {
        text,
        ...(published ? { published } : {}),
        ...(fileName ? { fileName } : {}),
      });
      this.decisions = {};
      this.edits = {};
      this.changes = [];
      this.choices = {};
      this.renderChanges();
      this.render();
      const f = this.draft.facts as Record<string, unknown[]>;
      this.status(`Drafted ${CATEGORIES.map((c) => `${(f[c] ?? []).length} ${c}`).join(', ')}. Review, then load.`);
    } catch (err) {
      this.status(explain(err), true);
    }
  }

  /** Names for ids: the draft's own entities and the known entities it links to. */
  private nameOf(): (id: string) => string {
    const known: Record<string, string> = {};
    for (const b of Object.values(this.draft?.entities ?? {})) {
      if (b.target) known[b.target.id] = b.target.name;
      for (const x of b.similar) known[x.id] = x.name;
    }
    return namesOf(this.draft!.facts, known);
  }

  private render(): void {
    if (!this.draft) return;
    $('#ingest-review').hidden = false;
    const { article, spans } = this.draft;
    const marks = segments(article.text, spans).map((s) =>
      s.paths.length ? h('mark', { 'data-paths': s.paths.map(topLevel).join(' '), title: s.paths.join(', ') }, s.text) : s.text,
    );
    clear(
      $('#ingest-article'),
      h('h3', {}, `Article${article.published ? ` (${article.published})` : ''}`),
      h('div.article-text', {}, marks),
    );
    const groups = CATEGORIES.map((category) => this.group(category)).filter(Boolean);
    const problems = this.draft.problems ?? [];
    const holders = this.draft.holders ?? [];
    clear(
      $('#ingest-facts'),
      problems.length
        ? h(
            'section.fact-group.problems',
            {},
            h('h3', {}, 'Left out'),
            h(
              'ul',
              {},
              problems.map((p) => h('li', {}, p)),
            ),
          )
        : null,
      holders.length
        ? h(
            'section.fact-group.holders',
            {},
            h('h3', {}, 'Offices named without a person'),
            h(
              'ul',
              {},
              holders.map((o) =>
                h(
                  'li',
                  {},
                  `“${o.phrase}”${o.date ? ` on ${o.date}` : ''}: `,
                  o.candidates.map((c, i) =>
                    h(
                      'span',
                      { title: c.why },
                      `${i ? '; ' : ''}probably ${c.name} (${c.title}, ${c.why}; ${Math.round(c.confidence * 100)}%)`,
                    ),
                  ),
                ),
              ),
            ),
          )
        : null,
      groups,
    );
  }

  private group(category: Category): HTMLElement | null {
    const facts = (this.draft!.facts[category] as Record<string, unknown>[] | undefined) ?? [];
    if (!facts.length) return null;
    return h(
      'section.fact-group',
      {},
      h('h3', {}, category),
      h(
        'ol',
        {},
        facts.map((fact, i) => this.row(category, i, fact)),
      ),
    );
  }

  private row(category: Category, index: number, fact: Record<string, unknown>): HTMLElement {
    const path = `${category}[${index}]`;
    const confidence = this.draft!.confidence[path];
    const decision = this.decisions[path] ?? 'accept';
    const current = this.edits[path] ?? fact;
    const li = h('li.fact', { 'data-path': path, class: decision === 'reject' ? 'rejected' : '' });
    const choose = (d: Decision) => () => {
      this.decisions[path] = d;
      li.classList.toggle('rejected', d === 'reject');
    };
    const editor = h(
      'textarea.fact-json',
      { rows: 8, hidden: true, 'aria-label': `Edit ${path} as JSON` },
      JSON.stringify(current, null, 2),
    );
    const editButton = h('button', { type: 'button', class: 'edit' }, 'Edit');
    editButton.addEventListener('click', () => {
      if (editor.hidden) {
        editor.hidden = false;
        editButton.textContent = 'Done';
        return;
      }
      try {
        this.edits[path] = JSON.parse((editor as HTMLTextAreaElement).value) as Record<string, unknown>;
        editor.hidden = true;
        editButton.textContent = 'Edit';
        desc.textContent = describeFact(category, this.edits[path]!, this.nameOf());
      } catch (err) {
        this.status(`${path}: not valid JSON (${(err as Error).message})`, true);
      }
    });
    const nameOf = this.nameOf();
    const desc = h('span.desc', {}, describeFact(category, current, nameOf));
    const badge = this.draft!.entities?.[path];
    const badgeEl = badge
      ? h(`span.badge.${badge.status}`, { title: badge.why }, badge.status === 'linked' ? `LINKED → ${badge.target?.name ?? ''}` : 'NEW')
      : null;
    const looksLike = [
      ...(badge?.similar ?? []).map((x) => `looks like ${x.name} (${x.id}), not merged: ${badge!.why}`),
      ...(this.draft!.similarMeetings?.[path] ?? []).map(
        (m) => `looks like ${m.title}${m.date ? ` (${m.date})` : ''}, already in the graph`,
      ),
    ];
    const warning = looksLike.length ? h('div.warn', { role: 'note' }, `⚠ ${looksLike.join('; ')}`) : null;
    const radio = (d: Decision, label: string) =>
      h(
        'label.check',
        {},
        h('input', { type: 'radio', name: `decide-${path}`, value: d, checked: d === decision, onchange: choose(d) }),
        label,
      );
    li.append(
      h(
        'div.fact-line',
        {},
        badgeEl,
        desc,
        confidence
          ? h(
              'span.conf',
              { title: `${confidence.why}${confidence.rule ? ` — rule ${confidence.rule}` : ''}` },
              confidence.score.toFixed(2),
            )
          : null,
        radio('accept', 'accept'),
        radio('reject', 'reject'),
        editButton,
      ),
      ...[warning, confidence?.rule ? h('div.rule', {}, `rule ${confidence.rule}`) : null].filter((x): x is HTMLDivElement => x !== null),
      editor,
    );
    li.addEventListener('mouseenter', () => this.highlight(path, true));
    li.addEventListener('mouseleave', () => this.highlight(path, false));
    li.addEventListener('focusin', () => this.highlight(path, true));
    return li;
  }

  private highlight(path: string, on: boolean): void {
    document.querySelectorAll<HTMLElement>('#ingest-article mark').forEach((m) => {
      const hit = (m.dataset.paths ?? '').split(' ').includes(path);
      m.classList.toggle('active', on && hit);
      if (on && hit && m === document.querySelector(`#ingest-article mark.active`)) m.scrollIntoView({ block: 'nearest' });
    });
  }

  /** The changes to what the graph has, each with keep / replace; Load waits until each has a choice. */
  private renderChanges(): void {
    const panel = $('#ingest-changes');
    panel.hidden = this.changes.length === 0;
    ($('#ingest-load') as HTMLButtonElement).disabled = !allChosen(this.changes, this.choices);
    if (!this.changes.length) {
      clear(panel);
      return;
    }
    const row = (change: PropertyChange) => {
      const key = changeKey(change);
      const choose = (choice: ChangeChoice) => () => {
        this.choices[key] = choice;
        ($('#ingest-load') as HTMLButtonElement).disabled = !allChosen(this.changes, this.choices);
      };
      const radio = (choice: ChangeChoice, label: string) =>
        h(
          'label.check',
          {},
          h('input', {
            type: 'radio',
            name: `change-${key}`,
            value: choice,
            checked: this.choices[key] === choice,
            onchange: choose(choice),
          }),
          label,
        );
      return h(
        'li.change',
        { 'data-change': key },
        h('span.desc', {}, describeChange(change)),
        radio('keep', 'keep current'),
        radio('replace', 'replace'),
      );
    };
    clear(
      panel,
      h('h3', {}, 'Changes to what the graph already has'),
      h('p.hint', {}, 'Nothing was loaded. For each change, keep the current value or replace it with the draft’s. Then load again.'),
      h('ol', {}, this.changes.map(row)),
    );
  }

  private async load(): Promise<void> {
    if (!this.draft || !allChosen(this.changes, this.choices)) return;
    const facts = reviewedFacts(this.draft.facts, this.decisions, this.edits);
    const changes = choicesFor(this.changes, this.choices);
    this.status('Loading…');
    try {
      const res = await this.post<{ source: string; counts: { nodesCreated: number; relationshipsCreated: number } }>(
        '/api/ingest/accept',
        { facts, text: this.draft.article.raw, ...(changes.length ? { changes } : {}) },
      );
      const first =
        ((facts.events as { id: string }[] | undefined) ?? [])[0]?.id ?? ((facts.people as { id: string }[] | undefined) ?? [])[0]?.id;
      // The verdicts are kept for the rules' precision; losing them must not undo a load.
      const decisions = decisionLog(this.draft.facts, this.decisions, this.edits, this.draft.confidence, this.nameOf());
      await this.post('/api/ingest/decisions', { source: res.source, decisions }).catch(() => undefined);
      this.reset(`Loaded ${res.source}: ${res.counts.nodesCreated} nodes and ${res.counts.relationshipsCreated} relationships created.`);
      if (first) {
        const open = h('button.link', { type: 'button', id: 'ingest-open' }, 'Open it in the explorer');
        open.addEventListener('click', () => this.hooks.open(first));
        $('#ingest-status').append(' ', open);
      }
    } catch (err) {
      const changes =
        err instanceof ApiError && err.status === 409 ? ((err.problem as unknown as { changes?: PropertyChange[] }).changes ?? []) : [];
      if (changes.length) {
        // Keep the choices already made for changes listed again.
        this.changes = [...this.changes.filter((c) => !changes.some((n) => changeKey(n) === changeKey(c))), ...changes];
        this.renderChanges();
        this.status(
          `The draft would change ${changes.length} thing(s) the graph already has; nothing was loaded. Choose for each below, then load again.`,
          true,
        );
        return;
      }
      const problems =
        err instanceof ApiError ? ((err.problem as unknown as { errors?: { param: string; message: string }[] }).errors ?? []) : [];
      this.status(problems.length ? `Refused, nothing was written:` : explain(err), true);
      if (problems.length)
        $('#ingest-status').append(
          h(
            'ul',
            {},
            problems.map((p) => h('li', {}, `${p.param}: ${p.message}`)),
          ),
        );
    }
  }
}
