/**
 * The message an inbox record gets when NetSuite itself rejected its import (an uncaught error in
 * map, reported to summarize as a serialised error), e.g. an inactive location on the shop.
 */
import { TEXTAREA_SAFE_LENGTH } from '../netsuite/netsuite-ids';
import { isPlainObject } from '../contract/validation-problems';

export interface FailureDetail {
  name: string;
  message: string;
}

/** Reads `name` and `message` from the serialised error of a map/reduce errors iterator. */
export function parseSerializedError(serialized: string): FailureDetail {
  let parsed: unknown;
  try {
    parsed = JSON.parse(serialized);
  } catch {
    return { name: 'UNEXPECTED_ERROR', message: serialized };
  }
  if (!isPlainObject(parsed)) {
    return { name: 'UNEXPECTED_ERROR', message: typeof parsed === 'string' ? parsed : serialized };
  }
  const name = typeof parsed.name === 'string' && parsed.name !== '' ? parsed.name : 'UNEXPECTED_ERROR';
  const message = typeof parsed.message === 'string' ? parsed.message : serialized;
  return { name, message };
}

function cut(text: string): string {
  return text.length > TEXTAREA_SAFE_LENGTH ? `${text.slice(0, TEXTAREA_SAFE_LENGTH - 3)}...` : text;
}

/**
 * NetSuite errors that go away by themselves: a concurrent edit, the account's concurrency limit,
 * NetSuite's own hiccups, and the governance limits of one invocation. The import retries them with
 * backoff; everything else needs a person.
 */
export const TRANSIENT_ERRORS: readonly string[] = [
  'RCRD_HAS_BEEN_CHANGED',
  'SSS_REQUEST_LIMIT_EXCEEDED',
  'SSS_CONCURRENCY_LIMIT_EXCEEDED',
  'UNEXPECTED_ERROR',
  'SSS_USAGE_LIMIT_EXCEEDED',
  'SSS_TIME_LIMIT_EXCEEDED',
  'SSS_APP_SERVER_RESTART',
  'RCRD_LOCKED_BY_WF',
];

export function isTransientFailure(name: string): boolean {
  return TRANSIENT_ERRORS.includes(name);
}

/** Import attempts after which a transiently failing order stays in error for a person. */
export const MAX_IMPORT_ATTEMPTS = 5;

/** Backoff after the n-th failed attempt (1-based): 5 min, 20 min, 80 min, 320 min, ... capped at 24 h. */
export function retryDelaySeconds(attempt: number): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(300 * 4 ** (n - 1), 86400);
}

/** A closed accounting period, as NetSuite words it (CLOSED_TRAN_PRD, PERIOD_CLOSED, or the save message). */
export function isClosedPeriod(detail: FailureDetail): boolean {
  return (
    detail.name === 'PERIOD_CLOSED' ||
    detail.name === 'CLOSED_TRAN_PRD' ||
    /period\b.*\bclosed|closed\b.*\bperiod/i.test(detail.message)
  );
}

/** A sales order in a currency its customer does not trade in (sandbox/netsuite/src/data/record/currency.ts). */
export function isCustomerCurrencyRefusal(detail: FailureDetail): boolean {
  return detail.name === 'INVALID_KEY_OR_REF' && /currency reference key/i.test(detail.message);
}

export interface FailureContext {
  orderId: string | null;
  /** The sales order date (`trandate`) as YYYY-MM-DD, for a closed-period message. */
  tranDate?: string | null;
  /**
   * The sales order, when it was saved before the failure (its read-back, tie-out or FBT
   * fulfillment failed): the next attempt links it instead of creating another.
   */
  salesOrderId?: string | null;
}

/** What a message adds when the sales order was saved before the failure. */
function savedNote(context: FailureContext): string {
  return context.salesOrderId === null || context.salesOrderId === undefined
    ? ''
    : ` Sales order ${context.salesOrderId} was saved before the failure; the next attempt links it and finishes the import (it is not created again).`;
}

/** What happens next: a retry at `retryAt` (Unix s), or a person (retryAt null). */
export interface FailureOutcome {
  message: string;
  retryAt: number | null;
}

/** The inbox error text for a failure, with what to do about it. */
export function describeImportFailure(detail: FailureDetail, orderId: string | null): string {
  return describeFailure(detail, { orderId });
}

