// npm run ingest -- <article.txt|.html> [--published YYYY-MM-DD] [--name NAME] [--json] [--graph]
//   Drafts a fact file. --json prints the draft (the fact-file schema, as JSON) and writes nothing;
//   otherwise the article and the draft go side by side into DATA_DIR/ingest/inbox/ for review:
//   <name>.txt and <name>.draft.yaml (with the drafter's confidence as comments).
//   Known entities come from seeds/facts, or from the graph with --graph.
// npm run ingest -- <folder/> [--dry-run] [--json] [--graph]
//   Drafts every .txt/.html release in the folder into the inbox (a file whose draft is already
//   there is skipped and said so), with a progress line and one summary table: file, date, people,
//   meetings, agreements, problems. --dry-run writes nothing; --json prints the rows.
// npm run ingest -- accept <name> [--keep ID:PROPERTY …] [--replace ID:PROPERTY …] [--keep-all]
//   Validates the reviewed DATA_DIR/ingest/inbox/<name>.draft.yaml and loads it into the configured Neo4j,
//   keeping the article and its facts under DATA_DIR/accepted (numbered after the rest; npm start
//   loads them after the seeds). A property of something the graph already has that it would change
//   is listed, and loaded only as decided: --replace ID:PROPERTY, or --keep ID:PROPERTY / --keep-all
//   to leave the graph's value. A refused draft writes nothing and stays in the inbox.
// npm run ingest -- list
//   The drafts waiting in the inbox.
// Runtime output (the inbox, accepted articles) lives under DATA_DIR only: the code tree stays read-only.
import 'dotenv/config';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { withDatabase } from '../../graph/cli.ts';
import { ConfigError, loadDatabaseConfig } from '../../graph/config.ts';
import { FactFileError, formatProblem } from '../../domain/fact-errors.ts';
import { parseFactFile } from '../../domain/fact-file.ts';
import { readTextFile } from '../text-file.ts';
import { defaultFactFiles } from '../loader.ts';
import { acceptedStore, acceptFacts, inboxDir, readInbox, type Choice } from './accept.ts';
import { draftFacts, slug } from './draft.ts';
import { draftToYaml } from './draft-yaml.ts';
import { indexFromFactFiles, indexFromGraph } from './known.ts';
import type { EntityIndex } from './link.ts';
import { MEETING_KINDS } from '../../domain/model.ts';

