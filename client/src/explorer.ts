// The Explore tab: loads an entity's neighbourhood, expands on demand (capped, with "show more"),
// shows details, applies the date window, finds and highlights paths.
import { explain, getJson } from './api.ts';
import { renderDetails, type DetailActions } from './details.ts';
import { $, clear, h } from './dom.ts';
import { dateExtent } from './dates.ts';
import { edgesForHop, neighborhoodElements, pathElements, planExpansion, type ElementDef } from './elements.ts';
import { GraphView } from './graph.ts';
import { fetchSummary, renderSummaryCard } from './pictures/summary-card.ts';
import { renderPaths } from './paths-view.ts';
import { pathsQueryString, type PathQuery, type ViewState } from './state.ts';
import type { EntityDetails, Neighborhood, PathsAnswer, SourceInfo } from './types.ts';

/** Neighbours added per expansion; "show more" adds the next batch. */
export const EXPAND_CAP = 25;
const FIRST_LIMIT = 150;

export interface ExplorerHooks {
  state(): ViewState;
  update(patch: Partial<ViewState>): void;
  pathFrom(id: string, name: string): void;
  pathTo(id: string, name: string): void;
  report(id: string, type: string): void;
  pictures(id: string, type: string): void;
}

export class Explorer {
  readonly graph: GraphView;
  private readonly neighbours = new Map<string, Neighborhood>();
  private readonly remaining = new Map<string, number>();
  private readonly details = new Map<string, EntityDetails>();
  readonly sources = new Map<string, SourceInfo>();
  private selected: string | null = null;
  private loadSeq = 0;
  lastPaths: PathsAnswer | null = null;

  constructor(private readonly hooks: ExplorerHooks) {
    this.graph = new GraphView($('#cy'), { select: (id) => void this.select(id), open: (id) => void this.expand(id) });
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
    const key = `${id}@${limit}`;
    const cached = this.neighbours.get(key);
    if (cached) return cached;
    const n = await getJson<Neighborhood>(`/api/entities/${encodeURIComponent(id)}/neighborhood?depth=1&limit=${limit}`);
    this.neighbours.set(key, n);
    return n;
  }

  /** Shows an entity and its neighbourhood as the new view. */
  async load(id: string): Promise<void> {
    const seq = ++this.loadSeq;
    this.status('Loading…', 'busy');
    try {
      const n = await this.neighbourhood(id, FIRST_LIMIT);
      if (seq !== this.loadSeq) return;
      this.remaining.clear();
      this.graph.replace(neighborhoodElements(n), n.center);
      this.showEmpty();
      this.hooks.update({ entity: n.center });
      this.applyWindow();
      this.graph.select(n.center);
      const details = this.select(n.center);
      this.graph.resize();
      await this.graph.layout(this.hooks.state().layout);
      await details;
      this.status(`${this.graph.cy.nodes().length} nodes, ${this.graph.cy.edges().length} links${n.truncated ? ` (first ${n.limit}; expand for more)` : ''}`);
    } catch (err) {
      if (seq === this.loadSeq) this.status(explain(err), 'error');
    }
  }

  private markMore(id: string, count: number): void {
    if (count === 0) this.remaining.delete(id);
    else this.remaining.set(id, count);
    this.graph.cy.getElementById(id).toggleClass('has-more', count !== 0);
  }

