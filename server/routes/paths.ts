// GET /api/paths?from=&to=&via=&maxHops=&start=&end=&exclude=&limit= → {paths: [...]}; none is {paths: []}.
import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { pathsQuery } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { findPaths } from '../services/paths.ts';

export function pathRoutes(deps: AppDeps): Router {
  return Router().get('/paths', async (req, res) => {
    res.json(await findPaths(deps.reader, parseInput(pathsQuery, req.query)));
  });
}
