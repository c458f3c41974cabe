/**
 * Item fulfillments in NetSuite: the catch-up's query for uncaptured ones, TikTok tracking numbers
 * and labels on their package lines, and the fulfillments of packages shipped outside NetSuite.
 * Field ids come from mappers/item-fulfillment-mapper.ts; records are reached through
 * dao/netsuite-record.ts and dao/suiteql.ts only (suiteapp/tools/mapper-id-guard.ts).
 */
import {
  fbtFulfillmentWrites,
  FULFILLMENT_ITEM_LINE,
  FULFILLMENT_OF_PACKAGE,
  fulfillmentIdFromRow,
  fulfillmentLabelWrites,
  ITEM_FULFILLMENT,
  PACKAGE_TRACKING,
  shipmentFulfillmentWrites,
  trackingNumbersOf,
  packageIdWrites,
  uncapturedFulfillmentFromRow,
  uncapturedFulfillmentsQuery,
} from '../mappers/item-fulfillment-mapper';
import { SALES_ORDER } from '../mappers/sales-order-mapper';
import { errorMessage, errorName, isDuplicateRecord } from '../platform/errors';
import type { NetSuiteRecord } from './netsuite-record';
import {
  loadRecord,
  readerOf,
  saveRecord,
  setBodyFields,
  setLineValue,
  submitBodyFields,
  transformRecord,
} from './netsuite-record';
import { runQuery } from './suiteql';

/**
 * Shipped item fulfillments of TikTok orders with no fulfillment row in the outbox and no fulfillment
 * exception of their shop, oldest first (one query, 10 units): what the catch-up queues.
 */
export function listUncapturedFulfillments(limit: number): string[] {
  return runQuery(uncapturedFulfillmentsQuery(limit), [
    'fulfillment.ship',
    'fulfillment.update',
    ITEM_FULFILLMENT.recordType,
    'fulfillments',
  ]).flatMap((row) => uncapturedFulfillmentFromRow(row) ?? []);
}

/** Writes the TikTok package id to the item fulfillment (submitFields, 10 units). */
export function writePackageId(fulfillmentId: string, packageId: string): void {
  submitBodyFields(ITEM_FULFILLMENT.recordType, fulfillmentId, packageIdWrites(packageId));
}

/**
 * The item fulfillment that records a Fulfilled-by-TikTok order as shipped: TikTok shipped it from
 * its own warehouse, so NetSuite shows the order fulfilled (and the FBT location's stock goes down)
 * instead of waiting in the warehouse's pick queue. `record.transform` 10 + save 20 = 30 units.
 *
 * What NetSuite answers, and what it means here:
 * - the transform fails with INVALID_INITIALIZE_REF when the sales order has nothing left to fulfil
 *   ("You can not initialize itemfulfillment: invalid reference <id>."; it also means a missing
 *   sales order, but this one was just saved or found): the fulfillment was made by an earlier
 *   attempt → `exists` (idempotent);
 * - the save fails with DUP_RCRD when a fulfillment with our externalid `tts_fbt_<shopId>_<orderId>`
 *   exists (a restarted map) → `exists`;
 * - VALID_LINE_ITEM_REQD ("You must enter at least one line item for this transaction") when no
 *   line can be fulfilled: with Fulfill Based on Commitment = Limit to Committed, nothing is
 *   committed at the FBT location → `not_committed`, for the caller to explain and retry.
 */
export type FbtFulfillment =
  { kind: 'created' } | { kind: 'exists' } | { kind: 'not_committed'; name: string; message: string };

function notCommitted(e: unknown): FbtFulfillment | null {
  return errorName(e) === 'VALID_LINE_ITEM_REQD'
    ? { kind: 'not_committed', name: errorName(e), message: errorMessage(e) }
    : null;
}

export function fulfilFbtOrder(salesOrderId: string, externalId: string, memo: string): FbtFulfillment {
  let fulfillment: NetSuiteRecord;
  try {
    fulfillment = transformRecord(
      SALES_ORDER.recordType,
      salesOrderId,
      SALES_ORDER.transforms.itemFulfillment,
    );
  } catch (e) {
    if (errorName(e) === 'INVALID_INITIALIZE_REF') return { kind: 'exists' };
    const refused = notCommitted(e);
    if (refused !== null) return refused;
    throw e;
  }
  setBodyFields(fulfillment, fbtFulfillmentWrites(externalId, memo));
  try {
    saveRecord(fulfillment);
    return { kind: 'created' };
  } catch (e) {
    if (isDuplicateRecord(e)) return { kind: 'exists' };
    const refused = notCommitted(e);
    if (refused !== null) return refused;
    throw e;
  }
}

