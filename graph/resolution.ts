// Clusters materialised in the graph, so every existing read query sees one person: each cluster is
// one canonical :Person:Cluster node; every relationship stated about a member is re-pointed to it
// and keeps the member's id in `statedAbout`; each member's own node is kept, exactly, as an
// :IdentityRecord (no :Entity or :Person label, so no read sees it). Undo re-splits exactly: members
// come back from their records and take back what was stated about them. MET and inferred
// participations are derived, so they are dropped and derived again for the events concerned.
//
// Writers (seed loader, importer, ingest accept) call openClusters before they MERGE and
// closeClusters after: a clustered member comes back as its own node for the write, then is folded
// in again; a person a "same" judgement names who was not in the graph yet joins the cluster then.
import type { ManagedTransaction } from 'neo4j-driver';
import type { PersonProfile } from '../domain/resolution/score.ts';
import type { GraphReader } from './reader.ts';
import { read } from './queries/read.ts';
import { cypher } from './cypher.ts';
import { addCounts, emptyCounts, runBatched, type WriteCounts } from './write-queries.ts';
import { canonicalMember, clusterIdOf, sameGroups, type MemberInfo } from '../domain/resolution/judgements.ts';

export interface ClusterSpec {
  id: string;
  members: string[];
  canonicalMember: string;
}

interface DesiredCluster extends ClusterSpec {
  /** Members that are their own nodes right now (a writer brought them out, or not folded yet). */
  live: string[];
}

async function run(tx: ManagedTransaction, name: string, params: Record<string, unknown>, counts: WriteCounts) {
  const result = await tx.run(cypher(name), params);
  const u = result.summary.counters.updates();
  addCounts(counts, {
    nodesCreated: u.nodesCreated ?? 0,
    relationshipsCreated: u.relationshipsCreated ?? 0,
    relationshipsDeleted: u.relationshipsDeleted ?? 0,
    propertiesSet: u.propertiesSet ?? 0,
  });
  return result.records;
}

const isArticleSource = (source: string) => !source.startsWith('source:state-dept-');

/** The clusters the graph's `same` judgements call for, among the people the graph has. */
export async function desiredClusters(tx: ManagedTransaction): Promise<DesiredCluster[]> {
  const judgements = (await tx.run(cypher('resolution-judgements'))).records.map((r) => ({
    a: r.get('a') as string,
    b: r.get('b') as string,
    verdict: r.get('verdict') as string,
  }));
  const groups = sameGroups(judgements.filter((j): j is typeof j & { verdict: 'same' } => j.verdict === 'same'));
  if (groups.length === 0) return [];
  const info = new Map<string, MemberInfo & { live: boolean }>();
  for (const r of (await tx.run(cypher('resolution-member-info'), { ids: groups.flat() })).records) {
    const id = r.get('id') as string;
    info.set(id, {
      id,
      name: r.get('name') as string,
      fromArticles: (r.get('sources') as string[]).some(isArticleSource),
      live: r.get('live') as boolean,
    });
  }
  const specs: DesiredCluster[] = [];
  for (const group of groups) {
    const present = group.filter((id) => info.has(id));
    if (present.length < 2) continue;
    const canonical = canonicalMember(present.map((id) => info.get(id)!));
    specs.push({
      id: clusterIdOf(canonical.id),
      members: present,
      canonicalMember: canonical.id,
      live: present.filter((id) => info.get(id)!.live),
    });
  }
  return specs;
}

export async function currentClusters(tx: ManagedTransaction): Promise<ClusterSpec[]> {
  return (await tx.run(cypher('resolution-clusters'))).records.map((r) => ({
    id: r.get('id') as string,
    members: [...(r.get('members') as string[])].sort(),
    canonicalMember: r.get('canonicalMember') as string,
  }));
}

/** Folds the live nodes of `members` into the cluster (creating it if new); returns their events. */
async function fold(tx: ManagedTransaction, spec: ClusterSpec, members: string[], counts: WriteCounts): Promise<string[]> {
  await run(tx, 'resolution-cluster-node', { cluster: spec.id, members: spec.members, canonicalMember: spec.canonicalMember }, counts);
  const recorded = await run(tx, 'resolution-record-members', { cluster: spec.id, members }, counts);
  const events = recorded.flatMap((r) => r.get('events') as string[]);
  if (recorded.length === 0) return events;
  await run(tx, 'resolution-fold-out', { cluster: spec.id, members }, counts);
  await run(tx, 'resolution-fold-in', { cluster: spec.id, members }, counts);
  await run(tx, 'resolution-drop-members', { members }, counts);
  return events;
}

/** Writes the cluster node's names, sources and evidence from its members' records. */
async function project(tx: ManagedTransaction, spec: ClusterSpec, counts: WriteCounts): Promise<void> {
  const records = new Map(
    (await tx.run(cypher('resolution-records'), { ids: spec.members })).records.map((r) => [
      r.get('id') as string,
      r.get('props') as Record<string, unknown>,
    ]),
  );
  const order = [spec.canonicalMember, ...spec.members.filter((m) => m !== spec.canonicalMember)].filter((m) => records.has(m));
  const canonical = records.get(spec.canonicalMember)!;
  const notes = [...new Set(order.map((m) => records.get(m)!.note).filter((n): n is string => typeof n === 'string'))];
  const own = new Set([
    'id',
    'name',
    'aliases',
    'sources',
    'evidence',
    'searchText',
    'note',
    'clusterId',
    'recordLabels',
    'members',
    'canonicalMember',
  ]);
  const props = Object.fromEntries(Object.entries(canonical).filter(([k]) => !own.has(k)));
  await run(
    tx,
    'resolution-reset-cluster',
    { cluster: spec.id, name: canonical.name, members: spec.members, canonicalMember: spec.canonicalMember },
    counts,
  );
  const rows = order.map((m, i) => {
    const record = records.get(m)!;
    return {
      id: spec.id,
      name: record.name,
      props: i === 0 ? { ...props, ...(notes.length ? { note: notes.join(' — ') } : {}) } : {},
      aliases: (record.aliases as string[] | undefined) ?? [],
      sources: (record.sources as string[] | undefined) ?? [],
      evidence: (record.evidence as string[] | undefined) ?? [],
    };
  });
  await runBatched(tx, 'upsert-entities', rows, { label: 'Person' }, counts);
}

