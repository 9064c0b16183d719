// Starts a TypeScript entry point of this repository as a child process (the app for the load
// benchmark, the app or the launcher in tests) and waits for the line that says it is ready.
import { spawn, type ChildProcess } from 'node:child_process';

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
