// What the mapping needs to know beyond one record, gathered in the first pass over both files:
// who is who (IdentityRegistry), the travellers, the presidents' stops (for "Accompanied President
// X") and exact duplicate trip rows (one event, two sources).
import { IdentityRegistry, type Mention } from './identity.ts';
import { countryTable } from '../../countries.ts';
import { officeMentions, visitorMentions, COUNTERPART_OFFICES, type OfficeMention } from './mentions.ts';
import type { StateDeptRecord, TripRecord, VisitRecord } from './records.ts';
import { yearOf } from './records.ts';
import type { Tables } from './tables.ts';

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
}

export function newContext(tables: Tables): ImportContext {
  return { tables, registry: new IdentityRegistry(tables.people), travellers: new Map(), presidentStops: [], duplicateOf: new Map(), knownEvents: new Set() };
}

/** A counterpart a trip's remarks name, with the country they act for, or why it was left out. */
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
  const seen = new Set<string>();
  return officeMentions(record.remarks, COUNTERPART_OFFICES).flatMap((mention, i): Counterpart[] => {
    const slot = `${record.id}#m${i + 1}`;
    const dedupe = `${mention.office}|${mention.name}`;
    if (seen.has(dedupe)) return [];
    seen.add(dedupe);
    if (/^former$/i.test(mention.qualifier ?? '')) return [{ slot, mention, country: null, skipped: 'a former office holder (country not stated)' }];
    if (mention.qualifier && MODIFIERS.has(mention.qualifier)) {
      // "Acting Foreign Minister X": the office is modified, the country is the stop's.
      return [{ slot, mention: { ...mention, office: `${mention.qualifier} ${mention.office}`, qualifier: null }, country: record.iso, skipped: null }];
    }
    if (mention.qualifier && STYLES.has(mention.qualifier)) return [{ slot, mention: { ...mention, qualifier: null }, country: record.iso, skipped: null }];
    if (mention.qualifier) {
      const word = mention.qualifier.replace(/\s+Authority$/, '');
      const country = countryTable().byDemonym(word)?.iso ?? null;
      if (!country) return [{ slot, mention, country: null, skipped: `qualifier "${mention.qualifier}" names no country in the demonym table` }];
      if (country === 'US') return [{ slot, mention, country: null, skipped: 'a US official named in prose' }];
      return [{ slot, mention, country, skipped: null }];
    }
    return [{ slot, mention, country: record.iso, skipped: null }];
  });
}

export function visitorSlot(record: VisitRecord, index: number): { slot: string; pins: string[] } {
  const slot = `${record.id}#v${index}`;
  return { slot, pins: index === 1 ? [record.id, `${record.id}#1`] : [`${record.id}#${index}`] };
}

function tripContent(record: TripRecord): string {
  return [record.traveler_id, record.role, record.country_id, record.country, record.locale, record.start_date, record.end_date, record.remarks].join('\u0001');
}

/** First pass: registers everything a record tells about identities. Call for every record, in file order. */
export function observe(context: ImportContext, record: StateDeptRecord, contentSeen: Map<string, string>): void {
  const year = yearOf(record);
  if (record.kind === 'visit') {
    for (const visitor of visitorMentions(record.visitor, record.title)) {
      const mention: Mention = { ...visitorSlot(record, visitor.index), name: visitor.name, country: record.iso, year, office: officeOf(context.tables, visitor.office) };
      context.registry.add(mention);
    }
    return;
  }
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
    context.presidentStops.push({ eventId: `event:${eventRecord}`, travelerId: record.traveler_id, iso: record.iso, start: record.start_date, end: record.end_date });
  }
  for (const c of counterpartsOf(record, context.tables)) {
    if (c.skipped || !c.country) continue;
    context.registry.add({ slot: c.slot, pins: [], name: c.mention.name, country: c.country, year, office: c.mention.office });
  }
}

/** The office as the HOLDS title gives it: the source's spelling, typos corrected (titleSpellings). */
export function officeOf(tables: Tables, office: string | null): string | null {
  if (!office) return null;
  return tables.titleSpellings[office] ?? office;
}
