// How every command-line tool ends: its exit code, or the error's message with 2 for bad input or a
// refused query (the caller can fix it) and 1 for anything else.
import { AppError } from '../../domain/errors.ts';

/** An error whose message is the usage text: the command line itself was wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = error instanceof AppError || error instanceof UsageError ? 2 : 1;
    },
  );
}
