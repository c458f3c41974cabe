/**
 * What an `outbox.ack` result does to a row: success → `sent`; a retryable failure → still
 * `pending` with one more attempt, until the last attempt → `failed`; any other failure → `failed`.
 * A row that is no longer pending (acknowledged before, skipped by an admin) is left as it is.
 */
import type { OutboxAckResult } from './outbox-contract';
import type { OutboxState } from './outbox';
import { MAX_OUTBOX_ATTEMPTS } from './outbox';

export interface OutboxRowStatus {
  state: string | null;
  attempts: number;
}

export type AckTransition =
  | { change: false; state: string | null; attempts: number }
  | { change: true; state: OutboxState; attempts: number; message: string };

/** TEXTAREA fields hold 4,000 characters; messages are cut a little below. */
const MESSAGE_LIMIT = 3900;

function cut(message: string): string {
  return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT - 3)}...` : message;
}

export function ackTransition(
  row: OutboxRowStatus,
  result: OutboxAckResult,
  maxAttempts: number = MAX_OUTBOX_ATTEMPTS,
): AckTransition {
  if (row.state !== 'pending') {
    return { change: false, state: row.state, attempts: row.attempts };
  }
  const attempts = row.attempts + 1;
  if (result.ok) {
    return { change: true, state: 'sent', attempts, message: cut(result.message ?? 'Delivered to TikTok.') };
  }
  const reason = result.message ?? 'The bridge reported a failure without a message.';
  if (result.retryable === true && attempts < maxAttempts) {
    return {
      change: true,
      state: 'pending',
      attempts,
      message: cut(`Attempt ${attempts} of ${maxAttempts} failed, will retry: ${reason}`),
    };
  }
  const prefix = result.retryable === true ? `Gave up after ${attempts} attempts: ` : '';
  return { change: true, state: 'failed', attempts, message: cut(`${prefix}${reason}`) };
}
