/**
 * What a save of an item fulfillment of a TikTok sales order means for TikTok ("Pull fulfillments
 * from NetSuite"), decided without touching NetSuite: the user event and the catch-up run read the
 * fulfillment, its order's lines and the fulfillment rows already in the outbox, and write what this
 * returns.
 *
 * - The fulfillment reaches the shipped status (shipped-status.ts) and has no row yet:
 *   `fulfillment.ship` with the TikTok order, the line item ids it covers (fulfillment-lines.ts),
 *   its tracking number(s) (one per package) and carrier. Key `<fulfillmentId>-<tracking>`
 *   (`<t1>,<t2>` for several packages): exactly once per fulfillment and tracking number(s).
 * - A later save with another tracking number: `fulfillment.update` (TikTok's shipping-info update)
 *   when the ship row was sent; when it was not sent yet, a new `fulfillment.ship` with the new number,
 *   and the old pending row is superseded.
 * - No tracking number, lines that cover no TikTok line item, lines changed after shipping, a
 *   deletion: an exception (sync log) saying what to do; nothing is queued.
 */
import { outboxExternalId } from '../outbox/outbox';
import type { CarrierPayload, FulfillmentPayload } from './fulfillment-payload';
import type { FulfilledLine, OrderLineIds } from './fulfillment-lines';
import { tiktokLineIdsOf } from './fulfillment-lines';
import type { SendAtStatus } from './shipped-status';
import { countsAsShipped } from './shipped-status';

export interface FulfillmentSnapshot {
  id: string;
  /** Document number, or null. */
  tranId: string | null;
  salesOrderId: string | null;
  /** Ship status letter or text. */
  shipStatus: string | null;
  /** Tracking numbers of the package sublist, in line order, blanks left out. */
  trackingNumbers: string[];
  carrier: CarrierPayload;
  lines: FulfilledLine[];
}

export interface FulfillmentShop {
  recordId: string;
  shopId: string;
  name: string;
  /** Pull fulfillments from NetSuite (`custrecord_tts_shop_pull_fulfill`). */
  pullFulfillments: boolean;
  sendAt: SendAtStatus;
}

/** The latest `fulfillment.ship` row of this fulfillment in the outbox. */
export interface CapturedShip {
  outboxId: string;
  /** Its first tracking number. */
  trackingNumber: string;
  /** All its tracking numbers (one per package); absent: just `trackingNumber`. */
  trackingNumbers?: string[];
  state: string;
  lineItemIds: string[];
}

export interface FulfillmentCaptureInput {
  eventType: string;
  shop: FulfillmentShop;
  tiktokOrderId: string;
  before: FulfillmentSnapshot | null;
  after: FulfillmentSnapshot;
  orderLines: readonly OrderLineIds[];
  /** Line item ids the order's other fulfillments' rows cover. */
  coveredByOthers: readonly string[];
  captured: CapturedShip | null;
}

export interface PlannedFulfillmentRow {
  kind: 'fulfillment.ship' | 'fulfillment.update';
  externalId: string;
  shopRecordId: string;
  orderId: string;
  salesOrderId: string;
  payload: FulfillmentPayload;
}

export interface FulfillmentCapturePlan {
  rows: PlannedFulfillmentRow[];
  /** Pending rows the new row replaces (set to skipped). */
  supersede: string[];
  /** Messages for the sync log (an exception: what happened and what to do). */
  exceptions: string[];
  /** Information for the sync log (nothing to do), when nothing else is written. */
  notes?: string[];
}

const NOTHING: FulfillmentCapturePlan = { rows: [], supersede: [], exceptions: [] };

function label(f: FulfillmentSnapshot): string {
  return `item fulfillment ${f.tranId ?? f.id}`;
}

function row(
  input: FulfillmentCaptureInput,
  kind: PlannedFulfillmentRow['kind'],
  lineItemIds: string[],
  previousTrackingNumber: string | null,
): PlannedFulfillmentRow {
  const { after, shop } = input;
  return {
    kind,
    externalId: outboxExternalId(kind, shop.shopId, input.tiktokOrderId, trackingVersion(after)),
    shopRecordId: shop.recordId,
    orderId: input.tiktokOrderId,
    salesOrderId: after.salesOrderId ?? '',
    payload: {
      salesOrderId: after.salesOrderId ?? '',
      fulfillmentId: after.id,
      tranId: after.tranId,
      lineItemIds,
      trackingNumbers: [...after.trackingNumbers],
      carrier: { ...after.carrier },
      previousTrackingNumber,
    },
  };
}

/**
 * The key's version: `<fulfillment id>-<tracking>`, with every tracking number of a fulfillment of
 * several packages (`<id>-<t1>,<t2>`): once per fulfillment and set of tracking numbers.
 */
