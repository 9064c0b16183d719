// Where the drafter's knowledge of existing entities comes from: the graph (the same query the loader
// uses, plus each person's countries) or a set of fact files (for the leave-one-out evaluation).
import { readKnownEntities, readKnownHoldings, readPeopleCountries, type Driver } from '../../graph/store.ts';
import { readFactFile } from '../text-file.ts';
import { declaredEntities } from '../../domain/plan.ts';
import type { FactFile } from '../../domain/fact-schema.ts';
import type { KnownHolding } from './holders.ts';
import { EntityIndex, type KnownForLinking } from './link.ts';

/** Each person's countries as a fact file states them (titles held of a country, or represents). */
function personCountries(facts: FactFile): Map<string, Set<string>> {
  const countries = new Map<string, Set<string>>();
  const add = (person: string, country: string | undefined) => {
    if (!country?.startsWith('country:')) return;
    countries.set(person, (countries.get(person) ?? new Set()).add(country));
  };
  const orgCountry = new Map(facts.organizations.map((o) => [o.id, o.country]));
  for (const t of facts.titles) add(t.person, t.at.startsWith('country:') ? t.at : orgCountry.get(t.at));
  for (const e of facts.events) for (const p of e.participants) if (p.who.startsWith('person:')) add(p.who, p.represents);
  return countries;
}

export function indexFromFactFiles(paths: readonly string[]): EntityIndex {
  const index = new EntityIndex();
  for (const path of paths) {
    const parsed = readFactFile(path);
    const countries = personCountries(parsed.facts);
    for (const entity of declaredEntities(parsed)) {
      index.add({ ...entity, countries: [...(countries.get(entity.id) ?? [])] });
    }
    // Titles held of a country, attested at the article's publication date.
    const { facts } = parsed;
    const orgCountry = new Map(facts.organizations.map((o) => [o.id, o.country]));
    const names = new Map(facts.people.map((p) => [p.id, p.name]));
    for (const t of facts.titles) {
      const country = t.at.startsWith('country:') ? t.at : orgCountry.get(t.at);
      if (!country?.startsWith('country:')) continue;
      const seen = facts.source.published ?? undefined;
      index.holdings.push({
        person: t.person,
        name: names.get(t.person) ?? index.get(t.person)?.name ?? t.person,
        title: t.title,
        country: country.slice(8),
        firstSeen: seen,
        lastSeen: seen,
      });
    }
  }
  return index;
}

/** What the drafter knows of the graph, as plain data (it can be sent to a worker thread). */
export interface KnownData {
  /** Every entity, with each person's countries. */
  entities: KnownForLinking[];
  /** Every title held of a country, with the dates that attest it. */
  holdings: KnownHolding[];
}

export async function knownFromGraph(driver: Driver, database?: string): Promise<KnownData> {
  const [entities, countries, holdings] = await Promise.all([
    readKnownEntities(driver, database),
    readPeopleCountries(driver, database),
    readKnownHoldings(driver, database),
  ]);
  return { entities: entities.map((entity) => ({ ...entity, countries: countries.get(entity.id) ?? [] })), holdings };
}

/** The drafter's index of what it knows. */
export function indexOf(known: KnownData): EntityIndex {
  const index = new EntityIndex(known.entities);
  index.holdings.push(...known.holdings);
  return index;
}

export async function indexFromGraph(driver: Driver, database?: string): Promise<EntityIndex> {
  return indexOf(await knownFromGraph(driver, database));
}
