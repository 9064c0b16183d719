// POST /api/cypher {query, params, timeoutMs?, maxRows?} → {columns, rows, graph, summary}; read-only,
// time-, row- and byte-limited, admitted by the console's gate, audited, written out row by row.
// GET /api/queries and POST /api/queries/:name for the saved library.
import { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../deps.ts';
import { cypherBody, savedQueryBody, savedQueryParams } from '../contracts/requests.ts';
import { writePieces } from '../http/stream.ts';
import { parseInput } from '../http/validate.ts';
import { runConsoleQuery, type EncodedAnswer } from '../services/console.ts';
import { bindSavedParams, findSavedQuery, listSavedQueries, redirectMergedPeople } from '../services/saved-queries.ts';

const client = (req: Request) => req.ip ?? 'unknown';

/** A console answer as JSON text in pieces: the envelope, then each row as the service encoded it. */
export function* consoleAnswerJson(answer: EncodedAnswer): Generator<string> {
  yield `{"columns":${JSON.stringify(answer.columns)},"rows":[`;
  for (let i = 0; i < answer.rows.length; i += 1) yield i ? `,${answer.rows[i]}` : answer.rows[i]!;
  yield `],"graph":{"nodes":[`;
  for (let i = 0; i < answer.graph.nodes.length; i += 1) yield (i ? ',' : '') + JSON.stringify(answer.graph.nodes[i]);
  yield '],"edges":[';
  for (let i = 0; i < answer.graph.edges.length; i += 1) yield (i ? ',' : '') + JSON.stringify(answer.graph.edges[i]);
  yield `]},"summary":${JSON.stringify(answer.summary)}}`;
}

async function sendConsoleAnswer(res: Response, answer: EncodedAnswer): Promise<void> {
  res.status(200).type('application/json; charset=utf-8');
  await writePieces(res, consoleAnswerJson(answer));
}

export function consoleRoutes(deps: AppDeps): Router {
  return Router()
    .post('/cypher', async (req, res) => {
      const body = parseInput(cypherBody, req.body);
      await sendConsoleAnswer(res, await runConsoleQuery(deps.console, body, { client: client(req) }));
    })
    .get('/queries', (_req, res) => {
      // The Cypher comes too, so the console can open a saved query in its editor.
      res.json({ queries: listSavedQueries() });
    })
    .post('/queries/:name', async (req, res) => {
      const saved = findSavedQuery(parseInput(savedQueryParams, req.params).name);
      const body = parseInput(savedQueryBody, req.body);
      const params = await redirectMergedPeople(deps.reader, bindSavedParams(saved, body.params));
      const answer = await runConsoleQuery(
        deps.console,
        { query: saved.query, params, timeoutMs: body.timeoutMs, maxRows: body.maxRows },
        { saved: saved.name, client: client(req) },
      );
      await sendConsoleAnswer(res, answer);
    });
}
