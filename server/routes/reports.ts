// GET /api/reports/bilateral?a=&b=&format=, /api/reports/person/:id, /api/reports/organization/:id —
// reports in which every statement cites its source, as json, md, html or csv.
import { Router, type Response } from 'express';
import type { AppDeps } from '../deps.ts';
import { BadInput } from '../../domain/errors.ts';
import { bilateralReportQuery, entityParams, entityReportQuery } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { bilateralReport } from '../services/reports/bilateral.ts';
import { organizationReport, personReport } from '../services/reports/dossier.ts';
import type { Report } from '../services/reports/model.ts';
import { CONTENT_TYPES, reportPieces, type ReportFormat } from '../services/reports/render.ts';
import { writePieces } from '../http/stream.ts';

/** Writes the rendered report piece by piece (never one string of the whole document). */
async function send(res: Response, report: Report, format: ReportFormat, name: string): Promise<void> {
  res.type(CONTENT_TYPES[format]);
  if (format !== 'json' && format !== 'html') res.attachment(`${name}.${format}`);
  await writePieces(res, reportPieces(report, format));
}

export function reportRoutes(deps: AppDeps): Router {
  return Router()
    .get('/reports/bilateral', async (req, res) => {
      const query = parseInput(bilateralReportQuery, req.query);
      if (query.a.toLowerCase() === query.b.toLowerCase()) throw new BadInput('b: must be a different country from a', 'b');
      const report = await bilateralReport(deps.reader, query.a, query.b);
      await send(res, report, query.format, `bilateral-${query.a}-${query.b}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-'));
    })
    .get('/reports/person/:id', async (req, res) => {
      const { id } = parseInput(entityParams, req.params);
      const { format, from, to } = parseInput(entityReportQuery, req.query);
      await send(
        res,
        await personReport(deps.reader, id, new Date(), { from, to }),
        format,
        `person-${id}`.replace(/[^A-Za-z0-9-]+/g, '-'),
      );
    })
    .get('/reports/organization/:id', async (req, res) => {
      const { id } = parseInput(entityParams, req.params);
      const { format, from, to } = parseInput(entityReportQuery, req.query);
      await send(
        res,
        await organizationReport(deps.reader, id, new Date(), { from, to }),
        format,
        `organization-${id}`.replace(/[^A-Za-z0-9-]+/g, '-'),
      );
    });
}
