// Accepted articles on disk, under DATA_DIR/accepted — never in the code tree, so a reviewed article
// survives a reinstall and the code can be read-only:
//   accepted/sources/NNN_<slug>.txt     the article as stored (with its " date" header)
//   accepted/facts/NNN_<slug>.yaml      its reviewed fact file
//   accepted/choices/NNN_<slug>.json  the reviewer's keep/replace choices, when there were any
// `npm start` loads them after the curated seeds, in number order. Names are the server's: a number
// after every curated and accepted file, and a slug of lower-case letters, digits and hyphens; what a
// client sends as a file name only suggests the slug.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { FACTS_DIR } from '../loader.ts';
import type { FactFile } from '../../domain/fact-schema.ts';
import type { Choice } from '../../domain/accept-changes.ts';

export interface AcceptedStore {
  /** DATA_DIR/accepted */
  root: string;
  factsDir: string;
  sourcesDir: string;
  choicesDir: string;
  /** Numbers already used by the curated seeds (accepted files are numbered after them). */
  curatedDir: string;
}

export function acceptedStore(dataDir: string, curatedDir = FACTS_DIR): AcceptedStore {
  const root = join(dataDir, 'accepted');
  return { root, factsDir: join(root, 'facts'), sourcesDir: join(root, 'sources'), choicesDir: join(root, 'choices'), curatedDir };
}

/** "Kz–NG Talks (draft) 2025.txt" → "kz-ng-talks-draft-2025": at most 60 characters, never empty. */
export function nameSlug(suggested: string | undefined): string {
  const slug = (suggested ?? '')
    .replace(/\.txt$/i, '')
    .replace(/^\d+_/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'article';
}

const numberOf = (file: string) => /^(\d+)_/.exec(file)?.[1];
const listing = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/** The next free "NNN_slug": numbered after every file in `dirs` (the curated and the accepted ones). */
export function nextName(dirs: readonly string[], slug: string, skip = 0): string {
  const used = dirs.flatMap(listing).map(numberOf).filter(Boolean).map(Number);
  const next = (used.length ? Math.max(...used) + 1 : 0) + skip;
  return `${String(next).padStart(3, '0')}_${slug}`;
}

const writeAtomically = (path: string, text: string) => {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
};

/** Writes the article, its facts and the choices under `name`; returns the paths relative to DATA_DIR. */
export function keepAccepted(
  store: AcceptedStore,
  name: string,
  facts: FactFile,
  raw: string,
  choices: readonly Choice[],
): { factFile: string; source: string } {
  for (const dir of [store.factsDir, store.sourcesDir, store.choicesDir]) mkdirSync(dir, { recursive: true });
  writeAtomically(join(store.sourcesDir, `${name}.txt`), raw);
  writeAtomically(join(store.factsDir, `${name}.yaml`), stringify(facts, { lineWidth: 0 }));
  if (choices.length) writeAtomically(join(store.choicesDir, `${name}.json`), `${JSON.stringify(choices, null, 2)}\n`);
  return { factFile: `accepted/facts/${name}.yaml`, source: `accepted/sources/${name}.txt` };
}

/** Removes what keepAccepted wrote (the graph write after it failed). */
export function dropAccepted(store: AcceptedStore, name: string): void {
  rmSync(join(store.sourcesDir, `${name}.txt`), { force: true });
  rmSync(join(store.factsDir, `${name}.yaml`), { force: true });
  rmSync(join(store.choicesDir, `${name}.json`), { force: true });
}

/** The accepted fact files, in the order they load. */
export function acceptedFactFiles(store: AcceptedStore): string[] {
  return listing(store.factsDir)
    .filter((file) => /^\d+_[a-z0-9-]+\.yaml$/.test(file))
    .sort()
    .map((file) => join(store.factsDir, file));
}

/** The choices kept with an accepted file (none when its accept changed nothing that existed). */
export function readChoices(store: AcceptedStore, name: string): Choice[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(store.choicesDir, `${name}.json`), 'utf8'));
    return Array.isArray(parsed)
      ? (parsed as Choice[]).filter(
          (d) => d && typeof d.id === 'string' && typeof d.property === 'string' && (d.choice === 'keep' || d.choice === 'replace'),
        )
      : [];
  } catch {
    return [];
  }
}
