// The Cytoscape view: elements in batches, layouts, hover labels, hide/pin/collapse, the date
// window, path highlighting, export. WebGL rendering once the graph is big.
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { visibleIn, windowStatus, type Window } from './dates.ts';
import type { ElementDef } from './elements.ts';
import { hubLayout, type LayoutItem } from './hub-layout.ts';
import type { LayoutName } from './state.ts';
import { stylesheet } from './style.ts';

cytoscape.use(fcose);

/** Above this many elements the view switches to Cytoscape's WebGL renderer. */
export const WEBGL_THRESHOLD = 2000;
/** Fitting a few nodes stops at this zoom rather than blowing them up. */
const MAX_FIT_ZOOM = 1.4;

/** The WebGL renderer's name ("SwiftShader…", "ANGLE (NVIDIA…)"), or null without WebGL2. */
export function glRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

let webglChoice: boolean | undefined;
/**
 * Whether big graphs should use the WebGL renderer: only with hardware WebGL2. A software rasteriser
 * (SwiftShader, llvmpipe) is several times slower than the canvas renderer (see bench.html).
 * `?renderer=webgl` or `?renderer=canvas` in the page URL overrides the choice.
 */
export function webglWorthIt(): boolean {
  if (webglChoice !== undefined) return webglChoice;
  const forced = new URLSearchParams(location.search).get('renderer');
  if (forced === 'webgl' || forced === 'canvas') return (webglChoice = forced === 'webgl');
  const name = glRenderer();
  return (webglChoice = name !== null && !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(name));
}

export function layoutOptions(name: Exclude<LayoutName, 'auto' | 'hub'>, n: number, animate: boolean, center?: string): LayoutOptions {
  const anim = animate && n < 600;
  if (name === 'concentric')
    return {
      name,
      animate: anim,
      animationDuration: 400,
      fit: true,
      padding: 30,
      minNodeSpacing: 18,
      concentric: (node: NodeSingular) => (node.hasClass('center') ? 1000 : node.degree(false)),
      levelWidth: () => 2,
    } as LayoutOptions;
  if (name === 'breadthfirst')
    return {
      name,
      animate: anim,
      animationDuration: 400,
      fit: true,
      padding: 30,
      directed: false,
      spacingFactor: 1.1,
      ...(center ? { roots: `[id = "${center.replace(/"/g, '\\"')}"]` } : {}),
    } as LayoutOptions;
  return {
    name: 'fcose',
    quality: n > 400 ? 'draft' : 'default',
    randomize: true,
    animate: anim,
    animationDuration: 500,
    fit: true,
    padding: 30,
    nodeRepulsion: 9000,
    idealEdgeLength: 110,
    nodeSeparation: 80,
  } as LayoutOptions;
}

export interface GraphEvents {
  select(id: string | null): void;
  open(id: string): void;
  /** A line was clicked: show why its two ends are linked. */
  selectEdge?(id: string): void;
  /** The context menu of a node (right-click or long press), at a point in the page. */
  menu?(id: string, at: { x: number; y: number }): void;
}

/** A node as the hub layout places it: its country wedge, ring and weight from its data. */
function layoutItem(node: NodeSingular): LayoutItem {
  const d = node.data() as Record<string, unknown>;
  const isEvent = d.type === 'event';
  return {
    id: node.id(),
    country: typeof d.country === 'string' ? d.country : d.type === 'country' ? node.id() : null,
    countryName: typeof d.countryName === 'string' ? d.countryName : typeof d.label === 'string' && d.type === 'country' ? d.label : null,
    ring: isEvent ? 1 : 0,
    weight: !isEvent && typeof d.meetings === 'number' ? d.meetings : 0,
    order: typeof d.start === 'string' ? d.start : '9999',
    parent: typeof d.parent_event === 'string' ? d.parent_event : null,
    size: typeof d.size === 'number' ? d.size : node.width(),
  };
}

