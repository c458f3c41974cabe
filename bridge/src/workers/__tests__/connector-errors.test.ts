/**
 * Each connector error code (shared-types/src/contract/connector-errors.ts) gets the bridge's reaction the
 * list gives it, whichever of the two error bodies NetSuite answers with: NetSuite's own (the
 * SuiteScriptError as JSON text inside `error.message`) or the plain one.
 */
import {
  CONNECTOR_ERRORS,
  type ConnectorErrorCode,
} from '../../../../shared-types/src/contract/connector-errors';
import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { connectViaOAuth, startHarness, TEST_SHOP, type Harness } from '../../__tests__/support/harness';
import { orderAt } from '../../../../test/support/tiktok-order-builder';
import { json, type RecordedRequest, type TestResponse } from '../../__tests__/support/test-server';
import { orderUpsertJob, shopUpsertJob } from '../job-kinds';

/** NetSuite's answer to an uncaught `error.create({ name: code, message })` in a RESTlet. */
function netsuiteError(code: string, message: string): TestResponse {
  const inner = {
    type: 'error.SuiteScriptError',
    name: code,
    message,
    stack: ['post(rl_connector.js)'],
    id: '',
    notifyOff: true,
    userFacing: true,
  };
  return json(400, { error: { code, message: JSON.stringify(inner) } });
}

function bodyOf(r: RecordedRequest): { action?: string; orders?: TikTokOrder[] } {
  return JSON.parse(r.body || '{}') as { action?: string; orders?: TikTokOrder[] };
}

