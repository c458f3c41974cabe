import { connectViaOAuth, startHarness, TEST_SHOP, type Harness } from '../../__tests__/support/harness';
import { orderAt } from '../../../../test/support/tiktok-order-builder';
import { json } from '../../__tests__/support/test-server';
import { orderUpsertJob } from '../job-kinds';
import { ORDERS_CURSOR, reconcileShopOrders } from '../reconcile';

describe('workers: order batching, retries, dead letters, reconciliation', () => {
  let h: Harness;
  let nowSec: number;

  beforeEach(async () => {
    h = await startHarness({ maxJobAttempts: 3 });
    expect((await connectViaOAuth(h)).status).toBe(200);
    nowSec = Math.floor(h.clock.now() / 1000);
  });

  afterEach(async () => {
    await h.close();
  });

  const detailCalls = () => h.tiktok.apiRequests.filter((r) => r.path === '/order/202309/orders');

  it('batches order jobs per shop into ≤ 50 ids per detail call and per orders.upsert', async () => {
    for (let i = 0; i < 120; i += 1) {
      const id = `576461413038${String(i).padStart(6, '0')}`;
      h.tiktok.orders.push(orderAt(id, nowSec - 100));
      await h.bridge.store.enqueueJob(orderUpsertJob(TEST_SHOP.id, id, h.clock.now()), h.clock.now());
    }
    const summary = await h.bridge.runWorkersOnce();
    expect(summary).toMatchObject({ claimed: 120, completed: 120, dead: 0 });
    const sizes = detailCalls().map((r) => (r.query.get('ids') ?? '').split(',').length);
    expect(sizes.sort((a, b) => b - a)).toEqual([50, 50, 20]);
    expect(h.netsuite.upsertCalls.map((c) => c.orderIds.length).sort((a, b) => b - a)).toEqual([50, 50, 20]);
    expect(h.netsuite.orders.size).toBe(120);
    expect(await h.bridge.store.listJobs({ state: 'done', kind: 'order.upsert' })).toHaveLength(120);
  });

  it('retries with backoff and dead-letters with the reason after N attempts', async () => {
    h.tiktok.orders.push(orderAt('1', nowSec - 100));
    const { id } = await h.bridge.store.enqueueJob(
      orderUpsertJob(TEST_SHOP.id, '1', h.clock.now()),
      h.clock.now(),
    );
    h.netsuite.injectors.push(() =>
      json(503, { error: { code: 'SSS_UNAVAILABLE', message: 'maintenance' } }),
    );
    await h.bridge.runWorkersOnce();
    expect(await h.bridge.store.getJob(id)).toMatchObject({ state: 'pending', attempts: 1 });
    const firstRetryAt = (await h.bridge.store.getJob(id))?.runAfter ?? 0;
    expect(firstRetryAt).toBeGreaterThan(h.clock.now());
    expect((await h.bridge.runWorkersOnce()).claimed).toBe(0);
    for (let i = 0; i < 2; i += 1) {
      h.clock.advance(2 * 60 * 60 * 1000);
      await h.bridge.runWorkersOnce();
    }
    const job = await h.bridge.store.getJob(id);
    expect(job).toMatchObject({ state: 'dead', attempts: 3 });
    expect(job?.deadReason).toMatch(/gave up after 3 attempts; last error: .*maintenance/);
    expect((await h.bridge.store.listRecentErrors(5))[0]?.message).toMatch(/gave up after 3 attempts/);
    h.clock.advance(24 * 60 * 60 * 1000);
    expect((await h.bridge.runWorkersOnce()).claimed).toBe(0);
  });

  it('dead-letters at once on a permanent RESTlet error, and a requeue after the fix completes it', async () => {
    h.tiktok.orders.push(orderAt('7', nowSec - 100));
    const { id } = await h.bridge.store.enqueueJob(
      orderUpsertJob(TEST_SHOP.id, '7', h.clock.now()),
      h.clock.now(),
    );
    h.netsuite.injectors.push(() =>
      json(400, {
        error: { code: 'TTS_INVALID_REQUEST', message: 'orders[0].payment.currency: set a currency' },
      }),
    );
    await h.bridge.runWorkersOnce();
    const dead = await h.bridge.store.getJob(id);
    expect(dead).toMatchObject({ state: 'dead', attempts: 1 });
    expect(dead?.deadReason).toMatch(/permanent error: .*TTS_INVALID_REQUEST.*set a currency/);
    h.netsuite.injectors.length = 0;
    expect(await h.bridge.store.requeueDeadJobs({ shopId: TEST_SHOP.id }, h.clock.now())).toBe(1);
    await h.bridge.runWorkersOnce();
    expect(await h.bridge.store.getJob(id)).toMatchObject({ state: 'done' });
    expect(h.netsuite.orders.size).toBe(1);
  });

  it('an order the RESTlet refuses as invalid fails alone: the rest of its batch is sent again without it and stored', async () => {
    const ids = ['11', '12', '13'];
    for (const id of ids) h.tiktok.orders.push(orderAt(id, nowSec - 100));
    const jobs = [];
    for (const id of ids) {
      jobs.push(
        await h.bridge.store.enqueueJob(orderUpsertJob(TEST_SHOP.id, id, h.clock.now()), h.clock.now()),
      );
    }
    // As the RESTlet does: a batch holding order 12 is refused whole, naming it; nothing is written.
    h.netsuite.injectors.push((r) => {
      const body = JSON.parse(r.body || '{}') as { orders?: { id: string }[] };
      const index = body.orders?.findIndex((o) => o.id === '12') ?? -1;
      return index < 0
        ? undefined
        : json(400, {
            error: {
              code: 'TTS_INVALID_REQUEST',
              message: `orders[${index}].payment.sub_total: 10.00 USD, but the 1 line(s) add up to sale_price 9.00 USD`,
            },
          });
    });
    const summary = await h.bridge.runWorkersOnce();
    expect(summary).toMatchObject({ completed: 2, dead: 1 });
    expect([...h.netsuite.orders.keys()].sort()).toEqual([
      `tts_${TEST_SHOP.id}_11`,
      `tts_${TEST_SHOP.id}_13`,
    ]);
    const [first, bad, third] = await Promise.all(jobs.map((j) => h.bridge.store.getJob(j.id)));
    expect([first?.state, third?.state]).toEqual(['done', 'done']);
    expect(bad?.state).toBe('dead');
    expect(bad?.deadReason).toMatch(/TTS_INVALID_REQUEST: orders\[0\]\.payment\.sub_total: 10\.00 USD/);
  });

  it('an order TikTok does not return fails alone; the rest of the batch completes', async () => {
    h.tiktok.orders.push(orderAt('1', nowSec - 100));
    const ok = await h.bridge.store.enqueueJob(
      orderUpsertJob(TEST_SHOP.id, '1', h.clock.now()),
      h.clock.now(),
    );
    const missing = await h.bridge.store.enqueueJob(
      orderUpsertJob(TEST_SHOP.id, '2', h.clock.now()),
      h.clock.now(),
    );
    await h.bridge.runWorkersOnce();
    expect(await h.bridge.store.getJob(ok.id)).toMatchObject({ state: 'done' });
    expect(await h.bridge.store.getJob(missing.id)).toMatchObject({
      state: 'pending',
      lastError: expect.stringMatching(/no order 2/),
    });
  });

  it('sends NetSuite only the requested orders, once each, even if TikTok repeats or adds some', async () => {
    h.tiktok.orders.push(orderAt('1', nowSec - 100), orderAt('1', nowSec - 100), orderAt('3', nowSec - 100));
    await h.bridge.store.enqueueJob(orderUpsertJob(TEST_SHOP.id, '1', h.clock.now()), h.clock.now());
    h.tiktok.injectors.push((r) =>
      r.path === '/order/202309/orders'
        ? json(200, { code: 0, message: 'Success', data: { orders: h.tiktok.orders } })
        : undefined,
    );
    const summary = await h.bridge.runWorkersOnce();
    expect(summary).toMatchObject({ completed: 1, dead: 0 });
    expect(h.netsuite.upsertCalls).toEqual([{ shopId: TEST_SHOP.id, orderIds: ['1'] }]);
  });

  it('reconciliation pages to the end, enqueues every order, and only then advances the cursor', async () => {
    for (let i = 0; i < 7; i += 1) h.tiktok.orders.push(orderAt(`90${i}`, nowSec - 1000 + i));
    const deps = {
      store: h.bridge.store,
      tiktok: h.bridge.tiktok.client,
      clock: h.clock,
      logger: h.bridge.logger,
    };
    let failSecondPage = true;
    h.tiktok.injectors.push((r) =>
      failSecondPage && r.path === '/order/202309/orders/search' && r.query.has('page_token')
        ? json(400, { code: 12345678, message: 'broken page' })
        : undefined,
    );
    await expect(reconcileShopOrders(deps, TEST_SHOP.id, { pageSize: 3 })).rejects.toThrow(/broken page/);
    expect(await h.bridge.store.getCursor(TEST_SHOP.id, ORDERS_CURSOR)).toBeUndefined();
    expect(await h.bridge.store.listJobs({ kind: 'order.upsert' })).toHaveLength(3);

    failSecondPage = false;
    const result = await reconcileShopOrders(deps, TEST_SHOP.id, { pageSize: 3 });
    expect(result).toMatchObject({ pages: 3, ordersFound: 7, jobsCreated: 4, windowEnd: nowSec + 1 });
    expect((await h.bridge.store.getCursor(TEST_SHOP.id, ORDERS_CURSOR))?.value).toBe(nowSec + 1);

    const searches = h.tiktok.apiRequests.filter((r) => r.path === '/order/202309/orders/search');
    const lastBody = JSON.parse(searches[searches.length - 1]?.body ?? '{}') as Record<string, number>;
    // the window includes the current second (`update_time_lt` is exclusive)
    expect(lastBody.update_time_lt).toBe(nowSec + 1);
    expect(searches[searches.length - 1]?.query.get('sort_field')).toBe('update_time');

    h.clock.advance(60_000);
    const next = await reconcileShopOrders(deps, TEST_SHOP.id, { pageSize: 3, overlapSec: 300 });
    expect(next.windowStart).toBe(nowSec + 1 - 300);
  });

  it('a dropped webhook is still imported by the reconciliation pass', async () => {
    h.tiktok.orders.push(orderAt('555', nowSec - 30));
    const pass = await h.bridge.reconcileOnce();
    expect(pass.failures).toEqual([]);
    await h.bridge.runWorkersOnce();
    expect([...h.netsuite.orders.keys()]).toEqual([`tts_${TEST_SHOP.id}_555`]);
    const since = await h.bridge.reconcileOnce({ sinceSec: nowSec - 60 });
    expect(since.results[0]?.windowStart).toBe(nowSec - 60);
  });

  it('a shop that needs re-authorization is skipped by reconciliation and its jobs dead-letter without calls', async () => {
    const { id } = await h.bridge.store.enqueueJob(
      orderUpsertJob(TEST_SHOP.id, '1', h.clock.now()),
      h.clock.now(),
    );
    await h.bridge.store.setShopState(TEST_SHOP.id, 'needs_reauth', 'test', h.clock.now());
    const before = h.tiktok.server.requests.length;
    expect((await h.bridge.reconcileOnce()).results).toEqual([]);
    await h.bridge.runWorkersOnce();
    expect(h.tiktok.server.requests.length).toBe(before);
    expect((await h.bridge.store.getJob(id))?.deadReason).toMatch(/re-authorized/);
    expect((await connectViaOAuth(h)).status).toBe(200);
    expect(await h.bridge.store.getJob(id)).toMatchObject({ state: 'pending', attempts: 0 });
  });
});
