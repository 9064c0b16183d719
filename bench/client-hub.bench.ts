// Client benchmark on the imported State Department data (numbers only, no timed assertions), in
// headless Chromium against the real app: (1) from clicking a hub of 700+ neighbours in the search
// suggestions to a settled picture (the hub answer fetched, drawn, laid out, two frames painted), and
// (2) from letting go of the time slider to the redrawn graph (the window asked of the server, merged,
// laid out, painted). Each is also split into the server's share (the /hub request as the browser
// timed it) and the rest. Results: bench/results/client-hub.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Driver } from '../graph/store.ts';
import type { Browser, Page } from 'playwright-core';
import { applySchema, createDriver } from '../graph/database.ts';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../neo4j/local.ts';
import { importStateDept } from '../seeds/import/state-dept/import.ts';
import { loadFactFiles } from '../seeds/loader.ts';
import { createApp } from '../server/app.ts';
import { launchChromium } from '../server/cli/chromium.ts';
import { appDeps } from '../server/deps.ts';
import { latency, round } from './lib/stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = new URL('./results/screenshots/', import.meta.url);
const shot = (page: Page, name: string) => page.screenshot({ path: fileURLToPath(new URL(`${name}.png`, SCREENSHOTS)) });

/**
 * The busiest people of the imported data: Kerry and Blinken with 700 or more distinct neighbours,
 * Clinton with 644 (718 before the importer stopped inventing one-word people).
 */
const HUBS = [
  { id: 'person:kerry-john-forbes', search: 'John Forbes Kerry' },
  { id: 'person:blinken-antony-j', search: 'Antony Blinken' },
  { id: 'person:clinton-hillary-rodham', search: 'Hillary Clinton' },
];
const ROUNDS = Number(process.env.CLIENT_HUB_ROUNDS ?? 5);

type Kg = {
  __kg: {
    settled(): { count: number; at: number };
    hub(): { people: unknown[]; neighbours: unknown[] } | null;
    cy: { nodes(): { length: number }; edges(): { length: number } };
  };
};

/** The /hub requests the page made since `since` (performance.now()), as the browser timed them. */
function hubRequestMs(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (t) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/hub') && e.startTime >= t - 1)
        .reduce((sum, e) => sum + (e as PerformanceResourceTiming).responseEnd - e.startTime, 0),
    since,
  );
}

