import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { salesOrdersOf, storeNewerPayloadDuringClaim } from '../support/import-faults';
import { makeOrders } from '../support/tiktok-order-builder';
import { inboxFor } from '../support/order-fidelity-kit';
import { linesOf, nextVersion, ORDER_UPDATES_SCRIPT } from '../support/order-updates';

/**
 * Issue #23 (races found building issue #9), item 4a: the RESTlet stores a newer TikTok payload
 * while an import run holds the order's claim. The run's outcome, planned from the older payload,
 * must not overwrite the newer one: an order the run found unpaid and TikTok has since paid is
 * imported (not left `waiting` for ever), and a sales order the run created from the older payload
 * gets the newer one through the order updates.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function order(seed: number): TikTokOrder {
  const [base] = makeOrders({ count: 1, seed, firstOrderId: 576461413038100000n + BigInt(seed) * 100n });
  return base;
}

const inbox = (orderId: string) => inboxFor(world, orderId).fields;

function outputs(tasks: Awaited<ReturnType<ConnectorAccount['ns']['runQueuedTasks']>>): string[] {
  return tasks.flatMap((t) => (t.mapReduce?.output ?? []).map((o) => `${t.scriptId}: ${o.key}`));
}

describe('a newer payload stored while an import run holds the claim is not overwritten by the run', () => {
  it('an order the run found unpaid, paid meanwhile: left pending with the paid payload, and the next run imports it', async () => {
    world = await startConnectorAccount();
    const paid = order(1);
    const unpaid = { ...paid, status: 'UNPAID' as const, update_time: paid.update_time - 60 };
    for (const r of await world.upsertOrders([unpaid])) expect(r.status).toBe(200);
    const late = storeNewerPayloadDuringClaim(world, paid);
    const tasks = await world.ns.runQueuedTasks();
    expect(late.stored).toBe(true);

    expect(inbox(paid.id).custrecord_tts_ord_state).toBe('imported');
    expect(inbox(paid.id).custrecord_tts_ord_update_time).toBe(paid.update_time);
    expect(inbox(paid.id).custrecord_tts_ord_claim ?? null).toBeNull();
    const found = salesOrdersOf(world, paid.id);
    expect(found.byExternalId).toHaveLength(1);
    expect(found.byPoNumber).toHaveLength(1);
    // The first run planned from UNPAID: it left the record to the newer payload (not `waiting`) and
    // re-submitted the import, whose run imported it.
    expect(outputs(tasks)).toEqual([
      'customscript_tts_mr_import_orders: superseded',
      'customscript_tts_mr_import_orders: imported',
    ]);
  });

  it('a paid order cancelled meanwhile: the sales order made from the paid payload is linked and flagged, and the order updates close it', async () => {
    world = await startConnectorAccount();
    const paid = order(2);
    for (const r of await world.upsertOrders([paid])) expect(r.status).toBe(200);
    const cancelled = nextVersion(paid, { status: 'CANCELLED', cancellation_initiator: 'BUYER' }, 60);
    const late = storeNewerPayloadDuringClaim(world, cancelled);
    const tasks = await world.ns.runQueuedTasks();
    expect(late.stored).toBe(true);

    const found = salesOrdersOf(world, paid.id);
    expect(found.byExternalId).toHaveLength(1);
    expect(found.byPoNumber).toHaveLength(1);
    const so = found.byExternalId[0]!;
    // The import's summarize queued the order updates, which applied the cancellation.
    expect(tasks.map((t) => t.scriptId)).toContain(ORDER_UPDATES_SCRIPT);
    expect(linesOf(so).every((l) => l.closed)).toBe(true);
    const f = inbox(paid.id);
    expect(f.custrecord_tts_ord_state).toBe('imported');
    expect(f.custrecord_tts_ord_sales_order).toBe(String(so.id));
    expect(f.custrecord_tts_ord_status).toBe('CANCELLED');
    expect(f.custrecord_tts_ord_update_time).toBe(cancelled.update_time);
    expect(f.custrecord_tts_ord_update_pending).toBe(false);
    expect(f.custrecord_tts_ord_claim ?? null).toBeNull();
  });
});
