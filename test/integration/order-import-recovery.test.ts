import { calendarDateIn } from '../../shared-types/src/time/order-dates';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import {
  editRecord,
  editShop,
  failSaves,
  inboxFor,
  logEntries,
  mapInvocations,
  requireSalesOrder,
  runImport,
  salesOrderFor,
  shopRecord,
} from '../support/order-fidelity-kit';

/**
 * "Orders, complete", items 5 and 6 (import side): every order that cannot be imported is an inbox
 * record in error that says what to fix and where; temporary NetSuite failures retry themselves
 * with backoff; a shop in test mode imports one order, pauses the flow and logs a review.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function orders(count: number, seed: number): TikTokOrder[] {
  return makeOrders({ count, seed, firstOrderId: 576461413038800000n + BigInt(seed) * 100n });
}

async function importOrders(list: TikTokOrder[]): Promise<void> {
  const responses = await world.upsertOrders(list);
  for (const r of responses) expect(r.status).toBe(200);
  await world.ns.runQueuedTasks();
}

const fields = (orderId: string) => inboxFor(world, orderId).fields;
const nowUnix = (): number => Math.floor(Date.now() / 1000);

describe('5. orders that cannot be imported say what to fix, and temporary failures retry themselves', () => {
  it('translates a closed accounting period into the date and where to reopen it, with no automatic retry', async () => {
    world = await startConnectorAccount();
    const [order] = orders(1, 1);
    failSaves(world, 'salesorder', 'CLOSED_TRAN_PRD', 'The accounting period Jan 2026 is closed.');
    await importOrders([order]);
    const f = fields(order.id);
    expect(f.custrecord_tts_ord_state).toBe('error');
    // The sales order's date: TikTok's time in the (US) shop's zone, Pacific time (order-dates.ts).
    expect(String(f.custrecord_tts_ord_error)).toContain(
      `the accounting period of ${calendarDateIn(order.create_time, 'America/Los_Angeles')} is closed`,
    );
    expect(String(f.custrecord_tts_ord_error)).toContain('is closed');
    expect(String(f.custrecord_tts_ord_error)).toContain('Setup > Accounting > Manage Accounting Periods');
    expect(f.custrecord_tts_ord_retry_at ?? null).toBeNull();
    expect(salesOrderFor(world, order.id)).toBeNull();
  });

  it('names the NetSuite error when the buyer customer cannot be created', async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_per_buyer: true });
    const [order] = orders(1, 2);
    failSaves(world, 'customer', 'USER_ERROR', 'Please enter value(s) for: Sales Rep');
    await importOrders([order]);
    const message = String(fields(order.id).custrecord_tts_ord_error);
    expect(fields(order.id).custrecord_tts_ord_state).toBe('error');
    expect(message).toContain(`The customer for TikTok buyer ${order.user_id}`);
    expect(message).toContain('could not be created');
    expect(message).toContain('USER_ERROR: Please enter value(s) for: Sales Rep');
  });

  it('retries a temporary failure by itself once its retry time has come, then imports the order', async () => {
    world = await startConnectorAccount();
    const [order] = orders(1, 3);
    failSaves(world, 'salesorder', 'RCRD_HAS_BEEN_CHANGED', 'Record has been changed');
    const before = nowUnix();
    await importOrders([order]);
    let f = fields(order.id);
    expect(f.custrecord_tts_ord_state).toBe('error');
    expect(f.custrecord_tts_ord_attempts).toBe(1);
    expect(String(f.custrecord_tts_ord_error)).toContain('retried automatically');
    const retryAt = Number(f.custrecord_tts_ord_retry_at);
    expect(retryAt).toBeGreaterThanOrEqual(before + 300);

    expect(mapInvocations(runImport(world))).toBe(0);

    editRecord(world, 'customrecord_tts_order', inboxFor(world, order.id).id, {
      custrecord_tts_ord_retry_at: nowUnix() - 1,
    });
    expect(mapInvocations(runImport(world))).toBe(1);
    f = fields(order.id);
    expect(f.custrecord_tts_ord_state).toBe('imported');
    expect(f.custrecord_tts_ord_retry_at ?? null).toBeNull();
    expect(requireSalesOrder(world, order.id).fields.otherrefnum).toBe(order.id);
  });

  it('stops retrying after the maximum number of attempts and leaves the order to a person', async () => {
    world = await startConnectorAccount();
    const [order] = orders(1, 4);
    failSaves(world, 'salesorder', 'UNEXPECTED_ERROR', 'An unexpected error occurred.', 10);
    await importOrders([order]);
    const inboxId = inboxFor(world, order.id).id;
    editRecord(world, 'customrecord_tts_order', inboxId, {
      custrecord_tts_ord_attempts: 4,
      custrecord_tts_ord_retry_at: nowUnix() - 1,
    });
    expect(mapInvocations(runImport(world))).toBe(1);
    const f = fields(order.id);
    expect(f.custrecord_tts_ord_state).toBe('error');
    expect(f.custrecord_tts_ord_attempts).toBe(5);
    expect(f.custrecord_tts_ord_retry_at ?? null).toBeNull();
    expect(String(f.custrecord_tts_ord_error)).toContain('Automatic retries have stopped');
    expect(mapInvocations(runImport(world))).toBe(0);
  });

  it('completes an order once the cause is fixed and the record is set back to pending', async () => {
    world = await startConnectorAccount();
    const [order] = orders(1, 5);
    editShop(world, { custrecord_tts_shop_location: '' });
    const withWarehouse = { ...order, warehouse_id: '7068517275539719942' };
    await importOrders([withWarehouse]);
    expect(fields(order.id).custrecord_tts_ord_state).toBe('error');
    expect(String(fields(order.id).custrecord_tts_ord_error)).toContain(
      'TikTok warehouse 7068517275539719942',
    );

    editShop(world, { custrecord_tts_shop_location: world.account.locationIds.main });
    editRecord(world, 'customrecord_tts_order', inboxFor(world, order.id).id, {
      custrecord_tts_ord_state: 'pending',
    });
    runImport(world);
    expect(fields(order.id).custrecord_tts_ord_state).toBe('imported');
    expect(requireSalesOrder(world, order.id).fields.location).toBe(String(world.account.locationIds.main));
  });
});

describe('6. test with one order', () => {
  it('imports only the next importable order, pauses Push orders with the reason and logs a review', async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_test_mode: true });
    const list = orders(3, 6);
    const unpaid = { ...list[0], status: 'UNPAID' as const };
    await importOrders([unpaid, list[1], list[2]]);
    expect(world.ns.store.all('salesorder')).toHaveLength(1);
    const so = requireSalesOrder(world, list[1].id);
    expect(fields(list[2].id).custrecord_tts_ord_state).toBe('pending');
    expect(fields(unpaid.id).custrecord_tts_ord_state).toBe('pending');

    const shop = shopRecord(world).fields;
    expect(shop.custrecord_tts_shop_push_orders).toBe(false);
    expect(String(shop.custrecord_tts_shop_paused_reason)).toContain(
      `TikTok order ${list[1].id} was imported in test mode`,
    );

    const reviews = logEntries(world, 'test-order');
    expect(reviews).toHaveLength(1);
    const review = String(reviews[0].fields.custrecord_tts_log_message);
    expect(review).toContain(`Customer: TikTok Shop Customer (${world.account.customerId})`);
    expect(review).toContain(`Location: Main Warehouse (${world.account.locationIds.main})`);
    expect(review).toContain(
      `Payment method: Credit Card (${world.account.paymentMethodIds['Credit Card']})`,
    );
    expect(review).toContain(list[1].line_items[0].seller_sku);
    expect(review).toContain(`total NetSuite`);
    expect(review).toContain(`vs TikTok ${list[1].payment.total_amount}`);
    expect(reviews[0].fields.custrecord_tts_log_record_id).toBe(String(so.id));

    expect(mapInvocations(runImport(world))).toBe(0);
  });

  it('imports the chosen Test Order ID only', async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_test_mode: true });
    const list = orders(3, 7);
    editShop(world, { custrecord_tts_shop_test_order: list[2].id });
    await importOrders(list);
    expect(world.ns.store.all('salesorder').map((so) => so.fields.otherrefnum)).toEqual([list[2].id]);
    expect(shopRecord(world).fields.custrecord_tts_shop_push_orders).toBe(false);
  });
});
