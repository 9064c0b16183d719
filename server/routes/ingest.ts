// POST /api/ingest {text, published?, fileName?} → the drafted facts, confidences and quote spans.
// POST /api/ingest/accept {facts, text} → validated and loaded, or 400 naming each bad field.
// Both write-side, so both sit behind the API key.
import { Router } from 'express';
import type { AppDeps } from '../app.ts';
import { requireApiKey } from '../http/api-key.ts';
import { ingestAcceptBody, ingestDraftBody } from '../http/schemas.ts';
import { parseInput } from '../http/validate.ts';
import { acceptArticle, draftArticle } from '../services/ingest.ts';

export function ingestRoutes(deps: AppDeps): Router {
  const guard = requireApiKey(deps.apiKey);
  return Router()
    .post('/ingest', guard, async (req, res) => {
      res.json(await draftArticle(deps.ingest, parseInput(ingestDraftBody, req.body)));
    })
    .post('/ingest/accept', guard, async (req, res) => {
      res.json(await acceptArticle(deps.ingest, parseInput(ingestAcceptBody, req.body)));
    });
}
