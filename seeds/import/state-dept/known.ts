// The people of the seed articles, as the importer's identity rules see them: name, aliases, the
// country their titles are at (a country, or an organisation's country) and the day each title is
// attested (the article's publication date). Read from the fact files themselves, so a dry run needs
// no database and the result does not depend on what is loaded.
import { defaultFactFiles } from '../../loader.ts';
import { readFactFile } from '../../text-file.ts';
import type { KnownPerson } from './context.ts';

const ISO = /^country:([A-Z]{2})$/;

export function seedPeople(files: readonly string[] = defaultFactFiles()): KnownPerson[] {
  const people = new Map<string, KnownPerson>();
  for (const file of files) {
    const { facts } = readFactFile(file);
    const day = facts.source.published;
    const orgCountry = new Map(facts.organizations.map((o) => [o.id, o.country ?? null]));
    for (const p of facts.people) {
      const known = people.get(p.id) ?? { id: p.id, name: p.name, aliases: [], country: null, titles: [] };
      for (const alias of p.aliases) if (!known.aliases.includes(alias)) known.aliases.push(alias);
      people.set(p.id, known);
    }
    for (const t of facts.titles) {
      const known = people.get(t.person);
      if (!known) continue;
      const at = ISO.exec(t.at)?.[1] ?? ISO.exec(orgCountry.get(t.at) ?? '')?.[1] ?? null;
      if (at && !known.country) known.country = at;
      if (day) known.titles.push({ title: t.title, day });
    }
  }
  return [...people.values()];
}
