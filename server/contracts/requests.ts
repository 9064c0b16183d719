// The request half of the API contract: the zod schemas that validate every request. /api/openapi.json
// is generated from these same schemas (server/http/openapi.ts), so the documentation cannot drift from
// what is enforced; the services take the types they infer.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { decisionSchema } from '../../domain/review-decision.ts';
import { z } from 'zod';
import { MAX_ARTICLE_CHARS, MAX_HTML_DEPTH, MAX_INPUT_CHARS } from '../../domain/ingest-limits.ts';
import { API_TYPES, SEARCHABLE_TYPES } from '../../domain/model.ts';
import { isPeriod, PERIOD_PATTERN, periodEnd, periodSchema, periodStart } from '../../domain/period.ts';

extendZodWithOpenApi(z);

const periodText = periodSchema();

/** Comma-separated list of names, e.g. "Country,org:kz-mfa". */
const commaList = <T extends string>(item: z.ZodType<T, z.ZodTypeDef, string>, example: string) =>
  z
    .string()
    .max(2000)
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50))
    .openapi({ type: 'string', example });

const intParam = (min: number, max: number, fallback: number, description: string) =>
  z.coerce
    .number({ invalid_type_error: `a whole number from ${min} to ${max}` })
    .int(`a whole number from ${min} to ${max}`)
    .min(min, `a whole number from ${min} to ${max}`)
    .max(max, `a whole number from ${min} to ${max}`)
    .default(fallback)
    .openapi({ description: `${description} (${min}–${max}, default ${fallback})`, type: 'integer' });

/** An entity id ("person:alibek-kuantyrov"), or for countries an ISO code ("KZ"), or a name. */
export const entityRef = z
  .string()
  .trim()
  .min(1, 'an entity id (e.g. person:alibek-kuantyrov), an ISO country code, or a name')
  .max(300, 'at most 300 characters');

function windowOrder<T extends { from?: string | undefined; to?: string | undefined }>(
  value: T,
  ctx: z.RefinementCtx,
  names = ['from', 'to'],
) {
  // Zod runs refinements even when a field already failed: compare only well-formed periods.
  const wellFormed = (text: string | undefined): text is string => typeof text === 'string' && PERIOD_PATTERN.test(text);
  if (wellFormed(value.from) && wellFormed(value.to) && periodStart(value.from) > periodEnd(value.to)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [names[1]!], message: `not before ${names[0]} (${value.from})` });
  }
}

export const searchQuery = z
  .object({
    q: z.string().trim().min(1, 'some text to search for').max(200, 'at most 200 characters').openapi({ example: 'Kuantyr' }),
    type: z.enum(SEARCHABLE_TYPES).optional().openapi({ description: 'only entities of this type' }),
    limit: intParam(1, 50, 10, 'how many results'),
  })
  .strict();

export const entityParams = z.object({ id: entityRef.openapi({ example: 'person:alibek-kuantyrov' }) });

export const neighborhoodShape = z
  .object({
    depth: intParam(1, 3, 1, 'how many steps out'),
    types: commaList(z.enum(API_TYPES), 'person,event').optional().openapi({ description: 'neighbour types to keep' }),
    from: periodText.optional().openapi({ description: 'events and meetings from this date (YYYY, YYYY-MM or YYYY-MM-DD)' }),
    to: periodText.optional().openapi({ description: 'events and meetings up to this date' }),
    includeUndated: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .openapi({ type: 'string', enum: ['true', 'false'], description: 'with a window, also keep undated events' }),
    limit: intParam(1, 1000, 150, 'node cap'),
  })
  .strict();
export const neighborhoodQuery = neighborhoodShape.superRefine((value, ctx) => windowOrder(value, ctx));

