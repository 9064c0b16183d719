// The read answers about entities: search, an entity's profile, its neighbourhood for Cytoscape, who
// met whom, what joins two entities, and how one reaches another.
import { z } from 'zod';
import { entityLink, identitySummary, json, properties, quote, recordText, sourceSummary } from './common.ts';

/** GET /api/search. */
export const searchHit = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    score: z.number(),
    /** People only: "title · country · years" and badges, to tell namesakes apart. */
    summary: identitySummary.optional(),
  })
  .strict();
export type SearchHit = z.infer<typeof searchHit>;
export const searchAnswer = z.object({ results: z.array(searchHit) }).strict();

const text = z.string().nullable();

/** An event's properties as stored: the model's known ones typed, any others as JSON values. */
export const eventProps = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string().optional(),
    status: z.string().optional(),
    start: text.optional(),
    end: text.optional(),
    datePrecision: text.optional(),
  })
  .catchall(json);
export const agreementProps = z
  .object({ id: z.string().optional(), name: z.string(), kind: z.string().optional(), status: z.string().optional() })
  .catchall(json);
export const figureProps = z
  .object({
    id: z.string().optional(),
    name: z.string(),
    value: z.union([z.number(), z.string()]).nullable().optional(),
    unit: text.optional(),
    period: text.optional(),
  })
  .catchall(json);

/** A person merged from several records: the members as stated, and the judgements that joined them. */
export const clusterInfo = z
  .object({
    members: z.array(
      z
        .object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), note: z.string().nullable(), sources: z.number().int() })
        .strict(),
    ),
    canonicalMember: z.string(),
    judgements: z.array(
      z.object({ a: z.string(), b: z.string(), verdict: z.string(), by: z.string(), at: z.string(), note: z.string().nullable() }).strict(),
    ),
  })
  .strict();
export type ClusterInfo = z.infer<typeof clusterInfo>;

/** GET /api/entities/{id}. Node property bags (`entity`, `event`, `agreement`, `figure`) carry the model's properties as stored. */
export const entityProfile = z
  .object({
    entity: z
      .object({
        id: z.string(),
        type: z.string(),
        name: z.string(),
        aliases: z.array(z.string()).optional(),
        note: text.optional(),
        evidence: z.array(quote),
      })
      .catchall(json),
    /** Set when the id asked for was merged into this cluster. */
    resolvedFrom: z.string().optional(),
    /** Set when this person is a cluster of several records judged the same. */
    cluster: clusterInfo.optional(),
    /** People only. */
    summary: identitySummary.optional(),
    /** Publication dates of the sources that state the title: when it is attested, not a term of office. */
    titles: z.array(z.object({ title: z.string(), at: entityLink, firstSeen: text, lastSeen: text, evidence: z.array(quote) }).strict()),
    holders: z.array(
      z.object({ title: z.string(), person: entityLink, firstSeen: text, lastSeen: text, evidence: z.array(quote) }).strict(),
    ),
    events: z.array(
      z
        .object({
          event: eventProps,
          role: text,
          represents: text,
          officialRole: text,
          inferred: z.boolean(),
          rule: text,
          evidence: z.array(quote),
        })
        .strict(),
    ),
    met: z.array(
      z
        .object({
          person: entityLink,
          count: z.number().int(),
          meetings: z.array(
            z.object({ event: z.string(), date: text, datePrecision: text, inferred: z.boolean(), evidence: z.array(quote) }).strict(),
          ),
        })
        .strict(),
    ),
    agreements: z.array(z.object({ agreement: agreementProps, via: z.string(), evidence: z.array(quote) }).strict()),
    figures: z.array(z.object({ figure: figureProps, evidence: z.array(quote) }).strict()),
    relationships: z.array(
      z.object({ type: z.string(), direction: z.enum(['out', 'in']), other: entityLink, properties, evidence: z.array(quote) }).strict(),
    ),
    truncated: z.boolean(),
    sources: z.array(sourceSummary),
  })
  .strict();
export type EntityProfile = z.infer<typeof entityProfile>;

/** Cytoscape elements: `{data}` with an id, a type and a label, then the entity's (or relationship's) properties. */
export const cyNode = z.object({ data: z.object({ id: z.string(), type: z.string(), label: z.string() }).catchall(json) }).strict();
export const cyEdge = z
  .object({
    data: z.object({ id: z.string(), source: z.string(), target: z.string(), type: z.string(), label: z.string() }).catchall(json),
  })
  .strict();
export type CyNode = z.infer<typeof cyNode>;
export type CyEdge = z.infer<typeof cyEdge>;

/** GET /api/entities/{id}/neighborhood. */
export const neighborhood = z
  .object({ center: z.string(), nodes: z.array(cyNode), edges: z.array(cyEdge), limit: z.number().int(), truncated: z.boolean() })
  .strict();
export type Neighborhood = z.infer<typeof neighborhood>;

export const participant = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    role: z.string(),
    represents: z.string().nullable(),
    officialRole: z.string().nullable(),
    delegation: z.boolean(),
    inferred: z.boolean(),
    rule: z.string().nullable(),
    evidence: z.array(quote),
  })
  .strict();
