// npm run ingest -- <article.txt|.html> [--published YYYY-MM-DD] [--name NAME] [--json] [--graph]
//   Drafts a fact file. --json prints the draft (the fact-file schema, as JSON) and writes nothing;
//   otherwise the article and the draft go side by side into DATA_DIR/inbox/ for review:
//   <name>.txt and <name>.draft.yaml (with the drafter's confidence as comments).
//   Known entities come from seeds/facts, or from the graph with --graph.
// npm run ingest -- accept <name> [--keep ID:PROPERTY …] [--replace ID:PROPERTY …] [--keep-all]
//   Validates the reviewed DATA_DIR/inbox/<name>.draft.yaml and loads it into the configured Neo4j,
//   keeping the article and its facts under DATA_DIR/accepted (numbered after the rest, loaded by
//   npm start after the seeds). A property of an existing entity it would change is listed, and loaded
//   only with a decision: --replace ID:PROPERTY, or --keep ID:PROPERTY / --keep-all to leave the
//   graph's value. A refused draft writes nothing and stays in the inbox.
// npm run ingest -- list
//   The drafts waiting in DATA_DIR/inbox.
import 'dotenv/config';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../server/config.ts';
import { withDatabase } from '../../server/repository/connect.ts';
import { FactFileError, formatProblem } from '../errors.ts';
import { parseFactFile } from '../fact-file.ts';
import { readTextFile } from '../text-file.ts';
import { defaultFactFiles } from '../loader.ts';
import { acceptedStore, acceptFacts, readInbox, type Decision } from './accept.ts';
import { draftFacts, slug } from './draft.ts';
import { draftToYaml } from './draft-yaml.ts';
import { indexFromFactFiles, indexFromGraph } from './known.ts';

const DATA_DIR = loadConfig().DATA_DIR;
export const INBOX_DIR = join(DATA_DIR, 'inbox');

const args = z.object({
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '--published takes YYYY-MM-DD').optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,80}$/, '--name takes lower-case letters, digits, - and _').optional(),
  json: z.boolean(),
  graph: z.boolean(),
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
    keep: { type: 'string', multiple: true, default: [] },
    replace: { type: 'string', multiple: true, default: [] },
    'keep-all': { type: 'boolean', default: false },
  },
});
const parsedArgs = args.safeParse(values);
if (!parsedArgs.success) fail(parsedArgs.error.issues.map((i) => i.message).join('\n'));
const options = parsedArgs.data;
const [command, target] = positionals;

if (!command) {
  fail('usage: npm run ingest -- <article.txt|.html> [--published YYYY-MM-DD] [--name NAME] [--json] [--graph]\n       npm run ingest -- accept <name> [--keep ID:PROPERTY] [--replace ID:PROPERTY] [--keep-all]\n       npm run ingest -- list');
} else if (command === 'list') {
  const drafts = existsSync(INBOX_DIR) ? readdirSync(INBOX_DIR).filter((f) => f.endsWith('.draft.yaml')) : [];
  console.log(drafts.length ? drafts.map((f) => f.replace(/\.draft\.yaml$/, '')).join('\n') : `${INBOX_DIR} is empty`);
} else if (command === 'accept') {
  if (!target) fail('usage: npm run ingest -- accept <name>');
  const name = target;
  if (!existsSync(join(INBOX_DIR, `${name}.draft.yaml`))) fail(`no draft ${join(INBOX_DIR, `${name}.draft.yaml`)}`);
  const { raw, yamlText } = readInbox(INBOX_DIR, name);
  let facts;
  try {
    facts = parseFactFile(yamlText, `${name}.draft.yaml`).facts;
  } catch (error) {
    if (error instanceof FactFileError) fail(error.message);
    throw error;
  }
  const decision = (choice: Decision['choice']) => (text: string): Decision => {
    const at = text.lastIndexOf(':');
    return { id: text.slice(0, at), property: text.slice(at + 1), choice };
  };
  const decisions = [...options.keep.map(decision('keep')), ...options.replace.map(decision('replace'))];
  process.exitCode = await withDatabase(async ({ driver, database }) => {
    const store = acceptedStore(DATA_DIR);
    const result = await acceptFacts(driver, database, { facts, raw, decisions }, { store, undecided: options['keep-all'] ? 'keep' : 'ask' });
    if (!result.ok && 'undecided' in result) {
      console.error(`NOT LOADED ${name}: it would change what the graph already has; nothing was written. Decide each:`);
      for (const c of result.undecided) console.error(`  - ${c.id}:${c.property}  ${JSON.stringify(c.current)} → ${JSON.stringify(c.proposed)}`);
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
    for (const r of result.replaced) console.log(`  replaced ${r.id} ${r.property}: ${JSON.stringify(r.current)} → ${JSON.stringify(r.proposed)}`);
    console.log(`kept as ${join(DATA_DIR, result.kept!.factFile)} and ${join(DATA_DIR, result.kept!.source)}`);
    return 0;
  });
} else {
  const path = command;
  if (!existsSync(path)) fail(`cannot read ${path}`);
  let input = '';
  try {
    input = readTextFile(path);
  } catch (error) {
    if (!(error instanceof FactFileError)) throw error;
    fail(error.problems.map(formatProblem).join('\n'));
  }
  const name = options.name ?? slug(basename(path, extname(path)), 60);
  const known = options.graph ? await withDatabase(({ driver, database }) => indexFromGraph(driver, database)) : indexFromFactFiles(defaultFactFiles());
  const draft = draftFacts(input, { published: options.published, fileName: `${name}.txt`, known });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(draft.facts, null, 2)}\n`);
  } else {
    mkdirSync(INBOX_DIR, { recursive: true });
    const articlePath = join(INBOX_DIR, `${name}.txt`);
    const draftPath = join(INBOX_DIR, `${name}.draft.yaml`);
    if (existsSync(draftPath)) fail(`${draftPath} exists already; accept or delete it, or use --name`);
    writeFileSync(articlePath, draft.article.raw);
    writeFileSync(draftPath, draftToYaml(draft));
    const f = draft.facts;
    console.log(
      `drafted ${f.people.length} people, ${f.organizations.length} organisations, ${f.countries.length} countries, ${f.places.length} places, ` +
        `${f.events.length} events, ${f.agreements.length} agreements, ${f.figures.length} figures`,
    );
    console.log(`review ${draftPath} beside ${articlePath}, then: npm run ingest -- accept ${name}`);
  }
}
