/**
 * Item fulfillments of TikTok sales orders → the outbox ("Pull fulfillments from NetSuite"): reads
 * the fulfillment (new and old), its sales order's lines and the order's fulfillment rows already in
 * the outbox, plans with shared-types/src/fulfillments/fulfillment-capture.ts, and writes the rows,
 * the superseded rows and the exceptions (sync log). Called by the user event at once
 * (ue_item_fulfillment.ts). It never throws into the user's save: a failure is logged and written to
 * the sync log with what to do.
 *
 * Governance (user event budget 1,000): a fulfillment of a non-TikTok order costs the sales order
 * load 10; a TikTok one adds the shop lookup 1, one outbox query 10, 6 per row written, 2 per row
 * superseded, 6 per exception (an inline edit loads the fulfillment first: 10): ≤ 55 units.
 */
import * as log from 'N/log';
import type { FulfillmentSnapshot } from '../../../../shared-types/src/fulfillments/fulfillment-capture';
import type {
  CapturedShip,
  FulfillmentCapturePlan,
} from '../../../../shared-types/src/fulfillments/fulfillment-capture';
import { planFulfillmentCapture } from '../../../../shared-types/src/fulfillments/fulfillment-capture';
import type { FulfillmentPayload } from '../../../../shared-types/src/fulfillments/fulfillment-payload';
import { isShipmentFromTikTok } from '../../../../shared-types/src/fulfillments/shipments-upsert';
import { isTikTokId } from '../../../../shared-types/src/ids/tiktok-id';
import { writeLogEntry } from '../dao/log-dao';
import type { NetSuiteRecord } from '../dao/netsuite-record';
import { loadRecord, readerOf } from '../dao/netsuite-record';
import { createFulfillmentOutboxRow, listFulfillmentRows, updateOutboxRow } from '../dao/outbox-dao';
import { lookupFulfillmentShop } from '../dao/shop-dao';
import type { FulfillmentOutboxRow } from '../mappers/outbox-mapper';
import { fulfillmentSnapshot, ITEM_FULFILLMENT } from '../mappers/item-fulfillment-mapper';
import { SALES_ORDER, salesOrderSnapshot } from '../mappers/sales-order-mapper';
import { errorMessage, errorName } from '../platform/errors';

type ReadableRecord = Parameters<typeof readerOf>[0] & { id?: number | string | null };

export interface CaptureEvent {
  type: string;
  newRecord: ReadableRecord;
  oldRecord: ReadableRecord | null;
}

export interface CaptureSummary {
  written: string[];
  existing: string[];
  superseded: string[];
  exceptions: string[];
}

function payloadOf(row: FulfillmentOutboxRow): Partial<FulfillmentPayload> {
  try {
    const parsed = JSON.parse(row.payload ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<FulfillmentPayload>) : {};
  } catch {
    return {};
  }
}

function capturedOf(rows: readonly FulfillmentOutboxRow[], fulfillmentId: string): CapturedShip | null {
  const mine = rows.filter((r) => r.fulfillmentId === fulfillmentId);
  const last = mine[mine.length - 1];
  if (last === undefined) return null;
  const payload = payloadOf(last);
  return {
    outboxId: last.id,
    trackingNumber: payload.trackingNumbers?.[0] ?? '',
    trackingNumbers: payload.trackingNumbers ?? [],
    state: last.state,
    lineItemIds: payload.lineItemIds ?? [],
  };
}

function coveredByOthers(rows: readonly FulfillmentOutboxRow[], fulfillmentId: string): string[] {
  return rows.filter((r) => r.fulfillmentId !== fulfillmentId).flatMap((r) => payloadOf(r).lineItemIds ?? []);
}

function write(
  plan: FulfillmentCapturePlan,
  shopRecordId: string,
  fulfillmentId: string,
  orderId: string,
): CaptureSummary {
  const summary: CaptureSummary = { written: [], existing: [], superseded: [], exceptions: [] };
  for (const row of plan.rows) {
    if (createFulfillmentOutboxRow(row) === null) summary.existing.push(row.externalId);
    else summary.written.push(row.externalId);
  }
  for (const id of plan.supersede) {
    updateOutboxRow(
      id,
      'skipped',
      0,
      'Withdrawn before it was sent: the item fulfillment got another tracking number (a newer record sends it) or was deleted.',
    );
    summary.superseded.push(id);
  }
  for (const message of plan.notes ?? []) {
    writeLogEntry({
      shopRecordId,
      level: 'info',
      flow: 'fulfillments',
      message,
      recordType: 'itemfulfillment',
      recordId: fulfillmentId,
      tiktokId: orderId,
    });
    summary.exceptions.push(message);
  }
  for (const message of plan.exceptions) {
    writeLogEntry({
      shopRecordId,
      level: 'error',
      flow: 'fulfillments',
      message,
      recordType: 'itemfulfillment',
      recordId: fulfillmentId,
      tiktokId: orderId,
    });
    summary.exceptions.push(message);
  }
  return summary;
}

