// Who is who among people the source names without an id and places in a country itself: visitors
// (their row gives title and country) and counterparts named in full whose nationality the text
// states ("Russian Foreign Minister Sergei Lavrov"). Every other person named in the prose is linked
// to one of these, or stays a mention, by link.ts. Built in a first pass over both files, so every
// record gets the same person id whatever is imported, in whatever order. The rules, in order:
//   1. a record pinned in people.yaml (`records`) → that person;
//   2. a curated spelling (`name`/`variants`, same country, within `from`/`to`) → that person;
//   3. the same folded name in the same country → one person (folding: case, diacritics, hyphens,
//      apostrophes, initials, honorifics, a doubled word; compared loosely across transliterations:
//      y as i, kh as h, a doubled letter once);
//   4. a shorter form merges into a fuller one of the same country when its words are a subsequence
//      of the fuller name sharing its last word (a lone surname may also be the first word: "Park"
//      → "Park Chung Hee"; with a patronymic — bin, ibn — the first word must be kept, since
//      "Salman bin Abdulaziz" is the father of "Muhammad bin Salman bin Abdulaziz"), the fuller name
//      is attested within 8 years of the shorter one, and exactly one person fits; otherwise apart;
//   5. a visitor named by a lone surname that rule 4 cannot place is one person per country and
//      office, for visits no more than 8 years apart.
import { foldName } from '../../../domain/gazetteer.ts';
import { nameTokens } from '../../../domain/name-tokens.ts';
import type { PersonEntry } from './tables.ts';

export const PERIOD_YEARS = 8;

export { nameTokens };

export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
}

/** A name word as compared across transliterations: y as i, kh as h, a doubled letter once ("Sergey" = "Sergei"). */
function looseToken(token: string): string {
  return token.replace(/kh/g, 'h').replace(/y/g, 'i').replace(/(.)\1/g, '$1');
}

/** The words of a name as compared between records: folded (nameTokens) and transliteration-loose. */
export function looseTokens(name: string): string[] {
  return nameTokens(name).map(looseToken);
}

function looseKey(name: string): string {
  return looseTokens(name).join(' ');
}

