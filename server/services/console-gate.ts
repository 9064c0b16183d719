// Admission for console queries: at most `global` at once, at most `perClient` for one client (an IP
// address, or the CLI). A query holds its place until Neo4j has let go of it — not merely until its
// HTTP answer was sent — so queries the database is still working on after their deadline count, and
// the console can never have more than `global` queries inside Neo4j: the rest of the database's
// CPU, heap and connections stay with the public reads. Beyond the caps: 429 with Retry-After.
import { TooManyRequests } from '../../domain/errors.ts';

export interface GateLimits {
  global: number;
  perClient: number;
}

export interface Ticket {
  /** Gives the place back; safe to call twice. */
  release(): void;
}

/** Seconds a refused client is told to wait: console queries mostly end within a few seconds. */
const RETRY_AFTER_SECONDS = 2;

export class ConsoleGate {
  private running = 0;
  private readonly byClient = new Map<string, number>();

  constructor(readonly limits: GateLimits) {}

  /** Admits a query for `client`, or throws TooManyRequests saying which cap was reached. */
  enter(client: string): Ticket {
    const mine = this.byClient.get(client) ?? 0;
    if (mine >= this.limits.perClient) {
      throw new TooManyRequests(
        `You already have ${mine} console ${mine === 1 ? 'query' : 'queries'} running (at most ${this.limits.perClient} per client); try again when it has finished.`,
        RETRY_AFTER_SECONDS,
      );
    }
    if (this.running >= this.limits.global) {
      throw new TooManyRequests(
        `The console is busy: ${this.running} queries are running (at most ${this.limits.global} at once); try again shortly.`,
        RETRY_AFTER_SECONDS,
      );
    }
    this.running += 1;
    this.byClient.set(client, mine + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.running -= 1;
        const left = (this.byClient.get(client) ?? 1) - 1;
        if (left > 0) this.byClient.set(client, left);
        else this.byClient.delete(client);
      },
    };
  }

  inFlight(): number {
    return this.running;
  }
}
