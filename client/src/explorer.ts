// The Explore tab: loads an entity as a hub (one request: counterparts weighted, events grouped and
// hidden until asked for when there are many), applies the date window on the server, expands other
// nodes on demand (capped, with "show more"), shows the evidence of a node or a line, and finds,
// overlays and compares paths.
import { explain, getJson } from './api.ts';
import { renderDetails, type DetailActions } from './details.ts';
import { $, clear, h } from './dom.ts';
import { renderEdgeEvidence } from './edge-evidence.ts';
import { edgesForHop, pathElements, planExpansion, type ElementDef } from './elements.ts';
import { GraphView } from './graph.ts';
import { fetchSummary, renderSummaryCard } from './pictures/summary-card.ts';
import { countPicked, eventFacets, EXPAND_WARNING, hubElements, isHub, type GroupBy, type GroupPick } from './hub.ts';
import { closeMenu, showMenu, type MenuItem } from './node-menu.ts';
import { renderCompare } from './paths-compare.ts';
import { renderPaths } from './paths-view.ts';
import { pathsQueryString, type PathQuery, type ViewState } from './state.ts';
import { TimeControl } from './time-control.ts';
import type { EntityDetails, HubAnswer, LinksAnswer, Neighborhood, PathsAnswer, SourceInfo } from './types.ts';

/** Neighbours added per expansion; "show more" adds the next batch. */
export const EXPAND_CAP = 25;
/** The tag of the elements that come from the centre's hub answer (redrawn when the window moves). */
const HUB_TAG = 'from-hub';

export interface ExplorerHooks {
  state(): ViewState;
  update(patch: Partial<ViewState>): void;
  pathFrom(id: string, name: string): void;
  pathTo(id: string, name: string): void;
  report(id: string, type: string): void;
  pictures(id: string, type: string): void;
  /** Excludes an entity from path searches (a chip in the path form); reruns the shown search. */
  exclude(id: string, name: string): void;
  /** The time control moved: the new window. */
  windowChanged(window: { from?: string; to?: string }): void;
}

function windowParams(s: ViewState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if ((s.from || s.to) && s.undated) p.set('includeUndated', 'true');
  return p;
}

export function windowText(s: Pick<ViewState, 'from' | 'to' | 'undated'>): string {
  if (!s.from && !s.to) return 'All dates';
  return `Window ${s.from ?? '…'} – ${s.to ?? '…'} (events and meetings wholly inside${s.undated ? '; undated ones kept' : '; undated ones hidden'})`;
}

export class Explorer {
  readonly graph: GraphView;
  readonly time: TimeControl;
  private readonly neighbours = new Map<string, Neighborhood>();
  private readonly remaining = new Map<string, number>();
  private readonly details = new Map<string, EntityDetails>();
  private readonly links = new Map<string, LinksAnswer>();
  readonly sources = new Map<string, SourceInfo>();
  private selected: string | null = null;
  private loadSeq = 0;
  /** The centre's hub answer in the current window, and which event groups are drawn. */
  hub: HubAnswer | null = null;
  picks: GroupPick[] = [];
  private confirmAll: number | null = null;
  lastPaths: PathsAnswer | null = null;
  activePath = 0;
  /** When the picture last settled after a load or a window change (performance.now(), after the next frame): for tests and the benchmark. */
  settled: { what: 'load' | 'window' | 'groups'; at: number; count: number } = { what: 'load', at: 0, count: 0 };

