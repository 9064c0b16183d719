// Maps one State Department record onto the seeds' fact-file format: a Source whose text is a
// readable rendering of the row (so every quote is a verbatim part of it), and the people, countries,
// places, titles and events the row states. The result goes through the same zod schema and
// planFactFile as a curated seed file. Pure: the context comes from the first pass.
import type { z } from 'zod';
import { countryTable } from '../../countries.ts';
import type { factFileSchema } from '../../../domain/fact-schema.ts';
import type { ImportContext } from './context.ts';
import { counterpartsOf, isLoneName, officeOf, visitorSlot, type Resolved } from './context.ts';
import { nameKey, nameTokens, slug } from './identity.ts';
import { officeMentions, visitorMentions, US_OFFICES, type OfficeMention } from './mentions.ts';
import type { StateDeptRecord, TripRecord, VisitRecord } from './records.ts';
import type { President } from './tables.ts';

export type FactFileInput = z.input<typeof factFileSchema>;
type Input<K extends Exclude<keyof FactFileInput, 'source'>> = NonNullable<FactFileInput[K]>[number];
type EventInput = Input<'events'>;
type ParticipantInput = NonNullable<EventInput['participants']>[number];

export const PUBLISHER = 'U.S. Department of State, Office of the Historian';
export const US = 'country:US';
export const STATE_DEPARTMENT = 'org:us-department-of-state';

export interface MappedRecord {
  record: StateDeptRecord;
  /** The Source text every quote is cut from. */
  text: string;
  published: string | null;
  facts: FactFileInput;
  /** Places after the first, written as extra HELD_IN links (the fact format has one place per event). */
  extraPlaces: string[];
  /** The event this record is about (shared by exact duplicates). */
  eventId: string;
  /** People named in the prose but left out, with why. */
  leftOut: { text: string; reason: string }[];
  meetings: number;
}

const HEADER = {
  visit: 'Visit to the United States by a foreign leader',
  president: 'Trip abroad by the President of the United States',
  secretary: 'Trip abroad by the Secretary of State of the United States',
};

/** The Source text: a header line, then the row as "column: value" lines (empty columns left out). */
export function renderSource(record: StateDeptRecord): string {
  const header = `${record.kind === 'visit' ? HEADER.visit : HEADER[record.role]} — ${PUBLISHER.replace('U.S. Department of State, ', '')}, U.S. Department of State (${record.id}, ${record.source_id})`;
  const fields =
    record.kind === 'visit'
      ? (['visitor', 'title', 'country', 'start_date', 'end_date', 'description'] as const).map((f) => [f, record[f]] as const)
      : (['traveler', 'role', 'country', 'locale', 'start_date', 'end_date', 'remarks'] as const).map((f) => [f, record[f]] as const);
  return [header, ...fields.filter(([, value]) => value !== '').map(([field, value]) => `${field}: ${value}`)].join('\n');
}

function eventDate(record: StateDeptRecord): EventInput['date'] {
  return {
    value: record.start_date,
    ...(record.end_date !== record.start_date ? { until: record.end_date } : {}),
    quote:
      record.end_date !== record.start_date
        ? [`start_date: ${record.start_date}`, `end_date: ${record.end_date}`]
        : `start_date: ${record.start_date}`,
  };
}

function countryFact(context: ImportContext, iso: string, written: string, quote: string): Input<'countries'> {
  const name = countryTable().byCode(iso)?.name ?? written;
  return { id: `country:${iso}`, name, aliases: written !== name ? [written] : [], quote };
}

/** Declared once by dataset.yaml; records refer to them by id. */
export const DATASET_ENTITIES = [
  { id: US, label: 'Country', name: 'United States', aliases: [] },
  { id: STATE_DEPARTMENT, label: 'Organization', name: 'U.S. Department of State', aliases: [] },
] as const;

/** Adds an entity unless one with its id is there already (a person named twice in one row). */
function addOnce<T extends { id: string }>(list: T[], item: T): void {
  if (!list.some((x) => x.id === item.id)) list.push(item);
}

function person(id: string, name: string, written: string, quote: string, note?: string): Input<'people'> {
  const aliases = written !== name && nameTokens(written).length > 1 ? [written] : [];
  return { id, name, aliases, quote, ...(note ? { note } : {}) };
}

