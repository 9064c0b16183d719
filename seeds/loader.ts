// Loads curated fact files into Neo4j: validate (zod) → check quotes and resolve references → write in
// one transaction per file. A refused file writes nothing; the others still load. Idempotent.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { FactFileError, formatProblem, type FactProblem } from '../domain/fact-errors.ts';
import { Gazetteer } from '../domain/gazetteer.ts';
import { planFactFile } from '../domain/plan.ts';
import { cleanSourceText } from '../domain/source-text.ts';
import { applySchema } from '../graph/database.ts';
import { inWriteTransaction, readGraphCounts, readKnownEntities, resetGraph, type Driver } from '../graph/store.ts';
import { addCounts, emptyCounts, writePlan, type WriteCounts } from '../graph/writer.ts';
import { readFactFile, readTextFile } from './text-file.ts';

export const SEEDS_DIR = fileURLToPath(new URL('.', import.meta.url));
export const FACTS_DIR = join(SEEDS_DIR, 'facts');
export const SOURCES_DIR = join(SEEDS_DIR, 'sources');

export interface FileOutcome {
  file: string;
  loaded: boolean;
  counts: WriteCounts;
  problems: FactProblem[];
  ms: number;
}

export interface LoadSummary {
  files: FileOutcome[];
  totals: WriteCounts;
  graph: { kind: string; name: string; count: number }[];
}

export interface LoadOptions {
  driver: Driver;
  database?: string | undefined;
  /** Fact files to load; default: every .yaml in seeds/facts, in name order. */
  files?: string[];
  /** Where the articles are; default seeds/sources. */
  sourcesDir?: string;
  reset?: boolean;
  /** Validate and plan only; write nothing. */
  dryRun?: boolean;
  log?: (line: string) => void;
}

export function defaultFactFiles(dir = FACTS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** The entities already in the graph, so fact files can refer to them by id or alias. */
async function knownEntities(driver: Driver, database?: string): Promise<Gazetteer> {
  const gazetteer = new Gazetteer();
  for (const entity of await readKnownEntities(driver, database)) gazetteer.add(entity);
  return gazetteer;
}

export async function loadFactFiles(options: LoadOptions): Promise<LoadSummary> {
  const { driver, database } = options;
  const log = options.log ?? (() => {});
  const files = options.files ?? defaultFactFiles();
  if (options.reset && !options.dryRun) {
    await resetGraph(driver, database);
    log('database emptied (--reset)');
  }
  await applySchema(driver, database);
  let gazetteer = await knownEntities(driver, database);
  const outcomes: FileOutcome[] = [];
  const totals = emptyCounts();

  for (const path of files) {
    const started = Date.now();
    const file = basename(path);
    try {
      const parsed = readFactFile(path);
      const raw = readTextFile(join(options.sourcesDir ?? SOURCES_DIR, parsed.facts.source.file));
      const candidate = gazetteer.clone();
      const plan = planFactFile(parsed, cleanSourceText(raw, parsed.facts.source.junk), candidate);
      const counts = options.dryRun ? emptyCounts() : await inWriteTransaction(driver, database, (tx) => writePlan(tx, plan));
      addCounts(totals, counts);
      gazetteer = candidate;
      const outcome = { file, loaded: true, counts, problems: [], ms: Date.now() - started };
      outcomes.push(outcome);
      log(
        `${options.dryRun ? 'checked' : 'loaded '} ${file}: ${counts.nodesCreated} nodes and ` +
          `${counts.relationshipsCreated} relationships created, ${counts.propertiesSet} properties set (${outcome.ms} ms)`,
      );
    } catch (error) {
      const problems =
        error instanceof FactFileError
          ? error.problems
          : [
              {
                file,
                path: '',
                message:
                  (error as NodeJS.ErrnoException).code === 'ENOENT' ? `cannot read ${(error as Error).message}` : (error as Error).message,
              },
            ];
      outcomes.push({ file, loaded: false, counts: emptyCounts(), problems, ms: Date.now() - started });
      log(`REFUSED ${file}: nothing from it was written`);
      for (const p of problems) log(`  - ${formatProblem(p)}`);
    }
  }
  return { files: outcomes, totals, graph: await readGraphCounts(driver, database) };
}
