// GET /api/health → {status, neo4j: {connected, version, local?}, startup}; 503 (problem+json, Retry-After,
// `state`: unavailable, starting or restarting) when the database is unreachable, being restarted, or
// start-up preparation has not finished. The driver's and start-up's error texts (internal host, port,
// files) are shown only to a caller with the API key.
import { Router } from 'express';
import { DatabaseUnavailable } from '../../domain/errors.ts';
import { sendProblem } from '../http/problem.ts';
import { keyMatcher } from '../http/api-key.ts';
import { publicHealth, reportHealth, unavailableReason } from '../services/health.ts';
import type { AppDeps } from '../deps.ts';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  const hasKey = keyMatcher(deps.apiKey);
  router.get('/health', async (req, res) => {
    const full = await reportHealth(deps.probeDatabase, deps.startup, deps.local);
    const detailed = hasKey(req);
    const report = detailed ? full : publicHealth(full);
    if (report.status === 'ok') {
      res.json(report);
      return;
    }
    sendProblem(res, new DatabaseUnavailable(unavailableReason(report, detailed)), {
      state: report.status,
      neo4j: report.neo4j,
      startup: report.startup,
    });
  });
  return router;
}
