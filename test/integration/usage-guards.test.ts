import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { importOrders, salesOrderOf } from '../support/order-updates';
import type { RestletResponse } from '../support/signed-restlet';

/**
 * The usage guards: before each write, the RESTlet upsert and the sales-order outbox user event
 * check that the units left cover that write and what must follow it. With the emulator's usage
 * limit lowered (ns.lowerUsageLimit), both stop cleanly between writes — a clean error or log
 * entry that says what was and was not recorded, and no record half-written — instead of
 * SSS_USAGE_LIMIT_EXCEEDED in the middle of a write.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

/**
 * The error of a RESTlet response: `{"error":{"code","message"}}`, where NetSuite may carry the
 * SuiteScriptError serialized as JSON text in `message`; both forms are read.
 */
function restletError(response: RestletResponse): { code: string; message: string } {
  const error = (response.body as { error: { code: string; message: string } }).error;
  try {
    const inner = JSON.parse(error.message) as { name?: string; message?: string };
    if (typeof inner.message === 'string') return { code: inner.name ?? error.code, message: inner.message };
  } catch {
    // plain text message
  }
  return error;
}

const inboxRecords = (): StoredRecord[] => world.ns.store.all('customrecord_tts_order');
const syncLog = (): StoredRecord[] => world.ns.store.all('customrecord_tts_log');
const outboxRows = (orderId: string): StoredRecord[] =>
  world.ns.store
    .all('customrecord_tts_outbox')
    .filter((row) => row.fields.custrecord_tts_out_order_id === orderId);

describe('RESTlet orders.upsert when the usage budget runs low', () => {
  it('stores whole orders only, queues them, logs what it stored and answers TTS_USAGE_LIMIT naming the first order left out', async () => {
    world = await startConnectorAccount();
    const orders = makeOrders({ count: 5, seed: 11 });
    // Shop and inbox lookups 20 + 3 orders × 6 leave 72 units before the 4th order: less than its
    // worst case (18) plus the task submits (60).
    world.ns.lowerUsageLimit('restlet', 110);
    const [response] = await world.upsertOrders(orders);

    expect(response.status).toBe(400);
    const error = restletError(response);
    expect(error.code).toBe('TTS_USAGE_LIMIT');
    expect(error.message).toBe(
      `The RESTlet usage budget ran low after storing 3 of 5 orders; order ${orders[3].id} and those after it were not stored. Fix: send those orders again in a smaller batch (orders already stored come back "unchanged").`,
    );
    const logged = world.ns.logs.filter((l) => l.title === 'orders.upsert stopped: usage low');
    expect(logged).toHaveLength(1);
    expect(logged[0].level).toBe('ERROR');
    expect(logged[0].details).toContain(`shop ${DEMO_SHOP.shopId}: The RESTlet usage budget ran low`);
    expect(logged[0].details).toContain(
      `Stored: ${orders
        .slice(0, 3)
        .map((o) => `${o.id}=created`)
        .join(', ')}; import queued: true; updates queued: false`,
    );

    // Exactly the first three, each whole: its payload, state and update time.
    expect(inboxRecords().map((r) => r.fields.custrecord_tts_ord_order_id)).toEqual(
      orders.slice(0, 3).map((o) => o.id),
    );
    for (const [i, rec] of inboxRecords().entries()) {
      expect(JSON.parse(String(rec.fields.custrecord_tts_ord_payload))).toEqual(orders[i]);
      expect(rec.fields.custrecord_tts_ord_state).toBe('pending');
      expect(rec.fields.custrecord_tts_ord_update_time).toBe(orders[i].update_time);
    }
    const tasks = await world.ns.runQueuedTasks();
    expect(tasks.map((t) => t.status)).toEqual(['COMPLETE']);
    expect(world.ns.store.all('salesorder')).toHaveLength(3);

    // Sent again as the message says, the rest is stored and the first three come back unchanged.
    world.ns.lowerUsageLimit('restlet', null);
    const [again] = await world.upsertOrders(orders);
    expect(again.status).toBe(200);
    expect((again.body as { results: { outcome: string }[] }).results.map((r) => r.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'created',
      'created',
    ]);
  });

  it('stores nothing when the budget cannot cover even the first order', async () => {
    world = await startConnectorAccount();
    const orders = makeOrders({ count: 2, seed: 12 });
    world.ns.lowerUsageLimit('restlet', 97);
    const [response] = await world.upsertOrders(orders);
    expect(response.status).toBe(400);
    expect(restletError(response)).toMatchObject({
      code: 'TTS_USAGE_LIMIT',
      message: expect.stringContaining(
        `after storing 0 of 2 orders; order ${orders[0].id} and those after it`,
      ),
    });
    expect(inboxRecords()).toEqual([]);
    expect(world.ns.logs.filter((l) => l.title === 'orders.upsert stopped: usage low')[0].details).toContain(
      'Stored: none; import queued: false',
    );
    expect(await world.ns.runQueuedTasks()).toEqual([]);
  });
});

