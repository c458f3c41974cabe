/**
 * What `outbox.pull` does with one pending row, read from NetSuite: hand it to the bridge, skip it
 * (its flow was turned off after it was written) or fail it (it cannot be read; the message says
 * what is wrong).
 */
import { isTikTokId } from '../ids/tiktok-id';
import type { OutboxPayload } from './outbox';
import { isOutboxKind } from './outbox';
import type { OutboxRow } from './outbox-contract';
import { isPlainObject } from '../contract/validation-problems';
import { parseCarrierMap } from '../fulfillments/carrier-map';
import type { FulfillmentPayload } from '../fulfillments/fulfillment-payload';

export interface PendingOutboxRecord {
  id: string;
  externalId: string | null;
  kind: string | null;
  shopId: string | null;
  orderId: string | null;
  salesOrderId: string | null;
  payload: string | null;
  attempts: number;
  created: string | null;
  /** The shop's "Pull order updates from NetSuite". */
  pullOrderUpdates: boolean;
  /** The shop's "Cancel TikTok orders cancelled in NetSuite". */
  allowCancel: boolean;
  /** The shop's "Answer TikTok returns from NetSuite" (absent: off). */
  answerReturns?: boolean;
  /** The shop's Carrier Map text (`custrecord_tts_shop_carrier_map`), attached to fulfillment rows. */
  carrierMap?: string | null;
}

function isFulfillmentKind(kind: string | null): boolean {
  return kind === 'fulfillment.ship' || kind === 'fulfillment.update';
}

export type PullDisposition =
  | { action: 'deliver'; row: OutboxRow }
  | { action: 'skip'; message: string }
  | { action: 'fail'; message: string };

function parsePayload(text: string | null): OutboxPayload | null {
  if (text === null) {
    return null;
  }
  try {
    const value = JSON.parse(text) as unknown;
    return isPlainObject(value) ? (value as unknown as OutboxPayload) : null;
  } catch {
    return null;
  }
}

export function pullDisposition(record: PendingOutboxRecord): PullDisposition {
  // Answers to return requests follow their own setting (shared-types/src/returns/return-answer.ts).
  const returnKind = record.kind === 'return.answer' || record.kind === 'return.receive';
  if (returnKind && record.answerReturns !== true) {
    return {
      action: 'skip',
      message:
        'Not sent: "Answer TikTok returns from NetSuite" is off on the TikTok Shop record. Answer the return in TikTok Seller Center, or turn the setting on and set this record back to pending before the response deadline.',
    };
  }
  // Fulfillment and label rows wait (the pull leaves them out) while "Push fulfillments information to TikTok" is off.
  if (
    !record.pullOrderUpdates &&
    !isFulfillmentKind(record.kind) &&
    record.kind !== 'label.request' &&
    !returnKind
  ) {
    return {
      action: 'skip',
      message:
        'Not sent: "Pull order updates from NetSuite" is off on the TikTok Shop record. Turn it on and set this record back to pending to send it.',
    };
  }
  if (record.kind === 'order.cancel' && !record.allowCancel) {
    return {
      action: 'skip',
      message:
        'Not sent: "Cancel TikTok orders cancelled in NetSuite" is off on the TikTok Shop record. Turn it on and set this record back to pending to cancel the TikTok order.',
    };
  }
  const payload = parsePayload(record.payload);
  if (
    !isOutboxKind(record.kind) ||
    !isTikTokId(record.shopId) ||
    !isTikTokId(record.orderId) ||
    payload === null
  ) {
    return {
      action: 'fail',
      message: `Cannot be sent: the record is incomplete (kind ${JSON.stringify(record.kind)}, shop ${JSON.stringify(record.shopId)}, order ${JSON.stringify(record.orderId)}, payload ${payload === null ? 'not a JSON object' : 'ok'}). It was not written by the connector; delete it.`,
    };
  }
  if (isFulfillmentKind(record.kind)) {
    const map = parseCarrierMap(record.carrierMap ?? null, record.shopId);
    (payload as FulfillmentPayload).carrierMap = map.ok ? { ...map.map.entries } : {};
  }
  return {
    action: 'deliver',
    row: {
      outboxId: record.id,
      idempotencyKey: record.externalId ?? `tts_out_${record.id}`,
      kind: record.kind,
      shopId: record.shopId,
      orderId: record.orderId,
      salesOrderId: record.salesOrderId,
      payload,
      attempts: record.attempts,
      created: record.created,
    },
  };
}
