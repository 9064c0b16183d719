// The explorer's entry: builds the tabs, wires the panels and keeps the URL hash in step with the view.
import './styles.css';
import { explain, getJson } from './api.ts';
import { ConsoleTab } from './console-tab.ts';
import { $, download, h } from './dom.ts';
import { Explorer } from './explorer.ts';
import { IngestTab } from './ingest-tab.ts';
import { ReportsTab } from './reports-tab.ts';
import { ResolveTab } from './resolve-tab.ts';
import { decodeState, encodeState, isPeriod, type LayoutName, type PathQuery, type ReportQuery, type Tab, type ViewState } from './state.ts';
import { TYPE_STYLE } from './style.ts';
import { attachSuggest } from './suggest.ts';

let state: ViewState = decodeState(location.hash);

function writeHash(): void {
  const hash = encodeState(state);
  if (hash !== location.hash.replace(/^#/, '')) history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
}

function update(patch: Partial<ViewState>): void {
  state = { ...state, ...patch };
  for (const key of Object.keys(patch) as (keyof ViewState)[]) if (patch[key] === undefined) delete state[key];
  writeHash();
}

const explorer = new Explorer({
  state: () => state,
  update,
  pathFrom: (id, name) => setPathEnd('#path-from', id, name),
  pathTo: (id, name) => setPathEnd('#path-to', id, name),
  report: (id, type) => {
    const r: ReportQuery = type === 'country' ? { kind: 'bilateral', a: id.replace('country:', ''), b: '' } : { kind: type === 'person' ? 'person' : 'organization', id };
    reports.fill(r);
    selectTab('reports');
    if (r.kind !== 'bilateral') {
      update({ report: r });
      void reports.show(r);
    }
  },
});
const consoleTab = new ConsoleTab({ open: (id) => (selectTab('explore'), void explorer.load(id)), queryChanged: (q) => update({ query: q }) });
const reports = new ReportsTab({ changed: (r) => update({ report: r }) });
new IngestTab({ open: (id) => (selectTab('explore'), void explorer.load(id)) });
const resolveTab = new ResolveTab({ open: (id) => (selectTab('explore'), void explorer.load(id)) });

// --- tabs -----------------------------------------------------------------------------------------
const TABS: Tab[] = ['explore', 'console', 'reports', 'ingest', 'resolve'];
function selectTab(tab: Tab, focus = false): void {
  for (const t of TABS) {
    const button = $(`#tab-${t}`);
    button.setAttribute('aria-selected', String(t === tab));
    button.tabIndex = t === tab ? 0 : -1;
    $(`#panel-${t}`).hidden = t !== tab;
  }
  if (focus) $(`#tab-${tab}`).focus();
  update({ tab });
  if (tab === 'explore') explorer.graph.resize();
  if (tab === 'console') void consoleTab.activate();
  if (tab === 'resolve') void resolveTab.activate();
}
document.querySelectorAll<HTMLButtonElement>('[role=tab][data-tab]').forEach((b) => {
  b.addEventListener('click', () => selectTab(b.dataset.tab as Tab));
  b.addEventListener('keydown', (e) => {
    const i = TABS.indexOf(b.dataset.tab as Tab);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') selectTab(TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!, true);
  });
});

// --- search ---------------------------------------------------------------------------------------
const search = $('#search') as HTMLInputElement;
attachSuggest(search, { onPick: (hit) => void explorer.load(hit.id) });
document.querySelectorAll<HTMLButtonElement>('[data-open]').forEach((b) => b.addEventListener('click', () => void explorer.load(b.dataset.open!)));

// --- date window ----------------------------------------------------------------------------------
const winFrom = $('#win-from') as HTMLInputElement;
const winTo = $('#win-to') as HTMLInputElement;
const winUndated = $('#win-undated') as HTMLInputElement;
function readWindow(): void {
  const ok = (input: HTMLInputElement) => {
    const v = input.value.trim();
    const valid = v === '' || isPeriod(v);
    input.setAttribute('aria-invalid', String(!valid));
    return valid ? v || undefined : null;
  };
  const from = ok(winFrom);
  const to = ok(winTo);
  if (from === null || to === null) {
    $('#win-status').textContent = 'Use YYYY, YYYY-MM or YYYY-MM-DD.';
    return;
  }
  update({ from, to, undated: winUndated.checked });
  explorer.applyWindow();
}
winFrom.addEventListener('change', readWindow);
winTo.addEventListener('change', readWindow);
winUndated.addEventListener('change', readWindow);
for (const input of [winFrom, winTo]) input.addEventListener('keydown', (e) => e.key === 'Enter' && readWindow());
$('#win-clear').addEventListener('click', () => {
  winFrom.value = '';
  winTo.value = '';
  winUndated.checked = true;
  readWindow();
});

// --- paths ----------------------------------------------------------------------------------------
const pathFrom = $('#path-from') as HTMLInputElement;
const pathTo = $('#path-to') as HTMLInputElement;
attachSuggest(pathFrom, { onPick: () => undefined });
attachSuggest(pathTo, { onPick: () => undefined });
function setPathEnd(selector: string, id: string, name: string): void {
  const input = $(selector) as HTMLInputElement;
  input.value = name;
  input.dataset.id = id;
  input.focus();
}
function readPathForm(): PathQuery | null {
  const ref = (input: HTMLInputElement) => (input.dataset.id ?? input.value).trim();
  const from = ref(pathFrom);
  const to = ref(pathTo);
  if (!from || !to) return null;
  const q: PathQuery = {
    from,
    to,
    via: ((document.querySelector('input[name=via]:checked') as HTMLInputElement | null)?.value ?? 'meetings') as 'meetings' | 'any',
    exclude: [...document.querySelectorAll<HTMLInputElement>('input[name=exclude]:checked')].map((c) => c.value),
    k: Math.min(10, Math.max(1, Number(($('#path-k') as HTMLInputElement).value) || 1)),
  };
  const start = ($('#path-start') as HTMLInputElement).value.trim();
  const end = ($('#path-end') as HTMLInputElement).value.trim();
  if (start) q.start = start;
  if (end) q.end = end;
  const hops = Number(($('#path-hops') as HTMLInputElement).value);
  if (hops && hops !== 6) q.maxHops = hops;
  return q;
}
function fillPathForm(q: PathQuery): void {
  pathFrom.value = q.from;
  pathFrom.dataset.id = q.from;
  pathTo.value = q.to;
  pathTo.dataset.id = q.to;
  (document.querySelector(`input[name=via][value=${q.via}]`) as HTMLInputElement).checked = true;
  document.querySelectorAll<HTMLInputElement>('input[name=exclude]').forEach((c) => (c.checked = q.exclude.includes(c.value)));
  ($('#path-k') as HTMLInputElement).value = String(q.k);
  ($('#path-start') as HTMLInputElement).value = q.start ?? '';
  ($('#path-end') as HTMLInputElement).value = q.end ?? '';
  ($('#path-hops') as HTMLInputElement).value = String(q.maxHops ?? 6);
}
$('#path-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = readPathForm();
  if (!q) return;
  update({ path: q });
  void explorer.findPaths(q);
});
$('#path-clear').addEventListener('click', () => {
  update({ path: undefined });
  explorer.clearPath();
});

// --- toolbar --------------------------------------------------------------------------------------
const layoutSelect = $('#layout') as HTMLSelectElement;
layoutSelect.addEventListener('change', () => {
  update({ layout: layoutSelect.value as LayoutName });
  void explorer.graph.layout(state.layout);
});
$('#relayout').addEventListener('click', () => void explorer.graph.layout(state.layout));
$('#fit').addEventListener('click', () => explorer.graph.fit());
$('#zoom-in').addEventListener('click', () => explorer.graph.zoomBy(1.25));
$('#zoom-out').addEventListener('click', () => explorer.graph.zoomBy(0.8));
$('#center').addEventListener('click', () => explorer.graph.centerOn());
$('#unhide').addEventListener('click', () => {
  const n = explorer.graph.unhideAll();
  explorer.status(n ? `Showing ${n} hidden elements again` : 'Nothing was hidden');
});
const fileStem = () => `kg-${(state.entity ?? 'view').replace(/[^\w-]+/g, '_')}`;
$('#export-png').addEventListener('click', () => download(`${fileStem()}.png`, explorer.graph.png()));
$('#export-json').addEventListener('click', () => download(`${fileStem()}.json`, new Blob([JSON.stringify({ state, url: location.href, ...(explorer.graph.json() as object) }, null, 2)], { type: 'application/json' })));
$('#copy-link').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    explorer.status('Link copied');
  } catch {
    explorer.status(`Link: ${location.href}`);
  }
});
$('#details-close').addEventListener('click', () => explorer.closeDetails());

