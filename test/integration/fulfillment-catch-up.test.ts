import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { FulfillmentPayload } from '../../shared-types/src/fulfillments/fulfillment-payload';
import {
  FULFILLMENT_CATCH_UP_SCHEDULED_DEPLOYMENT_ID,
  FULFILLMENT_CATCH_UP_SCRIPT_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { importOrders, salesOrderOf } from '../support/order-updates';

/**
 * The fulfillment catch-up (issue #13): shipped item fulfillments of TikTok orders that the user
 * event did not capture — saved with no server scripts (CSV import), or while "Pull fulfillments
 * from NetSuite" was off — are queued by the scheduled map/reduce with the user event's key, once,
 * however often it runs or is restarted; fulfillments the user event captured are left alone;
 * a fulfillment with no tracking number gets one
 * exception, not one per run.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function fulfillmentRows(): StoredRecord[] {
  return world.ns.store
    .all('customrecord_tts_outbox')
    .filter((r) => String(r.fields.custrecord_tts_out_kind).startsWith('fulfillment.'));
}

function payloadOf(row: StoredRecord): FulfillmentPayload {
  return JSON.parse(String(row.fields.custrecord_tts_out_payload)) as FulfillmentPayload;
}

/** Fulfils one unit of the first line; `scripts: false` saves it as a CSV import without server scripts. */
function fulfil(salesOrderId: number, tracking: string | null, scripts: boolean): number {
  const service = scripts ? world.ns.seed.ui : world.ns.seed.service;
  const f = service.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment' });
  const count = f.getLineCount({ sublistId: 'item' });
  f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
  for (let line = 1; line < count; line += 1) {
    f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line, value: false });
  }
  if (tracking !== null)
    f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: tracking });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  return service.save(f, {});
}

function runCatchUp(injectRestart?: { stage: 'map'; atInvocation: number; afterCharges: number }) {
  return world.ns.runMapReduce(FULFILLMENT_CATCH_UP_SCRIPT_ID, FULFILLMENT_CATCH_UP_SCHEDULED_DEPLOYMENT_ID, {
    ...(injectRestart ? { injectRestart } : {}),
  });
}

function setShop(fields: Record<string, unknown>): void {
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`);
  if (!shop) throw new Error('no shop');
  world.ns.seed.service.submitFields({ type: 'customrecord_tts_shop', id: shop.id, values: fields });
}

async function importedOrders(count: number) {
  world = await startConnectorAccount();
  const orders = makeOrders({ count, seed: 11, maxSkus: 2 });
  await importOrders(world, orders);
  return orders.map((o) => ({ order: o, so: salesOrderOf(world, o.id) }));
}

describe('fulfillment catch-up', () => {
  it('queues fulfillments saved without server scripts, once, with the key the user event uses', async () => {
    const [a, b] = await importedOrders(2);
    const csv = fulfil(a!.so.id, 'CSV00001', false);
    const ui = fulfil(b!.so.id, 'UI000001', true);
    expect(fulfillmentRows()).toHaveLength(1);
    const run = runCatchUp();
    expect(run.output.map((o) => o.key)).toEqual(['queued']);
    const rows = fulfillmentRows();
    expect(rows).toHaveLength(2);
    const caught = rows.find((r) => payloadOf(r).fulfillmentId === String(csv))!;
    expect(caught.externalId).toBe(
      `tts_out_fulfillment_ship_${DEMO_SHOP.shopId}_${a!.order.id}_${csv}-CSV00001`,
    );
    expect(payloadOf(caught).trackingNumbers).toEqual(['CSV00001']);
    expect(payloadOf(caught).lineItemIds).toHaveLength(1);
    expect(String(caught.fields.custrecord_tts_out_fulfillment)).toBe(String(csv));
    expect(rows.some((r) => payloadOf(r).fulfillmentId === String(ui))).toBe(true);
    // A second run finds nothing left.
    expect(runCatchUp().output).toEqual([]);
    expect(fulfillmentRows()).toHaveLength(2);
  });

  it('queues what was fulfilled while Pull fulfillments from NetSuite was off, once it is on', async () => {
    const [a] = await importedOrders(1);
    setShop({ custrecord_tts_shop_pull_fulfill: false });
    fulfil(a!.so.id, 'OFF00001', true);
    expect(fulfillmentRows()).toHaveLength(0);
    expect(runCatchUp().output).toEqual([]);
    setShop({ custrecord_tts_shop_pull_fulfill: true });
    runCatchUp();
    expect(fulfillmentRows().map((r) => payloadOf(r).trackingNumbers)).toEqual([['OFF00001']]);
  });

  it('queues once when the app server restarts in the middle of a map invocation', async () => {
    const orders = await importedOrders(3);
    for (const [i, o] of orders.entries()) fulfil(o.so.id, `RST0000${i}`, false);
    const run = runCatchUp({ stage: 'map', atInvocation: 2, afterCharges: 5 });
    expect(run.invocations.some((i) => i.error === 'SSS_APP_SERVER_RESTART')).toBe(true);
    runCatchUp();
    const rows = fulfillmentRows();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.externalId)).size).toBe(3);
  });

  it('writes one exception for a shipped fulfillment without tracking, not one per run', async () => {
    const [a] = await importedOrders(1);
    fulfil(a!.so.id, null, false);
    runCatchUp();
    runCatchUp();
    expect(fulfillmentRows()).toHaveLength(0);
    const exceptions = world.ns.store
      .all('customrecord_tts_log')
      .filter((l) => String(l.fields.custrecord_tts_log_message).includes('has no tracking number'));
    expect(exceptions).toHaveLength(1);
  });
});