const args = z.object({
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '--published takes YYYY-MM-DD')
    .optional(),
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,80}$/, '--name takes lower-case letters, digits, - and _')
    .optional(),
  json: z.boolean(),
  graph: z.boolean(),
  'dry-run': z.boolean(),
  keep: z.array(z.string().regex(/^\S+:\w+$/, '--keep takes ID:PROPERTY')),
  replace: z.array(z.string().regex(/^\S+:\w+$/, '--replace takes ID:PROPERTY')),
  'keep-all': z.boolean(),
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    published: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean', default: false },
    graph: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    keep: { type: 'string', multiple: true, default: [] },
    replace: { type: 'string', multiple: true, default: [] },
    'keep-all': { type: 'boolean', default: false },
  },
});
const parsedArgs = args.safeParse(values);
if (!parsedArgs.success) fail(parsedArgs.error.issues.map((i) => i.message).join('\n'));
const options = parsedArgs.data;
const [command, target] = positionals;
let dataDir: string;
try {
  dataDir = loadDatabaseConfig().DATA_DIR;
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
const INBOX_DIR = inboxDir(dataDir);
// Drafts made before the inbox moved under DATA_DIR: named, never moved behind the user's back.
const FORMER_INBOX = fileURLToPath(new URL('../inbox/', import.meta.url));
function formerInboxNote(): string {
  const left = existsSync(FORMER_INBOX) ? readdirSync(FORMER_INBOX).filter((f) => f.endsWith('.draft.yaml')).length : 0;
  return left
    ? `\nnote: ${left} draft(s) wait in the former inbox ${FORMER_INBOX}; move them to ${INBOX_DIR} to review or accept them.`
    : '';
}

if (!command) {
  fail(
    'usage: npm run ingest -- <article.txt|.html> [--published YYYY-MM-DD] [--name NAME] [--json] [--graph]\n       npm run ingest -- <folder/> [--dry-run] [--json] [--graph]\n       npm run ingest -- accept <name> [--keep ID:PROPERTY] [--replace ID:PROPERTY] [--keep-all]\n       npm run ingest -- list',
  );
} else if (command === 'list') {
  const drafts = existsSync(INBOX_DIR) ? readdirSync(INBOX_DIR).filter((f) => f.endsWith('.draft.yaml')) : [];
  console.log(
    `${drafts.length ? drafts.map((f) => f.replace(/\.draft\.yaml$/, '')).join('\n') : `${INBOX_DIR} is empty`}${formerInboxNote()}`,
  );
} else if (command === 'accept') {
  if (!target) fail('usage: npm run ingest -- accept <name>');
  const name = target;
  if (!existsSync(join(INBOX_DIR, `${name}.draft.yaml`))) fail(`no draft ${join(INBOX_DIR, `${name}.draft.yaml`)}${formerInboxNote()}`);
  const { raw, yamlText } = readInbox(INBOX_DIR, name);
  let facts;
  try {
    facts = parseFactFile(yamlText, `${name}.draft.yaml`).facts;
  } catch (error) {
    if (error instanceof FactFileError) fail(error.message);
    throw error;
  }
  const choice =
    (which: Choice['choice']) =>
    (text: string): Choice => {
      const at = text.lastIndexOf(':');
      return { id: text.slice(0, at), property: text.slice(at + 1), choice: which };
    };
  const choices = [...options.keep.map(choice('keep')), ...options.replace.map(choice('replace'))];
  process.exitCode = await withDatabase(async ({ driver, database }) => {
    const result = await acceptFacts(
      driver,
      database,
      { facts, raw, choices },
      { store: acceptedStore(dataDir), undecided: options['keep-all'] ? 'keep' : 'ask' },
    );
    if (!result.ok && 'undecided' in result) {
      console.error(`NOT LOADED ${name}: it would change what the graph already has; nothing was written. Choose for each:`);
      for (const c of result.undecided)
        console.error(`  - ${c.id}:${c.property}  ${JSON.stringify(c.current)} → ${JSON.stringify(c.proposed)}`);
      console.error('then run again with --replace ID:PROPERTY or --keep ID:PROPERTY for each (or --keep-all).');
      return 1;
    }
    if (!result.ok) {
      console.error(`REFUSED ${name}: nothing was written`);
      for (const p of result.problems) console.error(`  - ${formatProblem({ ...p, file: `${name}.draft.yaml` })}`);
      return 1;
    }
    rmSync(join(INBOX_DIR, `${name}.draft.yaml`));
    rmSync(join(INBOX_DIR, `${name}.txt`));
    const c = result.counts;
    console.log(`loaded ${name}: ${c.nodesCreated} nodes and ${c.relationshipsCreated} relationships created`);
    for (const r of result.replaced)
      console.log(`  replaced ${r.id} ${r.property}: ${JSON.stringify(r.current)} → ${JSON.stringify(r.proposed)}`);
    console.log(`kept as ${join(dataDir, result.kept!.factFile)} and ${join(dataDir, result.kept!.source)}`);
    return 0;
  });
} else if (existsSync(command) && statSync(command).isDirectory()) {
  const known = options.graph
    ? await withDatabase(({ driver, database }) => indexFromGraph(driver, database))
    : indexFromFactFiles(defaultFactFiles());
  const files = readdirSync(command)
    .filter((f) => /\.(txt|html?)$/i.test(f))
    .sort();
  if (!files.length) fail(`no .txt or .html files in ${command}`);
  const rows: BatchRow[] = [];
  const tty = process.stderr.isTTY;
  files.forEach((file, i) => {
    const progress = `[${i + 1}/${files.length}] ${file}`;
    if (tty) process.stderr.write(`\r${progress.padEnd(60)}`);
    else process.stderr.write(`${progress}\n`);
    rows.push(
      draftIntoInbox(join(command, file), slug(basename(file, extname(file)), 60), known, { write: !options.json && !options['dry-run'] }),
    );
  });
  if (tty) process.stderr.write('\n');
  if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    console.log(batchTable(rows));
    const written = rows.filter((r) => r.written).length;
    console.log(
      `\n${files.length} files: ${written} drafts written to ${INBOX_DIR}${options['dry-run'] ? ' (dry run: none)' : ''}, ${rows.filter((r) => r.problems.length).length} with problems`,
    );
  }
} else {
  const path = command;
  if (!existsSync(path)) fail(`cannot read ${path}`);
  const name = options.name ?? slug(basename(path, extname(path)), 60);
  const known = options.graph
    ? await withDatabase(({ driver, database }) => indexFromGraph(driver, database))
    : indexFromFactFiles(defaultFactFiles());
  if (options.json) {
    let input = '';
    try {
      input = readTextFile(path);
    } catch (error) {
      if (!(error instanceof FactFileError)) throw error;
      fail(error.problems.map(formatProblem).join('\n'));
    }
    const draft = draftFacts(input, { published: options.published, fileName: `${name}.txt`, known });
    process.stdout.write(`${JSON.stringify(draft.facts, null, 2)}\n`);
  } else {
    const row = draftIntoInbox(path, name, known, { write: true, published: options.published, refuseExisting: true });
    if (!row.written) fail(row.problems.join('\n'));
    console.log(`drafted ${row.counts}`);
    for (const p of row.problems) console.log(`  note: ${p}`);
    console.log(
      `review ${join(INBOX_DIR, `${name}.draft.yaml`)} beside ${join(INBOX_DIR, `${name}.txt`)}, then: npm run ingest -- accept ${name}`,
    );
  }
}

