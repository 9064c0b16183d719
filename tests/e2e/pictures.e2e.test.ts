// Pictures, the Cypher editor, the scaled dossier and accessibility, in headless Chromium on the whole
// State Department import (on top of the seeds in the test database, shared with the other suites that
// ask for it: tests/support/imported.ts). Screenshots under tests/e2e/screenshots/ (pictures-*.png).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import type { Browser, Download, Page } from 'playwright-core';
import { seededApp } from '../support/app.ts';
import { importedStateDept } from '../support/imported.ts';
import { launch, openApp, shot, pagePerTest } from './browser.ts';

const BLINKEN = 'person:blinken-antony-j';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function saved(download: Promise<Download>): Promise<Buffer> {
  const d = await download;
  return readFileSync((await d.path())!);
}

describe('pictures, Cypher editor and dossier on the State Department data (e2e)', function () {
  let base: string;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  before(async function () {
    this.timeout(1_200_000);
    if (!existsSync(new URL('../../client/dist/index.html', import.meta.url)))
      throw new Error('client/dist is missing: run `npm run build` first');
    // E2E_IMPORTED_URL: a running app that already holds the import (quicker while developing).
    if (process.env.E2E_IMPORTED_URL) base = process.env.E2E_IMPORTED_URL;
    else {
      await importedStateDept();
      ({ base } = await seededApp());
    }
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  pagePerTest(
    () => browser,
    cspViolations,
    'pictures',
    (opened) => ({ page } = opened),
  );

  it('draws a secretary of state: summary card, timeline by counterpart, events per year and the map, with sources', async () => {
    await openApp(page, base, `#tab=pictures&pic=${encodeURIComponent(BLINKEN)}`);
    await page.waitForFunction(
      () => !document.querySelector('#pic-output .loading') && document.querySelectorAll('#pic-map svg .countries path').length > 100,
      null,
      { timeout: 240_000 },
    );
    const card = page.locator('#pic-summary .summary-card');
    expect(await card.locator('.summary-counts').textContent()).to.match(/^\d{3} events · \d{3} meetings · \d{3} visits/);
    expect(await card.locator('.summary-contacts dd').first().textContent()).to.contain('15 Mar 2021');
    expect(await card.locator('ol.summary-list').first().textContent()).to.contain('Benjamin Netanyahu');
    expect(await card.locator('.title-bar').count()).to.equal(1);
    const lanes = await page.locator('#pic-timeline svg text').allTextContents();
    // A lane names the counterpart's country only where the records state it (Herzog's title at Israel).
    expect(lanes.join('|')).to.contain('Benjamin Netanyahu · ').and.to.contain('Isaac Herzog (IL)');
    expect(await page.locator('#pic-timeline .mark').count()).to.be.greaterThan(200);
    expect(await page.locator('#pic-years .bar').count()).to.equal(5);
    const shaded = await page.locator('#pic-map [data-iso][role=button]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-iso')));
    expect(shaded).to.include.members(['IL', 'JP', 'UA']);
    expect(await page.locator('#pic-map .journeys path').count()).to.be.greaterThan(80);
    await shot(page, 'pictures-01-blinken');
    await page.locator('#pic-timeline').screenshot({ path: 'tests/e2e/screenshots/pictures-02-timeline.png' });
    await page.locator('#pic-map').screenshot({ path: 'tests/e2e/screenshots/pictures-03-map.png' });

    // A mark cites its source; a country lists its visits with quotes.
    await page.locator('#pic-timeline .mark').first().click();
    // It cites the trip's record, whose column lines ("traveler: …") are named as the record, never quoted.
    const cited = (await page.locator('#pic-timeline .picture-evidence').textContent())!;
    expect(cited)
      .to.match(/Trip abroad: Secretary of State Antony John Blinken/)
      .and.not.match(/traveler: /);
    // By keyboard: Japan's outline is a crescent, so its box's centre is sea.
    await page.locator('#pic-map [data-iso=JP]').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#pic-map .picture-evidence h4').textContent()).to.match(/^Japan: \d+ visits/);
    // Each visit cites its trip record by name (the records' column lines are never quotes).
    expect(await page.locator('#pic-map .picture-evidence').textContent())
      .to.contain('Trip abroad')
      .and.not.match(/traveler: /);

    // Exports: the picture as PNG and SVG, the data as CSV and JSON.
    const png = await saved(
      Promise.all([page.waitForEvent('download'), page.locator('#pic-timeline [data-export=png]').click()]).then(([d]) => d),
    );
    expect(png.subarray(1, 4).toString()).to.equal('PNG');
    expect(png.readUInt32BE(16)).to.equal(2 * Number(await page.locator('#pic-timeline svg').first().getAttribute('width')));
    const svg = (
      await saved(Promise.all([page.waitForEvent('download'), page.locator('#pic-map [data-export=svg]').click()]).then(([d]) => d))
    ).toString();
    expect(svg)
      .to.match(/^<\?xml/)
      .and.to.contain('Visits and trips: Antony John Blinken');
    const csv = (
      await saved(Promise.all([page.waitForEvent('download'), page.locator('#pic-timeline [data-export=csv]').click()]).then(([d]) => d))
    ).toString();
    expect(csv.split('\r\n')[0]).to.equal(
      'lane,lane_country,event_id,title,kind,status,start,end,date_precision,place,role,inferred,source_id,source_title,quote',
    );
    const json = JSON.parse(
      (
        await saved(Promise.all([page.waitForEvent('download'), page.locator('#pic-years [data-export=json]').click()]).then(([d]) => d))
      ).toString(),
    );
    expect(json.subject.person.id).to.equal(BLINKEN);
  });

  it('draws two countries (United States – Japan): one lane per official of either side', async () => {
    await openApp(page, base, '#tab=pictures&pic=pair%3AUS%3AJP');
    await page.locator('#pic-timeline svg').waitFor({ timeout: 120_000 });
    const text = (await page.locator('#pic-timeline svg text').allTextContents()).join('|');
    expect(text).to.contain('Timeline: United States – Japan');
    expect(text).to.match(/Shinzō Abe \(JP\)/);
    expect(await page.locator('#pic-map').isHidden()).to.equal(true);
    await page.locator('#pic-timeline').screenshot({ path: 'tests/e2e/screenshots/pictures-04-us-jp.png' });
  });

  it('draws the whole graph per year and a country’s map', async () => {
    await openApp(page, base, '#tab=pictures&pic=all');
    await page.locator('#pic-years .bar').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('#pic-years .bar').count()).to.be.greaterThan(100);
    await page.locator('#pic-years .bar[data-year="2021"]').click();
    await page.locator('#pic-years .picture-evidence h4').waitFor({ timeout: 60_000 });
    expect(await page.locator('#pic-years .picture-evidence h4').textContent()).to.match(/^2021: \d+ meetings/);
    await page.locator('#pic-years').screenshot({ path: 'tests/e2e/screenshots/pictures-05-years-all.png' });
    await openApp(page, base, '#tab=pictures&pic=country%3AJP');
    await page.locator('#pic-map [data-iso=US][role=button]').waitFor({ timeout: 120_000 });
    expect(await page.locator('#pic-timeline').isHidden()).to.equal(true);
  });

  it('shows the summary card at the top of a person’s details panel', async () => {
    await openApp(page, base, `#entity=${encodeURIComponent(BLINKEN)}`);
    await page.locator('#details .summary-card').waitFor({ timeout: 120_000 });
    expect(await page.locator('#details .summary-card .summary-counts').textContent()).to.match(/events · .* meetings/);
    expect(await page.locator('#details .summary-card ol.summary-list').first().locator(':scope > li').count()).to.equal(3);
    await shot(page, 'pictures-06-details-card');
  });

  it('opens a secretary of state’s dossier with the summary first, events folded by year and footnotes per source', async () => {
    await openApp(page, base, `#tab=reports&report=person:${BLINKEN}`);
    await page.locator('#report-frame:not([hidden])').waitFor({ timeout: 120_000 });
    const frame = page.frameLocator('#report-frame');
    await frame.locator('section#summary').waitFor({ timeout: 120_000 });
    expect(await frame.locator('main section').first().getAttribute('id')).to.equal('summary');
    expect(await frame.locator('#summary li.fact').first().textContent()).to.match(/^Took part in \d+ events on record/);
    const years = await frame.locator('#events details.year summary').allTextContents();
    expect(years.map((y) => y.slice(0, 4))).to.deep.equal(['2021', '2022', '2023', '2024', '2025']);
    expect(await frame.locator('#events details.year[open]').count()).to.equal(1);
    const sources = await frame.locator('#citations li.source-notes').count();
    expect(sources).to.be.greaterThan(100);
    expect(await frame.locator('#citations ol.footnotes > li').count()).to.be.greaterThan(sources);
    await shot(page, 'pictures-07-dossier');
  });

  it('edits Cypher with Neo4j’s language support: completion from the live schema, errors in place, saved queries, chart and CSV', async () => {
    await openApp(page, base, '#tab=console');
    const editor = page.locator('#editor-host .cm-content');
    await editor.waitFor({ timeout: 60_000 });
    const type = async (text: string) => {
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(text);
    };
    await type('MATCH (n:Pers');
    await page.keyboard.press('Control+Space');
    await page.locator('.cm-tooltip-autocomplete li').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.cm-tooltip-autocomplete li').allTextContents()).to.include('Person');
    await page.keyboard.press('Escape');
    await type('MATCH (n:Person)-[:PARTICIPATED_IN]->(e:Event) RETURN m');
    await page.locator('.cm-lintRange-error').first().waitFor({ timeout: 60_000 });
    await shot(page, 'pictures-08-console-lint');

    await type(
      "MATCH (p:Person {id: 'person:blinken-antony-j'})-[:PARTICIPATED_IN]->(e:Event) RETURN e.kind AS kind, count(*) AS events ORDER BY kind",
    );
    await page.keyboard.press('Control+Enter');
    await page.locator('#result-table tbody tr').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-view=chart]').click();
    await page.locator('#result-chart .chart-bar').first().waitFor();
    expect(await page.locator('#result-chart .chart-bar').count()).to.equal(2);
    const csv = (
      await saved(Promise.all([page.waitForEvent('download'), page.locator('#result-csv').click()]).then(([d]) => d))
    ).toString();
    expect(csv.split('\r\n')[0]).to.equal('kind,events');
    await shot(page, 'pictures-09-console-chart');

    // An error clears the old result; a refusal says "Refused" once.
    await type('MATCH (n) DETACH DELETE n');
    await page.keyboard.press('Control+Enter');
    await page.locator('#result-error:not([hidden])').waitFor();
    expect(await page.locator('#result-error').textContent()).to.match(/^Query refused\. (?!Refused)/);
    expect(await page.locator('#result-chart .chart-bar').count()).to.equal(0);
    expect(await page.locator('#result-csv').isDisabled()).to.equal(true);

    // A saved query opens in the editor.
    await page.locator('#saved').selectOption('officials-of-country');
    await page.waitForFunction(() =>
      document
        .querySelector('#editor-host')
        ?.shadowRoot?.querySelector('.cm-content')
        ?.textContent?.includes('title: Officials of a country'),
    );
  });

  it('has no serious or critical accessibility violations on any tab (axe-core)', async () => {
    const tabs: [string, string, string][] = [
      ['explore', `#entity=${encodeURIComponent(BLINKEN)}`, '#details .summary-card'],
      ['console', '#tab=console', '#editor-host .cm-content'],
      ['reports', `#tab=reports&report=person:${BLINKEN}`, '#report-frame:not([hidden])'],
      ['pictures', `#tab=pictures&pic=${encodeURIComponent(BLINKEN)}`, '#pic-map svg'],
      ['ingest', '#tab=ingest', '#ingest-form'],
      ['resolve', '#tab=resolve', '.resolve-pair .resolve-side h3'],
    ];
    const found: string[] = [];
    for (const [tab, hash, ready] of tabs) {
      await openApp(page, base, hash);
      await page.locator(ready).first().waitFor({ timeout: 120_000 });
      await page.evaluate(`${AXE}\n;0`);
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, {
          resultTypes: ['violations'],
        }),
      )) as AxeResult;
      for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
        found.push(
          `${tab}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('; ')}`,
        );
    }
    expect(found, found.join('\n')).to.deep.equal([]);
  });

  it('saw no Content-Security-Policy violations in any of these pages', () => {
    expect(cspViolations).to.deep.equal([]);
  });
});
