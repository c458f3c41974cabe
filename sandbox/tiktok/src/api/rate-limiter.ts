/**
 * Token buckets per app × shop × API, refilled in real time (throughput is a property of the client,
 * not of simulated time). TikTok publishes no fixed rate limit today: quota is dynamic, isolated per
 * app × authorized shop and weighted per API (TikTok's rate limits page as of 2026, partner.tiktokshop.com/docv2/page/rate-limits); the older
 * page said 50 QPS per API per app and shop. So the default is 50 per API, and each API's rate can be
 * set on its own (`perApi`, keyed `"METHOD path pattern"`, e.g. `"POST /order/202309/orders/search"`).
 * A rate of 0 disables limiting for that API.
 */
export interface RateLimitConfig {
  /** Requests per second for every API without its own rate (0 = unlimited). */
  qps: number;
  /** Rate per API: `"METHOD pattern"` → requests per second. */
  perApi?: Readonly<Record<string, number>>;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private config: RateLimitConfig;

  constructor(
    config: number | RateLimitConfig,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.config = RateLimiter.check(typeof config === 'number' ? { qps: config } : config);
  }

  private static check(config: RateLimitConfig): RateLimitConfig {
    const rates = [config.qps, ...Object.values(config.perApi ?? {})];
    if (rates.some((qps) => !Number.isFinite(qps) || qps < 0)) {
      throw new Error('Rate limits must be numbers >= 0 (requests per second; 0 disables the limit)');
    }
    return { qps: config.qps, perApi: { ...(config.perApi ?? {}) } };
  }

  /** Replaces the configuration (a bare number keeps the per-API rates) and empties the buckets. */
  configure(config: number | RateLimitConfig): void {
    this.config = RateLimiter.check(
      typeof config === 'number' ? { qps: config, perApi: this.config.perApi } : config,
    );
    this.buckets.clear();
  }

  /** The rate that applies to an API (`"METHOD pattern"`). */
  rateOf(api: string): number {
    return this.config.perApi?.[api] ?? this.config.qps;
  }

  /** Takes one token from the bucket of `caller` (app × shop) for `api`; false when it is empty. */
  take(caller: string, api: string): boolean {
    const qps = this.rateOf(api);
    if (qps <= 0) return true;
    const key = `${caller}|${api}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: qps, at: now };
    bucket.tokens = Math.min(qps, bucket.tokens + ((now - bucket.at) / 1000) * qps);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return false;
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return true;
  }
}
