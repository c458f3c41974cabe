import { TEXTAREA_SAFE_LENGTH } from './netsuite-ids';
import { isPlainObject } from './validation-problems';

/**
 * The message an inbox record gets when NetSuite itself rejected its import (an uncaught error in
 * map, reported to summarize as a serialised error), e.g. an inactive location on the shop.
 */

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

/** The inbox error text for a failure, with what to do about it. */
export function describeImportFailure(detail: FailureDetail, orderId: string | null): string {
  const subject = orderId === null ? 'The sales order' : `The sales order for TikTok order ${orderId}`;
  const fix =
    detail.name === 'SSS_USAGE_LIMIT_EXCEEDED' || detail.name === 'SSS_TIME_LIMIT_EXCEEDED'
      ? 'Fix: nothing to change; retry the order (set the inbox record State to pending) and it is imported in a fresh run.'
      : 'Fix: correct what the message names (the TikTok Shop record settings, the item, or the customer), then retry the order (set the inbox record State to pending).';
  const text = `${subject} was rejected by NetSuite: ${detail.name}: ${detail.message}. ${fix}`;
  return text.length > TEXTAREA_SAFE_LENGTH ? `${text.slice(0, TEXTAREA_SAFE_LENGTH - 3)}...` : text;
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
