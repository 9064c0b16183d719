// Mocha global fixtures: whatever the tests started is stopped when the run ends, pass or fail.
import { closeSeededApp } from './app.ts';
import { stopTestDatabase } from './database.ts';
import { stopImportedApp } from './imported.ts';

export async function mochaGlobalTeardown(): Promise<void> {
  await closeSeededApp();
  await stopImportedApp();
  await stopTestDatabase();
}
