// The Cytoscape view: elements in batches, layouts, hover labels, hide/pin/collapse, the date
// window, path highlighting, export. WebGL rendering once the graph is big.
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { visibleIn, windowStatus, type Window } from './dates.ts';
import type { ElementDef } from './elements.ts';
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

export function layoutOptions(name: LayoutName, n: number, animate: boolean, center?: string): LayoutOptions {
  const anim = animate && n < 600;
  if (name === 'concentric')
    return { name, animate: anim, animationDuration: 400, fit: true, padding: 30, minNodeSpacing: 18, concentric: (node: NodeSingular) => (node.hasClass('center') ? 1000 : node.degree(false)), levelWidth: () => 2 } as LayoutOptions;
  if (name === 'breadthfirst')
    return { name, animate: anim, animationDuration: 400, fit: true, padding: 30, directed: false, spacingFactor: 1.1, ...(center ? { roots: `[id = "${center.replace(/"/g, '\\"')}"]` } : {}) } as LayoutOptions;
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
}

export class GraphView {
  cy: Core;
  webgl = false;
  /** Big graphs draw labels only when zoomed in. */
  big = false;
  private layoutName: LayoutName = 'fcose';

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
    const added: string[] = [];
    const origin = near ? this.cy.getElementById(near) : undefined;
    const pos = origin && origin.nonempty() ? origin.position() : undefined;
    this.cy.batch(() => {
      for (const d of defs) {
        if (this.cy.getElementById(d.data.id).nonempty()) continue;
        if (d.group === 'edges' && (this.cy.getElementById(d.data.source).empty() || this.cy.getElementById(d.data.target).empty())) continue;
        const def: ElementDefinition = { ...(d as ElementDefinition) };
        if (d.group === 'nodes' && pos) def.position = { x: pos.x + (Math.random() - 0.5) * 60, y: pos.y + (Math.random() - 0.5) * 60 };
        this.cy.add(def);
        if (d.group === 'nodes') added.push(d.data.id);
      }
    });
    return added;
  }

  layout(name: LayoutName = this.layoutName, animate = true): Promise<void> {
    this.layoutName = name;
    const visible = this.cy.elements(':visible');
    if (visible.empty()) return Promise.resolve();
    const center = this.cy.nodes('.center').first();
    const layout = visible.layout(layoutOptions(name, visible.nodes().length, animate, center.nonempty() ? center.id() : undefined));
    const done = layout.promiseOn('layoutstop').then(() => {
      // A handful of nodes would otherwise be blown up to fill the screen.
      if (this.cy.zoom() > MAX_FIT_ZOOM) this.cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    });
    layout.run();
    return done;
  }

  get currentLayout(): LayoutName {
    return this.layoutName;
  }

  /** Hides events and MET edges outside the window; undated ones are dashed and optionally hidden. */
  applyWindow(window: Window, showUndated: boolean): { hidden: number; undated: number } {
    let hidden = 0;
    let undated = 0;
    this.cy.batch(() => {
      this.cy.elements().forEach((el) => {
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
    this.cy.batch(() => this.cy.elements().removeClass('path-hl faded'));
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
    const leaves = node.neighborhood().nodes().filter((n) => !n.locked() && !n.hasClass('center') && n.neighborhood('node').difference(node).empty());
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
