// The curated data tables of the State Department import (countries.yaml, people.yaml), read and
// validated with zod. They are data, not code: a new spelling or synonym is a line in a YAML file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const TABLES_DIR = fileURLToPath(new URL('.', import.meta.url));

const iso = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code (two capitals)');
const year = z.number().int().min(1700).max(2200);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const countriesFileSchema = z
  .object({
    keys: z.record(
      z.string().regex(/^[a-z0-9-]+$/),
      z.union([iso, z.object({ code: iso, byName: z.record(z.string(), iso).default({}) }).strict()]),
    ),
  })
  .strict();

const personEntrySchema = z
  .object({
    id: z
      .string()
      .regex(/^person:[a-z0-9][a-z0-9-]*$/)
      .optional(),
    name: z.string().min(2),
    country: iso,
    variants: z.array(z.string().min(2)).default([]),
    /** Visitor slots pinned to this person: "visit-1708" (the visitor) or "visit-3150#2" (the second of two). */
    records: z.array(z.string().regex(/^visit-\d+(#\d)?$/)).default([]),
    from: year.optional(),
    to: year.optional(),
    note: z.string().optional(),
  })
  .strict();

const presidentSchema = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(2), from: isoDay, to: isoDay }).strict();

const peopleFileSchema = z
  .object({
    people: z.array(personEntrySchema),
    presidents: z.array(presidentSchema).min(1),
    titleSpellings: z.record(z.string(), z.string().min(2)).default({}),
  })
  .strict();

export type CountriesTable = z.infer<typeof countriesFileSchema>;
export type PersonEntry = z.infer<typeof personEntrySchema>;
export type President = z.infer<typeof presidentSchema>;
export interface Tables {
  countries: CountriesTable;
  people: PersonEntry[];
  presidents: President[];
  titleSpellings: Record<string, string>;
}

function readYaml<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  - ${file} (${i.path.join('.')}) ${i.message}`);
    throw new Error(`the import table ${file} is not valid:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

export function loadTables(dir = TABLES_DIR): Tables {
  const countries = readYaml(join(dir, 'countries.yaml'), countriesFileSchema);
  const { people, presidents, titleSpellings } = readYaml(join(dir, 'people.yaml'), peopleFileSchema);
  return { countries, people, presidents, titleSpellings };
}

/** The ISO code of a source country key, given the exact country string of the row; null if unknown. */
export function countryCode(table: CountriesTable, key: string, name: string): string | null {
  const entry = table.keys[key];
  if (entry === undefined) return null;
  if (typeof entry === 'string') return entry;
  return entry.byName[name] ?? entry.code;
}
