// GET /api/resolution/candidates → pairs of "maybe one person" with their score and reasons;
// POST /api/resolution/judgements → record same/different/unsure/undo (behind the API key);
// GET /api/resolution/judgements → the log, newest first; POST /api/resolution/accept → judge every
// open pair from a score the same, except those a `different` forbids (behind the API key).
import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { acceptBody, candidatesQuery, judgementHistoryQuery, judgementsBody } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { acceptLikely, judge, listCandidates, listJudgements } from '../services/resolution.ts';

export function resolutionRoutes(deps: AppDeps): Router {
  return Router()
    .get('/resolution/candidates', async (req, res) => {
      res.json(await listCandidates(deps.resolution, parseInput(candidatesQuery, req.query)));
    })
    .get('/resolution/judgements', (req, res) => {
      res.json(listJudgements(deps.resolution, parseInput(judgementHistoryQuery, req.query)));
    })
    .post('/resolution/judgements', async (req, res) => {
      const body = parseInput(judgementsBody, req.body);
      res.json(await judge(deps.resolution, body.judgements, body.by));
    })
    .post('/resolution/accept', async (req, res) => {
      const body = parseInput(acceptBody, req.body);
      res.json(await acceptLikely(deps.resolution, body, body.by));
    });
}
