// Full-text search over names and aliases, and turning what a person typed ("Kuantyrov", "KZ",
// "person:…") into exactly one entity.
import { foldName } from '../../domain/gazetteer.ts';
import { labelOf, type ApiType, ID_PATTERN } from '../../domain/model.ts';
import { BadInput, NotFound } from '../../domain/errors.ts';
import type { GraphReader } from '../../graph/reader.ts';
import type { Plain } from '../../graph/values.ts';
import { memberOfClusterId } from '../../domain/resolution/judgements.ts';

export interface SearchHit {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  score: number;
}

/**
 * Lucene query from folded tokens (letters and digits only, so nothing in it is Lucene syntax): each
 * token must match as a word, a prefix ("Kuantyr") or, from five letters, with one typo.
 */
export function luceneQuery(text: string): string | null {
  const tokens = foldName(text).split(' ').filter(Boolean).slice(0, 12);
  if (tokens.length === 0) return null;
  return tokens.map((t) => (t.length >= 5 ? `(${t}^3 OR ${t}* OR ${t}~1)` : `(${t}^3 OR ${t}*)`)).join(' AND ');
}

export async function searchEntities(reader: GraphReader, q: string, type: ApiType | undefined, limit: number): Promise<SearchHit[]> {
  const query = luceneQuery(q);
  if (!query) throw new BadInput('q: needs at least one letter or digit', 'q');
  const rows = await reader.rows('search', { query, labels: type ? [labelOf(type)] : null, limit });
  return rows.map((row) => ({
    id: row.id as string,
    type: (row.type as string).toLowerCase(),
    name: row.name as string,
    aliases: (row.aliases as string[]) ?? [],
    score: Math.round((row.score as number) * 1000) / 1000,
  }));
}

const article = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

export interface EntityRefResult {
  id: string;
  type: string;
  name: string;
  /** The entity's own properties, when resolving already read them (an id or ISO code was given). */
  props?: Record<string, Plain>;
  /** The id asked for, when it named a person now merged into this cluster. */
  resolvedFrom?: string;
}

/**
 * Resolves an id, an ISO country code or a name to one entity. A name that fits several entities is
 * refused with the candidates (two people who share a name are never silently picked between).
 */
export async function resolveEntity(reader: GraphReader, ref: string, param: string, type?: ApiType): Promise<EntityRefResult> {
  const byId = async (id: string) => {
    const [row] = await reader.rows('entity', { id });
    if (!row) return undefined;
    const props = row.props as Record<string, Plain>;
    return { id: row.id as string, type: (row.type as string).toLowerCase(), name: (props.name as string | undefined) ?? id, props };
  };
  // An id merged into a cluster stays valid: it answers with the cluster, saying so.
  const byAlias = async (id: string) => {
    const [row] = await reader.rows('entity-alias', { ids: [id, memberOfClusterId(id)].filter(Boolean) });
    if (!row) return undefined;
    const props = row.props as Record<string, Plain>;
    return { id: row.id as string, type: 'person', name: props.name as string, props, resolvedFrom: id };
  };
  if (ID_PATTERN.test(ref)) {
    const member = memberOfClusterId(ref);
    const found =
      (await byId(ref)) ??
      (ref.startsWith('person:') ? await byAlias(ref) : undefined) ??
      // A dissolved cluster's id names the member it was named after.
      (member ? await byId(member).then((m) => m && { ...m, resolvedFrom: ref }) : undefined);
    if (!found) throw new NotFound(`${param}: no entity has the id "${ref}"`);
    if (type && found.type !== type) throw new BadInput(`${param}: expected ${article(type)}, but "${ref}" is ${article(found.type)}`, param);
    return found;
  }
  if (/^[A-Za-z]{2}$/.test(ref)) {
    const country = await byId(`country:${ref.toUpperCase()}`);
    if (country && (!type || type === 'country')) return country;
  }
  const hits = await searchEntities(reader, ref, type, 10);
  const folded = foldName(ref);
  const exact = hits.filter((hit) => [hit.name, ...hit.aliases].some((name) => foldName(name) === folded));
  const pick = exact.length > 0 ? exact : hits;
  if (pick.length === 1) return { id: pick[0]!.id, type: pick[0]!.type, name: pick[0]!.name };
  if (pick.length === 0) throw new NotFound(`${param}: nothing is called "${ref}"`);
  const candidates = pick.slice(0, 5).map((hit) => `${hit.name} (${hit.id})`).join(', ');
  throw new BadInput(`${param}: "${ref}" could be ${candidates}; give an id`, param);
}
