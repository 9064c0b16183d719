// POST /api/ingest {text, published?, fileName?} → the drafted facts, confidences and quote spans.
// POST /api/ingest/accept {facts, text, changes?} → validated and loaded; 400 naming each bad field; 409
// listing each change to what the graph already has until every one has a choice (keep or replace).
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
      const input = parseInput(ingestDraftBody, req.body);
      const gone = new AbortController();
      res.on('close', () => res.writableFinished || gone.abort());
      res.json(await draftArticle(deps.ingest, input, { client: req.ip ?? 'unknown', signal: gone.signal }));
    })
    .post('/ingest/accept', async (req, res) => {
      res.json(await acceptArticle(deps.ingest, parseInput(ingestAcceptBody, req.body), { client: req.ip ?? 'unknown' }));
    })
    .post('/ingest/decisions', (req, res) => {
      res.json(recordDecisions(deps.ingest, parseInput(ingestDecisionsBody, req.body)));
    });
}
