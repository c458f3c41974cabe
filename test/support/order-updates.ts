/**
 * Helpers for tests of what happens to orders after their import: import an order, send TikTok's
 * next version of it, fulfil its sales order as a warehouse user would, read the records back.
 */
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from './connector-account';
import { DEMO_SHOP } from './connector-account';

export const ORDER_UPDATES_SCRIPT = 'customscript_tts_mr_order_updates';
export const ORDER_UPDATES_DEPLOYMENT = 'customdeploy_tts_mr_order_updates';

export function inboxOf(world: ConnectorAccount, orderId: string): StoredRecord {
  const rec = world.ns.store.findByExternalId('customrecord_tts_order', `tts_${DEMO_SHOP.shopId}_${orderId}`);
  if (!rec) throw new Error(`no inbox record for ${orderId}`);
  return rec;
}

export function salesOrderOf(world: ConnectorAccount, orderId: string): StoredRecord {
  const rec = world.ns.store.findByExternalId('salesorder', `tts_${DEMO_SHOP.shopId}_${orderId}`);
  if (!rec) throw new Error(`no sales order for ${orderId}`);
  return rec;
}

/** Stores the orders through the RESTlet and runs the import it queued; fails unless all are imported. */
export async function importOrders(world: ConnectorAccount, orders: TikTokOrder[]): Promise<void> {
  const responses = await world.upsertOrders(orders);
  if (responses.some((r) => r.status !== 200)) throw new Error(`upsert failed: ${JSON.stringify(responses)}`);
  const tasks = await world.ns.runQueuedTasks();
  const failed = tasks.filter((t) => t.error !== null || t.status !== 'COMPLETE');
  if (failed.length > 0) throw new Error(`import failed: ${JSON.stringify(failed)}`);
  for (const order of orders) {
    const state = inboxOf(world, order.id).fields.custrecord_tts_ord_state;
    if (state !== 'imported') {
      throw new Error(
        `order ${order.id} is ${String(state)}: ${String(inboxOf(world, order.id).fields.custrecord_tts_ord_error)}`,
      );
    }
  }
}

/** TikTok's next version of an order: a later update_time plus the given changes. */
export function nextVersion(
  order: TikTokOrder,
  changes: Partial<TikTokOrder> = {},
  seconds = 600,
): TikTokOrder {
  return { ...structuredClone(order), ...changes, update_time: order.update_time + seconds };
}

/** The order with the given TikTok line items cancelled by the buyer. */
export function withCancelledLines(order: TikTokOrder, lineIds: readonly string[]): TikTokOrder {
  return {
    ...order,
    line_items: order.line_items.map((line) =>
      lineIds.includes(line.id)
        ? { ...line, display_status: 'CANCELLED', cancel_user: 'BUYER', cancel_reason: 'No longer needed' }
        : line,
    ),
  };
}

/** Sends an update through the RESTlet and runs the tasks it queued; returns their reports. */
export async function sendUpdate(world: ConnectorAccount, order: TikTokOrder) {
  const [response] = await world.upsertOrders([order]);
  if (response.status !== 200) throw new Error(`upsert failed: ${JSON.stringify(response.body)}`);
  const tasks = await world.ns.runQueuedTasks();
  return { response, tasks };
}

/** Fulfils every open unit of the sales order (item fulfillment transformed from it, as a user would). */
export function fulfilSalesOrder(world: ConnectorAccount, salesOrderId: number): number {
  const service = world.ns.seed.service;
  const fulfillment = service.transform({
    fromType: 'salesorder',
    fromId: salesOrderId,
    toType: 'itemfulfillment',
  });
  fulfillment.setValue({ fieldId: 'shipstatus', value: 'C' });
  return service.save(fulfillment, {});
}

export interface LineView {
  item: string;
  quantity: number;
  quantityFulfilled: number;
  closed: boolean;
  lineIds: string;
  amount: number;
}

export function linesOf(so: StoredRecord): LineView[] {
  return (so.sublists.item ?? []).map((line) => ({
    item: String(line.fields.item),
    quantity: Number(line.fields.quantity),
    quantityFulfilled: Number(line.fields.quantityfulfilled ?? 0),
    closed: line.fields.isclosed === true,
    lineIds: String(line.fields.custcol_tts_line_ids ?? ''),
    amount: Number(line.fields.amount),
  }));
}

export function logEntries(world: ConnectorAccount): StoredRecord[] {
  return world.ns.store.all('customrecord_tts_log');
}