/** Plans and writes what one fulfillment (new state `after`, old `before`) means for TikTok. */
export function captureFulfillment(
  eventType: string,
  after: FulfillmentSnapshot,
  before: FulfillmentSnapshot | null,
): CaptureSummary | null {
  if (after.salesOrderId === null) return null;
  const order = salesOrderSnapshot(
    readerOf(loadRecord(SALES_ORDER.recordType, after.salesOrderId)),
    after.salesOrderId,
    null,
  );
  if (!isTikTokId(order.tiktokOrderId) || order.shopRecordId === null) return null;
  const shop = lookupFulfillmentShop(order.shopRecordId);
  if (shop === null || !shop.pullFulfillments) return null;
  const rows = listFulfillmentRows(order.tiktokOrderId);
  const plan = planFulfillmentCapture({
    eventType,
    shop,
    tiktokOrderId: order.tiktokOrderId,
    before,
    after,
    orderLines: order.lines.map((l) => ({ line: l.line, tiktokLineIds: l.tiktokLineIds })),
    coveredByOthers: coveredByOthers(rows, after.id),
    captured: capturedOf(rows, after.id),
  });
  return write(plan, shop.recordId, after.id, order.tiktokOrderId);
}

function recordFailure(e: unknown, fulfillmentId: string): void {
  const message = `Item fulfillment ${fulfillmentId} was saved in NetSuite but could not be queued for TikTok (${errorName(e) || 'Error'}: ${errorMessage(e)}). TikTok was not told it shipped. Fix the cause; the fulfillment catch-up or the next save of the fulfillment queues it.`;
  log.error({ title: 'TikTok fulfillment not queued', details: message });
  try {
    writeLogEntry({
      shopRecordId: null,
      level: 'error',
      flow: 'fulfillments',
      message,
      recordType: 'itemfulfillment',
      recordId: fulfillmentId,
      tiktokId: null,
    });
  } catch (logError) {
    log.error({ title: 'TikTok sync log not written', details: errorMessage(logError) });
  }
}

/** afterSubmit of an item fulfillment (create, edit, xedit, delete, ship from Pick Pack Ship). */
export function recordFulfillmentChange(event: CaptureEvent): CaptureSummary | null {
  const eventType = event.type.toLowerCase();
  const current = eventType === 'delete' ? event.oldRecord : event.newRecord;
  const id = String(current?.id ?? event.newRecord.id ?? '');
  try {
    if (current === null || id === '') return null;
    // An inline edit changes body fields only; one that leaves the ship status alone (the TikTok
    // package id written back by outbox.ack) changes nothing TikTok is told.
    if (
      eventType === 'xedit' &&
      !readerOf(event.newRecord).fieldIds().includes(ITEM_FULFILLMENT.body.shipStatus)
    ) {
      return null;
    }
    // An inline edit (submitFields) carries only the changed fields: read the whole record.
    const source: ReadableRecord =
      eventType === 'xedit' ? (loadRecord(ITEM_FULFILLMENT.recordType, id) as NetSuiteRecord) : current;
    // A package shipped outside NetSuite (shipments.upsert, issue #15): TikTok has it already.
    if (isShipmentFromTikTok(readerOf(source).value(ITEM_FULFILLMENT.body.externalId))) return null;
    const after = fulfillmentSnapshot(readerOf(source), id);
    const before =
      event.oldRecord === null || eventType === 'delete'
        ? null
        : fulfillmentSnapshot(readerOf(event.oldRecord), id);
    const summary = captureFulfillment(eventType, after, before);
    if (summary !== null && summary.written.length > 0) {
      log.audit({ title: 'TikTok fulfillment queued', details: summary.written.join(', ') });
    }
    return summary;
  } catch (e) {
    recordFailure(e, id);
    return null;
  }
}
