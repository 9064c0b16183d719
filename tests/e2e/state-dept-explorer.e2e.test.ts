// The explorer on the imported State Department data, in Chromium: a secretary of state as a hub,
// the evidence of a line, the time control asking the server, paths compared, saved views and
// figures. Screenshots go to tests/e2e/screenshots/ (sd-*.png) for a person to look at.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { importedStateDept } from '../support/imported.ts';
import { openApp, shot, startBrowserSuite, pagePerTest } from './browser.ts';

const BLINKEN = 'person:blinken-antony-j';
const NETANYAHU = 'person:il-benjamin-netanyahu';
const BAKER = 'person:baker-james-addison';

interface Ele {
  id(): string;
  data(k?: string): unknown;
  visible(): boolean;
  hasClass(c: string): boolean;
  position(): { x: number; y: number };
  locked(): boolean;
  emit(e: string): void;
  renderedPosition(): { x: number; y: number };
}
interface Coll {
  length: number;
  map<T>(f: (e: Ele) => T): T[];
  filter(f: (e: Ele) => boolean): Coll;
}
interface Kg {
  ready: boolean;
  cy: {
    nodes(sel?: string): Coll;
    edges(sel?: string): Coll;
    elements(sel?: string): Coll;
    getElementById(id: string): Ele & { length: number };
  };
  state(): Record<string, unknown>;
  hub(): {
    center: { id: string };
    people: { id: string; meetings: number }[];
    neighbours: { id: string; type: string }[];
    query: { from: string | null; to: string | null };
    hidden: Record<string, number>;
  } | null;
  picks(): { by: string; key: string }[];
  settled(): { what: string; at: number; count: number };
  view(): { elements: { data: { id: string }; position?: { x: number; y: number } }[]; hidden: string[]; pinned: string[] };
}
/** The page's handle (main.ts `(window as unknown as W).__kg`), as these tests read it. */
type W = { __kg: Kg };

/** Waits for the picture to settle after the action `act` (a load, a window change, a group shown). */
async function settledAfter(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as W).__kg.settled().count);
  await act();
  await page.waitForFunction((n) => (window as unknown as W).__kg.settled().count > n, before, { timeout: 90_000 });
}

