// GET /api/health → {status, neo4j: {connected, version}, startup}; 503 (problem+json, Retry-After) when the
// database is unreachable or start-up preparation has not finished.
import { Router } from 'express';
import { DatabaseUnavailable } from '../../domain/errors.ts';
import { sendProblem } from '../http/problem.ts';
import { reportHealth, unavailableReason } from '../services/health.ts';
import type { AppDeps } from '../deps.ts';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const report = await reportHealth(deps.probeDatabase, deps.startup);
    if (report.status === 'ok') {
      res.json(report);
      return;
    }
    sendProblem(res, new DatabaseUnavailable(unavailableReason(report)), { neo4j: report.neo4j, startup: report.startup });
  });
  return router;
}
