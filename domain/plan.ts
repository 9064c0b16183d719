// Compiles one validated fact file into the rows the writer sends to Neo4j. Pure: no I/O, no
// database. Every quote is located in the cleaned article text (its span becomes the evidence); a
// quote that is not there, or a reference that does not resolve, is a problem and the file is refused.
import { FactFileError, type FactProblem } from './fact-errors.ts';
import type { ParsedFactFile, PathSegment } from './fact-file.ts';
import { pathToString } from './fact-file.ts';
import { Gazetteer, type KnownEntity } from './gazetteer.ts';
import type { EntityLabel, RelationshipType } from './model.ts';
import { sourceIdOf } from './model.ts';
import type { EventFact } from './fact-schema.ts';
import { CalendarDay, dateRange, type Precision } from './period.ts';
import { evidenceKey, locateQuote, type CleanSource } from './source-text.ts';

export interface Evidenced {
  sources: string[];
  evidence: string[];
}

export interface EntityRow extends Evidenced {
  id: string;
  /** Kept from the first file that names the entity; other spellings become aliases. */
  name: string;
  props: Record<string, unknown>;
  aliases: string[];
}

export interface EventDateRow {
  start: CalendarDay;
  end: CalendarDay;
  precision: Precision;
  text: string;
  basis: string;
}

export interface EventRow extends Evidenced {
  id: string;
  name: string;
  status: string;
  props: Record<string, unknown>;
  date: EventDateRow | null;
}

export interface LinkRow extends Evidenced {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface TitleRow extends Evidenced {
  person: string;
  at: string;
  title: string;
  asOf: CalendarDay | null;
}

export interface ParticipationRow extends Evidenced {
  who: string;
  event: string;
  role: string;
  represents: string | null;
  officialRole: string | null;
  delegation: boolean;
  // Absent (null) unless a rule identified the person.
  linkedBy?: string | null;
}

/** Relationships a fact file states directly (HOLDS and PARTICIPATED_IN have rows of their own; MET is derived). */
export type LinkType = Exclude<RelationshipType, 'HOLDS' | 'PARTICIPATED_IN' | 'MET'>;

export interface WritePlan {
  file: string;
  source: { id: string; props: Record<string, unknown> };
  entities: Map<Exclude<EntityLabel, 'Event'>, EntityRow[]>;
  events: EventRow[];
  links: Map<LinkType, LinkRow[]>;
  titles: TitleRow[];
  participations: ParticipationRow[];
  eventIds: string[];
}

function compact(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined && value !== null));
}

/** Adds every entity a fact file declares to the gazetteer (so later references resolve). */
export function declaredEntities(parsed: ParsedFactFile): KnownEntity[] {
  const { facts } = parsed;
  return [
    ...facts.people.map((p) => ({ id: p.id, label: 'Person' as const, name: p.name, aliases: p.aliases })),
    ...facts.organizations.map((o) => ({ id: o.id, label: 'Organization' as const, name: o.name, aliases: o.aliases })),
    ...facts.countries.map((c) => ({ id: c.id, label: 'Country' as const, name: c.name, aliases: c.aliases })),
    ...facts.places.map((p) => ({ id: p.id, label: 'Place' as const, name: p.name, aliases: p.aliases })),
    ...facts.events.map((e) => ({ id: e.id, label: 'Event' as const, name: e.title, aliases: [] })),
    ...facts.agreements.map((a) => ({ id: a.id, label: 'Agreement' as const, name: a.title, aliases: [] })),
    ...facts.figures.map((f) => ({ id: f.id, label: 'Figure' as const, name: f.label, aliases: [] })),
  ];
}

/**
 * Builds the write plan for one file. `known` holds the entities already in the graph; the file's own
 * declarations are added to it. Throws FactFileError listing every problem found.
 */
