/**
 * The one clock interface: the bridge, the TikTok Shop simulator and the NetSuite emulator read the
 * time through a `Clock` they are given, so tests run schedules, expiry, retries and backoff by
 * moving a test clock (test/support/test-clock.ts) instead of waiting. Readings are milliseconds
 * since the Unix epoch, as `Date.now()`; code that wants a `Date` makes one (`new Date(clock.now())`).
 * Dependency-free, so the SuiteApp may use it too.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** Unix seconds (TikTok's and OAuth's timestamps) of a clock reading. */
export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
