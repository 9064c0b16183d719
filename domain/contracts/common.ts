// The pieces every API answer is built from — a JSON value, a quote, a source, an entity reference,
// an identity line, an imported record, a problem — as zod schemas, with their types inferred from
// them. Schemas are `.strict()` where an answer carries exactly the listed fields, so a field added or
// renamed without its contract fails the contract test instead of drifting silently.
import { z } from 'zod';

/** Any JSON value: what a graph property or a console cell holds (graph/values.ts Plain has this shape). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export function isJson(value: unknown): value is Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  return typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isJson);
}
// A refinement rather than z.lazy: the OpenAPI generator cannot walk a lazy schema (it shows this as
// "any value"), and its declared type lets `.catchall(json)` infer an index signature.
export const json: z.ZodEffects<z.ZodAny, Json> = z.any().refine(isJson, 'a JSON value');

/** A node's or relationship's own properties, as stored. */
export const properties = z.record(json);
export type Properties = z.infer<typeof properties>;

/** Where a quote lies in its source text: [start, end) in UTF-16 code units. */
export const span = z.object({ start: z.number().int(), end: z.number().int() }).strict();
export type Span = z.infer<typeof span>;

/** A quote cut from a source at its span; `recordField` marks an imported record's header or column line. */
export const quote = z.object({ sourceId: z.string(), quote: z.string(), span, recordField: z.literal(true).optional() }).strict();
export type Quote = z.infer<typeof quote>;

/** The article (or imported record) a quote is cut from. */
export const sourceSummary = z
  .object({ id: z.string(), title: z.string().nullable(), publisher: z.string().nullable(), published: z.string().nullable() })
  .strict();
export type SourceSummary = z.infer<typeof sourceSummary>;

export const entityLink = z.object({ id: z.string(), type: z.string(), name: z.string() }).strict();
export type EntityLink = z.infer<typeof entityLink>;

export const BADGE_KINDS = ['surname-only', 'linked-by-rule'] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];
export const identityBadge = z.object({ kind: z.enum(BADGE_KINDS), text: z.string() }).strict();
export type IdentityBadge = z.infer<typeof identityBadge>;

/** People only: "title · country · years" and badges, what tells a person from a namesake. */
export const identitySummary = z
  .object({
    /** The latest title the sources give, or null. */
    title: z.string().nullable(),
    /** The country of that title (a country, or its organisation's), else the one country they represented; or null. */
    country: z.string().nullable(),
    /** "1996–2024", "2016", or null: the years the titles (else the events) are attested. */
    years: z.string().nullable(),
    /** "title · country · years" with what is known; "" when nothing is. */
    label: z.string(),
    badges: z.array(identityBadge),
  })
  .strict();
export type IdentitySummary = z.infer<typeof identitySummary>;

/** An imported State Department record behind an event: its place, dates and prose. */
export const recordText = z
  .object({
    /** The record's id in the dataset ("trip-4239", "visit-697"). */
    id: z.string(),
    /** What kind of record it is, as its header says ("Trip abroad by the Secretary of State of the United States"). */
    kind: z.string(),
    /** The traveller or visitor named by the record. */
    who: z.string().nullable(),
    /** Where: the locale (trips) and the country. */
    place: z.string().nullable(),
    country: z.string().nullable(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    /** The record's own words: remarks (trips) or description (visits). */
    prose: z.string().nullable(),
  })
  .strict();
export type RecordText = z.infer<typeof recordText>;

/** The date window an answer kept to. */
export const window = z.object({ from: z.string().nullable(), to: z.string().nullable() }).strict();

/** One property of something in the graph that an accepted draft would set to another value. */
export const propertyChange = z
  .object({
    /** The entity's id, or "who → event" for a participation. */
    id: z.string(),
    label: z.string(),
    property: z.string(),
    current: z.unknown(),
    proposed: z.unknown(),
  })
  .strict();
export type PropertyChange = z.infer<typeof propertyChange>;

/** application/problem+json (RFC 9457), with the extension members this API uses. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** The request parameter or field at fault. */
    param: z.string().optional(),
    /** Every problem of a refused input, each with its field. */
    errors: z.array(z.object({ param: z.string(), message: z.string() })).optional(),
    /** 409 on accept: each change to what the graph already has, to decide. */
    changes: z.array(propertyChange).optional(),
    /** A Cypher syntax error's place. */
    position: z.object({ line: z.number(), column: z.number(), offset: z.number() }).strict().optional(),
  })
  .strict();
export type Problem = z.infer<typeof problem>;