  private markSettled(what: 'load' | 'window' | 'groups'): void {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => (this.settled = { what, at: performance.now(), count: this.settled.count + 1 })),
    );
  }

  constructor(private readonly hooks: ExplorerHooks) {
    this.graph = new GraphView($('#cy'), {
      select: (id) => void this.select(id),
      open: (id) => void this.expand(id),
      selectEdge: (id) => void this.selectEdge(id),
      menu: (id, at) => this.menu(id, at),
    });
    this.time = new TimeControl($('#time-control'), { change: (w) => this.hooks.windowChanged(w) });
  }

  status(text: string, kind: 'info' | 'error' | 'busy' = 'info'): void {
    const el = $('#status');
    el.textContent = text;
    el.className = `status ${kind}`;
  }

  private showEmpty(): void {
    $('#empty').hidden = this.graph.size > 0;
  }

  private async neighbourhood(id: string, limit: number): Promise<Neighborhood> {
    const w = windowParams(this.hooks.state());
    const key = `${id}@${limit}?${w}`;
    const cached = this.neighbours.get(key);
    if (cached) return cached;
    const n = await getJson<Neighborhood>(
      `/api/entities/${encodeURIComponent(id)}/neighborhood?depth=1&limit=${limit}${w.size ? `&${w}` : ''}`,
    );
    this.neighbours.set(key, n);
    return n;
  }

  private fetchHub(id: string): Promise<HubAnswer> {
    const w = windowParams(this.hooks.state());
    return getJson<HubAnswer>(`/api/entities/${encodeURIComponent(id)}/hub${w.size ? `?${w}` : ''}`);
  }

  /** Shows an entity as the new view: its hub in the current window. */
  async load(id: string, keepPicks: GroupPick[] = []): Promise<void> {
    const seq = ++this.loadSeq;
    this.status('Loading…', 'busy');
    try {
      const hub = await this.fetchHub(id);
      if (seq !== this.loadSeq) return;
      this.hub = hub;
      this.picks = keepPicks;
      this.remaining.clear();
      this.graph.autoLayout = isHub(hub) ? 'hub' : 'fcose';
      this.graph.replace([], hub.center.id);
      this.graph.merge(this.hubDefs(), HUB_TAG);
      this.graph.cy.getElementById(hub.center.id).addClass('center');
      this.showEmpty();
      this.hooks.update({ entity: hub.center.id });
      this.afterWindow();
      this.graph.select(hub.center.id);
      const details = this.select(hub.center.id);
      this.graph.resize();
      await this.graph.layout(this.hooks.state().layout, !isHub(hub));
      this.status(this.summary());
      this.markSettled('load');
      await details;
    } catch (err) {
      if (seq === this.loadSeq) this.status(explain(err), 'error');
    }
  }

  private hubDefs(): ElementDef[] {
    return this.hub ? hubElements(this.hub, this.picks) : [];
  }

  private summary(): string {
    const nodes = this.graph.cy.nodes().length;
    const edges = this.graph.cy.edges().length;
    if (!this.hub || !isHub(this.hub)) return `${nodes} nodes, ${edges} links`;
    const events = this.hub.neighbours.filter((n) => n.type === 'event').length;
    const drawn = this.graph.cy.nodes('.t-event').length;
    return `${this.hub.people.length} people met · ${drawn} of ${events} events drawn · ${nodes} nodes, ${edges} links`;
  }

  /** The time control, the hub bar and the window line after the hub answer changed. */
  private afterWindow(): void {
    const s = this.hooks.state();
    if (this.hub) this.time.setActivity(this.hub.activity, { ...(s.from ? { from: s.from } : {}), ...(s.to ? { to: s.to } : {}) });
    this.renderHubBar();
    this.applyClientWindow();
  }

  /** The window moved: the centre's hub is asked again for it (the server applies it), the rest filtered here. */
  async applyWindow(): Promise<void> {
    const s = this.hooks.state();
    this.time.setWindow({ ...(s.from ? { from: s.from } : {}), ...(s.to ? { to: s.to } : {}) });
    if (!this.hub) {
      this.applyClientWindow();
      return;
    }
    const seq = ++this.loadSeq;
    this.status('Asking for the window…', 'busy');
    try {
      const hub = await this.fetchHub(this.hub.center.id);
      if (seq !== this.loadSeq) return;
      this.hub = hub;
      const added = this.graph.merge(this.hubDefs(), HUB_TAG, hub.center.id);
      this.afterWindow();
      if (added.length || this.graph.currentLayout === 'auto' || this.graph.currentLayout === 'hub')
        await this.graph.layout(undefined, false);
      this.status(this.summary());
      this.markSettled('window');
      // The graph first; the panel's lists follow once it is painted.
      if (this.selected) setTimeout(() => this.renderSelected(), 0);
    } catch (err) {
      if (seq === this.loadSeq) this.status(explain(err), 'error');
    }
  }

  /** Elements that did not come with the hub (expansions, console results) are filtered here, as before. */
  private applyClientWindow(): void {
    const s = this.hooks.state();
    const { hidden, undated } = this.graph.applyWindow({ ...(s.from ? { from: s.from } : {}), ...(s.to ? { to: s.to } : {}) }, s.undated);
    const parts: string[] = [];
    const hub = this.hub?.hidden;
    if (hub && (s.from || s.to)) {
      const out = hub.meetingsOutside + hub.eventsOutside;
      const und = hub.meetingsUndated + hub.eventsUndated;
      parts.push(
        `Hidden by the window: ${hub.meetingsOutside} meetings and ${hub.eventsOutside} events outside it${und ? `, ${und} undated` : ''}.`,
      );
      if (!out && !und) parts.pop();
    }
    if (this.hub && this.hub.undatedActivity && !(s.from || s.to))
      parts.push(`${this.hub.undatedActivity} undated events (not on the histogram).`);
    if (undated) parts.push(`${undated} undated drawn dashed.`);
    if (hidden) parts.push(`${hidden} drawn elements hidden by the window.`);
    $('#win-status').textContent = parts.join(' ');
  }

  private markMore(id: string, count: number): void {
    if (count === 0) this.remaining.delete(id);
    else this.remaining.set(id, count);
    this.graph.cy.getElementById(id).toggleClass('has-more', count !== 0);
  }

  /** Adds a node's next neighbours (at most EXPAND_CAP); the centre of a hub shows its event groups instead. */
  async expand(id: string): Promise<void> {
    if (this.hub && id === this.hub.center.id && isHub(this.hub)) {
      this.status('A hub: pick which of its events to draw (above the graph)');
      ($('#hub-bar select') as HTMLSelectElement | null)?.focus();
      return;
    }
    this.status('Expanding…', 'busy');
    try {
      const n = await this.neighbourhood(id, 1000);
      const plan = planExpansion(n, this.graph.ids(), EXPAND_CAP, this.graph.edgeIds());
      const added = this.graph.add(plan.add, id);
      this.markMore(id, plan.remaining);
      this.showEmpty();
      this.applyClientWindow();
      if (added.length && this.graph.inHubLayout) this.graph.placeAround(id, added);
      else if (added.length) await this.graph.layout(undefined, true);
      this.status(
        added.length ? `Added ${added.length} neighbours${plan.remaining ? `; ${plan.remaining} more` : ''}` : 'No new neighbours',
      );
      if (this.selected === id) this.renderSelected();
    } catch (err) {
      this.status(explain(err), 'error');
    }
  }

  // --- hub groups -------------------------------------------------------------------------------

  /** Draws the events of more groups (asks first above EXPAND_WARNING). */
  async showGroups(more: GroupPick[], confirmed = false): Promise<void> {
    if (!this.hub) return;
    const picks = [...this.picks, ...more.filter((m) => !this.picks.some((p) => p.by === m.by && p.key === m.key))];
    const count = countPicked(this.hub, picks);
    const drawn = countPicked(this.hub, this.picks);
    if (!confirmed && count - drawn > EXPAND_WARNING) {
      this.confirmAll = count;
      this.pendingPicks = picks;
      this.renderHubBar();
      return;
    }
    this.confirmAll = null;
    this.picks = picks;
    const added = this.graph.merge(this.hubDefs(), HUB_TAG, this.hub.center.id);
    this.renderHubBar();
    this.applyClientWindow();
    if (added.length) await this.graph.layout(undefined, added.length < 300);
    this.status(this.summary());
    this.markSettled('groups');
  }
  private pendingPicks: GroupPick[] = [];

  async hideGroup(pick: GroupPick | null): Promise<void> {
    if (!this.hub) return;
    this.picks = pick ? this.picks.filter((p) => !(p.by === pick.by && p.key === pick.key)) : [];
    this.graph.merge(this.hubDefs(), HUB_TAG, this.hub.center.id);
    this.renderHubBar();
    this.status(this.summary());
  }

  private renderHubBar(): void {
    const bar = $('#hub-bar');
    const hub = this.hub;
    if (!hub || !isHub(hub)) {
      bar.hidden = true;
      return;
    }
    bar.hidden = false;
    const events = hub.neighbours.filter((n) => n.type === 'event').length;
    const drawn = countPicked(hub, this.picks);
    const facets = eventFacets(hub);
    const meetings = hub.people.reduce((n, p) => n + p.meetings, 0);
    const label: Record<GroupBy, string> = { kind: 'by kind', year: 'by year', country: 'by country' };
    const picker = (by: GroupBy) =>
      h(
        'select',
        {
          'aria-label': `Show events ${label[by]}`,
          'data-by': by,
          onchange: (e: Event) => {
            const select = e.target as HTMLSelectElement;
            if (select.value) void this.showGroups([{ by, key: select.value }]);
          },
        },
        h('option', { value: '' }, label[by]),
        facets[by].map((f) => h('option', { value: f.key }, `${f.label} (${f.count})`)),
      );
    const chipLabel = (p: GroupPick) =>
      p.by === 'all' ? 'all events' : p.by === 'country' ? (facets.country.find((f) => f.key === p.key)?.label ?? p.key) : p.key;
    clear(
      bar,
      h(
        'span.hub-title',
        {},
        h('strong', {}, hub.center.name),
        ` met ${hub.people.length} people (${meetings} meetings)`,
        events ? ` · ${drawn ? `${drawn} of ${events}` : `${events}`} events ${drawn ? 'drawn' : 'hidden'}` : '',
      ),
      events
        ? h(
            'span.hub-show',
            {},
            'Show events: ',
            h('button', { type: 'button', id: 'hub-all', onclick: () => void this.showGroups([{ by: 'all', key: '*' }]) }, `all ${events}`),
            picker('kind'),
            picker('year'),
            picker('country'),
          )
        : null,
      this.picks.length
        ? h(
            'span.chips',
            {},
            this.picks.map((p) =>
              h(
                'span.chip',
                {},
                chipLabel(p),
                h('button', { type: 'button', 'aria-label': `Hide ${chipLabel(p)}`, onclick: () => void this.hideGroup(p) }, '×'),
              ),
            ),
            h('button.link', { type: 'button', onclick: () => void this.hideGroup(null) }, 'hide events'),
          )
        : null,
      this.confirmAll !== null
        ? h(
            'span.confirm',
            { role: 'alert' },
            `${this.confirmAll - drawn} more events make a busy picture (labels appear as you zoom in). `,
            h(
              'button.primary',
              { type: 'button', id: 'hub-confirm', onclick: () => void this.showGroups(this.pendingPicks, true) },
              `Draw ${this.confirmAll}`,
            ),
            h('button', { type: 'button', onclick: () => ((this.confirmAll = null), this.renderHubBar()) }, 'Cancel'),
          )
        : null,
      hub.truncated ? h('span.hint', {}, ` (the ${hub.neighbours.length} most recent of ${hub.total})`) : null,
    );
  }

  // --- details ----------------------------------------------------------------------------------

  async select(id: string | null): Promise<void> {
    this.selected = id;
    const panel = $('#details');
    const wasHidden = panel.hidden;
    if (!id) {
      panel.hidden = true;
      if (!wasHidden) this.graph.resize();
      return;
    }
    panel.hidden = false;
    if (wasHidden) this.graph.resize();
    const node = this.graph.cy.getElementById(id);
    if (node.nonempty() && node.isNode() && !id.includes(':')) {
      // A console node without an entity id: show its properties only.
      clear($('#details-body'), h('pre', {}, JSON.stringify(node.data(), null, 2)));
      return;
    }
    if (!this.details.has(id)) {
      clear($('#details-body'), h('p.loading', {}, 'Loading details…'));
      try {
        const d = await getJson<EntityDetails>(`/api/entities/${encodeURIComponent(id)}`);
        this.details.set(id, d);
        for (const s of d.sources) this.sources.set(s.id, s);
      } catch (err) {
        clear($('#details-body'), h('p.error', { role: 'alert' }, explain(err)));
        return;
      }
    }
    if (this.selected === id) this.renderSelected();
  }

  private actions(): DetailActions {
    return {
      open: (x) => void this.focus(x),
      expand: (x) => void this.expand(x),
      more: (x) => void this.expand(x),
      collapse: (x) => {
        const n = this.graph.collapse(x);
        this.markMore(x, 0);
        this.status(n ? `Collapsed ${n} neighbours` : 'Nothing hangs only off this node');
        this.renderSelected();
      },
      hide: (x) => {
        this.graph.hide(x);
        void this.select(null);
        this.status('Hidden; “Unhide all” brings it back');
      },
      pin: (x) => {
        this.status(this.graph.togglePin(x) ? 'Pinned: layouts leave it in place' : 'Unpinned');
        this.renderSelected();
      },
      center: (x) => this.graph.centerOn(x),
      pathFrom: this.hooks.pathFrom,
      pathTo: this.hooks.pathTo,
      report: this.hooks.report,
      pictures: this.hooks.pictures,
    };
  }

  private renderSelected(): void {
    const id = this.selected;
    if (!id) return;
    if (id.startsWith('link:')) return void this.selectEdgeEnds(id.slice(5));
    const d = this.details.get(id);
    if (!d) return;
    const s = this.hooks.state();
    const node = this.graph.cy.getElementById(id);
    clear(
      $('#details-body'),
      renderDetails(
        d,
        {
          pinned: node.nonempty() && node.locked(),
          remaining: this.remaining.get(id),
          window: { ...(s.from ? { from: s.from } : {}), ...(s.to ? { to: s.to } : {}) },
          showUndated: s.undated,
        },
        this.actions(),
      ),
    );
    if (d.entity.type === 'person') void this.fillSummary(id);
  }

  /** The summary card at the top of a person's panel (drawn when its data arrives). */
  private async fillSummary(id: string): Promise<void> {
    const slot = document.querySelector<HTMLElement>('#details-body .summary-slot');
    if (!slot) return;
    try {
      const s = await fetchSummary(id);
      if (this.selected === id && slot.isConnected)
        clear(slot, renderSummaryCard(s, { open: (x) => void this.focus(x), pictures: (x) => this.hooks.pictures(x, 'person') }, true));
    } catch (err) {
      if (slot.isConnected) clear(slot, h('p.error', {}, `Summary unavailable: ${explain(err)}`));
    }
  }

  /** Why the two ends of a line are linked, says who: every meeting or relationship on it, in the window. */
  async selectEdge(edgeId: string): Promise<void> {
    const edge = this.graph.cy.getElementById(edgeId);
    if (edge.empty() || !edge.isEdge()) return;
    await this.selectEdgeEnds(`${String(edge.data('source'))}|${String(edge.data('target'))}`);
  }

  private async selectEdgeEnds(ends: string): Promise<void> {
    const [a, b] = ends.split('|') as [string, string];
    this.selected = `link:${ends}`;
    const panel = $('#details');
    const wasHidden = panel.hidden;
    panel.hidden = false;
    if (wasHidden) this.graph.resize();
    const s = this.hooks.state();
    const w = new URLSearchParams({ a, b, limit: '500' });
    if (s.from) w.set('from', s.from);
    if (s.to) w.set('to', s.to);
    const key = w.toString();
    if (!this.links.has(key)) {
      clear($('#details-body'), h('p.loading', {}, 'Loading the evidence…'));
      try {
        this.links.set(key, await getJson<LinksAnswer>(`/api/links?${key}`));
      } catch (err) {
        clear($('#details-body'), h('p.error', { role: 'alert' }, explain(err)));
        return;
      }
    }
    if (this.selected !== `link:${ends}`) return;
    const answer = this.links.get(key)!;
    for (const src of answer.sources) this.sources.set(src.id, src);
    clear(
      $('#details-body'),
      renderEdgeEvidence(answer, (id) => void this.focus(id), s.from || s.to ? windowText(s) : null),
    );
  }

  /** A node's context menu: the panel's actions where the pointer is. */
  menu(id: string, at: { x: number; y: number }): void {
    const node = this.graph.cy.getElementById(id);
    if (node.empty()) return;
    const name = String(node.data('label') ?? id);
    const type = String(node.data('type') ?? '');
    const a = this.actions();
    const items: MenuItem[] = [
      { label: 'Details', run: () => (this.graph.select(id), void this.select(id)) },
      { label: 'Expand', run: () => void this.expand(id) },
      { label: 'Collapse', run: () => a.collapse(id) },
      { label: node.locked() ? 'Unpin' : 'Pin', run: () => a.pin(id) },
      { label: 'Hide', run: () => a.hide(id) },
    ];
    if (type === 'person')
      items.push(
        { label: 'Path from here', run: () => a.pathFrom(id, name) },
        { label: 'Path to here', run: () => a.pathTo(id, name) },
        { label: 'Exclude from paths', run: () => this.hooks.exclude(id, name) },
      );
    if (type === 'person' || type === 'organization' || type === 'country') items.push({ label: 'Report', run: () => a.report(id, type) });
    showMenu(at, name, items);
  }

  /** Selects a node if drawn, otherwise makes it the new centre. */
  async focus(id: string): Promise<void> {
    closeMenu();
    if (this.graph.cy.getElementById(id).nonempty()) {
      this.graph.select(id);
      this.graph.centerOn(id);
      await this.select(id);
    } else await this.load(id);
  }

  closeDetails(): void {
    this.selected = null;
    this.graph.cy.$(':selected').unselect();
    $('#details').hidden = true;
    this.graph.resize();
  }

  // --- paths ------------------------------------------------------------------------------------

  async findPaths(q: PathQuery): Promise<void> {
    const out = $('#path-results');
    clear(out, h('p.loading', {}, 'Searching…'));
    try {
      const answer = await getJson<PathsAnswer>(`/api/paths?${pathsQueryString(q)}`);
      this.lastPaths = answer;
      if (!answer.paths.length) {
        this.graph.clearHighlight();
        this.graph.clearOverlay();
        this.showComparison(false);
        clear(
          out,
          h(
            'p.empty-note',
            { role: 'status' },
            `No path found ${q.via === 'meetings' ? 'through meetings ' : ''}within ${q.maxHops ?? 6} hops${q.start || q.end ? ' in that window' : ''}. Try “any link”, a wider window or fewer exclusions.`,
          ),
        );
        return;
      }
      for (const s of answer.sources ?? []) this.sources.set(s.id, s);
      clear(
        out,
        renderPaths(
          answer,
          (i) => void this.showPath(i),
          (id) => void this.focus(id),
          (id) => this.sources.get(id),
        ),
      );
      await this.drawPaths();
      await this.showPath(0);
    } catch (err) {
      clear(out, h('p.error', { role: 'alert' }, explain(err)));
    }
  }

  /** Adds the nodes of all k paths and overlays each path in its colour. */
  private async drawPaths(): Promise<void> {
    const answer = this.lastPaths;
    if (!answer) return;
    let added: string[] = [];
    for (const path of answer.paths) {
      const { nodes } = pathElements(path);
      added = added.concat(this.graph.add(nodes as ElementDef[], path.nodes[0]?.id));
    }
    this.showEmpty();
    // The paths' lines first, so a layout sees the chains (not loose nodes it would pack in a grid).
    this.graph.overlayPaths(answer.paths.map((p) => ({ nodes: p.nodes.map((n) => n.id), hops: p.hops })));
    this.showComparison(true);
    // Into a hub's picture the path's new people go around the person they are reached from; otherwise the layout runs.
    if (added.length && this.graph.inHubLayout && this.graph.cy.nodes().length > added.length) this.placePathNodes(added);
    else if (added.length) await this.graph.layout(undefined, true);
  }

  private placePathNodes(added: string[]): void {
    const fresh = new Set(added);
    for (const path of this.lastPaths?.paths ?? []) {
      path.nodes.forEach((node, k) => {
        if (!fresh.has(node.id)) return;
        const anchor =
          [...path.nodes.slice(0, k)].reverse().find((n) => !fresh.has(n.id)) ?? path.nodes.slice(k + 1).find((n) => !fresh.has(n.id));
        const run = path.nodes
          .slice(k)
          .map((n) => n.id)
          .filter((id) => fresh.delete(id));
        if (anchor) this.graph.placeAround(anchor.id, run);
      });
    }
  }

  /** Emphasises path i (on the graph, in the list and in the compare panel). */
  async showPath(i: number): Promise<void> {
    const path = this.lastPaths?.paths[i];
    if (!path) return;
    this.activePath = i;
    if (this.graph.cy.edges('.path-overlay').empty()) await this.drawPaths();
    // The hop's own lines (if drawn) are highlighted with the overlay, so a click on them shows the evidence.
    const existing = this.graph.cy
      .edges()
      .filter((e) => !e.hasClass('path-overlay'))
      .map((e) => ({ id: e.id(), source: e.data('source') as string, target: e.data('target') as string, type: e.data('type') as string }));
    const hopEdges = path.hops.flatMap((hop) => edgesForHop(existing, hop));
    // The comparison first: it takes its height from the graph, which must know its size before fitting the path.
    clear(
      $('#paths-body'),
      renderCompare(this.lastPaths!, i, {
        show: (k) => void this.showPath(k),
        open: (id) => void this.focus(id),
        exclude: (id, name) => this.hooks.exclude(id, name),
      }),
    );
    this.graph.resize();
    this.graph.focusPath(
      i,
      path.nodes.map((n) => n.id),
    );
    for (const id of hopEdges) this.graph.cy.getElementById(id).removeClass('faded').addClass('path-hl');
    document.querySelectorAll('#path-results .path').forEach((el, k) => el.classList.toggle('active', k === i));
  }

  clearPath(): void {
    this.lastPaths = null;
    this.graph.clearHighlight();
    this.graph.clearOverlay();
    clear($('#path-results'));
    this.showComparison(false);
  }

  /** The comparison panel sits under the graph, which gives it the room. */
  showComparison(show: boolean): void {
    const panel = $('#paths-panel');
    if (panel.hidden === !show) return;
    panel.hidden = !show;
    this.graph.resize();
  }

  /** Details already fetched (for the figure's list of sources). */
  fetchedDetails(): EntityDetails[] {
    return [...this.details.values()];
  }

  /** Shows a saved picture exactly: no layout, no refetch of the drawn elements; the hub is fetched for the controls only. */
  async restorePicture(picks: GroupPick[]): Promise<void> {
    const s = this.hooks.state();
    this.picks = picks;
    this.showEmpty();
    if (!s.entity) return;
    try {
      this.hub = await this.fetchHub(s.entity);
      this.graph.autoLayout = isHub(this.hub) ? 'hub' : 'fcose';
      this.afterWindow();
      this.status(this.summary());
    } catch (err) {
      this.status(explain(err), 'error');
    }
  }
}
