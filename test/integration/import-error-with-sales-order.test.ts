import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { salesOrdersOf } from '../support/import-faults';
import { makeOrders } from '../support/tiktok-order-builder';
import { editRecord, failLookups, inboxFor, mapInvocations, runImport } from '../support/order-fidelity-kit';
import { linesOf, nextVersion, ORDER_UPDATES_SCRIPT } from '../support/order-updates';

/**
 * Issue #23 (races found building issue #9), item 4b: a newer TikTok payload of an order in `error`
 * that already has its sales order (saved, then its read-back or FBT fulfillment failed). That order
 * already is a sales order, so the newer payload takes the order-updates path: the RESTlet keeps the
 * state (and the automatic retry) and flags the record; the import leaves a flagged record to the order
 * updates, which bring the sales order in line with the newer payload; then the import's retry
 * finishes it and ties it out against the payload the sales order now reflects.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function order(seed: number): TikTokOrder {
  const [base] = makeOrders({ count: 1, seed, firstOrderId: 576461413038000000n + BigInt(seed) * 100n });
  return base;
}

const inbox = (orderId: string) => inboxFor(world, orderId).fields;
const nowUnix = (): number => Math.floor(Date.now() / 1000);

/** The order imported up to its sales order's save; the read-back failed: `error`, linked, retried later. */
async function savedButNotFinished(o: TikTokOrder): Promise<string> {
  world = await startConnectorAccount();
  failLookups(world, 'salesorder', 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
  for (const r of await world.upsertOrders([o])) expect(r.status).toBe(200);
  await world.ns.runQueuedTasks();
  const so = salesOrdersOf(world, o.id).byExternalId[0];
  expect(inbox(o.id).custrecord_tts_ord_state).toBe('error');
  expect(inbox(o.id).custrecord_tts_ord_sales_order).toBe(String(so?.id));
  return String(so?.id);
}

async function sendNewer(newer: TikTokOrder): Promise<unknown> {
  const [response] = await world.upsertOrders([newer]);
  expect(response.status).toBe(200);
  return response.body;
}

function retryNow(orderId: string): void {
  editRecord(world, 'customrecord_tts_order', inboxFor(world, orderId).id, {
    custrecord_tts_ord_retry_at: nowUnix() - 1,
  });
}

describe('a newer payload of an order in error that already has its sales order goes to the order updates', () => {
  it('a new ship-to address: kept in error and flagged, applied by the order updates, then the retry finishes the order', async () => {
    const o = order(1);
    const soId = await savedButNotFinished(o);
    const retryAt = inbox(o.id).custrecord_tts_ord_retry_at;
    const moved = nextVersion(o, {
      recipient_address: { ...o.recipient_address, address_line1: '9 Elm St', postal_code: '94105' },
    });
    expect(await sendNewer(moved)).toMatchObject({
      results: [{ outcome: 'updated' }],
      importQueued: false,
      updatesQueued: true,
    });
    let f = inbox(o.id);
    expect(f.custrecord_tts_ord_state).toBe('error');
    expect(f.custrecord_tts_ord_update_pending).toBe(true);
    expect(f.custrecord_tts_ord_sales_order).toBe(soId);
    expect(f.custrecord_tts_ord_retry_at).toBe(retryAt);

    // While the update waits, the import leaves the order alone even when its retry is due.
    retryNow(o.id);
    expect(mapInvocations(runImport(world))).toBe(0);

    const tasks = await world.ns.runQueuedTasks();
    expect(tasks.map((t) => t.scriptId)).toEqual([ORDER_UPDATES_SCRIPT]);
    const address = salesOrdersOf(world, o.id).byExternalId[0]?.subrecords.shippingaddress?.fields ?? {};
    expect(address.addr1).toBe('9 Elm St');
    expect(address.zip).toBe('94105');
    f = inbox(o.id);
    expect(f.custrecord_tts_ord_update_pending).toBe(false);
    expect(f.custrecord_tts_ord_state).toBe('error');

    expect(mapInvocations(runImport(world))).toBe(1);
    f = inbox(o.id);
    expect(f.custrecord_tts_ord_state).toBe('imported');
    expect(f.custrecord_tts_ord_sales_order).toBe(soId);
    expect(f.custrecord_tts_ord_error ?? null).toBeNull();
    const found = salesOrdersOf(world, o.id);
    expect(found.byExternalId).toHaveLength(1);
    expect(found.byPoNumber).toHaveLength(1);
    expect(found.byExternalId[0]?.fields.custbody_tts_tieout).not.toBe(false);
  });

  it('a cancellation: the order updates close the saved sales order, and the retry closes the inbox record as cancelled', async () => {
    const o = order(2);
    const soId = await savedButNotFinished(o);
    await sendNewer(nextVersion(o, { status: 'CANCELLED', cancellation_initiator: 'BUYER' }));
    expect(inbox(o.id).custrecord_tts_ord_state).toBe('error');
    expect(inbox(o.id).custrecord_tts_ord_update_pending).toBe(true);

    await world.ns.runQueuedTasks();
    const so = salesOrdersOf(world, o.id).byExternalId[0]!;
    expect(linesOf(so).every((l) => l.closed)).toBe(true);

    retryNow(o.id);
    runImport(world);
    const f = inbox(o.id);
    expect(f.custrecord_tts_ord_state).toBe('cancelled');
    expect(f.custrecord_tts_ord_sales_order).toBe(soId);
    expect(String(f.custrecord_tts_ord_error)).toContain(`after its sales order ${soId} was saved`);
    expect(salesOrdersOf(world, o.id).byPoNumber).toHaveLength(1);
  });
});
