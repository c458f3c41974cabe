import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  connectViaOAuth,
  rawPost,
  startHarness,
  TEST_SHOP,
  TT_APP,
  type Harness,
} from '../../__tests__/support/harness';
import { orderAt } from '../../../../test/support/tiktok-order-builder';
import type { SqliteStore } from '../../store/sqlite-store';
import { TestClock } from '../../../../test/support/test-clock';
import { URGENT_JOB_KINDS } from '../../workers/job-kinds';
import { nodeHmacSha256, signTikTokWebhookForTest, type HmacSha256 } from '../verify';

const ORDER_ID = '576653688135258178';
/** The harness clock's time (TestClock), in the payload's Unix seconds: events outside it are stale. */
const NOW_SEC = Math.floor(new TestClock().now() / 1000);
const BODY = JSON.stringify({
  type: 1,
  tts_notification_id: '7380066284010030890',
  shop_id: TEST_SHOP.id,
  timestamp: NOW_SEC,
  data: {
    is_on_hold_order: false,
    order_id: ORDER_ID,
    order_status: 'AWAITING_SHIPMENT',
    update_time: 1718305585,
  },
});
const SIG = signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, BODY);

function flipByte(text: string, index: number): string {
  const bytes = Buffer.from(text);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('latin1');
}

