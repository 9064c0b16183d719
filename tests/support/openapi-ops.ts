// The API's operations as its own OpenAPI description states them, for tests that try every parameter
// of every endpoint (fuzzing, injection).
import { buildOpenApi } from '../../server/http/openapi.ts';

export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  properties?: Record<string, JsonSchema>;
}

export interface Parameter {
  name: string;
  in: 'query' | 'path';
  schema: JsonSchema;
}

export interface Operation {
  method: 'get' | 'post';
  path: string;
  params: Parameter[];
  body?: JsonSchema | undefined;
}

export function operations(): Operation[] {
  const doc = buildOpenApi() as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method as Operation['method'],
      path,
      params: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema,
    })),
  );
}

/** Percent-encodes UTF-8 bytes; unlike encodeURIComponent it accepts lone surrogates (as U+FFFD). */
function encodeBytes(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** The URL for `op` with these parameter values (absent values are left out; path values encoded). */
export function urlFor(op: Operation, values: Record<string, string | undefined>): string {
  let path = op.path;
  const query = new URLSearchParams();
  for (const param of op.params) {
    const value = values[param.name];
    if (param.in === 'path') path = path.replace(`{${param.name}}`, encodeBytes(value ?? 'x'));
    else if (value !== undefined) query.set(param.name, value);
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Signs of an internal error leaking: stack frames, file paths, driver class names. */
export const LEAK = /\n\s+at \S.*:\d+:\d+|node_modules|\/work\/|Neo4jError|TypeError|ReferenceError/;
