import { fbtFulfillmentWrites, ITEM_FULFILLMENT, packageIdWrites } from '../mappers/item-fulfillment-mapper';
import { SALES_ORDER } from '../mappers/sales-order-mapper';
import { errorMessage, errorName, isDuplicateRecord } from '../platform/errors';
import type { NetSuiteRecord } from './netsuite-record';
import { saveRecord, setBodyFields, submitBodyFields, transformRecord } from './netsuite-record';

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
