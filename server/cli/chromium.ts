// Debian's Chromium, headless, through playwright-core: how the report tool prints PDFs, and how the
// browser tests and the client benchmark drive the explorer. Nothing is downloaded; the flags keep
// Chromium off the network.
import type { Browser } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core').catch(() => {
    throw new Error('This needs the playwright-core package (a dev dependency) and Debian chromium (/usr/bin/chromium).');
  });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_FLAGS, ...extraArgs] });
}
