// What the mapping needs to know beyond one record, gathered in the first pass over both files:
// who is who (IdentityRegistry), the travellers, the presidents' stops (for "Accompanied President
// X") and exact duplicate trip rows (one event, two sources).
import { IdentityRegistry, looseTokens, personSlug, slug, type Identity, type Mention } from './identity.ts';
import { linkFullName, linkSurname, type Anchor, type Attestation } from './link.ts';
import { countryTable } from '../../countries.ts';
import { officeMentions, visitorMentions, COUNTERPART_OFFICES, type OfficeMention } from './mentions.ts';
import type { StateDeptRecord, TripRecord, VisitRecord } from './records.ts';
import { yearOf } from './records.ts';
import { countryCode, type Tables } from './tables.ts';

export interface Traveller {
  id: string;
  name: string;
  role: 'president' | 'secretary';
  from: number;
  to: number;
}

export interface Stop {
  eventId: string;
  travelerId: string;
  iso: string;
  start: string;
  end: string;
}

export interface ImportContext {
  tables: Tables;
  registry: IdentityRegistry;
  travellers: Map<string, Traveller>;
  presidentStops: Stop[];
  /** A trip row's id → the id of the first row with identical content (only for duplicates). */
  duplicateOf: Map<string, string>;
  /** Ids of the events this run imports (a link may only point at one of these). */
  knownEvents: Set<string>;
  /** The office and days each registered slot attests (visitors, counterparts whose country is stated). */
  attested: Map<string, Attestation & { country: string }>;
  /** Offices and days of each traveller's stops (travellers are US officials by the travels data). */
  travellerStops: Map<string, Attestation[]>;
  /** Counterparts whose country the text does not state, or named by surname: resolved after pass 1. */
  pending: PendingCounterpart[];
  /** What each counterpart slot turned out to be. */
  counterparts: Map<string, Resolved>;
  /** People of the seed articles (anchors too). */
  known: KnownPerson[];
}

interface PendingCounterpart {
  slot: string;
  name: string;
  office: string;
  stated: string | null;
  from: string;
  to: string;
}

/** A counterpart is a person (named in full, or linked to one by a rule) or stays a mention. */
export type Resolved = { kind: 'person'; identity: Identity; rule: string | null } | { kind: 'mention'; reason: string };

/** A person of the seed articles, so a visitor spelled shorter ("Bola Tinubu") joins them. */
export interface KnownPerson {
  id: string;
  name: string;
  aliases: string[];
  country: string | null;
  titles: { title: string; day: string }[];
}

export function newContext(tables: Tables, known: readonly KnownPerson[] = []): ImportContext {
  const seeded = known.filter((p): p is KnownPerson & { country: string } => p.country !== null && p.titles.length > 0);
  const entries = [
    ...tables.people,
    ...seeded.map((p) => ({
      id: p.id,
      name: p.name,
      country: p.country,
      variants: p.aliases.filter((a) => looseTokens(a).length > 1),
      records: [],
    })),
  ];
  const attestedYears = [...tables.people.map(() => []), ...seeded.map((p) => p.titles.map((t) => Number(t.day.slice(0, 4))))];
  return {
    tables,
    registry: new IdentityRegistry(entries, attestedYears),
    travellers: new Map(),
    presidentStops: [],
    duplicateOf: new Map(),
    knownEvents: new Set(),
    attested: new Map(),
    travellerStops: new Map(),
    pending: [],
    counterparts: new Map(),
    known: [...known],
  };
}

/**
 * A counterpart a trip's remarks name, with the country the text states for them (a nationality
 * before the office; never the country of the stop), or why they cannot be identified at all.
 */
export interface Counterpart {
  slot: string;
  mention: OfficeMention;
  country: string | null;
  skipped: string | null;
}

/** Words before an office that modify it rather than name a country. */
const MODIFIERS = new Set(['Acting', 'Deputy', 'First', 'Alternate', 'Interim']);
/** Styles of address before an office ("His Majesty King …"). */
const STYLES = new Set(['Majesty', 'Holiness', 'Highness']);