describe('explorer on the State Department data (e2e)', function () {
  this.timeout(900_000);
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];

  before(async function () {
    this.timeout(1_800_000);
    await importedStateDept();
    ({ base, browser } = await startBrowserSuite());
  });
  after(async () => {
    await browser?.close();
  });
  pagePerTest(
    () => browser,
    cspViolations,
    'sd',
    (opened) => ({ context, page } = opened),
  );

  it('opens Antony Blinken as a hub: one weighted line per counterpart, people sized by meetings, events one click away', async () => {
    await openApp(page, base);
    await page.locator('#search').fill('Blinken');
    await page.locator(`.suggest li[data-id="${BLINKEN}"]`).waitFor();
    await settledAfter(page, () => page.locator(`.suggest li[data-id="${BLINKEN}"]`).click());
    const hub = (await page.evaluate(() => (window as unknown as W).__kg.hub()))!;
    expect(hub.center.id).to.equal(BLINKEN);
    expect(hub.people.length).to.be.greaterThan(150);
    const events = hub.neighbours.filter((n) => n.type === 'event').length;
    expect(hub.people.length + hub.neighbours.length).to.be.greaterThan(700);
    // Events are hidden by default: the centre, its counterparts and its title's organisation are drawn.
    expect(await page.evaluate(() => (window as unknown as W).__kg.cy.nodes('.t-event').length)).to.equal(0);
    expect(await page.evaluate(() => (window as unknown as W).__kg.cy.nodes().length)).to.equal(
      1 + hub.people.length + (hub.neighbours.length - events),
    );
    // One line per counterpart, carrying the number of meetings.
    const lines = await page.evaluate(
      (c) =>
        (window as unknown as W).__kg.cy
          .edges('.t-met')
          .filter((e) => e.data('source') === c || e.data('target') === c)
          .map((e) => e.data('meetings') as number),
      BLINKEN,
    );
    expect(lines).to.have.length(hub.people.length);
    expect(lines.reduce((a, b) => a + b, 0)).to.equal(hub.people.reduce((a, p) => a + p.meetings, 0));
    const size = (id: string) => page.evaluate((x) => (window as unknown as W).__kg.cy.getElementById(x).data('size') as number, id);
    const rare = hub.people.find((p) => p.meetings === 1)!;
    expect(await size(NETANYAHU)).to.be.greaterThan(await size(rare.id));
    expect(await page.locator('#hub-bar').textContent()).to.match(new RegExp(`met ${hub.people.length} people .* ${events} events hidden`));
    // The details panel stays short: lists fold, the same quote from 241 records is one line.
    const panelHeight = await page.evaluate(() => document.querySelector('#details-body')!.scrollHeight);
    expect(panelHeight).to.be.lessThan(8000);
    // A record's column line ("traveler: …") is not shown as a quote: the records that name him are listed, folded.
    expect(await page.locator('#details .quote', { hasText: 'traveler:' }).count()).to.equal(0);
    expect(await page.locator('#details .detail-section').first().locator('li.records summary').textContent()).to.equal(
      'Named in 241 records',
    );
    expect(
      await page.locator('#details .detail-section h3', { hasText: 'Events' }).locator('..').locator('details.year-fold').count(),
    ).to.be.greaterThan(3);
    await page.waitForTimeout(400);
    await shot(page, 'sd-01-blinken-hub');

    // One click away: the events of 2022, with short labels that do not repeat his name.
    await settledAfter(page, () => page.locator('#hub-bar select[data-by=year]').selectOption('2022'));
    const labels = await page.evaluate(() => (window as unknown as W).__kg.cy.nodes('.t-event').map((n) => String(n.data('short'))));
    expect(labels.length).to.be.greaterThan(50);
    expect(labels.filter((l) => l.includes('Blinken'))).to.deep.equal([]);
    expect(labels.some((l) => /^meets .+ · \d+ \w+ 2022$/.test(l))).to.equal(true);
    await page.waitForTimeout(400);
    await shot(page, 'sd-02-blinken-2022-events');

    // "All N" above the threshold asks first, then draws them all.
    await page.locator('#hub-all').click();
    await page.locator('#hub-bar .confirm').waitFor();
    expect(await page.locator('#hub-bar .confirm').textContent()).to.match(/more events make a busy picture/);
    await settledAfter(page, () => page.locator('#hub-confirm').click());
    expect(await page.evaluate(() => (window as unknown as W).__kg.cy.nodes('.t-event').length)).to.equal(events);
    await page.waitForTimeout(400);
    await shot(page, 'sd-03-blinken-all-events');
  });

  it('clicking a line lists the meetings on it: date, place, kind, the record and its prose — no raw ids, no "traveler:"', async () => {
    await openApp(page, base, `#entity=${BLINKEN}`);
    await page.waitForFunction(() => (window as unknown as W).__kg.settled().count > 0);
    await page.evaluate((id) => (window as unknown as W).__kg.cy.getElementById(id).emit('tap'), `met:${BLINKEN}|${NETANYAHU}`);
    await page.locator('#details .edge-details').waitFor();
    const panel = page.locator('#details .edge-details');
    expect(await panel.locator('h2').textContent()).to.equal('Antony John Blinken — Benjamin Netanyahu');
    expect(await panel.locator('.summary').textContent()).to.match(/^12 meetings/);
    expect(await panel.locator('li.link-item').count()).to.equal(12);
    const first = panel.locator('li.link-item').first();
    expect(await first.locator('.link-where').textContent()).to.match(/\(Israel\)/);
    expect(await first.locator('.record blockquote').textContent()).to.match(/^“Met with .*Netanyahu/);
    expect(await first.locator('cite').first().textContent()).to.match(
      /Trip abroad: Secretary of State Antony John Blinken in Israel, \d{4}-\d\d-\d\d — U\.S\. Department of State, Office of the Historian/,
    );
    const text = (await panel.textContent())!;
    expect(text).to.not.match(/trip-\d+-meeting|traveler:|event:/);
    await page.waitForTimeout(300);
    await shot(page, 'sd-04-line-evidence');
  });

  it('the time control asks the server for the window: Blinken in June 2022 is his three stops, and says what it hides', async () => {
    await openApp(page, base, `#entity=${BLINKEN}`);
    await page.waitForFunction(() => (window as unknown as W).__kg.settled().count > 0);
    await page.locator('#time-control svg rect').first().waitFor();
    // Drag both handles to June 2022 (keyboard on the range inputs, as a person could).
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('#time-control rect title')].map((t) => t.textContent!.slice(0, 7)).filter((_, i) => i % 2 === 0),
    );
    const june = labels.indexOf('2022-06');
    expect(june).to.be.greaterThan(0);
    await settledAfter(page, () =>
      page.evaluate((i) => {
        for (const id of ['#time-lo', '#time-hi']) {
          const input = document.querySelector<HTMLInputElement>(id)!;
          input.value = String(i);
          input.dispatchEvent(new Event('input'));
          input.dispatchEvent(new Event('change'));
          // The first change sets the start; the second (below) the end — each asks the server once.
        }
      }, june),
    );
    await page.waitForFunction(
      () => (window as unknown as W).__kg.hub()?.query.to === '2022-06' && (window as unknown as W).__kg.hub()?.query.from === '2022-06',
      null,
      { timeout: 60_000 },
    );
    await page.waitForFunction(() => (window as unknown as W).__kg.cy.nodes('.t-event').length === 3, null, { timeout: 60_000 });
    const events = await page.evaluate(() =>
      (window as unknown as W).__kg.cy
        .nodes('.t-event')
        .map((n) => `${String(n.data('start'))} ${String(n.data('label'))}`)
        .sort(),
    );
    expect(events).to.deep.equal([
      '2022-06-23 Secretary of State Antony John Blinken in Germany',
      '2022-06-25 Secretary of State Antony John Blinken in Germany',
      '2022-06-28 Secretary of State Antony John Blinken in Spain',
    ]);
    // Connected to him, not floating.
    expect(
      await page.evaluate(
        () =>
          (window as unknown as W).__kg.cy
            .nodes('.t-event')
            .filter((n) => (n as unknown as { degree(x: boolean): number }).degree(false) === 0).length,
      ),
    ).to.equal(0);
    expect(await page.evaluate(() => (window as unknown as W).__kg.state())).to.deep.include({ from: '2022-06', to: '2022-06' });
    expect(await page.locator('#win-from').inputValue()).to.equal('2022-06');
    expect(await page.locator('#win-status').textContent()).to.match(/Hidden by the window: 276 meetings and \d+ events outside it/);
    expect(await page.locator('#time-control .time-label').textContent()).to.equal('Window 2022-06 – 2022-06');
    // The details panel lists only what lies in the window and says how much it leaves out.
    expect(await page.locator('#details .detail-section', { hasText: 'Events' }).locator('h3').textContent()).to.equal('Events 3');
    expect(await page.locator('#details .window-note').first().textContent()).to.match(/Not listed: \d+ outside the window/);
    await page.waitForTimeout(300);
    await shot(page, 'sd-05-time-june-2022');
    // The report opened from here keeps the window.
    await page.locator('#details button', { hasText: 'Report' }).click();
    await page.waitForFunction(() => location.hash.includes('rfrom=2022-06'));
    const frame = page.frameLocator('#report-frame');
    await frame.locator('h1').first().waitFor({ timeout: 60_000 });
    expect(await frame.locator('body').textContent()).to.match(/Kept to 2022-06 – 2022-06/);
    await shot(page, 'sd-06-report-window');
  });

  it('compares k paths: each drawn left to right with dates and places, overlaid in colours, hops out of time order marked; a person excluded from the menu', async () => {
    await openApp(page, base);
    await page.locator('#path-from').fill('Blinken');
    await page.locator(`.suggest li[data-id="${BLINKEN}"]`).click();
    await page.locator('#path-to').fill('James Baker');
    await page.locator(`.suggest li[data-id="${BAKER}"]`).waitFor();
    await page.locator(`.suggest li[data-id="${BAKER}"]`).click();
    await page.locator('#path-k').fill('3');
    // A suggestion list still loading when the form is sent stays closed, never open over the button.
    await page.locator('#path-exclude').fill('Netanyahu');
    await page.locator('#path-form button[type=submit]').click();
    await page.waitForTimeout(600);
    expect(await page.locator('.suggest:not([hidden])').count()).to.equal(0);
    await page.locator('#paths-panel:not([hidden]) .compare-path').first().waitFor({ timeout: 120_000 });
    const paths = page.locator('#paths-panel .compare-path');
    expect(await paths.count()).to.equal(3);
    const firstChain = paths.first().locator('.chain-node');
    expect(await firstChain.first().textContent()).to.contain('Antony John Blinken');
    expect(await firstChain.last().textContent()).to.contain('James Addison Baker');
    // Dates and places on the hops; the path runs back from 2024 to 1990, so hops are marked.
    expect(await paths.first().locator('.chain-hop .hop-date').first().textContent()).to.match(/\d{4}/);
    expect(await paths.first().locator('.chain-hop .hop-place').first().textContent()).to.match(/\(.+\)/);
    expect(await page.locator('#paths-panel .chain-hop.out-of-order').count()).to.be.greaterThan(0);
    expect(await page.locator('#path-results .hop.out-of-order').count()).to.be.greaterThan(0);
    expect(await page.locator('#path-results').textContent()).to.not.match(/trip-\d+|event:/);
    // All three overlaid, each in its colour.
    const overlay = await page.evaluate(() =>
      [...new Set((window as unknown as W).__kg.cy.edges('.path-overlay').map((e) => e.data('path') as number))].sort(),
    );
    expect(overlay).to.deep.equal([0, 1, 2]);
    await page.waitForTimeout(500);
    await shot(page, 'sd-07-paths-compared');

    // Exclude the first path's second person from the node's menu: a chip appears, the search runs again without them.
    const middle = await page.evaluate(
      () => (window as unknown as W).__kg.cy.edges('.path-overlay.path-0').map((e) => e.data('target') as string)[0]!,
    );
    const excluded = await page.evaluate((id) => (window as unknown as W).__kg.cy.getElementById(id).data('label') as string, middle);
    // Right-click the node where it is once the layout and the zoom to the path have come to rest.
    const where = () => page.evaluate((id) => (window as unknown as W).__kg.cy.getElementById(id).renderedPosition(), middle);
    let at = await where();
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(250);
      const next = await where();
      const still = Math.abs(next.x - at.x) < 0.5 && Math.abs(next.y - at.y) < 0.5;
      at = next;
      if (still) break;
    }
    const box = (await page.locator('#cy').boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y, { button: 'right' });
    expect(await page.locator('.node-menu .node-menu-title').textContent()).to.equal(excluded);
    await page.locator('.node-menu button', { hasText: 'Exclude from paths' }).click();
    await page.locator(`#path-excludes .chip[data-id="${middle}"]`).waitFor();
    expect(await page.locator('#path-excludes .chip').textContent()).to.contain(excluded);
    await page.waitForFunction(
      (id) => ((window as unknown as W).__kg.state().path as { exclude: string[] } | undefined)?.exclude.includes(id),
      middle,
    );
    await page.waitForFunction(
      (id) =>
        (window as unknown as W).__kg.cy.edges('.path-overlay').length > 0 &&
        !(window as unknown as W).__kg.cy
          .edges('.path-overlay')
          .map((e) => `${String(e.data('source'))} ${String(e.data('target'))}`)
          .join(' ')
          .includes(id),
      middle,
      { timeout: 120_000 },
    );
    expect(page.url()).to.contain(encodeURIComponent(middle));
    await page.waitForTimeout(500);
    await shot(page, 'sd-08-paths-excluded');
  });

  it('a link, a saved view and exported JSON restore the exact picture; PNG and SVG at 2x carry title, legend, window and sources', async () => {
    await openApp(page, base, `#entity=${BLINKEN}&from=2023&to=2024`);
    await page.waitForFunction(
      () => (window as unknown as W).__kg.settled().count > 0 && (window as unknown as W).__kg.hub()?.query.from === '2023',
    );
    await settledAfter(page, () => page.locator('#hub-bar select[data-by=country]').selectOption('country:IL'));
    // Hide one, pin and move another.
    await page.evaluate((id) => {
      const cy = (window as unknown as W).__kg.cy as unknown as {
        getElementById(x: string): {
          addClass(c: string): unknown;
          lock(): { addClass(c: string): unknown };
          position(p: { x: number; y: number }): unknown;
        };
      };
      cy.getElementById('org:us-department-of-state').addClass('hidden-by-user');
      cy.getElementById(id).position({ x: 4321, y: -1234 });
      cy.getElementById(id).lock().addClass('pinned');
    }, NETANYAHU);
    const original = await page.evaluate(() => (window as unknown as W).__kg.view());
    expect(original.hidden).to.deep.equal(['org:us-department-of-state']);
    expect(original.pinned).to.deep.equal([NETANYAHU]);
    const positions = (v: typeof original) =>
      Object.fromEntries(
        v.elements.filter((e) => e.position).map((e) => [e.data.id, `${Math.round(e.position!.x)},${Math.round(e.position!.y)}`]),
      );
    await shot(page, 'sd-09-view-before');

    // The link.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('#copy-link').click();
    const link = await page.locator('#link-out').inputValue();
    expect(link).to.match(/#view=[\w-]+$/);
    const again = await context.newPage();
    await openApp(again, base, link.slice(link.indexOf('#')));
    const restored = await again.evaluate(() => (window as unknown as W).__kg.view());
    expect(restored.elements.map((e) => e.data.id).sort()).to.deep.equal(original.elements.map((e) => e.data.id).sort());
    expect(positions(restored)).to.deep.equal(positions(original));
    expect(restored.hidden).to.deep.equal(original.hidden);
    expect(restored.pinned).to.deep.equal(original.pinned);
    expect(await again.evaluate(() => (window as unknown as W).__kg.state())).to.deep.include({
      entity: BLINKEN,
      from: '2023',
      to: '2024',
    });
    expect(await again.evaluate(() => (window as unknown as W).__kg.picks())).to.deep.equal([{ by: 'country', key: 'country:IL' }]);
    await again.waitForTimeout(300);
    await shot(again, 'sd-10-view-from-link');
    await again.close();

    // A saved view in this browser.
    await page.locator('#views-menu summary').click();
    await page.locator('#view-name').fill('Blinken and Israel 2023–24');
    await page.locator('#view-save button[type=submit]').click();
    const fresh = await context.newPage();
    await openApp(fresh, base);
    await fresh.locator('#views-menu summary').click();
    await fresh.locator('#views-list button.link', { hasText: 'Blinken and Israel 2023–24' }).click();
    await fresh.waitForFunction(() => (window as unknown as W).__kg.cy.nodes().length > 10);
    const saved = await fresh.evaluate(() => (window as unknown as W).__kg.view());
    expect(positions(saved)).to.deep.equal(positions(original));
    expect(saved.hidden).to.deep.equal(original.hidden);
    await fresh.close();

    // Exported JSON loads back.
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const file = (await json.path())!;
    const other = await context.newPage();
    await openApp(other, base);
    await other.locator('#import-json').setInputFiles(file);
    await other.waitForFunction(() => (window as unknown as W).__kg.cy.nodes().length > 10);
    const loaded = await other.evaluate(() => (window as unknown as W).__kg.view());
    expect(positions(loaded)).to.deep.equal(positions(original));
    expect(loaded.pinned).to.deep.equal(original.pinned);
    await other.close();

    // Figures at 2x with a title, the window, a legend and the sources.
    const size = await page.evaluate(() => {
      const cy = (window as unknown as W).__kg.cy as unknown as { elements(s: string): { boundingBox(): { w: number; h: number } } };
      return cy.elements(':visible').boundingBox();
    });
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(1, 4)]).to.deep.equal([0x50, 0x4e, 0x47]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).to.be.at.least(Math.floor(size.w * 2));
    expect(height).to.be.greaterThan(Math.floor(size.h * 2));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
    expect(svg.suggestedFilename()).to.equal(`kg-${BLINKEN.replace(':', '_')}.svg`);
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text).to.match(/^<\?xml/);
    expect(text).to.contain('<title>Antony John Blinken and the');
    expect(text).to.match(/Window 2023 – 2024/);
    expect(text).to.contain('U.S. Department of State, Office of the Historian:');
    expect(text).to.contain('>Person</text>');
    expect((text.match(/<path|<circle|<ellipse|<rect/g) ?? []).length).to.be.greaterThan(50);
    await shot(page, 'sd-11-figures');
  });

  it('ran without a Content-Security-Policy violation', () => {
    expect([...new Set(cspViolations.map((v) => v.replace(/^[^:]*: /, '')))].slice(0, 10)).to.deep.equal([]);
  });
});
