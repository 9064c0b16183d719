// Seeding at start-up: load the fact files, then the accepted articles (DATA_DIR/accepted, in number
// order, each with its reviewer's choices), unless exactly these files (and the loader's Cypher) were
// already loaded, so a second `npm start` takes seconds. `npm run seed` always loads.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCypherNames, cypher } from '../graph/cypher.ts';
import { readSeedFingerprint, saveSeedFingerprint, type Driver } from '../graph/store.ts';
import { acceptedFactFiles, readChoices, type AcceptedStore } from './ingest/accepted-store.ts';
import { loadAccepted } from './ingest/accept.ts';
import { defaultFactFiles, loadFactFiles, SOURCES_DIR } from './loader.ts';

function hashFiles(
  hash: ReturnType<typeof createHash>,
  files: readonly string[],
  sourcesDir: string,
  extra: (name: string) => string | undefined = () => undefined,
): void {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = file.split('/').pop()!;
    hash
      .update(name)
      .update(text)
      .update(extra(name) ?? '');
    const article = /file:\s*(\S+\.txt)/.exec(text)?.[1];
    if (article) hash.update(readFileSync(join(sourcesDir, article)));
  }
}

/** A hash of every fact file, every article, every accepted file with its choices and every Cypher file: any change means reload. */
export function seedFingerprint(files = defaultFactFiles(), accepted?: AcceptedStore): string {
  const hash = createHash('sha256');
  hashFiles(hash, files, SOURCES_DIR);
  if (accepted) {
    hash.update('accepted');
    hashFiles(hash, acceptedFactFiles(accepted), accepted.sourcesDir, (name) =>
      JSON.stringify(readChoices(accepted, name.replace(/\.yaml$/, ''))),
    );
  }
  for (const name of allCypherNames().sort()) hash.update(name).update(cypher(name));
  return hash.digest('hex');
}

export async function seedAtStartup(
  driver: Driver,
  database: string | undefined,
  log: (line: string) => void,
  accepted?: AcceptedStore,
): Promise<void> {
  const fingerprint = seedFingerprint(defaultFactFiles(), accepted);
  if ((await readSeedFingerprint(driver, database)) === fingerprint) {
    log('seeds: unchanged since they were last loaded, not reloaded (npm run seed reloads them)');
    return;
  }
  const summary = await loadFactFiles({ driver, database, log });
  let refused = summary.files.filter((f) => !f.loaded).length;
  log(`seeds: ${summary.files.length - refused} loaded, ${refused} refused`);
  const files = accepted ? acceptedFactFiles(accepted) : [];
  if (accepted && files.length) {
    const loaded = await loadAccepted(driver, database, accepted, files, (name) => readChoices(accepted, name), log);
    refused += loaded.refused;
    log(`accepted articles: ${loaded.loaded} loaded, ${loaded.refused} refused (${accepted.root})`);
  }
  if (refused === 0) await saveSeedFingerprint(driver, database, fingerprint);
}
