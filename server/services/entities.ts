// An entity's profile: its properties, titles over time, events with roles, meetings, agreements,
// figures, every relationship, and the sources with the quotes that support each statement.
import type { Plain } from '../../graph/values.ts';
import type { GraphReader, Row } from '../../graph/reader.ts';
import { collectEvidence, loadQuoteBook } from './evidence.ts';
import { identitySummaries } from './identity-summary.ts';
import { resolveEntity } from './search.ts';
import type { EntityLink } from '../../domain/contracts/common.ts';
import type { ClusterInfo, EntityProfile } from '../../domain/contracts/entities.ts';

const RELATIONSHIP_CAP = 1000;
/** Bookkeeping properties that are not facts about the entity. */
const HIDDEN = new Set(['searchText', 'text', 'evidence', 'sources', 'members', 'canonicalMember']);

type Props = Record<string, Plain>;
type Event = EntityProfile['events'][number]['event'];
type Agreement = EntityProfile['agreements'][number]['agreement'];
type Figure = EntityProfile['figures'][number]['figure'];

export type { ClusterInfo, EntityLink, EntityProfile };

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
      const entry = { title: p.title as string, firstSeen: (p.firstSeen as string | null) ?? null, lastSeen: (p.lastSeen as string | null) ?? null, evidence };
      if (outgoing) titles.push({ ...entry, at: link(other) });
      else holders.push({ ...entry, person: link(other) });
    } else if (type === 'PARTICIPATED_IN' && outgoing) {
      events.push({
        event: visible(other) as Event,
        role: (p.role as string | null) ?? null,
        represents: (p.represents as string | null) ?? null,
        officialRole: (p.officialRole as string | null) ?? null,
        inferred: p.inferred === true,
        rule: (p.rule as string | null) ?? null,
        evidence,
      });
    } else if (type === 'MET') {
      const key = other.id as string;
      const entry = metBy.get(key) ?? { person: link(other), count: 0, meetings: [] };
      entry.count += 1;
      entry.meetings.push({ event: p.event as string, date: (p.date as string | null) ?? null, datePrecision: (p.datePrecision as string | null) ?? null, inferred: p.inferred === true, evidence });
      metBy.set(key, entry);
    } else if (type === 'PARTY_TO' || type === 'CONCLUDED_AT') {
      agreements.push({ agreement: visible(other) as Agreement, via: type === 'PARTY_TO' ? 'party' : 'concluded-at', evidence });
    } else if (type === 'ABOUT' && !outgoing) {
      figures.push({ figure: visible(other) as Figure, evidence });
    }
  }
  for (const row of agreementRows) {
    agreements.push({ agreement: visible(row.agreement as Props) as Agreement, via: `took part in ${String((row.event as Props).name)}`, evidence: q(row as Props) });
  }
  const cluster = Array.isArray(props.members) ? await clusterInfo(reader, props) : undefined;
  const byStart = (a: Props, b: Props) => String(a.start ?? '9999').localeCompare(String(b.start ?? '9999'));
  events.sort((a, b) => byStart(a.event, b.event));
  const summary = (await identitySummaries(reader, [id])).get(id);

  return {
    entity: { ...visible(props), id, type: String(entityRow!.type).toLowerCase(), name: props.name as string, evidence: q(props) },
    ...(resolved.resolvedFrom ? { resolvedFrom: resolved.resolvedFrom } : {}),
    ...(cluster ? { cluster } : {}),
    ...(summary ? { summary } : {}),
    titles: mergeTitles(titles),
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

async function clusterInfo(reader: GraphReader, props: Props): Promise<ClusterInfo> {
  const [row] = await reader.rows('cluster-members', { ids: props.members });
  const members = ((row?.members as Props[] | undefined) ?? []).map((m) => ({
    id: m.id as string,
    name: m.name as string,
    aliases: (m.aliases as string[]) ?? [],
    note: (m.note as string | null) ?? null,
    sources: ((m.sources as string[]) ?? []).length,
  }));
  const judgements = ((row?.judgements as Props[] | undefined) ?? []).map((j) => ({
    a: j.a as string, b: j.b as string, verdict: j.verdict as string, by: j.by as string, at: j.at as string, note: (j.note as string | null) ?? null,
  }));
  return { members: members.sort((x, y) => x.id.localeCompare(y.id)), canonicalMember: props.canonicalMember as string, judgements };
}

/**
 * One entry per title and place: a cluster holds each member's HOLDS apart (each keeps whom it was
 * stated about), but a reader sees one person holding the title, over the union of their dates.
 */
function mergeTitles(titles: EntityProfile['titles']): EntityProfile['titles'] {
  const byKey = new Map<string, EntityProfile['titles'][number]>();
  const earlier = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : String(x) < String(y) ? x : y);
  const later = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : String(x) > String(y) ? x : y);
  for (const t of titles) {
    const key = `${t.title}\u0001${t.at.id}`;
    const known = byKey.get(key);
    if (!known) byKey.set(key, { ...t, evidence: [...t.evidence] });
    else {
      known.firstSeen = earlier(known.firstSeen, t.firstSeen);
      known.lastSeen = later(known.lastSeen, t.lastSeen);
      known.evidence.push(...t.evidence.filter((q) => !known.evidence.some((k) => k.sourceId === q.sourceId && k.span.start === q.span.start)));
    }
  }
  return [...byKey.values()];
}
