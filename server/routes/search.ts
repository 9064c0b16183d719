// GET /api/search?q=&type=&limit= → {results: [{id, type, name, aliases, score}]}
import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { searchQuery } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { searchEntities } from '../services/search.ts';

export function searchRoutes(deps: AppDeps): Router {
  return Router().get('/search', async (req, res) => {
    const query = parseInput(searchQuery, req.query);
    res.json({ results: await searchEntities(deps.reader, query.q, query.type, query.limit) });
  });
}