export function counterpartsOf(record: TripRecord, tables: Tables): Counterpart[] {
  void record.iso; // the stop's country is deliberately not a counterpart's country
  const seen = new Set<string>();
  return officeMentions(record.remarks, COUNTERPART_OFFICES).flatMap((mention, i): Counterpart[] => {
    const slot = `${record.id}#m${i + 1}`;
    const dedupe = `${mention.office}|${mention.name}`;
    if (seen.has(dedupe)) return [];
    seen.add(dedupe);
    if (/^former$/i.test(mention.qualifier ?? ''))
      return [{ slot, mention, country: null, skipped: 'a former office holder (country not stated)' }];
    if (mention.qualifier && MODIFIERS.has(mention.qualifier)) {
      // "Acting Foreign Minister X": the office is modified, the country is the stop's.
      return [{ slot, ...countryAfter({ ...mention, office: `${mention.qualifier} ${mention.office}`, qualifier: null }, tables) }];
    }
    if (mention.qualifier && STYLES.has(mention.qualifier)) return [{ slot, ...countryAfter({ ...mention, qualifier: null }, tables) }];
    if (mention.qualifier) {
      const word = mention.qualifier.replace(/\s+Authority$/, '');
      const country = countryTable().byDemonym(word)?.iso ?? null;
      if (!country)
        return [{ slot, mention, country: null, skipped: `qualifier "${mention.qualifier}" names no country in the demonym table` }];
      return [{ slot, mention, country, skipped: null }];
    }
    return [{ slot, ...countryAfter(mention, tables) }];
  });
}

/** "King Hussein of Jordan": the country the words after the name state, the mention then quoted with them. */
function countryAfter(mention: OfficeMention, tables: Tables): { mention: OfficeMention; country: string | null; skipped: null } {
  const code = mention.of && mention.withOf ? countryCode(tables.countries, slug(mention.of), mention.of) : null;
  return code
    ? { mention: { ...mention, text: mention.withOf! }, country: code, skipped: null }
    : { mention, country: null, skipped: null };
}

export function visitorSlot(record: VisitRecord, index: number): { slot: string; pins: string[] } {
  const slot = `${record.id}#v${index}`;
  return { slot, pins: index === 1 ? [record.id, `${record.id}#1`] : [`${record.id}#${index}`] };
}

function tripContent(record: TripRecord): string {
  return [
    record.traveler_id,
    record.role,
    record.country_id,
    record.country,
    record.locale,
    record.start_date,
    record.end_date,
    record.remarks,
  ].join('\u0001');
}

/** First pass: registers everything a record tells about identities. Call for every record, in file order. */
export function observe(context: ImportContext, record: StateDeptRecord, contentSeen: Map<string, string>): void {
  const year = yearOf(record);
  if (record.kind === 'visit') {
    for (const visitor of visitorMentions(record.visitor, record.title)) {
      const mention: Mention = {
        ...visitorSlot(record, visitor.index),
        name: visitor.name,
        country: record.iso,
        year,
        office: officeOf(context.tables, visitor.office),
      };
      context.registry.add(mention);
      if (mention.office)
        context.attested.set(mention.slot, { office: mention.office, from: record.start_date, to: record.end_date, country: record.iso });
    }
    return;
  }
  const stops = context.travellerStops.get(record.traveler_id) ?? [];
  stops.push({ office: record.role === 'president' ? 'President' : 'Secretary of State', from: record.start_date, to: record.end_date });
  context.travellerStops.set(record.traveler_id, stops);
  const known = context.travellers.get(record.traveler_id);
  context.travellers.set(record.traveler_id, {
    id: record.traveler_id,
    name: record.traveler,
    role: record.role,
    from: Math.min(known?.from ?? year, year),
    to: Math.max(known?.to ?? year, year),
  });
  const content = tripContent(record);
  const first = contentSeen.get(content);
  if (first) context.duplicateOf.set(record.id, first);
  else contentSeen.set(content, record.id);
  const eventRecord = first ?? record.id;
  if (record.role === 'president' && !first) {
    context.presidentStops.push({
      eventId: `event:${eventRecord}`,
      travelerId: record.traveler_id,
      iso: record.iso,
      start: record.start_date,
      end: record.end_date,
    });
  }
  for (const c of counterpartsOf(record, context.tables)) {
    if (c.skipped) continue;
    if (c.country && !isLoneName(c.mention.name)) {
      // Named in full with the country the text states: a person like a visitor.
      context.registry.add({ slot: c.slot, pins: [], name: c.mention.name, country: c.country, year, office: c.mention.office });
      context.attested.set(c.slot, { office: c.mention.office, from: record.start_date, to: record.end_date, country: c.country });
    } else {
      context.pending.push({
        slot: c.slot,
        name: c.mention.name,
        office: c.mention.office,
        stated: c.country,
        from: record.start_date,
        to: record.end_date,
      });
    }
  }
}