/** A hub's neighbours are grouped by these keys: an event kind or an entity type, a year, a country. */
export const hubShape = z
  .object({
    from: periodText.optional().openapi({ description: 'events and meetings wholly on or after (YYYY, YYYY-MM or YYYY-MM-DD)' }),
    to: periodText.optional().openapi({ description: 'events and meetings wholly on or before' }),
    includeUndated: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .openapi({ type: 'string', enum: ['true', 'false'], description: 'with a window, also keep undated events and meetings' }),
    kind: z
      .string()
      .regex(/^[a-z_-]{1,40}$/, 'an event kind (visit, meeting, …) or an entity type (organization, …)')
      .optional()
      .openapi({ description: 'only neighbours of this event kind or type' }),
    year: z
      .string()
      .regex(/^(\d{4}|undated)$/, 'a year YYYY, or undated')
      .optional()
      .openapi({ description: 'only neighbours dated in this year (or undated)' }),
    country: entityRef.optional().openapi({ description: 'only neighbours in or of this country (id or ISO code)', example: 'IL' }),
    limit: intParam(1, 5000, 2000, 'how many neighbours other than the people met (most recent first)'),
  })
  .strict();
export const hubQuery = hubShape.superRefine((value, ctx) => windowOrder(value, ctx));

export const linksShape = z
  .object({
    a: entityRef.openapi({ description: 'one end (id or name)', example: 'person:alibek-kuantyrov' }),
    b: entityRef.openapi({ description: 'the other end', example: 'person:heineken-lokpobiri' }),
    from: periodText.optional().openapi({ description: 'meetings and events wholly on or after' }),
    to: periodText.optional().openapi({ description: 'meetings and events wholly on or before' }),
    limit: intParam(1, 500, 100, 'how many links (earliest first)'),
  })
  .strict();
export const linksQuery = linksShape.superRefine((value, ctx) => {
  windowOrder(value, ctx);
  if (value.a === value.b) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['b'], message: 'must differ from a' });
});

export const meetingsShape = z
  .object({
    person: entityRef.optional().openapi({ description: 'a person (id or name)', example: 'person:alibek-kuantyrov' }),
    with: entityRef.optional().openapi({ description: 'a second person: only meetings of both' }),
    country: entityRef
      .optional()
      .openapi({ description: 'only meetings where someone represented this country (id or ISO code)', example: 'NG' }),
    from: periodText.optional().openapi({ description: 'meetings wholly on or after (YYYY, YYYY-MM or YYYY-MM-DD)', example: '2025-02' }),
    to: periodText.optional().openapi({ description: 'meetings wholly on or before', example: '2025-02' }),
    limit: intParam(1, 500, 100, 'how many meetings'),
  })
  .strict();
export const meetingsQuery = meetingsShape.superRefine((value, ctx) => {
  windowOrder(value, ctx);
  if (value.with && !value.person) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['with'], message: 'needs person as well' });
});

export const pathsShape = z
  .object({
    from: entityRef.openapi({ example: 'person:adeniyi-adesoji' }),
    to: entityRef.openapi({ example: 'person:heineken-lokpobiri' }),
    via: z.enum(['meetings', 'any']).default('meetings').openapi({ description: 'meetings: MET only; any: every relationship' }),
    maxHops: intParam(1, 10, 6, 'longest path in hops'),
    start: periodText.optional().openapi({ description: 'keep only hops dated wholly on or after' }),
    end: periodText.optional().openapi({ description: 'keep only hops dated wholly on or before' }),
    exclude: commaList(entityRef, 'Country,org:kz-mfa')
      .optional()
      .openapi({ description: 'labels (Country, Organization, …) or ids the path may not pass through' }),
    limit: intParam(1, 10, 1, 'how many distinct shortest paths (k)'),
    linksPerHop: intParam(
      1,
      100,
      10,
      'how many links (e.g. meetings) each hop lists with their quotes, earliest first; linkCount gives them all',
    ),
  })
  .strict();
export const pathsQuery = pathsShape.superRefine((value, ctx) => {
  windowOrder({ from: value.start, to: value.end }, ctx, ['start', 'end']);
  if (value.from === value.to) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: 'must differ from from' });
});

export type SearchQuery = z.infer<typeof searchQuery>;
export type NeighborhoodQuery = z.infer<typeof neighborhoodQuery>;
export type MeetingsQuery = z.infer<typeof meetingsQuery>;
export type HubQuery = z.infer<typeof hubQuery>;
export type LinksQuery = z.infer<typeof linksQuery>;
export type PathsQuery = z.infer<typeof pathsQuery>;

