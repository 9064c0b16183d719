// The Console tab: a CodeMirror 6 editor with Neo4j's Cypher language support (loaded when the tab
// first opens), Ctrl+Enter to run, the saved queries (their Cypher opens in the editor), and results
// as a table, a graph, a chart (numeric aggregates) or a CSV download.
import type { DbSchema } from '@neo4j-cypher/language-support';
import { ApiError, explain, getJson, postJson, refusalText } from './api.ts';
import type { CypherEditor } from './cypher-editor.ts';
import { $, clear, download, h } from './dom.ts';
import { cellText, cypherElements } from './elements.ts';
import { GraphView } from './graph.ts';
import { toCsv } from './pictures/export.ts';
import { chartShape, drawChart } from './result-chart.ts';
import type { CypherAnswer, SavedQuery } from './types.ts';

type View = 'table' | 'graph' | 'chart';
const VIEWS: View[] = ['table', 'graph', 'chart'];

export class ConsoleTab {
  private saved: (SavedQuery & { query?: string })[] = [];
  private graph: GraphView | undefined;
  private last: CypherAnswer | undefined;
  private view: View = 'table';
  private loaded = false;
  private editor: CypherEditor | undefined;
  private editorReady: Promise<CypherEditor> | undefined;
  private schema: DbSchema = {};
  /** Set while the editor text is the picked saved query's own Cypher (not edited since). */
  private savedText: string | undefined;

  constructor(private readonly hooks: { open(entityId: string): void; queryChanged(q: string): void }) {
    $('#run').addEventListener('click', () => void this.run());
    $('#saved').addEventListener('change', () => this.pickSaved());
    $('#result-csv').addEventListener('click', () => this.csv());
    document
      .querySelectorAll<HTMLButtonElement>('.subtabs [data-view]')
      .forEach((b) => b.addEventListener('click', () => this.show(b.dataset.view as View)));
  }

  /** The editor, created on first use (its language support is a separate chunk). */
  private ensureEditor(): Promise<CypherEditor> {
    this.editorReady ??= import('./cypher-editor.ts').then(({ createCypherEditor }) => {
      const host = $('#editor-host');
      const initial = host.dataset.initial ?? '';
      clear(host);
      this.editor = createCypherEditor(host, {
        doc: initial,
        label: 'Cypher query',
        schema: () => this.schema,
        run: () => void this.run(),
        changed: () => {
          if (this.savedText !== undefined && this.editor?.text() !== this.savedText) {
            this.savedText = undefined;
            ($('#saved') as HTMLSelectElement).value = '';
            this.pickSaved(false);
          }
        },
      });
      host.dataset.ready = 'true';
      return this.editor;
    });
    return this.editorReady;
  }

  setQuery(q: string): void {
    const host = $('#editor-host');
    if (this.editor) this.editor.setText(q);
    else host.dataset.initial = q;
  }

