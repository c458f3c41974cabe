/**
 * Token bucket per key (app × shop), refilled in real time: throughput is a property of the
 * client, not of simulated time. `qps <= 0` disables limiting.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private qps: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  setQps(qps: number): void {
    this.qps = qps;
    this.buckets.clear();
  }

  /** Takes one token; false when the bucket is empty. */
  take(key: string): boolean {
    if (this.qps <= 0) return true;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.qps, at: now };
    bucket.tokens = Math.min(this.qps, bucket.tokens + ((now - bucket.at) / 1000) * this.qps);
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
