// How every command-line tool meets the database and ends. A tool reaches the configured Neo4j
// (NEO4J_URI), or the local one under DATA_DIR: the one the running app started when there is one,
// else one it starts for its own duration. It ends with its exit code; an expected problem (bad
// input, a refused file, a database that is not there) is one line on stderr, never a stack trace.
import { LocalNeo4jError } from '../neo4j/local.ts';
import { AppError } from '../domain/errors.ts';
import { FactFileError } from '../domain/fact-errors.ts';
import { ConfigError, loadDatabaseConfig } from './config.ts';
import { openDatabase, type OpenDatabase } from './connect.ts';
import { isUnreachable } from './database.ts';

/** An error whose message is the usage text: the command line itself was wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An error a tool expects and explains in its message (a refused import, a missing file). */
export class CliProblem extends Error {
  override readonly name = 'CliProblem';
}

/** Errors whose message says all a user needs; anything else is a bug and keeps its stack. */
function isExpected(error: unknown): error is Error {
  return (
    error instanceof AppError ||
    error instanceof UsageError ||
    error instanceof CliProblem ||
    error instanceof ConfigError ||
    error instanceof LocalNeo4jError ||
    error instanceof FactFileError
  );
}

export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(isExpected(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = error instanceof AppError || error instanceof UsageError ? 2 : 1;
    },
  );
}

/** For command-line tools: open, run, always close (the local JVM too, also on Ctrl-C). */
export async function withDatabase<T>(run: (db: OpenDatabase) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadDatabaseConfig(), (line) => console.error(line), {}, { shareRunning: true });
  const onSignal = () => void db.close().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await run(db);
  } catch (error) {
    if (isUnreachable(error))
      throw new CliProblem(
        `Neo4j at ${db.uri} cannot be reached (${(error as Error).message.split('\n')[0]}); is it running? (NEO4J_URI, or unset it for the local one)`,
      );
    throw error;
  } finally {
    await db.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
