// What the resolution API answers, defined once (zod, types inferred) for the server, the OpenAPI
// document and the explorer.
import { z } from 'zod';

export const REASON_FEATURES = ['name', 'initials', 'ordinal', 'country', 'title', 'years', 'together'] as const;

/** One part of a pair's score: what it is about, what it adds (negative: two people), and why. */
export const reason = z.object({ feature: z.enum(REASON_FEATURES), weight: z.number(), text: z.string() }).strict();
export type Reason = z.infer<typeof reason>;

/** A title a person holds, where (an organisation or country id) and of which country, and when attested. */
export const titleHeld = z
  .object({
    title: z.string(),
    at: z.string(),
    country: z.string().nullable(),
    from: z.number().int().nullable(),
    to: z.number().int().nullable(),
  })
  .strict();
export type TitleHeld = z.infer<typeof titleHeld>;

/** A person as a candidate pair shows them. */
export const personSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    countries: z.array(z.string()),
    titles: z.array(titleHeld),
    years: z.object({ from: z.number().int(), to: z.number().int() }).strict().nullable(),
    /** Curated or ingested articles, the State Department import, or both. */
    origin: z.enum(['articles', 'state-dept', 'mixed']),
    events: z.number().int(),
    note: z.string().nullable(),
  })
  .strict();
export type PersonSummary = z.infer<typeof personSummary>;

export const judgementView = z
  .object({ verdict: z.enum(['same', 'different', 'unsure']), by: z.string(), at: z.string(), note: z.string().optional() })
  .strict();
export type JudgementView = z.infer<typeof judgementView>;

export const candidateView = z
  .object({
    a: personSummary,
    b: personSummary,
    score: z.number(),
    likely: z.boolean(),
    reasons: z.array(reason),
    judgement: judgementView.nullable(),
  })
  .strict();
export type CandidateView = z.infer<typeof candidateView>;

/** GET /api/resolution/candidates. */
export const candidateList = z
  .object({
    candidates: z.array(candidateView),
    total: z.number().int(),
    threshold: z.number(),
    /** How the list was made: people read, blocks, pairs compared, and where the time went (ms). */
    stats: z
      .object({
        people: z.number().int(),
        blocks: z.number().int(),
        largestBlock: z.number().int(),
        skippedKeys: z.number().int(),
        pairsCompared: z.number().int(),
        candidates: z.number().int(),
        ms: z.number(),
        readMs: z.number(),
        scoringMs: z.number(),
        contextMs: z.number(),
      })
      .strict(),
  })
  .strict();
export type CandidateList = z.infer<typeof candidateList>;

/** One line of the judgement log as the API shows it. */
export const judgementEntry = z
  .object({
    a: z.string(),
    b: z.string(),
    verdict: z.enum(['same', 'different', 'unsure', 'undo']),
    by: z.string(),
    at: z.string(),
    note: z.string().optional(),
  })
  .strict();

/** POST /api/resolution/judgements. */
export const judgeResult = z
  .object({
    recorded: z.array(judgementEntry),
    clusters: z.object({ formed: z.array(z.string()), dissolved: z.array(z.string()) }).strict(),
  })
  .strict();
export type JudgeResult = z.infer<typeof judgeResult>;

/** POST /api/resolution/accept. */
export const acceptResult = judgeResult
  .extend({
    /** Pairs left for review because accepting them would contradict a judgement (with why). */
    skipped: z.array(z.object({ a: z.string(), b: z.string(), score: z.number(), why: z.string() }).strict()),
  })
  .strict();
export type AcceptResult = z.infer<typeof acceptResult>;

/** GET /api/resolution/judgements. */
export const judgementLog = z.object({ judgements: z.array(judgementEntry), total: z.number().int() }).strict();
export type JudgementLog = z.infer<typeof judgementLog>;
