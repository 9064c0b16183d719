// One render-benchmark measurement, shared by the bench page and the test that prints it (no imports: pure).
export interface BenchResult {
  nodes: number;
  edges: number;
  renderer: 'canvas' | 'webgl';
  layout: string;
  layoutMs: number;
  firstPaintMs: number;
  layoutPlusPaintMs: number;
  redrawMs: number;
  webglActive: boolean;
  gl: string | null;
}
