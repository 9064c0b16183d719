// The explorer's entry: builds the tabs, wires the panels and keeps the URL hash in step with the view.
import './styles.css';
import { explain, getJson } from './api.ts';
import { ConsoleTab } from './console-tab.ts';
import { $, clear, download, h } from './dom.ts';
import { figurePng, figureSvg, type FigureMeta } from './export-image.ts';
import { Explorer, windowText } from './explorer.ts';
import { sourceLines } from './figure.ts';
import { PathExcludes } from './path-excludes.ts';
import { compactElements, decodeView, encodeView, parseView, VIEW_VERSION, type SavedView } from './view.ts';
import { deleteView, listViews, saveView } from './views-store.ts';
import { IngestTab } from './ingest-tab.ts';
import { PicturesTab } from './pictures/pictures-tab.ts';
import type { PictureQuery } from './pictures/query.ts';
import { ReportsTab } from './reports-tab.ts';
import { ResolveTab } from './resolve-tab.ts';
import {
  decodeState,
  encodeState,
  isPeriod,
  type LayoutName,
  type PathQuery,
  type ReportQuery,
  type Tab,
  type ViewState,
} from './state.ts';
import { PATH_COLORS, TYPE_STYLE } from './style.ts';
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
  exclude: (id, name) => {
    excludes.add(id, name);
    ($('#path-box') as HTMLDetailsElement).open = true;
    explorer.status(`Paths now avoid ${name}`);
  },
  windowChanged: (w) => {
    winFrom.value = w.from ?? '';
    winTo.value = w.to ?? '';
    readWindow();
  },
  report: (id, type) => {
    const window = { ...(state.from ? { from: state.from } : {}), ...(state.to ? { to: state.to } : {}) };
    const r: ReportQuery =
      type === 'country'
        ? { kind: 'bilateral', a: id.replace('country:', ''), b: '' }
        : { kind: type === 'person' ? 'person' : 'organization', id, ...window };
    reports.fill(r);
    selectTab('reports');
    if (r.kind !== 'bilateral') {
      update({ report: r });
      void reports.show(r);
    }
  },
  pictures: (id, type) => showPictures(type === 'country' ? { kind: 'country', id } : { kind: 'person', id }),
});
const consoleTab = new ConsoleTab({
  open: (id) => (selectTab('explore'), void explorer.load(id)),
  queryChanged: (q) => update({ query: q }),
});
const reports = new ReportsTab({ changed: (r) => update({ report: r }) });
new IngestTab({ open: (id) => (selectTab('explore'), void explorer.load(id)) });
const resolveTab = new ResolveTab({ open: (id) => (selectTab('explore'), void explorer.load(id)) });

const pictures = new PicturesTab({ changed: (q) => update({ picture: q }), open: (id) => (selectTab('explore'), void explorer.focus(id)) });
function showPictures(q: PictureQuery): void {
  pictures.fill(q);
  selectTab('pictures');
  update({ picture: q });
  void pictures.show(q);
}

// --- tabs -----------------------------------------------------------------------------------------
const TABS: Tab[] = ['explore', 'console', 'reports', 'pictures', 'ingest', 'resolve'];
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
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft')
      selectTab(TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!, true);
  });
});

// --- search ---------------------------------------------------------------------------------------
const search = $('#search') as HTMLInputElement;
attachSuggest(search, { onPick: (hit) => void explorer.load(hit.id) });
document
  .querySelectorAll<HTMLButtonElement>('[data-open]')
  .forEach((b) => b.addEventListener('click', () => void explorer.load(b.dataset.open!)));

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
  void explorer.applyWindow();
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
const pathSuggest = [attachSuggest(pathFrom, { onPick: () => undefined }), attachSuggest(pathTo, { onPick: () => undefined })];
const excludes = new PathExcludes($('#path-excludes'), $('#path-exclude') as HTMLInputElement, () => {
  // A shown search is run again without (or with) the person.
  if (state.path && explorer.lastPaths) {
    const q = readPathForm();
    if (q) {
      update({ path: q });
      void explorer.findPaths(q);
    }
  }
});
const EXCLUDE_LABELS = ['Country', 'Organization', 'Event'];
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
    exclude: [...[...document.querySelectorAll<HTMLInputElement>('input[name=exclude]:checked')].map((c) => c.value), ...excludes.ids()],
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
  excludes.set(q.exclude.filter((x) => !EXCLUDE_LABELS.includes(x)).map((id) => ({ id })));
  ($('#path-k') as HTMLInputElement).value = String(q.k);
  ($('#path-start') as HTMLInputElement).value = q.start ?? '';
  ($('#path-end') as HTMLInputElement).value = q.end ?? '';
  ($('#path-hops') as HTMLInputElement).value = String(q.maxHops ?? 6);
}
$('#path-form').addEventListener('submit', (e) => {
  e.preventDefault();
  for (const s of pathSuggest) s.close();
  const q = readPathForm();
  if (!q) return;
  update({ path: q });
  void explorer.findPaths(q);
});
$('#path-clear').addEventListener('click', () => {
  update({ path: undefined });
  explorer.clearPath();
});
$('#paths-close').addEventListener('click', () => explorer.showComparison(false));

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

