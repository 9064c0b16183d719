// Fetches (once, through Maven) and starts a local embedded Neo4j 5.26 for development and tests.
// The JVM watches its stdin: it exits when this process closes the pipe or dies, so no orphan JVM
// can outlive us, even after SIGKILL. stop() closes the pipe and waits for the JVM to exit. Its
// output is appended to <home>/neo4j.log as it arrives; `exited` reports an exit nobody asked for,
// with the last lines it printed (neo4j/supervisor.ts restarts it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NEO4J_DIR = dirname(fileURLToPath(import.meta.url));
const TARGET = join(NEO4J_DIR, 'target');
const STAMP = join(TARGET, '.fetched');

/**
 * JVM flags embedded Neo4j needs on Java 17 (module access); the heap comes from StartOptions.memory.
 * No -XX:+ExitOnOutOfMemoryError: an OutOfMemoryError inside one query is answered to that query and
 * the JVM carries on; one that Neo4j cannot answer ends the JVM through the launcher (Launcher.java).
 */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.net=ALL-UNNAMED',
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
];

export type Log = (line: string) => void;

export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
}

function javaBinary(): string {
  const home = process.env.JAVA_HOME;
  return home ? join(home, 'bin', 'java') : 'java';
}

function sourcesFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(NEO4J_DIR, 'pom.xml')));
  const java = join(NEO4J_DIR, 'src/main/java/kg');
  for (const file of readdirSync(java).sort()) hash.update(file).update(readFileSync(join(java, file)));
  return hash.digest('hex');
}

/** Checks Java 17+ is there; throws a message that says what to install. */
export function checkJava(): void {
  const result = spawnSync(javaBinary(), ['-version'], { encoding: 'utf8' });
  const text = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const match = /version "(\d+)/.exec(text);
  if (result.error || !match || Number(match[1]) < 17) {
    throw new LocalNeo4jError(
      'Java 17 or newer is needed to run the local Neo4j (Debian: apt-get install openjdk-17-jdk-headless maven), ' +
        'or set NEO4J_URI to use an existing Neo4j server.',
    );
  }
}

/** Downloads the Neo4j jars from Maven Central and compiles the launcher, unless already done. */
export function ensureNeo4jJars(log: Log = () => {}): void {
  const fingerprint = sourcesFingerprint();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint) return;
  checkJava();
  log('Fetching Neo4j 5.26 from Maven Central (first run only, about a minute)…');
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', join(NEO4J_DIR, 'pom.xml'), 'package'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jError(
      `Maven could not fetch Neo4j (${mvn.error?.message ?? `exit ${mvn.status}`}). ` +
        'Install Maven (apt-get install maven) or set NEO4J_URI to use an existing Neo4j server.',
    );
  }
  writeFileSync(STAMP, fingerprint);
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const server = createServer();
    server.once('error', () => answer(false));
    server.listen(port, '127.0.0.1', () => server.close(() => answer(true)));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether `pid`'s parent is gone (Linux /proc): a JVM whose server was killed and that is shutting down alone. */
function orphaned(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid === 1 || !processAlive(ppid);
  } catch {
    return false;
  }
}

