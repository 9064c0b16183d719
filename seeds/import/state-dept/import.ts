// The State Department import: two passes over the two CSV files, streamed.
//   1. read and validate every row (zod, the country table), and learn who is who (identity.ts);
//   2. map each record to a fact file, validate it with the seeds' zod schema, plan it with
//      planFactFile (quotes located in the record's Source text, references checked), and write the
//      plans in batches of `batchSize` records, one transaction per batch (batch.ts).
// Bad input: by default any invalid row stops the import before anything is written, listing every
// problem as file:line (field); with `skipInvalid` those rows are skipped and reported. A batch that
// fails to plan or write writes nothing (its transaction rolls back).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inWriteTransaction, type Driver } from '../../../graph/store.ts';
import { FactFileError, formatProblem } from '../../../domain/fact-errors.ts';
import type { ParsedFactFile } from '../../../domain/fact-file.ts';
import { readFactFile } from '../../text-file.ts';
import { loadFactFiles } from '../../loader.ts';
import { cleanSourceText } from '../../../domain/source-text.ts';
import { readTextFile } from '../../text-file.ts';
import { Gazetteer } from '../../../domain/gazetteer.ts';
import { planFactFile, type WritePlan } from '../../../domain/plan.ts';
import { factFileSchema } from '../../../domain/fact-schema.ts';
import { addCounts, emptyCounts, type WriteCounts } from '../../../graph/writer.ts';
import { addPlan, emptyBatch, writeBatch, type Batch } from '../../../graph/batch.ts';
import { csvRows } from '../csv-rows.ts';
import { Progress } from '../progress.ts';
import { newContext, observe, resolveCounterparts, type ImportContext, type KnownPerson } from './context.ts';
import { seedPeople } from './known.ts';
import { DATASET_ENTITIES, mapRecord, type MappedRecord } from './map.ts';
import { formatRowProblem, readRecord, type RowProblem } from './records.ts';
import { loadTables, TABLES_DIR, type Tables } from './tables.ts';

export const REPO_DIR = fileURLToPath(new URL('../../../', import.meta.url));
/** The data lives beside the repository: ../shared/data/state-dept. */
export const DEFAULT_DIR = resolve(REPO_DIR, '..', 'shared', 'data', 'state-dept');
export const FILES = ['visits.csv', 'trips.csv'] as const;

export interface ImportOptions {
  /** Absent for a dry run that needs no database. */
  driver?: Driver;
  database?: string | undefined;
  dir?: string;
  /** Import only the first N rows of each file (identities are still learned from all rows). */
  limit?: number;
  dryRun?: boolean;
  skipInvalid?: boolean;
  batchSize?: number;
  tables?: Tables;
  /** People already known from the seed articles (default: read from seeds/facts). */
  known?: KnownPerson[];
  /** Progress lines; null for none (tests). */
  progress?: NodeJS.WriteStream | null;
  log?: (line: string) => void;
  /** Called with every record's plan, in file order (tests read the mapping through it). */
  onPlan?: (plan: WritePlan, mapped: MappedRecord) => void;
}

export interface SkippedRecord {
  file: string;
  line: number;
  id: string | null;
  problems: string[];
}

export interface ImportSummary {
  read: number;
  imported: number;
  /** Rows identical to an earlier row: imported as a second source of the same event. */
  duplicates: number;
  skipped: SkippedRecord[];
  /** People named in the prose but not imported, by reason. */
  leftOut: Record<string, number>;
  meetings: number;
  batches: number;
  counts: WriteCounts;
  /** Distinct person ids among the imported records. */
  people: number;
  countries: number;
  ms: number;
  rowsPerSecond: number;
  dryRun: boolean;
}

