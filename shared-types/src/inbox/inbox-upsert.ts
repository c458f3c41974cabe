/**
 * What `orders.upsert` does to the order inbox record of one order (docs/contracts.md): a new
 * order is created `pending`; a newer `update_time` replaces payload, status and update time and
 * sets the state back to `pending`, except for an order that already has its sales order (state
 * `imported`, or any state with a linked sales order: `exception`, and an `error` whose sales order
 * was saved before what followed failed): that one keeps its state (and an error its automatic
 * retry) and is flagged (`custrecord_tts_ord_update_pending` = T) for the order-updates map/reduce,
 * which compares the new payload with the sales order. The import leaves a flagged record with a
 * sales order to the order updates first (import-claim.ts `isDueForImport`), so an error's retry
 * finishes — FBT fulfillment, tie-out — a sales order that already reflects the newer payload
 * (issue #23). The same `update_time` changes nothing unless the order changed again in that same
 * second (`sameSecondChange`: TikTok's times are whole seconds, so an order paid and shipped, or
 * created and given a new address, within one second arrives twice with one `update_time`): its
 * status moved on, or — with the status unchanged — its payload differs from the stored one (the
 * bridge runs an order's jobs one at a time, so the later payload is the later read); an older
 * `update_time` is ignored.
 */
import type { OrderUpsertOutcome } from '../contract/restlet-contract';
import { TIKTOK_ORDER_STATUSES, type TikTokOrder } from '../tiktok/tiktok-order';

export type InboxState = 'pending' | 'waiting' | 'imported' | 'error' | 'skipped' | 'cancelled' | 'exception';

export const INBOX_STATES: readonly InboxState[] = [
  'pending',
  'waiting',
  'imported',
  'error',
  'skipped',
  'cancelled',
  'exception',
];

/** The stored inbox record, as far as the decision needs it. */
export interface InboxSnapshot {
  id: string;
  updateTime: number | null;
  state: string | null;
  /** The linked sales order's internal id (`custrecord_tts_ord_sales_order`), if any. */
  salesOrderId?: string | null;
  /** TikTok's order status of the stored payload (`custrecord_tts_ord_status`), if read. */
  tiktokStatus?: string | null;
  /** The stored payload (`custrecord_tts_ord_payload`), if read. */
  payload?: string | null;
}

/**
 * True when a payload with the stored `update_time` is a second change within that second: its
 * status is later in TikTok's order life (`sameSecondAdvance`), or the status is the same and the
 * payload differs from the stored one (an address or line change). A status earlier than the
 * stored one is the older read of that second, and changes nothing.
 */
export function sameSecondChange(
  existing: InboxSnapshot,
  incomingStatus: string,
  incomingPayload: string,
): boolean {
  if (sameSecondAdvance(existing.tiktokStatus, incomingStatus)) return true;
  const sameStatus = existing.tiktokStatus === incomingStatus;
  return sameStatus && typeof existing.payload === 'string' && existing.payload !== incomingPayload;
}

/**
 * True when a payload with the stored `update_time` carries a status later in TikTok's order life
 * (`TIKTOK_ORDER_STATUSES` order: UNPAID … COMPLETED, CANCELLED last) than the stored one: the same
 * second saw a second change, which must not be dropped as unchanged. An unknown stored status is
 * not advanced past (nothing to compare with).
 */
export function sameSecondAdvance(storedStatus: string | null | undefined, incomingStatus: string): boolean {
  const statuses: readonly string[] = TIKTOK_ORDER_STATUSES;
  const stored = storedStatus === null || storedStatus === undefined ? -1 : statuses.indexOf(storedStatus);
  const incoming = statuses.indexOf(incomingStatus);
  return stored >= 0 && incoming > stored;
}

/**
 * A change to an inbox record, in domain terms (the order inbox mapper turns it into fields). A
 * field left out is not touched; `null` clears it.
 */
export interface InboxChanges {
  shopRecordId?: string;
  orderId?: string;
  /** TikTok's order status of the stored payload. */
  tiktokStatus?: string;
  /** TikTok's `update_time` of the stored payload (Unix s). */
  updateTime?: number;
  /** The TikTok order as JSON. */
  payload?: string;
  state?: InboxState;
  /** What to fix (error), why it waits, or why it was skipped; null clears it. */
  message?: string | null;
  attempts?: number;
  /** When the import retries a temporary failure by itself (Unix s); null clears it. */
  retryAt?: number | null;
  salesOrderId?: string | null;
  /** T while a newer payload of an imported order waits for the order updates. */
  updatePending?: boolean;
  /** The import run's claim token (import-claim.ts); null releases the claim. */
  claim?: string | null;
  /** When the claim expires (Unix s); null with a released claim. */
  claimUntil?: number | null;
}

/**
 * True when the inbox record's order already is a sales order, so updates go to that order: it is
 * `imported`, or linked to a sales order in any state (an `exception`, an `error` after the save).
 */
export function hasSalesOrder(existing: Pick<InboxSnapshot, 'state' | 'salesOrderId'>): boolean {
  return existing.state === 'imported' || (existing.salesOrderId ?? null) !== null;
}

export type InboxDecision =
  | { outcome: 'created'; values: InboxChanges }
  | { outcome: 'updated'; values: InboxChanges }
  | { outcome: Extract<OrderUpsertOutcome, 'unchanged' | 'stale'> };

/**
 * The note a pending order carries while its shop's "Push orders to NetSuite" is off, so the inbox
 * says why nothing happens (the seed's "Orders aren't being pushed to NetSuite").
 */
export function pushOrdersOffNote(shopName: string): string {
  return `Push orders to NetSuite is off for shop ${shopName}, so this order waits in the inbox. Fix: open the TikTok Shop record (Customization > TikTok Shops), tick Push orders to NetSuite and save; waiting orders are then imported by the next run (within 15 minutes).`;
}

export function decideInboxUpsert(
  existing: InboxSnapshot | null,
  order: TikTokOrder,
  shopRecordId: string,
  /** Set while the shop's Push orders to NetSuite is off (`pushOrdersOffNote`). */
  pausedNote: string | null = null,
): InboxDecision {
  const payload = JSON.stringify(order);
  const payloadValues: InboxChanges = { tiktokStatus: order.status, updateTime: order.update_time, payload };
  if (existing === null) {
    return {
      outcome: 'created',
      values: {
        shopRecordId,
        orderId: order.id,
        ...payloadValues,
        state: 'pending',
        attempts: 0,
        ...(pausedNote === null ? {} : { message: pausedNote }),
      },
    };
  }
  const stored = existing.updateTime ?? -1;
  if (order.update_time === stored && !sameSecondChange(existing, order.status, payload)) {
    return { outcome: 'unchanged' };
  }
  if (order.update_time < stored) {
    return { outcome: 'stale' };
  }
  if (hasSalesOrder(existing)) {
    return { outcome: 'updated', values: { ...payloadValues, updatePending: true } };
  }
  return {
    outcome: 'updated',
    values: { ...payloadValues, state: 'pending', message: pausedNote },
  };
}
