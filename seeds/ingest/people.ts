// People and their titles. A personal name is a run of two or more unknown capitalised words
// ("Alibek Kuantyrov") that a title touches ("Deputy Minister …, NAME", "NAME, Minister of … of
// Benin"), that a speech verb or honorific marks, or that the gazetteer knows; later surname-only
// mentions ("said Kuantyrov", "Minister Ekpo") point back to the full name. Titles are parsed into the
// post, the body it is held at (a ministry from the portfolio, a council…) or the country.
import { foldName } from '../../domain/gazetteer.ts';
import type { Lexed, WordClass } from './lexical.ts';
import { countryIndex } from './lexical.ts';
import type { Rules } from './rules.ts';
import { inside, type Span, type Token } from './text.ts';

export interface TitleDraft {
  title: string;
  /** The organisation's name, when the title is held at one. */
  org?: { name: string; kind: 'ministry' | 'council' | 'traditional-authority' | 'agency' | 'other'; country?: string };
  /** The country (ISO) the title is held of or in. */
  country?: string;
  quote: Span;
}

export interface PersonDraft {
  key: string;
  name: string;
  aliases: Set<string>;
  country?: string;
  titles: TitleDraft[];
  /** Every mention (full name, surname, pronoun-free), in text order. */
  mentions: Span[];
  /** The first mention with its title: the person's quote. */
  quote: Span;
  why: string[];
}

export interface NamedSpan extends Span {
  tokens: number[];
}

const NAME_CLASSES: ReadonlySet<WordClass> = new Set(['proper']);
const TITLE_SCAN: ReadonlySet<WordClass> = new Set([
  'title',
  'domain',
  'orgword',
  'country',
  'demonym',
  'compound',
  'acronym',
  'connector',
  'place',
]);

const gapBetween = (lexed: Lexed, a: Token, b: Token) => lexed.text.slice(a.end, b.start);
/** Lower-case words that sit inside personal names. */
const PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'binti',
  'bint',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'du',
  'y',
]);

/** Runs of adjacent proper words in one sentence, outside short titled quotes. */
export function nameRuns(lexed: Lexed): NamedSpan[] {
  const runs: NamedSpan[] = [];
  let current: number[] = [];
  const flush = () => {
    if (current.length) {
      const first = lexed.tokens[current[0]!]!;
      const last = lexed.tokens[current[current.length - 1]!]!;
      // "Lundegiyn Purevsuren’s visit": the name ends before the possessive.
      const span = { start: first.start, end: last.possessive ? last.start + last.base.length : last.end, tokens: current };
      if (!lexed.titledQuotes.some((q) => inside(span, q))) runs.push(span);
    }
    current = [];
  };
  const isName = (i: number) => NAME_CLASSES.has(lexed.classes[i]!);
  lexed.tokens.forEach((t, i) => {
    const prev = current.length ? lexed.tokens[current[current.length - 1]!]! : undefined;
    const gap = prev ? gapBetween(lexed, prev, t) : '';
    // Initials end in a full stop ("Antony J. Blinken", "S.M. Krishna").
    const joined =
      prev && prev.sentence === t.sentence && !prev.possessive && (gap === ' ' || (/^\p{Lu}$/u.test(prev.text) && /^\.\s?$/.test(gap)));
    // Particles inside a name ("Antonio de Aguiar Patriota", "Mohammed bin Salman").
    const next = lexed.tokens[i + 1];
    const particle =
      prev &&
      joined &&
      PARTICLES.has(t.text) &&
      next &&
      next.sentence === t.sentence &&
      gapBetween(lexed, t, next) === ' ' &&
      isName(i + 1);
    if ((isName(i) || particle) && (current.length === 0 || joined) && current.length < 7) current.push(i);
    else {
      flush();
      if (isName(i)) current.push(i);
    }
  });
  flush();
  return runs;
}

