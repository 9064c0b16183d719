// npm run import -- state-dept [--dir D] [--limit N] [--dry-run] [--skip-invalid] [--batch N]
// Imports an external dataset into the configured Neo4j (NEO4J_URI, or the local one under .data/:
// the running app's, else one started for the duration of the command) through the seeds' validation and batched writer.
// --dry-run validates and plans everything and needs no database. --report imports nothing: it prints
// how well the loaded graph's people are identified (seeds/import/state-dept/report.ts).
import 'dotenv/config';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { runCli, withDatabase } from '../../graph/cli.ts';
import { readGraphCounts } from '../../graph/store.ts';
import { DEFAULT_DIR, importStateDept, ImportRefused, type ImportOptions, type ImportSummary } from './state-dept/import.ts';
import { formatSeconds } from './progress.ts';
import { formatReport, identityReport } from './state-dept/report.ts';

const argsSchema = z
  .object({
    dataset: z.enum(['state-dept'], { errorMap: () => ({ message: 'the dataset to import: state-dept' }) }),
    dir: z.string().min(1).optional(),
    limit: z.coerce.number().int().positive().optional(),
    batch: z.coerce.number().int().min(1).max(10_000).default(500),
    'dry-run': z.boolean().default(false),
    'skip-invalid': z.boolean().default(false),
    report: z.boolean().default(false),
  })
  .strict();

function parse() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      limit: { type: 'string' },
      batch: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      report: { type: 'boolean' },
    },
  });
  const parsed = argsSchema.safeParse({ ...values, dataset: positionals[0] });
  if (!parsed.success || positionals.length > 1) {
    const problems = parsed.success
      ? ['one dataset at a time']
      : parsed.error.issues.map((i) => `${i.path[0] === 'dataset' ? 'dataset' : `--${i.path.join('.')}`}: ${i.message}`);
    console.error(
      `usage: npm run import -- state-dept [--dir D] [--limit N] [--batch N] [--dry-run] [--skip-invalid] [--report]\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(2);
  }
  return parsed.data;
}

function report(summary: ImportSummary): void {
  const c = summary.counts;
  console.log(
    `${summary.dryRun ? 'checked' : 'imported'} ${summary.imported} of ${summary.read} records in ${summary.batches} batch(es): ` +
      `${summary.ms} ms, ${summary.rowsPerSecond.toFixed(0)} rows/s (${formatSeconds(summary.ms / 1000)})`,
  );
  console.log(
    `  ${summary.duplicates} exact duplicate row(s) joined to the event of their twin; ${summary.meetings} meetings read from the prose`,
  );
  console.log(`  ${summary.people} distinct people and ${summary.countries} countries in the imported records`);
  if (!summary.dryRun) {
    console.log(
      `  ${c.nodesCreated} nodes and ${c.relationshipsCreated} relationships created, ${c.relationshipsDeleted} deleted, ${c.propertiesSet} properties set`,
    );
  }
  if (summary.skipped.length) {
    console.log(`  ${summary.skipped.length} record(s) skipped:`);
    for (const s of summary.skipped) for (const p of s.problems) console.log(`    - ${p}`);
  }
  const left = Object.entries(summary.leftOut).sort((a, b) => b[1] - a[1]);
  if (left.length) {
    console.log(
      `  named in the prose but not identified: kept as written (mentions) or left out (${left.reduce((sum, [, n]) => sum + n, 0)}):`,
    );
    for (const [reason, n] of left.slice(0, 8)) console.log(`    ${String(n).padStart(5)}  ${reason}`);
    const rest = left.slice(8);
    if (rest.length) console.log(`    ${String(rest.reduce((sum, [, n]) => sum + n, 0)).padStart(5)}  ${rest.length} other reasons`);
  }
}

const args = parse();
const options: ImportOptions = {
  dir: args.dir ? resolve(args.dir) : DEFAULT_DIR,
  ...(args.limit ? { limit: args.limit } : {}),
  batchSize: args.batch,
  skipInvalid: args['skip-invalid'],
  log: (line) => console.error(line),
};

async function run(): Promise<number> {
  try {
    if (args['dry-run']) {
      report(await importStateDept({ ...options, dryRun: true }));
      return 0;
    }
    if (args.report) {
      return await withDatabase(async ({ driver, database }) => {
        console.log(formatReport(await identityReport(driver, database)));
        return 0;
      });
    }
    return await withDatabase(async ({ driver, database }) => {
      const summary = await importStateDept({ ...options, driver, database });
      report(summary);
      const graph = await readGraphCounts(driver, database);
      console.log(`graph: ${graph.map((g) => `${g.name} ${g.count}`).join(', ')}`);
      return summary.skipped.length ? 1 : 0;
    });
  } catch (error) {
    if (error instanceof ImportRefused) {
      console.error(`REFUSED: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

runCli(run);