export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(`${message}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Pass 1: validates every row, learns identities; returns how many rows are in scope, and the problems. */
async function firstPass(dir: string, context: ImportContext, limit: number | undefined) {
  const problems: RowProblem[] = [];
  const ids = new Map<string, string>();
  let inScope = 0;
  let read = 0;
  const contentSeen = new Map<string, string>();
  for (const file of FILES) {
    let n = 0;
    for await (const row of csvRows(join(dir, file))) {
      n++;
      const scoped = limit === undefined || n <= limit;
      if (scoped) read++;
      const result = readRecord(row, context.tables.countries);
      if (!result.ok) {
        if (scoped) problems.push(...result.problems);
        continue;
      }
      const { record } = result;
      const earlier = ids.get(record.id);
      if (earlier) {
        if (scoped) problems.push({ file: row.file, line: row.line, field: 'id', message: `${record.id} is also the id of ${earlier}` });
        continue;
      }
      ids.set(record.id, `${row.file}:${row.line}`);
      observe(context, record, contentSeen);
      if (scoped) {
        inScope++;
        if (record.kind === 'trip') context.knownEvents.add(`event:${context.duplicateOf.get(record.id) ?? record.id}`);
      }
    }
  }
  resolveCounterparts(context);
  return { problems, inScope, read };
}

export const DATASET_FILE = join(TABLES_DIR, 'dataset.yaml');

/**
 * Loads dataset.yaml (the United States and its Department of State, stated once) through the seed
 * loader itself; in a dry run only validates and plans it.
 */
async function loadDataset(driver: Driver | undefined, database: string | undefined, dryRun: boolean): Promise<WriteCounts> {
  if (dryRun || !driver) {
    const parsed = readFactFile(DATASET_FILE);
    planFactFile(parsed, cleanSourceText(readTextFile(join(TABLES_DIR, parsed.facts.source.file))), new Gazetteer());
    return emptyCounts();
  }
  const summary = await loadFactFiles({ driver, database, files: [DATASET_FILE], sourcesDir: TABLES_DIR });
  const outcome = summary.files[0]!;
  if (!outcome.loaded)
    throw new ImportRefused('seeds/import/state-dept/dataset.yaml was refused; nothing was imported:', outcome.problems.map(formatProblem));
  return outcome.counts;
}

/** Validates a mapped record with the seeds' schema and plans it like a seed file. */
export function planRecord(mapped: MappedRecord, context: ImportContext): WritePlan {
  const { record } = mapped;
  const parsed = factFileSchema.safeParse(mapped.facts);
  if (!parsed.success) {
    throw new FactFileError(
      record.file,
      parsed.error.issues.map((i) => ({ file: record.file, line: record.line, path: i.path.join('.'), message: i.message })),
    );
  }
  const file: ParsedFactFile = { file: record.file, facts: parsed.data, lineAt: () => record.line };
  // Each record is planned against what it declares itself, plus the trip it may be part of.
  const known = new Gazetteer();
  for (const entity of DATASET_ENTITIES) known.add(entity);
  for (const event of parsed.data.events) {
    if (event.partOf && context.knownEvents.has(event.partOf))
      known.add({ id: event.partOf, label: 'Event', name: event.partOf, aliases: [] });
  }
  const plan = planFactFile(file, { text: mapped.text, headerDate: mapped.published }, known);
  const heldIn = plan.links.get('HELD_IN')?.find((l) => l.from === mapped.eventId);
  if (heldIn) {
    for (const place of mapped.extraPlaces) plan.links.get('HELD_IN')!.push({ ...heldIn, to: place });
  }
  return plan;
}

export async function importStateDept(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const dir = resolve(options.dir ?? DEFAULT_DIR);
  const log = options.log ?? (() => {});
  const dryRun = options.dryRun ?? !options.driver;
  const batchSize = options.batchSize ?? 500;
  const context = newContext(options.tables ?? loadTables(), options.known ?? seedPeople());

  const first = await firstPass(dir, context, options.limit);
  const badLines = new Set(first.problems.map((p) => `${p.file}:${p.line}`));
  if (first.problems.length > 0 && !options.skipInvalid) {
    throw new ImportRefused(
      `${badLines.size} row(s) are not valid; nothing was written (fix them, or pass --skip-invalid to import the rest):`,
      first.problems.map(formatRowProblem),
    );
  }
  const skipped: SkippedRecord[] = [];
  for (const line of badLines) {
    const [file, n] = line.split(':') as [string, string];
    skipped.push({
      file,
      line: Number(n),
      id: null,
      problems: first.problems.filter((p) => `${p.file}:${p.line}` === line).map(formatRowProblem),
    });
  }
  log(`read ${first.read} rows (${first.inScope} valid) from ${dir}; ${context.registry.people()} distinct people named without an id`);

  const dataset = await loadDataset(options.driver, options.database, dryRun);
  const progress =
    options.progress === null
      ? null
      : new Progress(dryRun ? 'checking' : 'importing', first.inScope, { stream: options.progress ?? process.stderr });
  const summary: ImportSummary = {
    read: first.read,
    imported: 0,
    duplicates: 0,
    skipped,
    leftOut: {},
    meetings: 0,
    batches: 0,
    counts: emptyCounts(),
    people: 0,
    countries: 0,
    ms: 0,
    rowsPerSecond: 0,
    dryRun,
  };
  addCounts(summary.counts, dataset);
  const people = new Set<string>();
  const countries = new Set<string>(DATASET_ENTITIES.filter((e) => e.label === 'Country').map((e) => e.id));
  let batch: Batch = emptyBatch();

  const flush = async () => {
    if (batch.records === 0) return;
    const current = batch;
    batch = emptyBatch();
    if (!dryRun && options.driver)
      addCounts(summary.counts, await inWriteTransaction(options.driver, options.database, (tx) => writeBatch(tx, current)));
    summary.batches++;
    summary.imported += current.records;
    progress?.tick(current.records);
  };

  for (const file of FILES) {
    let n = 0;
    for await (const row of csvRows(join(dir, file))) {
      n++;
      if (options.limit !== undefined && n > options.limit) break;
      if (badLines.has(`${row.file}:${row.line}`)) continue;
      const result = readRecord(row, context.tables.countries);
      if (!result.ok) continue;
      const { record } = result;
      let plan: WritePlan;
      let mapped: MappedRecord;
      try {
        mapped = mapRecord(record, context);
        plan = planRecord(mapped, context);
      } catch (error) {
        const problems =
          error instanceof FactFileError
            ? error.problems.map(formatProblem)
            : [`${record.file}:${record.line} ${(error as Error).message}`];
        if (!options.skipInvalid) {
          throw new ImportRefused(
            `${record.file}:${record.line} (${record.id}) cannot be imported; its batch was not written${summary.batches ? ` (${summary.batches} earlier batch(es) were)` : ''}:`,
            problems,
          );
        }
        summary.skipped.push({ file: record.file, line: record.line, id: record.id, problems });
        continue;
      }
      if (context.duplicateOf.has(record.id)) summary.duplicates++;
      summary.meetings += mapped.meetings;
      for (const left of mapped.leftOut) summary.leftOut[left.reason] = (summary.leftOut[left.reason] ?? 0) + 1;
      for (const row of plan.entities.get('Person') ?? []) people.add(row.id);
      for (const row of plan.entities.get('Country') ?? []) countries.add(row.id);
      options.onPlan?.(plan, mapped);
      addPlan(batch, plan);
      if (batch.records >= batchSize) await flush();
    }
  }
  await flush();
  progress?.finish();
  summary.people = people.size;
  summary.countries = countries.size;
  summary.ms = Date.now() - started;
  summary.rowsPerSecond = summary.imported / Math.max(0.001, summary.ms / 1000);
  return summary;
}