/** The local Neo4j running on `home` (started by another process, such as the app), if there is one. */
export function runningLocalNeo4j(home: string): { uri: string; pid: number } | undefined {
  const dir = resolve(home);
  const pidFile = join(dir, 'neo4j.pid');
  const uriFile = join(dir, 'bolt.uri');
  if (!existsSync(pidFile) || !existsSync(uriFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  const uri = readFileSync(uriFile, 'utf8').trim();
  return pid && processAlive(pid) && /^bolt:\/\/127\.0\.0\.1:\d+$/.test(uri) ? { uri, pid } : undefined;
}

/** How a JVM ended without being asked to: its exit code or signal and the last lines it printed. */
export interface JvmExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: Date;
  lastOutput: string[];
}

export interface LocalNeo4j {
  readonly uri: string;
  readonly version: string;
  readonly pid: number;
  readonly home: string;
  /** Stops the JVM and waits for it to exit (bounded). Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves if the JVM exits by itself (a crash, a kill, a fatal error); never after stop(). */
  readonly exited: Promise<JvmExit>;
}

export interface StartOptions {
  /** Where the database files live (created if missing). */
  home: string;
  /** Bolt port, used as given (the supervisor restarts on the same one); when absent, `preferredPort`
   *  if free, else any free port, and another free one if the port is taken before the JVM binds it. */
  port?: number;
  /** The port tried first when `port` is absent; default 7687, Neo4j's own. */
  preferredPort?: number;
  /** Delete `home` when stopped (throw-away test databases). */
  ephemeral?: boolean;
  log?: Log;
  /** How long to wait for Bolt to come up. */
  startTimeoutMs?: number;
  /** JVM heap, page cache and transaction memory limits; the default suits the seeds and tests (see DEFAULT_MEMORY). */
  memory?: Neo4jMemory;
}

export interface Neo4jMemory {
  heapMiB: number;
  /** Size it to the store (bench/README.md): a graph larger than the page cache is read from disk on every miss. */
  pageCacheMiB: number;
  /** What one transaction may hold (db.memory.transaction.max); default: a quarter of the heap. */
  transactionMiB?: number | undefined;
  /** What all transactions together may hold (dbms.memory.transaction.total.max); default: half the heap. */
  transactionsTotalMiB?: number | undefined;
}

/** Enough for the seeds, the State Department import and the tests, several of which run at once. */
export const DEFAULT_MEMORY: Neo4jMemory = { heapMiB: 1024, pageCacheMiB: 512 };

/**
 * The Neo4j settings that bound memory. Neo4j tracks what operators hold (collect, sort, distinct,
 * hash joins …) against these limits and fails the transaction that goes over them with a memory
 * error; the other half of the heap is headroom for what it does not track (values built inside one
 * expression, Neo4j itself). SECURITY.md lists what each limit stops, as measured.
 */
export function memorySettings(memory: Neo4jMemory): Record<string, string> {
  const perTransaction = memory.transactionMiB ?? Math.max(64, Math.floor(memory.heapMiB / 4));
  const total = memory.transactionsTotalMiB ?? Math.max(perTransaction, Math.floor(memory.heapMiB / 2));
  return {
    'db.memory.transaction.max': `${perTransaction}m`,
    'dbms.memory.transaction.total.max': `${total}m`,
  };
}

/**
 * How many Bolt ports start-up tries in all when it chose the port itself: a port free when checked can
 * be taken before the JVM binds it (several checkouts or test runs starting at once), and the JVM then
 * exits; start-up goes on with another free port instead of failing.
 */
export const PORT_ATTEMPTS = 5;

/** The JVM's start-up output says its Bolt port was taken (Neo4j's PortBindException, EADDRINUSE). */
export const boltPortTaken = (output: string): boolean => /PortBindException|Address already in use/.test(output);

/** Output files larger than this are moved to neo4j.log.1 when the JVM starts, so logs stay bounded. */
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;
/** How many of the JVM's last output lines an unexpected exit reports. */
const LAST_LINES = 40;

export async function startLocalNeo4j(options: StartOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  ensureNeo4jJars(log);
  const home = resolve(options.home);
  mkdirSync(home, { recursive: true });
  const pidFile = join(home, 'neo4j.pid');
  const uriFile = join(home, 'bolt.uri');
  if (existsSync(pidFile)) {
    const stale = Number(readFileSync(pidFile, 'utf8'));
    // The JVM of a process that was killed closes itself cleanly, which can take many seconds; Neo4j
    // recovers from its transaction log at the next start, so stop it now instead of waiting.
    if (stale && processAlive(stale) && orphaned(stale)) {
      log(`stopping the Neo4j (pid ${stale}) left running by a process that died`);
      process.kill(stale, 'SIGKILL');
    }
    // A previous run may still be shutting down: give it a little time before refusing.
    for (let waited = 0; stale && processAlive(stale) && waited < 30_000; waited += 500) await new Promise((r) => setTimeout(r, 500));
    if (stale && processAlive(stale)) {
      throw new LocalNeo4jError(
        `A Neo4j (pid ${stale}) is already running on ${home}: stop the process that started it (npm start), or set DATA_DIR to use other data.`,
      );
    }
    rmSync(pidFile, { force: true });
  }
  const preferred = options.preferredPort ?? 7687;
  let port = options.port ?? ((await portIsFree(preferred)) ? preferred : await freePort());
  const classpath = [join(TARGET, 'classes'), join(TARGET, 'lib', '*')].join(':');
  const memory = options.memory ?? DEFAULT_MEMORY;
  const heap = [`-Xms${Math.min(512, memory.heapMiB)}m`, `-Xmx${memory.heapMiB}m`];
  // Garbage collections with their pauses and heap after each (a few MiB, rotated): what to read when the database stalls.
  const gcLog = `-Xlog:gc:file=${join(home, 'gc.log')}:time,uptime:filecount=2,filesize=5m`;
  const settingsFile = join(home, 'neo4j.conf');
  writeFileSync(
    settingsFile,
    Object.entries(memorySettings(memory))
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
  );

  const launch = async (boltPort: number) => {
    const output = openOutputLog(join(home, 'neo4j.log'));
    const child = spawn(
      javaBinary(),
      [
        ...heap,
        gcLog,
        ...JVM_FLAGS,
        '-cp',
        classpath,
        'kg.Launcher',
        home,
        String(boltPort),
        join(TARGET, 'plugins'),
        String(memory.pageCacheMiB),
        settingsFile,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    if (child.pid === undefined) throw new LocalNeo4jError('could not start java');
    writeFileSync(pidFile, String(child.pid));
    child.stdout?.on('data', output.write);
    child.stderr?.on('data', output.write);
    // 'exit' can come before the last output: the cause of an exit is read once the pipes are closed.
    const drained = new Promise<void>((done) => child.once('close', () => done()));
    try {
      return { child, output, pid: child.pid, version: await waitForReady(child, output.text, options.startTimeoutMs ?? 120_000) };
    } catch (error) {
      const exited = child.exitCode !== null || child.signalCode !== null;
      if (exited) await Promise.race([drained, new Promise((later) => setTimeout(later, 5_000).unref())]);
      child.kill('SIGKILL');
      await output.close();
      rmSync(pidFile, { force: true });
      return { failure: `${(error as Error).message}; JVM output in ${output.path}`, portTaken: exited && boltPortTaken(output.text()) };
    }
  };

  let started = await launch(port);
  for (let attempt = 2; 'failure' in started && started.portTaken && options.port === undefined && attempt <= PORT_ATTEMPTS; attempt++) {
    const next = await freePort();
    log(`Bolt port ${port} was taken before Neo4j could bind it; starting on ${next} (attempt ${attempt} of ${PORT_ATTEMPTS})`);
    port = next;
    started = await launch(port);
  }
  if ('failure' in started) throw new LocalNeo4jError(started.failure);
  const { child, output, pid, version } = started;
  const uri = `bolt://127.0.0.1:${port}`;
  // Other tools on the same data (npm run import while the app runs) connect here instead of starting a second JVM.
  writeFileSync(uriFile, uri);

  let stopping: Promise<void> | undefined;
  const exited = new Promise<JvmExit>((report) => {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      rmSync(pidFile, { force: true });
      rmSync(uriFile, { force: true });
      report({ code, signal, at: new Date(), lastOutput: output.lastLines() });
    });
  });
  const stop = (): Promise<void> => {
    stopping ??= stopJvm(child).then(async () => {
      await output.close();
      rmSync(pidFile, { force: true });
      rmSync(uriFile, { force: true });
      if (options.ephemeral) rmSync(home, { recursive: true, force: true });
    });
    return stopping;
  };
  return { uri, version, pid, home, stop, exited };
}

interface OutputLog {
  readonly path: string;
  write: (chunk: Buffer) => void;
  /** Everything written so far, for the start-up check (the JVM prints little before READY). */
  text(): string;
  lastLines(): string[];
  close(): Promise<void>;
}

/** Appends the JVM's output to `path` as it arrives and keeps its last lines in memory. */
function openOutputLog(path: string): OutputLog {
  if (existsSync(path) && statSync(path).size > LOG_ROTATE_BYTES) renameSync(path, `${path}.1`);
  const file = createWriteStream(path, { flags: 'a' });
  file.write(`--- ${new Date().toISOString()} starting Neo4j\n`);
  let startup = '';
  let lines: string[] = [];
  let partial = '';
  return {
    path,
    write: (chunk) => {
      file.write(chunk);
      const text = chunk.toString();
      if (startup.length < 65_536) startup += text;
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      lines = [...lines, ...parts].slice(-LAST_LINES);
    },
    text: () => startup,
    lastLines: () => (partial ? [...lines, partial] : lines).slice(-LAST_LINES),
    close: () => new Promise<void>((done) => file.end(done)),
  };
}

function waitForReady(child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`Neo4j did not start within ${timeoutMs} ms`)), timeoutMs);
    const onData = () => {
      const ready = /READY \S+ neo4j (\S+)/.exec(output());
      if (ready?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolveReady(ready[1]);
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited during start-up (code ${code})`));
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopJvm(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const hardKill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(hardKill);
      done();
    });
    // Closing stdin is the JVM's signal to shut down cleanly; SIGTERM is the fallback.
    child.stdin?.end();
    setTimeout(() => child.exitCode === null && child.kill('SIGTERM'), 20_000).unref();
  });
}

/** Lists the throw-away test database folders left by crashed runs, for cleanup. */
export function staleTestHomes(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.startsWith('test-'))
    .map((name) => join(root, name))
    .filter((dir) => {
      const pid = existsSync(join(dir, 'neo4j.pid')) ? Number(readFileSync(join(dir, 'neo4j.pid'), 'utf8')) : 0;
      return !pid || !processAlive(pid);
    });
}
