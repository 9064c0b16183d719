// createApp(deps) builds the Express app; it never listens (main.ts does), so tests can mount it.
// Its dependencies (AppDeps) are declared and built in deps.ts.
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { BadInput, NotFound } from '../domain/errors.ts';
import { requireApiKey } from './http/api-key.ts';
import { jsonBody } from './http/json-body.ts';
import { problemHandler, sendProblem } from './http/problem.ts';
import { corsPolicy, DEFAULT_SECURITY, perMinuteLimit, securityHeaders } from './http/security.ts';
import type { AppDeps } from './deps.ts';
import { REPORT_CSS } from './services/reports/render.ts';
import { DOCS_CSS } from './http/openapi.ts';
import { consoleRoutes } from './routes/cypher.ts';
import { reportRoutes } from './routes/reports.ts';
import { resolutionRoutes } from './routes/resolution.ts';
import { docsRoutes } from './routes/docs.ts';
import { entityRoutes } from './routes/entities.ts';
import { healthRoutes } from './routes/health.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { pathRoutes } from './routes/paths.ts';
import { pictureRoutes } from './routes/pictures.ts';
import { searchRoutes } from './routes/search.ts';

/** Longer than any link the client builds (a path with many excluded ids stays under 1 KiB). */
const MAX_URL_LENGTH = 4096;
/** An article (at most MAX_ARTICLE_CHARS, HTML included) with its reviewed facts, each quoting it. */
const INGEST_BODY_LIMIT = '1mb';

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // 'simple' parsing: a[b]=c stays a string key, so no nested objects sneak into validation.
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxy ?? false);
  const security = deps.security ?? DEFAULT_SECURITY;
  app.use(securityHeaders([REPORT_CSS, DOCS_CSS]));
  app.use('/api', corsPolicy(security.corsOrigins));
  // Long URLs are refused before anything parses them (Node itself caps headers at 16 KiB).
  app.use((req, _res, next) =>
    next(req.url.length > MAX_URL_LENGTH ? new BadInput(`The URL is longer than ${MAX_URL_LENGTH} characters.`, 'url') : undefined),
  );
  // The console runs user Cypher, ingest and resolution write: the API key (when configured) is checked
  // first, so only authenticated requests spend the per-client budget, and before any body is read.
  const authenticated = requireApiKey(deps.apiKey, { audit: deps.accessAudit });
  app.post(['/api/cypher', '/api/queries/:name'], authenticated, perMinuteLimit(security.consolePerMinute, 'console'));
  app.post(
    ['/api/ingest', '/api/ingest/accept', '/api/ingest/decisions'],
    authenticated,
    perMinuteLimit(security.consolePerMinute, 'ingest'),
  );
  app.post(
    ['/api/resolution/judgements', '/api/resolution/accept'],
    authenticated,
    perMinuteLimit(security.consolePerMinute, 'resolution'),
  );
  app.get('/api/reports/*path', perMinuteLimit(security.reportsPerMinute, 'report'));

  // An article with its reviewed facts can be larger than any query; everything else stays at 100 kB.
  app.use('/api/ingest', jsonBody(INGEST_BODY_LIMIT));
  app.use(jsonBody('100kb'));

  app.use('/api', healthRoutes(deps));
  app.use('/api', docsRoutes());
  app.use('/api', searchRoutes(deps));
  app.use('/api', entityRoutes(deps));
  app.use('/api', meetingRoutes(deps));
  app.use('/api', pathRoutes(deps));
  app.use('/api', consoleRoutes(deps));
  app.use('/api', reportRoutes(deps));
  app.use('/api', pictureRoutes(deps));
  app.use('/api', ingestRoutes(deps));
  app.use('/api', resolutionRoutes(deps));
  app.use('/api', (req, res) => sendProblem(res, new NotFound(`No API endpoint ${req.method} ${req.originalUrl}`)));

  // Source maps would publish the client's sources; the build makes none, and none is served.
  app.use((req, res, next) => (req.path.endsWith('.map') ? sendProblem(res, new NotFound('No such file.')) : next()));
  if (deps.staticDir && existsSync(deps.staticDir)) app.use(express.static(deps.staticDir));
  // Without a built client (npm run build), / still says the API is up.
  app.get('/', (_req, res) => {
    res
      .type('html')
      .send(
        '<!doctype html><meta charset="utf-8"><title>Diplomatic knowledge graph</title>' +
          '<h1>Diplomatic knowledge graph</h1><p>The API is up: <a href="/api/health">/api/health</a>.</p>',
      );
  });
  app.use(problemHandler(deps.log));
  return app;
}
