// One error type per failure a caller can act on. They carry no HTTP details; server/http/problem.ts
// maps them to application/problem+json in exactly one place.
import type { PropertyChange } from './accept-changes.ts';

export abstract class AppError extends Error {
  abstract readonly code: string;
}

/** An id or resource that does not exist. */
export class NotFound extends AppError {
  override readonly name = 'NotFound';
  readonly code = 'not-found';
}

/** A request parameter or body that is malformed; `param` names it. */
export class BadInput extends AppError {
  override readonly name = 'BadInput';
  readonly code = 'bad-input';
  constructor(
    message: string,
    readonly param?: string,
    readonly problems: { param: string; message: string }[] = [],
    /** Where in a query text the problem is (Cypher syntax errors). */
    readonly position?: { line: number; column: number; offset: number },
  ) {
    super(message);
  }
}

/** A change that contradicts what is already recorded (a judgement against an earlier one). */
export class Conflict extends AppError {
  override readonly name = 'Conflict';
  readonly code = 'conflict';
}

/** A query the read-only console will not run (writes, admin commands, procedures not allowed). */
export class QueryRefused extends AppError {
  override readonly name = 'QueryRefused';
  readonly code = 'query-refused';
}

/** A query that ran past its time limit; the database cancelled it. */
export class QueryTimeout extends AppError {
  override readonly name = 'QueryTimeout';
  readonly code = 'query-timeout';
}

/** A query that is valid but failed while running (division by zero, a bad conversion, …). */
export class QueryFailed extends AppError {
  override readonly name = 'QueryFailed';
  readonly code = 'query-failed';
}

/** A query that needed more memory than the database allows one query; retrying the same query will not help. */
export class QueryTooLarge extends AppError {
  override readonly name = 'QueryTooLarge';
  readonly code = 'query-too-large';
}

/**
 * A named read query answered with rows the code cannot read (a column renamed or missing in its
 * .cypher file, a value of another type): a defect on our side, named by query, row and column.
 */
export class QueryShapeMismatch extends AppError {
  override readonly name = 'QueryShapeMismatch';
  readonly code = 'query-shape-mismatch';
  constructor(
    readonly query: string,
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** A failure that passes: the caller is told when to try again (HTTP Retry-After). */
export abstract class RetryLater extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}

/** The database cannot be reached right now; retrying later may work. */
export class DatabaseUnavailable extends RetryLater {
  override readonly name = 'DatabaseUnavailable';
  readonly code = 'database-unavailable';
}

export function databaseUnreachable(): DatabaseUnavailable {
  return new DatabaseUnavailable('The graph database cannot be reached; try again shortly.');
}

/** Every database connection is busy, or the database is short of memory or time for the moment. */
export function databaseBusy(): Busy {
  return new Busy('The graph database is busy; try again shortly.', 2);
}

/** A protected endpoint called without the right API key. */
export class Unauthorized extends AppError {
  override readonly name = 'Unauthorized';
  readonly code = 'unauthorized';
}

/** A caller who sent too many requests too quickly; retry after the window. */
export class TooManyRequests extends RetryLater {
  override readonly name = 'TooManyRequests';
  readonly code = 'too-many-requests';
}

/** The server is at capacity for this kind of work (a full queue, no free database connection); retry later. */
export class Busy extends RetryLater {
  override readonly name = 'Busy';
  readonly code = 'busy';
}

/** Valid input the server cannot turn into a result (an article the drafter cannot draft within its budget). */
export class Unprocessable extends AppError {
  override readonly name = 'Unprocessable';
  readonly code = 'unprocessable';
}

/**
 * A reviewed draft that would change what is already in the graph: each change needs an explicit
 * choice (keep or replace) before anything is written.
 */
export class NeedsDecision extends AppError {
  override readonly name = 'NeedsDecision';
  readonly code = 'needs-decision';
  constructor(
    message: string,
    readonly changes: PropertyChange[],
  ) {
    super(message);
  }
}
