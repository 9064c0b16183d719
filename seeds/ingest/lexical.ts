// Classifies each word of the article for the extractors: country, demonym, place, title word,
// organisation word, portfolio word, acronym, connector, or an unknown capitalised word ("proper"),
// which is what personal names are made of. compromise (its bundled English lexicon) tells function
// words and common words at the start of a sentence from names.
import nlp from 'compromise';
import type { Rules } from './rules.ts';
import { PhraseFinder, splitSentences, tokenize, type Sentence, type Span, type Token } from './text.ts';

export type WordClass =
  'country' | 'demonym' | 'place' | 'stop' | 'title' | 'orgword' | 'domain' | 'acronym' | 'proper' | 'compound' | 'lower' | 'connector';

export interface CountryMention extends Span {
  iso: string;
  text: string;
  demonym: boolean;
}

export interface PlaceMention extends Span {
  name: string;
  kind: string;
  iso?: string;
  text: string;
}

export interface Lexed {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  classes: WordClass[];
  countries: CountryMention[];
  places: PlaceMention[];
  /** Spans inside short quotation marks ("titled “…”"): names there are titles, not people. */
  titledQuotes: Span[];
  /** Reported speech (long quotations). */
  speech: Span[];
}

const CONNECTORS = new Set(['of', 'for', 'and', 'the', '&']);
const FUNCTION_TAGS = ['Preposition', 'Adverb', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord'];
const COMMON_TAGS = ['Verb', 'Adjective', 'Gerund'];

const tagCache = new Map<string, string[]>();
function tagsOf(word: string): string[] {
  let tags = tagCache.get(word);
  if (!tags) {
    const json = nlp(word).json() as { terms: { tags: string[] }[] }[];
    tags = json[0]?.terms[0]?.tags ?? [];
    tagCache.set(word, tags);
  }
  return tags;
}

export interface CountryIndex {
  finder: PhraseFinder;
  byPhrase: Map<string, { iso: string; demonym: boolean }>;
  names: Map<string, string>;
  cities: PhraseFinder;
  cityCountry: Map<string, string>;
}

const indexCache = new WeakMap<Rules, CountryIndex>();
export function countryIndex(rules: Rules): CountryIndex {
  const cached = indexCache.get(rules);
  if (cached) return cached;
  const byPhrase = new Map<string, { iso: string; demonym: boolean }>();
  const names = new Map<string, string>();
  const cityCountry = new Map<string, string>();
  for (const c of rules.countries) {
    names.set(c.iso, c.name);
    for (const n of [c.name, ...c.aliases]) byPhrase.set(n, { iso: c.iso, demonym: false });
    for (const d of c.demonyms) byPhrase.set(d, { iso: c.iso, demonym: true });
    for (const city of c.cities) cityCountry.set(city, c.iso);
  }
  const index = {
    finder: new PhraseFinder(byPhrase.keys()),
    byPhrase,
    names,
    cities: new PhraseFinder(cityCountry.keys()),
    cityCountry,
  };
  indexCache.set(rules, index);
  return index;
}

function findPlaces(text: string, rules: Rules, countries: CountryIndex, countryMentions: CountryMention[]): PlaceMention[] {
  const places: PlaceMention[] = [];
  const regions = rules.lexicon.places.regions;
  for (const hit of new PhraseFinder(Object.keys(regions)).find(text)) {
    places.push({ start: hit.start, end: hit.end, name: hit.phrase, kind: regions[hit.phrase]!, text: hit.text });
  }
  for (const hit of countries.cities.find(text)) {
    if (places.some((p) => p.start < hit.end && hit.start < p.end)) continue;
    // "Sofia Lindqvist", "Paris Agreement": a city's name going on with a capital is another name.
    if (/^ \p{Lu}/u.test(text.slice(hit.end, hit.end + 2))) continue;
    places.push({
      start: hit.start,
      end: hit.end,
      name: hit.phrase,
      kind: 'city',
      iso: countries.cityCountry.get(hit.phrase)!,
      text: hit.text,
    });
  }
  // "Laghman Province", "the Turkistan region", "Port of Cotonou", "the Karachi port"
  const cap = "\\p{Lu}[\\p{L}-]*(?:['’]\\p{Lu}[\\p{L}-]*)?(?!['’]s)";
  const either = (word: string) => `(?:${word}|${word[0]!.toUpperCase()}${word.slice(1)})`;
  for (const [suffix, kind] of Object.entries(rules.lexicon.places.suffixes)) {
    const re = new RegExp(`(?<![\\p{L}'’])((?:${cap}\\s+){0,2}${cap})\\s+(${either(suffix)})\\b`, 'gu');
    for (const m of text.matchAll(re)) {
      if (!/^\p{Lu}/u.test(m[1]!)) continue;
      const start = m.index!;
      const end = start + m[0].length;
      const base = m[1]!.replace(/^(The|the)\s+/, '');
      const inCountry = countries.byPhrase.get(base);
      if (inCountry) continue; // "Kazakhstan region"? rare; a country is not a place
      places.splice(0, places.length, ...places.filter((p) => !(p.start >= start && p.end <= end)));
      if (places.some((p) => p.start < end && start < p.end)) continue;
      const iso = countries.cityCountry.get(base) ?? countryBefore(countryMentions, start, text);
      const name = `${base} ${suffix === 'port' ? 'port' : m[2]}`;
      places.push({
        start: start + m[0].indexOf(base),
        end,
        name,
        kind,
        ...(iso ? { iso } : {}),
        text: text.slice(start + m[0].indexOf(base), end),
      });
    }
  }
  for (const [prefix, kind] of Object.entries(rules.lexicon.places.prefixes)) {
    const re = new RegExp(`\\b(${either(prefix)})\\s+((?:${cap}\\s+){0,2}${cap})`, 'gu');
    for (const m of text.matchAll(re)) {
      if (!/^\p{Lu}/u.test(m[1]!)) continue;
      const start = m.index!;
      const end = start + m[0].length;
      const inner = places.find((p) => p.start >= start && p.end <= end);
      places.splice(0, places.length, ...places.filter((p) => !(p.start >= start && p.end <= end)));
      places.push({ start, end, name: m[0], kind, ...(inner?.iso ? { iso: inner.iso } : {}), text: m[0] });
    }
  }
  return places.sort((a, b) => a.start - b.start);
}

/** "Afghanistan’s Laghman Province": the possessive country right before `at`. */
function countryBefore(mentions: CountryMention[], at: number, text: string): string | undefined {
  const m = mentions.find((c) => c.end <= at && at - c.end <= 3 && /^['’]s\s*$/.test(text.slice(c.end, at)));
  return m?.iso;
}

export function lex(text: string, rules: Rules): Lexed {
  const sentences = splitSentences(text);
  const tokens = tokenize(text, sentences);
  const countries = countryIndex(rules);
  const notAfter = new RegExp(
    `(?<![\\p{L}])(?:${rules.lexicon.places.notCountryAfter.map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}`).join('|')})\\s+$`,
    'u',
  );
  const countryMentions: CountryMention[] = countries.finder
    .find(text)
    .filter((hit) => !notAfter.test(text.slice(Math.max(0, hit.start - 12), hit.start)))
    .map((hit) => {
      const entry = countries.byPhrase.get(hit.phrase)!;
      return { start: hit.start, end: hit.end, iso: entry.iso, text: hit.text, demonym: entry.demonym };
    });
  const places = findPlaces(text, rules, countries, countryMentions);
  const titledQuotes: Span[] = [];
  const speech: Span[] = [];
  for (const m of text.matchAll(/[“"]([^”"\n]{1,600})[”"]/g)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    (m[1]!.split(/\s+/).length <= 8 ? titledQuotes : speech).push(span);
  }
  const { sets } = rules;
  const knownAcronyms = new Set(rules.lexicon.organizations.known.flatMap((o) => o.aliases));
  const classes = tokens.map((t, i): WordClass => {
    const fold = t.base.toLowerCase();
    const country = countryMentions.find((c) => t.start >= c.start && t.end <= c.end + 2);
    if (country) return country.demonym ? 'demonym' : 'country';
    if (countryMentions.some((c) => c.start < t.end && t.start < c.end)) return 'compound';
    if (places.some((p) => t.start >= p.start && t.end <= p.end)) return 'place';
    if (!t.capitalised) {
      if (CONNECTORS.has(fold)) return 'connector';
      if (sets.titleHeads.has(fold) || sets.titleModifiers.has(fold)) return 'title';
      return 'lower';
    }
    if (/^[\p{Lu}\d]{2,}$/u.test(t.base) && /\p{Lu}{2}/u.test(t.base)) {
      if (sets.notAcronyms.has(t.base)) return 'stop';
      // "HAYASHI Yoshimasa", "Mr. ISHIBA Shigeru": a surname in capitals next to a given name, as
      // East Asian ministries write them; an organisation's acronym is not followed by a given name.
      const next = tokens[i + 1];
      const prev = tokens[i - 1];
      const givenName = (n: Token | undefined) =>
        n !== undefined &&
        n.sentence === t.sentence &&
        /^\p{Lu}\p{Ll}{2,}$/u.test(n.base) &&
        !sets.titleHeads.has(n.base.toLowerCase()) &&
        !sets.orgHeads.has(n.base.toLowerCase()) &&
        !sets.domain.has(n.base.toLowerCase());
      const lone = (a: Token, b: Token) => text.slice(a.end, b.start) === ' ';
      if (
        /^\p{Lu}{3,}$/u.test(t.base) &&
        !knownAcronyms.has(t.base) &&
        ((givenName(next) && lone(t, next!)) || (givenName(prev) && lone(prev!, t) && !/^\p{Lu}{2,}$/u.test(tokens[i + 1]?.base ?? '')))
      )
        return 'proper';
      return 'acronym';
    }
    // A single capital is an initial ("Antony J. Blinken", "K Shanmugam").
    if (/^\p{Lu}$/u.test(t.base)) return 'proper';
    if (sets.titleHeads.has(fold) || sets.titleModifiers.has(fold)) return 'title';
    if (sets.orgHeads.has(fold)) return 'orgword';
    if (sets.domain.has(fold)) return 'domain';
    if (sets.stop.has(fold) || sets.honorifics.has(fold)) return 'stop';
    if (CONNECTORS.has(fold)) return 'connector';
    const tags = tagsOf(t.base);
    if (tags.some((tag) => FUNCTION_TAGS.includes(tag))) return 'stop';
    const next = tokens[i + 1];
    const nextJoined = next && next.sentence === t.sentence && text.slice(t.end, next.start) === ' ' && next.capitalised;
    // A common word capitalised only because it opens a sentence or heading ("Following", "Building");
    // inside a sentence a capital means a name ("Organization of Turkic States").
    const opensSentence = tokens[i - 1]?.sentence !== t.sentence;
    if (!tags.includes('ProperNoun') && tags.some((tag) => COMMON_TAGS.includes(tag)) && !nextJoined && opensSentence) return 'stop';
    return 'proper';
  });
  // "Jan Berg", "June Osei": a month's name before a capitalised word that is no date is a given name.
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (
      classes[i] !== 'stop' ||
      !/^(?:jan|june|april|may|august|sept)$/i.test(t.base) ||
      !next ||
      next.sentence !== t.sentence ||
      text.slice(t.end, next.start) !== ' '
    )
      return;
    if (classes[i + 1] === 'proper' && /^\p{Lu}\p{Ll}/u.test(next.base)) classes[i] = 'proper';
  });
  // "Thomas West", "Hugo Young": a word the rules stop at is a surname right after a given name.
  const calendar = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (
      classes[i] !== 'stop' ||
      !prev ||
      classes[i - 1] !== 'proper' ||
      prev.sentence !== t.sentence ||
      text.slice(prev.end, t.start) !== ' '
    )
      return;
    if (!t.capitalised || (t.possessive === false && calendar.test(t.base)) || sets.honorifics.has(t.base.toLowerCase())) return;
    if (tagsOf(t.base).some((tag) => FUNCTION_TAGS.includes(tag)) || /^\p{Lu}+$/u.test(t.base)) return;
    // The word after must not go on with a capital (then it is a longer name, handled as is).
    const next = tokens[i + 1];
    if (next && next.sentence === t.sentence && text.slice(t.end, next.start) === ' ' && next.capitalised) return;
    // A given name is not a title, and a person's name has no more than one such word.
    if (prev.text.length < 2 || /^\p{Lu}{2,}$/u.test(prev.text)) return;
    classes[i] = 'proper';
  });
  return { text, sentences, tokens, classes, countries: countryMentions, places, titledQuotes, speech };
}
