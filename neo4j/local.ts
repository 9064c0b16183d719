// Fetches (once, through Maven) and starts a local embedded Neo4j 5.26 for development and tests.
// The JVM watches its stdin: it exits when this process closes the pipe or dies, so no orphan JVM
// can outlive us, even after SIGKILL. stop() closes the pipe and waits for the JVM to exit.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NEO4J_DIR = dirname(fileURLToPath(import.meta.url));
const TARGET = join(NEO4J_DIR, 'target');
const STAMP = join(TARGET, '.fetched');

/** JVM flags embedded Neo4j needs on Java 17 (module access); the heap comes from StartOptions.memory. */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
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
  hash.update(readFileSync(join(NEO4J_DIR, 'src/main/java/kg/Launcher.java')));
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

export interface LocalNeo4j {
  readonly uri: string;
  readonly version: string;
  readonly pid: number;
  readonly home: string;
  /** Stops the JVM and waits for it to exit (bounded). Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Where the database files live (created if missing). */
  home: string;
  /** Bolt port; when absent, 7687 if free, else any free port. */
  port?: number;
  /** Delete `home` when stopped (throw-away test databases). */
  ephemeral?: boolean;
  log?: Log;
  /** How long to wait for Bolt to come up. */
  startTimeoutMs?: number;
  /** JVM heap and page cache; the default suits the seeds and tests (see DEFAULT_MEMORY). */
  memory?: Neo4jMemory;
}

export interface Neo4jMemory {
  heapMiB: number;
  /** Size it to the store (bench/README.md): a graph larger than the page cache is read from disk on every miss. */
  pageCacheMiB: number;
}

/** Enough for the seeds, the State Department import and the tests, several of which run at once. */
export const DEFAULT_MEMORY: Neo4jMemory = { heapMiB: 1024, pageCacheMiB: 512 };

export async function startLocalNeo4j(options: StartOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  ensureNeo4jJars(log);
  const home = resolve(options.home);
  mkdirSync(home, { recursive: true });
  const pidFile = join(home, 'neo4j.pid');
  const uriFile = join(home, 'bolt.uri');
  if (existsSync(pidFile)) {
    const stale = Number(readFileSync(pidFile, 'utf8'));
    // A previous run may still be shutting down: give it a little time before refusing.
    for (let waited = 0; stale && processAlive(stale) && waited < 30_000; waited += 500) await new Promise((r) => setTimeout(r, 500));
    if (stale && processAlive(stale)) {
      throw new LocalNeo4jError(`A Neo4j (pid ${stale}) is already running on ${home}: stop the process that started it (npm start), or set DATA_DIR to use other data.`);
    }
    rmSync(pidFile, { force: true });
  }
  const port = options.port ?? ((await portIsFree(7687)) ? 7687 : await freePort());
  const classpath = [join(TARGET, 'classes'), join(TARGET, 'lib', '*')].join(':');
  const memory = options.memory ?? DEFAULT_MEMORY;
  const heap = [`-Xms${Math.min(512, memory.heapMiB)}m`, `-Xmx${memory.heapMiB}m`];
  const child = spawn(
    javaBinary(),
    [...heap, ...JVM_FLAGS, '-cp', classpath, 'kg.Launcher', home, String(port), join(TARGET, 'plugins'), String(memory.pageCacheMiB)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  if (child.pid === undefined) throw new LocalNeo4jError('could not start java');
  writeFileSync(pidFile, String(child.pid));

  const logFile = join(home, 'neo4j.log');
  const output: string[] = [];
  const version = await waitForReady(child, output, options.startTimeoutMs ?? 120_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    writeFileSync(logFile, output.join(''));
    rmSync(pidFile, { force: true });
    throw new LocalNeo4jError(`${(error as Error).message}; JVM output in ${logFile}`);
  });
  const uri = `bolt://127.0.0.1:${port}`;
  // Other tools on the same data (npm run import while the app runs) connect here instead of starting a second JVM.
  writeFileSync(uriFile, uri);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= stopJvm(child).then(() => {
      writeFileSync(logFile, output.join(''));
      rmSync(pidFile, { force: true });
      rmSync(uriFile, { force: true });
      if (options.ephemeral) rmSync(home, { recursive: true, force: true });
    });
    return stopping;
  };
  return { uri, version, pid: child.pid, home, stop };
}

function waitForReady(child: ChildProcess, output: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`Neo4j did not start within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const ready = /READY \S+ neo4j (\S+)/.exec(output.join(''));
      if (ready?.[1]) {
        clearTimeout(timer);
        resolveReady(ready[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited during start-up (code ${code})`));
    });
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