/** The title, window, legend and sources a figure of the current picture carries. */
function figureMeta(): FigureMeta {
  const cy = explorer.graph.cy;
  const types = new Set(cy.nodes(':visible').map((n) => String(n.data('type'))));
  const legend: FigureMeta['legend'] = Object.entries(TYPE_STYLE)
    .filter(([t]) => types.has(t))
    .map(([, s]) => ({ color: s.color, label: s.label }));
  if (cy.edges('.t-met:visible').nonempty())
    legend.push({ color: '#1d4ed8', label: explorer.hub ? 'met (thicker: more meetings)' : 'met', line: true });
  (explorer.lastPaths?.paths ?? []).forEach((_, i) =>
    legend.push({ color: PATH_COLORS[i % PATH_COLORS.length]!, label: `path ${i + 1}`, line: true }),
  );
  const drawn = new Set(cy.nodes().map((n) => n.id()));
  const sources = [
    ...explorer
      .fetchedDetails()
      .filter((d) => drawn.has(d.entity.id))
      .flatMap((d) => d.sources),
    ...(explorer.lastPaths?.sources ?? []),
  ];
  const centre = explorer.hub?.center.name;
  return {
    title: centre
      ? `${centre}${explorer.hub && explorer.hub.people.length ? ` and the ${explorer.hub.people.length} people met` : ''}`
      : 'Diplomatic knowledge graph',
    window: `${windowText(state)} · ${cy.nodes(':visible').length} nodes, ${cy.edges(':visible').length} links · drawn ${new Date().toISOString().slice(0, 10)}`,
    legend,
    sources: sources.length ? sourceLines(sources) : ['(open a node’s details to list its sources)'],
  };
}

$('#export-png').addEventListener('click', async () => {
  try {
    download(`${fileStem()}.png`, await figurePng(explorer.graph.cy, figureMeta()));
  } catch (err) {
    explorer.status(explain(err), 'error');
  }
});
$('#export-svg').addEventListener('click', () => {
  try {
    download(`${fileStem()}.svg`, new Blob([figureSvg(explorer.graph.cy, figureMeta())], { type: 'image/svg+xml' }));
  } catch (err) {
    explorer.status(explain(err), 'error');
  }
});

/** The exact picture as a saved view. */
function captureView(title?: string): SavedView {
  const snap = explorer.graph.snapshot((id) => id.startsWith('overlay:'));
  const view: SavedView = {
    version: VIEW_VERSION,
    title: title ?? figureMeta().title,
    savedAt: new Date().toISOString(),
    undated: state.undated,
    layout: state.layout,
    picks: explorer.picks,
    ...snap,
    elements: compactElements(snap.elements),
  };
  if (state.entity) view.entity = state.entity;
  if (state.from) view.from = state.from;
  if (state.to) view.to = state.to;
  if (state.path) view.path = state.path;
  return view;
}

/** Puts a saved view back: the same elements where they were, the same window, layout and paths. */
async function restoreView(view: SavedView): Promise<void> {
  state = { ...state, tab: 'explore', undated: view.undated, layout: view.layout };
  for (const k of ['entity', 'from', 'to', 'path'] as const) delete state[k];
  if (view.entity) state.entity = view.entity;
  if (view.from) state.from = view.from;
  if (view.to) state.to = view.to;
  if (view.path) state.path = view.path;
  selectTab('explore');
  layoutSelect.value = view.layout;
  winFrom.value = view.from ?? '';
  winTo.value = view.to ?? '';
  winUndated.checked = view.undated;
  explorer.clearPath();
  explorer.graph.restore(view);
  await explorer.restorePicture(view.picks);
  if (view.path) {
    ($('#path-box') as HTMLDetailsElement).open = true;
    fillPathForm(view.path);
    await explorer.findPaths(view.path);
    explorer.graph.cy.stop(true, true);
    explorer.graph.cy.viewport({ zoom: view.zoom, pan: view.pan });
  }
  writeHash();
  explorer.status(`Opened the view “${view.title}”`);
}

