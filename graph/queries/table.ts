// The row schema of every read query the features run: one entry per cypher/<name>.cypher file,
// keyed by its name, listing the columns its RETURN gives and what each holds. A test checks each
// schema's columns against the file's RETURN columns (EXPLAIN), so the two cannot drift apart.
import { z } from 'zod';
import { count, flag, maybeDate, maybeFlag, maybeNumber, maybeRef, maybeText, maybeTexts, props, ref, text, texts } from './columns.ts';

/** A participant of an event as meeting-details collects them. */
const participant = z.object({
  id: text,
  type: text,
  name: text,
  /** Never null: the query sorts people into participants and mentioned by role. */
  role: text,
  represents: maybeText,
  officialRole: maybeText,
  delegation: maybeFlag,
  inferred: maybeFlag,
  rule: maybeText,
  evidence: maybeTexts,
});

/** A node as the neighbourhood, hub and path queries give it (`{id, type, name, kind, …}`). */
const nodeSummary = z.object({ id: text, type: text, name: maybeText, kind: maybeText });
const datedNode = nodeSummary.extend({ status: maybeText, start: maybeDate, end: maybeDate, datePrecision: maybeText });
const eventIds = z.object({ id: text });

/** A node by id and name, where the name is required. */
const named = z.object({ id: text, name: text });

