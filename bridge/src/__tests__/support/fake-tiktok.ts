import { createHmac } from 'node:crypto';
import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import {
  json,
  startTestServer,
  type RecordedRequest,
  type TestResponse,
  type TestServer,
} from './test-server';

/**
 * A small, strict stand-in for TikTok's auth host and Open API, for the bridge's own tests. It
 * checks signatures with its own implementation of TikTok's signing guide, partner.tiktokshop.com/docv2/page/sign-your-api-request, token validity and expiry,
 * and lets a test inject responses ahead of the normal handling.
 */
export interface FakeTikTokOptions {
  appKey: string;
  appSecret: string;
  now: () => number;
  accessTtlSec?: number;
  shops?: { id: string; name: string; region: string; seller_type: string; cipher: string; code: string }[];
}

/** Answers a request ahead of the normal handling (a promise holds the answer back); undefined passes it on. */
export type Injector = (request: RecordedRequest) => TestResponse | Promise<TestResponse> | undefined;

function expectedSign(secret: string, request: RecordedRequest): string {
  const keys = [...request.query.keys()].filter((k) => k !== 'sign' && k !== 'access_token').sort();
  let text = request.path;
  for (const key of keys) text += key + (request.query.get(key) ?? '');
  if (request.body !== '') text += request.body;
  return createHmac('sha256', secret)
    .update(secret + text + secret)
    .digest('hex');
}

export class FakeTikTok {
  server!: TestServer;
  readonly injectors: Injector[] = [];
  readonly accessTokens = new Map<string, number>();
  readonly refreshTokens = new Set<string>();
  readonly validCodes = new Set<string>();
  readonly orders: TikTokOrder[] = [];
  readonly subscriptions: { shopCipher: string; event_type: string; address: string }[] = [];
  tokenGetCalls = 0;
  tokenRefreshCalls = 0;
  refreshIsDead = false;
  private counter = 0;

  constructor(readonly options: FakeTikTokOptions) {}

