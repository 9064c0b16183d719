// Drafting happens in worker threads, never on the event loop: a draft costs the drafter up to seconds
// of CPU, during which a server running it inline answers nothing (a 90 KB article froze every
// request for 23 s). The pool keeps a bounded queue (full: 503 with Retry-After; a client may have only
// a few articles waiting: 429), gives each draft a time budget and a heap limit (past either, the
// thread is replaced and the draft refused with 422), and sends each thread the known entities only
// when they changed since it last got them.
import { Worker } from 'node:worker_threads';
import type { Draft } from '../../seeds/ingest/draft.ts';
import type { KnownHolding } from '../../seeds/ingest/holders.ts';
import type { KnownForLinking } from '../../seeds/ingest/link.ts';
import { BadInput, Busy, TooManyRequests, Unprocessable } from '../../domain/errors.ts';
import type { Refusal } from './draft-refusal.ts';

export interface DraftInput {
  text: string;
  published?: string | undefined;
  fileName?: string | undefined;
}

/** What the drafter makes of an article (see Draft), its article as plain JSON. */
export type Drafted = Omit<Draft, 'article'> & {
  article: { raw: string; text: string; published: string | null; junk: string[]; dateline: string | null };
};

/** What drafts link against, numbered so a thread knows whether it has it already. */
export interface KnownSnapshot {
  version: number;
  entities: readonly KnownForLinking[];
  holdings: readonly KnownHolding[];
}

export type ToWorker =
  | { type: 'known-begin' }
  | { type: 'known-chunk'; entities: readonly KnownForLinking[] }
  | { type: 'known-end'; version: number; holdings: readonly KnownHolding[] }
  | { type: 'draft'; id: number; input: DraftInput };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'started'; id: number; version: number }
  | { type: 'done'; id: number; draft: Drafted }
  | ({ type: 'refused'; id: number } & Refusal);

export interface DraftPoolOptions {
  /** Threads drafting at once. */
  workers: number;
  /** Drafts that may wait for a thread. */
  queue: number;
  /** Drafts one client may have waiting or running. */
  perClient: number;
  /** Longest a draft may run. */
  timeoutMs: number;
  /** Heap of each thread, MiB. */
  heapMiB: number;
  log: (line: string) => void;
}

export const DEFAULT_DRAFT_POOL: DraftPoolOptions = { workers: 1, queue: 8, perClient: 2, timeoutMs: 20_000, heapMiB: 512, log: () => {} };

/** Entities per message when a thread is sent the known entities (a message stays a few milliseconds to copy). */
const CHUNK = 2_000;

interface Job {
  id: number;
  input: DraftInput;
  client: string;
  known: () => Promise<KnownSnapshot>;
  resolve: (draft: Drafted) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** Version of the known entities the thread holds. */
  version: number;
  timer: NodeJS.Timeout | undefined;
  startedAt: number;
}

const WORKER_URL = new URL('./draft-worker-boot.mjs', import.meta.url);

export class DraftPool {
  private readonly options: DraftPoolOptions;
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly perClient = new Map<string, number>();
  private nextId = 1;
  private closed = false;
  /** Recent drafting time, for Retry-After. */
  private typicalMs = 2_000;

  constructor(options: Partial<DraftPoolOptions> = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    this.options = { ...DEFAULT_DRAFT_POOL, ...given };
  }

