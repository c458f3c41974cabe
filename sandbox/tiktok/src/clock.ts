/**
 * Time as the simulator sees it (the sandbox's shared clock). Token expiry, timestamps in the
 * signature window, the ON_HOLD window and webhook retries all read it, so tests inject a TestClock
 * and move it forward.
 */
import type { Clock } from '../../src/clock';

export type { Clock } from '../../src/clock';
export { systemClock, TestClock } from '../../src/clock';

/** Unix seconds of a clock reading. */
export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now().getTime() / 1000);
}

/** True when the clock can be moved by hand (a TestClock or a compatible object). */
export function isAdvanceable(clock: Clock): clock is Clock & { advance(ms: number): void } {
  return typeof (clock as { advance?: unknown }).advance === 'function';
}
