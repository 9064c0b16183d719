// POST /api/ingest {text, published?, fileName?} → the drafted facts, confidences and quote spans.
// POST /api/ingest/accept {facts, text} → validated and loaded, or 400 naming each bad field.
// POST /api/ingest/decisions {source, decisions} → the review's verdicts kept, append-only.
// All write-side: app.ts puts them behind the API key and the console's rate limit.
import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { ingestAcceptBody, ingestDecisionsBody, ingestDraftBody } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { acceptArticle, draftArticle, recordDecisions } from '../services/ingest.ts';

export function ingestRoutes(deps: AppDeps): Router {
  return Router()
    .post('/ingest', async (req, res) => {
      res.json(await draftArticle(deps.ingest, parseInput(ingestDraftBody, req.body)));
    })
    .post('/ingest/accept', async (req, res) => {
      res.json(await acceptArticle(deps.ingest, parseInput(ingestAcceptBody, req.body)));
    })
    .post('/ingest/decisions', (req, res) => {
      res.json(recordDecisions(deps.ingest, parseInput(ingestDecisionsBody, req.body)));
    });
}
