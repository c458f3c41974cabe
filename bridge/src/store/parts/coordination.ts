/**
 * Store part: what instances sharing one store must agree on while they run. A named lock (one
 * holder at a time across every instance on the store: the per-grant TikTok token refresh, since
 * TikTok rotates the refresh token and two refreshes at once can cost the shop its authorization),
 * and token buckets (the TikTok rate limit per shop and API, held across instances). SQLite serves
 * one process, so there both live in memory; PostgreSQL uses an advisory lock and a table.
 */

export interface RateBucketLimit {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: how many calls may go out at once after a quiet period. */
  burst: number;
}

export interface CoordinationStore {
  /** Runs `fn` while holding the lock `name`, waiting for any other holder (of any instance) first. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Takes one token from bucket `key` (full when first used, refilled at `ratePerSecond` up to
   * `burst`): 0 when taken, otherwise the milliseconds until one will be there (nothing taken).
   */
  takeRateToken(key: string, limit: RateBucketLimit, now: number): Promise<number>;
}