export function mapRecord(record: StateDeptRecord, context: ImportContext): MappedRecord {
  return record.kind === 'visit' ? mapVisit(record, context) : mapTrip(record, context);
}

function base(record: StateDeptRecord, title: string) {
  const text = renderSource(record);
  const published = /^\d{4}-\d{2}-\d{2}$/.test(record.start_date) ? record.start_date : null;
  const facts = {
    source: { file: `state-dept-${record.id}.txt`, title, publisher: PUBLISHER, published, junk: [] },
    people: [] as Input<'people'>[],
    organizations: [] as Input<'organizations'>[],
    countries: [] as Input<'countries'>[],
    places: [] as Input<'places'>[],
    titles: [] as Input<'titles'>[],
    events: [] as EventInput[],
  };
  return { text, published, facts };
}

function mapVisit(record: VisitRecord, context: ImportContext): MappedRecord {
  const visitors = visitorMentions(record.visitor, record.title);
  const { text, published, facts } = base(
    record,
    `Visit to the United States: ${record.title ? `${record.title} ` : ''}${record.visitor} (${record.country}), ${record.start_date}`,
  );
  const country = `country:${record.iso}`;
  facts.countries.push(countryFact(context, record.iso, record.country, `country: ${record.country}`));
  const eventId = `event:${record.id}`;
  const participants: ParticipantInput[] = [];
  const guests: { id: string; quote: string }[] = [];
  for (const visitor of visitors) {
    const identity = context.registry.resolve(visitorSlot(record, visitor.index).slot);
    const quote = visitors.length > 1 || !record.title ? visitor.text : `visitor: ${visitor.text}`;
    addOnce(facts.people, person(identity.id, identity.name, visitor.name, quote, identity.note));
    const office = officeOf(context.tables, visitor.office);
    if (office)
      facts.titles.push({ person: identity.id, at: country, title: office, quote: record.title ? `title: ${record.title}` : visitor.text });
    participants.push({ who: identity.id, role: 'guest', represents: country, quote });
    guests.push({ id: identity.id, quote });
  }
  participants.push({ who: US, role: 'host', quote: HEADER.visit });
  facts.events.push({
    id: eventId,
    kind: 'visit',
    title: `${record.title ? `${record.title} ` : ''}${record.visitor} (${record.country}) in the United States`,
    status: 'held',
    date: eventDate(record),
    participants,
    quote: HEADER.visit,
  });

  const leftOut: MappedRecord['leftOut'] = [];
  let meetings = 0;
  const met = new Set<string>();
  for (const mention of officeMentions(record.description, US_OFFICES)) {
    const official = usOfficial(mention, record, context);
    if ('reason' in official) {
      leftOut.push({ text: mention.text, reason: official.reason });
      continue;
    }
    if (met.has(official.id)) continue;
    met.add(official.id);
    addOnce(facts.people, person(official.id, official.name, mention.name, mention.text));
    facts.titles.push({ person: official.id, at: official.at, title: official.title, quote: mention.text });
    meetings++;
    facts.events.push({
      id: `${eventId}-meeting-${meetings}`,
      kind: 'meeting',
      title: `${record.visitor} meets ${mention.text}`,
      status: 'held',
      date: mention.day ? { value: dayIn(record, mention.day), quote: mention.clause } : eventDate(record),
      partOf: eventId,
      participants: [
        ...guests.map((g): ParticipantInput => ({ who: g.id, role: 'guest', represents: country, quote: g.quote })),
        { who: official.id, role: 'host', represents: US, quote: mention.text },
      ],
      quote: mention.clause,
    });
  }
  return { record, text, published, facts, extraPlaces: [], eventId, leftOut, meetings };
}

