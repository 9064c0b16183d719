// Helpers for tests that run the app or the launcher as a child process.

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

export { spawnTs } from '../../bench/lib/spawn.ts';
