/**
 * Waiting and chance, injected everywhere (with the clock of shared-types/src/time/clock.ts) so
 * tests run schedules, expiry and backoff without real waits.
 */
export type Sleep = (ms: number) => Promise<void>;

/** Returns a number in [0, 1), like Math.random. */
export type Random = () => number;

export const realSleep: Sleep = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, Math.max(0, ms));
  });
