// POST /api/cypher {query, params, timeoutMs?, maxRows?} → {columns, rows, graph, summary}; read-only,
// time- and row-limited, audited. GET /api/queries and POST /api/queries/:name for the saved library.
import { Router, type Request } from 'express';
import type { AppDeps } from '../deps.ts';
import { cypherBody, savedQueryBody, savedQueryParams } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { runConsoleQuery } from '../services/console.ts';
import { bindSavedParams, findSavedQuery, listSavedQueries, redirectMergedPeople } from '../services/saved-queries.ts';

const client = (req: Request) => req.ip ?? 'unknown';

export function consoleRoutes(deps: AppDeps): Router {
  return Router()
    .post('/cypher', async (req, res) => {
      const body = parseInput(cypherBody, req.body);
      res.json(await runConsoleQuery(deps.console, body, { client: client(req) }));
    })
    .get('/queries', (_req, res) => {
      res.json({ queries: listSavedQueries().map(({ query: _text, ...described }) => described) });
    })
    .post('/queries/:name', async (req, res) => {
      const saved = findSavedQuery(parseInput(savedQueryParams, req.params).name);
      const body = parseInput(savedQueryBody, req.body);
      const params = await redirectMergedPeople(deps.reader, bindSavedParams(saved, body.params));
      res.json(await runConsoleQuery(deps.console, { query: saved.query, params, timeoutMs: body.timeoutMs, maxRows: body.maxRows }, { saved: saved.name, client: client(req) }));
    });
}
