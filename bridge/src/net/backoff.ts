/**
 * Exponential backoff with jitter (stripe-node habit): `min(base·2^(n-1), cap)`, then a random
 * factor in [½, 1], never below `base`. `attempt` starts at 1 for the first retry.
 */
import type { Random } from '../core/sleep';

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export function backoffDelay(attempt: number, policy: BackoffPolicy, random: Random): number {
  const exp = Math.min(policy.baseMs * 2 ** Math.max(0, attempt - 1), policy.capMs);
  const jittered = exp * (0.5 + random() / 2);
  return Math.round(Math.max(policy.baseMs, jittered));
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unusable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
