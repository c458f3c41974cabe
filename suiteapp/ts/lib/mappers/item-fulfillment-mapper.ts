/**
 * Item fulfillments: the one that records a Fulfilled-by-TikTok order as shipped (made by
 * transforming its sales order: sales-order-mapper.ts declares the transform), externalid
 * `tts_fbt_<shopId>_<orderId>`; and what the fulfillment capture reads of a warehouse's fulfillment
 * (shared-types/src/fulfillments/fulfillment-capture.ts): its ship status, sales order, shipping
 * method, `item` lines (each pointing at its order line by `orderline`) and the tracking numbers of
 * its package sublist — `package`, or the carrier's `packageups` / `packagefedex` / `packageusps`
 * with Shipping Label Integration (supplement.json itemfulfillment-package* entries; the other
 * package sublists answer -1 lines: sandbox/netsuite/src/data/record/item-fulfillment.ts). The TikTok
 * package id is written back to `custbody_tts_package_id`.
 */
import type { FulfillmentSnapshot } from '../../../../shared-types/src/fulfillments/fulfillment-capture';
import type { BodyWrite, RecordReader, SubmitWrite } from './record-declaration';
import { declareRecord } from './record-declaration';
import { idOf, numberOf, textOf } from './values';

export const ITEM_FULFILLMENT = declareRecord({
  recordType: 'itemfulfillment',
  body: {
    externalId: 'externalid',
    shipStatus: 'shipstatus',
    memo: 'memo',
    tranId: 'tranid',
    createdFrom: 'createdfrom',
    shipMethod: 'shipmethod',
    packageId: 'custbody_tts_package_id',
  },
  sublists: {
    item: {
      id: 'item',
      fields: { orderLine: 'orderline', quantity: 'quantity', itemReceive: 'itemreceive' },
    },
    package: { id: 'package', fields: { tracking: 'packagetrackingnumber' } },
    packageUps: { id: 'packageups', fields: { tracking: 'packagetrackingnumberups' } },
    packageFedEx: { id: 'packagefedex', fields: { tracking: 'packagetrackingnumberfedex' } },
    packageUsps: { id: 'packageusps', fields: { tracking: 'packagetrackingnumberusps' } },
  },
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

/** The TikTok package id, written back once TikTok has the shipment. */
export function packageIdWrites(packageId: string): SubmitWrite[] {
  return [[ITEM_FULFILLMENT.body.packageId, packageId]];
}

const s = ITEM_FULFILLMENT.sublists;
/** The package sublists and the carrier each stands for (null: no carrier integration). */
const PACKAGE_SUBLISTS = [
  { sublist: s.package, carrier: null },
  { sublist: s.packageUps, carrier: 'UPS' },
  { sublist: s.packageFedEx, carrier: 'FedEx' },
  { sublist: s.packageUsps, carrier: 'USPS' },
] as const;

function packages(rec: RecordReader): { trackingNumbers: string[]; carrier: string | null } {
  for (const { sublist, carrier } of PACKAGE_SUBLISTS) {
    const count = rec.lineCount(sublist.id);
    if (count <= 0) continue;
    const trackingNumbers: string[] = [];
    for (let line = 0; line < count; line += 1) {
      const tracking = textOf(rec.lineValue(sublist.id, sublist.fields.tracking, line))?.trim();
      if (tracking && !trackingNumbers.includes(tracking)) trackingNumbers.push(tracking);
    }
    return { trackingNumbers, carrier };
  }
  return { trackingNumbers: [], carrier: null };
}

function lines(rec: RecordReader): FulfillmentSnapshot['lines'] {
  const out: FulfillmentSnapshot['lines'] = [];
  const count = rec.lineCount(s.item.id);
  for (let line = 0; line < count; line += 1) {
    const receive = rec.lineValue(s.item.id, s.item.fields.itemReceive, line);
    if (receive === false || receive === 'F') continue;
    const orderLine = textOf(rec.lineValue(s.item.id, s.item.fields.orderLine, line));
    if (orderLine === null) continue;
    out.push({ orderLine, quantity: numberOf(rec.lineValue(s.item.id, s.item.fields.quantity, line)) });
  }
  return out;
}

/** The fulfillment as the capture sees it (a full record: loaded, or handed to create/edit/delete). */
export function fulfillmentSnapshot(rec: RecordReader, id: string): FulfillmentSnapshot {
  const body = ITEM_FULFILLMENT.body;
  const pkg = packages(rec);
  return {
    id,
    tranId: textOf(rec.value(body.tranId)),
    salesOrderId: idOf(rec.value(body.createdFrom)),
    shipStatus: textOf(rec.value(body.shipStatus)),
    trackingNumbers: pkg.trackingNumbers,
    carrier: {
      shipMethodId: idOf(rec.value(body.shipMethod)),
      shipMethodName: rec.text(body.shipMethod),
      packageCarrier: pkg.carrier,
    },
    lines: lines(rec),
  };
}