interface BatchRow {
  file: string;
  name: string;
  date: string | null;
  people: number;
  meetings: number;
  agreements: number;
  problems: string[];
  written: boolean;
  counts: string;
}

/** Drafts one article into the inbox (unless told not to write); never throws for one bad file. */
function draftIntoInbox(
  path: string,
  name: string,
  known: EntityIndex,
  how: { write: boolean; published?: string | undefined; refuseExisting?: boolean },
): BatchRow {
  const row: BatchRow = {
    file: basename(path),
    name,
    date: null,
    people: 0,
    meetings: 0,
    agreements: 0,
    problems: [],
    written: false,
    counts: '',
  };
  const draftPath = join(INBOX_DIR, `${name}.draft.yaml`);
  if (how.write && existsSync(draftPath)) {
    row.problems.push(`${draftPath} exists already; accept or delete it${how.refuseExisting ? ', or use --name' : ''}`);
    return row;
  }
  let draft;
  try {
    draft = draftFacts(readTextFile(path), { published: how.published, fileName: `${name}.txt`, known });
  } catch (error) {
    row.problems.push(
      error instanceof FactFileError
        ? error.problems.map(formatProblem).join('; ')
        : `the drafter failed: ${(error as Error).message.split('\n')[0]}`,
    );
    return row;
  }
  const f = draft.facts;
  row.date = f.source.published;
  row.people = f.people.length;
  row.meetings = f.events.filter((e) => (MEETING_KINDS as readonly string[]).includes(e.kind)).length;
  row.agreements = f.agreements.length;
  row.counts = `${f.people.length} people, ${f.organizations.length} organisations, ${f.countries.length} countries, ${f.places.length} places, ${f.events.length} events, ${f.agreements.length} agreements, ${f.figures.length} figures`;
  if (!row.date) row.problems.push('no publication date: relative dates left unresolved (give --published)');
  row.problems.push(...draft.problems);
  if (how.write) {
    mkdirSync(INBOX_DIR, { recursive: true });
    writeFileSync(join(INBOX_DIR, `${name}.txt`), draft.article.raw);
    writeFileSync(draftPath, draftToYaml(draft));
    row.written = true;
  }
  return row;
}

function batchTable(rows: readonly BatchRow[]): string {
  const head = ['file', 'date', 'people', 'meetings', 'agreements', 'problems'];
  const cells = rows.map((r) => [
    r.file,
    r.date ?? '—',
    String(r.people),
    String(r.meetings),
    String(r.agreements),
    r.problems.join('; ') || '—',
  ]);
  const width = head.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(width[i]!))).join(' | ');
  return [line(head), width.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