describe('sales-order outbox user event when the usage budget runs low', () => {
  it('writes no outbox row it cannot finish: the save goes through and the sync log says what to do', async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, seed: 13 });
    // The shop lookup (1) leaves 11 units: not enough for a row (6) plus the sync log entry (6)
    // that would report a failure.
    world.ns.lowerUsageLimit('userevent', 12);
    await importOrders(world, [order]);

    const so = salesOrderOf(world, order.id);
    expect(so.fields.custbody_tts_tieout).toBe(true);
    expect(outboxRows(order.id)).toEqual([]);
    const entries = syncLog();
    expect(entries).toHaveLength(1);
    expect(entries[0].fields).toMatchObject({
      custrecord_tts_log_level: 'error',
      custrecord_tts_log_flow: 'order updates',
      custrecord_tts_log_record_type: 'salesorder',
      custrecord_tts_log_record_id: String(so.id),
      custrecord_tts_log_tiktok_id: order.id,
    });
    expect(entries[0].fields.custrecord_tts_log_message).toBe(
      `The change of sales order ${so.id} was saved in NetSuite but could not be recorded for TikTok (Error: usage budget too low to record order.external_ref (tts_out_order_external_ref_${DEMO_SHOP.shopId}_${order.id}_${String(so.fields.tranid)}); 0 of 1 rows were written). TikTok was not updated. Fix the cause, then save the sales order again (an unchanged save records nothing new; cancel or renumber it again if that was the change).`,
    );
    expect(world.ns.logs.filter((l) => l.title === 'TikTok outbox not written').map((l) => l.level)).toEqual([
      'ERROR',
    ]);
  });

  it('keeps the rows written before the budget ran low whole, and names how many of the change it recorded', async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, seed: 14 });
    await importOrders(world, [order]);
    const so = salesOrderOf(world, order.id);
    expect(outboxRows(order.id).map((r) => r.fields.custrecord_tts_out_kind)).toEqual(['order.external_ref']);

    // A user renumbers the order and closes its lines: a new external reference and a status change.
    // Shop lookup 1 + one row 6 leave 11 units: the second row does not fit with a log entry.
    world.ns.lowerUsageLimit('userevent', 18);
    const edit = world.ns.seed.ui.load({ type: 'salesorder', id: so.id });
    edit.setValue({ fieldId: 'tranid', value: 'TTS-RENUMBERED' });
    for (let line = 0; line < edit.getLineCount({ sublistId: 'item' }); line += 1) {
      edit.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line, value: true });
    }
    edit.save();

    const rows = outboxRows(order.id);
    expect(rows.map((r) => r.fields.custrecord_tts_out_kind)).toEqual([
      'order.external_ref',
      'order.external_ref',
    ]);
    expect(rows.every((r) => r.fields.custrecord_tts_out_state === 'pending')).toBe(true);
    expect(JSON.parse(String(rows[1].fields.custrecord_tts_out_payload))).toMatchObject({
      salesOrderId: String(so.id),
      tranId: 'TTS-RENUMBERED',
    });
    const [entry] = syncLog();
    expect(String(entry.fields.custrecord_tts_log_message)).toContain(
      `usage budget too low to record order.status (tts_out_order_status_${DEMO_SHOP.shopId}_${order.id}_B-H); 1 of 2 rows were written`,
    );
    expect(salesOrderOf(world, order.id).fields.status).toBe('H');
  });
});
