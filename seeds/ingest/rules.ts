// The drafter's vocabulary, kept as data in seeds/ingest/rules/*.yaml and validated here, so a new
// title or trigger word is a one-line YAML change, not a code change. Countries come from the
// project's one country table (seeds/countries.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { countryTable, type Country } from '../countries.ts';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, EVENT_KINDS, ORG_KINDS, PLACE_KINDS } from '../../domain/fact-schema.ts';

export const RULES_DIR = fileURLToPath(new URL('./rules/', import.meta.url));

const words = z.array(z.string().min(1));

const lexiconFile = z
  .object({
    titles: z
      .object({
        modifiers: words,
        heads: words,
        ofCountry: words,
        portfolioAdjectives: z.record(z.string()),
        honorifics: words,
      })
      .strict(),
    organizations: z
      .object({
        heads: z.record(z.enum(ORG_KINDS)),
        companyCues: words,
        notAcronyms: words,
        known: z.array(z.object({ name: z.string(), aliases: words.default([]), kind: z.enum(ORG_KINDS) }).strict()).default([]),
      })
      .strict(),
    domainWords: words,
    places: z
      .object({
        regions: z.record(z.enum(PLACE_KINDS)),
        suffixes: z.record(z.enum(PLACE_KINDS)),
        prefixes: z.record(z.enum(PLACE_KINDS)),
        notCountryAfter: words,
      })
      .strict(),
    events: z
      .object({
        kinds: z.record(z.enum(EVENT_KINDS), words),
        attendance: words,
        speaking: words,
        planned: words,
        personPronouns: words,
        reported: words,
      })
      .strict(),
    agreements: z
      .object({
        kinds: z.record(z.enum(AGREEMENT_KINDS), words),
        modifiers: words,
        status: z.record(z.enum(AGREEMENT_STATUSES), words),
      })
      .strict(),
    speechVerbs: words,
    stopCapitals: words,
    junkLines: words,
  })
  .strict();

export type CountryRule = Country;

export type Lexicon = z.infer<typeof lexiconFile>;

export interface Rules {
  countries: CountryRule[];
  lexicon: Lexicon;
  /** Lower-cased word sets, for O(1) checks. */
  sets: {
    titleHeads: Set<string>;
    titleModifiers: Set<string>;
    ofCountry: Set<string>;
    orgHeads: Set<string>;
    domain: Set<string>;
    stop: Set<string>;
    notAcronyms: Set<string>;
    /** One-word honorifics ("Professor", "Sheikh"): never part of a name. */
    honorifics: Set<string>;
  };
  junk: RegExp[];
}

function readYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'));
}

function validated<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`${file} is not a valid rules file:\n${problems}`);
}

const lower = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase()));

let cached: Rules | undefined;

/** Loads and validates the rules (once per process for the default directory). */
export function loadRules(dir = RULES_DIR): Rules {
  if (dir === RULES_DIR && cached) return cached;
  const lexiconPath = join(dir, 'lexicon.yaml');
  const lexicon = validated(lexiconFile, readYaml(lexiconPath), lexiconPath);
  const rules: Rules = {
    countries: [...countryTable().countries],
    lexicon,
    sets: {
      // Plurals too: "the foreign ministers of Norway, A, and Iceland, B".
      titleHeads: lower(lexicon.titles.heads.flatMap((h) => [h, /[^aeiou]y$/.test(h) ? `${h.slice(0, -1)}ies` : `${h}s`])),
      titleModifiers: lower(lexicon.titles.modifiers),
      ofCountry: lower(lexicon.titles.ofCountry),
      orgHeads: lower(Object.keys(lexicon.organizations.heads)),
      domain: lower(lexicon.domainWords),
      stop: lower(lexicon.stopCapitals),
      notAcronyms: new Set(lexicon.organizations.notAcronyms),
      honorifics: lower(lexicon.titles.honorifics.filter((h) => /^\p{L}+$/u.test(h))),
    },
    junk: lexicon.junkLines.map((pattern) => new RegExp(pattern, 'iu')),
  };
  if (dir === RULES_DIR) cached = rules;
  return rules;
}
