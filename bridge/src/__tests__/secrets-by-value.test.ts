import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { textEncodings } from '../core/secret-registry';
import type { SqliteStore } from '../store/sqlite-store';
import { NS_CREDENTIALS } from './support/fake-netsuite';
import { orderAt } from '../../../test/support/tiktok-order-builder';
import {
  ADMIN_TOKEN,
  connectViaOAuth,
  startHarness,
  TEST_SHOP,
  TT_APP,
  type Harness,
} from './support/harness';
import { json } from './support/test-server';

/**
 * Issue #8, finding 1: TikTok and NetSuite answer errors that repeat every secret the bridge holds
 * "in words" (no `name=value` a pattern could catch) — the app secret, the NetSuite consumer and
 * token secrets, the admin token, the encryption key, and each access and refresh token including
 * freshly refreshed ones, also percent-encoded and base64. None of them may reach the SQLite files,
 * the trace-level log, the status page, /readyz or `bridge status`.
 */
const execFileAsync = promisify(execFile);
const REPO_ROOT = resolve(__dirname, '../../..');
const CLI = join(REPO_ROOT, 'dist/bridge/src/cli.js');

const words = (label: string, value: string): string =>
  `${label} ${value} (percent ${encodeURIComponent(value)}, base64 ${Buffer.from(value).toString('base64')})`;

