// The one restart policy: wait `initialMs`, doubling up to `maxMs`, and start again from `initialMs`
// once the thing restarted has stayed up for `stableMs`. Used by every loop that waits before trying
// again (the local Neo4j's supervisor, the server's supervisor, start-up preparation).
export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** Up this long counts as recovered: the next failure waits `initialMs` again. */
  stableMs?: number;
}

export class Backoff {
  private delay: number;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly stableMs: number;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 1_000;
    this.maxMs = options.maxMs ?? 30_000;
    this.stableMs = options.stableMs ?? 60_000;
    this.delay = this.initialMs;
  }

  /** The wait before the next attempt; `upForMs`: how long the last attempt stayed up, if it did. */
  next(upForMs = 0): number {
    if (upForMs >= this.stableMs) this.delay = this.initialMs;
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, this.maxMs);
    return wait;
  }

  reset(): void {
    this.delay = this.initialMs;
  }
}