const paramName = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/**
 * Integers Cypher would not get exactly are refused, never wrapped or rounded: a JSON number past
 * 2^53 (JSON.parse already rounded it) and a typed {"$type": "integer"} outside 64 bits.
 */
function integerProblems(params: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const stack: [unknown, (string | number)[]][] = [[params, []]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    const at = ['params', ...path];
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: path,
        message: `${at.join('.')}: ${value} is past 2^53, where JSON numbers are no longer exact; send {"$type": "integer", "value": "…"}`,
      });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, [...path, i]]));
    } else if (value && typeof value === 'object') {
      const tagged = value as { $type?: unknown; value?: unknown };
      if (tagged.$type === 'integer') {
        const text = typeof tagged.value === 'number' || typeof tagged.value === 'string' ? String(tagged.value).trim() : '';
        const whole = /^[+-]?\d{1,25}$/.test(text) ? BigInt(text) : undefined;
        if (whole === undefined || whole < INT64.min || whole > INT64.max) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: path,
            message: `${at.join('.')}: a whole number from ${INT64.min} to ${INT64.max} (64-bit), as text`,
          });
        }
      } else {
        for (const [key, item] of Object.entries(value)) stack.push([item, [...path, key]]);
      }
    }
  }
}
const consoleLimits = {
  timeoutMs: z
    .number()
    .int()
    .min(100, 'at least 100 ms')
    .max(60_000, 'at most 60000 ms (the ceiling)')
    .default(10_000)
    .openapi({ description: 'time limit; the server cancels the query after it (default 10000, ceiling 60000)' }),
  maxRows: z
    .number()
    .int()
    .min(1, 'at least 1')
    .max(10_000, 'at most 10000 (the ceiling)')
    .default(1000)
    .openapi({ description: 'row cap, enforced while streaming (default 1000, ceiling 10000)' }),
};

export const cypherBody = z
  .object({
    query: z
      .string()
      .trim()
      .min(1, 'a Cypher query')
      .max(20_000, 'at most 20000 characters')
      .openapi({ example: 'MATCH (p:Person)-[m:MET]-(q:Person) RETURN p, m, q LIMIT 25' }),
    params: z
      .record(z.unknown())
      .default({})
      .refine((params) => Object.keys(params).every((key) => paramName.test(key)), 'parameter names are letters, digits and _')
      .superRefine(integerProblems)
      .openapi({ description: 'query parameters; {"$type": "date"|"datetime"|"integer", "value": "…"} for typed values' }),
    ...consoleLimits,
  })
  .strict();

export const savedQueryParams = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'a saved query name such as meetings-of-person')
    .openapi({ example: 'meetings-of-person' }),
});

export const savedQueryBody = z
  .object({
    params: z
      .record(z.union([z.string(), z.number()]))
      .default({})
      .openapi({ example: { person: 'person:alibek-kuantyrov', from: '2025-02' } }),
    ...consoleLimits,
  })
  .strict();

export type CypherBody = z.infer<typeof cypherBody>;

const reportFormat = z
  .enum(['json', 'md', 'html', 'csv'])
  .default('json')
  .openapi({ description: 'json (structured, with citations), md, html (printable, footnoted) or csv (one row per fact and citation)' });

export const bilateralReportQuery = z
  .object({
    a: entityRef.openapi({ description: 'a country (id, ISO code or name)', example: 'KZ' }),
    b: entityRef.openapi({ description: 'the other country', example: 'NG' }),
    format: reportFormat,
  })
  .strict();

export const entityReportShape = z
  .object({
    format: reportFormat,
    from: periodText
      .optional()
      .openapi({ description: 'keep to events and meetings wholly on or after (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out' }),
    to: periodText.optional().openapi({ description: 'keep to events and meetings wholly on or before' }),
  })
  .strict();
export const entityReportQuery = entityReportShape.superRefine((value, ctx) => windowOrder(value, ctx));

