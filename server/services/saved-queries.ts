// The analysts' library of saved queries (cypher/analyst/*.cypher). Each file documents itself in its
// header — title, description, typed parameters, columns — which is parsed here to list them and to
// check the parameters of a run; the run itself goes through the console's guards.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BadInput, NotFound } from '../../domain/errors.ts';
import { cypher, CYPHER_DIR } from '../../graph/cypher.ts';
import { isPeriod, PERIOD_HINT, periodBound } from '../../domain/period.ts';
import type { GraphReader } from '../../graph/reader.ts';
import { read } from '../../graph/queries/read.ts';
import { PARAM_TYPES, type SavedQuery } from '../../domain/contracts/system.ts';

export { PARAM_TYPES };
export type ParamType = (typeof PARAM_TYPES)[number];
export type SavedParam = SavedQuery['params'][number];
export type { SavedQuery };

/** Reads the header comments of one saved query. */
export function parseSavedQuery(name: string, text: string): SavedQuery {
  const header = text
    .split('\n')
    .filter((line) => line.startsWith('//'))
    .map((line) => line.replace(/^\/\/\s?/, ''));
  const field = (key: string) =>
    header
      .find((line) => line.startsWith(`${key}:`))
      ?.slice(key.length + 1)
      .trim() ?? '';
  const params = header
    .filter((line) => line.startsWith('@param '))
    .map((line): SavedParam => {
      const match = /^@param (\w+) ([\w-]+) (required|optional)\s*(?:—|-)?\s*(.*)$/.exec(line);
      if (!match || !PARAM_TYPES.includes(match[2] as ParamType)) throw new Error(`cypher/analyst/${name}.cypher: cannot read "${line}"`);
      return { name: match[1]!, type: match[2] as ParamType, required: match[3] === 'required', description: match[4]!.trim() };
    });
  const columns = (header.find((line) => line.startsWith('@columns '))?.slice('@columns '.length) ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return { name, title: field('title'), description: field('description'), params, columns, query: text };
}

export function listSavedQueries(dir = join(CYPHER_DIR, 'analyst')): SavedQuery[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.cypher'.length);
      return parseSavedQuery(name, cypher(`analyst/${name}`));
    });
}

export function findSavedQuery(name: string): SavedQuery {
  const found = /^[a-z0-9-]+$/.test(name) ? listSavedQueries().find((q) => q.name === name) : undefined;
  if (!found) throw new NotFound(`No saved query called "${name}"; GET /api/queries lists them.`);
  return found;
}

/** Checks and converts the values given for a saved query's parameters (absent optional ones are null). */
export function bindSavedParams(query: SavedQuery, given: Record<string, unknown>): Record<string, unknown> {
  const problems: { param: string; message: string }[] = [];
  for (const key of Object.keys(given)) {
    if (!query.params.some((p) => p.name === key))
      problems.push({ param: `params.${key}`, message: `is not a parameter of ${query.name}` });
  }
  const bound: Record<string, unknown> = {};
  for (const param of query.params) {
    const value = given[param.name];
    const where = `params.${param.name}`;
    if (value === undefined || value === null || value === '') {
      if (param.required) problems.push({ param: where, message: `is required (${param.description})` });
      bound[param.name] = null;
      continue;
    }
    const text = String(value);
    switch (param.type) {
      case 'integer':
        if (!/^\d{1,6}$/.test(text)) problems.push({ param: where, message: 'a whole number' });
        bound[param.name] = Number(text);
        break;
      case 'date-start':
      case 'date-end':
        if (!isPeriod(text)) problems.push({ param: where, message: PERIOD_HINT });
        else bound[param.name] = periodBound(text, param.type === 'date-start' ? 'start' : 'end');
        break;
      case 'country':
        bound[param.name] = /^[A-Za-z]{2}$/.test(text) ? `country:${text.toUpperCase()}` : text;
        break;
      default:
        bound[param.name] = text;
    }
  }
  if (problems.length) throw new BadInput(problems.map((p) => `${p.param}: ${p.message}`).join('; '), problems[0]!.param, problems);
  return bound;
}

/**
 * A person id given to a saved query that was merged into a cluster stands for the cluster: the
 * query runs with the cluster's id, as every other read does.
 */
export async function redirectMergedPeople(reader: GraphReader, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const ids = Object.values(params).filter((v): v is string => typeof v === 'string' && v.startsWith('person:'));
  if (ids.length === 0) return params;
  const out = { ...params };
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string' || !value.startsWith('person:')) continue;
    const [row] = await read(reader, 'entity-alias', { ids: [value] });
    if (row) out[key] = row.id;
  }
  return out;
}
