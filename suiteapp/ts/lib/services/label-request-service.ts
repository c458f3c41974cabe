/**
 * When NetSuite asks the bridge for TikTok's shipping label (issue #15 item 1): the `label.request`
 * outbox row (shared-types/src/fulfillments/label-request.ts) written when a TikTok Shipping sales
 * order is created (the import; shop setting Get TikTok Shipping Labels = At import) or when its item
 * fulfillment reaches Picked or Packed (When picked / When packed); and, on a new item fulfillment of
 * an order whose label is attached already, TikTok's tracking number on its package line (so the
 * warehouse ships with TikTok's label and the fulfillment sent to TikTok matches the package TikTok
 * has: nothing is shipped twice). None of it throws into the user's save: a failure is logged.
 *
 * Governance: a sales order create adds the shop lookup 1 + the row 6 (TikTok Shipping orders only);
 * a fulfillment reaching Picked/Packed the sales order query 10 + lookup 1 + row 6; a new fulfillment
 * the sales order query 10.
 */
import * as log from 'N/log';
import {
  labelRequestAtImport,
  labelRequestOnFulfillment,
} from '../../../../shared-types/src/fulfillments/label-request';
import { normalizeShipStatus } from '../../../../shared-types/src/fulfillments/shipped-status';
import { isTikTokId } from '../../../../shared-types/src/ids/tiktok-id';
import { prefillLabel } from '../dao/item-fulfillment-dao';
import type { NetSuiteRecord } from '../dao/netsuite-record';
import { readerOf } from '../dao/netsuite-record';
import { createLabelRequestRow } from '../dao/outbox-dao';
import { findLabelOrder } from '../dao/sales-order-dao';
import { lookupLabelShop } from '../dao/shop-dao';
import { ITEM_FULFILLMENT } from '../mappers/item-fulfillment-mapper';
import { labelOrderOf } from '../mappers/sales-order-mapper';
import { idOf } from '../mappers/values';
import { errorMessage } from '../platform/errors';

type ReadableRecord = Parameters<typeof readerOf>[0] & { id?: number | string | null };

function logFailure(what: string, e: unknown): void {
  log.error({ title: 'TikTok label request not written', details: `${what}: ${errorMessage(e)}` });
}

/** afterSubmit of a sales order: a new TikTok Shipping order asks for its label (At import). */
export function requestLabelOnCreate(type: string, rec: ReadableRecord): string | null {
  if (type.toLowerCase() !== 'create') return null;
  const id = String(rec.id ?? '');
  try {
    const order = labelOrderOf(readerOf(rec), id);
    if (!order.tiktokShipping || order.fbt || !isTikTokId(order.tiktokOrderId) || order.shopRecordId === null)
      return null;
    const shop = lookupLabelShop(order.shopRecordId);
    if (shop === null || !isTikTokId(shop.shopId)) return null;
    const row = labelRequestAtImport({
      shopId: shop.shopId,
      shopRecordId: shop.recordId,
      orderId: order.tiktokOrderId,
      salesOrderId: id,
      tiktokShipping: order.tiktokShipping,
      fbt: order.fbt,
      shop: shop.labels,
    });
    return row === null ? null : createLabelRequestRow(row);
  } catch (e) {
    logFailure(`sales order ${id}`, e);
    return null;
  }
}

/** afterSubmit of an item fulfillment: Picked / Packed reached asks for the label (When picked / packed). */
export function requestLabelOnFulfillment(
  type: string,
  rec: ReadableRecord,
  old: ReadableRecord | null,
): string | null {
  const eventType = type.toLowerCase();
  if (eventType === 'delete') return null;
  const id = String(rec.id ?? '');
  try {
    const reader = readerOf(rec);
    const statusAfter = normalizeShipStatus(reader.value(ITEM_FULFILLMENT.body.shipStatus));
    if (statusAfter !== 'A' && statusAfter !== 'B') return null;
    const salesOrderId =
      idOf(reader.value(ITEM_FULFILLMENT.body.createdFrom)) ??
      (old === null ? null : idOf(readerOf(old).value(ITEM_FULFILLMENT.body.createdFrom)));
    if (salesOrderId === null) return null;
    const order = findLabelOrder(salesOrderId);
    if (order === null || !order.tiktokShipping || order.fbt || !isTikTokId(order.tiktokOrderId)) return null;
    if (order.shopRecordId === null) return null;
    const shop = lookupLabelShop(order.shopRecordId);
    if (shop === null || !isTikTokId(shop.shopId)) return null;
    const row = labelRequestOnFulfillment({
      shopId: shop.shopId,
      shopRecordId: shop.recordId,
      orderId: order.tiktokOrderId,
      salesOrderId,
      fulfillmentId: id,
      tiktokShipping: true,
      fbt: false,
      shop: shop.labels,
      statusBefore: old === null ? null : readerOf(old).value(ITEM_FULFILLMENT.body.shipStatus),
      statusAfter,
    });
    return row === null ? null : createLabelRequestRow(row);
  } catch (e) {
    logFailure(`item fulfillment ${id}`, e);
    return null;
  }
}

/** beforeSubmit of a new item fulfillment: TikTok's tracking number and label from its sales order. */
export function prefillLabelOnCreate(type: string, rec: NetSuiteRecord): boolean {
  if (type.toLowerCase() !== 'create') return false;
  try {
    const salesOrderId = idOf(readerOf(rec).value(ITEM_FULFILLMENT.body.createdFrom));
    if (salesOrderId === null) return false;
    const order = findLabelOrder(salesOrderId);
    const [tracking] = order?.labelTracking ?? [];
    if (order === null || !order.tiktokShipping || tracking === undefined) return false;
    return prefillLabel(rec, tracking, order.labelFile);
  } catch (e) {
    logFailure('new item fulfillment', e);
    return false;
  }
}