// Ingest: draft facts from an article, then accept the reviewed draft (both behind the API key).
/** A whole day that exists (a month 13 or 30 February in `published` is refused, not wrapped). */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(isPeriod, 'a real calendar date');
export const ingestDraftBody = z
  .object({
    text: z
      .string()
      .min(20, 'the article text (at least 20 characters)')
      .max(MAX_INPUT_CHARS, `at most ${MAX_INPUT_CHARS} characters`)
      .openapi({
        description: `plain text (optionally starting with " date YYYY-MM-DD") or HTML; at most ${MAX_ARTICLE_CHARS} characters of text are drafted, and HTML may nest at most ${MAX_HTML_DEPTH} elements deep`,
        example: ' date 2025-06-04 ASTANA, June 4. Kazakhstan’s Minister of Foreign Affairs Murat Nurtleu met with …',
      }),
    published: isoDay
      .optional()
      .openapi({ description: 'publication date, when the text has no header; relative dates are resolved against it' }),
    fileName: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,80}$/, 'lower-case letters, digits, - and _')
      .optional()
      .openapi({ description: 'name for the article file (without .txt); derived from the text if absent' }),
  })
  .strict();

export const ingestDecisionsBody = z
  .object({
    source: z
      .string()
      .regex(/^[\w.-]{1,120}$/, 'the article file name')
      .openapi({ description: "the draft's `source.file`" }),
    decisions: z
      .array(decisionSchema)
      .max(5000, 'at most 5000 decisions')
      .openapi({ description: '`[{path, rule, decision: accepted|edited|rejected, label?}]`, one per reviewed fact' }),
  })
  .strict();

export const ingestAcceptBody = z
  .object({
    facts: z
      .record(z.unknown())
      .openapi({ description: 'the reviewed fact file (the `facts` of POST /api/ingest, edited); validated field by field' }),
    text: z.string().min(20).max(MAX_INPUT_CHARS).openapi({ description: 'the article as POST /api/ingest returned it in `article.raw`' }),
    changes: z
      .array(
        z
          .object({
            id: z
              .string()
              .min(1)
              .max(700)
              .openapi({ description: 'the entity id, or "who → event" for a participation, as the 409 answer listed it' }),
            property: z.string().min(1).max(40),
            choice: z.enum(['keep', 'replace']).openapi({ description: 'keep the value the graph has, or replace it with the draft’s' }),
          })
          .strict(),
      )
      .max(1000)
      .optional()
      .openapi({ description: 'a choice for each change to what the graph already has that a 409 answer listed: keep or replace' }),
  })
  .strict();

// Identity resolution: candidate pairs to review, judgements about them (behind the API key).
export const candidatesQuery = z
  .object({
    status: z.enum(['open', 'judged', 'all']).default('open').openapi({ description: 'open: not judged yet; judged; all' }),
    country: z
      .string()
      .trim()
      .regex(/^(country:)?[A-Za-z]{2}$/, 'an ISO country code such as NG')
      .optional()
      .openapi({ description: 'only pairs where either person is of this country', example: 'NG' }),
    person: entityRef.optional().openapi({ description: 'only pairs with this person (id)' }),
    q: z.string().trim().min(1).max(200).optional().openapi({ description: 'only pairs where either name contains this text' }),
    minScore: z.coerce
      .number({ invalid_type_error: 'a number from 0 to 1' })
      .min(0, 'a number from 0 to 1')
      .max(1, 'a number from 0 to 1')
      .default(0.3)
      .openapi({ type: 'number', description: 'lowest score listed (0–1, default 0.3)' }),
    limit: intParam(1, 500, 50, 'how many pairs'),
    offset: intParam(0, 100_000, 0, 'pairs to skip (paging)'),
  })
  .strict();

const judgementItem = z
  .object({
    a: entityRef.openapi({ example: 'person:bola-ahmed-tinubu' }),
    b: entityRef.openapi({ example: 'person:ng-bola-tinubu' }),
    verdict: z.enum(['same', 'different', 'unsure', 'undo']).openapi({
      description:
        "same: one person (merged into one cluster); different: never merge; unsure: recorded only; undo: withdraw the pair's judgement",
    }),
    note: z.string().trim().max(1000).optional().openapi({ description: 'why (kept in the log)' }),
  })
  .strict();

