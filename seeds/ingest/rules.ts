// The drafter's vocabulary, kept as data in seeds/ingest/rules/*.yaml and validated here, so a new
// title, country or trigger word is a one-line YAML change, not a code change.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, EVENT_KINDS, ORG_KINDS, PLACE_KINDS } from '../../domain/fact-schema.ts';

export const RULES_DIR = fileURLToPath(new URL('./rules/', import.meta.url));

const words = z.array(z.string().min(1));

const countriesFile = z.record(
  z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
  z
    .object({ name: z.string().min(2), aliases: words.default([]), demonyms: words.default([]), cities: words.default([]) })
    .strict(),
);

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
      })
      .strict(),
    events: z
      .object({
        kinds: z.record(z.enum(EVENT_KINDS), words),
        attendance: words,
        speaking: words,
        planned: words,
        personPronouns: words,
      })
      .strict(),
    agreements: z
      .object({
        kinds: z.record(z.enum(AGREEMENT_KINDS), words),
        status: z.record(z.enum(AGREEMENT_STATUSES), words),
      })
      .strict(),
    speechVerbs: words,
    stopCapitals: words,
    junkLines: words,
  })
  .strict();

export interface CountryRule {
  iso: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  cities: string[];
}

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
  const countriesPath = join(dir, 'countries.yaml');
  const lexiconPath = join(dir, 'lexicon.yaml');
  const countries = validated(countriesFile, readYaml(countriesPath), countriesPath);
  const lexicon = validated(lexiconFile, readYaml(lexiconPath), lexiconPath);
  const rules: Rules = {
    countries: Object.entries(countries).map(([iso, c]) => ({ iso, ...c })),
    lexicon,
    sets: {
      titleHeads: lower(lexicon.titles.heads),
      titleModifiers: lower(lexicon.titles.modifiers),
      ofCountry: lower(lexicon.titles.ofCountry),
      orgHeads: lower(Object.keys(lexicon.organizations.heads)),
      domain: lower(lexicon.domainWords),
      stop: lower(lexicon.stopCapitals),
      notAcronyms: new Set(lexicon.organizations.notAcronyms),
    },
    junk: lexicon.junkLines.map((pattern) => new RegExp(pattern, 'iu')),
  };
  if (dir === RULES_DIR) cached = rules;
  return rules;
}
