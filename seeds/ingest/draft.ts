// Drafts a fact file (seeds/schema.ts) from an article: read → lex → people, organisations, places,
// countries → events → agreements, figures → link to known entities → ids → validate. Confidence per
// fact is returned beside the facts (a side-car map keyed by the fact's path, e.g. "events[2]"),
// because the fact-file schema is strict; `note` carries only what a reviewer must read.
import { foldName } from '../../domain/gazetteer.ts';
import { emptyFactFile, factFileSchema, type FactFile } from '../../domain/fact-schema.ts';
import { locateQuote } from '../../domain/source-text.ts';
import { findAgreements, type PartyRef } from './agreements.ts';
import { readArticle, type Article } from './article.ts';
import { findEvents, type EventDraft, type WhoRef } from './events.ts';
import { findFigures } from './figures.ts';
import { findHolderSuggestions, type HolderSuggestion } from './holders.ts';
import { countryIndex, lex } from './lexical.ts';
import { EntityIndex, type LinkResult } from './link.ts';
import { findOrganizations, OrgRegistry, type OrgDraft } from './organizations.ts';
import { applyHomeCountry, findPeople, type PersonDraft } from './people.ts';
import { loadRules, type Rules } from './rules.ts';
import type { Span } from './text.ts';
import type { Confidence, EntityBadge } from '../../domain/contracts/ingest.ts';

/** How sure the drafter is of a fact, and the rule that drafted it (the API's contract). */
export type { Confidence };

export interface Draft {
  article: Article;
  facts: FactFile;
  /** By fact path ("people[0]", "events[1].participants[0]"). */
  confidence: Record<string, Confidence>;
  /** Where each fact's quotes are in article.text, by fact path. */
  spans: Record<string, Span[]>;
  /** What the drafter left out because it would not make a valid fact, in plain words. */
  problems: string[];
  /** For every drafted entity (by fact path): new, or linked to a known one, and look-alikes. */
  entities: Record<string, EntityBadge>;
  /** Offices named without a person, with who the graph knows held them at that date. */
  holders: HolderSuggestion[];
}

/** New, or linked to a known entity, and look-alikes (the API's contract). */
export type { EntityBadge };

export interface DraftOptions {
  published?: string | undefined;
  /** The name the article will have in seeds/sources (a .txt name); derived from the text if absent. */
  fileName?: string | undefined;
  /** Entities already known (the graph, or the other fact files). */
  known?: EntityIndex | undefined;
  rules?: Rules | undefined;
}

export function slug(text: string, max = 60): string {
  const base = foldName(text)
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/\s+/g, '-');
  if (base.length <= max) return base || 'x';
  const cut = base.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}

/** A rule's name from its reason: "title before the name" → "person:title-before-the-name". */
export function ruleName(category: string, why: string): string {
  return `${category}:${slug(why.replace(/["“”]/g, ''), 50)}`;
}

const MEETING_WORDS = new Set(['meeting', 'talks', 'call', 'session', 'signing']);

