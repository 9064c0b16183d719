// The curated fact-file format (one YAML file per article in seeds/facts/), validated with zod.
// Every fact carries `quote`: verbatim text from the article that supports it; the loader refuses a
// file whose quote is not in its source. References between facts are ids ("person:…", "org:…",
// "country:KZ", …) or a name/alias that resolves to exactly one entity.
import { z } from 'zod';
import { isPeriod, periodSchema } from './period.ts';

const slug = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}:[a-z0-9][a-z0-9-]*$`), `an id like "${prefix}:some-slug" (lower-case, digits, hyphens)`);

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A date as precise as the text: "2025", "2025-02" or "2025-02-07". */
export const partialDate = periodSchema('a date as precise as the text: YYYY, YYYY-MM or YYYY-MM-DD');

/** A quote is a sentence or two; a huge one is a mistake (or an attack), not evidence. */
const quoteText = z.string().min(3).max(5000, 'at most 5000 characters');

/** One quote or several; each must occur verbatim in the article. */
export const quotes = z.union([quoteText, z.array(quoteText).min(1).max(50)]);

export const ROLES = ['host', 'guest', 'head_of_delegation', 'speaker', 'participant', 'mentioned'] as const;
export const EVENT_KINDS = ['meeting', 'talks', 'visit', 'forum', 'session', 'summit', 'call', 'exhibition', 'signing', 'mission'] as const;
export const EVENT_STATUSES = ['held', 'planned'] as const;
export const AGREEMENT_KINDS = ['mou', 'agreement', 'protocol', 'declaration', 'programme'] as const;
export const AGREEMENT_STATUSES = ['signed', 'initialled', 'agreed-to-sign', 'planned', 'discussed'] as const;
export const ORG_KINDS = [
  'ministry',
  'agency',
  'government',
  'company',
  'council',
  'intergovernmental',
  'traditional-authority',
  'media',
  'initiative',
  'platform',
  'forum-organiser',
  'other',
] as const;
export const PLACE_KINDS = ['city', 'region', 'port', 'site', 'continent', 'sea', 'town'] as const;

const withQuote = { quote: quotes, note: z.string().max(5000, 'at most 5000 characters').optional() };

export const personSchema = z
  .object({
    id: slug('person'),
    name: z.string().min(2).max(300, 'at most 300 characters'),
    aliases: z.array(z.string().min(2).max(300, 'at most 300 characters')).default([]),
    ...withQuote,
  })
  .strict();

export const organizationSchema = z
  .object({
    id: slug('org'),
    name: z.string().min(2).max(300, 'at most 300 characters'),
    kind: z.enum(ORG_KINDS),
    aliases: z.array(z.string().min(2).max(300, 'at most 300 characters')).default([]),
    /** The country it belongs to or is based in (BASED_IN). */
    country: z.string().optional(),
    /** A parent organisation (PART_OF). */
    partOf: z.string().optional(),
    ...withQuote,
  })
  .strict();

export const countrySchema = z
  .object({
    id: z.string().regex(/^country:[A-Z]{2}$/, 'an id like "country:KZ" (ISO 3166-1 alpha-2)'),
    name: z.string().min(2).max(300, 'at most 300 characters'),
    aliases: z.array(z.string().min(2).max(300, 'at most 300 characters')).default([]),
    ...withQuote,
  })
  .strict();

export const placeSchema = z
  .object({
    id: slug('place'),
    name: z.string().min(2).max(300, 'at most 300 characters'),
    kind: z.enum(PLACE_KINDS),
    aliases: z.array(z.string().min(2).max(300, 'at most 300 characters')).default([]),
    /** The country it lies in (IN); absent for regions that span countries. */
    country: z.string().optional(),
    ...withQuote,
  })
  .strict();

export const titleSchema = z
  .object({
    person: z.string(),
    /** The organisation, or the country for heads of state/government and titles with no stated body. */
    at: z.string(),
    title: z.string().min(2).max(300, 'at most 300 characters'),
    ...withQuote,
  })
  .strict();

export const participantSchema = z
  .object({
    /** A person, or an organisation/country for delegations and unnamed officials. */
    who: z.string(),
    role: z.enum(ROLES),
    /** The country the participant acted for. */
    represents: z.string().optional(),
    /** For an organisation standing in for an unnamed official: that official's post. */
    officialRole: z.string().optional(),
    /** An organisation/country participating as a delegation ("the Kazakh delegation"). */
    delegation: z.boolean().default(false),
    /** When the text named this person only in part and a rule identified them: that rule. */
    linkedBy: z.string().min(2).max(100).optional(),
    ...withQuote,
  })
  .strict();

export const eventDateSchema = z
  .object({
    /** As precise as the text: "2025", "2025-02" or "2025-02-07". */
    value: partialDate,
    /** Last day of a multi-day span, when the text gives one. */
    until: partialDate.optional(),
    /**
     * How the date was obtained: stated in full, or resolved against the publication date (a
     * weekday, "yesterday", a day-month with no year).
     */
    basis: z.enum(['stated', 'resolved-from-publication']).default('stated'),
    quote: quotes,
  })
  .strict();

export const eventSchema = z
  .object({
    id: slug('event'),
    kind: z.enum(EVENT_KINDS),
    title: z.string().min(3).max(500, 'at most 500 characters'),
    status: z.enum(EVENT_STATUSES),
    /** Absent when the text does not give a date: the date is unknown, never guessed. */
    date: eventDateSchema.optional(),
    place: z.string().optional(),
    partOf: z.string().optional(),
    participants: z.array(participantSchema).default([]),
    /**
     * People the text names but nobody could identify ("Prime Minister Netanyahu" where no record
     * says which one): kept as written, each found verbatim in the source; never participants.
     */
    mentions: z.array(z.string().min(2).max(300, 'at most 300 characters')).optional(),
    ...withQuote,
  })
  .strict();

export const agreementSchema = z
  .object({
    id: slug('agreement'),
    title: z.string().min(3).max(500, 'at most 500 characters'),
    kind: z.enum(AGREEMENT_KINDS),
    status: z.enum(AGREEMENT_STATUSES),
    date: partialDate.optional(),
    concludedAt: z.string().optional(),
    parties: z.array(z.string()).min(1),
    ...withQuote,
  })
  .strict();

export const figureSchema = z
  .object({
    id: slug('figure'),
    /** What is measured, e.g. "Bilateral trade turnover". */
    label: z.string().min(3).max(500, 'at most 500 characters'),
    value: z.number(),
    unit: z.string().min(1),
    /** "over", "about", "exactly" (default) or "expected". */
    qualifier: z.enum(['exactly', 'over', 'about', 'expected']).default('exactly'),
    /** The period it covers as the text states it: "2024", "2025-01/2025-08". */
    period: z.string().optional(),
    /** Growth as stated ("15%", "2.9 times"), if any. */
    change: z.string().optional(),
    about: z.array(z.string()).min(1),
    ...withQuote,
  })
  .strict();

export const membershipSchema = z
  .object({
    member: z.string(),
    of: z.string(),
    ...withQuote,
  })
  .strict();

export const sourceMetaSchema = z
  .object({
    /** The article's file name in seeds/sources/. */
    file: z
      .string()
      .max(120, 'at most 120 characters')
      .regex(/^[\w.-]+\.txt$/),
    /** A descriptive title (the articles carry none; this one is ours and says so). */
    title: z.string().min(5).max(500, 'at most 500 characters'),
    publisher: z.string().min(2).max(300, 'at most 300 characters').optional(),
    /** From the article's " date YYYY-MM-DD" header; null when the article has none. */
    published: z.string().regex(ISO_DATE, 'a date YYYY-MM-DD').refine(isPeriod, 'a real calendar date').nullable(),
    /** Where the article says it was filed from, if it has a dateline. */
    dateline: z.string().optional(),
    /** Lines of the file that are not content (image credits, share buttons). */
    junk: z.array(z.string()).default([]),
  })
  .strict();

export const factFileSchema = z
  .object({
    source: sourceMetaSchema,
    people: z.array(personSchema).default([]),
    organizations: z.array(organizationSchema).default([]),
    countries: z.array(countrySchema).default([]),
    places: z.array(placeSchema).default([]),
    titles: z.array(titleSchema).default([]),
    events: z.array(eventSchema).default([]),
    agreements: z.array(agreementSchema).default([]),
    figures: z.array(figureSchema).default([]),
    memberships: z.array(membershipSchema).default([]),
  })
  .strict();

export type FactFile = z.infer<typeof factFileSchema>;

/** A fact file about `source` that states nothing yet: every section present and empty. */
export function emptyFactFile(source: FactFile['source']): FactFile {
  return {
    source,
    people: [],
    organizations: [],
    countries: [],
    places: [],
    titles: [],
    events: [],
    agreements: [],
    figures: [],
    memberships: [],
  };
}
export type PersonFact = z.infer<typeof personSchema>;
export type OrganizationFact = z.infer<typeof organizationSchema>;
export type CountryFact = z.infer<typeof countrySchema>;
export type PlaceFact = z.infer<typeof placeSchema>;
export type TitleFact = z.infer<typeof titleSchema>;
export type EventFact = z.infer<typeof eventSchema>;
export type ParticipantFact = z.infer<typeof participantSchema>;
export type AgreementFact = z.infer<typeof agreementSchema>;
export type FigureFact = z.infer<typeof figureSchema>;
export type MembershipFact = z.infer<typeof membershipSchema>;
export type Role = (typeof ROLES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