describe("the bridge's reaction to each connector error code", () => {
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

  async function enqueueOrders(count: number, first = 100): Promise<{ id: number }[]> {
    const jobs = [];
    for (let i = 0; i < count; i += 1) {
      const id = `5764614130388${String(first + i).padStart(5, '0')}`;
      h.tiktok.orders.push(orderAt(id, nowSec - 100));
      jobs.push(
        await h.bridge.store.enqueueJob(orderUpsertJob(TEST_SHOP.id, id, h.clock.now()), h.clock.now()),
      );
    }
    return jobs;
  }

  const upsertBatches = (): number[] =>
    h.netsuite.server.requests
      .filter((r) => bodyOf(r).action === 'orders.upsert')
      .map((r) => bodyOf(r).orders?.length ?? 0);

  /** NetSuite answers shop.upsert with `code`: the shop job is dead at its first attempt, with the reason. */
  async function expectShopUpsertDead(
    code: ConnectorErrorCode,
    message: string,
    reason: RegExp,
  ): Promise<void> {
    h.netsuite.injectors.push((r) =>
      bodyOf(r).action === 'shop.upsert' ? netsuiteError(code, message) : undefined,
    );
    const { id } = await h.bridge.store.enqueueJob(shopUpsertJob(TEST_SHOP.id, h.clock.now()), h.clock.now());
    await h.bridge.runWorkersOnce();
    const job = await h.bridge.store.getJob(id);
    expect(job).toMatchObject({ state: 'dead', attempts: 1 });
    expect(job?.deadReason).toMatch(reason);
  }

  /** NetSuite answers orders.upsert with `code`: the order job is dead, not retried, with the reason. */
  async function expectOrderUpsertDead(
    code: ConnectorErrorCode,
    message: string,
    reason: RegExp,
  ): Promise<void> {
    h.netsuite.injectors.push((r) =>
      bodyOf(r).action === 'orders.upsert' ? netsuiteError(code, message) : undefined,
    );
    const [job] = await enqueueOrders(1);
    expect(await h.bridge.runWorkersOnce()).toMatchObject({ dead: 1, retried: 0 });
    expect((await h.bridge.store.getJob(job.id))?.deadReason).toMatch(reason);
  }

  const scenarios: Record<ConnectorErrorCode, () => Promise<void>> = {
    async TTS_USAGE_LIMIT() {
      // As the RESTlet does: the orders before the one it runs out on are stored, none after.
      const fits = 12;
      h.netsuite.injectors.push((r) => {
        const orders = bodyOf(r).orders ?? [];
        if (bodyOf(r).action !== 'orders.upsert' || orders.length <= fits) return undefined;
        for (const order of orders.slice(0, fits))
          h.netsuite.orders.set(`tts_${TEST_SHOP.id}_${order.id}`, order);
        return netsuiteError(
          'TTS_USAGE_LIMIT',
          `The RESTlet usage budget ran low after storing ${fits} of ${orders.length} orders; order ${orders[fits].id} and those after it were not stored.`,
        );
      });
      await enqueueOrders(50);
      const summary = await h.bridge.runWorkersOnce();
      expect(summary).toMatchObject({ claimed: 50, completed: 50, dead: 0, retried: 0 });
      expect(h.netsuite.orders.size).toBe(50);
      // 50 → 25 + 25 → each 25 → 13 + 12 → 13 → 7 + 6.
      expect(upsertBatches()).toEqual([50, 25, 13, 7, 6, 12, 25, 13, 7, 6, 12]);
    },

    async TTS_SHOP_NOT_FOUND() {
      h.netsuite.shops.clear(); // the shop record was deleted in NetSuite
      await enqueueOrders(3);
      const summary = await h.bridge.runWorkersOnce();
      expect(summary).toMatchObject({ completed: 3, dead: 0, retried: 0 });
      expect(h.netsuite.shops.get(TEST_SHOP.id)?.shop).toEqual({
        shopId: TEST_SHOP.id,
        name: TEST_SHOP.name,
        region: 'US',
        sellerType: 'LOCAL',
        state: 'connected',
        currency: 'USD',
      });
      expect(h.netsuite.orders.size).toBe(3);
      const actions = h.netsuite.server.requests.map((r) => bodyOf(r).action).filter((a) => a !== undefined);
      expect(actions.slice(-3)).toEqual(['orders.upsert', 'shop.upsert', 'orders.upsert']);
    },

    async TTS_INVALID_REQUEST() {
      h.netsuite.injectors.push((r) => {
        const index = bodyOf(r).orders?.findIndex((o) => o.id.endsWith('101')) ?? -1;
        return index < 0
          ? undefined
          : netsuiteError(
              'TTS_INVALID_REQUEST',
              `orders[${index}].payment.currency: "EUR" is not the currency of region US (USD). Fix: resend the order from TikTok.`,
            );
      });
      const jobs = await enqueueOrders(3);
      const summary = await h.bridge.runWorkersOnce();
      expect(summary).toMatchObject({ completed: 2, dead: 1 });
      const bad = await h.bridge.store.getJob(jobs[1].id);
      expect(bad?.state).toBe('dead');
      expect(bad?.attempts).toBe(1);
      expect(bad?.deadReason).toMatch(
        /TTS_INVALID_REQUEST: orders\[0\]\.payment\.currency: "EUR" is not the currency/,
      );
      expect(bad?.deadReason).not.toContain('error.SuiteScriptError');
      expect(h.netsuite.orders.size).toBe(2);
    },

    async TTS_UNKNOWN_ACTION() {
      h.netsuite.injectors.push((r) =>
        bodyOf(r).action === 'orders.upsert'
          ? netsuiteError(
              'TTS_UNKNOWN_ACTION',
              'action: "orders.upsert" is not an action of this SuiteApp version',
            )
          : undefined,
      );
      const [job] = await enqueueOrders(1);
      expect(await h.bridge.runWorkersOnce()).toMatchObject({ dead: 1, retried: 0 });
      expect((await h.bridge.store.getJob(job.id))?.deadReason).toMatch(
        /permanent error: .*TTS_UNKNOWN_ACTION/,
      );
      expect(upsertBatches()).toEqual([1]);
    },

    async TTS_INVALID_PAYMENT_METHOD_MAP() {
      await expectShopUpsertDead(
        'TTS_INVALID_PAYMENT_METHOD_MAP',
        'Payment Method Map of shop Maker Mugs: "PayPal" → 99 is not an active payment method.',
        /TTS_INVALID_PAYMENT_METHOD_MAP: Payment Method Map of shop Maker Mugs/,
      );
    },

    async TTS_INVALID_CARRIER_MAP() {
      await expectShopUpsertDead(
        'TTS_INVALID_CARRIER_MAP',
        'Carrier Map of shop Maker Mugs: is not valid JSON.',
        /TTS_INVALID_CARRIER_MAP: Carrier Map of shop Maker Mugs/,
      );
    },

    async TTS_INVALID_LABEL_SETTINGS() {
      // Only the shop record's user event throws it; were shop.upsert ever to answer it, the job stops.
      await expectShopUpsertDead(
        'TTS_INVALID_LABEL_SETTINGS',
        'TikTok Shipping label settings of shop Maker Mugs: x.',
        /TTS_INVALID_LABEL_SETTINGS: TikTok Shipping label settings/,
      );
    },

    async TTS_INVALID_NOTIFY_RECIPIENTS() {
      // Only the shop record's user event throws it; were shop.upsert ever to answer it, the job stops.
      await expectShopUpsertDead(
        'TTS_INVALID_NOTIFY_RECIPIENTS',
        'Notification Recipients of TikTok shop Maker Mugs: x.',
        /TTS_INVALID_NOTIFY_RECIPIENTS: Notification Recipients/,
      );
    },

    async TTS_CATALOG_SWITCH_UNCONFIRMED() {
      // Only the shop record's user event throws it; were shop.upsert ever to answer it, the job stops.
      await expectShopUpsertDead(
        'TTS_CATALOG_SWITCH_UNCONFIRMED',
        'Shop Maker Mugs: 3 NetSuite item(s) are linked.',
        /TTS_CATALOG_SWITCH_UNCONFIRMED: Shop Maker Mugs/,
      );
    },

    async TTS_INVALID_CATEGORY_MAP() {
      // Only the TikTok Category Map's user event throws it; were shop.upsert ever to answer it, the job stops.
      await expectShopUpsertDead(
        'TTS_INVALID_CATEGORY_MAP',
        'TikTok Category Map: Product Attributes (JSON) is not JSON.',
        /TTS_INVALID_CATEGORY_MAP: TikTok Category Map/,
      );
    },

    async TTS_INVALID_CANCEL_REASON() {
      // Only the sales order user event throws it; were a RESTlet call ever to answer it, the job stops.
      await expectOrderUpsertDead(
        'TTS_INVALID_CANCEL_REASON',
        'TikTok does not accept cancel reason x.',
        /TTS_INVALID_CANCEL_REASON/,
      );
    },

    async TTS_INVALID_CANCEL_ANSWER() {
      // Only the sales order user event throws it; were a RESTlet call ever to answer it, the job stops.
      await expectOrderUpsertDead(
        'TTS_INVALID_CANCEL_ANSWER',
        'TikTok does not take this answer.',
        /TTS_INVALID_CANCEL_ANSWER/,
      );
    },

    async TTS_INVALID_RETURN_ANSWER() {
      // Only the return authorization user event throws it; were a RESTlet call ever to answer it, the job stops.
      await expectOrderUpsertDead(
        'TTS_INVALID_RETURN_ANSWER',
        'TikTok does not take this answer.',
        /TTS_INVALID_RETURN_ANSWER/,
      );
    },
  };

  it.each(Object.keys(CONNECTOR_ERRORS) as ConnectorErrorCode[])('%s', async (code) => {
    await scenarios[code]();
  });

  it('a single order still over the usage budget is retried later, not dead-lettered', async () => {
    h.netsuite.injectors.push((r) =>
      bodyOf(r).action === 'orders.upsert'
        ? netsuiteError('TTS_USAGE_LIMIT', 'The RESTlet usage budget ran low after storing 0 of 1 orders')
        : undefined,
    );
    const [job] = await enqueueOrders(1);
    expect(await h.bridge.runWorkersOnce()).toMatchObject({ retried: 1, dead: 0 });
    expect(await h.bridge.store.getJob(job.id)).toMatchObject({ state: 'pending', attempts: 1 });
    // The client did not hammer NetSuite with the same call: the reaction is the caller's.
    expect(upsertBatches()).toEqual([1]);
  });

  it('a shop NetSuite still does not know after it was sent is retried later', async () => {
    h.netsuite.injectors.push((r) =>
      bodyOf(r).action === 'orders.upsert'
        ? json(400, { error: { code: 'TTS_SHOP_NOT_FOUND', message: 'shopId: no TikTok Shop record' } })
        : undefined,
    );
    const [job] = await enqueueOrders(1);
    expect(await h.bridge.runWorkersOnce()).toMatchObject({ retried: 1, dead: 0 });
    expect(await h.bridge.store.getJob(job.id)).toMatchObject({ state: 'pending' });
    expect(upsertBatches()).toEqual([1, 1]);
  });
});
