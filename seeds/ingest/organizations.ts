// Organisations named in the text: "Nigeria’s Ministry of Foreign Affairs, Ministry of …" (a list
// shares its country), capitalised phrases ending in an organisation word ("Export Credit Agency",
// "Belt and Road Initiative") or starting with one ("Organization of Islamic Cooperation"), acronyms
// after a company word ("pharmaceutical company EIPICO"), acronyms in brackets as aliases, and the
// well-known international bodies of the rules. Bodies implied by titles come from people.ts.
import { foldName } from '../../domain/gazetteer.ts';
import type { OrganizationFact } from '../../domain/fact-schema.ts';
import { countryIndex, type Lexed } from './lexical.ts';
import type { Rules } from './rules.ts';
import { PhraseFinder, type Span } from './text.ts';

export interface OrgDraft {
  key: string;
  name: string;
  kind: OrganizationFact['kind'];
  aliases: Set<string>;
  country?: string;
  quote: Span;
  why: string;
}

const CAP = "(?:\\p{Lu}[\\p{L}\\p{N}–-]*(?:['’]\\p{Lu}[\\p{L}\\p{N}-]*)?)";
const JOIN = '(?:\\s+(?:of|for|and|&)\\s+(?:the\\s+)?|\\s+)';
const POSSESSOR = new RegExp(`(${CAP}(?:\\s+${CAP})?)['’]s\\s+$`, 'u');

export class OrgRegistry {
  readonly orgs: OrgDraft[] = [];

  add(draft: Omit<OrgDraft, 'key' | 'aliases'> & { aliases?: Iterable<string> }): OrgDraft {
    const key = foldName(draft.name);
    // "CASA trade corridor" after "… (CASA) transit corridor": the acronym names the same body.
    const acronym = /^(\p{Lu}{2,10})\s/u.exec(draft.name)?.[1];
    const lastWord = (name: string) => name.split(/\s+/).pop()!.toLowerCase();
    const existing = this.orgs.find(
      (o) =>
        o.key === key ||
        [...o.aliases].some((a) => foldName(a) === key) ||
        (acronym !== undefined && o.aliases.has(acronym) && lastWord(o.name) === lastWord(draft.name)),
    );
    if (existing && existing.key !== key && acronym) existing.aliases.add(draft.name);
    if (existing) {
      existing.country ??= draft.country;
      for (const a of draft.aliases ?? []) if (foldName(a) !== existing.key) existing.aliases.add(a);
      return existing;
    }
    const org: OrgDraft = { ...draft, key, aliases: new Set(draft.aliases ?? []) };
    this.orgs.push(org);
    return org;
  }

  find(name: string): OrgDraft | undefined {
    const key = foldName(name);
    return this.orgs.find((o) => o.key === key || [...o.aliases].some((a) => foldName(a) === key));
  }
}

function kindOf(head: string, rules: Rules): OrganizationFact['kind'] {
  return rules.lexicon.organizations.heads[head.toLowerCase()] ?? 'other';
}

