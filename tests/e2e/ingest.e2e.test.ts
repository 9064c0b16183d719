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
/** The server numbers the articles it accepts: NNN_uz-jp-call (a whole-string Cypher regex). */
const OURS = 'source:\\d{3}_uz-jp-call(-again)?';

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
    const ours = OURS;
    await driver.executeQuery(`MATCH (n:Entity) WHERE all(s IN n.sources WHERE s =~ $ours) DETACH DELETE n`, { ours });
    await driver.executeQuery(`MATCH ()-[r]->() WHERE all(s IN r.sources WHERE s =~ $ours) DELETE r`, { ours });
    await driver.executeQuery(`MATCH (s:Source) WHERE s.id =~ $ours DETACH DELETE s`, { ours });
  });

  it('drafts an article, highlights its quotes, and loads the reviewed facts', async () => {
    await openApp(page, base, '#tab=ingest');
    await page.locator('#panel-ingest').waitFor();
    await page.locator('#ingest-text').fill(ARTICLE);
    await page.locator('#ingest-name').fill('uz-jp-call');
    await page.locator('#ingest-draft').click();
    await page.locator('#ingest-review:not([hidden])').waitFor();
    expect(await page.locator('#ingest-status').textContent()).to.equal(
      'Drafted 4 people, 4 organizations, 2 countries, 0 places, 4 titles, 3 events, 1 agreements, 1 figures, 0 memberships. Review, then load.',
    );

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
    const status = (await page.locator('#ingest-status').textContent())!;
    expect(status).to.match(/^Loaded \d{3}_uz-jp-call\.txt: \d+ nodes and \d+ relationships created\./);
    const source = `source:${/^Loaded (\S+)\.txt/.exec(status)![1]}`;
    await shot(page, 'ingest-02-loaded');

    const meetings = await getJson<{ meetings: { event: { id: string; kind: string }; participants: { id: string }[] }[] }>(
      '/api/meetings?person=person:bakhtiyor-saidov&with=person:takeshi-iwaya',
    );
    expect(meetings.body.meetings.map((m) => [m.event.kind, m.participants.map((p) => p.id).sort()])).to.deep.equal([
      ['call', ['person:bakhtiyor-saidov', 'person:takeshi-iwaya']],
    ]);
    const { driver } = await seededGraph();
    const figures = await driver.executeQuery(`MATCH (f:Figure) WHERE $s IN f.sources RETURN count(f) AS n`, { s: source });
    expect(figures.records[0]!.get('n').toNumber()).to.equal(0); // the rejected figure was not loaded

    // "Open it in the explorer" shows the call.
    await page.locator('#ingest-open').click();
    await page.locator('#panel-explore:not([hidden])').waitFor();
  });

  it('shows what a draft would change of what the graph has, and loads only once each change is decided', async () => {
    await openApp(page, base, '#tab=ingest');
    await page.locator('#ingest-text').fill(ARTICLE);
    await page.locator('#ingest-name').fill('uz-jp-call-again');
    await page.locator('#ingest-draft').click();
    await page.locator('#ingest-review:not([hidden])').waitFor();
    // The ministries are now known: the draft links to them. Say one of them is a company.
    const org = page.locator('#ingest-facts li.fact[data-path="organizations[0]"]');
    await org.locator('button.edit').click();
    const editor = org.locator('textarea.fact-json');
    const fact = JSON.parse(await editor.inputValue()) as { id: string; kind: string };
    const { driver } = await seededGraph();
    const current = (await driver.executeQuery('MATCH (o:Organization {id: $id}) RETURN o.kind AS kind', { id: fact.id })).records[0]?.get(
      'kind',
    ) as string | undefined;
    expect(current, `${fact.id} is in the graph`).to.be.a('string');
    const proposed = current === 'company' ? 'agency' : 'company';
    await editor.fill(JSON.stringify({ ...fact, kind: proposed }));
    await org.locator('button.edit').click();

    await page.locator('#ingest-load').click();
    const changes = page.locator('#ingest-changes:not([hidden])');
    await changes.waitFor();
    expect(await page.locator('#ingest-status').textContent()).to.match(
      /would change 1 thing\(s\) the graph already has; nothing was loaded/,
    );
    const change = changes.locator(`li.change[data-change="${fact.id}#kind"]`);
    expect(await change.locator('.desc').textContent()).to.equal(`${fact.id} · kind: ${current} → ${proposed}`);
    expect(await page.locator('#ingest-load').isDisabled(), 'Load waits for a decision').to.equal(true);
    await shot(page, 'ingest-03-changes-to-decide');

    await change.locator('input[value=keep]').check();
    expect(await page.locator('#ingest-load').isDisabled()).to.equal(false);
    await page.locator('#ingest-load').click();
    await page.locator('#ingest-open').waitFor();
    expect(await page.locator('#ingest-status').textContent()).to.match(/^Loaded \d{3}_uz-jp-call-again\.txt/);
    const kind = (await driver.executeQuery('MATCH (o:Organization {id: $id}) RETURN o.kind AS kind', { id: fact.id })).records[0]!.get(
      'kind',
    );
    expect(kind, 'kept as it was').to.equal(current);
  });
});
