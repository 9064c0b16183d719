// Render benchmark (numbers only, no timed assertions): lay out (fcose, as the explorer does, and
// Cytoscape's built-in cose) and paint 1,000 and 5,000 nodes with ~4 edges each, with Cytoscape's canvas
// renderer and with its WebGL renderer, in headless Chromium. The page is client/bench.html (built with
// the app); results go to bench/results/client-render.json. cose at 5,000 nodes is skipped when its
// 1,000-node time, scaled by its quadratic cost, would exceed CLIENT_BENCH_COSE_BUDGET_S (default 300).
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import type { BenchResult } from '../client/src/bench-result.ts';
import { launchChromium } from '../server/cli/chromium.ts';
import { serveBuiltClient } from './lib/static-client.ts';

const SCREENSHOTS = new URL('./results/screenshots/', import.meta.url);

describe('render benchmark: canvas vs WebGL (e2e, prints numbers)', function () {
  this.timeout(900_000);
  let browser: Browser;
  let client: Awaited<ReturnType<typeof serveBuiltClient>>;

  before(async () => {
    client = await serveBuiltClient();
    mkdirSync(SCREENSHOTS, { recursive: true });
    // WebGL without a GPU: Chromium's software rasteriser (SwiftShader) has to be allowed explicitly.
    browser = await launchChromium(['--enable-unsafe-swiftshader', '--use-angle=swiftshader']);
  });
  after(async () => {
    await browser?.close();
    await client?.close();
  });

  it('lays out and paints 1,000 and 5,000 nodes with ~4 edges each', async () => {
    const results: BenchResult[] = [];
    const skipped: string[] = [];
    const budgetS = Number(process.env.CLIENT_BENCH_COSE_BUDGET_S ?? 300);
    for (const n of [1000, 5000]) {
      for (const layout of ['fcose', 'cose'] as const) {
        const cose1k = results.find((r) => r.nodes === 1000 && r.layout === 'cose');
        if (layout === 'cose' && n > 1000 && cose1k && (cose1k.layoutMs * (n / 1000) ** 2) / 1000 > budgetS) {
          skipped.push(
            `cose ${n}: projected ${Math.round((cose1k.layoutMs * (n / 1000) ** 2) / 1000)} s from ${cose1k.layoutMs} ms at 1,000 nodes (budget ${budgetS} s)`,
          );
          continue;
        }
        for (const webgl of [false, true]) {
          // A fresh page per run: no state (canvas layers, caches, JIT) carried from one run to the next.
          const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
          await page.goto(`${client.base}/bench.html`);
          await page.waitForFunction(() => typeof (window as unknown as { runBench?: unknown }).runBench === 'function');
          const r = await page.evaluate(
            ([nodes, gl, name]) =>
              (window as unknown as { runBench(n: number, w: boolean, l: string): Promise<BenchResult> }).runBench(
                nodes as number,
                gl as boolean,
                name as string,
              ),
            [n, webgl, layout] as const,
          );
          results.push(r);
          await page.screenshot({ path: new URL(`bench-${n}-${layout}-${webgl ? 'webgl' : 'canvas'}.png`, SCREENSHOTS).pathname });
          await page.close();
        }
      }
    }
    console.log(`\n      WebGL implementation in this browser: ${results.find((r) => r.webglActive)?.gl ?? 'none'}`);
    console.log(
      '\n      nodes  edges  renderer  layout           layout ms  first paint ms  layout+paint ms  redraw ms/frame  webgl active',
    );
    for (const r of results)
      console.log(
        `      ${String(r.nodes).padStart(5)}  ${String(r.edges).padStart(5)}  ${r.renderer.padEnd(8)}  ${r.layout.padEnd(15)}  ${String(r.layoutMs).padStart(9)}  ${String(r.firstPaintMs).padStart(14)}  ${String(r.layoutPlusPaintMs).padStart(15)}  ${String(r.redrawMs).padStart(15)}  ${r.webglActive}`,
      );
    for (const line of skipped) console.log(`      skipped: ${line}`);
    writeFileSync(
      new URL('./results/client-render.json', import.meta.url),
      JSON.stringify({ at: new Date().toISOString(), results, skipped }, null, 2) + '\n',
    );
    for (const r of results) expect(r.edges).to.equal(4 * r.nodes);
    for (const r of results) expect(r.webglActive).to.equal(r.renderer === 'webgl');
    expect(results.filter((r) => r.layout.startsWith('fcose')).map((r) => `${r.nodes}/${r.renderer}`)).to.deep.equal([
      '1000/canvas',
      '1000/webgl',
      '5000/canvas',
      '5000/webgl',
    ]);
  });
});
