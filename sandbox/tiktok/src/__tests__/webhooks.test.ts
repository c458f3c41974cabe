import { verifyWebhookSignature } from '../webhooks/webhook-signature';
import { authorizeOverHttp, call, startReceiver, startTestSim, type Receiver, type TestSim } from './helpers';

interface Notification {
  type: number;
  tts_notification_id: string;
  shop_id: string;
  timestamp: number;
  data: Record<string, unknown>;
}

const parse = (body: string) => JSON.parse(body) as Notification;

describe('webhook sender (TikTok’s webhooks overview)', () => {
  let t: TestSim;
  let receiver: Receiver;

  async function start(options: Parameters<typeof startTestSim>[0] = {}, respondWith: number[] = []) {
    receiver = await startReceiver(respondWith);
    t = await startTestSim({ webhookUrl: receiver.url, ...options });
    t.sim.admin.issueTokens();
  }
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  it('signs each notification with HMAC(app_secret, app_key + body) and sends TikTok’s envelope', async () => {
    await start();
    const order = t.sim.admin.createOrder();
    await t.sim.tick();
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    const header = String(got?.headers.authorization ?? '');
    expect(verifyWebhookSignature(t.sim.app.appKey, t.sim.app.appSecret, got?.body ?? '', header)).toBe(true);
    expect(got?.headers['content-type']).toBe('application/json');
    const body = parse(got?.body ?? '{}');
    expect(Object.keys(body)).toEqual(['type', 'tts_notification_id', 'shop_id', 'timestamp', 'data']);
    expect(body).toMatchObject({ type: 1, shop_id: t.sim.admin.shops()[0]?.id });
    expect(body.data).toEqual({
      order_id: order.id,
      order_status: 'UNPAID',
      is_on_hold_order: true,
      update_time: order.update_time,
    });
    expect(t.sim.admin.deliveries()[0]).toMatchObject({
      state: 'delivered',
      attempts: [expect.objectContaining({ statusCode: 200 })],
    });
  });

  it('every status change emits ORDER_STATUS_CHANGE with the new update_time', async () => {
    await start();
    const order = t.sim.admin.createOrder();
    t.clock.advance(1000);
    t.sim.admin.advanceOrder(order.id, 'pay');
    t.clock.advance(3_600_000);
    await t.sim.tick();
    const statuses = receiver.received.map((r) => parse(r.body).data);
    expect(statuses.map((d) => d.order_status)).toEqual(['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT']);
    expect(statuses.map((d) => d.update_time)).toEqual([
      order.update_time,
      order.update_time + 1,
      order.update_time + 3601,
    ]);
  });

  it('retries after +2 min, +30 min, +3 h, +12 h on the clock, then gives up', async () => {
    await start({}, [500, 500, 500, 500, 500]);
    t.sim.admin.createOrder();
    await t.sim.tick();
    expect(receiver.received).toHaveLength(1);
    const steps = [2 * 60_000, 30 * 60_000, 3 * 3_600_000, 12 * 3_600_000];
    for (const [index, delay] of steps.entries()) {
      t.clock.advance(delay - 1000);
      await t.sim.tick();
      expect(receiver.received).toHaveLength(index + 1);
      t.clock.advance(1000);
      await t.sim.tick();
      expect(receiver.received).toHaveLength(index + 2);
    }
    t.clock.advance(48 * 3_600_000);
    await t.sim.tick();
    expect(receiver.received).toHaveLength(5);
    const [delivery] = t.sim.admin.deliveries();
    expect(delivery?.state).toBe('failed');
    expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 500, 500]);
    const times = delivery?.attempts.map((a) => Date.parse(a.at)) ?? [];
    expect(times.slice(1).map((at, i) => at - (times[i] ?? 0))).toEqual(steps);
    expect(new Set(receiver.received.map((r) => parse(r.body).tts_notification_id)).size).toBe(1);
  });

  it('a success on a retry stops the retries; the schedule compresses with timeScale', async () => {
    await start({ timeScale: 60 }, [503]);
    t.sim.admin.createOrder();
    await t.sim.tick();
    t.clock.advance(2000);
    await t.sim.tick();
    expect(receiver.received).toHaveLength(2);
    expect(t.sim.admin.deliveries()[0]?.state).toBe('delivered');
  });

  it('a 401 from the receiver is final (no retry)', async () => {
    await start({}, [401]);
    t.sim.admin.createOrder();
    await t.sim.tick();
    t.clock.advance(24 * 3_600_000);
    await t.sim.tick();
    expect(receiver.received).toHaveLength(1);
    expect(t.sim.admin.deliveries()[0]?.state).toBe('rejected');
  });

  it('duplicate knob sends the same notification twice', async () => {
    await start({ faults: { duplicateWebhookRate: 1 } });
    t.sim.admin.createOrder();
    await t.sim.tick();
    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received.map((r) => r.body);
    expect(a).toBe(b);
    expect(t.sim.admin.deliveries()[1]?.duplicateOf).toBe(t.sim.admin.deliveries()[0]?.id);
  });

  it('drop knob never sends, and logs the drop', async () => {
    await start({ faults: { dropWebhookRate: 1 } });
    t.sim.admin.createOrder();
    await t.sim.tick();
    expect(receiver.received).toHaveLength(0);
    expect(t.sim.admin.deliveries()).toEqual([expect.objectContaining({ state: 'dropped', attempts: [] })]);
  });

  it('reorder knob sends notifications queued together in reverse order', async () => {
    await start({ faults: { reorderWebhooks: true } });
    const order = t.sim.admin.createOrder();
    t.sim.admin.advanceOrder(order.id, 'pay');
    await t.sim.tick();
    expect(receiver.received.map((r) => parse(r.body).data.order_status)).toEqual(['ON_HOLD', 'UNPAID']);
  });

  it('sends nothing for a shop that has not authorized the app, and type 6 on deauthorization', async () => {
    receiver = await startReceiver();
    t = await startTestSim({ webhookUrl: receiver.url });
    t.sim.admin.createOrder();
    await t.sim.tick();
    expect(receiver.received).toHaveLength(0);
    t.sim.admin.issueTokens();
    const shopId = t.sim.admin.shops()[0]?.id ?? '';
    t.sim.admin.revokeAuthorization(shopId);
    t.sim.admin.createOrder();
    await t.sim.tick();
    expect(receiver.received.map((r) => parse(r.body))).toEqual([
      expect.objectContaining({ type: 6, shop_id: shopId, data: { message: expect.any(String) } }),
    ]);
  });

  it('per-shop subscriptions through the Event API take precedence and can be removed', async () => {
    await start();
    const other = await startReceiver();
    try {
      const token = (await authorizeOverHttp(t)).access_token;
      const cipher = t.sim.admin.shops()[0]?.cipher ?? '';
      const put = await call(t, {
        method: 'PUT',
        path: '/event/202309/webhooks',
        body: { address: other.url, event_type: 'ORDER_STATUS_CHANGE' },
        token,
        cipher,
      });
      expect(put.json.code).toBe(0);
      const list = await call(t, { path: '/event/202309/webhooks', token, cipher });
      expect(list.json.data).toMatchObject({
        total_count: 1,
        webhooks: [{ event_type: 'ORDER_STATUS_CHANGE', address: other.url }],
      });
      const bad = await call(t, {
        method: 'PUT',
        path: '/event/202309/webhooks',
        body: { address: other.url, event_type: 'NOPE' },
        token,
        cipher,
      });
      expect(bad.json.code).toBe(36009004);
      t.sim.admin.createOrder();
      await t.sim.tick();
      expect([other.received.length, receiver.received.length]).toEqual([1, 0]);
      const del = await call(t, {
        method: 'DELETE',
        path: '/event/202309/webhooks',
        body: { event_type: 'ORDER_STATUS_CHANGE' },
        token,
        cipher,
      });
      expect(del.json.code).toBe(0);
      t.sim.admin.createOrder();
      await t.sim.tick();
      expect([other.received.length, receiver.received.length]).toEqual([1, 1]);
    } finally {
      await other.close();
    }
  });
});
