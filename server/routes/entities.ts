// GET /api/entities/:id → the entity's profile; GET /api/entities/:id/neighborhood → {nodes, edges}.
import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { entityParams, neighborhoodQuery } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { getEntityProfile } from '../services/entities.ts';
import { getNeighborhood } from '../services/neighborhood.ts';

export function entityRoutes(deps: AppDeps): Router {
  return Router()
    .get('/entities/:id', async (req, res) => {
      const { id } = parseInput(entityParams, req.params);
      res.json(await getEntityProfile(deps.reader, id));
    })
    .get('/entities/:id/neighborhood', async (req, res) => {
      const { id } = parseInput(entityParams, req.params);
      res.json(await getNeighborhood(deps.reader, id, parseInput(neighborhoodQuery, req.query)));
    });
}