export function draftFacts(input: string, options: DraftOptions = {}): Draft {
  const rules = options.rules ?? loadRules();
  const known = options.known ?? new EntityIndex();
  const article = readArticle(input, rules, { published: options.published });
  const { text } = article;
  const lexed = lex(text, rules);
  const countries = countryIndex(rules);
  // A quote needs 3+ characters: a bare "UN" takes the word before it too ("the UN").
  const quote = (span: Span) => {
    let { start, end } = span;
    while (end - start < 3 && start > 0) {
      start--;
      while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    }
    // At the very start of the text, the words after it instead ("US officials…").
    while (end - start < 3 && end < text.length) {
      end++;
      while (end < text.length && !/\s/.test(text[end]!)) end++;
    }
    return text.slice(start, end).trim();
  };
  const confidence: Record<string, Confidence> = {};

  const datelineCity = article.dateline
    ? lexed.places.find((p) => p.kind === 'city' && p.start < (article.dateline?.length ?? 0) + 2)
    : undefined;
  const datelinePlace = article.dateline
    ? [...countries.cityCountry.entries()].find(([city]) => foldName(article.dateline!.split(/[,—–-]/)[0]!) === foldName(city))
    : undefined;
  const homeCountry = datelineCity?.iso ?? datelinePlace?.[1];

  const { people } = findPeople(lexed, rules, { knownPersonNames: known.personNames(), homeCountry });
  if (homeCountry) applyHomeCountry(people, lexed, rules, homeCountry);
  const orgs = new OrgRegistry();
  findOrganizations(lexed, rules, orgs);
  // Bodies implied by titles ("Minister of Petroleum Resources" → the ministry).
  for (const person of people) {
    for (const title of person.titles) {
      if (!title.org) continue;
      const org = orgs.add({
        name: title.org.name,
        kind: title.org.kind,
        ...(title.org.country ? { country: title.org.country } : {}),
        quote: title.quote,
        why: 'implied by a title',
      });
      title.org.name = org.name;
    }
  }
  const datelineEnd = article.dateline ? text.indexOf(article.dateline) + article.dateline.length : undefined;
  const events = findEvents({
    lexed,
    rules,
    people,
    orgs,
    published: article.published,
    homeCountry,
    datelineEnd: datelineEnd !== undefined && datelineEnd >= article.dateline!.length ? datelineEnd : undefined,
  });
  const agreements = findAgreements(lexed, rules, orgs);
  const figures = findFigures(lexed, rules);

  // ---- ids, linking ----
  const usedIds = new Set<string>();
  const unique = (id: string) => {
    let candidate = id;
    for (let n = 2; usedIds.has(candidate) || (known.get(candidate) && n < 100); n++) candidate = `${id}-${n}`;
    usedIds.add(candidate);
    return candidate;
  };
  const entities: Record<string, EntityBadge> = {};
  const nameOf = (id: string) => known.get(id)?.name ?? id;
  const badge = (path: string, link: LinkResult) => {
    entities[path] = link.linked
      ? { status: 'linked', target: { id: link.id, name: nameOf(link.id) }, similar: [], why: link.why }
      : { status: 'new', similar: link.candidates.map((id) => ({ id, name: nameOf(id) })), why: link.why };
  };
  const linkOrNew = (
    label: 'Person' | 'Organization' | 'Place',
    name: string,
    aliases: string[],
    prefix: string,
    country?: string,
  ): { id: string; link: LinkResult } => {
    const link = known.link(label, name, aliases, country);
    if (link.linked) {
      usedIds.add(link.id);
      return { id: link.id, link };
    }
    return { id: unique(`${prefix}:${slug(name)}`), link };
  };

  const facts: FactFile = emptyFactFile({
    file: options.fileName ?? `${article.published ?? 'undated'}-${slug(text.split(/\s+/).slice(0, 8).join(' '), 50)}.txt`,
    title: 'Draft',
    published: article.published,
    junk: article.junk,
    ...(article.dateline ? { dateline: article.dateline } : {}),
  });
  const publisher = /(?:,\s*|\s)((?:the\s+)?(?:press service of the\s+)?[\p{Lu}][\p{L}’' ]{1,60}?)\s+reports\b/u.exec(text)?.[1];
  if (publisher && !/^(?:the\s+)?ministry/i.test(publisher)) facts.source.publisher = publisher.replace(/^the\s+/, '');

  // Countries: every mention, plus those implied by cities and referenced by other facts.
  const countryQuotes = new Map<string, Span[]>();
  const countryAliases = new Map<string, Set<string>>();
  for (const m of lexed.countries) {
    countryQuotes.set(m.iso, [...(countryQuotes.get(m.iso) ?? []), m]);
    const spelled = text.slice(m.start, m.end);
    const aliases = countryAliases.get(m.iso) ?? new Set<string>();
    if (spelled !== countries.names.get(m.iso)) aliases.add(spelled);
    countryAliases.set(m.iso, aliases);
  }
  for (const p of lexed.places) if (p.iso && !countryQuotes.has(p.iso)) countryQuotes.set(p.iso, [p]);
  const countryRef = (iso: string | undefined) => (iso && countryQuotes.has(iso) ? `country:${iso}` : undefined);
  for (const [iso, spans] of countryQuotes) {
    const id = `country:${iso}`;
    const path = `countries[${facts.countries.length}]`;
    entities[path] = known.get(id)
      ? { status: 'linked', target: { id, name: nameOf(id) }, similar: [], why: 'the same ISO code' }
      : { status: 'new', similar: [], why: 'a country not yet in the graph' };
    const mentioned = lexed.countries.some((c) => c.iso === iso);
    facts.countries.push({
      id,
      name: countries.names.get(iso) ?? iso,
      aliases: [...(countryAliases.get(iso) ?? [])],
      quote: quote(spans[0]!),
      ...(mentioned ? {} : { note: `Not named; implied by ${quote(spans[0]!)}.` }),
    });
    confidence[path] = {
      score: mentioned ? 0.95 : 0.7,
      why: mentioned ? 'named in the text' : 'implied by a city',
      rule: mentioned ? 'country:named' : 'country:implied-by-a-city',
    };
  }

  // Places.
  const placeIds = new Map<string, string>();
  for (const p of lexed.places) {
    if (placeIds.has(p.name)) continue;
    const { id, link } = linkOrNew('Place', p.name, [], 'place');
    placeIds.set(p.name, id);
    badge(`places[${facts.places.length}]`, link);
    confidence[`places[${facts.places.length}]`] = {
      score: link.linked ? 0.9 : p.kind === 'city' || p.kind === 'continent' ? 0.85 : 0.6,
      why: link.linked ? link.why : 'place from the rules',
      rule: `place:${p.kind}-from-the-rules`,
    };
    facts.places.push({
      id,
      name: p.name,
      kind: p.kind as FactFile['places'][number]['kind'],
      aliases: [],
      ...(countryRef(p.iso) ? { country: countryRef(p.iso)! } : {}),
      quote: quote(p),
    });
  }

  // Organisations.
  const orgIds = new Map<OrgDraft, string>();
  for (const o of orgs.orgs) {
    const { id, link } = linkOrNew('Organization', o.name, [...o.aliases], 'org');
    orgIds.set(o, id);
    badge(`organizations[${facts.organizations.length}]`, link);
    confidence[`organizations[${facts.organizations.length}]`] = {
      score: link.linked ? 0.9 : o.why === 'implied by a title' ? 0.6 : 0.7,
      why: link.linked ? link.why : o.why,
      rule: ruleName('organization', o.why),
    };
    facts.organizations.push({
      id,
      name: o.name,
      kind: o.kind,
      aliases: [...o.aliases].filter((a) => foldName(a) !== foldName(o.name)),
      ...(countryRef(o.country) ? { country: countryRef(o.country)! } : {}),
      quote: quote(o.quote),
      ...(o.why === 'implied by a title' ? { note: 'Implied by a title; the body itself is not named.' } : {}),
    });
  }

  // People and titles.
  const personIds = new Map<PersonDraft, string>();
  for (const p of people) {
    const { id, link } = linkOrNew('Person', p.name, [...p.aliases], 'person', p.country);
    personIds.set(p, id);
    badge(`people[${facts.people.length}]`, link);
    const strong = p.why.some((w) => w.startsWith('title'));
    confidence[`people[${facts.people.length}]`] = {
      score: link.linked ? link.confidence : strong ? 0.9 : 0.6,
      why: [link.linked ? link.why : null, ...p.why].filter(Boolean).join('; '),
      rule: ruleName('person', p.why[0] ?? 'known to the graph'),
    };
    facts.people.push({
      id,
      name: p.name,
      aliases: [...p.aliases],
      quote: quote(p.quote),
      ...(!link.linked && link.candidates.length ? { note: `Not linked: ${link.why}.` } : {}),
    });
    for (const t of p.titles) {
      const org = t.org ? orgs.find(t.org.name) : undefined;
      const at = org ? orgIds.get(org) : countryRef(t.country ?? p.country);
      if (!at) continue;
      confidence[`titles[${facts.titles.length}]`] = {
        score: org ? 0.75 : 0.85,
        why: 'title next to the name',
        rule: 'title:next-to-the-name',
      };
      facts.titles.push({ person: id, at, title: t.title, quote: quote(t.quote) });
    }
  }

  // Events.
  const eventIds = new Map<EventDraft, string>();
  for (const e of events) {
    const prefix = e.date?.value ? `${e.date.value}-` : '';
    eventIds.set(e, unique(`event:${prefix}${slug(e.title, 50)}`));
  }
  const whoId = (w: WhoRef): string | undefined =>
    w.type === 'person' ? personIds.get(w.person) : w.type === 'org' ? orgIds.get(w.org) : countryRef(w.iso);
  events.forEach((e, i) => {
    const participants = e.participants.flatMap((p) => {
      const who = whoId(p.who);
      if (!who) return [];
      const represents = countryRef(p.represents);
      return [
        {
          who,
          role: p.role,
          ...(represents && represents !== who ? { represents } : {}),
          ...(p.officialRole ? { officialRole: p.officialRole } : {}),
          delegation: p.delegation,
          quote: quote(p.quote),
        },
      ];
    });
    const named = participants.filter((p) => p.who.startsWith('person:') && p.role !== 'mentioned').length;
    e.participants.forEach((p, j) => {
      confidence[`events[${i}].participants[${j}]`] = {
        score: p.why === 'named in the sentence' || p.why === 'attended' ? 0.85 : p.role === 'mentioned' ? 0.6 : 0.65,
        why: p.why,
        rule: ruleName('participant', p.why),
      };
    });
    confidence[`events[${i}]`] = {
      score: MEETING_WORDS.has(e.kind) ? (named >= 2 ? 0.85 : 0.65) : e.named ? 0.8 : 0.55,
      why: e.why.join('; '),
      rule: e.rule,
    };
    const place = e.place ? placeIds.get(e.place.name) : undefined;
    facts.events.push({
      id: eventIds.get(e)!,
      kind: e.kind,
      title: e.title.length >= 3 ? e.title : `${e.kind} ${e.title}`,
      status: e.status,
      ...(e.date ? { date: { value: e.date.value, basis: e.date.basis, quote: e.date.quote } } : {}),
      ...(place ? { place } : {}),
      ...(e.partOf && eventIds.get(e.partOf) ? { partOf: eventIds.get(e.partOf)! } : {}),
      participants,
      quote: e.quotes.length === 1 ? quote(e.quotes[0]!) : [...new Set(e.quotes.map(quote))],
    });
  });

  // Agreements: concluded at the meeting of their sentence, if any.
  const partyId = (p: PartyRef) => (p.type === 'org' ? orgIds.get(p.org) : countryRef(p.iso));
  for (const a of agreements) {
    const sentence = lexed.sentences[a.sentence]!;
    const at =
      events.find((e) => e.quotes.some((q) => q.start === sentence.start)) ??
      [...events].reverse().find((e) => MEETING_WORDS.has(e.kind) && e.trigger.start < sentence.start && e.status === 'held');
    let parties = a.parties.map(partyId).filter((x): x is string => Boolean(x));
    // "the sides signed a joint communiqué": the parties are the countries that met.
    if (!parties.length && at) {
      parties = [
        ...new Set(
          at.participants
            .filter((p) => p.role !== 'mentioned')
            .map((p) => countryRef(p.represents))
            .filter((x): x is string => Boolean(x)),
        ),
      ];
    }
    let rule = a.rule;
    if (parties.length && !a.parties.length) rule += '+parties-of-the-meeting';
    // "Ghana and the United Kingdom have signed…": the countries named in its sentence.
    if (!parties.length) {
      parties = [
        ...new Set(
          lexed.countries
            .filter((c) => c.start >= sentence.start && c.end <= sentence.end && !c.demonym)
            .map((c) => countryRef(c.iso))
            .filter((x): x is string => Boolean(x)),
        ),
      ];
      if (parties.length) rule += '+parties-of-the-sentence';
    }
    // "the two countries": those that act at the meeting told last before it, or else the first one.
    if (!parties.length) {
      const told =
        [...events].reverse().find((e) => MEETING_WORDS.has(e.kind) && e.trigger.start < sentence.start) ??
        events.find((e) => MEETING_WORDS.has(e.kind));
      parties = [
        ...new Set(
          (told?.participants ?? [])
            .filter((p) => p.role !== 'mentioned')
            .map((p) => countryRef(p.represents))
            .filter((x): x is string => Boolean(x)),
        ),
      ];
      // A signed document needs both sides; one that is only discussed may name one.
      if (parties.length < (a.status === 'discussed' ? 1 : 2)) parties = [];
      else rule += '+parties-of-the-meeting-told';
    }
    if (!parties.length) continue;
    confidence[`agreements[${facts.agreements.length}]`] = { score: a.status === 'discussed' ? 0.55 : 0.7, why: a.why, rule };
    facts.agreements.push({
      id: unique(`agreement:${slug(a.title, 50)}`),
      title: a.title,
      kind: a.kind,
      status: a.status,
      ...(at && a.status !== 'planned' && a.status !== 'discussed' ? { concludedAt: eventIds.get(at)! } : {}),
      parties: [...new Set(parties)],
      quote: quote(a.quote),
    });
  }

  // Figures.
  for (const f of figures) {
    const about = f.countries.map((iso) => countryRef(iso)).filter((x): x is string => Boolean(x));
    if (!about.length) continue;
    confidence[`figures[${facts.figures.length}]`] = {
      score: 0.55,
      why: 'a number with its unit; label is the clause',
      rule: 'figure:number-with-unit',
    };
    facts.figures.push({
      id: unique(`figure:${slug(`${f.label} ${f.period ?? ''}`, 50)}`),
      label: f.label.length >= 3 ? f.label : `${f.unit} figure`,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      ...(f.period ? { period: f.period } : {}),
      ...(f.change ? { change: f.change } : {}),
      about,
      quote: quote(f.quote),
    });
  }

  const main = facts.events.find((e) => MEETING_WORDS.has(e.kind) && e.status === 'held') ?? facts.events[0];
  facts.source.title = `Draft: ${main?.title ?? text.split(/(?<=[.!?])\s/)[0]!.slice(0, 120)}`;
  const problems: string[] = [];
  const validated = repaired(facts, confidence, problems, entities);
  const holders = findHolderSuggestions(
    lexed,
    rules,
    known.holdings,
    article.published,
    people.flatMap((p) => [p.quote, ...p.mentions]),
  );
  return { article, facts: validated, confidence, spans: spansOf(validated, text), problems, entities, holders };
}

/**
 * A draft is always a valid fact file: whatever a rule produced that the schema refuses (an alias of
 * one letter, a quote too short to find) is left out, and the draft says what and why.
 */
export function repaired(
  facts: FactFile,
  confidence: Record<string, Confidence>,
  problems: string[],
  entities: Record<string, EntityBadge> = {},
): FactFile {
  for (let round = 0; round < 200; round++) {
    const result = factFileSchema.safeParse(facts);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const at = issue.path.reduce<number>((last, part, i) => (typeof part === 'number' ? i : last), -1);
    if (at < 1) throw new Error(`the draft cannot be made valid: ${issue.path.join('.')}: ${issue.message}`);
    const listPath = issue.path.slice(0, at);
    const list = listPath.reduce<unknown>((node, part) => (node as Record<string | number, unknown>)[part], facts) as unknown[];
    const index = issue.path[at] as number;
    list.splice(index, 1);
    const where = listPath
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '')
      .replace(/\.\[/g, '[');
    problems.push(`${where}[${index}] left out: ${issue.path.slice(at + 1).join('.') || 'value'} ${issue.message.toLowerCase()}`);
    // Later elements of that list move up one place in the maps keyed by fact path.
    const prefix = `${where}[`;
    for (const map of [confidence, entities] as Record<string, unknown>[]) {
      for (const key of Object.keys(map).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
        if (!key.startsWith(prefix)) continue;
        const m = /^(\d+)\](.*)$/.exec(key.slice(prefix.length));
        if (!m) continue;
        const k = Number(m[1]);
        const value = map[key];
        delete map[key];
        if (k > index) map[`${prefix}${k - 1}]${m[2]}`] = value;
        else if (k < index) map[key] = value;
      }
    }
  }
  throw new Error('the draft cannot be made valid');
}

/** Where each fact's quotes sit in the text, keyed like the confidence map. */
export function spansOf(facts: FactFile, text: string): Record<string, Span[]> {
  const spans: Record<string, Span[]> = {};
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('quote' in record && path) {
        const list = Array.isArray(record.quote) ? (record.quote as string[]) : [record.quote as string];
        spans[path] = list.map((q) => locateQuote(text, q)).filter((s): s is Span => s !== null);
      }
      for (const [key, v] of Object.entries(record)) if (key !== 'quote' && typeof v === 'object') visit(v, path ? `${path}.${key}` : key);
    }
  };
  visit(facts, '');
  return spans;
}
