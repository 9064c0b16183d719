// Resolves references in fact files: an id, an ISO country code, or a name/alias that belongs to
// exactly one entity. Two people who share a name are two entries, so a bare name that fits both is
// refused as ambiguous instead of being merged.
import { ID_PATTERN, labelOfId, type EntityLabel } from './model.ts';

export interface KnownEntity {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: readonly string[];
}

/** Case-, diacritic- and punctuation-insensitive form of a name ("N’Guesso" → "nguesso"). */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** One word of a name as search compares it, and the single letters it was joined from, if any. */
export interface SearchTerm {
  word: string;
  initials: string[];
}

/**
 * The folded words of a name as search compares them: initials joined ("George H.W. Bush",
 * "George H. W. Bush" and "George HW Bush" all give "george hw bush").
 */
export function searchTerms(name: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let initials = false; // the last term is a run of single letters
  for (const word of foldName(name).split(' ').filter(Boolean)) {
    const letter = word.length === 1 && /\p{L}/u.test(word);
    if (letter && initials) {
      const last = terms[terms.length - 1]!;
      last.word += word;
      last.initials.push(word);
    } else terms.push({ word, initials: letter ? [word] : [] });
    initials = letter;
  }
  return terms;
}

export function searchWords(name: string): string[] {
  return searchTerms(name).map((t) => t.word);
}

/** Adds `id` under the folded form of each of its names (the index a name look-up reads). */
export function indexByFoldedName(index: Map<string, Set<string>>, id: string, names: Iterable<string>): void {
  for (const name of names) {
    const key = foldName(name);
    if (!key) continue;
    const ids = index.get(key) ?? new Set<string>();
    ids.add(id);
    index.set(key, ids);
  }
}

export type Resolution = { ok: true; id: string; label: EntityLabel } | { ok: false; message: string };

export class Gazetteer {
  private readonly byId = new Map<string, KnownEntity>();
  private readonly byName = new Map<string, Set<string>>();

  add(entity: KnownEntity): void {
    const known = this.byId.get(entity.id);
    const merged: KnownEntity = known ? { ...known, aliases: [...new Set([...known.aliases, entity.name, ...entity.aliases])] } : entity;
    this.byId.set(entity.id, merged);
    indexByFoldedName(this.byName, entity.id, [entity.name, ...entity.aliases]);
  }

  /** An independent copy: a file's declarations go into a copy that is kept only if the file loads. */
  clone(): Gazetteer {
    const copy = new Gazetteer();
    for (const [id, entity] of this.byId) copy.byId.set(id, entity);
    for (const [name, ids] of this.byName) copy.byName.set(name, new Set(ids));
    return copy;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): KnownEntity | undefined {
    return this.byId.get(id);
  }

  /** Resolves `ref` to one entity whose label is among `expected`. */
  resolve(ref: string, expected: readonly EntityLabel[]): Resolution {
    const wanted = expected.join(' or ');
    let id: string | undefined;
    if (ID_PATTERN.test(ref)) {
      id = ref;
      if (!this.byId.has(id)) return { ok: false, message: `refers to "${ref}", which no fact file or the graph declares` };
    } else if (/^[A-Z]{2}$/.test(ref) && this.byId.has(`country:${ref}`)) {
      id = `country:${ref}`;
    } else {
      const ids = [...(this.byName.get(foldName(ref)) ?? [])].filter((candidate) => expected.includes(this.byId.get(candidate)!.label));
      if (ids.length === 0) return { ok: false, message: `refers to "${ref}", which matches no ${wanted} by name or alias` };
      if (ids.length > 1) {
        return { ok: false, message: `refers to "${ref}", which is ambiguous (${ids.join(', ')}); use an id` };
      }
      id = ids[0]!;
    }
    const label = labelOfId(id) ?? this.byId.get(id)!.label;
    if (!expected.includes(label)) return { ok: false, message: `refers to "${ref}", a ${label}, but expected a ${wanted}` };
    return { ok: true, id, label };
  }
}