/** "December 8" in a visit that starts 1969-12-07 → 1969-12-08 (the next year if the month is well before the start). */
function dayIn(record: StateDeptRecord, [month, day]: [number, number]): string {
  const startYear = Number(record.start_date.slice(0, 4));
  const startMonth = Number(record.start_date.slice(5, 7) || '1');
  const year = month < startMonth - 6 ? startYear + 1 : startYear;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()))}`;
}

type Official = { id: string; name: string; at: string; title: string } | { reason: string };

/** A US official a visit's description names: the president in office (or elect) then, or a secretary of state of the travels data. */
function usOfficial(mention: OfficeMention, record: StateDeptRecord, context: ImportContext): Official {
  const on = mention.day ? dayIn(record, mention.day) : record.start_date;
  const surname = nameTokens(mention.name).at(-1) ?? '';
  if (mention.qualifier && mention.qualifier !== 'U.S') return { reason: `qualifier "${mention.qualifier}"` };
  if (mention.office === 'Secretary of State') {
    const year = Number(on.slice(0, 4));
    const fits = [...context.travellers.values()].filter(
      (t) => t.role === 'secretary' && nameTokens(t.name).at(-1) === surname && year >= t.from - 4 && year <= t.to + 4,
    );
    if (fits.length !== 1)
      return { reason: fits.length ? 'several secretaries of state fit' : 'no secretary of state of that name travelled then' };
    return { id: `person:${fits[0]!.id}`, name: fits[0]!.name, at: STATE_DEPARTMENT, title: 'Secretary of State' };
  }
  const president =
    mention.office === 'President-elect' ? nextPresident(context.tables.presidents, on) : presidentOn(context.tables.presidents, on);
  if (!president) return { reason: 'no president on that date in people.yaml' };
  if (nameTokens(president.name).at(-1) !== surname) return { reason: `not the president in office on ${on} (${president.name})` };
  if (mention.name.includes(' ') && nameKey(mention.name) !== nameKey(president.name) && nameTokens(mention.name).length > 1) {
    // A full name that differs from the table's ("Donald J. Trump" is fine; another person is not).
    const tokens = nameTokens(mention.name);
    if (!tokens.every((t) => nameTokens(president.name).includes(t)))
      return { reason: `not the president in office on ${on} (${president.name})` };
  }
  return { id: `person:${president.id}`, name: president.name, at: US, title: mention.office };
}

export function presidentOn(presidents: readonly President[], day: string): President | undefined {
  return presidents.find((p) => p.from <= day && day < p.to);
}

function nextPresident(presidents: readonly President[], day: string): President | undefined {
  return presidents.find((p) => p.from > day);
}

const ACCOMPANIED = /\bAccompan(?:ied|ying)\s+(?:the\s+)?(President(?:-elect)?)\s+((?:\p{Lu}[\p{L}.-]*\s+)*?\p{Lu}[\p{L}-]+)\b/u;

function mapTrip(record: TripRecord, context: ImportContext): MappedRecord {
  const office = record.role === 'president' ? 'President' : 'Secretary of State';
  const { text, published, facts } = base(record, `Trip abroad: ${office} ${record.traveler} in ${record.country}, ${record.start_date}`);
  const country = `country:${record.iso}`;
  const eventId = `event:${context.duplicateOf.get(record.id) ?? record.id}`;
  facts.countries.push(countryFact(context, record.iso, record.country, `country: ${record.country}`));
  const traveller = `person:${record.traveler_id}`;
  const travellerQuote = `traveler: ${record.traveler}`;
  facts.people.push({ id: traveller, name: record.traveler, quote: travellerQuote });
  if (record.role === 'secretary') {
    facts.titles.push({ person: traveller, at: STATE_DEPARTMENT, title: 'Secretary of State', quote: 'role: secretary' });
  } else {
    const elect = /President-elect/.exec(record.remarks);
    facts.titles.push({
      person: traveller,
      at: US,
      title: elect ? 'President-elect' : 'President',
      quote: elect ? `remarks: ${record.remarks}` : 'role: president',
    });
  }

  // Places: "London, Cornwall"; a note in brackets ("Havana (Cuba)") stays on the place it follows.
  const placeIds: string[] = [];
  if (record.locale) {
    for (const item of record.locale
      .split(/,\s*/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const bracket = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(item);
      const name = (bracket ? bracket[1]! : item).trim();
      const id = `place:${record.iso.toLowerCase()}-${slug(name) || 'unnamed'}`;
      if (name.length < 2 || placeIds.includes(id)) continue;
      placeIds.push(id);
      facts.places.push({
        id,
        name,
        kind: 'city',
        aliases: bracket ? [item] : [],
        country,
        quote: `locale: ${record.locale}`,
        ...(bracket ? { note: `the source adds "(${bracket[2]})"` } : {}),
      });
    }
  }

  const participants: ParticipantInput[] = [
    { who: traveller, role: 'guest', represents: US, quote: travellerQuote },
    { who: country, role: 'host', quote: `country: ${record.country}` },
  ];
  const leftOut: MappedRecord['leftOut'] = [];
  let partOf: string | undefined;
  const accompanied = record.role === 'secretary' ? ACCOMPANIED.exec(record.remarks) : null;
  if (accompanied) {
    const president = presidentOn(context.tables.presidents, record.start_date);
    const surname = nameTokens(accompanied[2]!).at(-1);
    if (!president || nameTokens(president.name).at(-1) !== surname) {
      leftOut.push({ text: accompanied[0], reason: 'not the president in office then' });
    } else {
      const stop = context.presidentStops.find(
        (s) => s.travelerId === president.id && s.iso === record.iso && s.start <= record.end_date && record.start_date <= s.end,
      );
      if (stop && context.knownEvents.has(stop.eventId)) {
        partOf = stop.eventId;
      } else {
        const quote = accompanied[0];
        addOnce(facts.people, person(`person:${president.id}`, president.name, accompanied[2]!, quote));
        facts.titles.push({ person: `person:${president.id}`, at: US, title: accompanied[1]!, quote });
        participants.push({ who: `person:${president.id}`, role: 'guest', represents: US, quote });
      }
    }
  }
  facts.events.push({
    id: eventId,
    kind: 'visit',
    title: `${office} ${record.traveler} in ${record.country}`,
    status: 'held',
    date: eventDate(record),
    ...(placeIds[0] ? { place: placeIds[0] } : {}),
    ...(partOf ? { partOf } : {}),
    participants,
    quote: HEADER[record.role],
  });

  let meetings = 0;
  let mentions = 0;
  for (const c of counterpartsOf(record, context.tables)) {
    const resolved: Resolved = c.skipped
      ? { kind: 'mention', reason: c.skipped }
      : (context.counterparts.get(c.slot) ?? { kind: 'mention', reason: 'not identified' });
    const n = meetings + mentions + 1;
    const meeting = {
      id: `${eventId}-meeting-${n}`,
      kind: 'meeting' as const,
      title: `${record.traveler} meets ${c.mention.text}`,
      status: 'held' as const,
      date: eventDate(record),
      partOf: eventId,
      quote: c.mention.clause,
    };
    if (resolved.kind === 'mention') {
      // The record says a meeting took place; who the counterpart was it does not say well enough.
      leftOut.push({ text: c.mention.text, reason: `kept as a mention: ${resolved.reason}` });
      mentions++;
      facts.events.push({
        ...meeting,
        participants: [{ who: traveller, role: 'guest', represents: US, quote: travellerQuote }],
        mentions: [c.mention.text],
      });
      continue;
    }
    const { identity } = resolved;
    // Country and title only where this record states both ("Russian Foreign Minister Sergei Lavrov").
    const stated = c.country ? `country:${c.country}` : undefined;
    // Named by a nationality (the demonym table names it) or after the name, as written ("of Jordan").
    if (stated && c.country !== record.iso)
      addOnce(
        facts.countries,
        countryFact(context, c.country!, countryTable().byCode(c.country!)?.name ?? c.mention.of ?? c.country!, c.mention.text),
      );
    addOnce(facts.people, person(identity.id, identity.name, c.mention.name, c.mention.text, identity.note));
    if (stated && identity.id.startsWith('person:') && !isLoneName(c.mention.name))
      facts.titles.push({ person: identity.id, at: stated, title: c.mention.office, quote: c.mention.text });
    meetings++;
    facts.events.push({
      ...meeting,
      participants: [
        { who: traveller, role: 'guest', represents: US, quote: travellerQuote },
        {
          who: identity.id,
          role: 'participant',
          ...(stated ? { represents: stated } : {}),
          ...(resolved.rule ? { linkedBy: resolved.rule } : {}),
          quote: c.mention.text,
        },
      ],
    });
  }
  return { record, text, published, facts, extraPlaces: placeIds.slice(1), eventId, leftOut, meetings };
}
