// What the ingest API answers: a drafted fact file with how sure the drafter is and where each quote
// lies (POST /api/ingest), a loaded article (POST /api/ingest/accept), recorded verdicts.
import { z } from 'zod';
import { factFileSchema } from '../fact-schema.ts';
import { propertyChange, span } from './common.ts';

export const confidence = z
  .object({
    /** 0–1: how sure the drafter is that the fact is right as drafted. */
    score: z.number(),
    why: z.string(),
    /** The name of the rule that drafted the fact ("meeting:trigger-in-sentence", "person:honorific"). */
    rule: z.string(),
  })
  .strict();
export type Confidence = z.infer<typeof confidence>;

const known = z.object({ id: z.string(), name: z.string() }).strict();

export const entityBadge = z
  .object({
    status: z.enum(['new', 'linked']),
    /** The known entity it is linked to. */
    target: known.optional(),
    /** Known entities it looks like but was not merged with ("two people with one name stay two"). */
    similar: z.array(known),
    why: z.string(),
  })
  .strict();
export type EntityBadge = z.infer<typeof entityBadge>;

export const holderSuggestion = z
  .object({
    /** The office as the text names it. */
    phrase: z.string(),
    span,
    /** The date it is looked up at: the sentence's date, else the publication date. */
    date: z.string().nullable(),
    candidates: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          title: z.string(),
          firstSeen: z.string().optional(),
          lastSeen: z.string().optional(),
          confidence: z.number(),
          why: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type HolderSuggestion = z.infer<typeof holderSuggestion>;

/** POST /api/ingest: the draft, nothing written. */
export const draftAnswer = z
  .object({
    article: z
      .object({
        raw: z.string(),
        text: z.string(),
        published: z.string().nullable(),
        junk: z.array(z.string()),
        dateline: z.string().nullable(),
      })
      .strict(),
    facts: factFileSchema,
    /** By fact path ("people[0]", "events[1].participants[0]"). */
    confidence: z.record(confidence),
    /** Where each fact's quotes are in article.text, by fact path. */
    spans: z.record(z.array(span)),
    /** What the drafter left out because it would not make a valid fact, in plain words. */
    problems: z.array(z.string()),
    /** For every drafted entity (by fact path): new, or linked to a known one, and look-alikes. */
    entities: z.record(entityBadge),
    /** Offices named without a person, with who the graph knows held them at that date. */
    holders: z.array(holderSuggestion),
    /** Drafted meetings that look like meetings already in the graph, by fact path. */
    similarMeetings: z.record(z.array(z.object({ id: z.string(), title: z.string(), date: z.string().nullable() }).strict())),
  })
  .strict();
export type DraftAnswer = z.infer<typeof draftAnswer>;

/** POST /api/ingest/accept. */
export const acceptAnswer = z
  .object({
    loaded: z.literal(true),
    /** The article's file name, chosen by the server ("NNN_<slug>.txt"). */
    source: z.string(),
    counts: z.object({ nodesCreated: z.number().int(), relationshipsCreated: z.number().int(), propertiesSet: z.number().int() }).strict(),
    /** Where the article and its facts are kept, relative to DATA_DIR; null when the server keeps no files. */
    kept: z.object({ factFile: z.string(), source: z.string() }).strict().nullable(),
    /** Properties of what the graph already had that this accept replaced, and those it left as they were, as chosen. */
    replaced: z.array(propertyChange),
    keptAsIs: z.array(propertyChange),
  })
  .strict();
export type AcceptAnswer = z.infer<typeof acceptAnswer>;

/** POST /api/ingest/decisions. */
export const decisionsAnswer = z.object({ recorded: z.number().int() }).strict();
export type DecisionsAnswer = z.infer<typeof decisionsAnswer>;
