// GET /api/health → {status, neo4j: {connected, version, local?}, startup}; 503 (problem+json, Retry-After,
// `state`: unavailable, starting or restarting) when the database is unreachable, being restarted, or
// start-up preparation has not finished.
import { Router } from 'express';
import { DatabaseUnavailable } from '../../domain/errors.ts';
import { sendProblem } from '../http/problem.ts';
import { reportHealth, unavailableReason } from '../services/health.ts';
import type { AppDeps } from '../deps.ts';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const report = await reportHealth(deps.probeDatabase, deps.startup, deps.local);
    if (report.status === 'ok') {
      res.json(report);
      return;
    }
    sendProblem(res, new DatabaseUnavailable(unavailableReason(report)), { state: report.status, neo4j: report.neo4j, startup: report.startup });
  });
  return router;
}
