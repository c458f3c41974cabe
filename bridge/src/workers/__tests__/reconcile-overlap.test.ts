import { connectViaOAuth, startHarness, TEST_SHOP, type Harness } from '../../__tests__/support/harness';
import { orderAt } from '../../../../test/support/tiktok-order-builder';
import { ORDERS_CURSOR } from '../reconcile';

/**
 * The reconciliation window's default overlap: with no `overlapSec` configured (as `npm start` runs
 * the bridge), a pass starts 300 s before the cursor the previous pass left, so an order whose
 * `update_time` falls just before that cursor but which TikTok's order search only listed after the
 * previous pass (search lags behind updates) is still found and upserted.
 */
describe('reconciliation: the default overlap', () => {
  let h: Harness;
  let nowSec: number;

  beforeEach(async () => {
    h = await startHarness();
    expect((await connectViaOAuth(h)).status).toBe(200);
    nowSec = Math.floor(h.clock.now() / 1000);
  });

  afterEach(async () => {
    await h.close();
  });

  it('finds an order updated inside the overlap window that the previous pass could not see', async () => {
    const first = await h.bridge.reconcileOnce();
    expect(first.failures).toEqual([]);
    const cursor = (await h.bridge.store.getCursor(TEST_SHOP.id, ORDERS_CURSOR))?.value;
    expect(cursor).toBe(nowSec + 1);

    // Updated 4 minutes before the cursor, but listed by TikTok's search only now.
    h.tiktok.orders.push(orderAt('576461413038799001', nowSec - 240));
    h.clock.advance(60_000);
    const second = await h.bridge.reconcileOnce();

    expect(second.failures).toEqual([]);
    expect(second.results).toHaveLength(1);
    expect(second.results[0]).toMatchObject({
      windowStart: nowSec + 1 - 300,
      ordersFound: 1,
      jobsCreated: 1,
    });
    await h.bridge.runWorkersOnce();
    expect([...h.netsuite.orders.keys()]).toEqual([`tts_${TEST_SHOP.id}_576461413038799001`]);
  });

  it('does not reach back further than the overlap: an order older than the window stays for a full re-scan', async () => {
    await h.bridge.reconcileOnce();
    h.tiktok.orders.push(orderAt('576461413038799002', nowSec - 400));
    h.clock.advance(60_000);
    const second = await h.bridge.reconcileOnce();
    expect(second.results[0]).toMatchObject({ windowStart: nowSec + 1 - 300, ordersFound: 0 });
    const rescan = await h.bridge.reconcileOnce({ sinceSec: nowSec - 3600 });
    expect(rescan.results[0]).toMatchObject({ ordersFound: 1, jobsCreated: 1 });
  });
});
