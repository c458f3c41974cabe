/**
 * SQLite part: coordination (`parts/coordination.ts`) in memory. One process owns a SQLite file
 * (README, "Running behind a load balancer"), so a lock and a bucket in the process are the ones
 * every caller shares.
 */
import type { CoordinationStore, RateBucketLimit } from '../parts/coordination';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Refills `bucket` to `now`; takes a token and answers 0, or answers the wait for the next one. */
export function takeFromBucket(bucket: Bucket, limit: RateBucketLimit, now: number): number {
  const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
  bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.ratePerSecond);
  bucket.updatedAt = Math.max(bucket.updatedAt, now);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.max(1, Math.ceil(((1 - bucket.tokens) / limit.ratePerSecond) * 1000));
}

export class MemoryCoordination implements CoordinationStore {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly buckets = new Map<string, Bucket>();

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(fn);
    const tail = run.catch(() => undefined);
    this.locks.set(name, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(name) === tail) this.locks.delete(name);
    }
  }

  async takeRateToken(key: string, limit: RateBucketLimit, now: number): Promise<number> {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limit.burst, updatedAt: now };
      this.buckets.set(key, bucket);
    }
    return takeFromBucket(bucket, limit, now);
  }
}
