// An entity's profile: its properties, titles over time, events with roles, meetings, agreements,
// figures, every relationship, and the sources with the quotes that support each statement.
import type { Plain } from '../../graph/values.ts';
import { textProp, type Props } from '../../graph/queries/columns.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read } from '../../graph/queries/read.ts';
import { collectEvidence, loadQuoteBook } from './evidence.ts';
import { identitySummaries } from './identity-summary.ts';
import { resolveEntity } from './search.ts';
import type { EntityLink } from '../../domain/contracts/common.ts';
import type { ClusterInfo, EntityProfile } from '../../domain/contracts/entities.ts';

const RELATIONSHIP_CAP = 1000;
/** Bookkeeping properties that are not facts about the entity. */
const HIDDEN = new Set(['searchText', 'text', 'evidence', 'sources', 'members', 'canonicalMember']);

type Event = EntityProfile['events'][number]['event'];
type Agreement = EntityProfile['agreements'][number]['agreement'];
type Figure = EntityProfile['figures'][number]['figure'];

export type { ClusterInfo, EntityLink, EntityProfile };

function visible(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !HIDDEN.has(key)));
}

function link(other: { id: string; type: string; name: string }): EntityLink {
  return { id: other.id, type: other.type.toLowerCase(), name: other.name };
}

export async function getEntityProfile(reader: GraphReader, ref: string): Promise<EntityProfile> {
  const resolved = await resolveEntity(reader, ref, 'id');
  const { id } = resolved;
  // Resolving an id already read the entity; a name needs one more read.
  const entityRow = resolved.props ? { type: resolved.type, props: resolved.props } : (await read(reader, 'entity', { id }))[0];
  const rels = await read(reader, 'entity-relationships', { id, limit: RELATIONSHIP_CAP + 1 });
  const truncated = rels.length > RELATIONSHIP_CAP;
  const shown = rels.slice(0, RELATIONSHIP_CAP);
  const agreementRows = entityRow!.type.toLowerCase() === 'person' ? await read(reader, 'person-agreements', { id }) : [];

  const props = entityRow!.props;
  const book = await loadQuoteBook(reader, [...collectEvidence(props), ...collectEvidence(shown), ...collectEvidence(agreementRows)]);
  const q = (p: { evidence?: Plain }) => book.quotes(p.evidence);

  const titles: EntityProfile['titles'] = [];
  const holders: EntityProfile['holders'] = [];
  const events: EntityProfile['events'] = [];
  const metBy = new Map<string, EntityProfile['met'][number]>();
  const agreements: EntityProfile['agreements'] = [];
  const figures: EntityProfile['figures'] = [];
  const relationships: EntityProfile['relationships'] = [];

  for (const row of shown) {
    const { type, outgoing, props: p, other } = row;
    const evidence = q(p);
    relationships.push({ type, direction: outgoing ? 'out' : 'in', other: link(other), properties: visible(p), evidence });
    if (type === 'HOLDS') {
      const entry = { title: String(p.title), firstSeen: textProp(p.firstSeen), lastSeen: textProp(p.lastSeen), evidence };
      if (outgoing) titles.push({ ...entry, at: link(other) });
      else holders.push({ ...entry, person: link(other) });
    } else if (type === 'PARTICIPATED_IN' && outgoing) {
      events.push({
        event: visible(other) as Event,
        role: textProp(p.role),
        represents: textProp(p.represents),
        officialRole: textProp(p.officialRole),
        inferred: p.inferred === true,
        rule: textProp(p.rule),
        evidence,
      });
    } else if (type === 'MET') {
      const key = other.id;
      const entry = metBy.get(key) ?? { person: link(other), count: 0, meetings: [] };
      entry.count += 1;
      entry.meetings.push({
        event: String(p.event),
        date: textProp(p.date),
        datePrecision: textProp(p.datePrecision),
        inferred: p.inferred === true,
        evidence,
      });
      metBy.set(key, entry);
    } else if (type === 'PARTY_TO' || type === 'CONCLUDED_AT') {
      agreements.push({ agreement: visible(other) as Agreement, via: type === 'PARTY_TO' ? 'party' : 'concluded-at', evidence });
    } else if (type === 'ABOUT' && !outgoing) {
      figures.push({ figure: visible(other) as Figure, evidence });
    }
  }
  for (const row of agreementRows) {
    agreements.push({
      agreement: visible(row.agreement) as Agreement,
      via: `took part in ${String(row.event.name)}`,
      evidence: book.quotes(row.evidence),
    });
  }
  const cluster = Array.isArray(props.members) ? await clusterInfo(reader, props) : undefined;
  const byStart = (a: Props, b: Props) => String(a.start ?? '9999').localeCompare(String(b.start ?? '9999'));
  events.sort((a, b) => byStart(a.event, b.event));
  const summary = (await identitySummaries(reader, [id])).get(id);

  return {
    entity: { ...visible(props), id, type: entityRow!.type.toLowerCase(), name: String(props.name), evidence: q(props) },
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
  const [row] = await read(reader, 'cluster-members', { ids: props.members });
  const members = (row?.members ?? []).map((m) => ({
    id: m.id,
    name: m.name,
    aliases: m.aliases,
    note: m.note,
    sources: m.sources.length,
  }));
  const judgements = (row?.judgements ?? []).map((j) => ({ a: j.a, b: j.b, verdict: j.verdict, by: j.by, at: j.at, note: j.note }));
  return { members: members.sort((x, y) => x.id.localeCompare(y.id)), canonicalMember: String(props.canonicalMember), judgements };
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
      known.evidence.push(
        ...t.evidence.filter((q) => !known.evidence.some((k) => k.sourceId === q.sourceId && k.span.start === q.span.start)),
      );
    }
  }
  return [...byKey.values()];
}
