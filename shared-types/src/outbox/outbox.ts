/**
 * The NetSuite → TikTok outbox `customrecord_tts_outbox` (docs/contracts.md): what a row says, its
 * externalid (the idempotency key the bridge uses towards TikTok), and the payload of each kind.
 * The sales-order user event writes rows, the bridge pulls them (`outbox.pull`), delivers them and
 * reports back (`outbox.ack`).
 */
import { isTikTokId } from '../ids/tiktok-id';
import type { FulfillmentPayload } from '../fulfillments/fulfillment-payload';
import type { LabelRequestPayload } from '../fulfillments/label-request';

export const OUTBOX_KINDS = [
  'order.status',
  'order.cancel',
  'order.external_ref',
  'order.cancel_answer',
  'return.answer',
  'return.receive',
  'fulfillment.ship',
  'fulfillment.update',
  'label.request',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** `pending` (waiting for the bridge), `sent` (done), `failed` (gave up, see the message), `skipped`. */
export const OUTBOX_STATES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A retryable failure is tried this many times in all before the row is marked failed. */
export const MAX_OUTBOX_ATTEMPTS = 5;
/** Most rows one `outbox.pull` returns. */
export const MAX_OUTBOX_PULL = 100;
/** Default number of rows per `outbox.pull`. */
export const DEFAULT_OUTBOX_PULL = 50;

/**
 * `platform` of the external order reference written to TikTok. TikTok takes only its documented
 * list (Add External Order References 202406: SHOPIFY, WOOCOMMERCE, BIGCOMMERCE, MAGENTO,
 * SALESFORCE_COMMERCE_CLOUD, CHANNEL_ADVISOR, AMAZON, ORDER_MANAGEMENT_SYSTEM,
 * WAREHOUSE_MANAGEMENT_SYSTEM, ERP_SYSTEM); NetSuite is an ERP.
 */
export const EXTERNAL_ORDER_PLATFORM = 'ERP_SYSTEM';

/** NetSuite external ids allow letters, digits, `_` and `-`; keys are kept well below the limit. */
const MAX_VERSION_LENGTH = 60;

export function isOutboxKind(value: unknown): value is OutboxKind {
  return typeof value === 'string' && (OUTBOX_KINDS as readonly string[]).includes(value);
}

/** A version string made safe for an externalid: other characters become `-`, cut to 60. */
export function outboxVersionToken(version: string): string {
  const safe = version.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, MAX_VERSION_LENGTH);
  return safe === '' ? '0' : safe;
}

/**
 * externalid of an outbox row: `tts_out_<kind>_<shopId>_<orderId>_<version>`, the kind written
 * with `_` for `.` (`tts_out_order_cancel_7494..._5764..._order`). The same event written twice
 * collides on it, so the row exists once.
 */
export function outboxExternalId(kind: OutboxKind, shopId: string, orderId: string, version: string): string {
  if (!isTikTokId(shopId) || !isTikTokId(orderId)) {
    throw new Error(
      `outbox keys need TikTok shop and order ids of digits, got ${JSON.stringify(shopId)}, ${JSON.stringify(orderId)}`,
    );
  }
  return `tts_out_${kind.replace('.', '_')}_${shopId}_${orderId}_${outboxVersionToken(version)}`;
}

/** `order.external_ref`: write the sales order number back to TikTok as the external order. */
export interface ExternalRefPayload {
  salesOrderId: string;
  /** The NetSuite document number (`tranid`), the external order id on TikTok. */
  tranId: string;
  /** TikTok line item id → NetSuite line (`line` id) it was imported into. */
  lines: { tiktokLineId: string; netsuiteLine: string }[];
}

/** `order.cancel`: cancel the TikTok order, or only some of its line items. */
export interface CancelPayload {
  salesOrderId: string;
  /**
   * The TikTok seller cancel reason code chosen on the sales order; '' when none was (the bridge
   * sends the market's default for the order's status: cancel-reason-choice.ts).
   */
  reason: string;
  /** `order`: the whole order; `lines`: only `lineItemIds` (item-level cancel: US/UK shops only). */
  scope: 'order' | 'lines';
  lineItemIds: string[];
  /** NetSuite status letter after the change (`C` cancelled, `H` closed, ...), for the message. */
  status: string | null;
}

/** `order.status`: informational; TikTok has no API to set an order's status. */
export interface StatusPayload {
  salesOrderId: string;
  previousStatus: string | null;
  status: string;
  /** True when the new status means the order is cancelled or closed in NetSuite. */
  impliesCancel: boolean;
}

/**
 * `order.cancel_answer`: the seller's answer to a buyer's cancellation request
 * (buyer-cancel-request.ts), sent as Approve or Reject Cancellation.
 */
export interface CancelAnswerPayload {
  salesOrderId: string;
  /** TikTok's cancellation id of the request. */
  cancelId: string;
  decision: 'approve' | 'reject';
  /** The reject reason code (reject only; '' for approve). */
  rejectReason: string;
  /** The request's answer deadline (Unix seconds) as NetSuite showed it, null when none. */
  deadline: number | null;
}

/**
 * `return.answer`: the seller's answer to a TikTok return request given on its return authorization
 * (returns/return-answer.ts), sent as Approve Return or Reject Return. The row's `orderId` is the
 * TikTok order, its sales order the RMA's; one row per return (key `..._<returnId>`).
 */
export interface ReturnAnswerPayload {
  /** The return authorization's internal id. */
  rmaId: string;
  returnId: string;
  returnType: 'RETURN_AND_REFUND' | 'REPLACEMENT';
  decision: 'approve' | 'reject';
  /** The reject reason code (reject only; '' for approve). */
  rejectReason: string;
  /** The response deadline (Unix seconds) as NetSuite showed it, null when none. */
  deadline: number | null;
}

/**
 * `return.receive`: the goods of a TikTok return were received in NetSuite (an item receipt against its
 * return authorization), sent as Approve Return `APPROVE_RECEIVED_PACKAGE` ("package received") so TikTok
 * releases the refund. One row per return (key `..._<returnId>`).
 */
export interface ReturnReceivePayload {
  rmaId: string;
  /** The item receipt's internal id. */
  receiptId: string;
  returnId: string;
}

/** `fulfillment.ship` / `fulfillment.update`: fulfillments/fulfillment-payload.ts; `label.request`: fulfillments/label-request.ts. */
export type OutboxPayload =
  | ExternalRefPayload
  | CancelPayload
  | StatusPayload
  | CancelAnswerPayload
  | ReturnAnswerPayload
  | ReturnReceivePayload
  | FulfillmentPayload
  | LabelRequestPayload;
