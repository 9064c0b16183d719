// Full-text search over names and aliases, and turning what a person typed ("Kuantyrov", "KZ",
// "person:…") into exactly one entity.
import { foldName, searchTerms, searchWords, type SearchTerm } from '../../domain/gazetteer.ts';
import { identitySummaries } from './identity-summary.ts';
import { labelOf, type ApiType, ID_PATTERN } from '../../domain/model.ts';
import { BadInput, NotFound } from '../../domain/errors.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read } from '../../graph/queries/read.ts';
import type { Plain } from '../../graph/values.ts';
import type { SearchHit } from '../../domain/contracts/entities.ts';
import { memberOfClusterId } from '../../domain/resolution/judgements.ts';

export type { SearchHit };

/**
 * Words the full-text analyzer drops from names ("Ministry of Foreign Affairs"): Lucene's English
 * stop words. Asked for, they would match nothing and, joined with AND, make the whole query fail.
 */
export const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
]);

function queryTerms(text: string): SearchTerm[] {
  const terms = searchTerms(text);
  const content = terms.filter((t) => !STOP_WORDS.has(t.word));
  return (content.length ? content : terms).slice(0, 12);
}

/**
 * Lucene query from folded words (letters and digits only, so nothing in it is Lucene syntax): each
 * word must match as a word, a prefix ("Kuantyr") or, from five letters, with one typo. Stop words
 * are left out; initials are one word ("H. W." → "hw"), or the letters apart as a name may store
 * them ("Robert J. L. Hawke").
 */
export function luceneQuery(text: string): string | null {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  return terms
    .map(({ word: t, initials }) => {
      if (initials.length > 1) return `(${t}^3 OR ${t}* OR (${initials.join(' AND ')}))`;
      return t.length >= 5 ? `(${t}^3 OR ${t}* OR ${t}~1)` : `(${t}^3 OR ${t}*)`;
    })
    .join(' AND ');
}

/** Candidates read for ranking: enough that an exact name is among them however many events match. */
export const SEARCH_FETCH = 300;

/**
 * How well a hit answers what was typed, best first: 0 its name or an alias exactly (folded, initials
 * joined); 1 the same without stop words; 2 every word typed is a whole word of a name; 3 a partial
 * match. Events come after every person, organisation, country and place, whatever their match: they
 * are found through their participants' names and must not crowd them out.
 */
export function searchRank(q: string, hit: Pick<SearchHit, 'type' | 'name' | 'aliases'>): number {
  const typed = searchWords(q);
  const typedKey = typed.join(' ');
  const typedContent = typed.filter((w) => !STOP_WORDS.has(w));
  const names = [hit.name, ...hit.aliases].map(searchWords);
  let rank = 3;
  if (names.some((n) => n.join(' ') === typedKey)) rank = 0;
  else if (names.some((n) => n.filter((w) => !STOP_WORDS.has(w)).join(' ') === typedContent.join(' '))) rank = 1;
  else if (names.some((n) => typedContent.every((w) => n.includes(w)))) rank = 2;
  return (hit.type === 'event' ? 4 : 0) + rank;
}

export async function searchEntities(
  reader: GraphReader,
  q: string,
  type: ApiType | undefined,
  limit: number,
  withSummaries = true,
): Promise<SearchHit[]> {
  const query = luceneQuery(q);
  if (!query) throw new BadInput('q: needs at least one letter or digit', 'q');
  const rows = await read(reader, 'search', { query, labels: type ? [labelOf(type)] : null, fetch: SEARCH_FETCH });
  const hits = rows.map((row, order) => {
    const hit: SearchHit = {
      id: row.id,
      type: row.type.toLowerCase(),
      name: row.name,
      aliases: row.aliases,
      score: Math.round(row.score * 1000) / 1000,
    };
    return { hit, rank: searchRank(q, hit), order };
  });
  hits.sort((a, b) => a.rank - b.rank || a.order - b.order);
  const top = hits.slice(0, limit).map((h) => h.hit);
  if (!withSummaries) return top;
  const summaries = await identitySummaries(
    reader,
    top.filter((h) => h.type === 'person').map((h) => h.id),
  );
  for (const hit of top) {
    const summary = summaries.get(hit.id);
    if (summary) hit.summary = summary;
  }
  return top;
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
    const [row] = await read(reader, 'entity', { id });
    if (!row) return undefined;
    const { props } = row;
    return { id: row.id, type: row.type.toLowerCase(), name: typeof props.name === 'string' ? props.name : id, props };
  };
  // An id merged into a cluster stays valid: it answers with the cluster, saying so.
  const byAlias = async (id: string) => {
    const [row] = await read(reader, 'entity-alias', { ids: [id, memberOfClusterId(id)].filter(Boolean) });
    if (!row) return undefined;
    const { props } = row;
    return { id: row.id, type: 'person', name: String(props.name), props, resolvedFrom: id };
  };
  if (ID_PATTERN.test(ref)) {
    const member = memberOfClusterId(ref);
    const found =
      (await byId(ref)) ??
      (ref.startsWith('person:') ? await byAlias(ref) : undefined) ??
      // A dissolved cluster's id names the member it was named after.
      (member ? await byId(member).then((m) => m && { ...m, resolvedFrom: ref }) : undefined);
    if (!found) throw new NotFound(`${param}: no entity has the id "${ref}"`);
    if (type && found.type !== type)
      throw new BadInput(`${param}: expected ${article(type)}, but "${ref}" is ${article(found.type)}`, param);
    return found;
  }
  if (/^[A-Za-z]{2}$/.test(ref)) {
    const country = await byId(`country:${ref.toUpperCase()}`);
    if (country && (!type || type === 'country')) return country;
  }
  const hits = await searchEntities(reader, ref, type, 10, false);
  const folded = foldName(ref);
  const exact = hits.filter((hit) => [hit.name, ...hit.aliases].some((name) => foldName(name) === folded));
  const pick = exact.length > 0 ? exact : hits;
  if (pick.length === 1) return { id: pick[0]!.id, type: pick[0]!.type, name: pick[0]!.name };
  if (pick.length === 0) throw new NotFound(`${param}: nothing is called "${ref}"`);
  const candidates = pick
    .slice(0, 5)
    .map((hit) => `${hit.name} (${hit.id})`)
    .join(', ');
  throw new BadInput(`${param}: "${ref}" could be ${candidates}; give an id`, param);
}
