// Links drafted names to entities the graph (or other fact files) already has, by the rules:
// 1. the folded name or an alias equals a known name/alias of exactly one entity of that kind →
//    that entity (a known person serving a different country is refused: two people);
// 2. people only: the same surname (folded, or one letter apart in names of 5+ letters) and
//    compatible given names (equal, one letter apart, or an initial) and no country conflict, with
//    exactly one such candidate → that person, at lower confidence ("Tokayev"/"Tokaev");
// 3. several candidates → not linked (a new id), and the draft says which ones were possible.
import { foldName, indexByFoldedName, type KnownEntity } from '../../domain/gazetteer.ts';
import type { EntityLabel } from '../../domain/model.ts';
import type { KnownHolding } from './holders.ts';

export interface KnownForLinking extends KnownEntity {
  /** ISO codes of the countries a person acted for or holds titles of. */
  countries?: readonly string[];
}

export type LinkResult =
  { linked: true; id: string; confidence: number; why: string } | { linked: false; candidates: string[]; why: string };

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

const similar = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && editDistanceAtMostOne(a, b));

function givenNamesCompatible(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((s) => long.some((l) => similar(s, l) || (s.length === 1 && l.startsWith(s)) || (l.length === 1 && s.startsWith(l))));
}

export class EntityIndex {
  private readonly byName = new Map<string, Set<string>>();
  private readonly entities = new Map<string, KnownForLinking>();
  /** Titles known to be held of a country, with the dates that attest them (see holders.ts). */
  readonly holdings: KnownHolding[] = [];

  constructor(entities: Iterable<KnownForLinking> = []) {
    for (const e of entities) this.add(e);
  }

  add(entity: KnownForLinking): void {
    const known = this.entities.get(entity.id);
    this.entities.set(
      entity.id,
      known
        ? {
            ...known,
            aliases: [...new Set([...known.aliases, entity.name, ...entity.aliases])],
            countries: [...new Set([...(known.countries ?? []), ...(entity.countries ?? [])])],
          }
        : entity,
    );
    indexByFoldedName(this.byName, entity.id, [entity.name, ...entity.aliases]);
  }

  get(id: string): KnownForLinking | undefined {
    return this.entities.get(id);
  }

  /** Fold of every known person's name and alias (for confirming names found in text). */
  personNames(): Set<string> {
    const names = new Set<string>();
    for (const [key, ids] of this.byName) if ([...ids].some((id) => this.entities.get(id)?.label === 'Person')) names.add(key);
    return names;
  }

  private exact(names: readonly string[], label: EntityLabel): string[] {
    const ids = new Set<string>();
    for (const n of names) for (const id of this.byName.get(foldName(n)) ?? []) if (this.entities.get(id)?.label === label) ids.add(id);
    return [...ids];
  }

  link(label: EntityLabel, name: string, aliases: readonly string[] = [], country?: string): LinkResult {
    const conflict = (id: string) => {
      const countries = this.entities.get(id)?.countries ?? [];
      return Boolean(country && countries.length && !countries.includes(`country:${country}`) && !countries.includes(country));
    };
    // Rule 1: exact name or alias (full names first: a bare surname may fit several people).
    const full = this.exact([name], label).filter((id) => label !== 'Person' || !conflict(id));
    const exact = full.length
      ? full
      : this.exact([name, ...aliases.filter((a) => label !== 'Person' || /\s/.test(a))], label).filter(
          (id) => label !== 'Person' || !conflict(id),
        );
    if (exact.length === 1) return { linked: true, id: exact[0]!, confidence: 0.95, why: 'same name or alias as a known entity' };
    if (exact.length > 1)
      return { linked: false, candidates: exact, why: `the name fits several known entities (${exact.join(', ')}); not merged` };
    if (label !== 'Person') return { linked: false, candidates: [], why: 'new' };
    // Rule 2: same person spelled another way.
    const tokens = foldName(name).split(' ');
    const surname = tokens[tokens.length - 1]!;
    const given = tokens.slice(0, -1);
    const candidates = [...this.entities.values()].filter((e) => {
      if (e.label !== 'Person' || conflict(e.id)) return false;
      return [e.name, ...e.aliases].some((n) => {
        const t = foldName(n).split(' ');
        return t.length > 1 && similar(t[t.length - 1]!, surname) && givenNamesCompatible(t.slice(0, -1), given);
      });
    });
    if (candidates.length === 1)
      return { linked: true, id: candidates[0]!.id, confidence: 0.75, why: `spelled differently from "${candidates[0]!.name}"` };
    if (candidates.length > 1)
      return {
        linked: false,
        candidates: candidates.map((c) => c.id),
        why: `could be any of ${candidates.map((c) => c.id).join(', ')}; not merged`,
      };
    return { linked: false, candidates: [], why: 'new' };
  }
}
