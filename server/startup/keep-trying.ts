// Runs a start-up step (schema, seeds) until it succeeds, so the server can start while the database
// is down and finish preparing by itself once the database answers. Only errors that mean "not
// reachable yet" are retried; anything else is a real failure and is reported once.
import { Backoff } from '../../neo4j/backoff.ts';
import type { HealthAnswer } from '../../domain/contracts/system.ts';

export type PreparationState = HealthAnswer['startup']['state'];

export interface Preparation {
  state(): PreparationState;
  lastError(): string | undefined;
  /** Resolves after the first attempt: true when it succeeded. */
  readonly firstAttempt: Promise<boolean>;
  /** Resolves when the step has succeeded or failed for good (not when stopped). */
  readonly settled: Promise<PreparationState>;
  stop(): void;
}

export interface KeepTryingOptions {
  isTransient: (error: unknown) => boolean;
  log: (line: string) => void;
  /** First wait between attempts; doubles up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export function keepTrying(step: () => Promise<void>, options: KeepTryingOptions): Preparation {
  let state: PreparationState = 'pending';
  let lastError: string | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let reportFirst: (ok: boolean) => void = () => {};
  const firstAttempt = new Promise<boolean>((resolve) => (reportFirst = resolve));

  const run = async (): Promise<PreparationState> => {
    const backoff = new Backoff({ initialMs: options.initialDelayMs ?? 1_000, maxMs: options.maxDelayMs ?? 5_000 });
    let attempt = 0;
    while (!stopped) {
      attempt += 1;
      try {
        await step();
        state = 'ready';
        lastError = undefined;
        if (attempt > 1) options.log(`database ready after ${attempt} attempts`);
        reportFirst(true);
        return state;
      } catch (error) {
        lastError = (error as Error).message;
        if (!options.isTransient(error)) {
          state = 'failed';
          options.log(`start-up step failed: ${lastError}`);
          reportFirst(false);
          return state;
        }
        if (attempt === 1) options.log(`database not reachable (${lastError}); retrying in the background`);
        reportFirst(false);
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, backoff.next());
      });
    }
    return state;
  };
  const settled = run();
  return {
    state: () => state,
    lastError: () => lastError,
    firstAttempt,
    settled,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
    },
  };
}
