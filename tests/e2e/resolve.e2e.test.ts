// The Resolve tab end to end: a fixture article names "Bola Tinubu", whom the seeds call "Bola Ahmed
// Tinubu"; the tab lists the pair with its reasons, shows both side by side, a key press judges them
// the same (one person through the API), and undo gives back exactly the graph before.
import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { graphChecksum } from '../../graph/checksum.ts';
import { loadFactFiles } from '../../seeds/loader.ts';
import { getJson } from '../support/app.ts';
import { seededGraph } from '../support/seeded.ts';
import { openApp, shot, startBrowserSuite } from './browser.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/resolution', import.meta.url));

describe('Resolve tab in the browser (e2e)', function () {
  let base: string;
  let browser: Browser;
  let page: Page;
  let initial: { items: number; sha256: string };

  before(async function () {
    this.timeout(600_000);
    const { driver } = await seededGraph();
    // The seeds alone (an earlier suite may have imported the State Department data, which has its own "Bola Tinubu").
    await loadFactFiles({ driver, reset: true });
    await loadFactFiles({ driver, files: [join(FIXTURES, '900_resolution-fixture.yaml')], sourcesDir: FIXTURES });
    initial = await graphChecksum(driver);
    ({ base, browser } = await startBrowserSuite());
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  });
  after(async function () {
    this.timeout(600_000);
    await browser?.close();
    const { driver } = await seededGraph();
    await loadFactFiles({ driver, reset: true });
  });

  it('shows the pair side by side with its reasons, judges it with a key, and undoes it', async function () {
    // A first judgement on a fresh database plans a dozen new queries: slow on a loaded machine.
    this.timeout(600_000);
    const requests: string[] = [];
    page.on(
      'requestfinished',
      (r) => void r.response().then((res) => requests.push(`${r.method()} ${r.url().replace(base, '')} ${res?.status()}`)),
    );
    await openApp(page, base, '#tab=resolve');
    await page.locator('.resolve-side h3').first().waitFor();
    const names = await page.locator('.resolve-side h3').allTextContents();
    expect(names.sort()).to.deep.equal(['Bola Ahmed Tinubu', 'Bola Tinubu']);
    const reasons = await page.locator('.resolve-pair .reasons li').allTextContents();
    expect(reasons[0]).to.contain('"Bola Tinubu" is a shorter form of "Bola Ahmed Tinubu"');
    expect(await page.locator('.resolve-side .identity').allTextContents()).to.deep.equal([
      'President · NG · 2025',
      'President · NG · 2025',
    ]);
    await shot(page, 'resolve-pair');

    await page.keyboard.press('s');
    await page
      .waitForFunction(() => !document.querySelector('#resolve-status')?.textContent?.includes('pairs compared'), null, {
        timeout: 400_000,
      })
      .catch(() => undefined);
    expect(await page.locator('#resolve-status').textContent(), requests.join('\n')).to.contain('now one person');
    const merged = await getJson<{ entity: { id: string }; resolvedFrom: string }>('/api/entities/person:ng-bola-tinubu');
    expect(merged.body.entity.id).to.equal('person:cluster:bola-ahmed-tinubu');

    await page.keyboard.press('p');
    await page.locator('button', { hasText: 'Undo judgement' }).click();
    await page.waitForFunction(() => document.querySelector('#resolve-status')?.textContent?.includes('split again'), null, {
      timeout: 400_000,
    });
    const { driver } = await seededGraph();
    expect(await graphChecksum(driver)).to.deep.equal(initial);
  });
});
