// npm run ingest -- <article.txt|.html> [--published YYYY-MM-DD] [--name NAME] [--json] [--graph]
//   Drafts a fact file. --json prints the draft (the fact-file schema, as JSON) and writes nothing;
//   otherwise the article and the draft go side by side into seeds/inbox/ for review:
//   <name>.txt and <name>.draft.yaml (with the drafter's confidence as comments).
//   Known entities come from seeds/facts, or from the graph with --graph.
// npm run ingest -- accept <name>
//   Validates the reviewed seeds/inbox/<name>.draft.yaml, loads it into the configured Neo4j through
//   the seed loader, and only then moves it to seeds/facts (numbered after the rest) and the article
//   to seeds/sources. A refused draft writes nothing and stays in the inbox.
// npm run ingest -- list
//   The drafts waiting in seeds/inbox.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { withDatabase } from '../../graph/cli.ts';
import { FactFileError, formatProblem } from '../../domain/fact-errors.ts';
import { parseFactFile } from '../../domain/fact-file.ts';
import { readTextFile } from '../text-file.ts';
import { defaultFactFiles, FACTS_DIR, SEEDS_DIR, SOURCES_DIR } from '../loader.ts';
import { acceptDraft, readInbox } from './accept.ts';
import { draftFacts, slug } from './draft.ts';
import { draftToYaml } from './draft-yaml.ts';
import { indexFromFactFiles, indexFromGraph } from './known.ts';

export const INBOX_DIR = join(SEEDS_DIR, 'inbox');

const args = z.object({
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '--published takes YYYY-MM-DD').optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,80}$/, '--name takes lower-case letters, digits, - and _').optional(),
  json: z.boolean(),
  graph: z.boolean(),
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
  },
});
const parsedArgs = args.safeParse(values);
if (!parsedArgs.success) fail(parsedArgs.error.issues.map((i) => i.message).join('\n'));
const options = parsedArgs.data;
const [command, target] = positionals;

if (!command) {
  fail('usage: npm run ingest -- <article.txt|.html> [--published YYYY-MM-DD] [--name NAME] [--json] [--graph]\n       npm run ingest -- accept <name>\n       npm run ingest -- list');
} else if (command === 'list') {
  const drafts = existsSync(INBOX_DIR) ? readdirSync(INBOX_DIR).filter((f) => f.endsWith('.draft.yaml')) : [];
  console.log(drafts.length ? drafts.map((f) => f.replace(/\.draft\.yaml$/, '')).join('\n') : 'seeds/inbox is empty');
} else if (command === 'accept') {
  if (!target) fail('usage: npm run ingest -- accept <name>');
  const name = target;
  if (!existsSync(join(INBOX_DIR, `${name}.draft.yaml`))) fail(`no draft seeds/inbox/${name}.draft.yaml`);
  const { raw, yamlText } = readInbox(INBOX_DIR, name);
  let facts;
  try {
    facts = parseFactFile(yamlText, `${name}.draft.yaml`).facts;
  } catch (error) {
    if (error instanceof FactFileError) fail(error.message);
    throw error;
  }
  process.exitCode = await withDatabase(async ({ driver, database }) => {
    const result = await acceptDraft(driver, database, { facts, raw }, { factsDir: FACTS_DIR, sourcesDir: SOURCES_DIR });
    if (!result.ok) {
      console.error(`REFUSED ${name}: nothing was written`);
      for (const p of result.problems) console.error(`  - ${formatProblem({ ...p, file: `${name}.draft.yaml` })}`);
      return 1;
    }
    rmSync(join(INBOX_DIR, `${name}.draft.yaml`));
    rmSync(join(INBOX_DIR, `${name}.txt`));
    const c = result.outcome.counts;
    console.log(`loaded ${name}: ${c.nodesCreated} nodes and ${c.relationshipsCreated} relationships created`);
    console.log(`kept as ${result.kept!.factFile.replace(`${SEEDS_DIR}`, 'seeds/')} and ${result.kept!.source.replace(`${SEEDS_DIR}`, 'seeds/')}`);
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
    if (existsSync(draftPath)) fail(`seeds/inbox/${name}.draft.yaml exists already; accept or delete it, or use --name`);
    writeFileSync(articlePath, draft.article.raw);
    writeFileSync(draftPath, draftToYaml(draft));
    const f = draft.facts;
    console.log(
      `drafted ${f.people.length} people, ${f.organizations.length} organisations, ${f.countries.length} countries, ${f.places.length} places, ` +
        `${f.events.length} events, ${f.agreements.length} agreements, ${f.figures.length} figures`,
    );
    console.log(`review seeds/inbox/${name}.draft.yaml beside seeds/inbox/${name}.txt, then: npm run ingest -- accept ${name}`);
  }
}
