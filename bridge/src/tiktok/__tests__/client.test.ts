import { randomBytes } from 'node:crypto';
import { TokenCipher } from '../../crypto/token-cipher';
import { SqliteStore } from '../../store/sqlite-store';
import { FakeTikTok } from '../../__tests__/support/fake-tiktok';
import { orderAt } from '../../../../test/support/tiktok-order-builder';
import { json } from '../../__tests__/support/test-server';
import { TestClock } from '../../../../test/support/test-clock';
import { createTikTokServices, type TikTokServices } from '../create-tiktok';
import {
  TikTokBusinessError,
  TikTokInternalError,
  TikTokInvalidRequestError,
  TikTokRateLimitError,
  TikTokSignatureError,
} from '../errors';
import { ShopNeedsReauthError } from '../token-manager';

const APP = { appKey: 'test_app_key', appSecret: 'test_app_secret' };
const SHOP = {
  id: '7494049642642441621',
  name: 'Shop',
  region: 'US',
  seller_type: 'LOCAL',
  cipher: 'ROW_abc',
  code: 'US1',
};

describe('TikTok client against a real local server', () => {
  let clock: TestClock;
  let fake: FakeTikTok;
  let store: SqliteStore;
  let tts: TikTokServices;

  async function connectShop(accessTtlSec?: number): Promise<void> {
    const grant = fake.issueTokens(accessTtlSec);
    await store.upsertShop(
      {
        shopId: SHOP.id,
        name: SHOP.name,
        region: 'US',
        sellerType: 'LOCAL',
        cipher: SHOP.cipher,
        code: 'US1',
        state: 'connected',
      },
      clock.now(),
    );
    await tts.vault.save(
      SHOP.id,
      {
        grantId: grant.open_id,
        accessToken: grant.access_token,
        refreshToken: grant.refresh_token,
        accessExpiresAt: grant.access_token_expire_in * 1000,
        refreshExpiresAt: grant.refresh_token_expire_in * 1000,
        authorizedAt: clock.now(),
      },
      clock.now(),
    );
  }

  beforeEach(async () => {
    clock = new TestClock();
    fake = await new FakeTikTok({ ...APP, now: () => clock.now(), shops: [SHOP] }).start();
    store = new SqliteStore(':memory:');
    tts = createTikTokServices(
      {
        ...APP,
        serviceId: 'svc',
        apiBaseUrl: fake.url,
        authBaseUrl: fake.url,
        authorizeUrl: `${fake.url}/authorize`,
      },
      {
        store,
        cipher: new TokenCipher(randomBytes(32)),
        clock,
        sleep: clock.sleep,
        random: () => 0.5,
        maxRetries: 3,
      },
    );
  });

  afterEach(async () => {
    await fake.close();
    await store.close();
  });

  it('signs calls the server accepts and reads the envelope data', async () => {
    await connectShop();
    fake.orders.push(orderAt('576461413038785752', 1_768_478_000));
    const orders = await tts.client.getOrderDetail(SHOP.id, ['576461413038785752']);
    expect(orders.map((o) => o.id)).toEqual(['576461413038785752']);
    const [request] = fake.apiRequests;
    expect(request?.query.get('shop_cipher')).toBe('ROW_abc');
    expect(request?.query.get('ids')).toBe('576461413038785752');
    expect(request?.headers['x-tts-access-token']).toMatch(/^TTP_access_/);
    expect(await tts.client.getWarehouses(SHOP.id)).toHaveLength(1);
  });

  it('treats code != 0 with HTTP 200 as an error and does not retry it', async () => {
    await connectShop();
    fake.injectors.push(() =>
      json(200, { code: 21008111, message: 'order does not belong to seller', data: null }),
    );
    await expect(tts.client.getOrderDetail(SHOP.id, ['1'])).rejects.toBeInstanceOf(TikTokBusinessError);
    expect(fake.apiRequests).toHaveLength(1);
  });

  it('honours Retry-After on 429 and re-signs every attempt with a new timestamp', async () => {
    await connectShop();
    let throttled = 0;
    fake.injectors.push(() =>
      throttled++ < 2
        ? json(429, { code: 36009002, message: 'Too many requests' }, { 'retry-after': '2' })
        : undefined,
    );
    await tts.client.getWarehouses(SHOP.id);
    expect(fake.apiRequests).toHaveLength(3);
    expect(clock.sleeps).toEqual([2000, 2000]);
    const timestamps = fake.apiRequests.map((r) => r.query.get('timestamp'));
    const signs = fake.apiRequests.map((r) => r.query.get('sign'));
    expect(new Set(timestamps).size).toBe(3);
    expect(new Set(signs).size).toBe(3);
  });

  it('retries 36009003 and 5xx with growing backoff, then gives up after maxRetries', async () => {
    await connectShop();
    fake.injectors.push(() => json(500, { code: 36009003, message: 'Internal error' }));
    await expect(tts.client.getWarehouses(SHOP.id)).rejects.toBeInstanceOf(TikTokInternalError);
    expect(fake.apiRequests).toHaveLength(4);
    expect(clock.sleeps).toEqual([1000, 1500, 3000]);
  });

  it('retries 36009002 on HTTP 200 and network failures', async () => {
    await connectShop();
    let n = 0;
    fake.injectors.push(() => {
      n += 1;
      if (n === 1) return json(200, { code: 36009002, message: 'Too many requests' });
      if (n === 2) return { status: 0, destroy: true };
      return undefined;
    });
    await expect(tts.client.getWarehouses(SHOP.id)).resolves.toHaveLength(1);
    expect(fake.apiRequests).toHaveLength(3);
  });

  it.each([
    [400, 36009004, 'Invalid `app_key`.', TikTokInvalidRequestError],
    [401, 106001, "The 'sign' query parameter is invalid.", TikTokSignatureError],
    [403, 105005, 'Access denied', TikTokBusinessError],
    [404, 36009009, 'Invalid path', TikTokBusinessError],
  ])('never retries HTTP %i (code %i)', async (status, code, message, type) => {
    await connectShop();
    fake.injectors.push(() => json(status, { code, message }));
    await expect(tts.client.getWarehouses(SHOP.id)).rejects.toBeInstanceOf(type);
    expect(fake.apiRequests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('classifies a rate limit on a non-retried path as TikTokRateLimitError after retries run out', async () => {
    await connectShop();
    fake.injectors.push(() => json(429, { code: 36009002, message: 'Too many requests' }));
    await expect(tts.client.getWarehouses(SHOP.id)).rejects.toBeInstanceOf(TikTokRateLimitError);
    expect(fake.apiRequests).toHaveLength(4);
  });

  it('20 concurrent calls with an expired token make exactly 1 refresh and all succeed', async () => {
    await connectShop(60);
    clock.advance(120_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => tts.client.getWarehouses(SHOP.id)));
    expect(results).toHaveLength(20);
    expect(fake.tokenRefreshCalls).toBe(1);
    const tokensUsed = new Set(fake.apiRequests.map((r) => r.headers['x-tts-access-token']));
    expect(tokensUsed.size).toBe(1);
  });

  it('refreshes ahead of expiry (within 5 minutes)', async () => {
    await connectShop(10 * 60);
    await tts.client.getWarehouses(SHOP.id);
    expect(fake.tokenRefreshCalls).toBe(0);
    clock.advance(6 * 60 * 1000);
    await tts.client.getWarehouses(SHOP.id);
    expect(fake.tokenRefreshCalls).toBe(1);
  });

  it('refreshes once when TikTok answers 105002 for a token it considers expired', async () => {
    await connectShop();
    const [token] = [...fake.accessTokens.keys()];
    fake.accessTokens.set(token ?? '', 0);
    await expect(tts.client.getWarehouses(SHOP.id)).resolves.toHaveLength(1);
    expect(fake.tokenRefreshCalls).toBe(1);
    expect(fake.apiRequests).toHaveLength(2);
  });

  it('a dead refresh token marks the shop needs_reauth and stops further calls', async () => {
    await connectShop(60);
    clock.advance(120_000);
    fake.refreshIsDead = true;
    await expect(tts.client.getWarehouses(SHOP.id)).rejects.toBeInstanceOf(ShopNeedsReauthError);
    expect((await store.getShop(SHOP.id))?.state).toBe('needs_reauth');
    const before = fake.server.requests.length;
    await expect(tts.client.getWarehouses(SHOP.id)).rejects.toBeInstanceOf(ShopNeedsReauthError);
    expect(fake.server.requests.length).toBe(before);
    expect(fake.tokenRefreshCalls).toBe(1);
  });

  it('a 105002 right after a refresh marks the shop needs_reauth', async () => {
    await connectShop();
    fake.injectors.push((r) =>
      r.path.startsWith('/api/') ? undefined : json(401, { code: 105002, message: 'Expired credentials.' }),
    );
    await expect(tts.client.getWarehouses(SHOP.id)).rejects.toBeInstanceOf(ShopNeedsReauthError);
    expect(fake.tokenRefreshCalls).toBe(1);
    expect((await store.getShop(SHOP.id))?.state).toBe('needs_reauth');
  });

  it('pages order search and refuses more than 50 detail ids', async () => {
    await connectShop();
    for (let i = 0; i < 5; i += 1) fake.orders.push(orderAt(`10${i}`, 1_768_478_000 + i));
    const first = await tts.client.searchOrders(SHOP.id, { updateTimeGe: 1_768_000_000, pageSize: 3 });
    expect(first.orders).toHaveLength(3);
    expect(first.nextPageToken).toBeDefined();
    const second = await tts.client.searchOrders(SHOP.id, {
      updateTimeGe: 1_768_000_000,
      pageSize: 3,
      pageToken: first.nextPageToken,
    });
    expect(second.orders.map((o) => o.id)).toEqual(['103', '104']);
    expect(second.nextPageToken).toBeUndefined();
    const ids = Array.from({ length: 51 }, (_, i) => String(i));
    await expect(tts.client.getOrderDetail(SHOP.id, ids)).rejects.toThrow(/at most 50/);
  });

  it('subscribes a webhook with a signed PUT body', async () => {
    await connectShop();
    await tts.client.subscribeWebhook(
      SHOP.id,
      'ORDER_STATUS_CHANGE',
      'https://bridge.example.com/webhooks/tiktok',
    );
    expect(fake.subscriptions).toEqual([
      {
        shopCipher: 'ROW_abc',
        event_type: 'ORDER_STATUS_CHANGE',
        address: 'https://bridge.example.com/webhooks/tiktok',
      },
    ]);
  });

  it('reads the authorized shops with a raw token and no shop_cipher', async () => {
    const grant = fake.issueTokens();
    const shops = await tts.client.getAuthorizedShops(grant.access_token);
    expect(shops).toEqual([
      { id: SHOP.id, name: 'Shop', region: 'US', sellerType: 'LOCAL', cipher: 'ROW_abc', code: 'US1' },
    ]);
    expect(fake.apiRequests[0]?.query.has('shop_cipher')).toBe(false);
  });

  it.each<[string, (t: TikTokServices) => Promise<unknown>, string, unknown, string]>([
    [
      'authorized shops: a shop without its cipher',
      (t) => t.client.getAuthorizedShops(fake.issueTokens().access_token),
      '/authorization/202309/shops',
      { shops: [{ ...SHOP, cipher: undefined }] },
      'shops.0.cipher',
    ],
    [
      'authorized shops: no shops array',
      (t) => t.client.getAuthorizedShops(fake.issueTokens().access_token),
      '/authorization/202309/shops',
      {},
      'shops',
    ],
    [
      'order detail: no orders array',
      async (t) => {
        await connectShop();
        return t.client.getOrderDetail(SHOP.id, ['1']);
      },
      '/order/202309/orders',
      { order_list: [] },
      'orders',
    ],
    [
      'order search: an order without id',
      async (t) => {
        await connectShop();
        return t.client.searchOrders(SHOP.id, {});
      },
      '/order/202309/orders/search',
      { orders: [{ status: 'UNPAID' }], total_count: 1 },
      'orders.0.id',
    ],
  ])(
    'a code-0 response missing what we need (%s) → TIKTOK_RESPONSE_INVALID naming the field',
    async (_n, call, path, data, field) => {
      fake.injectors.push((r) =>
        r.path === path ? json(200, { code: 0, message: 'Success', request_id: 'r', data }) : undefined,
      );
      const error = await call(tts).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'TIKTOK_RESPONSE_INVALID', retryable: false });
      expect((error as Error).message).toContain(`${field} (`);
    },
  );
});
