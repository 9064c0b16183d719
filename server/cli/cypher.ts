// npm run cypher -- "MATCH (p:Person) RETURN p.name LIMIT 5" [--param k=v …] [--format table|csv|json]
//                    [--timeout 10000] [--max-rows 1000]        (or --saved <name> with --param …)
// The same guards as POST /api/cypher: read-only, classified with EXPLAIN, time- and row-limited, audited.
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { fileAudit } from '../audit.ts';
import { auditPaths, loadConfig } from '../config.ts';
import { cypherBody } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { consoleDeps, consoleOptions } from '../deps.ts';
import type { Plain } from '../../graph/values.ts';
import { runConsoleQuery } from '../services/console.ts';
import { bindSavedParams, findSavedQuery, redirectMergedPeople } from '../services/saved-queries.ts';
import { createReader } from '../../graph/reader.ts';
import { toCsv, toTable } from './table.ts';
import { runCli, UsageError, withDatabase } from '../../graph/cli.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    param: { type: 'string', multiple: true, default: [] },
    format: { type: 'string', default: 'table' },
    timeout: { type: 'string' },
    'max-rows': { type: 'string' },
    saved: { type: 'string' },
  },
});

async function main(): Promise<number> {
  if (!['table', 'csv', 'json'].includes(values.format!)) throw new UsageError('--format is table, csv or json');
  const given = Object.fromEntries(
    values.param!.map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new UsageError(`--param ${pair}: expected name=value`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  const saved = values.saved ? findSavedQuery(values.saved) : undefined;
  if (!saved && positionals.length !== 1)
    throw new UsageError('usage: npm run cypher -- "<query>" [--param k=v] [--format table|csv|json] [--timeout ms] [--max-rows n]');
  const request = parseInput(cypherBody, {
    query: saved ? saved.query : positionals[0],
    params: saved ? {} : given,
    ...(values.timeout ? { timeoutMs: Number(values.timeout) } : {}),
    ...(values['max-rows'] ? { maxRows: Number(values['max-rows']) } : {}),
  });
  if (saved) request.params = bindSavedParams(saved, given);
  const config = loadConfig();
  const paths = auditPaths(config);
  const audit = fileAudit(paths.console, paths.rotation);
  const encoded = await withDatabase(async ({ driver, database, target }) => {
    if (saved) request.params = await redirectMergedPeople(createReader(driver, database), request.params);
    return runConsoleQuery(consoleDeps(target, audit, consoleOptions(config)), request, {
      client: 'cli',
      ...(saved ? { saved: saved.name } : {}),
    });
  });
  // Rows arrive as JSON text, already capped in bytes (CONSOLE_MAX_RESULT_MB).
  const answer = { ...encoded, rows: encoded.rows.map((row) => JSON.parse(row) as Plain[]) };
  if (values.format === 'json') console.log(JSON.stringify(answer, null, 2));
  else console.log(values.format === 'csv' ? toCsv(answer.columns, answer.rows) : toTable(answer.columns, answer.rows));
  if (values.format === 'table') {
    const cut =
      answer.summary.truncatedBy === 'bytes'
        ? ` — truncated at ${config.CONSOLE_MAX_RESULT_MB} MiB`
        : answer.summary.truncated
          ? ` — truncated at ${request.maxRows}`
          : '';
    console.error(`${answer.summary.rows} row(s)${cut}, ${answer.summary.ms} ms`);
  }
  return 0;
}

runCli(main);
