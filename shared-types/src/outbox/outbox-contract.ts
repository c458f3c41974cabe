/**
 * The outbox actions of the connector RESTlet (docs/contracts.md): the bridge pulls pending rows,
 * delivers them to TikTok and acknowledges each with its result.
 */
import type { OutboxKind, OutboxPayload } from './outbox';

/** `outbox.pull`: pending rows, oldest first (`limit` 1..100, default 50), of one shop or all. */
export interface OutboxPullRequest {
  action: 'outbox.pull';
  shopId?: string;
  limit?: number;
}

export interface OutboxRow {
  /** Internal id of the `customrecord_tts_outbox` record. */
  outboxId: string;
  /** The row's externalid: the idempotency key of its effect on TikTok. */
  idempotencyKey: string;
  kind: OutboxKind;
  shopId: string;
  /** TikTok order id. */
  orderId: string;
  /** Internal id of the sales order, or null. */
  salesOrderId: string | null;
  payload: OutboxPayload;
  /** Deliveries tried so far. */
  attempts: number;
  /** When the row was written (ISO 8601), or null. */
  created: string | null;
}

export interface OutboxPullResponse {
  ok: true;
  rows: OutboxRow[];
  /**
   * Pending rows set to `skipped` by this call instead of being returned: their shop turned
   * "Pull order updates from NetSuite" off, or their payload is unreadable (the message says which).
   */
  skipped: number;
}

export interface OutboxAckResult {
  outboxId: string;
  ok: boolean;
  /** What happened (stored on the row; on failure it tells the admin what to fix). */
  message?: string;
  /** A failure worth retrying (network, throttling): the row stays pending until the last attempt. */
  retryable?: boolean;
  /** Fulfillment rows: the TikTok package id, written to the item fulfillment (`custbody_tts_package_id`). */
  packageId?: string;
}

/** `outbox.ack`: 1..100 results; each row becomes `sent`, `failed` or stays `pending`. */
export interface OutboxAckRequest {
  action: 'outbox.ack';
  results: OutboxAckResult[];
}

/**
 * The row after the ack: `sent`, `failed`, `pending` (a retryable failure with attempts left), the
 * state it already had when it was not pending any more (acknowledged twice), or `unknown` when
 * no such row exists.
 */
export interface OutboxAckOutcome {
  outboxId: string;
  state: string;
  attempts: number;
}

export interface OutboxAckResponse {
  ok: true;
  results: OutboxAckOutcome[];
}
