/**
 * Backing off when TikTok throttles (HTTP 429 or code 36009002), per API and shop. TikTok's quota is
 * per app × shop and weighted per API (TikTok's rate limits, partner.tiktokshop.com/docv2/page/rate-limits: no fixed QPS is published), so a throttled API
 * says nothing about the others: after a throttle answer for one (shop, API) key, every call with
 * that key waits until the pause ends (none of them is sent into the throttle meanwhile), while calls
 * to other APIs go on at once.
 *
 * The pause is TikTok's retry hint when the answer carries one (`Retry-After`, capped), otherwise
 * TikTok's documented retry schedule `min(1 s · 2^n + jitter(0–0.5 s), 60 s)` with `n` the number
 * of throttle answers in a row for that key before this one (TikTok's rate limits, partner.tiktokshop.com/docv2/page/rate-limits, as of 2026). A
 * success ends the streak.
 */
import type { Random, Sleep } from '../core/sleep';
import type { Clock } from '../../../shared-types/src/time/clock';

export const THROTTLE_BASE_MS = 1000;
export const THROTTLE_JITTER_MS = 500;
export const THROTTLE_CAP_MS = 60_000;

/** TikTok's documented wait before retry `n` (0 for the first): `min(1 s·2^n + jitter(0–0.5 s), 60 s)`. */
export function throttleDelay(n: number, random: Random): number {
  const exp = THROTTLE_BASE_MS * 2 ** Math.max(0, n);
  return Math.round(Math.min(exp + random() * THROTTLE_JITTER_MS, THROTTLE_CAP_MS));
}

export interface ApiThrottleOptions {
  clock: Clock;
  sleep: Sleep;
  random: Random;
  /** Longest pause taken from a server's Retry-After. */
  maxRetryAfterMs: number;
}

interface Pause {
  until: number;
  /** Throttle answers in a row for the key. */
  streak: number;
}

export class ApiThrottle {
  private readonly pauses = new Map<string, Pause>();

  constructor(private readonly options: ApiThrottleOptions) {}

  /** Waits until `key` is not paused (a pause extended meanwhile is waited out too). */
  async waitTurn(key: string): Promise<void> {
    for (;;) {
      const pause = this.pauses.get(key);
      const wait = pause === undefined ? 0 : pause.until - this.options.clock.now();
      if (wait <= 0) return;
      await this.options.sleep(wait);
    }
  }

  /** Records a throttle answer for `key`; returns how long its calls now wait (ms). */
  throttled(key: string, retryAfterMs: number | undefined): number {
    const now = this.options.clock.now();
    const previous = this.pauses.get(key);
    const streak = (previous?.streak ?? 0) + 1;
    const delay =
      retryAfterMs !== undefined
        ? Math.min(Math.max(0, retryAfterMs), this.options.maxRetryAfterMs)
        : throttleDelay(streak - 1, this.options.random);
    const until = Math.max(previous?.until ?? 0, now + delay);
    this.pauses.set(key, { until, streak });
    return until - now;
  }

  /** A call with `key` went through: the streak is over (a pause still running is kept). */
  succeeded(key: string): void {
    const pause = this.pauses.get(key);
    if (pause === undefined) return;
    if (pause.until <= this.options.clock.now()) this.pauses.delete(key);
    else pause.streak = 0;
  }

  /** Milliseconds `key` is still paused for (0 when it is not). */
  pausedFor(key: string): number {
    const pause = this.pauses.get(key);
    return pause === undefined ? 0 : Math.max(0, pause.until - this.options.clock.now());
  }
}
