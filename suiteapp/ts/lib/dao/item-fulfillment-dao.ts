import { fbtFulfillmentWrites } from '../mappers/item-fulfillment-mapper';
import { SALES_ORDER } from '../mappers/sales-order-mapper';
import { errorName, isDuplicateRecord } from '../platform/errors';
import type { NetSuiteRecord } from './netsuite-record';
import { saveRecord, setBodyFields, transformRecord } from './netsuite-record';

/**
 * The item fulfillment that records a Fulfilled-by-TikTok order as shipped: TikTok shipped it from
 * its own warehouse, so NetSuite shows the order fulfilled (and the FBT location's stock goes down)
 * instead of waiting in the warehouse's pick queue. `record.transform` 10 + save 20 = 30 units.
 *
 * Idempotent: the fulfillment carries externalid `tts_fbt_<shopId>_<orderId>`; a second save (a
 * restarted map) gets DUP_RCRD, and a sales order with nothing left to fulfil cannot be
 * transformed (INVALID_RCRD_TRANSFRM) — both mean the fulfillment exists.
 */
export type FbtFulfillment = 'created' | 'exists';

export function fulfilFbtOrder(salesOrderId: string, externalId: string, memo: string): FbtFulfillment {
  let fulfillment: NetSuiteRecord;
  try {
    fulfillment = transformRecord(
      SALES_ORDER.recordType,
      salesOrderId,
      SALES_ORDER.transforms.itemFulfillment,
    );
  } catch (e) {
    if (errorName(e) === 'INVALID_RCRD_TRANSFRM') return 'exists';
    throw e;
  }
  setBodyFields(fulfillment, fbtFulfillmentWrites(externalId, memo));
  try {
    saveRecord(fulfillment);
    return 'created';
  } catch (e) {
    if (isDuplicateRecord(e)) return 'exists';
    throw e;
  }
}
