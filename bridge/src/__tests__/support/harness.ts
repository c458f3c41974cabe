import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createBridge, type Bridge, type BridgeDeps } from '../../bridge';
import type { LiveConfig, LogLevel } from '../../config';
import { createLogger } from '../../logger';
import { FakeNetSuite, NS_CREDENTIALS } from './fake-netsuite';
import { FakeTikTok } from './fake-tiktok';
import { TestClock } from '../../../../test/support/test-clock';

/** The whole bridge on port 0 with a temporary SQLite file, wired to the local TikTok and NetSuite stand-ins. */
export const TT_APP = { appKey: 'bridge_app_key', appSecret: 'bridge_app_secret_0123456789' };
export const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
export const PUBLIC_URL = 'https://bridge.example.com';
export const TEST_SHOP = {
  id: '7494049642642441621',
  name: 'Maker Mugs',
  region: 'US',
  seller_type: 'LOCAL',
  cipher: 'ROW_abc123',
  code: 'USLC1',
};

export interface Harness {
  clock: TestClock;
  tiktok: FakeTikTok;
  netsuite: FakeNetSuite;
  bridge: Bridge;
  url: string;
  /** The interface the bridge listens on. */
  address: string;
  dir: string;
  dbPath: string;
  config: LiveConfig;
  logs(): string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Level of the captured log (default debug). */
  logLevel?: LogLevel;
  /** Changes to the live configuration (new settings, a different admin token). */
  config?: Partial<LiveConfig>;
}

export async function startHarness(
  deps: Partial<BridgeDeps> = {},
  options: HarnessOptions = {},
): Promise<Harness> {
  const clock = new TestClock();
  const tiktok = await new FakeTikTok({ ...TT_APP, now: () => clock.now(), shops: [TEST_SHOP] }).start();
  const netsuite = await new FakeNetSuite().start();
  const dir = mkdtempSync(join(tmpdir(), 'bridge-harness-'));
  const dbPath = join(dir, 'bridge.db');
  const config: LiveConfig = {
    mode: 'live',
    tiktok: {
      ...TT_APP,
      serviceId: '7123456789012345678',
      apiBaseUrl: tiktok.url,
      authBaseUrl: tiktok.url,
      authorizeUrl: `${tiktok.url}/open/authorize`,
    },
    netsuite: { ...NS_CREDENTIALS, restletUrl: netsuite.restletUrl },
    publicUrl: PUBLIC_URL,
    adminToken: ADMIN_TOKEN,
    encryptionKey: randomBytes(32),
    databaseUrl: `sqlite:${dbPath}`,
    port: 0,
    host: '127.0.0.1',
    logLevel: options.logLevel ?? 'debug',
    authMaxFailures: 10,
    authWindowSeconds: 300,
  };
  Object.assign(config, options.config);
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const bridge = createBridge(config, {
    clock,
    sleep: clock.sleep,
    random: () => 0.5,
    logger: createLogger(config.logLevel, sink),
    ...deps,
  });
  const { url, address } = await bridge.start(0);
  return {
    clock,
    tiktok,
    netsuite,
    bridge,
    url,
    address,
    dir,
    dbPath,
    config,
    logs: () => chunks.join(''),
    async close() {
      await bridge.stop();
      await tiktok.close();
      await netsuite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` of the first cookie a response sets ('' when none). */
export function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/**
 * Runs the OAuth flow as a script does: a Bearer POST to start, then the callback with the state
 * cookie the start set. Returns the callback response.
 */
export async function connectViaOAuth(
  h: Harness,
  code = `code-${randomBytes(4).toString('hex')}`,
): Promise<Response> {
  const start = await fetch(`${h.url}/oauth/tiktok/start`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    redirect: 'manual',
  });
  const location = new URL(start.headers.get('location') ?? '');
  const state = location.searchParams.get('state') ?? '';
  h.tiktok.validCodes.add(code);
  return fetch(`${h.url}/oauth/tiktok/callback?code=${code}&state=${state}`, {
    headers: { accept: 'text/html', cookie: cookieOf(start) },
  });
}

/** POST with full control over raw headers (e.g. a doubled Authorization header), via node:http. */
export function rawPost(
  url: string,
  headers: Record<string, string | string[]>,
  body: Buffer | string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    for (const [name, value] of Object.entries(headers)) req.setHeader(name, value);
    req.end(body);
  });
}
