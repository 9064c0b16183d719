// GET /api/health → {status, neo4j: {connected, version}}; 503 (problem+json) when the database is unreachable.
import { Router } from 'express';
import { DatabaseUnavailable } from '../errors.ts';
import { sendProblem } from '../http/problem.ts';
import { reportHealth } from '../services/health.ts';
import type { AppDeps } from '../app.ts';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const report = await reportHealth(deps.probeDatabase);
    if (report.status === 'ok') {
      res.json(report);
      return;
    }
    sendProblem(res, new DatabaseUnavailable(`The graph database cannot be reached: ${report.neo4j.error ?? 'no answer'}`), { neo4j: report.neo4j });
  });
  return router;
}