// --- legend ---------------------------------------------------------------------------------------
$('#legend').append(
  ...Object.entries(TYPE_STYLE)
    .filter(([t]) => t !== 'unknown')
    .map(([, s]) => h('span.legend-item', {}, h('span.swatch', { style: `background:${s.color}`, 'data-shape': s.shape }), s.label)),
  h('span.legend-item', {}, h('span.line.met'), 'met'),
  h('span.legend-item', {}, h('span.line.dashed'), 'undated'),
  h('span.legend-item', {}, h('span.line.dotted'), 'inferred'),
);

// --- keyboard -------------------------------------------------------------------------------------
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    if (!$('#details').hidden) explorer.closeDetails();
    else explorer.graph.clearHighlight();
  }
  if (e.key === '/' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
    e.preventDefault();
    selectTab('explore');
    search.focus();
  }
});
$('#cy').addEventListener('keydown', (e) => {
  const sel = explorer.graph.cy.$('node:selected').first();
  if (e.key === 'Enter' && sel.nonempty()) void explorer.expand(sel.id());
  if (e.key === '+' || e.key === '=') explorer.graph.zoomBy(1.25);
  if (e.key === '-') explorer.graph.zoomBy(0.8);
  if (e.key === 'f') explorer.graph.fit();
});
window.addEventListener('resize', () => explorer.graph.resize());

