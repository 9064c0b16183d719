// A progress line on stderr: percent, rows, rows/s and ETA. Redrawn in place on a terminal (at most
// ten times a second); elsewhere (CI logs, pipes) one line per 10% so logs stay short.
export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  now?: () => number;
}

export class Progress {
  private readonly stream: NodeJS.WriteStream;
  private readonly now: () => number;
  private readonly started: number;
  private done = 0;
  private lastDraw = 0;
  private lastDecile = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    options: ProgressOptions = {},
  ) {
    this.stream = options.stream ?? process.stderr;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  /** Marks `n` more rows done. */
  tick(n = 1): void {
    this.done += n;
    const t = this.now();
    if (this.stream.isTTY) {
      if (t - this.lastDraw >= 100 || this.done >= this.total) {
        this.lastDraw = t;
        this.stream.write(`\r${this.line()}\u001b[K`);
      }
      return;
    }
    const decile = this.total ? Math.floor((this.done / this.total) * 10) : 10;
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${this.line()}\n`);
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write(`\r${this.line()}\u001b[K\n`);
  }

  line(): string {
    const elapsed = Math.max(1, this.now() - this.started) / 1000;
    const rate = this.done / elapsed;
    const fraction = this.total ? Math.min(1, this.done / this.total) : 1;
    const width = 24;
    const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '-');
    const eta = rate > 0 ? (this.total - this.done) / rate : 0;
    return `${this.label} [${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${this.done}/${this.total} rows, ${rate.toFixed(0)} rows/s, ETA ${formatSeconds(eta)}`;
  }
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${seconds.toFixed(0)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}