/**
 * A surname alone ("Obama", "al-Assad", "Arroyo-Macapagal", "al Assad"): names nobody by itself. Words
 * are counted as written (a hyphen joins), after initials and honorifics.
 */
export function isLoneName(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => looseTokens(w).length > 0);
  return words.length <= 1 || (words.length === 2 && /^(?:al|el)$/i.test(words[0]!));
}

/**
 * After pass 1: the anchors (everyone the records name and place themselves, the travellers, the
 * presidents' terms, the seed articles' people), then each pending counterpart linked to one of them,
 * made a person of its own (a full name nobody else has), or left a mention (see link.ts).
 */
export function resolveCounterparts(context: ImportContext): void {
  context.registry.finish();
  const anchors: Anchor[] = [];
  const identities = new Map<string, Identity>();
  for (const { identity, country, forms, slots } of context.registry.identities()) {
    // Counterparts named in full with their country: persons like visitors.
    for (const slot of slots) if (slot.includes('#m')) context.counterparts.set(slot, { kind: 'person', identity, rule: null });
    const attestations = slots.flatMap((slot) => context.attested.get(slot) ?? []).map(({ office, from, to }) => ({ office, from, to }));
    anchors.push({ id: identity.id, name: identity.name, country, forms, attestations });
    identities.set(identity.id, identity);
  }
  for (const traveller of context.travellers.values()) {
    const id = `person:${traveller.id}`;
    const terms = context.tables.presidents
      .filter((p) => p.id === traveller.id)
      .map((p) => ({ office: 'President', from: p.from, to: p.to }));
    const stops = (context.travellerStops.get(traveller.id) ?? []).filter((s) => s.office !== 'President');
    anchors.push({ id, name: traveller.name, country: 'US', forms: [looseTokens(traveller.name)], attestations: [...terms, ...stops] });
    identities.set(id, { id, name: traveller.name });
  }
  for (const president of context.tables.presidents) {
    const id = `person:${president.id}`;
    if (identities.has(id)) continue;
    const terms = context.tables.presidents
      .filter((p) => p.id === president.id)
      .map((p) => ({ office: 'President', from: p.from, to: p.to }));
    anchors.push({ id, name: president.name, country: 'US', forms: [looseTokens(president.name)], attestations: terms });
    identities.set(id, { id, name: president.name });
  }
  for (const person of context.known) {
    if (identities.has(person.id)) continue;
    const forms = [person.name, ...person.aliases].map(looseTokens).filter((f) => f.length > 1);
    anchors.push({
      id: person.id,
      name: person.name,
      country: person.country,
      forms,
      attestations: person.titles.map((t) => ({ office: t.title, from: t.day, to: t.day })),
    });
    identities.set(person.id, { id: person.id, name: person.name });
  }

  // Full names first: linked by name, or one person per folded name with no country.
  const own = new Map<string, { identity: Identity; anchor: Anchor }>();
  for (const p of context.pending.filter((p) => !isLoneName(p.name))) {
    const link = linkFullName(p.name, p.from, anchors);
    if (link.ok) {
      context.counterparts.set(p.slot, { kind: 'person', identity: identities.get(link.anchor.id)!, rule: null });
      continue;
    }
    const key = looseTokens(p.name).join(' ');
    let person = own.get(key);
    if (!person) {
      const identity = { id: context.registry.reserve(`person:${personSlug(p.name)}`), name: p.name };
      person = { identity, anchor: { id: identity.id, name: p.name, country: null, forms: [looseTokens(p.name)], attestations: [] } };
      own.set(key, person);
    }
    person.anchor.attestations.push({ office: p.office, from: p.from, to: p.to });
    context.counterparts.set(p.slot, { kind: 'person', identity: person.identity, rule: null });
  }
  anchors.push(...[...own.values()].map((p) => p.anchor));

  for (const p of context.pending.filter((p) => isLoneName(p.name))) {
    const link = linkSurname({ name: p.name, office: p.office, country: p.stated, day: p.from }, anchors);
    context.counterparts.set(
      p.slot,
      link.ok
        ? { kind: 'person', identity: identities.get(link.anchor.id) ?? { id: link.anchor.id, name: link.anchor.name }, rule: link.rule }
        : { kind: 'mention', reason: link.reason },
    );
  }
}

/** The office as the HOLDS title gives it: the source's spelling, typos corrected (titleSpellings). */
export function officeOf(tables: Tables, office: string | null): string | null {
  if (!office) return null;
  return tables.titleSpellings[office] ?? office;
}
