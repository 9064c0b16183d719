// Time of accepting a reviewed draft, on a loaded graph (e.g. the imported State Department data).
//
// Over HTTP (--base): POST /api/ingest/accept against a running server. Each round drafts the article
// (POST /api/ingest, not timed) under a fresh name and accepts the draft as drafted; the first round
// creates the article's entities, later rounds merge into them, as a second article about the same
// people does.
//   node --import tsx bench/accept.ts --base http://127.0.0.1:8080 --article ../shared/data/releases/articles/009.txt [--rounds 10] [--key K]
//
// Side by side (--uri): the same draft accepted in one process, alternating round by round between the
// pipeline accept used to run (the draft written as YAML to a scratch directory and loaded by the seed
// loader, which applies the schema, reads every entity of the graph and counts every node and
// relationship) and acceptFacts (one transaction reading only what the draft names). Prints both
// medians and their ratio.
//   node --import tsx bench/accept.ts --uri bolt://127.0.0.1:7687 --article ../shared/data/releases/articles/009.txt [--rounds 10]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { acceptFacts } from '../seeds/ingest/accept.ts';
import { draftFacts } from '../seeds/ingest/draft.ts';
import { indexFromGraph } from '../seeds/ingest/known.ts';
import { loadFactFiles } from '../seeds/loader.ts';
import type { FactFile } from '../domain/fact-schema.ts';
import { createDriver } from '../graph/database.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    uri: { type: 'string' },
    article: { type: 'string' },
    rounds: { type: 'string', default: '10' },
    key: { type: 'string' },
    published: { type: 'string', default: '2025-06-04' },
  },
});
if (!values.article || !values.base === !values.uri)
  throw new Error('give --article and either --base http://… (over HTTP) or --uri bolt://… (side by side)');
const text = readFileSync(values.article, 'utf8');
const rounds = Number(values.rounds);
const stamp = Date.now().toString(36);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const summary = (list: number[]) =>
  `median ${median(list).toFixed(0)} ms, min ${Math.min(...list).toFixed(0)} ms, max ${Math.max(...list).toFixed(0)} ms`;

async function overHttp(base: string): Promise<void> {
  const headers = { 'content-type': 'application/json', ...(values.key ? { 'x-api-key': values.key } : {}) };
  const post = async (path: string, body: unknown) => {
    const started = performance.now();
    const res = await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown>, ms: performance.now() - started };
  };
  const times: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const draft = await post('/api/ingest', { text, published: values.published, fileName: `bench-accept-${stamp}-${round}` });
    if (draft.status !== 200) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.json).slice(0, 500)}`);
    const accepted = await post('/api/ingest/accept', { facts: draft.json.facts, text: (draft.json.article as { raw: string }).raw });
    if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.json).slice(0, 800)}`);
    times.push(accepted.ms);
    console.log(
      `round ${round}: accept ${accepted.ms.toFixed(0)} ms (draft ${draft.ms.toFixed(0)} ms) ${JSON.stringify(accepted.json.counts)}`,
    );
  }
  console.log(`accept over ${times.length} rounds: ${summary(times)}`);
}

async function sideBySide(uri: string): Promise<void> {
  const driver = createDriver({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
  try {
    const draft = draftFacts(text, { published: values.published, fileName: 'bench-accept.txt', known: await indexFromGraph(driver) });
    const named = (name: string): FactFile => ({ ...draft.facts, source: { ...draft.facts.source, file: `${name}.txt` } });
    /** What accept ran before: YAML to a scratch directory, then the seed loader over it. */
    const before = async (name: string) => {
      const scratch = mkdtempSync(join(tmpdir(), 'kg-accept-'));
      try {
        writeFileSync(join(scratch, `${name}.yaml`), stringify(named(name)));
        writeFileSync(join(scratch, `${name}.txt`), draft.article.raw);
        const summary = await loadFactFiles({ driver, files: [join(scratch, `${name}.yaml`)], sourcesDir: scratch });
        if (!summary.files[0]!.loaded) throw new Error(JSON.stringify(summary.files[0]!.problems));
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    };
    const after = async (name: string) => {
      const result = await acceptFacts(driver, undefined, { facts: named(name), raw: draft.article.raw }, { undecided: 'keep' });
      if (!result.ok) throw new Error(JSON.stringify(result));
    };
    // One untimed round of each: the first accept creates the article's entities.
    await before(`bench-before-${stamp}-0`);
    await after(`bench-after-${stamp}-0`);
    const times = { before: [] as number[], after: [] as number[] };
    for (let round = 1; round <= rounds; round++) {
      for (const [which, run] of [
        ['before', before],
        ['after', after],
      ] as const) {
        const started = performance.now();
        await run(`bench-${which}-${stamp}-${round}`);
        times[which].push(performance.now() - started);
      }
      console.log(`round ${round}: before ${times.before.at(-1)!.toFixed(0)} ms, after ${times.after.at(-1)!.toFixed(0)} ms`);
    }
    console.log(`before (scratch YAML + seed loader): ${summary(times.before)}`);
    console.log(`after (acceptFacts):                 ${summary(times.after)}`);
    console.log(`ratio of medians before/after: ${(median(times.before) / median(times.after)).toFixed(1)}`);
  } finally {
    await driver.close();
  }
}

if (values.base) await overHttp(values.base);
else await sideBySide(values.uri!);
