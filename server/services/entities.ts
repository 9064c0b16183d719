// An entity's profile: its properties, titles over time, events with roles, meetings, agreements,
// figures, every relationship, and the sources with the quotes that support each statement.
import type { Plain } from '../../graph/values.ts';
import type { GraphReader, Row } from '../../graph/reader.ts';
import { collectEvidence, loadQuoteBook, type Quote, type SourceSummary } from './evidence.ts';
import { resolveEntity } from './search.ts';

const RELATIONSHIP_CAP = 1000;
/** Bookkeeping properties that are not facts about the entity. */
const HIDDEN = new Set(['searchText', 'text', 'evidence', 'sources']);

type Props = Record<string, Plain>;

export interface EntityLink {
  id: string;
  type: string;
  name: string;
}

export interface EntityProfile {
  entity: { id: string; type: string; name: string; evidence: Quote[]; [property: string]: unknown };
  titles: { title: string; at: EntityLink; firstSeen: Plain; lastSeen: Plain; evidence: Quote[] }[];
  holders: { title: string; person: EntityLink; firstSeen: Plain; lastSeen: Plain; evidence: Quote[] }[];
  events: { event: Props; role: Plain; represents: Plain; officialRole: Plain; inferred: boolean; rule: Plain; evidence: Quote[] }[];
  met: { person: EntityLink; count: number; meetings: { event: string; date: Plain; datePrecision: Plain; inferred: boolean; evidence: Quote[] }[] }[];
  agreements: { agreement: Props; via: string; evidence: Quote[] }[];
  figures: { figure: Props; evidence: Quote[] }[];
  relationships: { type: string; direction: 'out' | 'in'; other: EntityLink; properties: Props; evidence: Quote[] }[];
  truncated: boolean;
  sources: SourceSummary[];
}

function visible(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !HIDDEN.has(key)));
}

function link(other: Props): EntityLink {
  return { id: other.id as string, type: String(other.type).toLowerCase(), name: other.name as string };
}

export async function getEntityProfile(reader: GraphReader, ref: string): Promise<EntityProfile> {
  const resolved = await resolveEntity(reader, ref, 'id');
  const { id } = resolved;
  // Resolving an id already read the entity; a name needs one more read.
  const entityRow = resolved.props ? { type: resolved.type, props: resolved.props } : (await reader.rows('entity', { id }))[0];
  const rels = await reader.rows('entity-relationships', { id, limit: RELATIONSHIP_CAP + 1 });
  const truncated = rels.length > RELATIONSHIP_CAP;
  const shown: Row[] = rels.slice(0, RELATIONSHIP_CAP);
  const agreementRows = String(entityRow!.type).toLowerCase() === 'person' ? await reader.rows('person-agreements', { id }) : [];

  const props = entityRow!.props as Props;
  const book = await loadQuoteBook(reader, [...collectEvidence(props), ...collectEvidence(shown), ...collectEvidence(agreementRows)]);
  const q = (p: Props) => book.quotes(p.evidence as string[] | null);

  const titles: EntityProfile['titles'] = [];
  const holders: EntityProfile['holders'] = [];
  const events: EntityProfile['events'] = [];
  const metBy = new Map<string, EntityProfile['met'][number]>();
  const agreements: EntityProfile['agreements'] = [];
  const figures: EntityProfile['figures'] = [];
  const relationships: EntityProfile['relationships'] = [];

  for (const row of shown) {
    const type = row.type as string;
    const outgoing = row.outgoing as boolean;
    const p = row.props as Props;
    const other = row.other as Props;
    const evidence = q(p);
    relationships.push({ type, direction: outgoing ? 'out' : 'in', other: link(other), properties: visible(p), evidence });
    if (type === 'HOLDS') {
      const entry = { title: p.title as string, firstSeen: p.firstSeen ?? null, lastSeen: p.lastSeen ?? null, evidence };
      if (outgoing) titles.push({ ...entry, at: link(other) });
      else holders.push({ ...entry, person: link(other) });
    } else if (type === 'PARTICIPATED_IN' && outgoing) {
      events.push({
        event: visible(other),
        role: p.role ?? null,
        represents: p.represents ?? null,
        officialRole: p.officialRole ?? null,
        inferred: p.inferred === true,
        rule: p.rule ?? null,
        evidence,
      });
    } else if (type === 'MET') {
      const key = other.id as string;
      const entry = metBy.get(key) ?? { person: link(other), count: 0, meetings: [] };
      entry.count += 1;
      entry.meetings.push({ event: p.event as string, date: p.date ?? null, datePrecision: p.datePrecision ?? null, inferred: p.inferred === true, evidence });
      metBy.set(key, entry);
    } else if (type === 'PARTY_TO' || type === 'CONCLUDED_AT') {
      agreements.push({ agreement: visible(other), via: type === 'PARTY_TO' ? 'party' : 'concluded-at', evidence });
    } else if (type === 'ABOUT' && !outgoing) {
      figures.push({ figure: visible(other), evidence });
    }
  }
  for (const row of agreementRows) {
    agreements.push({ agreement: visible(row.agreement as Props), via: `took part in ${String((row.event as Props).name)}`, evidence: q(row as Props) });
  }
  const byStart = (a: Props, b: Props) => String(a.start ?? '9999').localeCompare(String(b.start ?? '9999'));
  events.sort((a, b) => byStart(a.event, b.event));

  return {
    entity: { ...visible(props), id, type: String(entityRow!.type).toLowerCase(), name: props.name as string, evidence: q(props) },
    titles,
    holders,
    events,
    met: [...metBy.values()].sort((a, b) => b.count - a.count || a.person.name.localeCompare(b.person.name)),
    agreements,
    figures,
    relationships,
    truncated,
    sources: book.sources(),
  };
}
