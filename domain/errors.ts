// One error type per failure a caller can act on. They carry no HTTP details; server/http/problem.ts
// maps them to application/problem+json in exactly one place.

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

/** The database cannot be reached right now; retrying later may work. */
export class DatabaseUnavailable extends AppError {
  override readonly name = 'DatabaseUnavailable';
  readonly code = 'database-unavailable';
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}

export function databaseUnreachable(): DatabaseUnavailable {
  return new DatabaseUnavailable('The graph database cannot be reached; try again shortly.');
}

/** A protected endpoint called without the right API key. */
export class Unauthorized extends AppError {
  override readonly name = 'Unauthorized';
  readonly code = 'unauthorized';
}

/** A caller who sent too many requests too quickly; retry after the window. */
export class TooManyRequests extends AppError {
  override readonly name = 'TooManyRequests';
  readonly code = 'too-many-requests';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
