// npm run serve: runs the server (server/main.ts) as a child process and starts it again when it dies
// without being asked to (a crash, kill -9, running out of memory), waiting longer after each quick
// failure (neo4j/backoff.ts) — what systemd's Restart=on-failure or compose's restart: do, for hosts
// that have neither. SIGINT/SIGTERM are passed on and the supervisor exits with the server. Five
// failures in a row, each within 10 s of starting, stop it (a bad configuration will not heal).
// The child exits by itself if this process dies (it watches the IPC channel), so no server is orphaned.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Backoff } from '../neo4j/backoff.ts';

const SERVER = fileURLToPath(new URL('./main.ts', import.meta.url));
const QUICK_FAILURE_MS = 10_000;
const MAX_QUICK_FAILURES = 5;
/** How long the server gets to drain and stop after SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 30_000;

const log = (line: string) => console.log(`[supervisor] ${line}`);
const backoff = new Backoff({ initialMs: 1_000, maxMs: 30_000, stableMs: 60_000 });
let child: ChildProcess | undefined;
let stopping: NodeJS.Signals | undefined;
let quickFailures = 0;

function start(): void {
  const began = Date.now();
  child = fork(SERVER, process.argv.slice(2), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  log(`server started (pid ${child.pid})`);
  child.once('exit', (code, signal) => {
    if (stopping) process.exit(code ?? 0);
    const upFor = Date.now() - began;
    if (code === 0) {
      log('server stopped by itself (exit code 0); not restarting');
      process.exit(0);
    }
    quickFailures = upFor < QUICK_FAILURE_MS ? quickFailures + 1 : 0;
    if (quickFailures >= MAX_QUICK_FAILURES) {
      log(`server failed ${quickFailures} times in a row within ${QUICK_FAILURE_MS / 1000} s of starting; giving up`);
      process.exit(1);
    }
    const wait = backoff.next(upFor);
    log(
      `server (pid ${child?.pid}) exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}) after ${(upFor / 1000).toFixed(0)} s; restarting in ${(wait / 1000).toFixed(0)} s`,
    );
    setTimeout(start, wait);
  });
}

function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = signal;
  if (!child || child.exitCode !== null || child.signalCode !== null) process.exit(0);
  child.kill(signal);
  setTimeout(() => child?.kill('SIGKILL'), STOP_TIMEOUT_MS).unref();
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
start();
