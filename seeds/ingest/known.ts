// Where the drafter's knowledge of existing entities comes from: the graph (the same query the loader
// uses, plus each person's countries) or a set of fact files (for the leave-one-out evaluation).
import type { Driver } from 'neo4j-driver';
import { cypher } from '../../server/repository/cypher.ts';
import { readFactFile } from '../fact-file.ts';
import { readKnownEntities } from '../loader.ts';
import { declaredEntities } from '../plan.ts';
import type { FactFile } from '../schema.ts';
import { EntityIndex } from './link.ts';

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
      index.holdings.push({ person: t.person, name: names.get(t.person) ?? index.get(t.person)?.name ?? t.person, title: t.title, country: country.slice(8), firstSeen: seen, lastSeen: seen });
    }
  }
  return index;
}

export async function indexFromGraph(driver: Driver, database?: string): Promise<EntityIndex> {
  const [entities, people, holdings] = await Promise.all([
    readKnownEntities(driver, database),
    driver.executeQuery(cypher('ingest-known-people'), {}, { database }),
    driver.executeQuery(cypher('ingest-known-holdings'), {}, { database }),
  ]);
  const countries = new Map(people.records.map((r) => [r.get('id') as string, r.get('countries') as string[]]));
  const index = new EntityIndex();
  for (const entity of entities) index.add({ ...entity, countries: countries.get(entity.id) ?? [] });
  const text = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 10) : undefined);
  for (const r of holdings.records) {
    index.holdings.push({ person: r.get('person') as string, name: r.get('name') as string, title: r.get('title') as string, country: r.get('country') as string, firstSeen: text(r.get('firstSeen')), lastSeen: text(r.get('lastSeen')) });
  }
  return index;
}
