// GET /api/openapi.json (generated from the request schemas) and GET /api/docs (readable HTML).
import { Router } from 'express';
import { buildOpenApi, renderDocs } from '../http/openapi.ts';

export function docsRoutes(): Router {
  const document = buildOpenApi();
  const page = renderDocs(document);
  return Router()
    .get('/openapi.json', (_req, res) => {
      res.json(document);
    })
    .get('/docs', (_req, res) => {
      res.type('html').send(page);
    });
}