  /** Drafts `input` on a worker thread; `known` gives the entities to link against (read when its turn comes). */
  draft(input: DraftInput, client: string, known: () => Promise<KnownSnapshot>, signal?: AbortSignal): Promise<Drafted> {
    if (this.closed) return Promise.reject(new Busy('The server is shutting down.', 10));
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.options.perClient) {
      return Promise.reject(
        new TooManyRequests(
          `At most ${this.options.perClient} articles per client are drafted or waiting at once; wait for the first.`,
          this.retryAfter(),
        ),
      );
    }
    if (this.waiting.length >= this.options.queue) {
      return Promise.reject(
        new Busy(`Every drafting thread is busy and ${this.waiting.length} articles are waiting; try again later.`, this.retryAfter()),
      );
    }
    return new Promise<Drafted>((resolve, reject) => {
      const job: Job = { id: this.nextId++, input, client, known, resolve, reject };
      this.perClient.set(client, mine + 1);
      const settle = () => {
        const left = (this.perClient.get(client) ?? 1) - 1;
        if (left > 0) this.perClient.set(client, left);
        else this.perClient.delete(client);
      };
      job.resolve = (draft) => {
        settle();
        resolve(draft);
      };
      job.reject = (error) => {
        settle();
        reject(error);
      };
      // A client that gave up while waiting does not keep its place.
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.waiting.indexOf(job);
          if (at >= 0) {
            this.waiting.splice(at, 1);
            job.reject(new BadInput('The request was abandoned before its draft started.'));
          }
        },
        { once: true },
      );
      this.waiting.push(job);
      this.dispatch();
    });
  }

  /** Threads and waiting drafts, for health and tests. */
  stats(): { workers: number; running: number; waiting: number } {
    return { workers: this.slots.length, running: this.slots.filter((s) => s.job).length, waiting: this.waiting.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Busy('The server is shutting down.', 10));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private retryAfter(): number {
    const ahead = this.waiting.length + this.slots.filter((s) => s.job).length + 1;
    return Math.min(60, Math.max(1, Math.ceil((ahead * this.typicalMs) / this.options.workers / 1000)));
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMiB } });
    worker.unref();
    const slot: Slot = { worker, job: undefined, version: -1, timer: undefined, startedAt: 0 };
    worker.on('message', (message: FromWorker) => {
      // A fault here must not become an uncaught exception of the whole server.
      try {
        this.onMessage(slot, message);
      } catch (error) {
        this.options.log(`drafting: ${(error as Error)?.stack ?? String(error)}`);
        this.replace(slot, error);
      }
    });
    worker.on('error', (error) => this.replace(slot, error));
    worker.on('exit', (code) => this.replace(slot, new Error(`drafting thread exited with code ${code}`)));
    return slot;
  }

  private dispatch(): void {
    while (!this.closed && this.waiting.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.options.workers) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      void this.start(slot, job);
    }
  }

  private async start(slot: Slot, job: Job): Promise<void> {
    try {
      const known = await job.known();
      if (slot.job !== job) return;
      if (slot.version !== known.version) {
        slot.worker.postMessage({ type: 'known-begin' } satisfies ToWorker);
        for (let at = 0; at < known.entities.length; at += CHUNK) {
          slot.worker.postMessage({ type: 'known-chunk', entities: known.entities.slice(at, at + CHUNK) } satisfies ToWorker);
          // Let requests in between chunks: copying a large graph's entities takes a while in all.
          if (at + CHUNK < known.entities.length) await new Promise((resolve) => setImmediate(resolve));
          if (slot.job !== job) return;
        }
        slot.worker.postMessage({ type: 'known-end', version: known.version, holdings: known.holdings } satisfies ToWorker);
        slot.version = known.version;
      }
      slot.worker.postMessage({ type: 'draft', id: job.id, input: job.input } satisfies ToWorker);
      // The budget runs from the thread's "started"; this guard covers a thread stuck before it.
      slot.timer = setTimeout(() => this.overBudget(slot, job), this.options.timeoutMs + 60_000);
    } catch (error) {
      if (slot.job !== job) return;
      slot.job = undefined;
      job.reject(error);
      this.dispatch();
    }
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    const job = slot.job;
    if (message.type === 'ready' || !job || message.id !== job.id) return;
    if (message.type === 'started') {
      clearTimeout(slot.timer);
      slot.startedAt = Date.now();
      slot.timer = setTimeout(() => this.overBudget(slot, job), this.options.timeoutMs);
      return;
    }
    clearTimeout(slot.timer);
    slot.job = undefined;
    this.typicalMs = Math.round(0.7 * this.typicalMs + 0.3 * (Date.now() - slot.startedAt));
    if (message.type === 'done') job.resolve(message.draft);
    else if (message.kind === 'bad-input') job.reject(new BadInput(message.message, message.param));
    else {
      this.options.log(`drafting failed: ${message.log}`);
      job.reject(new Unprocessable(message.message));
    }
    this.dispatch();
  }

  private overBudget(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    this.options.log(`drafting stopped after ${this.options.timeoutMs} ms (${job.input.text.length} characters); the thread is replaced`);
    const seconds = this.options.timeoutMs / 1000;
    this.replace(
      slot,
      new Unprocessable(
        `Drafting this article took longer than ${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s, the limit; shorten or split it.`,
      ),
    );
  }

  /** The thread failed, ran out of heap, or overran: refuse its draft, and start a fresh thread. */
  private replace(slot: Slot, cause: unknown): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    clearTimeout(slot.timer);
    void slot.worker.terminate();
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      const outOfMemory = (cause as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (!(cause instanceof Unprocessable)) this.options.log(`drafting thread ended: ${(cause as Error)?.message ?? String(cause)}`);
      job.reject(
        cause instanceof Unprocessable
          ? cause
          : outOfMemory
            ? new Unprocessable(`Drafting this article needed more than ${this.options.heapMiB} MiB; shorten or split it.`)
            : new Unprocessable('The drafter stopped on this article; the server log has the details.'),
      );
    }
    this.dispatch();
  }
}