/** Brings `members` of a cluster back as their own nodes; returns the events to derive again. */
async function unfold(tx: ManagedTransaction, spec: ClusterSpec, members: string[], counts: WriteCounts): Promise<string[]> {
  const [row] = await run(tx, 'resolution-cluster-events', { cluster: spec.id }, counts);
  const events = (row?.get('events') as string[] | undefined) ?? [];
  await run(tx, 'resolution-drop-derived', { cluster: spec.id }, counts);
  await run(tx, 'resolution-unfold', { cluster: spec.id, members }, counts);
  return events;
}

const sameSpec = (a: ClusterSpec, b: ClusterSpec) =>
  a.id === b.id && a.canonicalMember === b.canonicalMember && a.members.join() === b.members.join();

export interface Reconciled {
  events: string[];
  formed: string[];
  dissolved: string[];
}

/**
 * Makes the graph's clusters what its judgements call for: a cluster that changed is dissolved
 * (every member back as it was) and formed again; an unchanged one only takes back members a writer
 * brought out. Does not derive: the caller derives MET and inferred heads for `events`.
 */
export async function reconcileClusters(tx: ManagedTransaction, counts: WriteCounts = emptyCounts()): Promise<Reconciled> {
  const desired = await desiredClusters(tx);
  const current = await currentClusters(tx);
  const events = new Set<string>();
  const formed: string[] = [];
  const dissolved: string[] = [];
  for (const cluster of current) {
    if (desired.some((d) => sameSpec(d, cluster))) continue;
    for (const e of await unfold(tx, cluster, cluster.members, counts)) events.add(e);
    await run(tx, 'resolution-dissolve', { cluster: cluster.id, canonicalMember: cluster.canonicalMember }, counts);
    dissolved.push(cluster.id);
  }
  for (const spec of desired) {
    const unchanged = current.some((c) => sameSpec(c, spec));
    if (unchanged && spec.live.length === 0) continue;
    for (const e of await fold(tx, spec, unchanged ? spec.live : spec.members, counts)) events.add(e);
    await project(tx, spec, counts);
    if (!unchanged) formed.push(spec.id);
  }
  return { events: [...events], formed, dissolved };
}

export interface WriterScope {
  /** Nothing the write touches is in a cluster or judged: the write goes on as if clusters did not exist. */
  untouched: boolean;
  /** Cluster ids a fact refers to → the member each stands for (writes go to members, never to a cluster node). */
  redirect: Map<string, string>;
}

/**
 * Before a writer MERGEs: brings back as their own nodes the cluster members among `ids` (and the
 * canonical member of any cluster id among them), so the write lands on them as on any person.
 */
export async function openClusters(tx: ManagedTransaction, ids: Iterable<string>, counts: WriteCounts): Promise<WriterScope> {
  const people = [...new Set([...ids].filter((id) => id.startsWith('person:')))];
  if (people.length === 0) return { untouched: true, redirect: new Map() };
  const rows = (await tx.run(cypher('resolution-writer-scope'), { ids: people })).records;
  if (rows.length === 0) return { untouched: true, redirect: new Map() };
  const redirect = new Map<string, string>();
  const members: string[] = [];
  for (const r of rows) {
    const canonical = r.get('canonicalMember') as string | null;
    if (canonical) redirect.set(r.get('id') as string, canonical);
    if (r.get('member')) members.push(r.get('id') as string);
  }
  members.push(...redirect.values());
  await run(tx, 'resolution-materialise', { ids: [...new Set(members)] }, counts);
  return { untouched: false, redirect };
}

/** After a writer's MERGEs: folds members back and forms clusters newly possible; returns events to derive. */
export async function closeClusters(tx: ManagedTransaction, scope: WriterScope, counts: WriteCounts): Promise<string[]> {
  if (scope.untouched) return [];
  return (await reconcileClusters(tx, counts)).events;
}

/** Every person as identity resolution compares them (cypher/resolution-people.cypher). */
export async function readProfiles(reader: GraphReader): Promise<PersonProfile[]> {
  const rows = await read(reader, 'resolution-people');
  return rows.map((row) => {
    const titles = row.titles.map(({ title, at, country, from, to }) => ({ title, at, country, from, to }));
    const countries = new Set<string>();
    for (const t of titles) if (t.country) countries.add(t.country);
    for (const c of row.represents) if (c) countries.add(c);
    const years = [row.firstYear, row.lastYear, ...titles.flatMap((t) => [t.from, t.to])].filter((y): y is number => y !== null);
    const articles = row.articleSources;
    const imported = row.importSources;
    return {
      id: row.id,
      name: row.name,
      aliases: row.aliases,
      countries: [...countries].sort(),
      titles,
      years: years.length ? { from: Math.min(...years), to: Math.max(...years) } : null,
      origin: articles && imported ? 'mixed' : imported ? 'state-dept' : 'articles',
      events: row.events,
      note: row.note,
    };
  });
}
