// Render benchmark page (bench.html): lays out and paints N nodes with ~4 edges each, with the canvas
// renderer and with the WebGL one, and reports layout time, first paint and the cost of redrawing.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { stylesheet } from './style.ts';
import { glRenderer, layoutOptions, WEBGL_THRESHOLD } from './graph.ts';
import type { BenchResult } from './bench-result.ts';
import { ENTITY_TYPES } from './types.ts';

cytoscape.use(fcose);

const TYPES = ENTITY_TYPES;

/** A deterministic random graph: n nodes, 4n edges (mostly local, some long links). */
export function syntheticGraph(n: number, seed = 42): ElementDefinition[] {
  let s = seed;
  const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const els: ElementDefinition[] = [];
  for (let i = 0; i < n; i++) {
    const type = TYPES[i % TYPES.length]!;
    els.push({ group: 'nodes', data: { id: `n${i}`, type, label: `Node ${i}`, short: `Node ${i}` }, classes: `t-${type}` });
  }
  for (let i = 0; i < 4 * n; i++) {
    const a = Math.floor(rnd() * n);
    const b = rnd() < 0.8 ? (a + 1 + Math.floor(rnd() * 20)) % n : Math.floor(rnd() * n);
    els.push({ group: 'edges', data: { id: `e${i}`, source: `n${a}`, target: `n${b}`, type: 'MET', label: 'met' }, classes: 't-met' });
  }
  return els;
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

export type BenchLayout = 'fcose' | 'cose';

const positionsCache = new Map<string, { positions: Record<string, { x: number; y: number }>; layoutMs: number; layout: string }>();

/** The explorer's fcose settings, or Cytoscape's built-in cose with its defaults (for comparison). */
function benchLayoutOptions(name: BenchLayout, n: number): cytoscape.LayoutOptions {
  if (name === 'cose') return { name: 'cose', animate: false, randomize: true, fit: false } as cytoscape.LayoutOptions;
  return { ...layoutOptions('fcose', n, false), fit: false } as cytoscape.LayoutOptions;
}

async function layoutOnce(
  n: number,
  name: BenchLayout,
): Promise<{ positions: Record<string, { x: number; y: number }>; layoutMs: number; layout: string }> {
  const cached = positionsCache.get(`${n}:${name}`);
  if (cached) return cached;
  const cy = cytoscape({ headless: true, elements: syntheticGraph(n), style: stylesheet() as never });
  const options = benchLayoutOptions(name, n);
  const t0 = performance.now();
  const layout = cy.layout(options);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
  const layoutMs = performance.now() - t0;
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((node) => void (positions[node.id()] = { ...node.position() }));
  cy.destroy();
  const result = { positions, layoutMs, layout: name === 'fcose' ? `fcose (${(options as { quality?: string }).quality})` : 'cose' };
  positionsCache.set(`${n}:${name}`, result);
  return result;
}

let current: Core | undefined;

export async function runBench(n: number, webgl: boolean, layoutName: BenchLayout = 'fcose'): Promise<BenchResult> {
  const { positions, layoutMs, layout } = await layoutOnce(n, layoutName);
  current?.destroy();
  const elements = syntheticGraph(n).map((el) => (el.group === 'nodes' ? { ...el, position: positions[el.data.id!] } : el));
  await frame();
  const t0 = performance.now();
  const cy = cytoscape({
    container: document.getElementById('stage'),
    elements,
    // The style the explorer uses at this size (labels only when zoomed in above WEBGL_THRESHOLD).
    style: stylesheet(n * 5 > WEBGL_THRESHOLD) as never,
    layout: { name: 'preset', fit: true },
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } as never } : {}),
  });
  current = cy;
  await new Promise<void>((resolve) => {
    cy.one('render', () => resolve());
    setTimeout(resolve, 5000);
  });
  await frame();
  await frame();
  const firstPaintMs = performance.now() - t0;
  // Redraw cost: zoom steps, each waiting for the frame that draws it.
  const steps = 6;
  const t1 = performance.now();
  for (let i = 0; i < steps; i++) {
    cy.zoom({ level: cy.zoom() * (i % 2 ? 1 / 1.1 : 1.1), renderedPosition: { x: 600, y: 400 } });
    await frame();
  }
  const redrawMs = (performance.now() - t1) / steps;
  // (Run each configuration in a fresh page: cytoscape keeps a fourth canvas layer for every
  // renderer created after a WebGL one.)
  const webglActive = document.querySelector('#stage canvas[data-id$="-webgl"]') !== null;
  const result: BenchResult = {
    nodes: n,
    edges: 4 * n,
    renderer: webgl ? 'webgl' : 'canvas',
    layout,
    layoutMs: Math.round(layoutMs),
    firstPaintMs: Math.round(firstPaintMs),
    layoutPlusPaintMs: Math.round(layoutMs + firstPaintMs),
    redrawMs: Math.round(redrawMs * 10) / 10,
    webglActive,
    gl: glRenderer(),
  };
  document.getElementById('out')!.textContent += `\n${JSON.stringify(result)}`;
  return result;
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
const run = new URLSearchParams(location.search).get('run');
if (run) {
  void (async () => {
    for (const n of run.split(',').map(Number)) for (const webgl of [false, true]) await runBench(n, webgl);
  })();
}

export type { BenchResult };