export function findOrganizations(lexed: Lexed, rules: Rules, registry: OrgRegistry): void {
  const { text } = lexed;
  const countries = countryIndex(rules);
  const countryOf = (name: string) => countries.byPhrase.get(name);
  const heads = Object.keys(rules.lexicon.organizations.heads).map((h) => h[0]!.toUpperCase() + h.slice(1));

  const claimed: Span[] = [];
  const free = (span: Span) => !claimed.some((c) => c.start < span.end && span.start < c.end);
  const possessor = (at: number) => {
    const m = POSSESSOR.exec(text.slice(Math.max(0, at - 40), at));
    const entry = m ? countryOf(m[1]!) : undefined;
    return entry && !entry.demonym ? { iso: entry.iso, start: at - m![0].length } : undefined;
  };
  const isDomain = (segment: string) =>
    segment.split(/\s+/).every((w) => rules.sets.domain.has(w.toLowerCase()) || ['and', '&', 'of', 'for', 'the'].includes(w.toLowerCase()));

  // 1. Ministries, with a list sharing the country of its first item.
  const ministry = new RegExp(`Ministry\\s+(?:of|for)\\s+${CAP}(?:(?:${JOIN}|,\\s+(?:and\\s+)?)(?!Ministry\\b)${CAP})*`, 'gu');
  let listCountry: { iso: string; end: number } | undefined;
  for (const m of text.matchAll(ministry)) {
    const bodyStart = m.index!;
    // "Ministry of Foreign Affairs, Dunoma Umar Ahmed": a comma list goes on only with portfolio words.
    const segments = m[0].split(/(,\s+(?:and\s+)?)/);
    let body = segments[0]!;
    for (let i = 1; i + 1 < segments.length; i += 2) {
      if (!isDomain(segments[i + 1]!)) break;
      body += segments[i]! + segments[i + 1]!;
    }
    let end = bodyStart + body.length;
    const lead = possessor(bodyStart);
    let iso = lead?.iso;
    // "Ministry of Higher Education of Uzbekistan and the …": the name ends at "of <country>".
    for (const of of body.matchAll(/\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,3})/gu)) {
      const words = of[1]!.split(/\s+/);
      const hit = words
        .map((_, n) => words.slice(0, n + 1).join(' '))
        .reverse()
        .find((w) => countryOf(w) && !countryOf(w)!.demonym);
      if (!hit) continue;
      iso = countryOf(hit)!.iso;
      end = bodyStart + of.index! + of[0].length - of[1]!.length + hit.length;
      body = body.slice(0, of.index);
      break;
    }
    if (!iso && listCountry && /^\s*,\s*(and\s+)?$/.test(text.slice(listCountry.end, bodyStart))) iso = listCountry.iso;
    if (iso) listCountry = { iso, end };
    claimed.push({ start: bodyStart, end });
    const name = iso ? `${body} of ${countries.names.get(iso)}` : body;
    registry.add({
      name,
      kind: 'ministry',
      aliases: iso ? [body] : [],
      ...(iso ? { country: iso } : {}),
      quote: { start: lead ? lead.start : bodyStart, end },
      why: 'ministry named in the text',
    });
  }

  // 2. Capitalised phrases with an organisation word: "Export Credit Agency", "Organization of Islamic Cooperation".
  const phrase = new RegExp(`${CAP}(?:${JOIN}${CAP})*`, 'gu');
  const headSet = new Set(heads);
  const sentenceStarts = new Set(lexed.sentences.map((s) => s.start));
  const candidates: { text: string; index: number }[] = [];
  for (const m of text.matchAll(phrase)) {
    // "the Belt and Road Initiative and the Trans-Caspian … Route": two names joined by "and".
    const splitter = new RegExp(`(?<=\\b(?:${heads.join('|')}))\\s+(?:and|&)\\s+(?:the\\s+)?`, 'gu');
    let from = 0;
    for (const cut of m[0].matchAll(splitter)) {
      candidates.push({ text: m[0].slice(from, cut.index!), index: m.index! + from });
      from = cut.index! + cut[0].length;
    }
    candidates.push({ text: m[0].slice(from), index: m.index! + from });
  }
  for (const m of candidates) {
    let words = m.text.split(/(\s+)/);
    let start = m.index;
    // Past a name already taken ("Ministry of … of Uzbekistan and the Japan International …").
    const inClaimed = (at: number) => claimed.some((c) => at >= c.start && at < c.end);
    while (
      words.length > 2 &&
      (inClaimed(start) || (start > m.index && ['and', 'the', '&', 'of', 'for'].includes(words[0]!.toLowerCase())))
    ) {
      start += words[0]!.length + words[1]!.length;
      words = words.slice(2);
    }
    // Leading words that are not part of a name: sentence openers, titles, demonyms.
    while (words.length > 2) {
      const w = words[0]!;
      const lowerW = w.toLowerCase();
      const opener = sentenceStarts.has(start) && rules.sets.stop.has(lowerW);
      if (!(
        opener ||
        ['the', 'a', 'an'].includes(lowerW) ||
        countryOf(w)?.demonym ||
        rules.sets.titleHeads.has(lowerW) ||
        rules.sets.titleModifiers.has(lowerW)
      ))
        break;
      start += w.length + words[1]!.length;
      words = words.slice(2);
    }
    // Titles dropped, the connectors they leave ("of the Organization …") go too.
    while (words.length > 2 && ['of', 'for', 'the', 'and'].includes(words[0]!.toLowerCase())) {
      start += words[0]!.length + words[1]!.length;
      words = words.slice(2);
    }
    const plain = words.filter((_, i) => i % 2 === 0);
    while (plain.length && ['of', 'for', 'and', '&', 'the'].includes(plain[plain.length - 1]!.toLowerCase())) plain.pop();
    if (plain.length < 2) continue;
    const headIndex = plain.findIndex((w) => headSet.has(w));
    if (headIndex < 0 || (headIndex !== 0 && headIndex !== plain.length - 1 && !/^(of|for)$/.test(plain[headIndex + 1] ?? ''))) continue;
    const name = text.slice(start, m.index + m.text.length).replace(/(\s+(?:of|for|and|&|the))+$/, '');
    const span = { start, end: start + name.length };
    if (!free(span) || /^Ministry\b/.test(name) || countryOf(name)) continue;
    claimed.push(span);
    const headWord = plain[headIndex]!;
    const lead = possessor(start);
    const inName = countries.finder.find(name).filter((c) => !countries.byPhrase.get(c.phrase)!.demonym);
    const iso = lead?.iso ?? (inName.length === 1 ? countries.byPhrase.get(inName[0]!.phrase)!.iso : undefined);
    const national = lead && ['agency', 'ministry', 'council'].includes(kindOf(headWord, rules));
    registry.add({
      name: national ? `${name} of ${countries.names.get(lead.iso)}` : name,
      kind: kindOf(headWord, rules),
      aliases: national ? [name] : [],
      ...(iso ? { country: iso } : {}),
      quote: { start: lead ? lead.start : start, end: span.end },
      why: `named with the organisation word "${headWord}"`,
    });
  }

  // 3. An acronym after a company word ("pharmaceutical company EIPICO"), or before a country ("NEXIM Nigeria").
  const cues = rules.lexicon.organizations.companyCues.join('|');
  const company = new RegExp(`(?:(${CAP})\\s+)?(?:[a-z-]+\\s+)?(?:${cues})\\s+(\\p{Lu}[\\p{Lu}\\p{N}]+(?:\\s+\\p{Lu}[\\p{L}]+)?)\\b`, 'gu');
  for (const m of text.matchAll(company)) {
    const demonym = m[1] ? countryOf(m[1]) : undefined;
    const name = m[2]!;
    const start = m.index! + m[0].lastIndexOf(name);
    registry.add({
      name,
      kind: 'company',
      ...(demonym ? { country: demonym.iso } : {}),
      quote: { start: m.index!, end: start + name.length },
      why: 'after a company word',
    });
  }
  const acronymCountry = new RegExp(
    `\\b(\\p{Lu}{3,})\\s+(${[...countries.byPhrase.keys()].filter((k) => !countries.byPhrase.get(k)!.demonym).join('|')})\\b`,
    'gu',
  );
  for (const m of text.matchAll(acronymCountry)) {
    if (rules.sets.notAcronyms.has(m[1]!)) continue;
    registry.add({
      name: m[0],
      kind: 'agency',
      aliases: [m[1]!],
      country: countryOf(m[2]!)!.iso,
      quote: { start: m.index!, end: m.index! + m[0].length },
      why: 'an acronym with its country',
    });
  }

  // 4. Well-known international bodies.
  const known = rules.lexicon.organizations.known;
  const knownFinder = new PhraseFinder(known.flatMap((k) => [k.name, ...k.aliases]));
  for (const hit of knownFinder.find(text)) {
    const entry = known.find((k) => k.name === hit.phrase || k.aliases.includes(hit.phrase))!;
    registry.add({
      name: entry.name,
      kind: entry.kind,
      aliases: entry.aliases,
      quote: { start: hit.start, end: hit.end },
      why: 'a well-known international body',
    });
  }

  // 5. Words with capitals inside ("KazAID"): brand names of bodies, not people.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+\p{Lu}[\p{L}]*)(?![\p{L}\p{N}])/gu)) {
    const word = m[1]!;
    if (/^Ma?c\p{Lu}/u.test(word) || countryOf(word)) continue;
    registry.add({ name: word, kind: 'other', quote: { start: m.index!, end: m.index! + word.length }, why: 'a brand-like name' });
  }
  // "the North–South corridor", "the CASA trade corridor": named corridors and routes.
  for (const m of text.matchAll(
    new RegExp(
      `\\b(?:the|The)\\s+((?:${CAP}\\s+)*${CAP}(?:\\s+\\([\\p{Lu}]{2,10}\\))?(?:\\s+(?:transit|trade|transport|economic|railway|rail))?\\s+(?:corridor|route|railway))\\b`,
      'gu',
    ),
  )) {
    const name = m[1]!;
    const start = m.index! + m[0].indexOf(name);
    if (!free({ start, end: start + name.length })) continue;
    claimed.push({ start, end: start + name.length });
    const acronym = /\(([\p{Lu}]{2,10})\)/u.exec(name)?.[1];
    registry.add({
      name,
      kind: 'initiative',
      aliases: acronym ? [acronym] : [],
      quote: { start, end: start + name.length },
      why: 'a named corridor or route',
    });
  }

  // 6. "X, also known as the Y": one body, two names.
  for (const m of text.matchAll(
    new RegExp(`(${CAP}(?:${JOIN}${CAP})*),?\\s+also\\s+(?:known|referred\\s+to)\\s+as\\s+(?:the\\s+)?(${CAP}(?:${JOIN}${CAP})*)`, 'gu'),
  )) {
    const first = registry.orgs.find((o) => m[1]!.endsWith(o.name));
    const second = registry.find(m[2]!);
    if (first) {
      first.aliases.add(m[2]!);
      if (second && second !== first) registry.orgs.splice(registry.orgs.indexOf(second), 1);
    }
  }

  // 7. "Long Name (ACRONYM)": the acronym is an alias.
  for (const m of text.matchAll(/\(([\p{Lu}]{2,10})\)/gu)) {
    const before = text.slice(Math.max(0, m.index! - 120), m.index!).trimEnd();
    const org = registry.orgs.find(
      (o) =>
        before.endsWith(o.name) ||
        [...o.aliases].some((a) => before.endsWith(a)) ||
        before.endsWith(text.slice(o.quote.start, o.quote.end)),
    );
    if (org) org.aliases.add(m[1]!);
  }

  // "CASA trade corridor" told before "… (CASA) transit corridor": merge once the acronym is known.
  for (const org of [...registry.orgs]) {
    const acronym = /^(\p{Lu}{2,10})\s/u.exec(org.name)?.[1];
    if (!acronym) continue;
    const lastWord = (name: string) => name.split(/\s+/).pop()!.toLowerCase();
    const owner = registry.orgs.find((o) => o !== org && o.aliases.has(acronym) && lastWord(o.name) === lastWord(org.name));
    if (!owner) continue;
    owner.aliases.add(org.name);
    registry.orgs.splice(registry.orgs.indexOf(org), 1);
  }
}
