// Maps errors to RFC 9457 application/problem+json — the only place errors meet HTTP. Unknown errors
// become a 500 with no internals (no message, no stack) in the response; the log gets the details.
import type { ErrorRequestHandler, Response } from 'express';
import { isUnreachable } from '../../graph/database.ts';
import {
  AppError, BadInput, Conflict, DatabaseUnavailable, NotFound, QueryFailed, QueryRefused, QueryTimeout, TooManyRequests, Unauthorized,
  databaseUnreachable,
} from '../../domain/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

const TYPE_BASE = '/api/problems/';

export function problemFor(error: unknown): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof AppError) {
    const status =
      error instanceof NotFound ? 404
      : error instanceof BadInput ? 400
      : error instanceof Unauthorized ? 401
      : error instanceof QueryRefused ? 403
      : error instanceof QueryTimeout ? 408
      : error instanceof Conflict ? 409
      : error instanceof QueryFailed ? 422
      : error instanceof TooManyRequests ? 429
      : error instanceof DatabaseUnavailable ? 503
      : 500;
    const titles: Record<number, string> = {
      400: 'Bad request', 401: 'Unauthorized', 429: 'Too many requests', 403: 'Query refused', 404: 'Not found', 408: 'Query timed out', 409: 'Conflict', 422: 'Query failed', 503: 'Database unavailable',
    };
    const problem: Problem = { type: TYPE_BASE + error.code, title: titles[status] ?? 'Error', status, detail: error.message };
    if (error instanceof BadInput) {
      if (error.param) problem.param = error.param;
      if (error.problems.length) problem.errors = error.problems;
      if (error.position) problem.position = error.position;
    }
    const headers: Record<string, string> = {};
    if (error instanceof DatabaseUnavailable || error instanceof TooManyRequests) headers['Retry-After'] = String(error.retryAfterSeconds);
    // RFC 9110: a 401 names the scheme the client should use.
    if (error instanceof Unauthorized) headers['WWW-Authenticate'] = 'Bearer realm="diplomatic-kg"';
    return { problem, headers };
  }
  if (isUnreachable(error)) return problemFor(databaseUnreachable());
  const parse = error as { type?: string; status?: number };
  // The router could not percent-decode a path segment (e.g. "%E0%A4%A").
  if (error instanceof URIError && parse?.status === 400) return problemFor(new BadInput('The URL is not valid percent-encoded UTF-8.', 'url'));
  if (parse?.type === 'entity.parse.failed') return problemFor(new BadInput('The request body is not valid JSON.', 'body'));
  if (parse?.type === 'entity.too.large') {
    return { problem: { type: `${TYPE_BASE}too-large`, title: 'Payload too large', status: 413, detail: 'The request body is too large.' }, headers: {} };
  }
  return {
    problem: { type: `${TYPE_BASE}internal`, title: 'Internal error', status: 500, detail: 'Something went wrong on our side; it has been logged.' },
    headers: {},
  };
}

/** Sends the problem for `error`; `extensions` adds members (RFC 9457 allows them), e.g. health details. */
export function sendProblem(res: Response, error: unknown, extensions: Record<string, unknown> = {}): void {
  const { problem, headers } = problemFor(error);
  res.status(problem.status).set(headers).type('application/problem+json').send(JSON.stringify({ ...extensions, ...problem }));
}

export function problemHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const { problem } = problemFor(error);
    if (problem.status >= 500 && problem.status !== 503) log(`internal error: ${(error as Error)?.stack ?? String(error)}`);
    sendProblem(res, error);
  };
}
