// npm run kg -- <command> …: who met whom from the command line, with the evidence.
//   search <text> [--type person]            entity <id|name>
//   meetings <person> [--with X] [--country NG] [--from 2025-02] [--to 2025-02]
//   path <from> <to> [--via meetings|any] [--max-hops 6] [--start …] [--end …] [--exclude Country,…] [--limit 3]
//   resolve list|show|judge|undo|import|log …  (identity resolution, see resolve.ts)
// Talks to a running app (KG_API, default http://127.0.0.1:$PORT) when there is one, else opens the
// database itself (NEO4J_URI, or the local one) — the same services and validation either way.
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { createReader, type GraphReader } from '../../graph/reader.ts';
import { meetingsQuery, pathsQuery, searchQuery } from '../contracts/requests.ts';
import { loadConfig } from '../config.ts';
import type { OpenDatabase } from '../../graph/connect.ts';
import { appDeps } from '../deps.ts';
import { parseInput } from '../http/validate.ts';
import { getEntityProfile } from '../services/entities.ts';
import { findMeetings } from '../services/meetings.ts';
import { findPaths } from '../services/paths.ts';
import { searchEntities } from '../services/search.ts';
import { formatEntity, formatMeetings, formatPaths, formatSearch } from './format.ts';
import { resolveCommand, RESOLVE_USAGE } from './resolve.ts';
import { runCli, UsageError, withDatabase } from '../../graph/cli.ts';

const USAGE = `usage: npm run kg -- search <text> [--type T]
       npm run kg -- entity <id|name>
       npm run kg -- meetings <person> [--with P] [--country C] [--from D] [--to D]
       npm run kg -- path <from> <to> [--via meetings|any] [--max-hops N] [--start D] [--end D] [--exclude L,…] [--limit K]
${RESOLVE_USAGE}
add --json for the raw answer`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    type: { type: 'string' },
    with: { type: 'string' },
    country: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    via: { type: 'string' },
    'max-hops': { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    exclude: { type: 'string' },
    limit: { type: 'string' },
    min: { type: 'string' },
    status: { type: 'string' },
    q: { type: 'string' },
    person: { type: 'string' },
    note: { type: 'string' },
    by: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

const defined = (object: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(object).filter((entry): entry is [string, string] => entry[1] !== undefined));

interface Command {
  /** The API path (with query) for this command, when a running app answers it. */
  apiPath: string;
  /** A body to POST there (a write), sent with KG_API_KEY or API_KEY. */
  body?: unknown;
  run(reader: GraphReader, db: OpenDatabase): Promise<unknown>;
  format(answer: never): string;
}

function command(): Command {
  const [name, a, b] = positionals;
  if (name === 'resolve') {
    const resolve = resolveCommand(positionals.slice(1), values);
    const dataDir = loadConfig().DATA_DIR;
    return { ...resolve, run: (_reader, db) => resolve.run(appDeps(db, { audit: () => {}, dataDir }).resolution) };
  }
  if (name === 'search' && a) {
    const query = parseInput(searchQuery, defined({ q: a, type: values.type }));
    return {
      apiPath: `/api/search?${new URLSearchParams(defined({ q: a, type: values.type }))}`,
      run: async (r) => ({ results: await searchEntities(r, query.q, query.type, query.limit) }),
      format: (x: { results: Parameters<typeof formatSearch>[0] }) => formatSearch(x.results),
    };
  }
  if (name === 'entity' && a) {
    return { apiPath: `/api/entities/${encodeURIComponent(a)}`, run: (r) => getEntityProfile(r, a), format: formatEntity };
  }
  if (name === 'meetings' && a) {
    const raw = defined({ person: a, with: values.with, country: values.country, from: values.from, to: values.to, limit: values.limit });
    const query = parseInput(meetingsQuery, raw);
    return { apiPath: `/api/meetings?${new URLSearchParams(raw)}`, run: (r) => findMeetings(r, query), format: formatMeetings };
  }
  if (name === 'path' && a && b) {
    const raw = defined({
      from: a,
      to: b,
      via: values.via,
      maxHops: values['max-hops'],
      start: values.start,
      end: values.end,
      exclude: values.exclude,
      limit: values.limit,
    });
    const query = parseInput(pathsQuery, raw);
    return { apiPath: `/api/paths?${new URLSearchParams(raw)}`, run: (r) => findPaths(r, query), format: formatPaths };
  }
  throw new UsageError(USAGE);
}

async function viaRunningApp(apiPath: string, payload?: unknown): Promise<unknown | undefined> {
  const base = process.env.KG_API ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;
  try {
    const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1500) });
    if (!health.ok) return undefined;
  } catch {
    return undefined;
  }
  const key = process.env.KG_API_KEY ?? process.env.API_KEY;
  const res =
    payload === undefined
      ? await fetch(base + apiPath)
      : await fetch(base + apiPath, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: JSON.stringify(payload),
        });
  const body = (await res.json()) as { detail?: string };
  if (!res.ok) throw new Error(body.detail ?? `HTTP ${res.status}`);
  return body;
}

async function main(): Promise<number> {
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const cmd = command();
  const answer =
    (await viaRunningApp(cmd.apiPath, cmd.body)) ?? (await withDatabase(async (db) => cmd.run(createReader(db.driver, db.database), db)));
  console.log(values.json ? JSON.stringify(answer, null, 2) : cmd.format(answer as never));
  return 0;
}

runCli(main);
