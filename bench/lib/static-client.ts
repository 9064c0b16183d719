// Serves the built explorer (client/dist) on a free loopback port: the render benchmark's page
// (bench.html) needs no database, only the bundle.
import express from 'express';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));

export async function serveBuiltClient(): Promise<{ base: string; close(): Promise<void> }> {
  if (!existsSync(`${DIST}/bench.html`)) throw new Error('client/dist is missing: run `npm run build` first');
  const app = express().use(express.static(DIST));
  const server = await new Promise<Server>((resolve) => {
    const listening: Server = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
