import type { TikTokLineItem, TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import {
  fulfilSalesOrder,
  importOrders,
  inboxOf,
  linesOf,
  logEntries,
  nextVersion,
  ORDER_UPDATES_DEPLOYMENT,
  ORDER_UPDATES_SCRIPT,
  salesOrderOf,
  sendUpdate,
  withCancelledLines,
} from '../support/order-updates';
import type { LineView } from '../support/order-updates';

/**
 * TikTok → NetSuite updates of orders that are already sales orders, end to end in the emulator:
 * the RESTlet flags the inbox record and queues `customscript_tts_mr_order_updates`, whose compiled
 * file brings the sales order in line (closed lines, reduced quantities, new ship-to) or raises an
 * exception once the order is fulfilled.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function unit(id: string, sku: string, price: string, index: number): TikTokLineItem {
  return {
    id,
    sku_id: String(1729592969712200000n + BigInt(index)),
    product_id: String(1729587769570200000n + BigInt(index)),
    product_name: sku,
    seller_sku: sku,
    original_price: price,
    sale_price: price,
    platform_discount: '0.00',
    seller_discount: '0.00',
    currency: 'USD',
    display_status: 'AWAITING_SHIPMENT',
  };
}

/** Three MUG-RED units (15.00) and one TEE-BLK-M (24.00), no shipping, no tax: 69.00. */
function mugsAndTee(): TikTokOrder {
  const [template] = makeOrders({ count: 1, seed: 3 });
  return {
    ...template,
    payment: {
      currency: 'USD',
      sub_total: '69.00',
      shipping_fee: '0.00',
      seller_discount: '0.00',
      platform_discount: '0.00',
      total_amount: '69.00',
      original_total_product_price: '69.00',
      original_shipping_fee: '0.00',
      tax: '0.00',
      product_tax: '0.00',
      shipping_fee_tax: '0.00',
    },
    line_items: [
      unit('577000000000000001', 'MUG-RED', '15.00', 0),
      unit('577000000000000002', 'MUG-RED', '15.00', 0),
      unit('577000000000000003', 'MUG-RED', '15.00', 0),
      unit('577000000000000004', 'TEE-BLK-M', '24.00', 2),
    ],
  };
}

async function importedOrder(
  shopOverrides: Record<string, unknown> = {},
): Promise<{ order: TikTokOrder; soId: number }> {
  world = await startConnectorAccount({}, shopOverrides);
  const order = mugsAndTee();
  await importOrders(world, [order]);
  return { order, soId: salesOrderOf(world, order.id).id };
}

describe('order updates after import (emulator, real HTTP)', () => {
  it('closes every line when TikTok cancels the order before fulfillment, once', async () => {
    const { order, soId } = await importedOrder();
    const cancelled = nextVersion(order, { status: 'CANCELLED', cancellation_initiator: 'BUYER' });
    const { response, tasks } = await sendUpdate(world, cancelled);
    expect(response.body).toMatchObject({
      results: [{ outcome: 'updated' }],
      importQueued: false,
      updatesQueued: true,
    });
    expect(tasks.map((t) => [t.scriptId, t.status])).toEqual([[ORDER_UPDATES_SCRIPT, 'COMPLETE']]);
    expect(tasks[0].mapReduce!.mapErrors).toEqual([]);

    const so = salesOrderOf(world, order.id);
    expect(so.id).toBe(soId);
    expect(linesOf(so).map((l) => l.closed)).toEqual([true, true]);
    expect(so.fields.status).toBe('H');
    const inbox = inboxOf(world, order.id);
    expect(inbox.fields.custrecord_tts_ord_state).toBe('imported');
    expect(inbox.fields.custrecord_tts_ord_update_pending).toBe(false);
    expect(inbox.fields.custrecord_tts_ord_status).toBe('CANCELLED');
    expect(
      logEntries(world).some((l) => String(l.fields.custrecord_tts_log_message).includes('closed')),
    ).toBe(true);

    // A re-run (the scheduled safety net) finds nothing flagged and changes nothing.
    const version = salesOrderOf(world, order.id).version;
    const again = world.ns.runMapReduce(ORDER_UPDATES_SCRIPT, ORDER_UPDATES_DEPLOYMENT);
    expect(again.invocations.filter((i) => i.stage === 'map')).toHaveLength(0);
    expect(salesOrderOf(world, order.id).version).toBe(version);
  });

  it('does not send a TikTok cancellation back to TikTok as a seller cancel, even when cancelling is allowed', async () => {
    const { order } = await importedOrder({ custrecord_tts_shop_allow_cancel: true });
    const partly = nextVersion(withCancelledLines(order, ['577000000000000004']));
    await sendUpdate(world, partly);
    await sendUpdate(world, nextVersion(partly, { status: 'CANCELLED' }, 1200));
    expect(linesOf(salesOrderOf(world, order.id)).map((l) => l.closed)).toEqual([true, true]);
    const kinds = world.ns.store.all('customrecord_tts_outbox').map((r) => r.fields.custrecord_tts_out_kind);
    expect(kinds).toContain('order.external_ref');
    expect(kinds).not.toContain('order.cancel');
  });

  it('reduces only the cancelled units of a line and closes a line whose units are all cancelled', async () => {
    const { order } = await importedOrder();
    const before = linesOf(salesOrderOf(world, order.id));
    expect(before.map((l) => [l.quantity, l.closed])).toEqual([
      [3, false],
      [1, false],
    ]);
    const partial = nextVersion(withCancelledLines(order, ['577000000000000002', '577000000000000004']));
    await sendUpdate(world, partial);

    const after = linesOf(salesOrderOf(world, order.id));
    expect(after[0]).toMatchObject({
      quantity: 2,
      amount: 30,
      closed: false,
      lineIds: '577000000000000001,577000000000000003',
    });
    expect(after[1]).toMatchObject({ quantity: 1, closed: true });
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_update_pending).toBe(false);

    // The same cancellation again (a newer update_time, nothing else new) takes no more units.
    await sendUpdate(world, nextVersion(partial));
    expect(linesOf(salesOrderOf(world, order.id))[0].quantity).toBe(2);
  });

  it("takes the tax TikTok refunds with cancelled units off the order's TikTok tax line, once", async () => {
    world = await startConnectorAccount();
    const taxed = mugsAndTee();
    const tax = (amount: string) => [{ tax_type: 'SALES_TAX', tax_amount: amount, tax_rate: '0.0825' }];
    taxed.line_items = taxed.line_items.map((line, i) => ({
      ...line,
      item_tax: tax(i < 3 ? '1.24' : '1.98'),
    }));
    taxed.payment = { ...taxed.payment, tax: '5.70', product_tax: '5.70', total_amount: '74.70' };
    await importOrders(world, [taxed]);
    const taxLine = (): LineView =>
      linesOf(salesOrderOf(world, taxed.id)).find((l) => l.item === String(world.account.taxItemId))!;
    expect(taxLine()).toMatchObject({ amount: 5.7, closed: false });
    expect(salesOrderOf(world, taxed.id).fields.total).toBe(74.7);

    const partial = nextVersion(withCancelledLines(taxed, ['577000000000000002', '577000000000000004']));
    await sendUpdate(world, partial);
    // TikTok refunds 1.24 + 1.98 = 3.22 tax with the mug and the tee.
    expect(taxLine()).toMatchObject({ amount: 2.48, closed: false });
    expect(inboxOf(world, taxed.id).fields.custrecord_tts_ord_state).toBe('imported');

    await sendUpdate(world, nextVersion(partial));
    expect(taxLine().amount).toBe(2.48);
  });

  it('raises an exception and leaves a fulfilled sales order alone when TikTok cancels it', async () => {
    const { order, soId } = await importedOrder();
    fulfilSalesOrder(world, soId);
    const fulfilled = salesOrderOf(world, order.id);
    expect(linesOf(fulfilled).every((l) => l.quantityFulfilled === l.quantity)).toBe(true);

    await sendUpdate(world, nextVersion(order, { status: 'CANCELLED', cancellation_initiator: 'SYSTEM' }));
    const so = salesOrderOf(world, order.id);
    expect(so.version).toBe(fulfilled.version);
    expect(linesOf(so)).toEqual(linesOf(fulfilled));
    const inbox = inboxOf(world, order.id);
    expect(inbox.fields.custrecord_tts_ord_state).toBe('exception');
    expect(inbox.fields.custrecord_tts_ord_update_pending).toBe(false);
    expect(String(inbox.fields.custrecord_tts_ord_error)).toContain('after sales order');
    expect(String(inbox.fields.custrecord_tts_ord_error)).toContain('Return Authorization');
    const warnings = logEntries(world).filter((l) => l.fields.custrecord_tts_log_level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].fields.custrecord_tts_log_tiktok_id).toBe(order.id);
    expect(warnings[0].fields.custrecord_tts_log_record_id).toBe(String(soId));

    // TikTok's next version repeats the same situation: no second log entry.
    await sendUpdate(
      world,
      nextVersion(order, { status: 'CANCELLED', cancellation_initiator: 'SYSTEM' }, 900),
    );
    expect(logEntries(world).filter((l) => l.fields.custrecord_tts_log_level === 'warning')).toHaveLength(1);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('exception');
  });

  it('updates the ship-to address while unfulfilled', async () => {
    const { order } = await importedOrder();
    const moved = nextVersion(order, {
      recipient_address: { ...order.recipient_address, address_line1: '9 Elm St', postal_code: '94105' },
    });
    await sendUpdate(world, moved);
    const address = salesOrderOf(world, order.id).subrecords.shippingaddress?.fields ?? {};
    expect(address.addr1).toBe('9 Elm St');
    expect(address.zip).toBe('94105');
    expect(address.country).toBe('US');
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
  });

  it('raises an exception for an address change after fulfillment and keeps the address', async () => {
    const { order, soId } = await importedOrder();
    fulfilSalesOrder(world, soId);
    const zipBefore = salesOrderOf(world, order.id).subrecords.shippingaddress?.fields.zip;
    const moved = nextVersion(order, {
      recipient_address: { ...order.recipient_address, address_line1: '9 Elm St', postal_code: '94105' },
    });
    await sendUpdate(world, moved);
    expect(salesOrderOf(world, order.id).subrecords.shippingaddress?.fields.zip).toBe(zipBefore);
    const inbox = inboxOf(world, order.id);
    expect(inbox.fields.custrecord_tts_ord_state).toBe('exception');
    expect(String(inbox.fields.custrecord_tts_ord_error)).toContain('changed the ship-to address');
    expect(String(inbox.fields.custrecord_tts_ord_error)).toContain('9 Elm St');
  });

  it('survives an app-server restart after the sales order was saved, without closing twice', async () => {
    const { order } = await importedOrder();
    const [response] = await world.upsertOrders([
      nextVersion(withCancelledLines(order, ['577000000000000001'])),
    ]);
    expect(response.status).toBe(200);
    // inbox load (1st charge), sales order load (2nd) and save (3rd) go through; the restart hits the log entry.
    const tasks = await world.ns.runQueuedTasks({
      injectRestart: { stage: 'map', atInvocation: 1, afterCharges: 3 },
    });
    const report = tasks[0].mapReduce!;
    expect(report.invocations.some((i) => i.error === 'SSS_APP_SERVER_RESTART')).toBe(true);
    expect(linesOf(salesOrderOf(world, order.id))[0]).toMatchObject({ quantity: 2, closed: false });
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_update_pending).toBe(false);
  });
});
