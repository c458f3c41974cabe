import { FakeNetSuite, NS_CREDENTIALS } from '../../__tests__/support/fake-netsuite';
import { orderAt } from '../../../../test/support/tiktok-order-builder';
import { parseOAuthHeader } from '../../__tests__/support/rfc5849';
import { json } from '../../__tests__/support/test-server';
import { TestClock } from '../../../../test/support/test-clock';
import { NetSuiteClient, NetSuiteError } from '../client';

const SHOP = {
  shopId: '7494049642642441621',
  name: 'Shop',
  region: 'US',
  sellerType: 'LOCAL',
  state: 'connected' as const,
  currency: 'USD',
};

describe('NetSuite RESTlet client against a TBA-verifying local server', () => {
  let fake: FakeNetSuite;
  let clock: TestClock;

  const client = (overrides: Partial<typeof NS_CREDENTIALS> = {}, concurrency?: number) =>
    new NetSuiteClient(
      { ...NS_CREDENTIALS, ...overrides, restletUrl: fake.restletUrl },
      { clock, sleep: clock.sleep, random: () => 0.5, concurrency, maxRetries: 4 },
    );

  beforeEach(async () => {
    fake = await new FakeNetSuite().start();
    clock = new TestClock();
  });

  afterEach(async () => {
    await fake.close();
  });

  it('signs GET ping with the URL query (script, deploy, action) and realm = account id', async () => {
    await expect(client().ping()).resolves.toEqual({
      ok: true,
      app: 'com.opentts.connector',
      version: '0.1.0',
    });
    const [request] = fake.server.requests;
    expect(request?.query.get('action')).toBe('ping');
    expect(request?.query.get('script')).toBe('customscript_tts_rl_connector');
    const header = String(request?.headers.authorization);
    expect(header.startsWith('OAuth realm="1234567_SB1",')).toBe(true);
    const params = parseOAuthHeader(header);
    expect(params?.get('oauth_signature_method')).toBe('HMAC-SHA256');
    expect(params?.get('oauth_timestamp')).toBe(String(Math.floor(clock.now() / 1000)));
    expect(fake.rejected).toEqual([]);
  });

  it('is refused by the independent verifier when a secret is wrong, and does not retry a 401', async () => {
    const bad = client({ tokenSecret: 'not-the-secret' });
    const error = await bad.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetSuiteError);
    expect((error as NetSuiteError).netsuiteCode).toBe('INVALID_LOGIN_ATTEMPT');
    expect(fake.rejected).toEqual(['signature']);
    expect(fake.server.requests).toHaveLength(1);
  });

  it('posts shop.upsert and orders.upsert as JSON and returns the RESTlet results', async () => {
    const ns = client();
    await expect(ns.upsertShop(SHOP)).resolves.toEqual({ ok: true, shopRecordId: '1', created: true });
    const result = await ns.upsertOrders(SHOP.shopId, [orderAt('1', 100), orderAt('2', 100)]);
    expect(result.results.map((r) => r.outcome)).toEqual(['created', 'created']);
    expect(fake.server.requests[1]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(fake.server.requests[1]?.body ?? '{}')).toMatchObject({
      action: 'orders.upsert',
      shopId: SHOP.shopId,
    });
  });

  it('backs off on HTTP 400 SSS_REQUEST_LIMIT_EXCEEDED and re-signs each attempt', async () => {
    let limited = 0;
    fake.injectors.push(() =>
      limited++ < 2
        ? json(400, { error: { code: 'SSS_REQUEST_LIMIT_EXCEEDED', message: 'Request limit exceeded' } })
        : undefined,
    );
    await expect(client().upsertShop(SHOP)).resolves.toMatchObject({ ok: true });
    expect(fake.server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([1000, 1500]);
    const nonces = fake.server.requests.map((r) =>
      parseOAuthHeader(String(r.headers.authorization))?.get('oauth_nonce'),
    );
    expect(new Set(nonces).size).toBe(3);
  });

  it('retries 5xx and network failures, up to maxRetries', async () => {
    let n = 0;
    fake.injectors.push(() => (n++ === 0 ? { status: 0, destroy: true } : undefined));
    fake.injectors.push(() =>
      n++ === 1 ? json(503, { error: { code: 'UNAVAILABLE', message: 'down' } }) : undefined,
    );
    await expect(client().ping()).resolves.toMatchObject({ ok: true });
    fake.injectors.length = 0;
    fake.injectors.push(() => json(500, { error: { code: 'UNEXPECTED_ERROR', message: 'boom' } }));
    const before = fake.server.requests.length;
    await expect(client().ping()).rejects.toMatchObject({
      netsuiteCode: 'UNEXPECTED_ERROR',
      retryable: true,
    });
    expect(fake.server.requests.length - before).toBe(5);
  });

  it('fails at once on other 4xx and surfaces the RESTlet error code and message; a connector code says whether the job retries later', async () => {
    const error = await client()
      .upsertOrders(SHOP.shopId, [orderAt('1', 100)])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetSuiteError);
    // TTS_SHOP_NOT_FOUND: the caller sends the shop and retries (connector-errors.ts), not the client.
    expect(error).toMatchObject({
      httpStatus: 400,
      netsuiteCode: 'TTS_SHOP_NOT_FOUND',
      connectorCode: 'TTS_SHOP_NOT_FOUND',
      retryable: true,
    });
    expect((error as Error).message).toMatch(/shop 7494049642642441621 is not set up/);
    expect(fake.server.requests).toHaveLength(1);

    fake.injectors.push(() => json(400, { error: { code: 'SSS_INVALID_HEADER', message: 'bad header' } }));
    const other = await client()
      .ping()
      .catch((e: unknown) => e);
    expect(other).toMatchObject({
      netsuiteCode: 'SSS_INVALID_HEADER',
      connectorCode: null,
      retryable: false,
    });
  });

  it('never runs more than the concurrency cap at once', async () => {
    fake.latencyMs = 25;
    const ns = client({}, 4);
    await Promise.all(Array.from({ length: 12 }, () => ns.ping()));
    expect(fake.peakInFlight).toBe(4);
    expect(ns.peakConcurrency).toBe(4);
  });

  it('refuses an orders.upsert outside 1..50 orders before calling', () => {
    const orders = Array.from({ length: 51 }, (_, i) => orderAt(String(i), 1));
    expect(() => client().upsertOrders(SHOP.shopId, orders)).toThrow(/1\.\.50/);
    expect(fake.server.requests).toHaveLength(0);
  });

  it.each<[string, () => (ns: NetSuiteClient) => Promise<unknown>, unknown, string]>([
    ['shop.upsert without shopRecordId', () => (ns) => ns.upsertShop(SHOP), { ok: true }, 'shopRecordId'],
    [
      'orders.upsert with a result lacking its outcome',
      () => (ns) => ns.upsertOrders(SHOP.shopId, [orderAt('1', 100)]),
      { ok: true, results: [{ orderId: '1', inboxId: '9' }], importQueued: true },
      'results.0.outcome',
    ],
    [
      'outbox.pull with rows not an array',
      () => (ns) => ns.pullOutbox(undefined, 10),
      { ok: true, rows: {}, skipped: 0 },
      'rows',
    ],
  ])(
    'a 2xx ok:true answer that breaks the contract (%s) → NETSUITE_RESPONSE_INVALID naming the field, no retry',
    async (_name, call, body, field) => {
      fake.injectors.push(() => json(200, body));
      const error = await call()(client()).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'NETSUITE_RESPONSE_INVALID', retryable: false });
      expect((error as Error).message).toContain(`${field} (`);
      expect(fake.server.requests).toHaveLength(1);
    },
  );
});
