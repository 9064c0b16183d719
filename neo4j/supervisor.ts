// Keeps the local Neo4j up: when its JVM exits without being asked to (a crash, kill -9, a fatal
// error the launcher turned into exit code 3), the exit is logged with the JVM's last output, the
// state becomes "restarting", and it is started again on the same port and data, waiting longer
// after each failed attempt (Backoff). The driver reconnects by itself once Bolt answers again.
import { Backoff } from './backoff.ts';
import { startLocalNeo4j, type JvmExit, type LocalNeo4j, type Log, type StartOptions } from './local.ts';

import type { LocalStatus } from '../domain/contracts/system.ts';

export type LocalState = LocalStatus['state'];
/** What health reports about a database this process supervises (the API's health contract). */
export type { LocalStatus };

export interface SupervisedNeo4j {
  readonly uri: string;
  readonly home: string;
  readonly version: string;
  /** The JVM's pid now (it changes with every restart). */
  pid(): number;
  status(): LocalStatus;
  /** Stops supervising and stops the JVM. Safe to call twice. */
  stop(): Promise<void>;
}

export function describeExit(exit: JvmExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

export async function superviseLocalNeo4j(
  options: StartOptions,
  backoff = new Backoff(),
  start: (options: StartOptions) => Promise<LocalNeo4j> = startLocalNeo4j,
): Promise<SupervisedNeo4j> {
  const log: Log = options.log ?? (() => {});
  let current: LocalNeo4j = await start(options);
  const port = Number(new URL(current.uri).port);
  let state: LocalState = 'running';
  let since = new Date();
  let upSince = Date.now();
  let restarts = 0;
  let lastExit: LocalStatus['lastExit'];
  let stopping: Promise<void> | undefined;
  let starting: Promise<LocalNeo4j> | undefined;
  let wake: (() => void) | undefined;

  const enter = (next: LocalState) => {
    state = next;
    since = new Date();
  };

  const restart = async (upForMs: number) => {
    let wait = backoff.next(upForMs);
    while (!stopping) {
      log(`local Neo4j: restarting in ${(wait / 1000).toFixed(0)} s`);
      await new Promise<void>((resume) => {
        const timer = setTimeout(resume, wait);
        wake = () => {
          clearTimeout(timer);
          resume();
        };
      });
      if (stopping) return;
      const began = Date.now();
      try {
        starting = start({ ...options, port });
        current = await starting;
        restarts += 1;
        upSince = Date.now();
        enter('running');
        log(
          `local Neo4j: running again (pid ${current.pid}, started in ${((Date.now() - began) / 1000).toFixed(1)} s, restart ${restarts})`,
        );
        watch(current);
        return;
      } catch (error) {
        log(`local Neo4j: did not start (${(error as Error).message})`);
        wait = backoff.next();
      } finally {
        starting = undefined;
      }
    }
  };

  const watch = (jvm: LocalNeo4j) => {
    void jvm.exited.then((exit) => {
      if (stopping || jvm !== current) return;
      const upFor = Date.now() - upSince;
      lastExit = { at: exit.at.toISOString(), code: exit.code, signal: exit.signal };
      enter('restarting');
      log(
        [
          `local Neo4j (pid ${jvm.pid}) exited unexpectedly (${describeExit(exit)}) after ${(upFor / 1000).toFixed(0)} s; its last output:`,
          ...exit.lastOutput.map((line) => `  | ${line}`),
        ].join('\n'),
      );
      void restart(upFor);
    });
  };
  watch(current);

  return {
    uri: current.uri,
    home: current.home,
    version: current.version,
    pid: () => current.pid,
    status: () => ({ state, restarts, since: since.toISOString(), ...(lastExit ? { lastExit } : {}) }),
    stop: () => {
      stopping ??= (async () => {
        wake?.();
        const pending = starting;
        if (pending) current = await pending.catch(() => current);
        await current.stop();
        enter('stopped');
      })();
      return stopping;
    },
  };
}
