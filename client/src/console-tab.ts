// The Console tab: a Cypher editor with highlighting, Ctrl+Enter to run, the saved-query menu, and
// results as a table and as a graph.
import { ApiError, explain, getJson, postJson } from './api.ts';
import { highlight } from './cypher-highlight.ts';
import { $, clear, h } from './dom.ts';
import { cellText, cypherElements } from './elements.ts';
import { GraphView } from './graph.ts';
import type { CypherAnswer, SavedQuery } from './types.ts';

export class ConsoleTab {
  private saved: SavedQuery[] = [];
  private graph: GraphView | undefined;
  private last: CypherAnswer | undefined;
  private view: 'table' | 'graph' = 'table';
  private loaded = false;

  constructor(
    private readonly hooks: { open(entityId: string): void; queryChanged(q: string): void },
  ) {
    const editor = $('#editor') as HTMLTextAreaElement;
    const hl = $('#editor-hl');
    const sync = () => {
      hl.innerHTML = highlight(editor.value) + '\n';
      hl.scrollTop = editor.scrollTop;
      hl.scrollLeft = editor.scrollLeft;
    };
    editor.addEventListener('input', () => {
      sync();
      ($('#saved') as HTMLSelectElement).value = '';
      this.renderParams();
    });
    editor.addEventListener('scroll', sync);
    editor.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        void this.run();
      }
    });
    sync();
    $('#run').addEventListener('click', () => void this.run());
    $('#saved').addEventListener('change', () => this.pickSaved());
    document.querySelectorAll<HTMLButtonElement>('.subtabs [data-view]').forEach((b) => b.addEventListener('click', () => this.show(b.dataset.view as 'table' | 'graph')));
  }

  setQuery(q: string): void {
    const editor = $('#editor') as HTMLTextAreaElement;
    editor.value = q;
    editor.dispatchEvent(new Event('input'));
  }

  /** Loads the saved-query menu the first time the tab opens. */
  async activate(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const { queries } = await getJson<{ queries: SavedQuery[] }>('/api/queries');
      this.saved = queries;
      const select = $('#saved');
      for (const q of queries) select.appendChild(h('option', { value: q.name }, q.title));
    } catch (err) {
      $('#saved-desc').textContent = `Saved queries unavailable: ${explain(err)}`;
    }
  }

  private current(): SavedQuery | undefined {
    const name = ($('#saved') as HTMLSelectElement).value;
    return this.saved.find((q) => q.name === name);
  }

  private pickSaved(): void {
    const q = this.current();
    $('#saved-desc').textContent = q ? q.description : '';
    this.renderParams();
  }

  private renderParams(): void {
    const q = this.current();
    clear(
      $('#saved-params'),
      q?.params.map((p) =>
        h('label', {}, `${p.name}${p.required ? ' *' : ''} `, h('input', { 'data-param': p.name, 'data-type': p.type, placeholder: p.description, required: p.required, title: p.description })),
      ),
    );
  }

  private params(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    document.querySelectorAll<HTMLInputElement>('#saved-params input').forEach((input) => {
      const v = input.value.trim();
      if (!v) return;
      out[input.dataset.param!] = input.dataset.type === 'integer' && /^-?\d+$/.test(v) ? Number(v) : v;
    });
    return out;
  }

  async run(): Promise<void> {
    const status = $('#console-status');
    const error = $('#result-error');
    const saved = this.current();
    const query = ($('#editor') as HTMLTextAreaElement).value;
    status.textContent = 'Running…';
    error.hidden = true;
    try {
      const answer = saved ? await postJson<CypherAnswer>(`/api/queries/${encodeURIComponent(saved.name)}`, { params: this.params() }) : await postJson<CypherAnswer>('/api/cypher', { query });
      if (!saved) this.hooks.queryChanged(query);
      this.last = answer;
      const s = answer.summary;
      const cut = s.truncatedBy === 'bytes' ? ` (truncated: the result reached the size cap, ${Math.round((s.bytes ?? 0) / 1024)} KiB)` : s.truncated ? ' (truncated at the row cap)' : '';
      status.textContent = `${s.rows} row${s.rows === 1 ? '' : 's'}${cut} in ${s.ms} ms · ${answer.graph.nodes.length} nodes, ${answer.graph.edges.length} relationships`;
      this.renderTable(answer);
      if (this.view === 'graph') this.renderGraph();
      else if (!answer.rows.length) this.show('table');
    } catch (err) {
      status.textContent = '';
      error.hidden = false;
      const kind = err instanceof ApiError ? ({ 403: 'Query refused', 400: 'Query error', 408: 'Query timed out', 422: 'Query failed', 429: 'Console busy' } as Record<number, string>)[err.status] : undefined;
      clear(error, kind ? h('strong', {}, `${kind}. `) : null, explain(err));
      if (err instanceof ApiError && err.problem.position) this.markPosition(err.problem.position.offset);
    }
  }

  private markPosition(offset: number): void {
    const editor = $('#editor') as HTMLTextAreaElement;
    editor.focus();
    editor.setSelectionRange(offset, Math.min(editor.value.length, offset + 1));
  }

  private renderTable(a: CypherAnswer): void {
    const target = $('#result-table');
    if (!a.rows.length) {
      clear(target, h('p.empty-note', {}, 'No rows.'));
      return;
    }
    clear(
      target,
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), a.columns.map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          a.rows.map((row, i) => h('tr', {}, h('td.num', {}, i + 1), row.map((v) => h('td', { title: typeof v === 'object' && v !== null ? JSON.stringify(v).slice(0, 500) : '' }, cellText(v))))),
        ),
      ),
    );
  }

  private show(view: 'table' | 'graph'): void {
    this.view = view;
    document.querySelectorAll<HTMLButtonElement>('.subtabs [data-view]').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.view === view)));
    $('#result-table').hidden = view !== 'table';
    $('#result-graph').hidden = view !== 'graph';
    if (view === 'graph') this.renderGraph();
  }

  private renderGraph(): void {
    const a = this.last;
    if (!a) return;
    this.graph ??= new GraphView($('#result-graph'), {
      select: () => undefined,
      open: (id) => {
        const entity = this.graph?.cy.getElementById(id).data('entityId') as string | undefined;
        if (entity) this.hooks.open(entity);
      },
    });
    this.graph.resize();
    this.graph.replace(cypherElements(a.graph));
    void this.graph.layout('fcose', false);
  }
}