export type Participant = z.infer<typeof participant>;

const idName = z.object({ id: z.string(), name: z.string() }).strict();

export const meeting = z
  .object({
    /** The event as cypher/meeting-details.cypher reads it (its name as `title`). */
    event: z
      .object({
        id: z.string(),
        kind: text,
        title: text,
        status: text,
        start: text,
        end: text,
        datePrecision: text,
        dateText: text,
        dateBasis: text,
      })
      .strict(),
    /** Its first own place. */
    place: idName.nullable(),
    /** Where it was held: its own places, else those of the event it is part of. */
    places: z.array(idName),
    country: idName.nullable(),
    /** The event it is part of (a meeting inside a visit). */
    partOf: z.object({ id: z.string(), name: z.string(), kind: text }).strict().nullable(),
    participants: z.array(participant),
    /** People the article names in connection with the meeting who did not take part. */
    mentioned: z.array(participant),
    inferred: z.boolean(),
    /** The event's quotes (an imported record's column lines left out: `records` shows them). */
    evidence: z.array(quote),
    /** The imported records behind it (place, dates, prose); empty for articles. */
    records: z.array(recordText),
  })
  .strict();
export type Meeting = z.infer<typeof meeting>;

/** GET /api/meetings. */
export const meetingsAnswer = z
  .object({
    query: z
      .object({
        person: z.string().nullable(),
        with: z.string().nullable(),
        country: z.string().nullable(),
        from: z.string().nullable(),
        to: z.string().nullable(),
      })
      .strict(),
    meetings: z.array(meeting),
    sources: z.array(sourceSummary),
  })
  .strict();
export type MeetingsAnswer = z.infer<typeof meetingsAnswer>;

export const link = z
  .object({
    type: z.string(),
    /** As stored: from → to. */
    from: z.string(),
    to: z.string(),
    /** The relationship's facts (role, title, date, …), bookkeeping left out. */
    properties,
    /** Its own quotes that the event's do not already contain. */
    evidence: z.array(quote),
    /** The event it stands for: a MET's meeting, or the event at one end. */
    event: meeting.nullable(),
  })
  .strict();
export type Link = z.infer<typeof link>;

/** GET /api/links. */
export const linksAnswer = z
  .object({
    a: entityLink,
    b: entityLink,
    query: z.object({ from: z.string().nullable(), to: z.string().nullable(), limit: z.number().int() }).strict(),
    /** All links in the window; `links` lists the first `limit`. */
    total: z.number().int(),
    links: z.array(link),
    sources: z.array(sourceSummary),
  })
  .strict();
export type LinksAnswer = z.infer<typeof linksAnswer>;

export const hopLink = z
  .object({
    type: z.string(),
    /** As stored: from → to of the relationship (hops are walked regardless of direction). */
    from: z.string(),
    to: z.string(),
    date: text,
    datePrecision: text,
    event: z.string().nullable(),
    inferred: z.boolean(),
    rule: text,
    properties,
    /** The link's own quotes that its event's do not contain, then the event's. */
    evidence: z.array(quote),
    /** What the event is, where it was held and, for imported records, the record. */
    eventInfo: z
      .object({
        id: z.string(),
        name: z.string(),
        kind: text,
        start: text,
        end: text,
        datePrecision: text,
        places: z.array(z.string()),
        country: z.string().nullable(),
        records: z.array(recordText),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type HopLink = z.infer<typeof hopLink>;

export const hop = z
  .object({
    from: z.string(),
    to: z.string(),
    type: z.string(),
    /** The earliest dated link of this hop (null when none is dated). */
    date: text,
    datePrecision: text,
    inferred: z.boolean(),
    /** The first `linksPerHop` relationships joining the two (MET first, earliest first), with their evidence. */
    links: z.array(hopLink),
    /** How many relationships join the two in the window (links may list fewer). */
    linkCount: z.number().int(),
    /** The latest dated link of all, so a reader can tell hops out of time order. */
    lastDate: text,
    evidence: z.array(quote),
  })
  .strict();
export type Hop = z.infer<typeof hop>;

export const foundPath = z
  .object({
    length: z.number().int(),
    /** A person node carries `summary`. */
    nodes: z.array(
      z.object({ id: z.string(), type: z.string(), name: z.string(), kind: text, summary: identitySummary.optional() }).strict(),
    ),
    hops: z.array(hop),
  })
  .strict();
export type FoundPath = z.infer<typeof foundPath>;

/** GET /api/paths. */
export const pathsAnswer = z
  .object({
    query: z
      .object({
        from: z.string(),
        to: z.string(),
        via: z.string(),
        maxHops: z.number().int(),
        start: z.string().nullable(),
        end: z.string().nullable(),
        exclude: z.array(z.string()),
        limit: z.number().int(),
        linksPerHop: z.number().int(),
      })
      .strict(),
    paths: z.array(foundPath),
    sources: z.array(sourceSummary),
  })
  .strict();
export type PathsAnswer = z.infer<typeof pathsAnswer>;