export function slug(text: string): string {
  return foldName(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The slug of a person's name: its compared words ("Mikhail S. Gorbachev" → "mikhail-gorbachev"). */
export function personSlug(name: string): string {
  return slug(nameTokens(name).join(' ')) || slug(name);
}

export interface Mention {
  /** Where it was named: "visit-379#v2", "trip-4113#m1". */
  slot: string;
  /** The visit record's pin form ("visit-379#2", or "visit-379" for its only/first visitor). */
  pins: string[];
  name: string;
  country: string;
  year: number;
  office: string | null;
}

export interface Identity {
  id: string;
  name: string;
  note?: string;
}

interface Group {
  key: string;
  country: string;
  /** Token lists of every form of this person (a curated entry has several). */
  forms: string[][];
  years: number[];
  /** Years known from outside the records (seed articles). */
  attested: number[];
  spellings: Map<string, number>;
  entry?: PersonEntry;
  office: string | null;
  slots: string[];
  parent?: Group;
}

/** A surname alone: one word, or a family name with its article ("al-Khalifa"). */
function isLoneSurname(tokens: readonly string[]): boolean {
  return tokens.length === 1 || (tokens.length === 2 && (tokens[0] === 'al' || tokens[0] === 'el'));
}

/** Words that join a name to a father's name: "Abdullah II ibn Al Hussein" is not a Hussein. */
const PATRONYMIC = new Set(['bin', 'ibn', 'bint', 'ould']);

/** `short` is a shorter form of `long`: its words in order, sharing the last word (or, alone, the first). */
export function isSubForm(short: readonly string[], long: readonly string[]): boolean {
  if (short.length >= long.length) return false;
  if (short[0] !== long[0] && long.some((t) => PATRONYMIC.has(t))) return false;
  const single = short.length === 1;
  if (short.at(-1) !== long.at(-1) && !(single && short[0] === long[0])) return false;
  let i = 0;
  for (const token of long) if (token === short[i]) i++;
  return i === short.length;
}

function range(years: number[]): [number, number] {
  return [Math.min(...years), Math.max(...years)];
}

export class IdentityRegistry {
  private readonly groups = new Map<string, Group>();
  private readonly bySlot = new Map<string, Identity>();
  private readonly entryGroups: Group[] = [];
  private finished = false;

  private readonly used = new Set<string>();

  /**
   * `attested[i]`: years in which entries[i] is known from elsewhere (a seed article), so a shorter
   * form of its name merges into it by rule 4 although no record names it in full.
   */
  constructor(
    private readonly entries: readonly PersonEntry[],
    attested: readonly number[][] = [],
  ) {
    entries.forEach((entry, i) => {
      const group: Group = {
        key: `entry:${i}`,
        country: entry.country,
        forms: [entry.name, ...entry.variants].map(looseTokens),
        years: [],
        attested: attested[i] ?? [],
        spellings: new Map(),
        entry,
        office: null,
        slots: [],
      };
      this.groups.set(group.key, group);
      this.entryGroups.push(group);
    });
  }

  add(mention: Mention): void {
    if (this.finished) throw new Error('the identity registry is already resolved');
    const tokens = looseTokens(mention.name);
    const key = tokens.join(' ');
    const inPeriod = (entry: PersonEntry) =>
      (entry.from === undefined || mention.year >= entry.from) && (entry.to === undefined || mention.year <= entry.to);
    const group =
      this.entryGroups.find((g) => g.country === mention.country && g.entry!.records.some((r) => mention.pins.includes(r))) ??
      this.entryGroups.find((g) => g.country === mention.country && inPeriod(g.entry!) && matchForms(g.entry!).includes(key)) ??
      this.plainGroup(mention, tokens, key);
    group.years.push(mention.year);
    group.spellings.set(mention.name, (group.spellings.get(mention.name) ?? 0) + 1);
    group.slots.push(mention.slot);
  }

  private plainGroup(mention: Mention, tokens: string[], key: string): Group {
    const office = isLoneSurname(tokens) ? (mention.office ?? '') : null;
    const groupKey = `${mention.country}|${key}${office === null ? '' : `|${office}`}`;
    let group = this.groups.get(groupKey);
    if (!group) {
      group = {
        key: groupKey,
        country: mention.country,
        forms: [tokens],
        years: [],
        attested: [],
        spellings: new Map(),
        office,
        slots: [],
      };
      this.groups.set(groupKey, group);
    }
    return group;
  }

  /** Applies rules 4 and 5 and assigns ids; call once, after every mention was added. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const root = (g: Group): Group => (g.parent ? root(g.parent) : g);
    const all = [...this.groups.values()].filter((g) => g.years.length + g.attested.length > 0);
    const plain = all.filter((g) => !g.entry);
    plain.sort((a, b) => b.forms[0]!.length - a.forms[0]!.length || (a.key < b.key ? -1 : 1));
    // Rule 4, longest names first so a chain (Menem → Carlos Menem → Carlos Saul Menem) ends at the fullest.
    for (const group of plain) {
      // A lone family name with its article ("al-Khalifa", "al-Thani") names a dynasty, not a person.
      if (group.forms[0]!.length === 2 && isLoneSurname(group.forms[0]!)) continue;
      const [from, to] = range([...group.years, ...group.attested]);
      const targets = new Set<Group>();
      for (const other of all) {
        if (other === group || other.country !== group.country || (!other.entry && other.office !== null)) continue;
        if (!other.forms.some((form) => isSubForm(group.forms[0]!, form))) continue;
        const [oFrom, oTo] = range([...other.years, ...other.attested]);
        if (oTo < from - PERIOD_YEARS || oFrom > to + PERIOD_YEARS) continue;
        targets.add(root(other));
      }
      if (targets.size === 1) group.parent = [...targets][0]!;
    }
    const unique = (id: string) => this.reserve(id);
    const ordered = all.filter((g) => !g.parent).sort((a, b) => Number(!a.entry) - Number(!b.entry) || (a.key < b.key ? -1 : 1));
    // Curated people first, so their ids are never taken by a derived one.
    const byGroup = new Map<Group, (year: number) => Identity>();
    for (const group of ordered) {
      if (group.entry) {
        const entry = group.entry;
        const identity: Identity = {
          id: unique(entry.id ?? `person:${entry.country.toLowerCase()}-${personSlug(entry.name)}`),
          name: entry.name,
          ...(entry.note ? { note: entry.note } : {}),
        };
        byGroup.set(group, () => identity);
        continue;
      }
      const name = displayName(group, this.groups);
      if (group.office === null) {
        const identity: Identity = { id: unique(`person:${group.country.toLowerCase()}-${personSlug(name)}`), name };
        byGroup.set(group, () => identity);
        continue;
      }
      // Rule 5: a lone surname, one person per run of mentions no more than PERIOD_YEARS apart.
      const runs: number[][] = [];
      for (const year of [...new Set(group.years)].sort((a, b) => a - b)) {
        const last = runs.at(-1);
        if (last && year - last.at(-1)! <= PERIOD_YEARS) last.push(year);
        else runs.push([year]);
      }
      const base = `person:${group.country.toLowerCase()}-${personSlug(name)}${group.office ? `-${slug(group.office)}` : ''}`;
      const note = `Named by surname only in the source${group.office ? ` ("${group.office} ${name}")` : ''}; mentions no more than ${PERIOD_YEARS} years apart are taken as one person.`;
      const identities = runs.map((run): Identity => ({ id: unique(runs.length > 1 ? `${base}-${run[0]}` : base), name, note }));
      byGroup.set(
        group,
        (year) =>
          identities[
            Math.max(
              0,
              runs.findIndex((run) => run.includes(year)),
            )
          ]!,
      );
    }
    for (const group of all) {
      const pick = byGroup.get(root(group))!;
      group.slots.forEach((slot, i) => this.bySlot.set(slot, pick(group.years[i]!)));
    }
  }

  /** Claims `id`, or `id-2`, `id-3`… when taken, so a person made later never takes an id in use. */
  reserve(id: string): string {
    let candidate = id;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${id}-${n}`;
    this.used.add(candidate);
    return candidate;
  }

  /** Every person the registry found, with the slots that name them. */
  identities(): { identity: Identity; country: string; forms: string[][]; slots: string[] }[] {
    if (!this.finished) this.finish();
    const byId = new Map<string, { identity: Identity; country: string; forms: string[][]; slots: string[] }>();
    const root = (g: Group): Group => (g.parent ? root(g.parent) : g);
    for (const group of this.groups.values()) {
      for (const slot of group.slots) {
        const identity = this.bySlot.get(slot)!;
        const entry = byId.get(identity.id) ?? { identity, country: root(group).country, forms: [], slots: [] };
        for (const form of group.forms) if (!entry.forms.some((f) => f.join(' ') === form.join(' '))) entry.forms.push(form);
        entry.slots.push(slot);
        byId.set(identity.id, entry);
      }
    }
    return [...byId.values()];
  }

  resolve(slot: string): Identity {
    if (!this.finished) this.finish();
    const identity = this.bySlot.get(slot);
    if (!identity) throw new Error(`no identity was registered for ${slot}`);
    return identity;
  }

  /** How many distinct people the registry found. */
  people(): number {
    if (!this.finished) this.finish();
    return new Set([...this.bySlot.values()].map((i) => i.id)).size;
  }
}

/** Forms a curated entry matches by spelling: a pinned entry only by its explicit variants. */
function matchForms(entry: PersonEntry): string[] {
  return (entry.records.length ? entry.variants : [entry.name, ...entry.variants]).map(looseKey);
}

/** The most frequent spelling among the group and those merged into it (the first seen on a tie). */
function displayName(group: Group, groups: Map<string, Group>): string {
  const spellings = new Map(group.spellings);
  for (const other of groups.values()) {
    let g: Group | undefined = other.parent;
    while (g && g !== group) g = g.parent;
    if (g === group && other.forms[0]!.length >= group.forms[0]!.length)
      for (const [name, n] of other.spellings) spellings.set(name, (spellings.get(name) ?? 0) + n);
  }
  let best = '';
  let count = 0;
  for (const [name, n] of spellings) if (n > count) [best, count] = [name, n];
  return best;
}