export const READ_QUERIES = {
  // search and entities
  search: z.object({ id: text, type: text, name: text, aliases: texts, score: z.number() }),
  entity: z.object({ id: text, type: text, props }),
  'entity-alias': z.object({ id: text, type: text, props, member: text }),
  'entity-relationships': z.object({
    type: text,
    outgoing: flag,
    props,
    other: z.object({
      id: text,
      type: text,
      name: text,
      kind: maybeText,
      status: maybeText,
      start: maybeDate,
      end: maybeDate,
      datePrecision: maybeText,
      dateText: maybeText,
      value: maybeNumber,
      unit: maybeText,
      qualifier: maybeText,
      period: maybeText,
    }),
  }),
  'person-agreements': z.object({ agreement: props, event: ref, evidence: maybeTexts }),
  'cluster-members': z.object({
    members: z.array(z.object({ id: text, name: text, aliases: texts, note: maybeText, sources: texts })),
    judgements: z.array(z.object({ a: text, b: text, verdict: text, by: text, at: text, note: maybeText })),
  }),
  'identity-summaries': z.object({
    id: text,
    name: text,
    note: maybeText,
    titles: z.array(z.object({ title: text, country: maybeText, first: maybeNumber, last: maybeNumber })),
    eventYears: z.array(count),
    represents: texts,
    linked: flag,
  }),
  'sources-by-id': z.object({ id: text, title: maybeText, publisher: maybeText, published: maybeText, text: maybeText }),
  'names-of-entities': z.object({ id: text, name: maybeText }),
  'schema-names': z.object({ labels: texts, relationshipTypes: texts, propertyKeys: texts }),

  // meetings and links
  'meetings-all': eventIds,
  'meetings-by-country': eventIds,
  'meetings-by-person': eventIds,
  'meeting-details': z.object({
    event: z.object({
      id: text,
      kind: maybeText,
      title: maybeText,
      status: maybeText,
      start: maybeDate,
      end: maybeDate,
      datePrecision: maybeText,
      dateText: maybeText,
      dateBasis: maybeText,
    }),
    // Every node has a name (the fact-file schema requires one); the meetings' answer contract counts on it.
    place: named.nullable(),
    places: z.array(named),
    country: named.nullable(),
    partOf: z.object({ id: text, name: text, kind: maybeText }).nullable(),
    participants: z.array(participant),
    mentioned: z.array(participant),
    evidence: maybeTexts,
    sources: maybeTexts,
  }),
  'links-between': z.object({
    total: count,
    links: z.array(z.object({ type: text, from: text, to: text, props, event: maybeText })),
  }),

  // neighbourhood and hub
  'nodes-by-id': z.object({ node: nodeSummary }),
  'neighborhood-step': z.object({ from: text, to: text, type: text, props, node: datedNode }),
  'hub-counterparts': z.object({
    id: text,
    name: maybeText,
    meetings: count,
    outside: count,
    undated: count,
    first: maybeDate,
    last: maybeDate,
    inferred: count,
    degree: count,
    country: maybeRef,
  }),
  'hub-neighbours': z.object({
    type: text,
    outgoing: flag,
    role: maybeText,
    title: maybeText,
    /** `r.inferred = true`: null when the relationship has no inferred property. */
    inferred: maybeFlag,
    node: datedNode,
    status: text,
    country: maybeRef,
    parent: maybeText,
  }),
  'hub-activity': z.object({ period: maybeText, meeting: maybeFlag, events: count }),
  'event-countries': z.object({ id: text, country: ref }),
  'hub-peers': z.object({ a: text, b: text, meetings: count, first: maybeDate, last: maybeDate }),
  'hub-links': z.object({ from: text, to: text, type: text, role: maybeText, inferred: maybeFlag }),

  // paths
  'paths-meetings-shortest': z.object({ ids: texts }),
  'paths-any-shortest': z.object({ ids: texts }),
  'paths-meetings-spurs': z.object({ index: count, ids: texts }),
  'paths-any-spurs': z.object({ index: count, ids: texts }),
  'path-details': z.object({
    path: count,
    hop: count,
    linkCount: count,
    allInferred: maybeFlag,
    lastDate: maybeDate,
    fromNode: nodeSummary,
    toNode: nodeSummary,
    from: text,
    to: text,
    type: text,
    props,
    event: z
      .object({
        id: text,
        name: maybeText,
        kind: maybeText,
        start: maybeDate,
        end: maybeDate,
        datePrecision: maybeText,
        sources: maybeTexts,
        places: texts,
        country: maybeText,
      })
      .nullable(),
    quotes: z.array(
      z.object({
        key: text,
        of: z.enum(['link', 'event']),
        sourceId: text,
        start: count,
        end: count,
        quote: text,
        title: maybeText,
        publisher: maybeText,
        published: maybeText,
      }),
    ),
  }),

  // pictures and reports
  'picture-person-events': eventIds,
  'picture-activity-per-year': z.object({ year: maybeNumber, spansYears: flag, kind: maybeText, events: count }),
  'picture-visits': z.object({
    event: z.object({ id: text, title: maybeText, start: maybeDate, end: maybeDate, datePrecision: maybeText }),
    travellers: z.array(z.object({ id: text, name: maybeText, represents: maybeText, evidence: maybeTexts })),
    to: z.object({ id: text, iso2: maybeText, name: maybeText }),
    places: texts,
    evidence: maybeTexts,
  }),
  'titles-of-people': z.object({
    person: text,
    title: text,
    at: z.object({ id: text, name: maybeText, type: text }),
    firstSeen: maybeDate,
    lastSeen: maybeDate,
    sources: maybeTexts,
    evidence: maybeTexts,
  }),
  'report-bilateral-events': eventIds,
  'report-bilateral-agreements': z.object({
    agreement: z.object({ id: text, name: text, kind: text, status: text, date: maybeDate }),
    partiesA: z.array(ref),
    partiesB: z.array(ref),
    concludedAt: z.object({ id: text, name: maybeText, start: maybeDate, datePrecision: maybeText }).nullable(),
    evidence: maybeTexts,
  }),
  'report-bilateral-figures': z.object({
    figure: z.object({ id: text, name: text, value: z.number(), unit: text, qualifier: maybeText, period: maybeText, change: maybeText }),
    evidence: maybeTexts,
  }),
  'countries-of-organizations': z.object({ id: text, name: maybeText, country: maybeText, evidence: maybeTexts }),

  // identity resolution
  'resolution-together': z.object({ a: text, b: text, events: texts }),
  'resolution-member-info': z.object({ id: text, name: maybeText, sources: texts, live: flag, cluster: maybeText }),
  'resolution-people': z.object({
    id: text,
    name: text,
    aliases: texts,
    note: maybeText,
    titles: z.array(z.object({ title: text, at: text, country: maybeText, from: maybeNumber, to: maybeNumber })),
    represents: z.array(z.string().nullable()),
    firstYear: maybeNumber,
    lastYear: maybeNumber,
    events: count,
    articleSources: count,
    importSources: count,
  }),
} satisfies Record<string, z.AnyZodObject>;

export type ReadName = keyof typeof READ_QUERIES;