/** The item fulfillment recording a package: by externalid or TikTok Package ID (one query, 10 units). */
export function findPackageFulfillment(externalId: string, packageId: string): string | null {
  const [row] = runQuery(FULFILLMENT_OF_PACKAGE, [externalId, packageId]);
  return row === undefined ? null : fulfillmentIdFromRow(row);
}

/** Tracking numbers on a fulfillment's package sublists (load, 10 units). */
export function loadFulfillmentTracking(fulfillmentId: string): string[] {
  return trackingNumbersOf(readerOf(loadRecord(ITEM_FULFILLMENT.recordType, fulfillmentId)));
}

/**
 * Puts a TikTok tracking number on the fulfillment's package line (a line whose tracking is empty,
 * else a new line) and links the label (load 10 + save 20 units). `replaceFirst`: a label fetched
 * for this fulfillment replaces the number on its first line.
 */
export function addTracking(
  fulfillmentId: string,
  trackingNumber: string,
  labelFileId: string | null,
  replaceFirst = false,
): void {
  const rec = loadRecord(ITEM_FULFILLMENT.recordType, fulfillmentId);
  const reader = readerOf(rec);
  const { sublistId, fieldId } = PACKAGE_TRACKING;
  const count = reader.lineCount(sublistId);
  let line = -1;
  for (let i = 0; i < count && line < 0; i += 1) {
    const value = reader.lineValue(sublistId, fieldId, i);
    if (value === trackingNumber) return saveLabelOnly(rec, labelFileId, trackingNumber);
    if (value === null || value === undefined || value === '' || (replaceFirst && i === 0)) line = i;
  }
  setLineValue(rec, sublistId, fieldId, line < 0 ? Math.max(count, 0) : line, trackingNumber);
  setBodyFields(rec, fulfillmentLabelWrites(labelFileId, trackingNumber));
  saveRecord(rec);
}

function saveLabelOnly(rec: NetSuiteRecord, labelFileId: string | null, trackingNumber: string): void {
  if (labelFileId === null) return;
  setBodyFields(rec, fulfillmentLabelWrites(labelFileId, trackingNumber));
  saveRecord(rec);
}

/**
 * The item fulfillment of a package shipped outside NetSuite (transform 10 + save 20 units): only
 * `lines` ship (order line → units), Shipped, with TikTok's tracking number on its package line.
 * DUP_RCRD (the externalid exists: an earlier call made it) → null.
 */
export function createShipmentFulfillment(
  salesOrderId: string,
  lines: readonly { line: string; quantity: number }[],
  externalId: string,
  packageId: string,
  trackingNumber: string,
  memo: string,
): string | null {
  const rec = transformRecord(SALES_ORDER.recordType, salesOrderId, SALES_ORDER.transforms.itemFulfillment);
  const reader = readerOf(rec);
  const item = FULFILLMENT_ITEM_LINE;
  const count = reader.lineCount(item.sublistId);
  for (let i = 0; i < count; i += 1) {
    const orderLine = String(reader.lineValue(item.sublistId, item.orderLine, i) ?? '');
    const wanted = lines.find((l) => l.line === orderLine);
    if (wanted === undefined) {
      setLineValue(rec, item.sublistId, item.itemReceive, i, false);
    } else {
      setLineValue(rec, item.sublistId, item.quantity, i, wanted.quantity);
    }
  }
  setBodyFields(rec, shipmentFulfillmentWrites(externalId, packageId, memo));
  setLineValue(rec, PACKAGE_TRACKING.sublistId, PACKAGE_TRACKING.fieldId, 0, trackingNumber);
  try {
    return saveRecord(rec);
  } catch (e) {
    if (isDuplicateRecord(e)) return null;
    throw e;
  }
}

/**
 * A new fulfillment (user event beforeSubmit, its record in hand): TikTok's tracking number on its
 * first package line when that is empty, and the label linked. No usage of its own.
 */
export function prefillLabel(
  rec: NetSuiteRecord,
  trackingNumber: string,
  labelFileId: string | null,
): boolean {
  const reader = readerOf(rec);
  const { sublistId, fieldId } = PACKAGE_TRACKING;
  const count = reader.lineCount(sublistId);
  for (let i = 0; i < count; i += 1) {
    const value = reader.lineValue(sublistId, fieldId, i);
    if (value !== null && value !== undefined && value !== '') return false;
  }
  setLineValue(rec, sublistId, fieldId, 0, trackingNumber);
  setBodyFields(rec, fulfillmentLabelWrites(labelFileId, trackingNumber));
  return true;
}
