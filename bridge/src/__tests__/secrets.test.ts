import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectViaOAuth, startHarness, TEST_SHOP, TT_APP, type Harness } from './support/harness';
import { orderAt } from '../../../test/support/tiktok-order-builder';
import { NS_CREDENTIALS } from './support/fake-netsuite';

describe('secrets at rest and in logs', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  it('no plaintext token reaches the SQLite files or the logs (debug level, refresh included)', async () => {
    expect((await connectViaOAuth(h)).status).toBe(200);
    h.tiktok.orders.push(orderAt('576461413038785752', Math.floor(h.clock.now() / 1000) - 10));
    await h.bridge.reconcileOnce();
    await h.bridge.runWorkersOnce();
    // Force a refresh, then use the new token.
    h.clock.advance(7 * 24 * 3600 * 1000);
    await h.bridge.tiktok.client.getWarehouses(TEST_SHOP.id);
    expect(h.tiktok.tokenRefreshCalls).toBe(1);
    expect(h.netsuite.orders.size).toBe(1);

    const tokens = [...h.tiktok.accessTokens.keys(), ...h.tiktok.refreshTokens];
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    const secrets = [
      ...tokens,
      TT_APP.appSecret,
      NS_CREDENTIALS.consumerSecret,
      NS_CREDENTIALS.tokenSecret,
      h.config.adminToken,
      h.config.encryptionKey.toString('base64'),
      h.config.encryptionKey.toString('hex'),
    ];

    const files = readdirSync(h.dir).filter((f) => f.startsWith('bridge.db'));
    expect(files).toContain('bridge.db');
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(h.dir, f))));
    const logs = h.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(logs.includes(secret)).toBe(false);
    }
    const signs = h.tiktok.server.requests
      .map((r) => r.query.get('sign'))
      .filter((s): s is string => Boolean(s));
    expect(signs.length).toBeGreaterThan(0);
    for (const sign of signs) expect(logs.includes(sign)).toBe(false);
  });

  it('redacts secret-looking fields a caller logs by mistake', () => {
    h.bridge.logger.warn(
      {
        accessToken: 'TTP_leak_1',
        shop: { refresh_token: 'TTP_leak_2' },
        req: { headers: { authorization: 'Bearer leak_3', 'x-tts-access-token': 'TTP_leak_4' } },
        sign: 'leak_5',
      },
      'oops',
    );
    const logs = h.logs();
    expect(logs).toMatch(/oops/);
    for (const leak of ['TTP_leak_1', 'TTP_leak_2', 'leak_3', 'TTP_leak_4', 'leak_5'])
      expect(logs.includes(leak)).toBe(false);
  });

  it('censors secrets inside strings: a token URL in an error message or a logged URL', () => {
    const url =
      'https://auth.example.com/api/v2/token/get?app_key=k&app_secret=S3CRET_1&auth_code=C0DE_2&grant_type=authorized_code';
    h.bridge.logger.error({ err: new Error(`GET ${url} failed`) }, 'token call failed');
    h.bridge.logger.warn(
      { url: 'https://x/api?access_token=TTP_leak_3&refresh_token=TTP_leak_4&sign=abc5' },
      'x',
    );
    h.bridge.logger.info('calling https://x/y?app_secret=S3CRET_6');
    const logs = h.logs();
    expect(logs).toMatch(/token call failed/);
    expect(logs).toMatch(/app_secret=\[redacted\]/);
    for (const leak of ['S3CRET_1', 'C0DE_2', 'TTP_leak_3', 'TTP_leak_4', 'abc5', 'S3CRET_6'])
      expect(logs.includes(leak)).toBe(false);
  });
});