function describeFailure(detail: FailureDetail, context: FailureContext): string {
  const orderId = context.orderId;
  const subject = orderId === null ? 'The sales order' : `The sales order for TikTok order ${orderId}`;
  if (isClosedPeriod(detail)) {
    const date = context.tranDate ? ` of ${context.tranDate}` : '';
    return cut(
      `${subject} could not be saved: the accounting period${date} is closed (NetSuite: ${detail.name}: ${detail.message}). Fix: reopen it in Setup > Accounting > Manage Accounting Periods (or allow posting to closed periods for your role in Accounting Preferences), then retry the order (set the inbox record State to pending).`,
    );
  }
  if (isCustomerCurrencyRefusal(detail)) {
    return cut(
      `${subject} was refused: its customer does not trade in the order's currency (NetSuite: ${detail.name}: ${detail.message}). A sales order's currency must be the customer's primary currency or one on its Currencies subtab.${savedNote(context)} Fix: open the customer (the shop's Default Customer on the TikTok Shop record) in Lists > Relationships > Customers, add the order's currency on its Currencies subtab (Financial), save, then retry the order (set the inbox record State to pending).`,
    );
  }
  const fix = isTransientFailure(detail.name)
    ? 'Fix: nothing to change; retry the order (set the inbox record State to pending) and it is imported in a fresh run.'
    : 'Fix: correct what the message names (the TikTok Shop record settings, the item, or the customer), then retry the order (set the inbox record State to pending).';
  return cut(
    `${subject} was rejected by NetSuite: ${detail.name}: ${detail.message}.${savedNote(context)} ${fix}`,
  );
}

/**
 * The inbox outcome of a failed attempt: transient failures are retried automatically after a
 * backoff until MAX_IMPORT_ATTEMPTS; the rest (and the last attempt) wait for a person.
 */
export function failureOutcome(
  detail: FailureDetail,
  attempts: number,
  nowUnix: number,
  context: FailureContext,
): FailureOutcome {
  if (isTransientFailure(detail.name) && !isClosedPeriod(detail)) {
    const subject = context.orderId === null ? 'The import' : `The import of TikTok order ${context.orderId}`;
    if (attempts < MAX_IMPORT_ATTEMPTS) {
      const delay = retryDelaySeconds(attempts);
      return {
        retryAt: nowUnix + delay,
        message: cut(
          `${subject} failed on a temporary NetSuite error (${detail.name}: ${detail.message}), attempt ${attempts} of ${MAX_IMPORT_ATTEMPTS}.${savedNote(context)} It is retried automatically in ${Math.round(delay / 60)} minutes; nothing to do.`,
        ),
      };
    }
    return {
      retryAt: null,
      message: cut(
        `${subject} failed ${attempts} times on temporary NetSuite errors, the last ${detail.name}: ${detail.message}. Automatic retries have stopped.${savedNote(context)} Fix: check Setup > Integration > Web Services Usage and the script's execution log for what keeps failing, then retry the order (set the inbox record State to pending).`,
      ),
    };
  }
  return { retryAt: null, message: describeFailure(detail, context) };
}

/** The inbox error text when the buyer's customer could not be created. */
export function customerFailureMessage(detail: FailureDetail, orderId: string, buyerId: string): string {
  return cut(
    `The customer for TikTok buyer ${buyerId} (order ${orderId}) could not be created: NetSuite said ${detail.name}: ${detail.message}. Fix: correct what NetSuite names (usually a mandatory customer field or the shop's Subsidiary on the TikTok Shop record; or use the shop's Default Customer by unticking one-customer-per-buyer), then retry the order (set the inbox record State to pending).`,
  );
}

/**
 * The errors to report: the last error of each key whose processing finally failed. A key that
 * failed once and then completed on a retry or after a restart (`SSS_APP_SERVER_RESTART`) also
 * appears in the errors iterator and must not be marked as failed.
 */
export function finalFailures(
  errors: readonly { key: string; error: string }[],
  keys: readonly { key: string; completionState: string }[],
): Map<string, string> {
  const completed = new Set(keys.filter((k) => k.completionState === 'COMPLETE').map((k) => k.key));
  const failures = new Map<string, string>();
  for (const entry of errors) {
    if (!completed.has(entry.key)) {
      failures.set(entry.key, entry.error);
    }
  }
  return failures;
}
