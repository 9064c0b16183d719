// Helpers for tests that run the app or the launcher as a child process.
import { spawn, type ChildProcess } from 'node:child_process';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` (sync or async; a throw counts as "not yet") until it holds or time runs out. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 200): Promise<boolean> {
  const holds = async () => {
    try {
      return await check();
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await holds()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return holds();
}

/** Spawns `node --import tsx <script>` and resolves with the first stdout line matching `pattern`. */
export function spawnTs(
  script: string,
  args: string[],
  pattern: RegExp,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 180_000,
): Promise<{ child: ChildProcess; match: RegExpExecArray; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before ${pattern}; output:\n${output}`));
    });
  });
}