/** The title phrase right before token `first` (ending in "," or a space). */
function titleBefore(lexed: Lexed, first: number, rules: Rules): Span | null {
  const firstToken = lexed.tokens[first]!;
  let i = first - 1;
  let start = -1;
  while (i >= 0) {
    const t = lexed.tokens[i]!;
    if (t.sentence !== firstToken.sentence) break;
    const next = lexed.tokens[i + 1]!;
    const gap = gapBetween(lexed, t, next);
    // "External Affairs Minister (EAM) S Jaishankar": an acronym in brackets inside the title.
    const bracketed =
      lexed.classes[i] === 'acronym' && /^\)\s+$/.test(gap) && /\s\($/.test(lexed.text.slice(lexed.tokens[i - 1]?.end ?? t.start, t.start));
    const inBrackets = lexed.classes[i + 1] === 'acronym' && /^\s+\($/.test(gap) && /^\)\s/.test(lexed.text.slice(next.end, next.end + 2));
    if (!/^(\s*,\s*|\s+|\s*&\s*)$/.test(gap) && !bracketed && !inBrackets) break;
    if (gap.includes(',') && i + 1 !== first && !['domain', 'orgword', 'connector', 'title'].includes(lexed.classes[i + 1]!)) break;
    const cls = lexed.classes[i]!;
    const fold = t.base.toLowerCase();
    const before = lexed.tokens[i - 1];
    const afterOf = before?.sentence === t.sentence && /^(?:of|for)$/i.test(before.text);
    const lowerTitle = cls === 'lower' && (rules.sets.titleHeads.has(fold) || rules.sets.titleModifiers.has(fold));
    // "of the Organization of Turkic States": proper words after "of" belong to the body's name.
    let properRun = i;
    while (
      lexed.classes[properRun] === 'proper' &&
      lexed.tokens[properRun - 1]?.sentence === t.sentence &&
      lexed.classes[properRun - 1] === 'proper'
    )
      properRun--;
    const runAfterOf = cls === 'proper' && lexed.tokens[properRun - 1]?.text.toLowerCase() === 'of' && properRun < i;
    // "Minister for International Development and Women&Equalities": capitalised words joined to a
    // portfolio by "and" or "&" belong to it.
    const joinedToPortfolio = (k: number): boolean => {
      const p = lexed.tokens[k - 1];
      if (!p || p.sentence !== t.sentence) return false;
      const g = gapBetween(lexed, p, lexed.tokens[k]!);
      if (/^\s*&\s*$/.test(g))
        return ['domain', 'proper'].includes(lexed.classes[k - 1]!) && (lexed.classes[k - 1] === 'domain' || joinedToPortfolio(k - 1));
      return lexed.classes[k - 1] === 'connector' && /^(?:and|&)$/.test(p.text) && lexed.classes[k - 2] === 'domain';
    };
    const portfolio = cls === 'proper' && joinedToPortfolio(i);
    if (!TITLE_SCAN.has(cls) && !(cls === 'proper' && (afterOf || runAfterOf || portfolio)) && !lowerTitle) break;
    if (cls === 'connector' && !['of', 'for', 'and', 'the'].includes(fold)) break;
    start = i;
    // "Ambassador of Japan to Uzbekistan": an envoy's title goes on across "to".
    if (before && before.sentence === t.sentence && before.text === 'to' && (cls === 'country' || cls === 'place')) {
      i -= 2;
      continue;
    }
    if ((cls === 'country' && t.possessive) || cls === 'demonym') {
      if (!afterOf) break;
    }
    i--;
  }
  if (start < 0) return null;
  // Trim leading connectors.
  while (start < first && lexed.classes[start] === 'connector') start++;
  const tokens = lexed.tokens.slice(start, first);
  if (!tokens.some((t) => rules.sets.titleHeads.has(t.base.toLowerCase()))) return null;
  const end = tokens[tokens.length - 1]!.end;
  return { start: tokens[0]!.start, end };
}

