// Maps errors to RFC 9457 application/problem+json — the only place errors meet HTTP. Unknown errors
// become a 500 with no internals (no message, no stack) in the response; the log gets the details.
import type { ErrorRequestHandler, Response } from 'express';
import { isMemoryError, isPoolExhausted, isTimedOut, isUnreachable } from '../../graph/database.ts';
import {
  AppError,
  BadInput,
  Busy,
  Conflict,
  DatabaseUnavailable,
  NeedsDecision,
  NotFound,
  QueryFailed,
  QueryRefused,
  QueryShapeMismatch,
  QueryTimeout,
  QueryTooLarge,
  RetryLater,
  TooManyRequests,
  Unauthorized,
  Unprocessable,
  databaseBusy,
  databaseUnreachable,
} from '../../domain/errors.ts';
import type { Problem } from '../../domain/contracts/common.ts';

/** The problem+json body (the contract: domain/contracts/common.ts). */
export type { Problem };

const TYPE_BASE = '/api/problems/';

/** Status and title of each error type. */
const STATUS: [new (...args: never[]) => AppError, number, string][] = [
  [NotFound, 404, 'Not found'],
  [BadInput, 400, 'Bad request'],
  [Unauthorized, 401, 'Unauthorized'],
  [QueryRefused, 403, 'Query refused'],
  [QueryTimeout, 408, 'Query timed out'],
  [NeedsDecision, 409, 'Decision needed'],
  [Conflict, 409, 'Conflict'],
  [QueryFailed, 422, 'Query failed'],
  [QueryTooLarge, 422, 'Query used too much memory'],
  [Unprocessable, 422, 'Unprocessable content'],
  [TooManyRequests, 429, 'Too many requests'],
  [QueryShapeMismatch, 500, 'Query answer not as expected'],
  [DatabaseUnavailable, 503, 'Database unavailable'],
  [Busy, 503, 'Service busy'],
];

/**
 * What body-parser and the HTTP layer refuse (http-errors with a 4xx status), by their `type`: a fixed
 * sentence each, never the library's message.
 */
const REQUEST_ERRORS: Record<string, { status: number; code: string; title: string; detail: string }> = {
  'entity.parse.failed': { status: 400, code: 'bad-input', title: 'Bad request', detail: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, code: 'too-large', title: 'Payload too large', detail: 'The request body is too large.' },
  'charset.unsupported': {
    status: 415,
    code: 'unsupported-media-type',
    title: 'Unsupported media type',
    detail: 'The request body must be JSON in UTF-8 (Content-Type: application/json; charset=utf-8).',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported-media-type',
    title: 'Unsupported media type',
    detail: 'The Content-Encoding is not supported: send the body as is, or with gzip, deflate or br.',
  },
  'request.size.invalid': {
    status: 400,
    code: 'bad-input',
    title: 'Bad request',
    detail: 'The request body does not have the length its Content-Length says.',
  },
  'request.aborted': { status: 400, code: 'bad-input', title: 'Bad request', detail: 'The request body ended before it was complete.' },
};
const UNREADABLE_BODY = {
  status: 400,
  code: 'bad-input',
  title: 'Bad request',
  detail: 'The request body could not be read (a corrupt compressed body?).',
};

/**
 * Last line of defence for messages that pass through from libraries and the database: no file paths,
 * no Java or driver class names, no stack frames reach a response.
 */
export function scrubDetail(detail: string): string {
  return detail
    .replace(/\n\s+at .*/gs, '')
    .replace(/(?:[A-Za-z]:)?(?:[\\/][\w.@+-]+){2,}\.(?:[cm]?[jt]s|java|cypher|ya?ml|txt|json|log|jar|class)\b(?::\d+(?::\d+)?)?/g, '…')
    .replace(/\b(?:org|java|javax|jdk|sun|com|io|scala|kotlin)\.(?:[a-z_$][\w$]*\.)+[A-Za-z_$][\w$]*/g, '…')
    .replace(/\b(?:Neo4jError|TypeError|ReferenceError|RangeError|SyntaxError|ZodError)\b:?\s*/g, '');
}

export function problemFor(error: unknown): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof AppError) {
    const [, status, title] = STATUS.find(([type]) => error instanceof type) ?? [AppError, 500, 'Error'];
    const problem: Problem = { type: TYPE_BASE + error.code, title, status, detail: scrubDetail(error.message) };
    if (error instanceof BadInput) {
      if (error.param) problem.param = error.param;
      if (error.problems.length) problem.errors = error.problems.map((p) => ({ ...p, message: scrubDetail(p.message) }));
      if (error.position) problem.position = error.position;
    }
    if (error instanceof NeedsDecision) problem.changes = error.changes;
    const headers: Record<string, string> = {};
    if (error instanceof RetryLater) headers['Retry-After'] = String(error.retryAfterSeconds);
    // RFC 9110: a 401 names the scheme the client should use.
    if (error instanceof Unauthorized) headers['WWW-Authenticate'] = 'Bearer realm="diplomatic-kg"';
    return { problem, headers };
  }
  if (isUnreachable(error)) return problemFor(databaseUnreachable());
  // Our own queries over a memory limit or their time-out, or no pooled connection free in time: the database is busy.
  if (isMemoryError(error) || isTimedOut(error) || isPoolExhausted(error)) return problemFor(databaseBusy());
  const parse = error as { type?: string; status?: number; expose?: boolean; code?: string };
  // The router could not percent-decode a path segment (e.g. "%E0%A4%A").
  if (error instanceof URIError && parse?.status === 400)
    return problemFor(new BadInput('The URL is not valid percent-encoded UTF-8.', 'url'));
  // What body-parser refuses: a 4xx http-error (an unknown type is a body that did not decompress).
  if (typeof parse?.status === 'number' && parse.status >= 400 && parse.status < 500 && parse.expose !== false) {
    const known = (parse.type && REQUEST_ERRORS[parse.type]) || UNREADABLE_BODY;
    const problem: Problem = { type: TYPE_BASE + known.code, title: known.title, status: known.status, detail: known.detail };
    if (known.status === 400) problem.param = 'body';
    return { problem, headers: {} };
  }
  return {
    problem: {
      type: `${TYPE_BASE}internal`,
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side; it has been logged.',
    },
    headers: {},
  };
}

/** Sends the problem for `error`; `extensions` adds members (RFC 9457 allows them), e.g. health details. */
export function sendProblem(res: Response, error: unknown, extensions: Record<string, unknown> = {}): void {
  const { problem, headers } = problemFor(error);
  res
    .status(problem.status)
    .set(headers)
    .type('application/problem+json')
    .send(JSON.stringify({ ...extensions, ...problem }));
}

export function problemHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const { problem } = problemFor(error);
    if (problem.status >= 500 && problem.status !== 503) log(`internal error: ${(error as Error)?.stack ?? String(error)}`);
    sendProblem(res, error);
  };
}
