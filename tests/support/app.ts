// The real app (createApp) on a free port over the seeded test database, for HTTP tests.
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/deps.ts';
import type { SecurityPolicy } from '../../server/http/security.ts';
import type { AuditEntry } from '../../server/audit.ts';
import { appDeps } from '../../server/deps.ts';
import { testDatabase } from './database.ts';
import { seededGraph } from './seeded.ts';

interface RunningApp {
  server: Server;
  base: string;
}

let running: Promise<RunningApp> | undefined;

/** What the app wrote to its audit log, in order. */
export const auditEntries: AuditEntry[] = [];

/** Limits far above what the test suites send, so only the security tests meet them. */
const TEST_SECURITY: SecurityPolicy = { corsOrigins: [], consolePerMinute: 100_000, reportsPerMinute: 100_000 };

/** The console's gate wide open too: suites run one query after another, and only the resilience suite tests the gate. */
const TEST_CONSOLE = { maxConcurrent: 8, maxPerClient: 8 };

/** The app over the seeded graph with some deps replaced (API key, limits, CORS), on a free port. */
export async function startApp(overrides: Partial<AppDeps> = {}): Promise<RunningApp & { close(): Promise<void> }> {
  const { driver } = await seededGraph();
  const { target } = await testDatabase();
  const staticDir = fileURLToPath(new URL('../../client/dist', import.meta.url));
  // Judgements made through the app go to a throw-away log, never to the developer's .data.
  const judgementLog = join(tmpdir(), `kg-test-judgements-${process.pid}.jsonl`);
  const app = createApp({
    ...appDeps(
      { driver, target },
      { audit: (entry) => auditEntries.push(entry), staticDir, security: TEST_SECURITY, console: TEST_CONSOLE, judgementLog },
    ),
    ...overrides,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening: Server = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const close = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
}

const start = (): Promise<RunningApp> => startApp();

export function seededApp(): Promise<RunningApp> {
  running ??= start();
  return running;
}

export async function closeSeededApp(): Promise<void> {
  if (!running) return;
  const { server } = await running;
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  running = undefined;
}

/** GET a path of the seeded app; returns status, content type and the parsed JSON body (or the text). */
/** POST JSON to the seeded app. */
export async function postJson<T = unknown>(path: string, body: unknown): Promise<{ status: number; type: string; body: T }> {
  const { base } = await seededApp();
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as T };
}

export async function getJson<T = unknown>(path: string): Promise<{ status: number; type: string; body: T }> {
  const { base } = await seededApp();
  const res = await fetch(base + path);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) as T,
  };
}
