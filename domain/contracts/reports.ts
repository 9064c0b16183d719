// What a report is as JSON (GET /api/reports/…?format=json): sections of statements, each statement
// carrying the citations it rests on. The Markdown, HTML and CSV renderings are made from the same object.
import { z } from 'zod';
import { quote, sourceSummary } from './common.ts';

export const citation = quote.extend({ title: z.string().nullable(), published: z.string().nullable() }).strict();
export type Citation = z.infer<typeof citation>;

export const statement = z
  .object({
    text: z.string(),
    citations: z.array(citation),
    /** Structured fields of the fact (date, kind, status, …) for JSON and CSV. */
    data: z.record(z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .strict();
export type Statement = z.infer<typeof statement>;

export const reportTable = z
  .object({
    columns: z.array(z.string()),
    /** One row per statement, in the same order as `statements`. */
    rows: z.array(z.array(z.string())),
  })
  .strict();
export type ReportTable = z.infer<typeof reportTable>;

export const reportSection = z
  .object({
    id: z.string(),
    title: z.string(),
    statements: z.array(statement),
    /** Shown when there are no statements: what the sources do not record. */
    emptyNote: z.string(),
    table: reportTable.optional(),
    /** Long lists are folded by year in HTML and headed by year in Markdown (from `data.year`). */
    foldByYear: z.boolean().optional(),
  })
  .strict();
export type ReportSection = z.infer<typeof reportSection>;

export const report = z
  .object({
    kind: z.enum(['bilateral', 'person', 'organization']),
    title: z.string(),
    subtitle: z.string(),
    generatedAt: z.string(),
    /** Notes about the report as a whole (how to read it); never facts. */
    notes: z.array(z.string()),
    sections: z.array(reportSection),
    sources: z.array(sourceSummary),
  })
  .strict();
export type Report = z.infer<typeof report>;
