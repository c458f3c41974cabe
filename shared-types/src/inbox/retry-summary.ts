/**
 * What a Retry on the exceptions page did, carried across the redirect back to the page in its URL
 * parameters (so a reload does not retry again) and shown at the top of the page.
 */
import type { OrdersRetryResponse } from '../contract/restlet-contract';

export interface RetrySummary {
  retried: number;
  /** No longer in error or exception (already retried, or fixed meanwhile). */
  notRetryable: number;
  notFound: number;
  /** Ids that were not internal ids, or over the per-request limit. */
  ignored: number;
}

const PARAMS = {
  retried: 'retried',
  notRetryable: 'notretryable',
  notFound: 'notfound',
  ignored: 'ignored',
} as const;

export function summarizeRetry(response: OrdersRetryResponse, ignored: number): RetrySummary {
  const count = (outcome: string): number => response.results.filter((r) => r.outcome === outcome).length;
  return {
    retried: count('retried'),
    notRetryable: count('not_retryable'),
    notFound: count('not_found'),
    ignored: Math.max(0, ignored),
  };
}

export function retrySummaryParams(summary: RetrySummary): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(PARAMS) as (keyof RetrySummary)[]).map((key) => [PARAMS[key], String(summary[key])]),
  );
}

function count(value: string | undefined): number | null {
  return value !== undefined && /^[0-9]{1,6}$/.test(value) ? Number(value) : null;
}

/** The summary in the page's URL parameters, or null when the page was not reached by a retry. */
export function parseRetrySummary(params: Readonly<Record<string, string | undefined>>): RetrySummary | null {
  const retried = count(params[PARAMS.retried]);
  if (retried === null) {
    return null;
  }
  return {
    retried,
    notRetryable: count(params[PARAMS.notRetryable]) ?? 0,
    notFound: count(params[PARAMS.notFound]) ?? 0,
    ignored: count(params[PARAMS.ignored]) ?? 0,
  };
}

function orders(n: number): string {
  return n === 1 ? '1 order' : `${n} orders`;
}

export function describeRetrySummary(summary: RetrySummary): string {
  const parts = [
    summary.retried === 0 && summary.notRetryable + summary.notFound + summary.ignored === 0
      ? 'Nothing was selected: tick the orders to retry first.'
      : `${orders(summary.retried)} queued for another try.`,
  ];
  if (summary.notRetryable > 0) {
    parts.push(`${orders(summary.notRetryable)} skipped: no longer in error or exception.`);
  }
  if (summary.notFound > 0) {
    parts.push(`${orders(summary.notFound)} not found (deleted meanwhile).`);
  }
  if (summary.ignored > 0) {
    parts.push(`${orders(summary.ignored)} ignored (not an inbox record id, or more than one page at once).`);
  }
  return parts.join(' ');
}