/** ", Minister of Foreign Affairs of Benin" right after the name. */
function titleAfter(lexed: Lexed, last: number, rules: Rules): Span | null {
  const lastToken = lexed.tokens[last]!;
  const next = lexed.tokens[last + 1];
  if (!next || next.sentence !== lastToken.sentence || !/^\s*,\s*$/.test(gapBetween(lexed, lastToken, next))) return null;
  let i = last + 1;
  let end = -1;
  while (i < lexed.tokens.length) {
    const t = lexed.tokens[i]!;
    if (t.sentence !== lastToken.sentence) break;
    if (i > last + 1 && !/^\s+$/.test(gapBetween(lexed, lexed.tokens[i - 1]!, t))) break;
    const cls = lexed.classes[i]!;
    const fold = t.base.toLowerCase();
    const prevOf = lexed.tokens[i - 1]!.text.toLowerCase() === 'of';
    const lowerTitle = cls === 'lower' && (rules.sets.titleHeads.has(fold) || rules.sets.titleModifiers.has(fold));
    if (!TITLE_SCAN.has(cls) && !(cls === 'proper' && prevOf) && !lowerTitle) break;
    if (i === last + 1 && !(rules.sets.titleHeads.has(fold) || rules.sets.titleModifiers.has(fold) || fold === 'the')) return null;
    end = i;
    i++;
  }
  while (end > last && lexed.classes[end] === 'connector') end--;
  if (end <= last) return null;
  const tokens = lexed.tokens.slice(last + 1, end + 1);
  if (!tokens.some((t) => rules.sets.titleHeads.has(t.base.toLowerCase()))) return null;
  let startToken = tokens[0]!;
  if (startToken.text.toLowerCase() === 'the' && tokens[1]) startToken = tokens[1];
  return { start: startToken.start, end: tokens[tokens.length - 1]!.end };
}

