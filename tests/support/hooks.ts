// Mocha global fixtures: the folder tests keep their databases in exists (a fresh clone has no .data, and a
// suite run alone would find no parent for its temporary folder); whatever the tests started is stopped
// when the run ends, pass or fail.
import { mkdirSync } from 'node:fs';
import { closeSeededApp } from './app.ts';
import { DATA_ROOT, stopTestDatabase } from './database.ts';

export function mochaGlobalSetup(): void {
  mkdirSync(DATA_ROOT, { recursive: true });
}

export async function mochaGlobalTeardown(): Promise<void> {
  await closeSeededApp();
  await stopTestDatabase();
}
