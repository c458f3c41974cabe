import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import {
  DEMO_SHOP,
  IMPORT_DEPLOYMENT,
  IMPORT_SCRIPT,
  startConnectorAccount,
} from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { callRestlet } from '../support/signed-restlet';

/**
 * The first chain end to end inside NetSuite: a signed RESTlet call over HTTP stores TikTok orders in
 * the order inbox, and the import map/reduce — our compiled files, run by the emulator — turns them
 * into sales orders, idempotently, within governance.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

/**
 * Runs the import jobs the RESTlet submitted through N/task (the main deployment, and the
 * continuation one when a later call found the main one queued) and returns the first job's report.
 */
async function runSubmittedImport(options: Parameters<ConnectorAccount['ns']['runQueuedTasks']>[0] = {}) {
  const tasks = await world.ns.runQueuedTasks(options);
  expect(tasks.length).toBeGreaterThanOrEqual(1);
  expect(tasks.map((t) => t.error)).toEqual(tasks.map(() => null));
  expect(tasks[0].deploymentId).toBe(IMPORT_DEPLOYMENT);
  return tasks[0].mapReduce!;
}

const salesOrders = (): StoredRecord[] => world.ns.store.all('salesorder');
const inbox = (): StoredRecord[] => world.ns.store.all('customrecord_tts_order');
const inboxFor = (orderId: string): StoredRecord => {
  const rec = world.ns.store.findByExternalId('customrecord_tts_order', `tts_${DEMO_SHOP.shopId}_${orderId}`);
  if (!rec) throw new Error(`no inbox record for ${orderId}`);
  return rec;
};

function expectSalesOrderMatches(order: TikTokOrder): void {
  const so = world.ns.store.findByExternalId('salesorder', `tts_${DEMO_SHOP.shopId}_${order.id}`);
  expect(so).not.toBeNull();
  const fields = so!.fields;
  expect(fields.entity).toBe(String(world.account.customerId));
  expect(fields.otherrefnum).toBe(order.id);
  expect(fields.custbody_tts_order_id).toBe(order.id);
  expect(fields.paymentmethod).toBe(String(world.account.paymentMethodIds['Credit Card']));
  const unitsBySku = new Map<string, number>();
  for (const line of order.line_items)
    unitsBySku.set(line.seller_sku, (unitsBySku.get(line.seller_sku) ?? 0) + 1);
  const lines = so!.sublists.item ?? [];
  const taxLines = lines.filter((line) => line.fields.item === String(world.account.taxItemId));
  const quantities = new Map<string, number>();
  for (const line of lines.filter((l) => !taxLines.includes(l))) {
    const sku = Object.entries(world.account.itemIds).find(([, id]) => String(id) === line.fields.item)?.[0];
    quantities.set(sku ?? '?', (quantities.get(sku ?? '?') ?? 0) + Number(line.fields.quantity));
  }
  expect(quantities).toEqual(unitsBySku);
  // TikTok's tax is one line of the shop's Tax Item; no line is taxable in NetSuite.
  expect(taxLines.map((line) => line.fields.amount)).toEqual(
    Number(order.payment.tax) > 0 ? [Number(order.payment.tax)] : [],
  );
  expect(lines.every((line) => line.fields.istaxable === false)).toBe(true);
  expect(fields.total).toBe(Number(order.payment.total_amount));
  const address = so!.subrecords.shippingaddress?.fields ?? {};
  expect(address.zip).toBe(order.recipient_address?.postal_code);
  expect(address.country).toBe('US');
  expect(inboxFor(order.id).fields.custrecord_tts_ord_sales_order).toBe(String(so!.id));
}

