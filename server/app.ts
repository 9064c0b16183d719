// createApp(deps) builds the Express app; it never listens (main.ts does), so tests can mount it.
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { NotFound } from './errors.ts';
import { problemHandler, sendProblem } from './http/problem.ts';
import type { DatabaseHealth } from './repository/database.ts';
import type { GraphReader } from './repository/reader.ts';
import type { ConsoleDeps } from './services/console.ts';
import type { IngestDeps } from './services/ingest.ts';
import { consoleRoutes } from './routes/cypher.ts';
import { reportRoutes } from './routes/reports.ts';
import { docsRoutes } from './routes/docs.ts';
import { entityRoutes } from './routes/entities.ts';
import { healthRoutes } from './routes/health.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { pathRoutes } from './routes/paths.ts';
import { searchRoutes } from './routes/search.ts';

export interface AppDeps {
  probeDatabase: () => Promise<DatabaseHealth>;
  /** Runs the named read queries (cypher/*.cypher). */
  reader: GraphReader;
  /** The analyst console: EXPLAIN, guarded streaming run, audit log. */
  console: ConsoleDeps;
  /** Built client to serve at / (client/dist), if present. */
  staticDir?: string | undefined;
  /** Drafting and loading new articles (POST /api/ingest*). */
  ingest: IngestDeps;
  /** Required by the endpoints that run user Cypher or write (see http/api-key.ts); unset: open. */
  apiKey?: string | undefined;
  log: (line: string) => void;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // 'simple' parsing: a[b]=c stays a string key, so no nested objects sneak into validation.
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '100kb' }));

  app.use('/api', healthRoutes(deps));
  app.use('/api', docsRoutes());
  app.use('/api', searchRoutes(deps));
  app.use('/api', entityRoutes(deps));
  app.use('/api', meetingRoutes(deps));
  app.use('/api', pathRoutes(deps));
  app.use('/api', consoleRoutes(deps));
  app.use('/api', reportRoutes(deps));
  app.use('/api', ingestRoutes(deps));
  app.use('/api', (req, res) => sendProblem(res, new NotFound(`No API endpoint ${req.method} ${req.originalUrl}`)));

  if (deps.staticDir && existsSync(deps.staticDir)) app.use(express.static(deps.staticDir));
  // Without a built client (npm run build), / still says the API is up.
  app.get('/', (_req, res) => {
    res.type('html').send(
      '<!doctype html><meta charset="utf-8"><title>Diplomatic knowledge graph</title>' +
        '<h1>Diplomatic knowledge graph</h1><p>The API is up: <a href="/api/health">/api/health</a>.</p>',
    );
  });
  app.use(problemHandler(deps.log));
  return app;
}