export const judgementsBody = z
  .object({
    judgements: z.array(judgementItem).min(1, 'at least one judgement').max(1000, 'at most 1000 at once'),
    by: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .default('api')
      .openapi({ description: 'who judged (kept in the log)', example: 'analyst@example.org' }),
  })
  .strict();

export const judgementHistoryQuery = z
  .object({
    person: entityRef.optional().openapi({ description: 'only judgements about this person (id)' }),
    limit: intParam(1, 1000, 100, 'how many, newest first'),
  })
  .strict();

export const acceptBody = z
  .object({
    minScore: z
      .number({ invalid_type_error: 'a number from 0.3 to 1' })
      .min(0.3, 'at least 0.3')
      .max(1, 'at most 1')
      .openapi({ description: 'accept every open pair scoring at least this', example: 0.9 }),
    country: z
      .string()
      .trim()
      .regex(/^(country:)?[A-Za-z]{2}$/, 'an ISO country code such as NG')
      .optional(),
    by: z.string().trim().min(1).max(100).default('api'),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

// Pictures: the aggregated data the explorer draws (timeline, map, meetings per year, summary card).
const pictureWindow = {
  from: periodText
    .optional()
    .openapi({ description: 'only events wholly on or after (YYYY, YYYY-MM or YYYY-MM-DD); undated ones drop out' }),
  to: periodText.optional().openapi({ description: 'only events wholly on or before' }),
};

export const timelineShape = z
  .object({
    person: entityRef.optional().openapi({ description: 'a person: one lane per counterpart', example: 'person:blinken-antony-j' }),
    a: entityRef.optional().openapi({ description: 'a country (with b): one lane per official of either country', example: 'US' }),
    b: entityRef.optional().openapi({ description: 'the other country', example: 'JP' }),
    ...pictureWindow,
    lanes: intParam(1, 200, 30, 'lanes drawn, busiest first; the rest are counted in otherLanes'),
    limit: intParam(1, 3000, 1500, 'events read, earliest first'),
  })
  .strict();
export const timelineQuery = timelineShape.superRefine((value, ctx) => {
  windowOrder(value, ctx);
  const pair = value.a !== undefined || value.b !== undefined;
  if (value.person && pair)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['person'], message: 'give a person, or two countries a and b, not both' });
  else if (!value.person && !pair)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['person'], message: 'give a person, or two countries a and b' });
  else if (pair && (!value.a || !value.b))
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [value.a ? 'b' : 'a'], message: 'both countries a and b are needed' });
  else if (pair && value.a!.toLowerCase() === value.b!.toLowerCase())
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['b'], message: 'must be a different country from a' });
});

export const activityPerYearQuery = z
  .object({
    person: entityRef.optional().openapi({ description: 'a person (id or name)', example: 'person:blinken-antony-j' }),
    country: entityRef.optional().openapi({
      description: 'everyone acting for this country (or, with person, that person with someone acting for it)',
      example: 'JP',
    }),
  })
  .strict();

export const visitsMapShape = z
  .object({
    person: entityRef.optional().openapi({ description: 'a traveller', example: 'person:blinken-antony-j' }),
    country: entityRef.optional().openapi({ description: 'visits to this country and by those representing it', example: 'JP' }),
    ...pictureWindow,
    limit: intParam(1, 10000, 3000, 'visits read, earliest first'),
  })
  .strict();
export const visitsMapQuery = visitsMapShape.superRefine((value, ctx) => windowOrder(value, ctx));

export const personSummaryQuery = z
  .object({ ...pictureWindow })
  .strict()
  .superRefine((value, ctx) => windowOrder(value, ctx));

export type TimelineQuery = z.infer<typeof timelineQuery>;
export type ActivityPerYearQuery = z.infer<typeof activityPerYearQuery>;
export type VisitsMapQuery = z.infer<typeof visitsMapQuery>;
export type PersonSummaryQuery = z.infer<typeof personSummaryQuery>;
