import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestClock } from '../../../../test/support/test-clock';
import { signForTest } from '../signing';
import { startTikTokSimulator, type TikTokSimulator, type TikTokSimulatorOptions } from '../simulator';
import type { TokenResponseData } from '../auth/token-service';

export const START = '2026-01-15T12:00:00Z';

export interface TestSim {
  sim: TikTokSimulator;
  clock: TestClock;
}

export async function startTestSim(options: TikTokSimulatorOptions = {}): Promise<TestSim> {
  const clock = new TestClock(START);
  const sim = await startTikTokSimulator({ clock, pumpIntervalMs: 0, ...options });
  return { sim, clock };
}

export interface Envelope {
  code: number;
  message: string;
  request_id: string;
  data: Record<string, unknown> | null;
}

export interface ApiResult {
  status: number;
  json: Envelope;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  /** Object → JSON.stringify; string → sent as is. */
  body?: unknown;
  token?: string;
  cipher?: string;
  /** Override the timestamp (Unix seconds). */
  timestamp?: number;
  appKey?: string;
  /** 'omit' drops `sign`; a string replaces it. */
  sign?: 'omit' | string;
  /** Sign this body string instead of the one sent. */
  signedBody?: string;
  contentType?: string;
  secret?: string;
}

/** A correct TikTok client call (signed like TikTok's signing guide, partner.tiktokshop.com/docv2/page/sign-your-api-request), with knobs to break one part at a time. */
export async function call(t: TestSim, opts: CallOptions): Promise<ApiResult> {
  const { sim, clock } = t;
  const rawBody =
    opts.body === undefined ? '' : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const query: Record<string, string> = { ...(opts.query ?? {}) };
  if (opts.cipher !== undefined) query.shop_cipher = opts.cipher;
  const signed = signForTest({
    path: opts.path,
    query: { ...query, app_key: opts.appKey ?? sim.app.appKey },
    body: opts.signedBody ?? rawBody,
    contentType: opts.contentType ?? 'application/json',
    appKey: opts.appKey ?? sim.app.appKey,
    appSecret: opts.secret ?? sim.app.appSecret,
    timestamp: opts.timestamp ?? Math.floor(clock.now() / 1000),
  });
  const finalQuery = { ...signed.query };
  if (opts.sign === 'omit') delete finalQuery.sign;
  else if (opts.sign !== undefined) finalQuery.sign = opts.sign;
  const url = `${sim.apiBaseUrl}${opts.path}?${new URLSearchParams(finalQuery).toString()}`;
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/json' };
  if (opts.token !== undefined) headers['x-tts-access-token'] = opts.token;
  const response = await fetch(url, {
    method: opts.method ?? 'GET',
    headers,
    body: rawBody === '' ? undefined : rawBody,
  });
  return { status: response.status, json: (await response.json()) as Envelope };
}

/** Runs the consent page and the token exchange over HTTP, like the bridge would. */
export async function authorizeOverHttp(t: TestSim, state = 'csrf-state-1'): Promise<TokenResponseData> {
  const code = await consentCode(t, state);
  const url = new URL(`${t.sim.authBaseUrl}/api/v2/token/get`);
  url.search = new URLSearchParams({
    app_key: t.sim.app.appKey,
    app_secret: t.sim.app.appSecret,
    auth_code: code,
    grant_type: 'authorized_code',
  }).toString();
  const json = (await (await fetch(url)).json()) as { code: number; data: TokenResponseData };
  if (json.code !== 0) throw new Error(`token/get failed: ${JSON.stringify(json)}`);
  return json.data;
}

export async function consentCode(t: TestSim, state: string): Promise<string> {
  const url = `${t.sim.authorizeUrl}?service_id=${t.sim.app.serviceId}&state=${state}`;
  const response = await fetch(url, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? '');
  const code = location.searchParams.get('code');
  if (!code) throw new Error('no code in redirect');
  return code;
}

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes to answer, in order; after the list is used up, 200. */
  respondWith: number[];
  close(): Promise<void>;
}

/** A local webhook endpoint that records what it receives. */
export async function startReceiver(respondWith: number[] = []): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: Receiver = { url: '', received, respondWith, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      });
      res.statusCode = receiver.respondWith.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/tiktok`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

/** A seeded shop as the tests address it: its id and its cipher (the `shop_cipher` query). */
export interface ShopRef {
  id: string;
  cipher: string;
}

/** The seeded shops in seed order. */
export function shopRefs(t: TestSim): ShopRef[] {
  return t.sim.admin.shops().map((s) => ({ id: s.id, cipher: s.cipher }));
}