const SMALL = new Set(['of', 'for', 'and', 'the']);
function titleCase(text: string): string {
  return text
    .split(/\s+/)
    .map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

/** Parses "Kazakhstan’s Deputy Prime Minister and Minister of National Economy" into titles. */
export function parseTitle(
  phrase: string,
  quote: Span,
  rules: Rules,
  fallbackCountry?: string,
): { country?: string; titles: TitleDraft[] } {
  const countries = countryIndex(rules);
  const { sets } = rules;
  // "the foreign ministers of Norway, A": one person holds the office in the singular.
  let rest = phrase
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/\b(\p{L}+?)(ies|s)\b/gu, (word, stem: string, end: string) => {
      const single = end === 'ies' ? `${stem}y` : stem;
      return sets.titleHeads.has(word.toLowerCase()) && sets.titleHeads.has(single.toLowerCase()) ? single : word;
    });
  let country: string | undefined;
  const lead = /^([\p{Lu}][\p{L} '’-]*?)(?:['’]s)?\s+/u.exec(rest);
  if (lead) {
    const entry = countries.byPhrase.get(lead[1]!);
    if (entry) {
      country = entry.iso;
      rest = rest.slice(lead[0].length);
    }
  }
  const startsTitle = (text: string) => {
    const word = text.split(/\s+/)[0]!.toLowerCase();
    return sets.titleHeads.has(word) || sets.titleModifiers.has(word);
  };
  // Split "Deputy Prime Minister and Minister of …" (or "monarch, Ooni") where a new title starts.
  const parts: string[] = [];
  const pieces = rest.split(/(\s+and\s+|,\s+)/);
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!;
    const separator = pieces[i - 1] ?? '';
    if (parts.length && startsTitle(piece)) parts.push(piece);
    else if (parts.length) parts[parts.length - 1] += `${separator}${piece}`;
    else parts.push(piece);
  }
  const titles: TitleDraft[] = [];
  for (const part of parts) {
    const m = /^(.*?)\s+(of|for)\s+(.*)$/.exec(part);
    const head = (m ? m[1]! : part).trim();
    const joiner = m?.[2] ?? 'of';
    let comp = (m?.[3] ?? '').trim();
    if (!head.split(/\s+/).some((w) => sets.titleHeads.has(w.toLowerCase()))) continue;
    let partCountry = country;
    // "Ambassador of Japan to Uzbekistan": the envoy of the first country, accredited to the second.
    const envoy = /^(?:the\s+)?([\p{Lu}][\p{L} '’-]*?)\s+to\s+(?:the\s+)?([\p{Lu}][\p{L} '’-]*)$/u.exec(comp);
    if (envoy && countries.byPhrase.get(envoy[1]!) && countries.byPhrase.get(envoy[2]!)) {
      titles.push({ title: `${titleCase(head)} to ${envoy[2]}`, country: countries.byPhrase.get(envoy[1]!)!.iso, quote });
      country ??= countries.byPhrase.get(envoy[1]!)!.iso;
      continue;
    }
    const trailing = /\s+of\s+(?:the\s+)?([\p{Lu}][\p{L} '’-]*)$/u.exec(comp);
    if (trailing && countries.byPhrase.get(trailing[1]!)) {
      partCountry = countries.byPhrase.get(trailing[1]!)!.iso;
      comp = comp.slice(0, trailing.index);
    } else if (comp && countries.byPhrase.get(comp) && !countries.byPhrase.get(comp)!.demonym) {
      partCountry = countries.byPhrase.get(comp)!.iso;
      comp = '';
    }
    comp = comp.replace(/^the\s+/i, '');
    const possessive = /^([\p{Lu}][\p{L} '’-]*?)['’]s\s+(.*)$/u.exec(comp);
    if (possessive && countries.byPhrase.get(possessive[1]!)) {
      partCountry = countries.byPhrase.get(possessive[1]!)!.iso;
      comp = possessive[2]!;
    }
    partCountry ??= fallbackCountry;
    const countryName = partCountry ? countries.names.get(partCountry) : undefined;
    const compWords = comp.split(/\s+/).filter(Boolean);
    const orgHeadAt = compWords.findIndex((w) => sets.orgHeads.has(w.toLowerCase().replace(/[,]$/, '')));
    const headFold = head.toLowerCase();
    const isMinister = /\bminister\b/.test(headFold) && !/\bprime minister\b/.test(headFold);
    let title: TitleDraft;
    if (comp && orgHeadAt >= 0 && (orgHeadAt === 0 || orgHeadAt === compWords.length - 1)) {
      const kindWord = compWords[orgHeadAt]!.toLowerCase();
      const kind =
        kindWord === 'ministry'
          ? 'ministry'
          : kindWord === 'kingdom'
            ? 'traditional-authority'
            : kindWord === 'council'
              ? 'council'
              : kindWord === 'agency'
                ? 'agency'
                : 'other';
      const named = kind === 'ministry' && countryName ? `${comp} of ${countryName}` : comp;
      title = {
        title: titleCase(head),
        org: { name: named, kind, ...(partCountry && kind !== 'council' ? { country: partCountry } : {}) },
        quote,
      };
    } else if (comp && isMinister) {
      const portfolio = `${joiner} ${comp}`;
      title = {
        title: `${titleCase(head)} ${portfolio}`,
        org: {
          name: `Ministry ${portfolio}${countryName ? ` of ${countryName}` : ''}`,
          kind: 'ministry',
          ...(partCountry ? { country: partCountry } : {}),
        },
        quote,
      };
    } else if (comp) {
      title = { title: titleCase(head), org: { name: comp, kind: 'other', ...(partCountry ? { country: partCountry } : {}) }, quote };
    } else {
      const adjective = Object.entries(rules.lexicon.titles.portfolioAdjectives).find(([adj]) =>
        new RegExp(`\\b${adj} minister\\b`, 'i').test(head),
      );
      if (adjective) {
        const portfolio = `of ${adjective[1]}`;
        title = {
          title: titleCase(head),
          org: {
            name: `Ministry ${portfolio}${countryName ? ` of ${countryName}` : ''}`,
            kind: 'ministry',
            ...(partCountry ? { country: partCountry } : {}),
          },
          quote,
        };
      } else {
        title = { title: titleCase(head), ...(partCountry ? { country: partCountry } : {}), quote };
      }
    }
    titles.push(title);
  }
  return { ...(country ? { country } : {}), titles };
}

export interface PeopleOptions {
  /** Known people from the gazetteer: fold(name or alias) → display name. */
  knownPersonNames: ReadonlySet<string>;
  /** The dateline's country, for officials a press service names without a country. */
  homeCountry?: string | undefined;
}

export function findPeople(
  lexed: Lexed,
  rules: Rules,
  options: PeopleOptions,
): { people: PersonDraft[]; personAt: (span: Span) => PersonDraft | undefined } {
  const people: PersonDraft[] = [];
  const mentionOwner: { span: Span; person: PersonDraft }[] = [];
  const speech = new RegExp(`^\\s*,?\\s*(?:${rules.lexicon.speechVerbs.join('|')})\\b`, 'i');
  const speechBefore = new RegExp(`\\b(?:${rules.lexicon.speechVerbs.join('|')})\\s*$`, 'i');
  const honorific = new RegExp(
    `(?<![\\p{L}])(?:${rules.lexicon.titles.honorifics.map((h) => h.replace(/\./g, '\\.')).join('|')})[.'’]?,?\\s*$`,
    'iu',
  );
  const runs = nameRuns(lexed);
  // One honorific right before a position, with its punctuation ("Mr. ", "His Excellency, ").
  const honorificLead = new RegExp(
    `(?<![\\p{L}])(?:${rules.lexicon.titles.honorifics.map((h) => h.replace(/\./g, '\\.').replace(/ /g, '\\s+')).join('|')})[.'’]?,?\\s*$`,
    'iu',
  );
  // "his Samoan counterpart, NAME", "the counterpart from Peru, Ms. NAME": a counterpart is a person.
  const counterpartLead =
    /\bcounterparts?(?:\s+(?:from|of)\s+(?:the\s+)?[\p{Lu}][\p{L}'’ -]*?)?\s*,?\s*(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?\s+)?$/iu;
  // "the foreign ministers of Norway, A, and Iceland, B": a name after "<country>," in a list whose
  // title stands at its head.
  const listedAfterCountry = (at: number, sentenceStart: number): string | undefined => {
    const before = lexed.text.slice(sentenceStart, at);
    const m = /(?:,|\band)\s+(?:the\s+)?([\p{Lu}][\p{L}'’ -]*?),\s*$/u.exec(before);
    const country = m ? countryIndex(rules).byPhrase.get(m[1]!.trim()) : undefined;
    if (!country || country.demonym) return undefined;
    const head = new RegExp(
      `\\b(?:${[...rules.sets.titleHeads].filter((h) => /s$/.test(h)).join('|')})\\s+of\\s+(?:the\\s+)?[\\p{Lu}]`,
      'iu',
    );
    return head.test(before.slice(0, m!.index)) ? country.iso : undefined;
  };

  for (const run of runs) {
    const name = lexed.text.slice(run.start, run.end);
    const key = foldName(name);
    if (run.tokens.length < 2) {
      // A lone surname is a later mention of someone already named (handled below), or, if the graph
      // knows it and nobody here carries it, that known person.
      const surnameOfSomeone = people.some((p) => foldName(p.name.split(/\s+/).pop()!) === key);
      if (surnameOfSomeone || !options.knownPersonNames.has(key)) continue;
    }
    // "Organization of Turkic States": capitalised words after "<body word> of" name the body.
    const i0 = run.tokens[0]!;
    const sentence0 = lexed.sentences[lexed.tokens[i0]!.sentence]!;
    const ofToken = lexed.tokens[i0 - 1]?.text === 'the' ? i0 - 2 : i0 - 1;
    if (lexed.tokens[ofToken]?.text === 'of' && ['orgword', 'domain'].includes(lexed.classes[ofToken - 1] ?? '')) continue;
    // "the High Commissioner of Malawi, Mr. Grace Banda", "H.E. Dr. X": the title stands before the honorifics.
    let titleEnd = run.tokens[0]!;
    for (let guard = 0; guard < 4; guard++) {
      const lead = honorificLead.exec(
        lexed.text.slice(Math.max(sentence0.start, lexed.tokens[titleEnd]!.start - 40), lexed.tokens[titleEnd]!.start),
      );
      if (!lead || !lead[0].trim()) break;
      const at = lexed.tokens[titleEnd]!.start - lead[0].length;
      let k = titleEnd;
      while (k > 0 && lexed.tokens[k - 1]!.start >= at) k--;
      if (k === titleEnd) break;
      titleEnd = k;
    }
    const before = titleBefore(lexed, titleEnd, rules);
    const after = titleAfter(lexed, run.tokens[run.tokens.length - 1]!, rules);
    const sentence = lexed.sentences[lexed.tokens[run.tokens[0]!]!.sentence]!;
    const why: string[] = [];
    if (before) why.push('title before the name');
    if (after) why.push('title after the name');
    if (speech.test(lexed.text.slice(run.end, Math.min(sentence.end, run.end + 30)))) why.push('speech verb');
    if (speechBefore.test(lexed.text.slice(sentence.start, run.start))) why.push('speech verb');
    if (honorific.test(lexed.text.slice(Math.max(sentence.start, run.start - 30), run.start))) why.push('honorific');
    if (options.knownPersonNames.has(key)) why.push('known to the graph');
    if (counterpartLead.test(lexed.text.slice(Math.max(sentence.start, run.start - 60), run.start))) why.push('a counterpart');
    const listedCountry = before ? undefined : listedAfterCountry(run.start, sentence.start);
    if (listedCountry) why.push('listed after a country under a title');
    const existing = people.find((p) => p.key === key || p.aliases.has(key));
    // "Minister of Culture, Tourism and Craft Promotion, Mr X": words after "and"/"of" inside a
    // title are its portfolio, not a name.
    const before0 = lexed.tokens[run.tokens[0]! - 1];
    if (!existing && why.length === 1 && why[0] === 'title before the name' && before0 && /^(?:and|of|for|&)$/.test(before0.text)) continue;
    if (!why.length && !existing) continue;
    const titleSpans = [before, after].filter((s): s is Span => s !== null);
    const person =
      existing ??
      (() => {
        const p: PersonDraft = {
          key,
          name,
          aliases: new Set(),
          titles: [],
          mentions: [],
          quote: { start: Math.min(run.start, ...titleSpans.map((s) => s.start)), end: Math.max(run.end, ...titleSpans.map((s) => s.end)) },
          why,
        };
        people.push(p);
        return p;
      })();
    person.mentions.push({ start: run.start, end: run.end });
    mentionOwner.push({ span: { start: run.start, end: run.end }, person });
    if (listedCountry) person.country ??= listedCountry;
    for (const span of titleSpans) {
      const quote = { start: Math.min(span.start, run.start), end: Math.max(span.end, run.end) };
      const parsed = parseTitle(lexed.text.slice(span.start, span.end), quote, rules);
      if (parsed.country) person.country ??= parsed.country;
      for (const t of parsed.titles) {
        if (!person.titles.some((x) => x.title === t.title)) person.titles.push(t);
        if (t.country) person.country ??= t.country;
        if (t.org?.country) person.country ??= t.org.country;
      }
    }
  }

  // Surname-only mentions ("said Kuantyrov", "Minister Ekpo"): a proper word equal to the last word
  // of exactly one person's name.
  lexed.tokens.forEach((t, i) => {
    if (lexed.classes[i] !== 'proper' && lexed.classes[i] !== 'title') return;
    const fold = foldName(t.base);
    if (mentionOwner.some((m) => t.start >= m.span.start && t.end <= m.span.end)) return;
    // The surname is the last word, or the word written in capitals ("HAYASHI Yoshimasa"); failing
    // that, another word after the first ("Meade" of "Jose Antonio Meade Kuribrena", a double surname).
    const words = (p: PersonDraft) => p.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    const surname = (p: PersonDraft) => words(p).find((w) => /^\p{Lu}{3,}$/u.test(w)) ?? words(p).pop()!;
    let owners = people.filter((p) => foldName(surname(p)) === fold);
    if (!owners.length && fold.length > 2)
      owners = people.filter((p) =>
        words(p)
          .slice(1)
          .some((w) => foldName(w) === fold),
      );
    if (owners.length !== 1) return;
    const owner = owners[0]!;
    owner.aliases.add(t.base);
    owner.mentions.push({ start: t.start, end: t.end });
    mentionOwner.push({ span: { start: t.start, end: t.end }, person: owner });
  });

  for (const p of people) {
    p.mentions.sort((a, b) => a.start - b.start);
    for (const t of p.titles) if (!t.org && !t.country && p.country) t.country = p.country;
    p.aliases.delete(p.name);
    // An initial alone ("J") is not a name to link by.
    for (const a of p.aliases) if (a.replace(/\W/g, '').length < 2) p.aliases.delete(a);
  }
  // "Foreign Minister Lea Roth of Austria": a titled name followed by "of <country>".
  for (const p of people) {
    if (p.country || !p.titles.length) continue;
    for (const m of p.mentions) {
      const after = /^\s+of\s+(?:the\s+)?([\p{Lu}][\p{L}'’ -]*?)(?=[,.;:)]|\s+\p{Ll}|$)/u.exec(lexed.text.slice(m.end, m.end + 60));
      const c = after ? countryIndex(rules).byPhrase.get(after[1]!.trim()) : undefined;
      if (c && !c.demonym) {
        p.country = c.iso;
        p.why.push('"of <country>" after the name');
        for (const t of p.titles) if (!t.org && !t.country) t.country = c.iso;
        break;
      }
    }
  }
  // "his counterpart from Peru, Ms. Lucia Paredes": the counterpart acts for that country.
  const counterpart = new RegExp(
    `(?:\\bcounterparts?\\s+(?:from|of)\\s+(?:the\\s+)?([\\p{Lu}][\\p{L}'’ -]*?)|([\\p{Lu}][\\p{L}'’-]*)\\s+counterparts?)\\s*,?\\s*(?:(?:${rules.lexicon.titles.honorifics.map((h) => h.replace(/\./g, '\\.').replace(/ /g, '\\s+')).join('|')})[.'’]?\\s+)*$`,
    'iu',
  );
  const countryOfPhrase = countryIndex(rules).byPhrase;
  for (const p of people) {
    if (p.country) continue;
    const first = p.mentions[0];
    if (!first) continue;
    const m = counterpart.exec(lexed.text.slice(Math.max(0, first.start - 80), first.start));
    const c = m ? countryOfPhrase.get((m[1] ?? m[2]!).trim()) : undefined;
    // "from Peru" names the country; "his Samoan counterpart" its demonym.
    if (c && (m![1] ? !c.demonym : true)) {
      p.country = c.iso;
      p.why.push('counterpart from a country');
    }
  }
  // "Nigerian President Buhari and Foreign Minister Onyeama": a title without a country, joined by
  // "and" to a name whose title has one, is held of the same country.
  for (const p of people) {
    if (p.country || !p.titles.length) continue;
    const lead = /\s+and\s+$/.exec(lexed.text.slice(Math.max(0, p.quote.start - 6), p.quote.start));
    if (!lead) continue;
    const joinAt = p.quote.start - lead[0].length;
    const before = mentionOwner.find((m) => m.span.end === joinAt && m.person !== p);
    if (before?.person.country && before.person.titles.length) {
      p.country = before.person.country;
      p.why.push('country of the title it is joined to');
      for (const t of p.titles) if (!t.org && !t.country) t.country = p.country;
    }
  }
  const personAt = (span: Span) => mentionOwner.find((m) => m.span.start < span.end && span.start < m.span.end)?.person;
  return { people, personAt };
}

/**
 * A press service names its own officials without a country ("ASTANA – Deputy Prime Minister and
 * Foreign Minister Murat Nurtleu"): a titled person with no country after everything else gets the
 * dateline's country, and their titles are read again with it.
 */
export function applyHomeCountry(people: PersonDraft[], lexed: Lexed, rules: Rules, homeCountry: string): void {
  for (const p of people) {
    // Only titles that need a country to mean anything: a president, a ministry with no country.
    const needsCountry = p.titles.some((t) => !t.org || (t.org.kind === 'ministry' && !t.org.country));
    if (p.country || !p.titles.length || !needsCountry) continue;
    p.country = homeCountry;
    p.why.push('country from the dateline');
    const quote = p.titles[0]!.quote;
    const phrase = lexed.text
      .slice(quote.start, quote.end)
      .replace(p.name, '')
      .replace(/^\s*,\s*|\s*,\s*$/g, '');
    const reparsed = parseTitle(phrase, quote, rules, homeCountry);
    if (reparsed.titles.length) p.titles = reparsed.titles;
    for (const t of p.titles) if (!t.org && !t.country) t.country = homeCountry;
  }
}
