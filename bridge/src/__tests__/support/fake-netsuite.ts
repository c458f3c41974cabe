import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { verifyRfc5849 } from './rfc5849';
import {
  json,
  startTestServer,
  type RecordedRequest,
  type TestResponse,
  type TestServer,
} from './test-server';

/**
 * A stand-in for the connector RESTlet: checks TBA with the independent RFC 5849 verifier, the
 * realm, and nonce reuse; implements ping, shop.upsert, warehouses.upsert, orders.upsert (one record
 * per externalid, newer update_time wins) and bridge.heartbeat (kept as sent); lets a test inject
 * responses and add latency.
 */
export const NS_CREDENTIALS = {
  accountId: '1234567_SB1',
  consumerKey: 'ck_0123456789abcdef',
  consumerSecret: 'cs_secret+/=&value',
  tokenId: 'tk_0123456789abcdef',
  tokenSecret: 'ts_secret value!',
};

export const RESTLET_PATH = '/app/site/hosting/restlet.nl';

export type NsInjector = (request: RecordedRequest) => TestResponse | undefined;

export class FakeNetSuite {
  server!: TestServer;
  readonly injectors: NsInjector[] = [];
  readonly shops = new Map<string, { shopRecordId: string; shop: Record<string, unknown> }>();
  readonly orders = new Map<string, TikTokOrder>();
  /** TikTok warehouse ids per shop, as last sent by `warehouses.upsert`. */
  readonly warehouses = new Map<string, string[]>();
  readonly upsertCalls: { shopId: string; orderIds: string[] }[] = [];
  /** The `bridge.heartbeat` bodies received, in order. */
  readonly heartbeats: { bridgeUrl: string; shops: { shopId: string; connection: string }[] }[] = [];
  readonly rejected: string[] = [];
  private readonly nonces = new Set<string>();
  latencyMs = 0;
  inFlight = 0;
  peakInFlight = 0;

  async start(): Promise<this> {
    this.server = await startTestServer((r) => this.handle(r));
    return this;
  }

  get restletUrl(): string {
    return `${this.server.url}${RESTLET_PATH}?script=customscript_tts_rl_connector&deploy=customdeploy_tts_rl_connector`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async handle(request: RecordedRequest): Promise<TestResponse> {
    this.inFlight += 1;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
      return this.respond(request);
    } finally {
      this.inFlight -= 1;
    }
  }

  private respond(request: RecordedRequest): TestResponse {
    const header = typeof request.headers.authorization === 'string' ? request.headers.authorization : '';
    const check = verifyRfc5849({
      method: request.method,
      baseUrl: `http://${request.headers.host ?? ''}${request.path}`,
      query: request.query,
      header,
      consumerSecret: NS_CREDENTIALS.consumerSecret,
      tokenSecret: NS_CREDENTIALS.tokenSecret,
    });
    const nonce = check.params.get('oauth_nonce') ?? '';
    const valid =
      check.ok &&
      check.params.get('realm') === NS_CREDENTIALS.accountId &&
      check.params.get('oauth_consumer_key') === NS_CREDENTIALS.consumerKey &&
      check.params.get('oauth_token') === NS_CREDENTIALS.tokenId &&
      !this.nonces.has(nonce);
    if (!valid) {
      this.rejected.push(check.reason ?? 'credentials');
      return json(401, { error: { code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.' } });
    }
    this.nonces.add(nonce);
    for (const injector of [...this.injectors]) {
      const response = injector(request);
      if (response) return response;
    }
    if (request.method === 'GET' && request.query.get('action') === 'ping') {
      return json(200, { ok: true, app: 'com.opentts.connector', version: '0.1.0' });
    }
    const body = JSON.parse(request.body || '{}') as Record<string, unknown>;
    if (body.action === 'shop.upsert') {
      const shop = body.shop as Record<string, unknown>;
      const shopId = String(shop.shopId);
      const existing = this.shops.get(shopId);
      const shopRecordId = existing?.shopRecordId ?? String(this.shops.size + 1);
      this.shops.set(shopId, { shopRecordId, shop });
      return json(200, { ok: true, shopRecordId, created: !existing });
    }
    if (body.action === 'warehouses.upsert') {
      const shopId = String(body.shopId);
      const warehouses = body.warehouses as { id: string }[];
      this.warehouses.set(
        shopId,
        warehouses.map((w) => w.id),
      );
      const results = warehouses.map((w) => ({
        warehouseId: w.id,
        recordId: `wh-${w.id}`,
        outcome: 'created',
        linked: false,
      }));
      return json(200, { ok: true, results });
    }
    if (body.action === 'bridge.heartbeat') {
      const beat = body as unknown as FakeNetSuite['heartbeats'][number];
      this.heartbeats.push(beat);
      const known = beat.shops.filter((shop) => this.shops.has(shop.shopId));
      return json(200, {
        ok: true,
        written: known.length,
        unknownShops: beat.shops.filter((shop) => !this.shops.has(shop.shopId)).map((shop) => shop.shopId),
      });
    }
    if (body.action === 'orders.upsert') {
      const shopId = String(body.shopId);
      if (!this.shops.has(shopId)) {
        return json(400, { error: { code: 'TTS_SHOP_NOT_FOUND', message: `shop ${shopId} is not set up` } });
      }
      const orders = body.orders as TikTokOrder[];
      this.upsertCalls.push({ shopId, orderIds: orders.map((o) => o.id) });
      const results = orders.map((order) => {
        const key = `tts_${shopId}_${order.id}`;
        const existing = this.orders.get(key);
        if (existing && existing.update_time > order.update_time)
          return { orderId: order.id, inboxId: key, outcome: 'stale' };
        this.orders.set(key, order);
        return { orderId: order.id, inboxId: key, outcome: existing ? 'updated' : 'created' };
      });
      return json(200, { ok: true, results, importQueued: true });
    }
    return json(400, {
      error: { code: 'TTS_UNKNOWN_ACTION', message: `unknown action ${String(body.action)}` },
    });
  }
}
