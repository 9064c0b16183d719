// Where the drafter's knowledge of existing entities comes from: the graph (the same query the loader
// uses, plus each person's countries) or a set of fact files (for the leave-one-out evaluation).
import type { Driver } from 'neo4j-driver';
import { cypher } from '../../server/repository/cypher.ts';
import { readFactFile } from '../fact-file.ts';
import { readKnownEntities } from '../loader.ts';
import { declaredEntities } from '../plan.ts';
import type { FactFile } from '../schema.ts';
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
  }
  return index;
}

/** The graph's entities with each person's countries, as plain data (it can be sent to a worker thread). */
export async function knownFromGraph(driver: Driver, database?: string): Promise<KnownForLinking[]> {
  const [entities, people] = await Promise.all([
    readKnownEntities(driver, database),
    driver.executeQuery(cypher('ingest-known-people'), {}, { database }),
  ]);
  const countries = new Map(people.records.map((r) => [r.get('id') as string, r.get('countries') as string[]]));
  return entities.map((entity) => ({ ...entity, countries: countries.get(entity.id) ?? [] }));
}

export async function indexFromGraph(driver: Driver, database?: string): Promise<EntityIndex> {
  return new EntityIndex(await knownFromGraph(driver, database));
}
