// An input with suggestions from /api/search (debounced): arrows move, Enter picks, Escape closes.
import { explain, getJson } from './api.ts';
import { clear, debounce, h } from './dom.ts';
import type { SearchHit } from './types.ts';
import { identityLine } from './identity.ts';
import { TYPE_STYLE } from './style.ts';

export interface SuggestOptions {
  type?: string;
  limit?: number;
  onPick(hit: SearchHit): void;
}

let counter = 0;

/** Wraps an input; `value` of the picked hit is kept in input.dataset.id. */
export function attachSuggest(input: HTMLInputElement, options: SuggestOptions): { close(): void } {
  const listId = `suggest-${++counter}`;
  const list = h('ul.suggest', { id: listId, role: 'listbox', hidden: true });
  input.after(list);
  input.parentElement?.classList.add('suggest-host');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';
  let hits: SearchHit[] = [];
  let active = -1;
  let controller: AbortController | undefined;
  // Enter pressed before the suggestions arrived: take the best one when they do.
  let pickWhenReady = false;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const render = () => {
    clear(
      list,
      hits.map((hit, i) =>
        h(
          'li',
          {
            role: 'option',
            id: `${listId}-${i}`,
            'aria-selected': i === active ? 'true' : 'false',
            class: i === active ? 'active' : '',
            'data-id': hit.id,
            onmousedown: (e: Event) => (e.preventDefault(), pick(i)),
          },
          h('span.dot', { style: `background:${(TYPE_STYLE as Record<string, { color: string }>)[hit.type]?.color ?? '#666'}` }),
          h('span.name', {}, hit.name),
          h('span.kind', {}, hit.type),
          identityLine(hit.summary),
          hit.aliases.length ? h('span.aliases', {}, hit.aliases.slice(0, 3).join(', ')) : null,
        ),
      ),
    );
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.name;
    input.dataset.id = hit.id;
    close();
    options.onPick(hit);
  };
  const search = debounce(async (q: string) => {
    controller?.abort();
    if (q.trim().length < 2) return close();
    controller = new AbortController();
    const params = new URLSearchParams({ q, limit: String(options.limit ?? 8) });
    if (options.type) params.set('type', options.type);
    try {
      const answer = await getJson<{ results: SearchHit[] }>(`/api/search?${params}`, controller.signal);
      // The answer came after the focus left (the user went on to the next field or the button): stay closed.
      if (document.activeElement !== input) return close();
      hits = answer.results;
      active = hits.length ? 0 : -1;
      if (pickWhenReady && hits.length && document.activeElement === input) {
        pickWhenReady = false;
        return pick(0);
      }
      pickWhenReady = false;
      render();
      if (!hits.length) clear(list, h('li.empty', {}, `No match for “${q}”`));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    } catch (err) {
      if ((err as Error).name === 'AbortError' || explain(err) === 'Cancelled') return;
      clear(list, h('li.error', {}, explain(err)));
      list.hidden = false;
    }
  }, 200);

  input.addEventListener('input', () => {
    delete input.dataset.id;
    search(input.value);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden || !hits.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      if (!list.hidden && hits.length) {
        e.preventDefault();
        pick(Math.max(active, 0));
      } else if (input.value.trim().length >= 2 && !input.dataset.id) {
        e.preventDefault();
        pickWhenReady = true;
        search(input.value);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.stopPropagation();
        close();
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return { close };
}