  /** Loads the editor, the saved-query menu and the live schema the first time the tab opens. */
  async activate(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    void this.ensureEditor();
    getJson<{ labels: string[]; relationshipTypes: string[]; propertyKeys: string[] }>('/api/schema')
      .then((s) => (this.schema = { labels: s.labels, relationshipTypes: s.relationshipTypes, propertyKeys: s.propertyKeys }))
      .catch(() => undefined);
    try {
      const { queries } = await getJson<{ queries: (SavedQuery & { query?: string })[] }>('/api/queries');
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

  private pickSaved(load = true): void {
    const q = this.saved.find((s) => s.name === ($('#saved') as HTMLSelectElement).value);
    $('#saved-desc').textContent = q ? q.description : '';
    if (q?.query && load) {
      this.savedText = q.query;
      void this.ensureEditor().then((e) => {
        e.setText(q.query!);
        this.savedText = q.query;
      });
    }
    clear(
      $('#saved-params'),
      q?.params.map((p) =>
        h(
          'label',
          {},
          `${p.name}${p.required ? ' *' : ''} `,
          h('input', { 'data-param': p.name, 'data-type': p.type, placeholder: p.description, required: p.required, title: p.description }),
        ),
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

  /** Forgets the last result, so an error never sits above an older answer. */
  private clearResult(): void {
    this.last = undefined;
    clear($('#result-table'));
    clear($('#result-chart'));
    this.graph?.replace([]);
    ($('#result-csv') as HTMLButtonElement).disabled = true;
  }

  async run(): Promise<void> {
    const status = $('#console-status');
    const error = $('#result-error');
    const editor = await this.ensureEditor();
    const saved = this.current();
    const query = editor.text();
    status.textContent = 'Running…';
    error.hidden = true;
    editor.clearError();
    try {
      const answer = saved
        ? await postJson<CypherAnswer>(`/api/queries/${encodeURIComponent(saved.name)}`, { params: this.params() })
        : await postJson<CypherAnswer>('/api/cypher', { query });
      if (!saved) this.hooks.queryChanged(query);
      this.last = answer;
      const s = answer.summary;
      const cut =
        s.truncatedBy === 'bytes'
          ? ` (truncated: the result reached the size cap, ${Math.round((s.bytes ?? 0) / 1024)} KiB)`
          : s.truncated
            ? ' (truncated at the row cap)'
            : '';
      status.textContent = `${s.rows} row${s.rows === 1 ? '' : 's'}${cut} in ${s.ms} ms · ${answer.graph.nodes.length} nodes, ${answer.graph.edges.length} relationships`;
      ($('#result-csv') as HTMLButtonElement).disabled = !answer.rows.length;
      this.renderTable(answer);
      if (this.view === 'graph') this.renderGraph();
      else if (this.view === 'chart') this.renderChart();
      else if (!answer.rows.length) this.show('table');
    } catch (err) {
      this.clearResult();
      status.textContent = '';
      error.hidden = false;
      const kind =
        err instanceof ApiError
          ? (
              { 403: 'Query refused', 400: 'Query error', 408: 'Query timed out', 422: 'Query failed', 429: 'Console busy' } as Record<
                number,
                string
              >
            )[err.status]
          : undefined;
      const text = err instanceof ApiError && err.status === 403 ? refusalText(err.problem.detail ?? err.problem.title) : explain(err);
      clear(error, kind ? h('strong', {}, `${kind}. `) : null, text);
      if (err instanceof ApiError && err.problem.position && !saved)
        editor.markError(err.problem.position.offset, err.problem.detail ?? err.problem.title);
    }
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
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, '#'),
            a.columns.map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          a.rows.map((row, i) =>
            h(
              'tr',
              {},
              h('td.num', {}, i + 1),
              row.map((v) => h('td', { title: typeof v === 'object' && v !== null ? JSON.stringify(v).slice(0, 500) : '' }, cellText(v))),
            ),
          ),
        ),
      ),
    );
  }

  private csv(): void {
    const a = this.last;
    if (!a) return;
    download(
      'cypher-result.csv',
      new Blob(
        [
          toCsv(
            a.columns,
            a.rows.map((r) => r.map((v) => cellText(v))),
          ),
        ],
        { type: 'text/csv' },
      ),
    );
  }

  private show(view: View): void {
    this.view = view;
    document
      .querySelectorAll<HTMLButtonElement>('.subtabs [data-view]')
      .forEach((b) => b.setAttribute('aria-selected', String(b.dataset.view === view)));
    for (const v of VIEWS) $(`#result-${v}`).hidden = v !== view;
    if (view === 'graph') this.renderGraph();
    if (view === 'chart') this.renderChart();
  }

  private renderChart(): void {
    const target = $('#result-chart');
    const a = this.last;
    if (!a) return clear(target, h('p.empty-note', {}, 'Run a query first.'));
    const shape = chartShape(a);
    if (typeof shape === 'string') return clear(target, h('p.empty-note', {}, shape));
    clear(target, h('div.picture', {}, drawChart(a, shape, Math.max(480, Math.min(1000, target.clientWidth - 8 || 800)))));
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
