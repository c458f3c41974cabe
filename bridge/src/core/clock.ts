/** Time and waiting, injected everywhere so tests run schedules, expiry and backoff without real waits. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export type Sleep = (ms: number) => Promise<void>;

/** Returns a number in [0, 1), like Math.random. */
export type Random = () => number;

export const systemClock: Clock = { now: () => Date.now() };

export const realSleep: Sleep = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, Math.max(0, ms));
  });

export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
