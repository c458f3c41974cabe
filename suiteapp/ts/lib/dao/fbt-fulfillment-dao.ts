import * as record from 'N/record';
import { errorName, isDuplicateRecord } from '../platform/errors';

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
  let fulfillment: record.Record;
  try {
    fulfillment = record.transform({
      fromType: record.Type.SALES_ORDER,
      fromId: Number(salesOrderId),
      toType: record.Type.ITEM_FULFILLMENT,
    });
  } catch (e) {
    if (errorName(e) === 'INVALID_RCRD_TRANSFRM') return 'exists';
    throw e;
  }
  fulfillment.setValue({ fieldId: 'externalid', value: externalId });
  fulfillment.setValue({ fieldId: 'shipstatus', value: 'C' });
  fulfillment.setValue({ fieldId: 'memo', value: memo });
  try {
    fulfillment.save();
    return 'created';
  } catch (e) {
    if (isDuplicateRecord(e)) return 'exists';
    throw e;
  }
}
