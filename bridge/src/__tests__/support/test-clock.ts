import type { Clock, Sleep } from '../../core/clock';

/** A clock that only moves when told to, and a sleep that records the wait and advances the clock. */
export class TestClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private current = Date.parse('2026-01-15T12:00:00Z')) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  readonly sleep: Sleep = async (ms) => {
    this.sleeps.push(ms);
    this.current += ms;
  };
}