  async start(): Promise<this> {
    this.server = await startTestServer((request) => this.handle(request));
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  get apiRequests(): RecordedRequest[] {
    return this.server.requests.filter((r) => !r.path.startsWith('/api/v2/token'));
  }

  get tokenCalls(): number {
    return this.tokenGetCalls + this.tokenRefreshCalls;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** Issues a token pair as the token endpoints would. */
  issueTokens(accessTtlSec = this.options.accessTtlSec ?? 7 * 24 * 3600) {
    this.counter += 1;
    const nowSec = Math.floor(this.options.now() / 1000);
    const access = `TTP_access_${this.counter}_${'x'.repeat(8)}`;
    const refresh = `TTP_refresh_${this.counter}_${'y'.repeat(8)}`;
    this.accessTokens.set(access, nowSec + accessTtlSec);
    this.refreshTokens.add(refresh);
    return {
      access_token: access,
      access_token_expire_in: nowSec + accessTtlSec,
      refresh_token: refresh,
      refresh_token_expire_in: nowSec + 365 * 24 * 3600,
      open_id: 'open-7010736057180325637',
      seller_name: 'Jjj test shop',
      seller_base_region: 'US',
      user_type: 0,
      granted_scopes: ['seller.order.info'],
    };
  }

  private envelope(data: unknown): TestResponse {
    return json(200, { code: 0, message: 'Success', request_id: 'req', data });
  }

  private error(status: number, code: number, message: string): TestResponse {
    return json(status, { code, message, request_id: 'req', data: null });
  }

  private async handle(request: RecordedRequest): Promise<TestResponse> {
    for (const injector of [...this.injectors]) {
      const response = injector(request);
      if (response) return response;
    }
    if (request.path === '/api/v2/token/get') return this.tokenGet(request);
    if (request.path === '/api/v2/token/refresh') return this.tokenRefresh(request);

    const q = request.query;
    if (q.get('app_key') !== this.options.appKey) return this.error(400, 36009004, 'Invalid `app_key`.');
    const timestamp = Number(q.get('timestamp'));
    const nowSec = Math.floor(this.options.now() / 1000);
    if (!(timestamp >= nowSec - 300 && timestamp <= nowSec + 30)) {
      return this.error(400, 36009004, 'The timestamp is earlier than now minus 5 minutes.');
    }
    if (q.get('sign') !== expectedSign(this.options.appSecret, request)) {
      return this.error(401, 106001, "Invalid credentials. The 'sign' query parameter is invalid.");
    }
    const token = request.headers['x-tts-access-token'];
    const expiry = typeof token === 'string' ? this.accessTokens.get(token) : undefined;
    if (expiry === undefined) return this.error(401, 36009004, 'Invalid `x-tts-access-token` header.');
    if (expiry <= nowSec) return this.error(401, 105002, 'Expired credentials.');

    const shops = this.options.shops ?? [];
    const cipher = q.get('shop_cipher');
    if (request.path === '/authorization/202309/shops') return this.envelope({ shops });
    if (!cipher || !shops.some((s) => s.cipher === cipher)) {
      return this.error(400, 106013, 'Missing identifier. The `shop_cipher` query parameter is required.');
    }
    if (request.method === 'POST' && request.path === '/order/202309/orders/search') {
      const body = JSON.parse(request.body || '{}') as { update_time_ge?: number; update_time_lt?: number };
      const matching = this.orders
        .filter(
          (o) =>
            (body.update_time_ge === undefined || o.update_time >= body.update_time_ge) &&
            (body.update_time_lt === undefined || o.update_time < body.update_time_lt),
        )
        .sort((a, b) => a.update_time - b.update_time || a.id.localeCompare(b.id));
      const size = Number(q.get('page_size') ?? '20');
      const offset = q.get('page_token')
        ? Number(Buffer.from(q.get('page_token') ?? '', 'base64').toString())
        : 0;
      const page = matching.slice(offset, offset + size);
      const next =
        offset + size < matching.length ? Buffer.from(String(offset + size)).toString('base64') : '';
      return this.envelope({ orders: page, next_page_token: next, total_count: matching.length });
    }
    if (request.method === 'GET' && request.path === '/order/202309/orders') {
      const ids = (q.get('ids') ?? '').split(',');
      if (ids.length > 50) return this.error(400, 36009004, 'ids: at most 50');
      return this.envelope({ orders: this.orders.filter((o) => ids.includes(o.id)) });
    }
    if (request.method === 'PUT' && request.path === '/event/202309/webhooks') {
      const body = JSON.parse(request.body) as { event_type: string; address: string };
      this.subscriptions.push({ shopCipher: cipher, ...body });
      return this.envelope({});
    }
    if (request.method === 'GET' && request.path === '/logistics/202309/warehouses') {
      return this.envelope({ warehouses: [{ id: '7000714532876273410', name: 'Main', is_default: true }] });
    }
    return this.error(404, 36009009, 'Invalid path');
  }

  private tokenGet(request: RecordedRequest): TestResponse {
    this.tokenGetCalls += 1;
    const q = request.query;
    if (q.get('app_key') !== this.options.appKey || q.get('app_secret') !== this.options.appSecret) {
      return this.error(200, 36009004, 'Invalid app_key or app_secret.');
    }
    const code = q.get('auth_code') ?? '';
    if (q.get('grant_type') !== 'authorized_code' || !this.validCodes.delete(code)) {
      return this.error(200, 36004004, 'Invalid auth code.');
    }
    return this.envelope(this.issueTokens());
  }

  private tokenRefresh(request: RecordedRequest): TestResponse {
    this.tokenRefreshCalls += 1;
    const q = request.query;
    const refresh = q.get('refresh_token') ?? '';
    if (this.refreshIsDead || q.get('grant_type') !== 'refresh_token' || !this.refreshTokens.has(refresh)) {
      return this.error(200, 36004004, 'Invalid refresh token.');
    }
    return this.envelope(this.issueTokens());
  }
}