export function planFactFile(parsed: ParsedFactFile, source: CleanSource, known: Gazetteer): WritePlan {
  const { facts, file } = parsed;
  const problems: FactProblem[] = [];
  const problem = (path: PathSegment[], message: string) =>
    problems.push({ file, line: parsed.lineAt(path), path: pathToString(path), message });

  const sourceId = sourceIdOf(facts.source.file);
  const published = facts.source.published;
  if (published !== source.headerDate) {
    problem(['source', 'published'], `says ${published ?? 'null'} but the article's header says ${source.headerDate ?? 'nothing'}`);
  }
  for (const entity of declaredEntities(parsed)) known.add(entity);

  const evidenceFor = (quote: string | string[], path: PathSegment[]): Evidenced => {
    const list = Array.isArray(quote) ? quote : [quote];
    const evidence: string[] = [];
    list.forEach((text, index) => {
      const span = locateQuote(source.text, text);
      const at = Array.isArray(quote) ? [...path, 'quote', index] : [...path, 'quote'];
      if (span) evidence.push(evidenceKey(sourceId, span));
      else problem(at, `quote not found verbatim in ${facts.source.file}: "${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`);
    });
    return { sources: [sourceId], evidence };
  };
  const ref = (value: string, expected: readonly EntityLabel[], path: PathSegment[]): string => {
    const resolution = known.resolve(value, expected);
    if (resolution.ok) return resolution.id;
    problem(path, resolution.message);
    return value;
  };

  const entities: WritePlan['entities'] = new Map();
  const addEntity = (label: Exclude<EntityLabel, 'Event'>, row: EntityRow) => entities.set(label, [...(entities.get(label) ?? []), row]);
  const links: WritePlan['links'] = new Map();
  const addLink = (type: LinkType, row: LinkRow) => links.set(type, [...(links.get(type) ?? []), row]);

  facts.people.forEach((p, i) => {
    const at: PathSegment[] = ['people', i];
    addEntity('Person', { id: p.id, name: p.name, props: compact({ note: p.note }), aliases: p.aliases, ...evidenceFor(p.quote, at) });
  });
  facts.organizations.forEach((o, i) => {
    const at: PathSegment[] = ['organizations', i];
    const evidence = evidenceFor(o.quote, at);
    addEntity('Organization', { id: o.id, name: o.name, props: compact({ kind: o.kind, note: o.note }), aliases: o.aliases, ...evidence });
    if (o.country) addLink('BASED_IN', { from: o.id, to: ref(o.country, ['Country'], [...at, 'country']), props: {}, ...evidence });
    if (o.partOf) addLink('PART_OF', { from: o.id, to: ref(o.partOf, ['Organization'], [...at, 'partOf']), props: {}, ...evidence });
  });
  facts.countries.forEach((c, i) => {
    const iso2 = c.id.slice('country:'.length);
    addEntity('Country', {
      id: c.id,
      name: c.name,
      props: compact({ iso2, note: c.note }),
      aliases: [iso2, ...c.aliases],
      ...evidenceFor(c.quote, ['countries', i]),
    });
  });
  facts.places.forEach((p, i) => {
    const at: PathSegment[] = ['places', i];
    const evidence = evidenceFor(p.quote, at);
    addEntity('Place', { id: p.id, name: p.name, props: compact({ kind: p.kind, note: p.note }), aliases: p.aliases, ...evidence });
    if (p.country) addLink('IN', { from: p.id, to: ref(p.country, ['Country'], [...at, 'country']), props: {}, ...evidence });
  });

  const titles: TitleRow[] = facts.titles.map((t, i) => {
    const at: PathSegment[] = ['titles', i];
    return {
      person: ref(t.person, ['Person'], [...at, 'person']),
      at: ref(t.at, ['Organization', 'Country'], [...at, 'at']),
      title: t.title,
      asOf: published ? CalendarDay.fromIso(published) : null,
      ...evidenceFor(t.quote, at),
    };
  });

  const participations: ParticipationRow[] = [];
  const events: EventRow[] = facts.events.map((e, i) => {
    const at: PathSegment[] = ['events', i];
    const evidence = evidenceFor(e.quote, at);
    if (e.place) addLink('HELD_IN', { from: e.id, to: ref(e.place, ['Place'], [...at, 'place']), props: {}, ...evidence });
    if (e.partOf) addLink('PART_OF', { from: e.id, to: ref(e.partOf, ['Event'], [...at, 'partOf']), props: {}, ...evidence });
    e.participants.forEach((p, j) => {
      const pAt: PathSegment[] = [...at, 'participants', j];
      const who = ref(p.who, ['Person', 'Organization', 'Country'], [...pAt, 'who']);
      if (p.delegation && who.startsWith('person:'))
        problem([...pAt, 'delegation'], 'only an organisation or a country can be a delegation');
      participations.push({
        who,
        event: e.id,
        role: p.role,
        represents: p.represents ? ref(p.represents, ['Country'], [...pAt, 'represents']) : null,
        officialRole: p.officialRole ?? null,
        delegation: p.delegation,
        linkedBy: p.linkedBy ?? null,
        ...evidenceFor(p.quote, pAt),
      });
    });
    // The sentence that dates the event is evidence for it too, and so is each mention as written.
    const dated = e.date ? evidenceFor(e.date.quote, [...at, 'date']).evidence : [];
    const mentioned = (e.mentions ?? []).flatMap((m, j) => evidenceFor(m, [...at, 'mentions', j]).evidence);
    return {
      id: e.id,
      status: e.status,
      name: e.title,
      props: compact({ kind: e.kind, note: e.note, mentions: e.mentions?.length ? e.mentions : undefined }),
      date: eventDate(e),
      sources: evidence.sources,
      evidence: [...new Set([...evidence.evidence, ...dated, ...mentioned])],
    };
  });

  facts.agreements.forEach((a, i) => {
    const at: PathSegment[] = ['agreements', i];
    const evidence = evidenceFor(a.quote, at);
    addEntity('Agreement', {
      id: a.id,
      name: a.title,
      props: compact({ kind: a.kind, status: a.status, date: a.date, note: a.note }),
      aliases: [],
      ...evidence,
    });
    a.parties.forEach((party, j) =>
      addLink('PARTY_TO', { from: ref(party, ['Organization', 'Country'], [...at, 'parties', j]), to: a.id, props: {}, ...evidence }),
    );
    if (a.concludedAt)
      addLink('CONCLUDED_AT', { from: a.id, to: ref(a.concludedAt, ['Event'], [...at, 'concludedAt']), props: {}, ...evidence });
  });
  facts.figures.forEach((f, i) => {
    const at: PathSegment[] = ['figures', i];
    const evidence = evidenceFor(f.quote, at);
    addEntity('Figure', {
      id: f.id,
      name: f.label,
      props: compact({ value: f.value, unit: f.unit, qualifier: f.qualifier, period: f.period, change: f.change, note: f.note }),
      aliases: [],
      ...evidence,
    });
    f.about.forEach((target, j) =>
      addLink('ABOUT', {
        from: f.id,
        to: ref(target, ['Country', 'Organization', 'Place', 'Person', 'Event'], [...at, 'about', j]),
        props: {},
        ...evidence,
      }),
    );
  });
  facts.memberships.forEach((m, i) => {
    const at: PathSegment[] = ['memberships', i];
    addLink('MEMBER_OF', {
      from: ref(m.member, ['Country', 'Organization'], [...at, 'member']),
      to: ref(m.of, ['Organization'], [...at, 'of']),
      props: {},
      ...evidenceFor(m.quote, at),
    });
  });

  if (problems.length > 0) throw new FactFileError(file, problems);
  return {
    file,
    source: {
      id: sourceId,
      props: compact({
        file: facts.source.file,
        title: facts.source.title,
        publisher: facts.source.publisher,
        published: published ? CalendarDay.fromIso(published) : undefined,
        dateline: facts.source.dateline,
        text: source.text,
      }),
    },
    entities,
    events,
    links,
    titles,
    participations,
    eventIds: events.map((e) => e.id),
  };
}

function eventDate(e: EventFact): EventDateRow | null {
  if (!e.date) return null;
  const range = dateRange(e.date.value, e.date.until);
  return { ...range, text: e.date.until ? `${e.date.value}/${e.date.until}` : e.date.value, basis: e.date.basis };
}
