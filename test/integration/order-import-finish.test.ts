import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import {
  countCreates,
  editRecord,
  editShop,
  failLookups,
  inboxFor,
  mapInvocations,
  requireSalesOrder,
  runImport,
  stockLocation,
} from '../support/order-fidelity-kit';

/**
 * Issue #9 ("NetSuite truth II"), import side: an order whose sales order was saved but could not
 * be read back is finished by the next run (found by externalid, linked, tied out, inbox imported),
 * never created again and never looping; a Fulfilled-by-TikTok order meets NetSuite's real
 * fulfillment errors — INVALID_INITIALIZE_REF (nothing left to fulfil: done) and
 * VALID_LINE_ITEM_REQD (nothing committed at the FBT location: an error naming the location, the
 * items and the fix, retried by itself).
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function order(seed: number, overrides: Partial<TikTokOrder> = {}): TikTokOrder {
  const [base] = makeOrders({ count: 1, seed, firstOrderId: 576461413038600000n + BigInt(seed) * 100n });
  return { ...base, ...overrides };
}

async function importOrders(list: TikTokOrder[]): Promise<void> {
  const responses = await world.upsertOrders(list);
  for (const r of responses) expect(r.status).toBe(200);
  await world.ns.runQueuedTasks();
}

const fields = (orderId: string) => inboxFor(world, orderId).fields;
const nowUnix = (): number => Math.floor(Date.now() / 1000);

/** Lets the automatic retry time of an order come, as the clock would. */
function retryNow(orderId: string): void {
  editRecord(world, 'customrecord_tts_order', inboxFor(world, orderId).id, {
    custrecord_tts_ord_retry_at: nowUnix() - 1,
  });
}

