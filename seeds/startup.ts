// Seeding at start-up: load the fact files unless exactly these files (and the loader's Cypher) were
// already loaded, so a second `npm start` takes seconds. `npm run seed` always loads.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCypherNames, cypher } from '../graph/cypher.ts';
import { readSeedFingerprint, saveSeedFingerprint, type Driver } from '../graph/store.ts';
import { defaultFactFiles, loadFactFiles, SOURCES_DIR } from './loader.ts';

/** A hash of every fact file, every article and every Cypher file: any change means reload. */
export function seedFingerprint(files = defaultFactFiles()): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    hash.update(file.split('/').pop()!).update(text);
    const article = /file:\s*(\S+\.txt)/.exec(text)?.[1];
    if (article) hash.update(readFileSync(join(SOURCES_DIR, article)));
  }
  for (const name of allCypherNames().sort()) hash.update(name).update(cypher(name));
  return hash.digest('hex');
}

export async function seedAtStartup(driver: Driver, database: string | undefined, log: (line: string) => void): Promise<void> {
  const fingerprint = seedFingerprint();
  if ((await readSeedFingerprint(driver, database)) === fingerprint) {
    log('seeds: unchanged since they were last loaded, not reloaded (npm run seed reloads them)');
    return;
  }
  const summary = await loadFactFiles({ driver, database, log });
  const refused = summary.files.filter((f) => !f.loaded).length;
  log(`seeds: ${summary.files.length - refused} loaded, ${refused} refused`);
  if (refused === 0) await saveSeedFingerprint(driver, database, fingerprint);
}
