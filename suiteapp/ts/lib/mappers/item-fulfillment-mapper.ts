/**
 * The item fulfillment that records a Fulfilled-by-TikTok order as shipped (made by transforming
 * its sales order: sales-order-mapper.ts declares the transform), externalid
 * `tts_fbt_<shopId>_<orderId>`.
 */
import type { BodyWrite } from './record-declaration';
import { declareRecord } from './record-declaration';

export const ITEM_FULFILLMENT = declareRecord({
  recordType: 'itemfulfillment',
  body: { externalId: 'externalid', shipStatus: 'shipstatus', memo: 'memo' },
});

/** NetSuite's ship status C: Shipped. */
const SHIPPED = 'C';

/** The FBT fulfillment: shipped, with its externalid and a memo saying why. */
export function fbtFulfillmentWrites(externalId: string, memo: string): BodyWrite[] {
  const body = ITEM_FULFILLMENT.body;
  return [
    [body.externalId, externalId],
    [body.shipStatus, SHIPPED],
    [body.memo, memo],
  ];
}