describe('a sales order saved but not read back is finished by the next run', () => {
  it('links it on the inbox at once, then the next run ties it out and marks the order imported without creating it again', async () => {
    world = await startConnectorAccount();
    const o = order(1);
    failLookups(world, 'salesorder', 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
    await importOrders([o]);
    const so = requireSalesOrder(world, o.id);
    let f = fields(o.id);
    expect(f.custrecord_tts_ord_state).toBe('error');
    expect(f.custrecord_tts_ord_sales_order).toBe(String(so.id));
    expect(String(f.custrecord_tts_ord_error)).toContain(`Sales order ${so.id} was saved before the failure`);
    expect(f.custrecord_tts_ord_retry_at).toEqual(expect.any(Number));

    retryNow(o.id);
    const creates = countCreates(world, 'salesorder');
    expect(mapInvocations(runImport(world))).toBe(1);
    expect(creates.count).toBe(0);
    f = fields(o.id);
    expect(f.custrecord_tts_ord_state).toBe('imported');
    expect(f.custrecord_tts_ord_sales_order).toBe(String(so.id));
    expect(f.custrecord_tts_ord_error ?? null).toBeNull();
    expect(f.custrecord_tts_ord_retry_at ?? null).toBeNull();
    expect(world.ns.store.all('salesorder')).toHaveLength(1);
    // Tied out: NetSuite's total is TikTok's, and nothing was flagged.
    expect(requireSalesOrder(world, o.id).fields.total).toBe(Number(o.payment.total_amount));
    expect(requireSalesOrder(world, o.id).fields.custbody_tts_tieout).not.toBe(false);

    expect(mapInvocations(runImport(world))).toBe(0);
  });

  it('finds by externalid a sales order the inbox does not know (the run died right after the save)', async () => {
    world = await startConnectorAccount();
    const o = order(2);
    failLookups(world, 'salesorder', 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
    await importOrders([o]);
    const so = requireSalesOrder(world, o.id);
    // As if the failure had not been written: no link on the inbox record.
    editRecord(world, 'customrecord_tts_order', inboxFor(world, o.id).id, {
      custrecord_tts_ord_sales_order: '',
      custrecord_tts_ord_retry_at: nowUnix() - 1,
    });
    const creates = countCreates(world, 'salesorder');
    runImport(world);
    expect(creates.count).toBe(0);
    expect(fields(o.id).custrecord_tts_ord_state).toBe('imported');
    expect(fields(o.id).custrecord_tts_ord_sales_order).toBe(String(so.id));
  });

  it('an order a person retries after a lasting read-back failure goes back to the import, which links and finishes it', async () => {
    world = await startConnectorAccount();
    const o = order(3);
    const restore = failLookups(
      world,
      'salesorder',
      'SSS_INVALID_SRCH_COL',
      'An nlobjSearchColumn contains an invalid column: taxtotal.',
      10,
    );
    await importOrders([o]);
    expect(fields(o.id).custrecord_tts_ord_state).toBe('error');
    expect(fields(o.id).custrecord_tts_ord_retry_at ?? null).toBeNull();
    restore();
    const retried = await world.restlet('POST', {
      action: 'orders.retry',
      inboxIds: [String(inboxFor(world, o.id).id)],
    });
    expect(retried.status).toBe(200);
    expect(fields(o.id).custrecord_tts_ord_state).toBe('pending');
    const creates = countCreates(world, 'salesorder');
    await world.ns.runQueuedTasks();
    expect(creates.count).toBe(0);
    expect(fields(o.id).custrecord_tts_ord_state).toBe('imported');
    expect(world.ns.store.all('salesorder')).toHaveLength(1);
  });
});

describe("Fulfilled-by-TikTok orders meet NetSuite's fulfillment errors", () => {
  function fbtShop(): void {
    editShop(world, { custrecord_tts_shop_fbt_location: world.account.locationIds.east });
  }

  it('an FBT order whose read-back failed after its fulfillment was saved is finished, not stuck: nothing left to fulfil (INVALID_INITIALIZE_REF) means done', async () => {
    world = await startConnectorAccount();
    fbtShop();
    stockLocation(world, world.account.locationIds.east);
    const o = order(4, { fulfillment_type: 'FULFILLMENT_BY_TIKTOK' });
    failLookups(world, 'salesorder', 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
    await importOrders([o]);
    expect(fields(o.id).custrecord_tts_ord_state).toBe('error');
    expect(world.ns.store.all('itemfulfillment')).toHaveLength(1);

    for (let run = 0; run < 2; run += 1) {
      retryNow(o.id);
      runImport(world);
    }
    expect(fields(o.id).custrecord_tts_ord_state).toBe('imported');
    expect(fields(o.id).custrecord_tts_ord_attempts).toBe(2);
    expect(world.ns.store.all('salesorder')).toHaveLength(1);
    expect(world.ns.store.all('itemfulfillment')).toHaveLength(1);
  });

  it('nothing committed at the FBT location: an error naming the location, the items and the fix, retried by itself until the fix', async () => {
    world = await startConnectorAccount();
    fbtShop(); // no stock at East Coast 3PL: nothing is committed there
    const o = order(5, { fulfillment_type: 'FULFILLMENT_BY_TIKTOK' });
    await importOrders([o]);
    const so = requireSalesOrder(world, o.id);
    const f = fields(o.id);
    const message = String(f.custrecord_tts_ord_error);
    expect(f.custrecord_tts_ord_state).toBe('error');
    expect(f.custrecord_tts_ord_sales_order).toBe(String(so.id));
    expect(f.custrecord_tts_ord_retry_at).toEqual(expect.any(Number));
    expect(message).toContain(`the FBT location "East Coast 3PL" (${world.account.locationIds.east})`);
    for (const line of o.line_items) expect(message).toContain(line.seller_sku);
    expect(message).toContain('VALID_LINE_ITEM_REQD');
    expect(message).toContain('receive or transfer stock of these items');
    expect(message).toContain('Fulfill Based on Commitment');
    expect(message).toContain('tries the fulfillment again by itself');
    expect(world.ns.store.all('itemfulfillment')).toHaveLength(0);

    // The retry before the fix fails the same way, with the next backoff; nothing is created twice.
    retryNow(o.id);
    runImport(world);
    expect(fields(o.id).custrecord_tts_ord_state).toBe('error');
    expect(fields(o.id).custrecord_tts_ord_attempts).toBe(2);

    // The fix: an administrator sets Fulfill Based on Commitment to Ignore Commitment.
    world.ns.setPreferences({ fulfillBasedOnCommitment: 'IGNORE_COMMITMENT' });
    retryNow(o.id);
    const creates = countCreates(world, 'salesorder');
    runImport(world);
    expect(creates.count).toBe(0);
    expect(fields(o.id).custrecord_tts_ord_state).toBe('imported');
    const fulfillments = world.ns.store.all('itemfulfillment');
    expect(fulfillments).toHaveLength(1);
    expect(fulfillments[0].externalId).toBe(`tts_fbt_${DEMO_SHOP.shopId}_${o.id}`);

    // Reruns stay idempotent.
    editRecord(world, 'customrecord_tts_order', inboxFor(world, o.id).id, {
      custrecord_tts_ord_state: 'pending',
    });
    runImport(world);
    expect(fields(o.id).custrecord_tts_ord_state).toBe('imported');
    expect(world.ns.store.all('itemfulfillment')).toHaveLength(1);
    expect(world.ns.store.all('salesorder')).toHaveLength(1);
  });
});
