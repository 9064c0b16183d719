// GET /api/pictures/* — the aggregated data the explorer draws: a timeline, a map of visits, events per
// year, a person's summary card; and GET /api/schema, the live schema's names for the console editor.
import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { activityPerYearQuery, entityParams, personSummaryQuery, timelineQuery, visitsMapQuery } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { personSummary } from '../services/pictures/summary.ts';
import { timeline } from '../services/pictures/timeline.ts';
import { visitsMap } from '../services/pictures/visits-map.ts';
import { activityPerYear } from '../services/pictures/years.ts';
import { schemaNames } from '../services/schema-names.ts';

export function pictureRoutes(deps: AppDeps): Router {
  return Router()
    .get('/pictures/timeline', async (req, res) => {
      res.json(await timeline(deps.reader, parseInput(timelineQuery, req.query)));
    })
    .get('/pictures/map', async (req, res) => {
      res.json(await visitsMap(deps.reader, parseInput(visitsMapQuery, req.query)));
    })
    .get('/pictures/years', async (req, res) => {
      res.json(await activityPerYear(deps.reader, parseInput(activityPerYearQuery, req.query)));
    })
    .get('/pictures/summary/:id', async (req, res) => {
      const { id } = parseInput(entityParams, req.params);
      res.json(await personSummary(deps.reader, id, parseInput(personSummaryQuery, req.query)));
    })
    .get('/schema', async (_req, res) => {
      res.json(await schemaNames(deps.reader));
    });
}
