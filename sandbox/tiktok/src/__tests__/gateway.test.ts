import { SIGN_INVALID_MESSAGE } from '../errors';
import { authorizeOverHttp, call, startTestSim, type TestSim } from './helpers';

const REQUEST_ID = /^\d{14}[0-9A-F]{20}$/;

describe('API gateway validation (in the order of sandbox/tiktok/README.md)', () => {
  let t: TestSim;
  let token: string;
  let cipher: string;

  beforeEach(async () => {
    t = await startTestSim();
    token = (await authorizeOverHttp(t)).access_token;
    cipher = t.sim.admin.shops()[0]?.cipher ?? '';
  });
  afterEach(() => t.sim.stop());

  const shops = (extra: Partial<Parameters<typeof call>[1]> = {}) =>
    call(t, { path: '/authorization/202309/shops', token, ...extra });

  it('accepts a correctly signed call and answers the envelope', async () => {
    const { status, json } = await shops();
    expect(status).toBe(200);
    expect(json.code).toBe(0);
    expect(json.message).toBe('Success');
    expect(json.request_id).toMatch(REQUEST_ID);
    const list = (json.data as { shops: Record<string, unknown>[] }).shops;
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual([
      'cipher',
      'code',
      'id',
      'name',
      'region',
      'seller_type',
    ]);
    expect(list[0]).toMatchObject({ region: 'US', seller_type: 'LOCAL', cipher });
  });

  it('unknown path → 36009009 / 404 before anything else', async () => {
    const { status, json } = await call(t, { path: '/order/202309/nothing', appKey: 'wrong', sign: 'omit' });
    expect([status, json.code, json.data]).toEqual([404, 36009009, null]);
    expect(json.request_id).toMatch(REQUEST_ID);
  });

  it('unknown version of a known endpoint → 36009014', async () => {
    const { status, json } = await call(t, { path: '/authorization/209901/shops', token });
    expect([status, json.code]).toEqual([404, 36009014]);
  });

  it('wrong method → 36009010 before the app_key check', async () => {
    const { status, json } = await call(t, {
      method: 'POST',
      path: '/authorization/202309/shops',
      appKey: 'wrong',
      body: {},
    });
    expect([status, json.code]).toEqual([405, 36009010]);
  });

  it('wrong app_key → 36009004 / 400 before the signature', async () => {
    const { status, json } = await shops({ appKey: 'not-the-key', sign: 'omit' });
    expect([status, json.code, json.message]).toEqual([
      400,
      36009004,
      'Invalid credentials. Invalid `app_key` query parameter.',
    ]);
  });

  it('missing sign → 36009004 missing credentials', async () => {
    const { status, json } = await shops({ sign: 'omit' });
    expect([status, json.code]).toEqual([400, 36009004]);
    expect(json.message).toMatch(/^Missing credentials/);
  });

  it('timestamp outside [now-300s, now+30s] → 36009004 timestamp messages', async () => {
    const now = Math.floor(t.clock.now() / 1000);
    expect((await shops({ timestamp: now - 300 })).json.code).toBe(0);
    expect((await shops({ timestamp: now + 30 })).json.code).toBe(0);
    const old = await shops({ timestamp: now - 301 });
    expect([old.status, old.json.code]).toEqual([400, 36009004]);
    expect(old.json.message).toMatch(/earlier than 5 minutes/);
    const future = await shops({ timestamp: now + 31 });
    expect(future.json.message).toMatch(/more than 30 seconds/);
    const millis = await shops({ timestamp: now * 1000 });
    expect(millis.json.message).toMatch(/more than 30 seconds/);
    const negative = await shops({ timestamp: -5 });
    expect(negative.json.message).toMatch(/lesser than 0/);
  });

  it('bad signature → 106001 / 401 with the observed message', async () => {
    const wrongSecret = await shops({ secret: 'another-secret' });
    expect([
      wrongSecret.status,
      wrongSecret.json.code,
      wrongSecret.json.message,
      wrongSecret.json.data,
    ]).toEqual([401, 106001, SIGN_INVALID_MESSAGE, null]);
    const forged = await shops({ sign: 'a'.repeat(64) });
    expect([forged.status, forged.json.code]).toEqual([401, 106001]);
  });

  it('a sent-but-unsigned body does not verify (sign exactly what is sent)', async () => {
    const { json } = await call(t, {
      method: 'POST',
      path: '/order/202309/orders/search',
      query: { page_size: '10' },
      cipher,
      token,
      body: '{}',
      signedBody: '',
    });
    expect(json.code).toBe(106001);
    const ok = await call(t, {
      method: 'POST',
      path: '/order/202309/orders/search',
      query: { page_size: '10' },
      cipher,
      token,
      body: '{}',
    });
    expect(ok.json.code).toBe(0);
  });

  it('access token missing or unknown → 36009004; expired → 105002', async () => {
    const missing = await call(t, { path: '/authorization/202309/shops' });
    expect([missing.json.code, missing.json.message]).toEqual([
      36009004,
      'Invalid credentials. The `x-tts-access-token` header is invalid.',
    ]);
    const unknown = await shops({ token: 'ROW_not-a-token' });
    expect(unknown.json.code).toBe(36009004);
    t.clock.advance(7 * 86_400_000);
    const expired = await shops();
    expect([expired.status, expired.json.code]).toEqual([401, 105002]);
  });

  it('missing scope → 105005', async () => {
    t.sim.admin.configureApp({ grantedScopes: ['seller.authorization.info'] });
    const limited = (await authorizeOverHttp(t, 's2')).access_token;
    const { status, json } = await call(t, { path: '/logistics/202309/warehouses', token: limited, cipher });
    expect([status, json.code]).toEqual([403, 105005]);
  });

  it('shop endpoints need shop_cipher (106013); seller endpoints refuse it (36009004 Unexpected identifier)', async () => {
    const missing = await call(t, { path: '/logistics/202309/warehouses', token });
    expect([missing.status, missing.json.code]).toEqual([400, 106013]);
    const unexpected = await shops({ cipher });
    expect([unexpected.status, unexpected.json.code]).toEqual([400, 36009004]);
    expect(unexpected.json.message).toBe(
      'Unexpected identifier. The `shop_cipher` query parameter is not required for this request.',
    );
    const unknown = await call(t, { path: '/logistics/202309/warehouses', token, cipher: 'ROW_unknown' });
    expect(unknown.json.code).toBe(101000);
  });

  it('rate limit per app × shop → 429 / 36009002', async () => {
    await t.sim.stop();
    t = await startTestSim({ rateLimitQps: 2 });
    token = (await authorizeOverHttp(t)).access_token;
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) codes.push((await shops()).json.code);
    expect(codes.slice(0, 2)).toEqual([0, 0]);
    expect(codes).toContain(36009002);
    const limited = await shops();
    expect(limited.status).toBe(429);
  });

  it('rate limits are per API and configurable per API, with TikTok 429 shape', async () => {
    await t.sim.stop();
    t = await startTestSim({ rateLimitQps: { qps: 1, perApi: { 'GET /logistics/202309/warehouses': 1 } } });
    token = (await authorizeOverHttp(t)).access_token;
    const cipher = t.sim.admin.shops()[0]?.cipher ?? '';
    const warehouses = () => call(t, { path: '/logistics/202309/warehouses', token, cipher });
    expect((await warehouses()).json.code).toBe(0);
    const throttled = await warehouses();
    expect([throttled.status, throttled.json]).toEqual([
      429,
      expect.objectContaining({
        code: 36009002,
        data: null,
        message: "Too many requests. You've made too many requests in a short period of time.",
      }),
    ]);
    // Another API of the same shop has its own bucket (the default rate, 1 here).
    const search = () =>
      call(t, {
        method: 'POST',
        path: '/order/202309/orders/search',
        query: { page_size: '10' },
        body: {},
        token,
        cipher,
      });
    expect([(await search()).json.code, (await search()).json.code]).toEqual([0, 36009002]);
    t.sim.admin.setRateLimit({ qps: 1, perApi: { 'POST /order/202309/orders/search': 0 } });
    expect([(await search()).json.code, (await search()).json.code, (await search()).json.code]).toEqual([
      0, 0, 0,
    ]);
    expect((await warehouses()).json.code).toBe(0);
    expect((await warehouses()).json.code).toBe(36009002);
    t.sim.admin.setRateLimit({ qps: 0, perApi: { 'GET /logistics/202309/warehouses': 0 } });
    for (let i = 0; i < 5; i += 1) expect((await warehouses()).json.code).toBe(0);
    expect(() => t.sim.admin.setRateLimit(-1)).toThrow(/>= 0/);
  });

  it('fault knobs: rate429 → 429/36009002, rate5xx → 500|503/36009003', async () => {
    t.sim.admin.setFaults({ rate429: 1 });
    const throttled = await shops();
    expect([throttled.status, throttled.json.code, throttled.json.data]).toEqual([429, 36009002, null]);
    t.sim.admin.setFaults({ rate429: 0, rate5xx: 1 });
    const failed = await shops();
    expect([500, 503]).toContain(failed.status);
    expect(failed.json.code).toBe(36009003);
    t.sim.admin.setFaults({ rate5xx: 0 });
    expect((await shops()).json.code).toBe(0);
  });

  it('counts API calls per method and path', async () => {
    await shops();
    await shops();
    expect(t.sim.admin.counters().apiCalls['GET /authorization/202309/shops']).toBe(2);
  });
});