describe('POST /webhooks/tiktok', () => {
  let h: Harness;
  let hmacCalls: number;
  const countingHmac: HmacSha256 = (key, parts) => {
    hmacCalls += 1;
    return nodeHmacSha256(key, parts);
  };

  beforeEach(async () => {
    hmacCalls = 0;
    h = await startHarness({ webhookHmac: countingHmac });
  });

  afterEach(async () => {
    await h.close();
  });

  const notificationRows = () => h.bridge.store.countWebhooks();
  const allJobs = () => h.bridge.store.listJobs({});
  const post = (headers: Record<string, string | string[]>, body: string | Buffer) =>
    rawPost(`${h.url}/webhooks/tiktok`, { 'content-type': 'application/json', ...headers }, body);

  const rejected: [string, Record<string, string | string[]>, string | Buffer][] = [
    ['Authorization header missing', {}, BODY],
    ['header empty', { authorization: '' }, BODY],
    ['header given twice (both valid)', { authorization: [SIG, SIG] }, BODY],
    ['wrong secret', { authorization: signTikTokWebhookForTest(TT_APP.appKey, 'wrong-secret', BODY) }, BODY],
    [
      'wrong app_key prefix',
      { authorization: signTikTokWebhookForTest('other_app', TT_APP.appSecret, BODY) },
      BODY,
    ],
    [
      'valid signature for a different body',
      { authorization: SIG },
      BODY.replace('AWAITING_SHIPMENT', 'CANCELLED'),
    ],
    ['one byte of the body flipped', { authorization: SIG }, Buffer.from(flipByte(BODY, 40), 'latin1')],
    [
      'JSON re-serialized with other whitespace',
      { authorization: SIG },
      JSON.stringify(JSON.parse(BODY), null, 1),
    ],
    ['body truncated', { authorization: SIG }, BODY.slice(0, -1)],
    ['signature one character too long', { authorization: `${SIG}a` }, BODY],
    ['signature one character too short', { authorization: SIG.slice(0, -1) }, BODY],
    ['non-hex signature', { authorization: 'z'.repeat(64) }, BODY],
    ['Bearer-prefixed signature', { authorization: `Bearer ${SIG}` }, BODY],
  ];

  it.each(rejected)(
    '%s → 401, 0 webhook notifications, 0 jobs, 0 outbound calls',
    async (_name, headers, body) => {
      const response = await post(headers, body);
      expect(response.status).toBe(401);
      expect(await notificationRows()).toBe(0);
      expect(await allJobs()).toHaveLength(0);
      await h.bridge.runWorkersOnce();
      expect(h.tiktok.server.requests).toHaveLength(0);
      expect(h.netsuite.server.requests).toHaveLength(0);
      expect(await h.bridge.metrics.text()).toMatch(
        /tts_bridge_webhooks_rejected_total\{reason="[a-z_]+"\} 1/,
      );
    },
  );

  it('a body over 1 MB → 413 before any hashing', async () => {
    const big = JSON.stringify({ type: 1, shop_id: TEST_SHOP.id, data: { pad: 'x'.repeat(1024 * 1024) } });
    const response = await post(
      { authorization: signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, big) },
      big,
    );
    expect(response.status).toBe(413);
    expect(hmacCalls).toBe(0);
    expect(await notificationRows()).toBe(0);
    expect(h.tiktok.server.requests).toHaveLength(0);
  });

  it('a cancellation webhook (type 11) queues the order in the urgent lane: a buyer request has a deadline (issue #11)', async () => {
    const body = JSON.stringify({
      type: 11,
      tts_notification_id: '7327088503766172933',
      shop_id: TEST_SHOP.id,
      timestamp: Math.floor(h.clock.now() / 1000),
      data: {
        order_id: ORDER_ID,
        cancellations_role: 'BUYER',
        cancel_status: 'CANCELLATION_REQUEST_PENDING',
        cancel_id: '4035318504086098241',
        create_time: Math.floor(h.clock.now() / 1000),
      },
    });
    const response = await post(
      { authorization: signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, body) },
      body,
    );
    expect(response.status).toBe(200);
    expect(await allJobs()).toMatchObject([
      { kind: 'order.upsert_cancellation', dedupeKey: `order-cancellation:${TEST_SHOP.id}:${ORDER_ID}` },
    ]);
    expect(URGENT_JOB_KINDS).toContain('order.upsert_cancellation');
  });

  it('a body that is not the gzip its Content-Encoding claims → 400 (not 500), nothing stored', async () => {
    const response = await post({ authorization: SIG, 'content-encoding': 'gzip' }, BODY);
    expect(response.status).toBe(400);
    expect(response.body).toMatch(/does not match its Content-Encoding/);
    expect(hmacCalls).toBe(0);
    expect(await notificationRows()).toBe(0);
    expect(await h.bridge.metrics.text()).toMatch(
      /tts_bridge_webhooks_rejected_total\{reason="unreadable_body"\} 1/,
    );
  });

  it('a valid delivery answers 200 with an empty body after the row and its job are committed', async () => {
    const response = await post({ authorization: SIG }, BODY);
    expect(response).toEqual({ status: 200, body: '' });
    expect(await notificationRows()).toBe(1);
    const jobs = await allJobs();
    expect(jobs).toMatchObject([
      { kind: 'order.upsert', shopId: TEST_SHOP.id, dedupeKey: `order:${TEST_SHOP.id}:${ORDER_ID}` },
    ]);
    const row = (h.bridge.store as SqliteStore).db
      .prepare('SELECT raw_body FROM webhook_notifications')
      .get() as {
      raw_body: string;
    };
    expect(row.raw_body).toBe(BODY);
    expect(hmacCalls).toBe(1);
  });

  describe('the exact path answers without the router, with the same headers as every other answer', () => {
    const SECURITY = [
      'content-security-policy',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
    ];
    const send = (pathAndQuery: string, authorization: string) =>
      fetch(`${h.url}${pathAndQuery}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: BODY,
      });
    const securityOf = (response: Response) =>
      Object.fromEntries([...SECURITY, 'cache-control'].map((name) => [name, response.headers.get(name)]));

    it('200: empty body, Content-Length 0, the security headers of any other page; counted once', async () => {
      const page = await fetch(`${h.url}/healthz`);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const response = await send('/webhooks/tiktok', SIG);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      expect(response.headers.get('content-length')).toBe('0');
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(securityOf(response)).toEqual(securityOf(page));
      expect(await notificationRows()).toBe(1);
      const metrics = await h.bridge.metrics.text();
      expect(metrics).toMatch(/tts_bridge_webhooks_received_total 1\n/);
      expect(metrics).toMatch(/tts_bridge_webhooks_stored_total 1\n/);
    });

    it('401 from the exact path: the same error shape and the security headers', async () => {
      const viaRouter = await send('/webhooks/tiktok/', 'z'.repeat(64));
      const response = await send('/webhooks/tiktok', 'z'.repeat(64));
      expect(response.status).toBe(401);
      expect(viaRouter.status).toBe(401);
      expect(response.headers.get('content-type')).toBe(viaRouter.headers.get('content-type'));
      expect(await response.json()).toEqual(await viaRouter.json());
      expect(securityOf(response)).toEqual(securityOf(viaRouter));
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    });

    it('the app used on its own (no bridge server in front) answers the exact path the same way', async () => {
      const server = createServer(h.bridge.app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const via = (authorization: string) =>
          fetch(`${appUrl}/webhooks/tiktok`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: BODY,
          });
        const ok = await via(SIG);
        expect(ok.status).toBe(200);
        expect(await ok.text()).toBe('');
        expect(securityOf(ok)).toEqual(securityOf(await send('/webhooks/tiktok', SIG)));
        const refused = await via('z'.repeat(64));
        const direct = await send('/webhooks/tiktok', 'z'.repeat(64));
        expect(refused.status).toBe(401);
        expect(await refused.json()).toEqual(await direct.json());
        expect(securityOf(refused)).toEqual(securityOf(direct));
        expect(await notificationRows()).toBe(1);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('other spellings Express matches (trailing slash, a query string) still go through the router', async () => {
      for (const path of ['/webhooks/tiktok/', '/webhooks/tiktok?x=1']) {
        const response = await send(path, SIG);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe('');
        expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      }
      expect(await notificationRows()).toBe(1);
      expect(await h.bridge.metrics.text()).toMatch(/tts_bridge_webhooks_duplicate_total 1\n/);
    });
  });

  it.each([2, 10, 50])(
    'the same delivery sent %i× concurrently leaves 1 row, 1 upsert and 1 NetSuite record',
    async (n) => {
      await connectViaOAuth(h);
      h.tiktok.orders.push(orderAt(ORDER_ID, 1718305585));
      const responses = await Promise.all(
        Array.from({ length: n }, () => post({ authorization: SIG }, BODY)),
      );
      expect(responses.every((r) => r.status === 200)).toBe(true);
      expect(await notificationRows()).toBe(1);
      await h.bridge.runWorkersOnce();
      expect(h.netsuite.upsertCalls).toEqual([{ shopId: TEST_SHOP.id, orderIds: [ORDER_ID] }]);
      expect([...h.netsuite.orders.keys()]).toEqual([`tts_${TEST_SHOP.id}_${ORDER_ID}`]);
    },
  );

  it('deduplicates an event without tts_notification_id on the sha256 of the raw body', async () => {
    const body = JSON.stringify({
      type: 3,
      shop_id: TEST_SHOP.id,
      timestamp: NOW_SEC,
      data: { order_id: '42', update_time: 1 },
    });
    const sig = signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, body);
    await post({ authorization: sig }, body);
    await post({ authorization: sig }, body);
    expect(await notificationRows()).toBe(1);
    const row = (h.bridge.store as SqliteStore).db
      .prepare('SELECT dedupe_key FROM webhook_notifications')
      .get() as {
      dedupe_key: string;
    };
    expect(row.dedupe_key).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('a deauthorization webhook marks the shop needs_reauth, tells NetSuite, and stops TikTok calls', async () => {
    await connectViaOAuth(h);
    const body = JSON.stringify({
      type: 6,
      tts_notification_id: '900',
      shop_id: TEST_SHOP.id,
      timestamp: NOW_SEC,
      data: { message: 'deauthorized' },
    });
    const response = await post(
      { authorization: signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, body) },
      body,
    );
    expect(response.status).toBe(200);
    await h.bridge.runWorkersOnce();
    expect((await h.bridge.store.getShop(TEST_SHOP.id))?.state).toBe('needs_reauth');
    expect(h.netsuite.shops.get(TEST_SHOP.id)?.shop.state).toBe('needs_reauth');
    const before = h.tiktok.server.requests.length;
    await expect(h.bridge.tiktok.client.getWarehouses(TEST_SHOP.id)).rejects.toThrow(/re-authorized/);
    expect(h.tiktok.server.requests.length).toBe(before);
  });

  const signedPost = (body: string) =>
    post({ authorization: signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, body) }, body);

  it.each<[string, string, string]>([
    ['not JSON', '{"type":1,', '(root)'],
    ['a JSON array', '[1,2]', '(root)'],
    ['type missing', JSON.stringify({ shop_id: TEST_SHOP.id, timestamp: NOW_SEC, data: {} }), 'type'],
    [
      'type a string',
      JSON.stringify({ type: '1', shop_id: TEST_SHOP.id, timestamp: NOW_SEC, data: {} }),
      'type',
    ],
    ['shop_id missing', JSON.stringify({ type: 6, timestamp: NOW_SEC, data: {} }), 'shop_id'],
    [
      'shop_id not digits',
      JSON.stringify({ type: 6, shop_id: 'abc', timestamp: NOW_SEC, data: {} }),
      'shop_id',
    ],
    ['timestamp missing', JSON.stringify({ type: 6, shop_id: TEST_SHOP.id, data: {} }), 'timestamp'],
    ['data missing', JSON.stringify({ type: 6, shop_id: TEST_SHOP.id, timestamp: NOW_SEC }), 'data'],
    [
      'order event without data.order_id',
      JSON.stringify({
        type: 1,
        tts_notification_id: '77',
        shop_id: TEST_SHOP.id,
        timestamp: NOW_SEC,
        data: {},
      }),
      'data.order_id',
    ],
  ])(
    'a signed but malformed body (%s) → 200, stored without jobs, dead-lettered naming %s',
    async (_name, body, field) => {
      const response = await signedPost(body);
      expect(response).toEqual({ status: 200, body: '' });
      expect(await notificationRows()).toBe(1);
      expect(await allJobs()).toEqual([]);
      const errors = await h.bridge.store.listRecentErrors(10);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.source).toBe('webhook');
      expect(errors[0]?.message).toContain(`${field} (`);
      expect(errors[0]?.message).toMatch(/malformed, not processed/);
      expect(h.tiktok.server.requests).toHaveLength(0);
    },
  );

  it('a malformed body resent by TikTok is stored and dead-lettered once', async () => {
    const body = JSON.stringify({
      type: 1,
      tts_notification_id: '78',
      shop_id: TEST_SHOP.id,
      timestamp: NOW_SEC,
      data: {},
    });
    expect((await signedPost(body)).status).toBe(200);
    expect((await signedPost(body)).status).toBe(200);
    expect(await notificationRows()).toBe(1);
    expect(await h.bridge.store.listRecentErrors(10)).toHaveLength(1);
  });

  it('accepts numeric ids (some topics send JSON numbers) and unknown topics without jobs', async () => {
    const numeric = JSON.stringify({
      type: 3,
      shop_id: 7494049642642441,
      timestamp: NOW_SEC,
      data: { order_id: 42 },
    });
    expect((await signedPost(numeric)).status).toBe(200);
    expect(await allJobs()).toMatchObject([{ kind: 'order.upsert', dedupeKey: 'order:7494049642642441:42' }]);
    const unknown = JSON.stringify({ type: 99, shop_id: TEST_SHOP.id, timestamp: NOW_SEC, data: { x: 1 } });
    expect((await signedPost(unknown)).status).toBe(200);
    expect(await notificationRows()).toBe(2);
    expect(await h.bridge.store.listRecentErrors(10)).toEqual([]);
  });

  describe('payload timestamp (injected clock)', () => {
    const at = (offsetSec: number, id: string, type = 1): string =>
      JSON.stringify({
        type,
        tts_notification_id: id,
        shop_id: TEST_SHOP.id,
        timestamp: NOW_SEC + offsetSec,
        data: { order_id: ORDER_ID, order_status: 'AWAITING_SHIPMENT', update_time: NOW_SEC },
      });
    const signed = (body: string) =>
      post({ authorization: signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, body) }, body);

    it("stamped in the future (this server's clock behind) → 200 and processed at once, the skew a metric and a warning (issue #11)", async () => {
      const response = await signed(at(3600, 'future-1'));
      expect(response.status).toBe(200);
      expect(await notificationRows()).toBe(1);
      expect(await allJobs()).toMatchObject([{ kind: 'order.upsert', runAfter: h.clock.now() }]);
      // Just ahead (second rounding, a fast TikTok clock) is processed too, logged without a warning.
      expect((await signed(at(2, 'future-2'))).status).toBe(200);
      expect(await notificationRows()).toBe(2);
      const metrics = await h.bridge.metrics.text();
      expect(metrics).toMatch(/tts_bridge_webhook_future_skew_seconds_count 2/);
      expect(metrics).toMatch(/tts_bridge_webhook_future_skew_seconds_sum 3602/);
      expect(metrics).toMatch(/tts_bridge_webhook_future_skew_seconds_bucket\{le="5"\} 1/);
      expect(metrics).not.toMatch(/tts_bridge_webhooks_rejected_total\{/);
      const skewLogs = h
        .logs()
        .split('\n')
        .filter((line) => line.includes('ahead of this server'))
        .map((line) => JSON.parse(line) as { level: number; skewMs: number; msg: string });
      expect(skewLogs.map((l) => [l.level, l.skewMs])).toEqual([
        [40, 3_600_000],
        [20, 2_000],
      ]);
      expect(skewLogs[0]?.msg).toMatch(
        /^webhook stamped 3600 s ahead of this server's clock; processed\. .*sync it \(NTP\)/,
      );
      // The signature still decides: a future-dated body with a bad signature is 401.
      const forged = at(3600, 'future-3');
      const refused = await post(
        { authorization: signTikTokWebhookForTest(TT_APP.appKey, 'wrong-secret', forged) },
        forged,
      );
      expect(refused.status).toBe(401);
      expect(await notificationRows()).toBe(2);
    });

    it('older than 7 days → stored and flagged, 200, no job (a stale deauthorization changes nothing)', async () => {
      await connectViaOAuth(h);
      const before = (await allJobs()).length;
      const week = 7 * 24 * 3600;
      expect((await signed(at(-week - 1, 'stale-order'))).status).toBe(200);
      expect((await signed(at(-week - 1, 'stale-deauth', 6))).status).toBe(200);
      expect(await notificationRows()).toBe(2);
      expect(await allJobs()).toHaveLength(before);
      const rows = (h.bridge.store as SqliteStore).db
        .prepare('SELECT ignored_reason FROM webhook_notifications ORDER BY id')
        .all() as { ignored_reason: string | null }[];
      expect(rows.map((r) => r.ignored_reason)).toEqual([
        expect.stringMatching(/^stale: sent 168 h ago, over the 168 h window; not acted on/),
        expect.stringMatching(/^stale: /),
      ]);
      expect((await h.bridge.store.listRecentErrors(10)).map((e) => e.message)).toEqual([
        expect.stringMatching(/^Webhook type 6 stale/),
        expect.stringMatching(/^Webhook type 1 stale/),
      ]);
      await h.bridge.runWorkersOnce();
      expect((await h.bridge.store.getShop(TEST_SHOP.id))?.state).toBe('connected');
      // Just inside the window it is acted on.
      expect((await signed(at(-week, 'fresh-enough'))).status).toBe(200);
      expect((await allJobs()).filter((j) => j.kind === 'order.upsert')).toHaveLength(1);
    });

    it('the staleness window is configurable', async () => {
      const custom = await startHarness({ webhookStaleAfterMs: 24 * 3600 * 1000 });
      try {
        const body = at(-24 * 3600 - 1, 'day-old');
        const response = await rawPost(
          `${custom.url}/webhooks/tiktok`,
          {
            'content-type': 'application/json',
            authorization: signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, body),
          },
          body,
        );
        expect(response.status).toBe(200);
        expect(await custom.bridge.store.countWebhooks()).toBe(1);
        expect(await custom.bridge.store.listJobs({})).toEqual([]);
      } finally {
        await custom.close();
      }
    });
  });
});
