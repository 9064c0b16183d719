// Mocha global fixtures: whatever the tests started is stopped when the run ends, pass or fail.
import { closeSeededApp } from './app.ts';
import { stopTestDatabase } from './database.ts';

export async function mochaGlobalTeardown(): Promise<void> {
  await closeSeededApp();
  await stopTestDatabase();
}
