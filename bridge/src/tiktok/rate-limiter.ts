/**
 * Per-key token buckets: one per shop and API (TikTok isolates quota per app × shop and weighs it
 * per API, TikTok's rate limits, partner.tiktokshop.com/docv2/page/rate-limits), so a busy API never queues calls to another. `acquire` waits until a
 * token is available; waiters of one key are served in arrival order. With `shared` (the store's
 * buckets: `store/parts/coordination.ts`) the buckets are the store's, so instances sharing a
 * PostgreSQL store hold the limit together; without it they live in this object.
 */
import type { Sleep } from '../core/sleep';
import type { Clock } from '../../../shared-types/src/time/clock';
import type { CoordinationStore } from '../store/parts/coordination';

export interface RateLimiterOptions {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: how many calls may go out at once after a quiet period. */
  burst: number;
  clock: Clock;
  sleep: Sleep;
  /** Buckets kept by the store (shared by every instance on it) instead of in this object. */
  shared?: Pick<CoordinationStore, 'takeRateToken'>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  queue: Promise<void>;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: RateLimiterOptions) {}

  acquire(key: string): Promise<void> {
    if (this.options.shared) return this.acquireShared(key, this.options.shared);
    const bucket = this.bucket(key);
    const turn = bucket.queue.then(() => this.take(bucket));
    bucket.queue = turn.catch(() => undefined);
    return turn;
  }

  private bucket(key: string): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.options.burst, updatedAt: this.options.clock.now(), queue: Promise.resolve() };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private refill(bucket: Bucket): void {
    const now = this.options.clock.now();
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + elapsed * this.options.ratePerSecond);
    bucket.updatedAt = now;
  }

  private acquireShared(key: string, shared: Pick<CoordinationStore, 'takeRateToken'>): Promise<void> {
    const bucket = this.bucket(key);
    const turn = bucket.queue.then(async () => {
      const limit = { ratePerSecond: this.options.ratePerSecond, burst: this.options.burst };
      for (;;) {
        const waitMs = await shared.takeRateToken(key, limit, this.options.clock.now());
        if (waitMs <= 0) return;
        await this.options.sleep(waitMs);
      }
    });
    bucket.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(bucket: Bucket): Promise<void> {
    this.refill(bucket);
    while (bucket.tokens < 1) {
      const waitMs = Math.ceil(((1 - bucket.tokens) / this.options.ratePerSecond) * 1000);
      await this.options.sleep(waitMs);
      this.refill(bucket);
    }
    bucket.tokens -= 1;
  }
}