describe('order inbox RESTlet + import map/reduce (emulator, real HTTP, TBA)', () => {
  it('answers ping through a signed GET', async () => {
    world = await startConnectorAccount();
    const res = await world.restlet('GET');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, app: 'com.opentts.connector' });
  });

  it('refuses a bad signature with 401 INVALID_LOGIN_ATTEMPT and stores nothing', async () => {
    world = await startConnectorAccount();
    const wrong = { ...world.ns.credentials, tokenSecret: 'not-the-secret' };
    const res = await callRestlet(wrong, world.url, 'POST', {
      action: 'orders.upsert',
      shopId: DEMO_SHOP.shopId,
      orders: makeOrders({ count: 1 }),
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.' } });
    expect(inbox()).toHaveLength(0);
  });

  it('rejects an invalid payload with TTS_INVALID_REQUEST naming the field, and saves nothing', async () => {
    world = await startConnectorAccount();
    const [bad] = makeOrders({ count: 1 });
    bad.line_items[0].sale_price = '12.3.4';
    const res = await world.restlet('POST', {
      action: 'orders.upsert',
      shopId: DEMO_SHOP.shopId,
      orders: [bad],
    });
    expect(res.status).toBe(400);
    const error = (res.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('TTS_INVALID_REQUEST');
    expect(error.message).toContain('orders[0].line_items[0].sale_price');
    expect(inbox()).toHaveLength(0);
  });

  it('imports 200 orders into 200 sales orders, creates none on a re-run, within governance', async () => {
    world = await startConnectorAccount();
    const orders = makeOrders({ count: 200 });
    const responses = await world.upsertOrders(orders);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(inbox()).toHaveLength(200);

    const report = await runSubmittedImport();
    expect(report.status).toBe('COMPLETE');
    expect(report.mapErrors).toEqual([]);
    expect(salesOrders()).toHaveLength(200);
    for (const order of orders) expectSalesOrderMatches(order);
    expect(inbox().every((r) => r.fields.custrecord_tts_ord_state === 'imported')).toBe(true);

    const mapUnits = report.invocations.filter((i) => i.stage === 'map').map((i) => i.units);
    expect(mapUnits).toHaveLength(200);
    // claim 6 + sales order create 10 + save 20 + read-back 1 + outcome write 6 (load + save with
    // optimistic locking, so a newer payload stored meanwhile is never overwritten: issue #23).
    expect(Math.max(...mapUnits)).toBeLessThanOrEqual(43);
    expect(report.totals.byStage.getInputData).toBeLessThan(10000);

    const again = world.ns.runMapReduce(IMPORT_SCRIPT, IMPORT_DEPLOYMENT);
    expect(again.status).toBe('COMPLETE');
    expect(salesOrders()).toHaveLength(200);
    expect(again.invocations.filter((i) => i.stage === 'map')).toHaveLength(0);
  });

  it('creates no duplicate when an app-server restart kills a map invocation after the sales order was saved', async () => {
    world = await startConnectorAccount();
    const orders = makeOrders({ count: 20, seed: 7 });
    await world.upsertOrders(orders);
    // the claim (load, save: 1st and 2nd charges), create (3rd) and save (4th) go through; the
    // restart hits the inbox update.
    const report = await runSubmittedImport({
      injectRestart: { stage: 'map', atInvocation: 5, afterCharges: 4 },
    });
    expect(report.invocations.some((i) => i.error === 'SSS_APP_SERVER_RESTART')).toBe(true);
    expect(report.mapErrors.some((e) => e.error.includes('SSS_APP_SERVER_RESTART'))).toBe(true);
    expect(salesOrders()).toHaveLength(20);
    expect(inbox().every((r) => r.fields.custrecord_tts_ord_state === 'imported')).toBe(true);
    for (const order of orders) expectSalesOrderMatches(order);
  });

  it('keeps one inbox record per order: newer update_time replaces, older is ignored', async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, updateTime: 1767230000 });
    const first = await world.upsertOrders([order]);
    const same = await world.upsertOrders([order]);
    const newer = await world.upsertOrders([
      { ...order, update_time: 1767230500, buyer_message: 'leave at door' },
    ]);
    const older = await world.upsertOrders([{ ...order, update_time: 1767229000 }]);
    const outcome = (r: typeof first): string =>
      (r[0].body as { results: { outcome: string }[] }).results[0].outcome;
    expect([outcome(first), outcome(same), outcome(newer), outcome(older)]).toEqual([
      'created',
      'unchanged',
      'updated',
      'stale',
    ]);
    expect(inbox()).toHaveLength(1);
    expect(inboxFor(order.id).fields.custrecord_tts_ord_update_time).toBe(1767230500);
    expect(String(inboxFor(order.id).fields.custrecord_tts_ord_payload)).toContain('leave at door');
  });

  it('leaves an order with an unmapped payment method in error, naming the method and the setting', async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, paymentMethodName: 'Klarna' });
    await world.upsertOrders([order]);
    await runSubmittedImport();
    expect(salesOrders()).toHaveLength(0);
    const rec = inboxFor(order.id);
    expect(rec.fields.custrecord_tts_ord_state).toBe('error');
    expect(rec.fields.custrecord_tts_ord_error).toContain('"Klarna"');
    expect(rec.fields.custrecord_tts_ord_error).toContain('Payment Method Map');
  });

  it("creates a new buyer's customer once: their other orders wait for the next run, which finds it", async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_per_buyer: true });
    const orders = makeOrders({ count: 4, seed: 5, buyers: 1 });
    await world.upsertOrders(orders);
    const tasks = await world.ns.runQueuedTasks();
    // summarize re-submits its own deployment: NetSuite defers that run until this one has ended.
    expect(tasks.map((t) => [t.deploymentId, t.error])).toEqual([
      [IMPORT_DEPLOYMENT, null],
      [IMPORT_DEPLOYMENT, null],
    ]);
    expect(tasks[0].mapReduce!.mapKeys).toHaveLength(1);
    expect(tasks[1].mapReduce!.mapKeys).toHaveLength(3);
    expect(salesOrders()).toHaveLength(4);
    expect(world.ns.store.all('customer').filter((c) => c.externalId?.startsWith('tts_buyer_'))).toHaveLength(
      1,
    );
    const mapUnits = tasks.flatMap((t) => t.mapReduce!.invocations.filter((i) => i.stage === 'map'));
    expect(mapUnits.map((i) => i.error)).toEqual([null, null, null, null]);
  });

  it('says why orders wait while Push orders to NetSuite is off, and imports them once it is on', async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_push_orders: false });
    const [order] = makeOrders({ count: 1, seed: 9 });
    await world.upsertOrders([order]);
    await world.ns.runQueuedTasks();
    expect(salesOrders()).toHaveLength(0);
    expect(inboxFor(order.id).fields.custrecord_tts_ord_state).toBe('pending');
    expect(String(inboxFor(order.id).fields.custrecord_tts_ord_error)).toContain(
      'Push orders to NetSuite is off for shop',
    );

    const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`)!;
    world.ns.seed.service.submitFields({
      type: 'customrecord_tts_shop',
      id: shop.id,
      values: { custrecord_tts_shop_push_orders: true },
    });
    world.ns.runMapReduce(IMPORT_SCRIPT, IMPORT_DEPLOYMENT);
    expect(salesOrders()).toHaveLength(1);
    expect(inboxFor(order.id).fields.custrecord_tts_ord_state).toBe('imported');
    expect(inboxFor(order.id).fields.custrecord_tts_ord_error ?? '').toBe('');
  });

  it('runs the import that the RESTlet queued, through N/task', async () => {
    world = await startConnectorAccount();
    const orders = makeOrders({ count: 3, seed: 11 });
    const [res] = await world.upsertOrders(orders);
    expect((res.body as { importQueued: boolean }).importQueued).toBe(true);
    const report = await runSubmittedImport();
    expect(report.mapKeys).toHaveLength(3);
    expect(salesOrders()).toHaveLength(3);
  });
});
