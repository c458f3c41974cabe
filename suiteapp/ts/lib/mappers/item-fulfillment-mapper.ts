/**
 * Item fulfillments: the one that records a Fulfilled-by-TikTok order as shipped (made by
 * transforming its sales order: sales-order-mapper.ts declares the transform), externalid
 * `tts_fbt_<shopId>_<orderId>`; and what the fulfillment capture reads of a warehouse's fulfillment
 * (shared-types/src/fulfillments/fulfillment-capture.ts): its ship status, sales order, shipping
 * method, `item` lines (each pointing at its order line by `orderline`) and the tracking numbers of
 * its package sublist — `package`, or the carrier's `packageups` / `packagefedex` / `packageusps`
 * with Shipping Label Integration (supplement.json itemfulfillment-package* entries; the other
 * package sublists answer -1 lines: sandbox/netsuite/src/data/record/item-fulfillment.ts). The TikTok
 * package id is written back to `custbody_tts_package_id`. The fulfillment catch-up finds shipped
 * fulfillments of TikTok orders that have no outbox row with SuiteQL (`transaction`, and
 * `transactionline` for the sales order a fulfillment was created from: SuiteQL has no
 * `transaction.createdfrom`, sandbox/netsuite/src/data/query/view-model.ts).
 */
import type { FulfillmentSnapshot } from '../../../../shared-types/src/fulfillments/fulfillment-capture';
import { OUTBOX } from './outbox-mapper';
import type { BodyWrite, RecordReader, Row, SubmitWrite } from './record-declaration';
import { declareRecord } from './record-declaration';
import { SALES_ORDER } from './sales-order-mapper';
import { SHOP } from './shop-mapper';
import type { Sql } from './sql';
import { sql } from './sql';
import { SYNC_LOG } from './sync-log-mapper';
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
    labelFile: 'custbody_tts_label_file',
    labelTracking: 'custbody_tts_label_tracking',
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
  suiteql: {
    table: 'transaction',
    columns: {
      id: 'id',
      type: 'type',
      status: 'status',
      externalId: 'externalid',
      packageId: 'custbody_tts_package_id',
    },
  },
});

/** The fulfillment's lines in SuiteQL: the main line carries the sales order it was created from. */
export const ITEM_FULFILLMENT_LINE = declareRecord({
  recordType: 'itemfulfillment',
  suiteql: {
    table: 'transactionline',
    columns: { transaction: 'transaction', mainline: 'mainline', createdFrom: 'createdfrom' },
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

/**
 * The catch-up's candidates, oldest first: item fulfillments (`ItemShip`) Shipped (C), or Packed (B)
 * where the shop sends once packed, of TikTok sales orders (not Fulfilled by TikTok) of shops with
 * "Pull fulfillments from NetSuite" on, that have no fulfillment row in the outbox and no fulfillment
 * exception of its shop in the sync log (one the capture planned: it waits for the fulfillment to be
 * fixed and saved, and is not written again every run; a failure to queue is logged without a shop
 * and does not hold the fulfillment back). Parameters: the outbox kinds ship and update, the log
 * record type and flow.
 */
export function uncapturedFulfillmentsQuery(limit: number): Sql {
  const f = ITEM_FULFILLMENT.suiteql.columns;
  const l = ITEM_FULFILLMENT_LINE.suiteql.columns;
  const so = SALES_ORDER.suiteql.columns;
  const sh = SHOP.suiteql.columns;
  const o = OUTBOX.suiteql.columns;
  const g = SYNC_LOG.suiteql.columns;
  return sql`SELECT t.${f.id} AS id FROM ${ITEM_FULFILLMENT.suiteql.table} t JOIN ${ITEM_FULFILLMENT_LINE.suiteql.table} tl ON tl.${l.transaction} = t.${f.id} AND tl.${l.mainline} = 'T' JOIN ${SALES_ORDER.suiteql.table} so ON so.${so.id} = tl.${l.createdFrom} JOIN ${SHOP.suiteql.table} s ON s.${sh.id} = so.${so.shop} WHERE t.${f.type} = 'ItemShip' AND (t.${f.status} = 'C' OR (t.${f.status} = 'B' AND s.${sh.sendPacked} = 'T')) AND s.${sh.pullFulfillments} = 'T' AND so.${so.tiktokOrderId} IS NOT NULL AND so.${so.fbt} = 'F' AND NOT EXISTS (SELECT 1 FROM ${OUTBOX.suiteql.table} ob WHERE ob.${o.fulfillment} = t.${f.id} AND ob.${o.kind} IN (?, ?)) AND NOT EXISTS (SELECT 1 FROM ${SYNC_LOG.suiteql.table} lg WHERE lg.${g.recordType} = ? AND lg.${g.flow} = ? AND lg.${g.shop} IS NOT NULL AND lg.${g.recordId} = TO_CHAR(t.${f.id})) ORDER BY t.${f.id} FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`;
}

export function uncapturedFulfillmentFromRow(row: Row): string | null {
  return idOf(row.id);
}

/**
 * Item fulfillments recording a TikTok package (issue #15): by externalid (`tts_shp_…` or `tts_fbt_…`,
 * first parameter) or by TikTok Package ID (second parameter).
 */
export const FULFILLMENT_OF_PACKAGE: Sql = sql`SELECT t.${ITEM_FULFILLMENT.suiteql.columns.id} AS id FROM ${ITEM_FULFILLMENT.suiteql.table} t WHERE t.${ITEM_FULFILLMENT.suiteql.columns.type} = 'ItemShip' AND (t.${ITEM_FULFILLMENT.suiteql.columns.externalId} = ? OR t.${ITEM_FULFILLMENT.suiteql.columns.packageId} = ?) ORDER BY t.${ITEM_FULFILLMENT.suiteql.columns.id}`;

export function fulfillmentIdFromRow(row: Row): string | null {
  return idOf(row.id);
}

/** The fulfillment of a package shipped outside NetSuite: Shipped, its externalid, TikTok package id and a memo. */
export function shipmentFulfillmentWrites(externalId: string, packageId: string, memo: string): BodyWrite[] {
  const body = ITEM_FULFILLMENT.body;
  return [
    [body.externalId, externalId],
    [body.shipStatus, SHIPPED],
    [body.packageId, packageId],
    [body.memo, memo],
  ];
}

/** The label linked from the fulfillment, with its tracking number. */
export function fulfillmentLabelWrites(fileId: string | null, trackingNumber: string): BodyWrite[] {
  const body = ITEM_FULFILLMENT.body;
  return [
    ...(fileId === null ? [] : ([[body.labelFile, fileId]] as BodyWrite[])),
    [body.labelTracking, trackingNumber],
  ];
}

/** The `package` sublist's first line and tracking field, where TikTok's tracking number goes. */
export const PACKAGE_TRACKING = { sublistId: s.package.id, fieldId: s.package.fields.tracking };
/** The item lines: order line, quantity, and whether the line ships. */
export const FULFILLMENT_ITEM_LINE = {
  sublistId: s.item.id,
  orderLine: s.item.fields.orderLine,
  quantity: s.item.fields.quantity,
  itemReceive: s.item.fields.itemReceive,
};

/** Tracking numbers on the fulfillment's package sublists. */
export function trackingNumbersOf(rec: RecordReader): string[] {
  return packages(rec).trackingNumbers;
}
