// GET /api/entities/:id → the entity's profile; …/neighborhood → {nodes, edges}; …/hub → the aggregated
// neighbourhood of a busy entity. GET /api/links?a=&b= → the evidence of everything joining two entities.
import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { entityParams, hubQuery, linksQuery, neighborhoodQuery } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { getEntityProfile } from '../services/entities.ts';
import { getHub } from '../services/hub.ts';
import { findLinks } from '../services/links.ts';
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
    })
    .get('/entities/:id/hub', async (req, res) => {
      const { id } = parseInput(entityParams, req.params);
      res.json(await getHub(deps.reader, id, parseInput(hubQuery, req.query)));
    })
    .get('/links', async (req, res) => {
      res.json(await findLinks(deps.reader, parseInput(linksQuery, req.query)));
    });
}
