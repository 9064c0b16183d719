// The one country table of the project: ISO 3166-1 codes, names, aliases, demonyms and cities, from
// the world-countries package (independent states and a few territories) plus the project's own forms
// in countries.yaml. The drafter, the importers, the evaluation and the map answer all look countries up here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';

export interface Country {
  iso: string;
  /** ISO 3166-1 numeric code ("392"), the id world maps use; null where ISO assigned none (Kosovo, former states). */
  ccn3: string | null;
  name: string;
  /** Other names as written in English prose (official name, short forms, "U.S."). */
  aliases: string[];
  /** Nationality adjectives ("Kenyan"). */
  demonyms: string[];
  /** The capital first, then major cities. */
  cities: string[];
}

export interface CountryTable {
  countries: readonly Country[];
  byCode(iso: string): Country | undefined;
  /** A name or alias, case- and space-insensitive, a leading "the" ignored. */
  byName(name: string): Country | undefined;
  /** A nationality adjective ("Kenyan", "Azeri"), case-insensitive. */
  byDemonym(word: string): Country | undefined;
}

const iso = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');
const words = z.array(z.string().min(2)).default([]);
const entry = z.object({ name: z.string().min(2).optional(), aliases: words, demonyms: words, cities: words }).strict();
const fileSchema = z
  .object({
    countries: z.record(iso, entry),
    historic: z.record(iso, entry.extend({ name: z.string().min(2) })),
    territories: z.array(iso),
    ambiguous: z.array(z.string().min(2)),
  })
  .strict();

// The package's own data file (its CommonJS entry has no ES default export for TypeScript's NodeNext).
const worldCountries = createRequire(import.meta.url)('world-countries/countries.json') as Countries;

export const COUNTRIES_FILE = fileURLToPath(new URL('./countries.yaml', import.meta.url));

const key = (text: string) => text.normalize('NFC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().replace(/^the /i, '').toLowerCase();
// Alternative spellings worth matching in English prose: Latin script, no "Korea, Republic of"
// inversions, and no bare two-letter codes (the project lists the few it wants, like "US", "UK").
const proseForm = (s: string) =>
  /^[\p{Script=Latin}][\p{Script=Latin}\p{M} .'’()-]+$/u.test(s) && !s.includes(',') && (s.length > 2 || /\./.test(s));

let cached: CountryTable | undefined;

export function countryTable(): CountryTable {
  if (cached) return cached;
  const parsed = fileSchema.safeParse(parse(readFileSync(COUNTRIES_FILE, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${COUNTRIES_FILE} is not valid:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const data = parsed.data;
  const territories = new Set(data.territories);
  const countries: Country[] = [];
  for (const c of worldCountries) {
    if (!c.independent && !c.unMember && !territories.has(c.cca2)) continue;
    const extra = data.countries[c.cca2];
    const name = extra?.name ?? c.name.common;
    // The project's own aliases are taken as listed ("US", "UK").
    const aliases = [c.name.common, c.name.official, ...c.altSpellings.filter(proseForm), ...(extra?.aliases ?? [])];
    const demonyms = [...Object.values(c.demonyms?.['eng'] ?? {}), ...(extra?.demonyms ?? [])];
    countries.push({
      iso: c.cca2,
      ccn3: c.ccn3 || null,
      name,
      aliases: [...new Set(aliases)].filter((a) => a !== name),
      demonyms: [...new Set(demonyms)],
      cities: [...new Set([...c.capital, ...(extra?.cities ?? [])])],
    });
  }
  for (const [code, h] of Object.entries(data.historic))
    countries.push({ iso: code, ccn3: null, name: h.name, aliases: h.aliases, demonyms: h.demonyms, cities: h.cities });
  for (const code of Object.keys(data.countries)) {
    if (!countries.some((c) => c.iso === code))
      throw new Error(`${COUNTRIES_FILE}: ${code} is not a country the table knows (add it under historic: or territories:)`);
  }

  // A form that names two countries names neither ("Congolese"); the longer form wins over a shorter
  // one inside it ("South Sudanese" vs "Sudanese") at match time, so only exact collisions count.
  const ambiguous = new Set(data.ambiguous.map(key));
  const index = (pick: (c: Country) => string[]) => {
    const map = new Map<string, Country | null>();
    for (const c of countries) {
      for (const form of pick(c)) {
        const k = key(form);
        const had = map.get(k);
        map.set(k, had === undefined || had === c ? c : null);
      }
    }
    for (const k of ambiguous) map.set(k, null);
    return map;
  };
  const names = index((c) => [c.name, ...c.aliases]);
  const demonyms = index((c) => c.demonyms);
  const codes = new Map(countries.map((c) => [c.iso, c]));
  // Drop ambiguous forms from the entries too, so whoever lists them finds only sure ones.
  for (const c of countries) {
    c.aliases = c.aliases.filter((a) => names.get(key(a)) === c);
    c.demonyms = c.demonyms.filter((d) => demonyms.get(key(d)) === c);
  }
  cached = {
    countries,
    byCode: (code) => codes.get(code.toUpperCase()),
    byName: (name) => names.get(key(name)) ?? undefined,
    byDemonym: (word) => demonyms.get(key(word)) ?? undefined,
  };
  return cached;
}
