/**
 * NetSuite's clock for the chaos run: real time plus an offset the import pump moves on by 15
 * minutes at a time, so the every-15-minutes deployments come due while on-demand runs are queued.
 * Scripts read their own time (`Date.now()`); only the emulator's scheduler and record stamps follow
 * this clock.
 */
import type { Clock } from '../../shared-types/src/time/clock';

export class SteppingClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
