import { orderAt } from '../../../../test/support/tiktok-order-builder';
import {
  connectViaOAuth,
  rawPost,
  startHarness,
  TEST_SHOP,
  TT_APP,
  type Harness,
} from '../../__tests__/support/harness';
import type { TestResponse } from '../../__tests__/support/test-server';
import { signTikTokWebhookForTest } from '../../webhooks/verify';
import { deauthorizationApplies } from '../shop-handlers';

/**
 * Issue #8, finding 2: a SELLER_DEAUTHORIZATION stamped before the shop's current authorization
 * (delivered late, after the seller re-authorized) leaves the shop connected; and a deauthorization
 * has its own worker lane, so it is acted on while order jobs are still busy or retrying.
 */
const MINUTE = 60_000;

async function postDeauthorization(h: Harness, stampedAtMs: number, id: string): Promise<number> {
  const body = JSON.stringify({
    type: 6,
    tts_notification_id: id,
    shop_id: TEST_SHOP.id,
    timestamp: Math.floor(stampedAtMs / 1000),
    data: { message: 'deauthorized' },
  });
  const response = await rawPost(
    `${h.url}/webhooks/tiktok`,
    {
      'content-type': 'application/json',
      authorization: signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, body),
    },
    body,
  );
  return response.status;
}

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting: ${what}`);
}

describe('deauthorization webhooks', () => {
  let h: Harness;

  afterEach(async () => {
    await h.close();
  });

  it('a deauthorization stamped before the shop was re-authorized leaves the fresh authorization connected', async () => {
    h = await startHarness();
    expect((await connectViaOAuth(h)).status).toBe(200);
    // The seller deauthorizes; TikTok's webhook is delayed. Ten minutes later the seller connects again.
    h.clock.advance(MINUTE);
    const deauthorizedAt = h.clock.now();
    h.clock.advance(10 * MINUTE);
    expect((await connectViaOAuth(h)).status).toBe(200);
    const reauthorizedAt = h.clock.now();
    expect((await h.bridge.store.getTokens(TEST_SHOP.id))?.authorizedAt).toBe(reauthorizedAt);

    h.clock.advance(2 * MINUTE);
    expect(await postDeauthorization(h, deauthorizedAt, 'late-1')).toBe(200);
    await h.bridge.runWorkersOnce();
    expect((await h.bridge.store.getShop(TEST_SHOP.id))?.state).toBe('connected');
    expect(h.logs()).toMatch(/deauthorization ignored: it is older than the shop’s current authorization/);
    await expect(h.bridge.tiktok.client.getWarehouses(TEST_SHOP.id)).resolves.toBeDefined();

    // A deauthorization of the current authorization still disconnects the shop.
    expect(await postDeauthorization(h, h.clock.now(), 'current-1')).toBe(200);
    await h.bridge.runWorkersOnce();
    expect((await h.bridge.store.getShop(TEST_SHOP.id))?.state).toBe('needs_reauth');
  });

  it('the deauthorization is acted on while an order job is still busy with TikTok (its own lane)', async () => {
    h = await startHarness({ workerPollMs: 10 });
    expect((await connectViaOAuth(h)).status).toBe(200);
    let release: (response: TestResponse) => void = () => undefined;
    const held = new Promise<TestResponse>((resolve) => {
      release = resolve;
    });
    let orderCallsHeld = 0;
    h.tiktok.injectors.push((r) => {
      if (r.path !== '/order/202309/orders') return undefined;
      orderCallsHeld += 1;
      return held;
    });
    h.tiktok.orders.push(orderAt('576461413038785752', Math.floor(h.clock.now() / 1000) - 10));
    await h.bridge.reconcileOnce();
    h.bridge.startWorkers();
    await waitFor(async () => orderCallsHeld > 0, 'the order job to call TikTok');

    expect(await postDeauthorization(h, h.clock.now(), 'while-busy')).toBe(200);
    await waitFor(
      async () => (await h.bridge.store.getShop(TEST_SHOP.id))?.state === 'needs_reauth',
      'the deauthorization to run',
    );
    // The order job is still waiting for TikTok: the deauthorization did not queue behind it.
    const [orderJob] = await h.bridge.store.listJobs({ kind: 'order.upsert' });
    expect(orderJob?.state).toBe('running');
    release({ status: 200, body: JSON.stringify({ code: 0, message: 'Success', data: { orders: [] } }) });
  });
});

describe('deauthorizationApplies', () => {
  const authorizedAt = Date.parse('2026-01-15T12:00:00.500Z');
  const sec = (iso: string): number => Date.parse(iso) / 1000;

  it.each([
    ['a second before the authorization: void', sec('2026-01-15T11:59:59Z'), false],
    ['ten minutes before: void', sec('2026-01-15T11:50:00Z'), false],
    [
      'in the same second: applies (when in doubt, the deauthorization wins)',
      sec('2026-01-15T12:00:00Z'),
      true,
    ],
    ['after: applies', sec('2026-01-15T12:05:00Z'), true],
    ['without a time: applies', null, true],
  ])('stamped %s', (_name, eventTime, applies) => {
    expect(deauthorizationApplies(eventTime, authorizedAt)).toBe(applies);
  });

  it('applies when the authorization time was never recorded (tokens stored by an older bridge)', () => {
    expect(deauthorizationApplies(sec('2020-01-01T00:00:00Z'), 0)).toBe(true);
  });
});
