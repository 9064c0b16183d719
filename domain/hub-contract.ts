// The /api/entities/:id/hub answer: a busy entity's counterparts (one entry each, weighted by
// meetings), its other neighbours with the keys a reader groups them by, and what a date window hides.
// One contract (zod, the types inferred) for the server that builds it, the OpenAPI document and the
// explorer that draws it.
import { z } from 'zod';

export const countryRef = z.object({ id: z.string(), name: z.string() }).strict().nullable();
export type CountryRef = z.infer<typeof countryRef>;

export const hubPerson = z
  .object({
    id: z.string(),
    name: z.string(),
    /** Meetings with the centre in the window. */
    meetings: z.number().int(),
    first: z.string().nullable(),
    last: z.string().nullable(),
    inferred: z.number().int(),
    /** All their MET, with anyone, at any time. */
    degree: z.number().int(),
    country: countryRef,
  })
  .strict();
export type HubPerson = z.infer<typeof hubPerson>;

export const hubPeer = z
  .object({ a: z.string(), b: z.string(), meetings: z.number().int(), first: z.string().nullable(), last: z.string().nullable() })
  .strict();
export type HubPeer = z.infer<typeof hubPeer>;

export const hubNeighbour = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    kind: z.string().nullable(),
    status: z.string().nullable(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    datePrecision: z.string().nullable(),
    /** The relationship to the centre. */
    link: z
      .object({ type: z.string(), outgoing: z.boolean(), role: z.string().nullable(), title: z.string().nullable(), inferred: z.boolean() })
      .strict(),
    /** The group keys: kind (an event kind, else the type), year (or "undated"; null when timeless), country. */
    group: z.object({ kind: z.string(), year: z.string().nullable(), country: countryRef }).strict(),
    /** The event it is part of (a meeting inside a visit). */
    parent: z.string().nullable(),
    /** Undated: shown because no window is set or undated ones were asked for. */
    undated: z.boolean(),
  })
  .strict();
export type HubNeighbour = z.infer<typeof hubNeighbour>;

export const hubLink = z
  .object({ from: z.string(), to: z.string(), type: z.string(), role: z.string().nullable(), inferred: z.boolean() })
  .strict();
export type HubLink = z.infer<typeof hubLink>;

export const facet = z.object({ key: z.string(), label: z.string(), count: z.number().int() }).strict();
export type Facet = z.infer<typeof facet>;

export const hubAnswer = z
  .object({
    center: z.object({ id: z.string(), type: z.string(), name: z.string(), kind: z.string().nullable() }).strict(),
    query: z
      .object({
        from: z.string().nullable(),
        to: z.string().nullable(),
        includeUndated: z.boolean(),
        kind: z.string().nullable(),
        year: z.string().nullable(),
        country: z.string().nullable(),
        limit: z.number().int(),
      })
      .strict(),
    people: z.array(hubPerson),
    peers: z.array(hubPeer),
    neighbours: z.array(hubNeighbour),
    links: z.array(hubLink),
    /** Counts of the neighbours in the window by kind, year and country (before the kind/year/country filter and the limit). */
    facets: z.object({ kinds: z.array(facet), years: z.array(facet), countries: z.array(facet) }).strict(),
    /** Neighbours in the window (filtered), of which `neighbours` lists the first `limit`. */
    total: z.number().int(),
    truncated: z.boolean(),
    /** What the window leaves out: meetings and events dated outside it, and undated ones. */
    hidden: z
      .object({
        meetingsOutside: z.number().int(),
        meetingsUndated: z.number().int(),
        eventsOutside: z.number().int(),
        eventsUndated: z.number().int(),
      })
      .strict(),
    /** Dated activity (all time, whatever the window): events by month (or year), meetings among them. */
    activity: z.array(z.object({ period: z.string(), events: z.number().int(), meetings: z.number().int() }).strict()),
    undatedActivity: z.number().int(),
  })
  .strict();
export type HubAnswer = z.infer<typeof hubAnswer>;