// --- health ---------------------------------------------------------------------------------------
async function checkHealth(): Promise<void> {
  const el = $('#health');
  const banner = $('#banner');
  try {
    const health = await getJson<{ status: string; neo4j: { connected: boolean; version?: string } }>('/api/health');
    el.textContent = `Neo4j ${health.neo4j.version ?? ''} connected`;
    el.className = 'health ok';
    banner.hidden = true;
  } catch (err) {
    el.textContent = 'database unavailable';
    el.className = 'health bad';
    banner.hidden = false;
    banner.textContent = `${explain(err)} — the graph cannot be queried right now; retrying every 10 s.`;
    setTimeout(() => void checkHealth(), 10_000);
  }
}

// A narrow window starts with the side boxes folded, so the graph is near the top.
if (matchMedia('(max-width: 900px)').matches) document.querySelectorAll<HTMLDetailsElement>('details.fold').forEach((d) => (d.open = false));

// --- state from the URL ---------------------------------------------------------------------------
async function applyState(s: ViewState): Promise<void> {
  state = s;
  layoutSelect.value = s.layout;
  winFrom.value = s.from ?? '';
  winTo.value = s.to ?? '';
  winUndated.checked = s.undated;
  selectTab(s.tab);
  if (s.query) consoleTab.setQuery(s.query);
  if (s.report) {
    reports.fill(s.report);
    if (s.tab === 'reports') void reports.show(s.report);
  }
  if (s.entity) await explorer.load(s.entity);
  if (s.path) {
    ($('#path-box') as HTMLDetailsElement).open = true;
    fillPathForm(s.path);
    await explorer.findPaths(s.path);
  }
  writeHash();
}
window.addEventListener('hashchange', () => {
  const next = decodeState(location.hash);
  if (encodeState(next) !== encodeState(state)) void applyState(next);
});

// A handle for tests and for the curious: the graph, the highlighted path, the hidden ids.
const kg = {
  ready: false,
  get cy() {
    return explorer.graph.cy;
  },
  state: () => state,
  highlighted: () => explorer.graph.highlighted(),
  hiddenByWindow: () => explorer.graph.hiddenByWindow(),
  png: () => explorer.graph.png(),
  webgl: () => explorer.graph.webgl,
};
(window as unknown as { __kg: typeof kg }).__kg = kg;

void checkHealth();
void applyState(state).finally(() => {
  kg.ready = true;
  document.body.dataset.ready = 'true';
});
