import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { logEntries, requireSalesOrder } from '../support/order-fidelity-kit';

/**
 * Issue #9: NetSuite hands a user event no `oldRecord` on create — `undefined`, not null — and the
 * emulator does the same. The sales order user event must not depend on which: a new TikTok sales
 * order records its order number for TikTok (outbox `order.external_ref`) and logs no failure.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

describe('the sales order user event on create (oldRecord undefined)', () => {
  it("records the new sales order's number for TikTok and logs no failure", async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, seed: 11, firstOrderId: 576461413038300000n });
    for (const r of await world.upsertOrders([order])) expect(r.status).toBe(200);
    await world.ns.runQueuedTasks();
    const so = requireSalesOrder(world, order.id);
    const rows = world.ns.store.all('customrecord_tts_outbox');
    expect(rows.map((r) => r.fields.custrecord_tts_out_kind)).toEqual(['order.external_ref']);
    expect(String(rows[0]?.fields.custrecord_tts_out_payload)).toContain(String(so.fields.tranid));
    expect(logEntries(world).filter((l) => l.fields.custrecord_tts_log_level === 'error')).toEqual([]);
    expect(world.ns.logs.filter((l) => l.title === 'TikTok outbox not written')).toEqual([]);
  });
});