$('#export-json').addEventListener('click', () =>
  download(
    `${fileStem()}.json`,
    new Blob([JSON.stringify({ ...captureView(), url: location.href }, null, 2)], { type: 'application/json' }),
  ),
);
$('#import-json').addEventListener('change', async (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  try {
    await restoreView(parseView(JSON.parse(await file.text())));
  } catch (err) {
    explorer.status(`${file.name}: ${explain(err)}`, 'error');
  }
});
$('#copy-link').addEventListener('click', async () => {
  const url = `${location.origin}${location.pathname}#view=${await encodeView(captureView())}`;
  const out = $('#link-out') as HTMLInputElement;
  out.value = url;
  out.hidden = false;
  out.select();
  try {
    await navigator.clipboard.writeText(url);
    explorer.status(`Link copied (${url.length.toLocaleString()} characters): it reopens this exact picture`);
  } catch {
    explorer.status('The link is in the box above the graph: copy it from there');
  }
});

function renderViews(): void {
  const views = listViews();
  clear(
    $('#views-list'),
    views.length
      ? views.map((v) =>
          h(
            'li',
            {},
            h(
              'button.link',
              { type: 'button', onclick: () => (void restoreView(v.view), (($('#views-menu') as HTMLDetailsElement).open = false)) },
              v.name,
            ),
            h('span.hint', {}, ` ${v.view.elements.filter((e) => e.group === 'nodes').length} nodes · ${v.view.savedAt.slice(0, 10)}`),
            h(
              'button',
              { type: 'button', 'aria-label': `Delete the view ${v.name}`, onclick: () => (deleteView(v.name), renderViews()) },
              '×',
            ),
          ),
        )
      : h('li.hint', {}, 'No saved views in this browser yet.'),
  );
}
$('#views-menu').addEventListener('toggle', renderViews);
$('#view-save').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('#view-name') as HTMLInputElement;
  const name = input.value.trim();
  if (!name) return;
  explorer.status(
    saveView(name, captureView(name))
      ? `Saved the view “${name}” in this browser`
      : 'This browser’s storage is full: export the view as JSON instead',
    'info',
  );
  input.value = '';
  renderViews();
});
$('#details-close').addEventListener('click', () => explorer.closeDetails());

// --- legend ---------------------------------------------------------------------------------------
$('#legend').append(
  ...Object.entries(TYPE_STYLE)
    .filter(([t]) => t !== 'unknown')
    .map(([, s]) => h('span.legend-item', {}, h('span.swatch', { style: `background:${s.color}`, 'data-shape': s.shape }), s.label)),
  h('span.legend-item', {}, h('span.line.met'), 'met (thicker: more meetings)'),
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
if (matchMedia('(max-width: 900px)').matches)
  document.querySelectorAll<HTMLDetailsElement>('details.fold').forEach((d) => (d.open = false));

// --- state from the URL ---------------------------------------------------------------------------
async function applyState(s: ViewState): Promise<void> {
  const viewCode = new URLSearchParams(location.hash.replace(/^#/, '')).get('view');
  if (viewCode) {
    try {
      await restoreView(await decodeView(viewCode));
    } catch (err) {
      explorer.status(explain(err), 'error');
    }
    return;
  }
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
  if (s.picture) {
    pictures.fill(s.picture);
    if (s.tab === 'pictures') void pictures.show(s.picture);
  }
  if (s.entity) await explorer.load(s.entity);
  if (s.path) {
    ($('#path-box') as HTMLDetailsElement).open = true;
    fillPathForm(s.path);
    await explorer.findPaths(s.path);
    // A link carries ids: once a path is found, the form shows the two names.
    const ends = explorer.lastPaths?.paths[0]?.nodes;
    if (ends?.length) {
      if (pathFrom.value === ends[0]!.id) pathFrom.value = ends[0]!.name;
      if (pathTo.value === ends.at(-1)!.id) pathTo.value = ends.at(-1)!.name;
    }
  }
  writeHash();
}
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#view=')) return void applyState(state);
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
  hub: () => explorer.hub,
  settled: () => explorer.settled,
  picks: () => explorer.picks,
  view: () => captureView(),
  figure: () => figureMeta(),
};
(window as unknown as { __kg: typeof kg }).__kg = kg;

void checkHealth();
void applyState(state).finally(() => {
  kg.ready = true;
  document.body.dataset.ready = 'true';
});