export function trackingVersion(f: Pick<FulfillmentSnapshot, 'id' | 'trackingNumbers'>): string {
  return `${f.id}-${f.trackingNumbers.join(',')}`;
}

function sameTracking(captured: CapturedShip, trackingNumbers: readonly string[]): boolean {
  const before = captured.trackingNumbers ?? [captured.trackingNumber];
  return before.length === trackingNumbers.length && before.every((t, i) => t === trackingNumbers[i]);
}

function sameLines(a: readonly FulfilledLine[], b: readonly FulfilledLine[]): boolean {
  const key = (lines: readonly FulfilledLine[]) =>
    lines
      .filter((l) => l.quantity > 0)
      .map((l) => `${l.orderLine}:${l.quantity}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

export function planFulfillmentCapture(input: FulfillmentCaptureInput): FulfillmentCapturePlan {
  const { after, before, shop, captured } = input;
  if (!shop.pullFulfillments) return NOTHING;
  const order = `TikTok order ${input.tiktokOrderId}`;
  if (input.eventType === 'delete') {
    if (captured === null) return NOTHING;
    if (captured.state === 'pending') {
      return {
        rows: [],
        supersede: [captured.outboxId],
        exceptions: [
          `${label(after)} of ${order} was deleted in NetSuite before it was sent to TikTok: outbox record ${captured.outboxId} is withdrawn (skipped) and its line items are free for another fulfillment. Nothing to do unless the goods left: then fulfil them again in NetSuite.`,
        ],
      };
    }
    return {
      ...NOTHING,
      exceptions: [
        `${label(after)} of ${order} was deleted in NetSuite after it was queued for TikTok (tracking ${captured.trackingNumber}, outbox record ${captured.outboxId}, ${captured.state}). TikTok has no API to take a shipment back: if the goods did not leave, tell the buyer and ask TikTok support to cancel the package; if they did, fulfil the order again in NetSuite (the line items TikTok has shipped are not sent twice).`,
      ],
    };
  }
  if (!countsAsShipped(after.shipStatus, shop.sendAt)) return NOTHING;
  const tracking = after.trackingNumbers[0];
  if (tracking === undefined) {
    return {
      ...NOTHING,
      exceptions: [
        `${label(after)} of ${order} is ${shop.sendAt === 'packed' ? 'packed' : 'shipped'} but has no tracking number, which TikTok requires to mark a package shipped. Fix: enter the tracking number on the fulfillment's package sublist and save it; it is then sent.`,
      ],
    };
  }
  if (captured !== null) {
    if (before !== null && !sameLines(before.lines, after.lines)) {
      return {
        ...NOTHING,
        exceptions: [
          `The lines of ${label(after)} of ${order} changed after it was queued for TikTok; TikTok cannot change the items of a package. Fix: restore the fulfillment's quantities, and fulfil any other units in a new item fulfillment.`,
        ],
      };
    }
    if (sameTracking(captured, after.trackingNumbers)) return NOTHING;
    if (captured.state === 'sent') {
      return {
        ...NOTHING,
        rows: [row(input, 'fulfillment.update', captured.lineItemIds, captured.trackingNumber)],
      };
    }
    return {
      rows: [row(input, 'fulfillment.ship', captured.lineItemIds, null)],
      supersede: captured.state === 'pending' ? [captured.outboxId] : [],
      exceptions: [],
    };
  }
  const lines = tiktokLineIdsOf(input.orderLines, after.lines, input.coveredByOthers);
  const exceptions = lines.ok
    ? []
    : [
        `${label(after)} of ${order}: ${lines.problems.join('; ')}. Only the TikTok line items not yet shipped are sent. Fix: check the order's other fulfillments.`,
      ];
  if (lines.lineItemIds.length === 0 && lines.ok && (lines.bundleShipped ?? []).length > 0) {
    return {
      ...NOTHING,
      notes: [
        `${label(after)} of ${order} ships only components of virtual bundle line item(s) ${(lines.bundleShipped ?? []).join(', ')} that another fulfillment of the order already sent (TikTok ships a bundle as one line item): nothing more to send to TikTok. Nothing to do.`,
      ],
    };
  }
  if (lines.lineItemIds.length === 0) {
    return {
      ...NOTHING,
      exceptions: [
        ...exceptions,
        `${label(after)} of ${order} ships no line imported from TikTok (its lines have no TikTok line item ids left): nothing to send.`,
      ],
    };
  }
  return { rows: [row(input, 'fulfillment.ship', lines.lineItemIds, null)], supersede: [], exceptions };
}
