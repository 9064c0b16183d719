// "Add article" end to end: paste an article, draft it, see quotes highlighted beside the facts,
// reject one fact, load the rest, and find the new call through the API. Headless Chromium against
// the real app and the real seeded Neo4j; what the article adds is removed afterwards.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { getJson } from '../support/app.ts';
import { seededGraph } from '../support/seeded.ts';
import { openApp, shot, startBrowserSuite } from './browser.ts';

const ARTICLE = readFileSync(new URL('../fixtures/ingest/uz-jp-call.txt', import.meta.url), 'utf8');
const SOURCE = 'source:uz-jp-call';

describe('Add article in the browser (e2e)', function () {
  let base: string;
  let browser: Browser;
  let page: Page;

  before(async function () {
    ({ base, browser } = await startBrowserSuite());
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });
  after(async () => {
    await browser?.close();
    const { driver } = await seededGraph();
    await driver.executeQuery(`MATCH (n:Entity) WHERE n.sources = [$s] DETACH DELETE n`, { s: SOURCE });
    await driver.executeQuery(`MATCH ()-[r]->() WHERE r.sources = [$s] DELETE r`, { s: SOURCE });
    await driver.executeQuery(`MATCH (s:Source {id: $s}) DETACH DELETE s`, { s: SOURCE });
  });

  it('drafts an article, highlights its quotes, and loads the reviewed facts', async () => {
    await openApp(page, base, '#tab=ingest');
    await page.locator('#panel-ingest').waitFor();
    await page.locator('#ingest-text').fill(ARTICLE);
    await page.locator('#ingest-name').fill('uz-jp-call');
    await page.locator('#ingest-draft').click();
    await page.locator('#ingest-review:not([hidden])').waitFor();
    expect(await page.locator('#ingest-status').textContent()).to.equal('Drafted 4 people, 4 organizations, 2 countries, 0 places, 4 titles, 3 events, 1 agreements, 1 figures, 0 memberships. Review, then load.');

    // The call with both ministers, and its quote highlighted when the fact is hovered.
    const call = page.locator('#ingest-facts li.fact[data-path="events[0]"]');
    expect(await call.locator('.desc').textContent()).to.equal(
      'call, held, 2025-03-11: Call of Bakhtiyor Saidov and Takeshi Iwaya — Bakhtiyor Saidov (participant), Takeshi Iwaya (participant), Shavkat Mirziyoyev (mentioned)',
    );
    // Every entity carries a NEW or LINKED badge; every fact the rule that drafted it.
    expect(await page.locator('#ingest-facts li.fact[data-path="people[0]"] .badge').textContent()).to.equal('NEW');
    expect(await page.locator('#ingest-facts li.fact[data-path="countries[0]"] .badge').textContent()).to.equal('NEW');
    expect(await call.locator('.rule').textContent()).to.equal('rule call:trigger-in-sentence');
    await call.hover();
    const active = page.locator('#ingest-article mark.active');
    await active.first().waitFor();
    expect((await active.allTextContents()).join('')).to.contain('held a telephone conversation with Japan');
    await shot(page, 'ingest-01-draft-beside-article');

    // Reject the figure, then load.
    await page.locator('#ingest-facts li.fact[data-path="figures[0]"] input[value=reject]').check();
    expect(await page.locator('#ingest-facts li.fact[data-path="figures[0]"]').getAttribute('class')).to.contain('rejected');
    await page.locator('#ingest-load').click();
    await page.locator('#ingest-open').waitFor();
    expect(await page.locator('#ingest-status').textContent()).to.match(/^Loaded uz-jp-call\.txt: \d+ nodes and \d+ relationships created\./);
    await shot(page, 'ingest-02-loaded');

    const meetings = await getJson<{ meetings: { event: { id: string; kind: string }; participants: { id: string }[] }[] }>(
      '/api/meetings?person=person:bakhtiyor-saidov&with=person:takeshi-iwaya',
    );
    expect(meetings.body.meetings.map((m) => [m.event.kind, m.participants.map((p) => p.id).sort()])).to.deep.equal([
      ['call', ['person:bakhtiyor-saidov', 'person:takeshi-iwaya']],
    ]);
    const { driver } = await seededGraph();
    const figures = await driver.executeQuery(`MATCH (f:Figure) WHERE $s IN f.sources RETURN count(f) AS n`, { s: SOURCE });
    expect(figures.records[0]!.get('n').toNumber()).to.equal(0); // the rejected figure was not loaded

    // "Open it in the explorer" shows the call.
    await page.locator('#ingest-open').click();
    await page.locator('#panel-explore:not([hidden])').waitFor();
  });
});