  /** Adds a node's next neighbours (at most EXPAND_CAP). */
  async expand(id: string): Promise<void> {
    this.status('Expanding…', 'busy');
    try {
      const n = await this.neighbourhood(id, 1000);
      const plan = planExpansion(n, this.graph.ids(), EXPAND_CAP, this.graph.edgeIds());
      const added = this.graph.add(plan.add, id);
      this.markMore(id, plan.remaining);
      this.showEmpty();
      this.applyWindow();
      if (added.length) await this.graph.layout(undefined, true);
      this.status(added.length ? `Added ${added.length} neighbours${plan.remaining ? `; ${plan.remaining} more` : ''}` : 'No new neighbours');
      if (this.selected === id) this.renderSelected();
    } catch (err) {
      this.status(explain(err), 'error');
    }
  }

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
      panel.hidden = false;
      clear($('#details-body'), h('pre', {}, JSON.stringify(node.data(), null, 2)));
      return;
    }
    panel.hidden = false;
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

  private renderSelected(): void {
    const id = this.selected;
    const d = id ? this.details.get(id) : undefined;
    if (!id || !d) return;
    const actions: DetailActions = {
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
    const node = this.graph.cy.getElementById(id);
    clear($('#details-body'), renderDetails(d, { pinned: node.nonempty() && node.locked(), remaining: this.remaining.get(id) }, actions));
    if (d.entity.type === 'person') void this.fillSummary(id);
  }

  /** The summary card at the top of a person's panel (drawn when its data arrives). */
  private async fillSummary(id: string): Promise<void> {
    const slot = document.querySelector<HTMLElement>('#details-body .summary-slot');
    if (!slot) return;
    try {
      const s = await fetchSummary(id);
      if (this.selected === id && slot.isConnected) clear(slot, renderSummaryCard(s, { open: (x) => void this.focus(x), pictures: (x) => this.hooks.pictures(x, 'person') }, true));
    } catch (err) {
      if (slot.isConnected) clear(slot, h('p.error', {}, `Summary unavailable: ${explain(err)}`));
    }
  }

  /** Selects a node if drawn, otherwise makes it the new centre. */
  async focus(id: string): Promise<void> {
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

  applyWindow(): void {
    const s = this.hooks.state();
    const { hidden, undated } = this.graph.applyWindow({ ...(s.from ? { from: s.from } : {}), ...(s.to ? { to: s.to } : {}) }, s.undated);
    const extent = dateExtent(this.graph.cy.elements().map((e) => e.data() as Record<string, unknown>));
    const parts: string[] = [];
    if (extent) parts.push(`Dated facts here: ${extent.min} – ${extent.max}.`);
    if (undated) parts.push(`${undated} undated.`);
    if (hidden) parts.push(`${hidden} hidden by the window.`);
    $('#win-status').textContent = parts.join(' ');
  }

  async findPaths(q: PathQuery): Promise<void> {
    const out = $('#path-results');
    clear(out, h('p.loading', {}, 'Searching…'));
    try {
      const answer = await getJson<PathsAnswer>(`/api/paths?${pathsQueryString(q)}`);
      this.lastPaths = answer;
      if (!answer.paths.length) {
        this.graph.clearHighlight();
        clear(out, h('p.empty-note', { role: 'status' }, `No path found ${q.via === 'meetings' ? 'through meetings ' : ''}within ${q.maxHops ?? 6} hops${q.start || q.end ? ' in that window' : ''}. Try “any link”, a wider window or fewer exclusions.`));
        return;
      }
      await this.fillSources(answer);
      clear(out, renderPaths(answer, (i) => this.showPath(i), (id) => void this.focus(id), (id) => this.sources.get(id)));
      await this.showPath(0);
    } catch (err) {
      clear(out, h('p.error', { role: 'alert' }, explain(err)));
    }
  }

  /** Article titles for the hop quotes: from the details of the path's people. */
  private async fillSources(answer: PathsAnswer): Promise<void> {
    for (const s of answer.sources ?? []) this.sources.set(s.id, s);
    const missing = new Set(answer.paths.flatMap((p) => p.hops.flatMap((hop) => [...hop.links.flatMap((l) => l.evidence), ...(hop.evidence ?? [])].map((e) => e.sourceId))).filter((s) => !this.sources.has(s)));
    if (!missing.size) return;
    const ids = [...new Set(answer.paths.flatMap((p) => p.nodes.map((n) => n.id)))].slice(0, 8);
    await Promise.all(
      ids.map(async (id) => {
        try {
          const d = this.details.get(id) ?? (await getJson<EntityDetails>(`/api/entities/${encodeURIComponent(id)}`));
          this.details.set(id, d);
          for (const s of d.sources) this.sources.set(s.id, s);
        } catch {
          /* titles are a nicety; the quotes still show */
        }
      }),
    );
  }

  /** Draws path i (adding its nodes and hops if missing) and highlights it. */
  async showPath(i: number): Promise<void> {
    const path = this.lastPaths?.paths[i];
    if (!path) return;
    const { nodes, edges } = pathElements(path);
    const addedNodes = this.graph.add(nodes as ElementDef[], path.nodes[0]?.id);
    const existing = this.graph.cy.edges().map((e) => ({ id: e.id(), source: e.data('source') as string, target: e.data('target') as string, type: e.data('type') as string }));
    const hopEdges: string[] = [];
    const synthetic: ElementDef[] = [];
    path.hops.forEach((hop, k) => {
      const found = edgesForHop(existing, hop);
      if (found.length) hopEdges.push(...found);
      else {
        synthetic.push(edges[k]!);
        hopEdges.push(edges[k]!.data.id);
      }
    });
    this.graph.add(synthetic);
    this.showEmpty();
    if (addedNodes.length) await this.graph.layout(undefined, true);
    this.graph.highlight(
      path.nodes.map((n) => n.id),
      hopEdges,
    );
    document.querySelectorAll('#path-results .path').forEach((el, k) => el.classList.toggle('active', k === i));
  }

  clearPath(): void {
    this.lastPaths = null;
    this.graph.clearHighlight();
    clear($('#path-results'));
  }
}