describe('client benchmark: hubs and the time slider on the State Department data (prints numbers)', function () {
  this.timeout(3_600_000);
  let browser: Browser;
  let base: string;
  let db: LocalNeo4j;
  let driver: Driver;
  let server: Server;
  const home = `${ROOT}.data/bench-client-hub-${process.pid}`;

  before(async function () {
    this.timeout(3_600_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // A throw-away Neo4j with the seeds and the State Department data, the app over it, and Chromium.
    db = await startLocalNeo4j({ home, port: await freePort(), ephemeral: true });
    const target = { uri: db.uri, user: 'neo4j', password: '' };
    driver = createDriver(target);
    await applySchema(driver);
    await loadFactFiles({ driver, reset: true });
    const started = Date.now();
    const summary = await importStateDept({ driver, progress: null });
    console.log(`      imported ${summary.imported} records in ${round((Date.now() - started) / 1000)} s`);
    const app = createApp(appDeps({ driver, target }, { audit: () => {}, staticDir: `${ROOT}client/dist` }));
    server = await new Promise<Server>((resolve) => {
      const listening: Server = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    await driver?.close();
    await db?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('measures click → settled hub, and slider → redrawn graph', async () => {
    const clicks: { hub: string; round: number; neighbours: number; nodes: number; edges: number; totalMs: number; serverMs: number }[] =
      [];
    const slides: { window: string; round: number; nodes: number; totalMs: number; serverMs: number }[] = [];
    // An untimed warm-up: JIT, page cache and the app's first queries.
    {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${base}/#entity=${HUBS[0]!.id}`);
      await page.waitForFunction(() => (window as unknown as Kg).__kg.settled().count > 0, null, { timeout: 300_000 });
      await page.close();
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const hub of HUBS) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.goto(`${base}/`);
        await page.waitForFunction(() => (window as unknown as { __kg?: { ready: boolean } }).__kg?.ready === true);
        await page.locator('#search').fill(hub.search);
        const option = page.locator(`.suggest li[data-id="${hub.id}"]`);
        await option.waitFor({ timeout: 60_000 });
        // The clock starts at the pointer going down on the suggestion.
        await page.evaluate(() =>
          document.addEventListener('pointerdown', () => ((window as unknown as { __t0: number }).__t0 = performance.now()), {
            capture: true,
            once: true,
          }),
        );
        await option.click();
        await page.waitForFunction(() => (window as unknown as Kg).__kg.settled().count > 0, null, { timeout: 300_000 });
        const m = await page.evaluate(() => {
          const kg = (window as unknown as Kg).__kg;
          const hubAnswer = kg.hub()!;
          return {
            t0: (window as unknown as { __t0: number }).__t0,
            at: kg.settled().at,
            neighbours: hubAnswer.people.length + hubAnswer.neighbours.length,
            nodes: kg.cy.nodes().length,
            edges: kg.cy.edges().length,
          };
        });
        clicks.push({
          hub: hub.id,
          round: r,
          neighbours: m.neighbours,
          nodes: m.nodes,
          edges: m.edges,
          totalMs: round(m.at - m.t0),
          serverMs: round(await hubRequestMs(page, m.t0)),
        });
        if (r === 0) await shot(page, `bench-hub-${hub.id.replace(/\W+/g, '_')}`);

        if (hub.id === 'person:blinken-antony-j') {
          // The slider: each year of his tenure, then the whole range again.
          const labels = await page.evaluate(() =>
            [...document.querySelectorAll('#time-control rect title')].map((t) => t.textContent!.slice(0, 7)).filter((_, i) => i % 2 === 0),
          );
          for (const year of ['2021', '2022', '2023', '2024', 'all']) {
            const lo = year === 'all' ? 0 : labels.findIndex((l) => l.startsWith(year));
            const hi = year === 'all' ? labels.length - 1 : labels.length - 1 - [...labels].reverse().findIndex((l) => l.startsWith(year));
            const before = await page.evaluate(() => (window as unknown as Kg).__kg.settled().count);
            // Both handles set, one "change" (as when the second handle is let go).
            const t0 = await page.evaluate(
              ([a, b]) => {
                const low = document.querySelector<HTMLInputElement>('#time-lo')!;
                const high = document.querySelector<HTMLInputElement>('#time-hi')!;
                low.value = String(a);
                high.value = String(b);
                const start = performance.now();
                high.dispatchEvent(new Event('change'));
                return start;
              },
              [lo, hi] as const,
            );
            await page.waitForFunction((n) => (window as unknown as Kg).__kg.settled().count > n, before, { timeout: 120_000 });
            const at = await page.evaluate(() => (window as unknown as Kg).__kg.settled().at);
            const nodes = await page.evaluate(() => (window as unknown as Kg).__kg.cy.nodes().length);
            slides.push({ window: year, round: r, nodes, totalMs: round(at - t0), serverMs: round(await hubRequestMs(page, t0)) });
            if (r === 0 && year === '2022') await shot(page, 'bench-slider-2022');
          }
        }
        await page.close();
      }
    }
    const stat = (xs: number[]) => latency(xs);
    console.log('\n      click on a hub → settled picture (ms; server: the /hub request as the browser timed it)');
    console.log('      hub                               neighbours  nodes drawn   p50 total  max total   p50 server');
    for (const hub of HUBS) {
      const rows = clicks.filter((c) => c.hub === hub.id);
      const t = stat(rows.map((c) => c.totalMs));
      const s = stat(rows.map((c) => c.serverMs));
      console.log(
        `      ${hub.id.padEnd(34)}${String(rows[0]!.neighbours).padStart(10)}  ${String(rows[0]!.nodes).padStart(11)}  ${String(t.p50).padStart(10)}  ${String(t.max).padStart(9)}  ${String(s.p50).padStart(11)}`,
      );
    }
    console.log('\n      slider let go → redrawn graph, Antony Blinken (ms)');
    console.log('      window   nodes   p50 total  max total   p50 server');
    for (const w of ['2021', '2022', '2023', '2024', 'all']) {
      const rows = slides.filter((s) => s.window === w);
      const t = stat(rows.map((x) => x.totalMs));
      const s = stat(rows.map((x) => x.serverMs));
      console.log(
        `      ${w.padEnd(7)}${String(rows[0]!.nodes).padStart(7)}  ${String(t.p50).padStart(10)}  ${String(t.max).padStart(9)}  ${String(s.p50).padStart(11)}`,
      );
    }
    const all = { clicks: stat(clicks.map((c) => c.totalMs)), slides: stat(slides.map((s) => s.totalMs)) };
    console.log(
      `\n      all clicks: p50 ${all.clicks.p50} ms, p95 ${all.clicks.p95} ms, max ${all.clicks.max} ms (${clicks.length}); all slides: p50 ${all.slides.p50} ms, p95 ${all.slides.p95} ms, max ${all.slides.max} ms (${slides.length}); load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    writeFileSync(
      new URL('./results/client-hub.json', import.meta.url),
      JSON.stringify({ at: new Date().toISOString(), rounds: ROUNDS, loadAverage: loadavg(), summary: all, clicks, slides }, null, 2) +
        '\n',
    );
    expect(clicks.filter((c) => c.neighbours >= 700).length).to.be.greaterThan(0);
    expect(clicks.every((c) => c.neighbours >= 600)).to.equal(true);
    expect(slides.length).to.equal(5 * ROUNDS);
  });
});
