/**
 * The one test clock (implements shared-types/src/time/clock.ts): it moves only when told to —
 * `advance(ms)`, `set(time)`, or `sleep(ms)`, which records the wait and moves the clock on, for code
 * that takes a sleep function (the bridge's backoff and rate limits).
 */
import type { Clock } from '../../shared-types/src/time/clock';

export class TestClock implements Clock {
  /** Every wait passed to `sleep`, in order. */
  readonly sleeps: number[] = [];
  private current: number;

  /** Starts at `start` (a Date, an ISO string or epoch milliseconds; default 2026-01-15T12:00:00Z). */
  constructor(start: Date | string | number = '2026-01-15T12:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(to: Date | string | number): void {
    this.current = new Date(to).getTime();
  }

  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.current += ms;
  };
}
