// Headless Debian Chromium through playwright-core, over the real app on the seeded test Neo4j.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../server/cli/chromium.ts';
import { seededApp } from '../support/app.ts';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return launchChromium(extraArgs);
}

/** Opens the explorer at a hash and waits until it has applied the URL state. */
/** The seeded app and a browser for an e2e suite; refuses to start without the built client. */
export async function startBrowserSuite(): Promise<{ base: string; browser: Browser }> {
  if (!existsSync(new URL('../../client/dist/index.html', import.meta.url)))
    throw new Error('client/dist is missing: run `npm run build` first');
  const { base } = await seededApp();
  return { base, browser: await launch() };
}

export async function openApp(page: Page, base: string, hash = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction(() => (window as unknown as { __kg?: { ready: boolean } }).__kg?.ready === true, null, { timeout: 60_000 });
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}

export function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: false });
}

/** Records the page's securitypolicyviolation events (the init script is injected by the browser, not inline). */
export async function watchCsp(context: BrowserContext, into: string[], label: string): Promise<void> {
  await context.exposeFunction('__reportCsp', (text: string) => into.push(`${label}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(t: string): void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
}

/** A fresh context and page for one test (1440×900, downloads on), its CSP violations recorded into `into` under `title`. */
export async function testPage(browser: Browser, into: string[], title: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await watchCsp(context, into, title);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) into.push(`${title}: ${message.text()}`);
  });
  return { context, page };
}

/**
 * A fresh page per test of the enclosing suite (see testPage), handed to `use` before each test; a test
 * that fails leaves a screenshot named `<prefix>-failed-<first words of its title>`.
 */
export function pagePerTest(
  browser: () => Browser,
  violations: string[],
  prefix: string,
  use: (opened: { context: BrowserContext; page: Page }) => void,
): void {
  let opened: { context: BrowserContext; page: Page } | undefined;
  beforeEach(async function () {
    opened = await testPage(browser(), violations, this.currentTest?.title ?? '');
    use(opened);
  });
  afterEach(async function () {
    if (opened && this.currentTest?.state === 'failed')
      await shot(
        opened.page,
        `${prefix ? `${prefix}-` : ''}failed-${(this.currentTest.title.match(/\w+/g) ?? []).slice(0, 4).join('-')}`,
      ).catch(() => undefined);
    await opened?.context.close();
  });
}