/** The picture as data (saved views, links, JSON): elements with positions, hidden and pinned ids, viewport. */
export interface GraphSnapshot {
  elements: {
    group: 'nodes' | 'edges';
    data: Record<string, unknown> & { id: string };
    classes?: string;
    position?: { x: number; y: number };
  }[];
  hidden: string[];
  pinned: string[];
  zoom: number;
  pan: { x: number; y: number };
}

export class GraphView {
  cy: Core;
  webgl = false;
  /** Big graphs draw labels only when zoomed in. */
  big = false;
  private layoutName: LayoutName = 'auto';
  /** What "auto" means for the current picture: the hub layout for a hub, fcose otherwise. */
  autoLayout: 'hub' | 'fcose' = 'fcose';

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphEvents,
  ) {
    this.cy = this.create([], false);
  }

  private create(elements: ElementDefinition[], webgl: boolean, big = webgl): Core {
    const cy = cytoscape({
      container: this.container,
      elements,
      style: stylesheet(big) as unknown as cytoscape.StylesheetJson,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } as never } : {}),
    });
    this.webgl = webgl;
    cy.on('tap', 'node', (e) => this.events.select(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) this.events.select(null);
    });
    cy.on('dbltap', 'node', (e) => this.events.open(e.target.id()));
    cy.on('tap', 'edge', (e) => this.events.selectEdge?.(e.target.id()));
    cy.on('cxttap', 'node', (e) => {
      const box = this.container.getBoundingClientRect();
      const p = e.renderedPosition ?? e.target.renderedPosition();
      this.events.menu?.(e.target.id(), { x: box.left + p.x, y: box.top + p.y });
    });
    cy.on('mouseover', 'node, edge', (e) => {
      e.target.addClass('hover');
      if (e.target.isNode()) e.target.connectedEdges().addClass('hover');
    });
    cy.on('mouseout', 'node, edge', (e) => {
      e.target.removeClass('hover');
      if (e.target.isNode()) e.target.connectedEdges().removeClass('hover');
    });
    return cy;
  }

  /** Re-creates the view with the renderer its size calls for, keeping elements and viewport. */
  private ensureRenderer(total: number): void {
    const big = total > WEBGL_THRESHOLD;
    const want = big && webglWorthIt();
    if (want === this.webgl && big === this.big) return;
    this.big = big;
    const elements = this.cy.elements().jsons() as unknown as ElementDefinition[];
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    this.cy.destroy();
    this.cy = this.create(elements, want, big);
    this.cy.viewport({ zoom, pan });
  }

  /**
   * Brings the elements that carry `tag` in line with `defs`: removes the tagged ones no longer there,
   * adds the new ones next to `near`, refreshes the data of those that stay (counts, sizes, labels).
   * Untagged elements (expansions, paths) and every class a user gave (hidden, pinned) are kept.
   */
  merge(defs: ElementDef[], tag: string, near?: string): string[] {
    const wanted = new Map(defs.map((d) => [d.data.id, d]));
    this.cy.batch(() => {
      this.cy.elements(`.${tag}`).forEach((el) => {
        const def = wanted.get(el.id());
        if (!def) {
          if (!el.locked()) el.remove();
          return;
        }
        el.data(def.data);
        for (const c of (def.classes ?? '').split(' ').filter(Boolean)) el.addClass(c);
      });
    });
    const fresh = defs
      .filter((d) => this.cy.getElementById(d.data.id).empty())
      .map((d) => ({ ...d, classes: `${d.classes ?? ''} ${tag}`.trim() }));
    return this.add(fresh, near);
  }

  /** The picture as data: elements (transient classes left out) with positions, hidden and pinned ids, viewport. */
  snapshot(skip: (id: string) => boolean = () => false): GraphSnapshot {
    const transient = new Set(['hover', 'faded', 'path-hl', 'dim', 'window-out', 'undated-off', 'hidden-by-user', 'pinned']);
    const elements = this.cy
      .elements()
      .filter((el) => !skip(el.id()))
      .map((el) => {
        const classes = el
          .classes()
          .filter((c) => !transient.has(c))
          .join(' ');
        const out: {
          group: 'nodes' | 'edges';
          data: Record<string, unknown> & { id: string };
          classes?: string;
          position?: { x: number; y: number };
        } = { group: el.isNode() ? 'nodes' : 'edges', data: { ...(el.data() as Record<string, unknown>), id: el.id() } };
        if (classes) out.classes = classes;
        if (el.isNode()) out.position = { ...el.position() };
        return out;
      });
    return {
      elements,
      hidden: this.cy.elements('.hidden-by-user').map((e) => e.id()),
      pinned: this.cy.nodes('.pinned').map((n) => n.id()),
      zoom: this.cy.zoom(),
      pan: { ...this.cy.pan() },
    };
  }

  /** Puts a snapshot back exactly: the same elements where they were, hidden and pinned as they were. */
  restore(snap: GraphSnapshot): void {
    this.ensureRenderer(snap.elements.length);
    this.cy.batch(() => {
      this.cy.elements().remove();
      const ids = new Set(snap.elements.filter((e) => e.group === 'nodes').map((e) => e.data.id));
      this.cy.add(
        snap.elements.filter(
          (e) => e.group === 'nodes' || (ids.has(String(e.data.source)) && ids.has(String(e.data.target))),
        ) as unknown as ElementDefinition[],
      );
      for (const id of snap.hidden) this.cy.getElementById(id).addClass('hidden-by-user');
      for (const id of snap.pinned) this.cy.getElementById(id).lock().addClass('pinned');
    });
    this.cy.viewport({ zoom: snap.zoom, pan: snap.pan });
  }

  /** Draws the k paths over the graph, one colour each (parallel lines where paths share a hop). */
  overlayPaths(paths: { nodes: string[]; hops: { from: string; to: string; type?: string }[] }[]): void {
    this.cy.batch(() => {
      this.cy.edges('.path-overlay').remove();
      paths.forEach((p, i) =>
        p.hops.forEach((hop, k) =>
          this.cy.add({
            group: 'edges',
            data: {
              id: `overlay:${i}:${k}`,
              source: hop.from,
              target: hop.to,
              type: (hop as { type?: string }).type ?? 'PATH',
              label: '',
              path: i,
            },
            classes: `path-overlay path-${i}`,
          }),
        ),
      );
    });
  }

  /** Emphasises path i of the overlay (its nodes and lines), dims the others and the rest of the graph. */
  focusPath(i: number, nodeIds: string[]): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('path-hl').addClass('faded');
      this.cy.edges('.path-overlay').removeClass('faded').addClass('dim');
      this.cy.edges(`.path-overlay.path-${i}`).removeClass('dim').addClass('path-hl');
      for (const id of nodeIds) this.cy.getElementById(id).removeClass('faded').addClass('path-hl');
    });
    const hl = this.cy.elements('.path-hl');
    if (hl.nonempty()) this.fitTo(hl, 60);
  }

  clearOverlay(): void {
    this.cy.edges('.path-overlay').remove();
  }

  get size(): number {
    return this.cy.elements().length;
  }

  ids(): Set<string> {
    return new Set(this.cy.nodes().map((n) => n.id()));
  }

  edgeIds(): Set<string> {
    return new Set(this.cy.edges().map((e) => e.id()));
  }

  replace(defs: ElementDef[], center?: string): void {
    this.ensureRenderer(defs.length);
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(defs as ElementDefinition[]);
      if (center) this.cy.getElementById(center).addClass('center');
    });
  }

  /** Adds what is not there yet; returns the ids of the nodes added. New nodes start next to `near`. */
  add(defs: ElementDef[], near?: string): string[] {
    this.ensureRenderer(this.size + defs.length);
    const origin = near ? this.cy.getElementById(near) : undefined;
    const pos = origin && origin.nonempty() ? origin.position() : undefined;
    const present = (id: string) => this.cy.getElementById(id).nonempty();
    const nodes = new Set<string>();
    const fresh: ElementDefinition[] = [];
    for (const d of defs) {
      if (d.group !== 'nodes' || nodes.has(d.data.id) || present(d.data.id)) continue;
      nodes.add(d.data.id);
      fresh.push(
        pos
          ? { ...(d as ElementDefinition), position: { x: pos.x + (Math.random() - 0.5) * 60, y: pos.y + (Math.random() - 0.5) * 60 } }
          : { ...(d as ElementDefinition) },
      );
    }
    const edges = new Set<string>();
    for (const d of defs) {
      if (d.group !== 'edges' || edges.has(d.data.id) || present(d.data.id)) continue;
      const end = (id: string) => nodes.has(id) || present(id);
      if (!end(d.data.source) || !end(d.data.target)) continue;
      edges.add(d.data.id);
      fresh.push({ ...(d as ElementDefinition) });
    }
    // One add for all: Cytoscape styles and indexes the lot once instead of element by element.
    if (fresh.length) this.cy.batch(() => this.cy.add(fresh));
    return [...nodes];
  }

  layout(name: LayoutName = this.layoutName, animate = true): Promise<void> {
    this.layoutName = name;
    const visible = this.cy.elements(':visible');
    if (visible.empty()) return Promise.resolve();
    const center = this.cy.nodes('.center').first();
    const actual = name === 'auto' ? this.autoLayout : name;
    const options =
      actual === 'hub'
        ? this.hubOptions(visible, center, animate)
        : layoutOptions(actual, visible.nodes().length, animate, center.nonempty() ? center.id() : undefined);
    const layout = visible.layout(options);
    const done = layout.promiseOn('layoutstop').then(() => {
      // A handful of nodes would otherwise be blown up to fill the screen.
      if (this.cy.zoom() > MAX_FIT_ZOOM)
        this.cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    });
    layout.run();
    return done;
  }

  /** Preset positions from the hub layout (wedges per country around the centre); pinned nodes stay. */
  private hubOptions(visible: cytoscape.CollectionReturnValue, center: cytoscape.NodeCollection, animate: boolean): LayoutOptions {
    const nodes = visible.nodes();
    const centre = center.nonempty() ? center.first() : nodes.max((n) => n.degree(false)).ele;
    const placed = hubLayout({ id: centre.id(), size: centre.width() }, nodes.filter((n) => n.id() !== centre.id()).map(layoutItem));
    return {
      name: 'preset',
      positions: (node: NodeSingular) => placed.get(node.id()) ?? node.position(),
      fit: true,
      padding: 30,
      animate: animate && nodes.length < 600,
      animationDuration: 400,
    } as unknown as LayoutOptions;
  }

  /**
   * Puts new nodes on a ring around a node instead of laying out the whole picture again, so a hub's
   * wedges stay where the reader left them.
   */
  placeAround(centerId: string, ids: string[]): void {
    const centre = this.cy.getElementById(centerId);
    if (centre.empty() || !ids.length) return;
    const { x, y } = centre.position();
    const radius = Math.max(90, (ids.length * 42) / (2 * Math.PI));
    this.cy.batch(() =>
      ids.forEach((id, i) => {
        const a = (2 * Math.PI * i) / ids.length - Math.PI / 2;
        this.cy.getElementById(id).position({ x: x + radius * Math.cos(a), y: y + radius * Math.sin(a) });
      }),
    );
  }

  /** Whether the picture is in the hub layout (chosen, or automatic for a hub). */
  get inHubLayout(): boolean {
    return this.layoutName === 'hub' || (this.layoutName === 'auto' && this.autoLayout === 'hub');
  }

  get currentLayout(): LayoutName {
    return this.layoutName;
  }

  /** Hides events and MET edges outside the window; undated ones are dashed and optionally hidden. */
  applyWindow(window: Window, showUndated: boolean): { hidden: number; undated: number } {
    let hidden = 0;
    let undated = 0;
    this.cy.batch(() => {
      // What came with a hub answer was already kept to the window by the server.
      this.cy
        .elements()
        .filter((el) => !el.hasClass('from-hub') && !el.hasClass('path-overlay'))
        .forEach((el) => {
          const data = el.data() as Record<string, unknown>;
          const status = windowStatus(data, window);
          if (status === 'undated') undated++;
          const show = visibleIn(data, window, showUndated);
          el.toggleClass('window-out', status === 'out');
          el.toggleClass('undated-off', status === 'undated' && !showUndated);
          if (!show) hidden++;
        });
    });
    return { hidden, undated };
  }

  /** Ids of the elements the date window currently hides. */
  hiddenByWindow(): string[] {
    return this.cy.elements('.window-out, .undated-off').map((e) => e.id());
  }

  highlight(nodeIds: string[], edgeIds: string[]): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('path-hl').addClass('faded');
      for (const id of [...nodeIds, ...edgeIds]) this.cy.getElementById(id).removeClass('faded').addClass('path-hl');
    });
    const hl = this.cy.elements('.path-hl');
    if (hl.nonempty()) this.fitTo(hl, 60);
  }

  clearHighlight(): void {
    this.cy.batch(() => this.cy.elements().removeClass('path-hl faded dim'));
  }

  highlighted(): { nodes: string[]; edges: string[] } {
    return { nodes: this.cy.nodes('.path-hl').map((n) => n.id()), edges: this.cy.edges('.path-hl').map((e) => e.id()) };
  }

  hide(id: string): void {
    this.cy.getElementById(id).addClass('hidden-by-user').unselect();
  }

  unhideAll(): number {
    const hidden = this.cy.elements('.hidden-by-user');
    hidden.removeClass('hidden-by-user');
    return hidden.length;
  }

  /** Pins (locks) a node so layouts leave it where it is; returns whether it is now pinned. */
  togglePin(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.locked()) {
      node.unlock().removeClass('pinned');
      return false;
    }
    node.lock().addClass('pinned');
    return true;
  }

  /** Removes the neighbours that hang only off this node (not pinned, not the centre). */
  collapse(id: string): number {
    const node = this.cy.getElementById(id);
    const leaves = node
      .neighborhood()
      .nodes()
      .filter((n) => !n.locked() && !n.hasClass('center') && n.neighborhood('node').difference(node).empty());
    this.cy.batch(() => leaves.remove());
    return leaves.length;
  }

  fit(): void {
    this.fitTo(this.cy.elements(':visible'), 30);
  }

  /** Animates to show these elements, never zooming in further than MAX_FIT_ZOOM. */
  private fitTo(eles: cytoscape.CollectionReturnValue, padding: number): void {
    const bb = eles.boundingBox();
    const w = Math.max(this.cy.width() - 2 * padding, 10);
    const h = Math.max(this.cy.height() - 2 * padding, 10);
    const zoom = Math.min(MAX_FIT_ZOOM, w / Math.max(bb.w, 1), h / Math.max(bb.h, 1));
    const pan = { x: this.cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: this.cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) };
    this.cy.animate({ zoom, pan }, { duration: 350 });
  }

  zoomBy(factor: number): void {
    const ext = this.cy.extent();
    this.cy.zoom({ level: this.cy.zoom() * factor, position: { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 } });
  }

  centerOn(id?: string): void {
    const target = id ? this.cy.getElementById(id) : this.cy.$(':selected');
    if (target.nonempty()) this.cy.animate({ center: { eles: target }, zoom: Math.max(this.cy.zoom(), 1.2) }, { duration: 300 });
  }

  select(id: string): void {
    this.cy.$(':selected').unselect();
    this.cy.getElementById(id).select();
  }

  png(): string {
    return this.cy.png({ full: true, scale: 2, bg: '#ffffff' });
  }

  json(): unknown {
    return { elements: this.cy.elements().jsons(), zoom: this.cy.zoom(), pan: this.cy.pan() };
  }

  resize(): void {
    this.cy.resize();
  }
}