describe('secrets are redacted by value wherever text is stored, shown or logged', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ maxJobAttempts: 2, netsuitePingTtlMs: 0 }, { logLevel: 'trace' });
  });

  afterEach(async () => {
    await h.close();
  });

  it('an upstream error echoing each secret in words leaves no trace in the database file, trace log, status page, /readyz or the CLI', async () => {
    const key = h.config.encryptionKey;
    const configEcho = [
      words('consumer secret', NS_CREDENTIALS.consumerSecret),
      words('token secret', NS_CREDENTIALS.tokenSecret),
      words('admin token', ADMIN_TOKEN),
      words('app secret', TT_APP.appSecret),
      `encryption key ${key.toString('base64')} hex ${key.toString('hex')}`,
    ].join('; ');
    const nsFailure = () =>
      json(500, { error: { code: 'UNEXPECTED_ERROR', message: `NetSuite saw ${configEcho}` } });

    // Connect: NetSuite's shop record fails (retried, then queued), quoting every configured secret.
    h.netsuite.injectors.push((r) => (r.body.includes('"shop.upsert"') ? nsFailure() : undefined));
    const connected = await connectViaOAuth(h);
    expect(connected.status).toBe(200);
    const connectPage = await connected.text();
    expect(connectPage).toContain('NetSuite saw consumer secret [redacted]');
    h.netsuite.injectors.length = 0;

    // Orders: NetSuite refuses the upsert twice (retry, then dead letter), quoting the secrets.
    h.tiktok.orders.push(orderAt('576461413038785752', Math.floor(h.clock.now() / 1000) - 10));
    h.netsuite.injectors.push((r) => (r.body.includes('"orders.upsert"') ? nsFailure() : undefined));
    await h.bridge.reconcileOnce();
    await h.bridge.runWorkersOnce();
    h.clock.advance(3600_000);
    await h.bridge.runWorkersOnce();
    h.netsuite.injectors.length = 0;

    // A week later the access token is refreshed; TikTok then refuses the order detail call quoting
    // the fresh access token and the app secret, and the next refresh quoting the refresh token.
    h.clock.advance(7 * 24 * 3600 * 1000);
    h.tiktok.injectors.push((r) => {
      if (r.path !== '/order/202309/orders') return undefined;
      const token = String(r.headers['x-tts-access-token']);
      return json(400, {
        code: 12019001,
        message: `Refused: ${words('access token', token)}; ${words('secret', TT_APP.appSecret)}`,
        request_id: 'req',
        data: null,
      });
    });
    h.tiktok.orders.push(orderAt('576461413038785753', Math.floor(h.clock.now() / 1000) - 10));
    await h.bridge.reconcileOnce();
    await h.bridge.runWorkersOnce();
    expect(h.tiktok.tokenRefreshCalls).toBe(1);
    h.clock.advance(7 * 24 * 3600 * 1000);
    h.tiktok.injectors.push((r) =>
      r.path === '/api/v2/token/refresh'
        ? json(500, {
            code: 36009003,
            message: `Internal error for ${words('refresh token', r.query.get('refresh_token') ?? '')} and ${words('secret', r.query.get('app_secret') ?? '')}`,
            request_id: 'req',
            data: null,
          })
        : undefined,
    );
    await h.bridge.reconcileOnce();
    await h.bridge.runWorkersOnce();
    const refreshes = h.tiktok.server.requests.filter((r) => r.path === '/api/v2/token/refresh');
    expect(refreshes.length).toBeGreaterThanOrEqual(2);

    // /readyz: NetSuite's ping fails quoting the secrets.
    h.netsuite.injectors.push((r) => (r.query.get('action') === 'ping' ? nsFailure() : undefined));
    const readyPublic = await (await fetch(`${h.url}/readyz`)).text();
    const readyAdmin = await (
      await fetch(`${h.url}/readyz`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).text();
    expect(readyAdmin).toContain('NetSuite saw consumer secret [redacted]');

    const tokens = [...h.tiktok.accessTokens.keys(), ...h.tiktok.refreshTokens];
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    const secrets = [
      ...tokens,
      TT_APP.appSecret,
      NS_CREDENTIALS.consumerSecret,
      NS_CREDENTIALS.tokenSecret,
      ADMIN_TOKEN,
    ].flatMap(textEncodings);
    secrets.push(key.toString('base64'), key.toString('hex'), key.toString('base64url'));
    const leaks = (where: string, text: string): string[] =>
      secrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s}`);

    // The errors really were stored, logged and shown — with the secrets replaced.
    const dbFiles = readdirSync(h.dir).filter((f) => f.startsWith('bridge.db'));
    const db = Buffer.concat(dbFiles.map((f) => readFileSync(join(h.dir, f)))).toString('latin1');
    const logs = h.logs();
    for (const text of [db, logs]) {
      expect(text).toContain('consumer secret [redacted]');
      expect(text).toContain('access token [redacted]');
      expect(text).toContain('refresh token [redacted]');
    }
    const statusHtml = await (
      await fetch(`${h.url}/`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'text/html' } })
    ).text();
    const statusJson = await (
      await fetch(`${h.url}/`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'application/json' },
      })
    ).text();
    expect(statusHtml).toContain('access token [redacted]');
    expect([
      ...leaks('database file', db),
      ...leaks('trace log', logs),
      ...leaks('connect page', connectPage),
      ...leaks('status page', statusHtml),
      ...leaks('status JSON', statusJson),
      ...leaks('/readyz', readyPublic),
      ...leaks('/readyz (admin)', readyAdmin),
    ]).toEqual([]);

    // A row an older bridge wrote unscrubbed: `bridge status` (its own process, knowing the secrets
    // only from its configuration and the stored, encrypted tokens) still scrubs them by value.
    const current = await h.bridge.tiktok.vault.load(TEST_SHOP.id);
    (h.bridge.store as SqliteStore).db
      .prepare('INSERT INTO recent_errors (at, source, shop_id, message) VALUES (?, ?, ?, ?)')
      .run(
        h.clock.now(),
        'legacy',
        TEST_SHOP.id,
        `old text: ${words('access token', current?.accessToken ?? '')} ${words('refresh token', current?.refreshToken ?? '')} ${words('secret', TT_APP.appSecret)} ${words('token secret', NS_CREDENTIALS.tokenSecret)}`,
      );
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
    const env = {
      PATH: process.env.PATH ?? '',
      TIKTOK_APP_KEY: TT_APP.appKey,
      TIKTOK_APP_SECRET: TT_APP.appSecret,
      TIKTOK_SERVICE_ID: h.config.tiktok.serviceId,
      NETSUITE_ACCOUNT_ID: NS_CREDENTIALS.accountId,
      NETSUITE_CONSUMER_KEY: NS_CREDENTIALS.consumerKey,
      NETSUITE_CONSUMER_SECRET: NS_CREDENTIALS.consumerSecret,
      NETSUITE_TOKEN_ID: NS_CREDENTIALS.tokenId,
      NETSUITE_TOKEN_SECRET: NS_CREDENTIALS.tokenSecret,
      NETSUITE_RESTLET_URL: h.netsuite.restletUrl,
      BRIDGE_PUBLIC_URL: h.config.publicUrl,
      BRIDGE_ADMIN_TOKEN: ADMIN_TOKEN,
      BRIDGE_ENCRYPTION_KEY: key.toString('base64'),
      DATABASE_URL: `sqlite:${h.dbPath}`,
    };
    const cli = await execFileAsync(process.execPath, [CLI, 'status'], { env, cwd: h.dir });
    const cliJson = await execFileAsync(process.execPath, [CLI, 'status', '--json'], { env, cwd: h.dir });
    expect(cli.stdout).toContain('old text: access token [redacted]');
    expect(cli.stdout).toContain('access token [redacted]');
    const legacyHtml = await (
      await fetch(`${h.url}/`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'text/html' } })
    ).text();
    expect(legacyHtml).toContain('old text: access token [redacted]');
    expect([
      ...leaks('bridge status', cli.stdout + cli.stderr),
      ...leaks('bridge status --json', cliJson.stdout + cliJson.stderr),
      ...leaks('status page (legacy row)', legacyHtml),
    ]).toEqual([]);
  });
});
