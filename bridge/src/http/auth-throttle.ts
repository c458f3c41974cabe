/**
 * Throttles guessing of the admin token: at most `maxFailures` failed attempts (a wrong token in the
 * sign-in form, a wrong `Authorization: Bearer`) per client address in a window of `windowMs`
 * counted from the first failure; after that every attempt from that address is refused with 429
 * until the window ends (`retryAfterSeconds`), the right token included, so the answer tells a
 * guesser nothing. A success clears the address's count. Kept in memory: a restart forgets it,
 * which only helps a guesser once per restart. At most `maxTracked` addresses are remembered (the
 * oldest are forgotten first), so a flood of addresses cannot exhaust memory.
 */
import type { Clock } from '../../../shared-types/src/time/clock';

export interface AuthThrottleOptions {
  maxFailures: number;
  windowMs: number;
  clock: Clock;
  maxTracked?: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Failures {
  count: number;
  since: number;
}

export class AuthThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly options: AuthThrottleOptions) {}

  check(client: string): ThrottleVerdict {
    const entry = this.current(client);
    if (entry === undefined || entry.count < this.options.maxFailures) return { allowed: true };
    const remaining = entry.since + this.options.windowMs - this.options.clock.now();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remaining / 1000)) };
  }

  fail(client: string): void {
    const entry = this.current(client);
    if (entry) {
      entry.count += 1;
      return;
    }
    this.failures.set(client, { count: 1, since: this.options.clock.now() });
    this.trim();
  }

  succeed(client: string): void {
    this.failures.delete(client);
  }

  /** The client's failures in the running window (an expired window is forgotten). */
  private current(client: string): Failures | undefined {
    const entry = this.failures.get(client);
    if (entry && this.options.clock.now() - entry.since >= this.options.windowMs) {
      this.failures.delete(client);
      return undefined;
    }
    return entry;
  }

  private trim(): void {
    const max = this.options.maxTracked ?? 10_000;
    if (this.failures.size <= max) return;
    for (const client of [...this.failures.keys()]) this.current(client);
    for (const client of this.failures.keys()) {
      if (this.failures.size <= max) break;
      this.failures.delete(client);
    }
  }
}
