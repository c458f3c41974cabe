import { createHash, randomBytes } from 'node:crypto';
import {
  ADMIN_TOKEN,
  connectViaOAuth,
  cookieOf,
  PUBLIC_URL,
  rawPost,
  startHarness,
  TEST_SHOP,
  type Harness,
} from '../../__tests__/support/harness';
import { json } from '../../__tests__/support/test-server';
import { ADMIN_COOKIE_NAME } from '../../http/admin-auth';
import { SUBSCRIBED_WEBHOOK_EVENTS } from '../../tiktok/types';
import type { SqliteStore } from '../../store/sqlite-store';
import { OAUTH_STATE_COOKIE_NAME } from '../state-cookie';

describe('TikTok OAuth routes', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  const start = (headers: Record<string, string> = bearer, body?: string) =>
    fetch(`${h.url}/oauth/tiktok/start`, { method: 'POST', headers, body, redirect: 'manual' });

  /** A Bearer start (a script): its state and the `name=value` of the state cookie it set. */
  async function issued(): Promise<{ state: string; cookie: string }> {
    const response = await start();
    expect(response.status).toBe(303);
    const state = new URL(response.headers.get('location') ?? '').searchParams.get('state') ?? '';
    return { state, cookie: cookieOf(response) };
  }

  const callback = (query: string, cookie?: string) =>
    fetch(`${h.url}/oauth/tiktok/callback?${query}`, {
      headers: { accept: 'application/json', ...(cookie === undefined ? {} : { cookie }) },
    });

  async function sessionCookie(): Promise<string> {
    const login = await fetch(`${h.url}/login`, {
      method: 'POST',
      headers: form,
      body: `token=${encodeURIComponent(ADMIN_TOKEN)}`,
      redirect: 'manual',
    });
    return cookieOf(login);
  }

  /** The CSRF token the status page gives a signed-in browser for its forms. */
  async function csrfOf(session: string): Promise<string> {
    const page = await (
      await fetch(`${h.url}/`, { headers: { cookie: session, accept: 'text/html' } })
    ).text();
    const match = /name="csrf" value="([^"]+)"/.exec(page);
    if (!match?.[1]) throw new Error('the status page has no CSRF token');
    return match[1];
  }

  /** Starts as a signed-in browser does (the Connect form): the state and its cookie. */
  async function browserStart(): Promise<{ state: string; cookie: string; setCookie: string }> {
    const session = await sessionCookie();
    const response = await start(
      { ...form, cookie: session },
      `csrf=${encodeURIComponent(await csrfOf(session))}`,
    );
    expect(response.status).toBe(303);
    const state = new URL(response.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const setCookie = response.headers.get('set-cookie') ?? '';
    return { state, cookie: setCookie.split(';')[0] ?? '', setCookie };
  }

  it('start is admin only', async () => {
    expect((await start({})).status).toBe(401);
    expect((await start({ authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
  });

  it('start is a POST: a GET (a link, an <img> on another site) is refused and issues nothing', async () => {
    const session = await sessionCookie();
    for (const headers of [bearer, { cookie: session }]) {
      const response = await fetch(`${h.url}/oauth/tiktok/start`, { headers, redirect: 'manual' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(response.headers.get('location')).toBeNull();
    }
    expect(
      (h.bridge.store as SqliteStore).db.prepare('SELECT COUNT(*) AS n FROM oauth_states').get(),
    ).toEqual({
      n: 0,
    });
  });

  it('start redirects (303) to the consent page with service_id and a fresh 32-byte hex state', async () => {
    const response = await start();
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(h.config.tiktok.authorizeUrl);
    expect(location.searchParams.get('service_id')).toBe('7123456789012345678');
    expect(location.searchParams.get('state')).toMatch(/^[0-9a-f]{64}$/);
    expect((await issued()).state).not.toBe(location.searchParams.get('state'));
  });

  it("a signed-in browser's start needs the page's CSRF token: another site's form is refused with 403", async () => {
    const session = await sessionCookie();
    const forged = await start({ ...form, cookie: session }, '');
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('CSRF_INVALID');
    const wrong = await start(
      { ...form, cookie: session },
      'csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(wrong.status).toBe(403);
    expect(
      (h.bridge.store as SqliteStore).db.prepare('SELECT COUNT(*) AS n FROM oauth_states').get(),
    ).toEqual({
      n: 0,
    });
    const real = await start(
      { ...form, cookie: session },
      `csrf=${encodeURIComponent(await csrfOf(session))}`,
    );
    expect(real.status).toBe(303);
  });

  describe('state bound to the browser (or script) that started (B5)', () => {
    it('start sets a signed, HttpOnly, SameSite=Lax, Secure, 10-minute cookie on the callback path holding a hash of the state', async () => {
      const { state, cookie, setCookie } = await browserStart();
      expect(cookie.startsWith(`${OAUTH_STATE_COOKIE_NAME}=v1.`)).toBe(true);
      expect(setCookie).toMatch(/; Path=\/oauth\/tiktok\/callback(;|$)/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Lax/);
      expect(setCookie).toMatch(/; Secure/);
      expect(setCookie).toMatch(/; Max-Age=600(;|$)/);
      expect(cookie).not.toContain(state);
      expect(cookie).toContain(createHash('sha256').update(state).digest('base64url'));
      expect(await h.bridge.store.getOAuthStateBinding(state)).toBe('session');
    });

    it('the callback with the matching cookie connects the shop and clears the cookie', async () => {
      const { state, cookie } = await browserStart();
      h.tiktok.validCodes.add('c1');
      const response = await callback(`code=c1&state=${state}`, cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(
        new RegExp(`^${OAUTH_STATE_COOKIE_NAME}=; Path=/oauth/tiktok/callback; Expires=Thu, 01 Jan 1970`),
      );
      expect(h.tiktok.tokenGetCalls).toBe(1);
      expect(await h.bridge.store.getShop(TEST_SHOP.id)).toMatchObject({ state: 'connected' });
    });

    it('no state cookie → 400, 0 token calls; the state is not used up and no cookie is touched', async () => {
      const { state, cookie } = await browserStart();
      h.tiktok.validCodes.add('c1');
      const response = await callback(`code=c1&state=${state}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('OAUTH_STATE_INVALID');
      expect(body.error.message).toMatch(/did not start this authorization/);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(h.tiktok.tokenCalls).toBe(0);
      // The state stays bound to the browser that holds the cookie.
      expect((await callback(`code=c1&state=${state}`, cookie)).status).toBe(200);
    });

    it("another start's cookie (mismatch) → 400, 0 token calls, and that cookie is left in place", async () => {
      const first = await browserStart();
      const second = await browserStart();
      h.tiktok.validCodes.add('c1');
      const response = await callback(`code=c1&state=${first.state}`, second.cookie);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /not the one this browser started last/,
      );
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(h.tiktok.tokenCalls).toBe(0);
      expect((await callback(`code=c1&state=${second.state}`, second.cookie)).status).toBe(200);
    });

    it('a forged callback (a state the attacker saw, no cookie) cannot cancel the flow: not with ?error= either', async () => {
      const { state, cookie } = await browserStart();
      for (const query of [
        `error=auth_denied&state=${state}`,
        `code=evil&state=${state}`,
        'error=access_denied',
      ]) {
        const forged = await callback(query);
        expect([query, forged.status]).toEqual([query, 400]);
        expect(forged.headers.get('set-cookie')).toBeNull();
      }
      expect(h.tiktok.tokenCalls).toBe(0);
      h.tiktok.validCodes.add('c1');
      expect((await callback(`code=c1&state=${state}`, cookie)).status).toBe(200);
    });

    it('a tampered, re-signed, empty or garbled cookie → 400 and 0 token calls', async () => {
      const { state, cookie } = await browserStart();
      const other = createHash('sha256').update(randomBytes(32).toString('hex')).digest('base64url');
      const [prefix, expires, hash, signature] = cookie.split('.');
      const swappedHash = `${prefix}.${expires}.${other}.${signature}`;
      const laterExpiry = `${prefix}.${Number(expires) + 1}.${hash}.${signature}`;
      h.tiktok.validCodes.add('c1');
      for (const forged of [
        swappedHash,
        laterExpiry,
        `${OAUTH_STATE_COOKIE_NAME}=`,
        `${OAUTH_STATE_COOKIE_NAME}=%E0%A4%A`,
        `${OAUTH_STATE_COOKIE_NAME}=${state}`,
      ]) {
        const response = await callback(`code=c1&state=${state}`, forged);
        expect([forged, response.status]).toEqual([forged, 400]);
      }
      expect(h.tiktok.tokenCalls).toBe(0);
    });

    it('the stored state is still single use and expires, with its cookie', async () => {
      const { state, cookie } = await browserStart();
      h.tiktok.validCodes.add('c1');
      h.tiktok.validCodes.add('c2');
      expect((await callback(`code=c1&state=${state}`, cookie)).status).toBe(200);
      const again = await callback(`code=c2&state=${state}`, cookie);
      expect(again.status).toBe(400);
      expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already used/);
      expect(h.tiktok.tokenGetCalls).toBe(1);

      const late = await browserStart();
      h.clock.advance(10 * 60 * 1000 + 1);
      const expired = await callback(`code=c2&state=${late.state}`, late.cookie);
      expect(expired.status).toBe(400);
      expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
      expect(h.tiktok.tokenGetCalls).toBe(1);
    });

    it('a Bearer start is bound too: its consent URL alone cannot be completed; with the cookie it answered, it can', async () => {
      const { state, cookie } = await issued();
      expect(cookie.startsWith(`${OAUTH_STATE_COOKIE_NAME}=v1.`)).toBe(true);
      expect(await h.bridge.store.getOAuthStateBinding(state)).toBe('bearer');
      h.tiktok.validCodes.add('c1');
      const stranger = await callback(`code=c1&state=${state}`);
      expect(stranger.status).toBe(400);
      expect(h.tiktok.tokenCalls).toBe(0);
      expect((await callback(`code=c1&state=${state}`, cookie)).status).toBe(200);
    });

    it('key separation: the state cookie signature is neither a webhook signature nor an admin session', async () => {
      const { cookie } = await browserStart();
      const value = cookie.slice(OAUTH_STATE_COOKIE_NAME.length + 1);
      const parts = value.split('.');
      const payload = parts.slice(0, 3).join('.');
      const signature = Buffer.from(parts[3] ?? '', 'base64url').toString('hex');
      expect(signature).toMatch(/^[0-9a-f]{64}$/);
      const webhook = await rawPost(`${h.url}/webhooks/tiktok`, { authorization: signature }, payload);
      expect(webhook.status).toBe(401);
      expect(await h.bridge.store.countWebhooks()).toBe(0);
      const asSession = `${ADMIN_COOKIE_NAME}=s1.${parts[3] ?? ''}`;
      expect((await fetch(`${h.url}/`, { headers: { cookie: asSession } })).status).toBe(401);
    });
  });

  it('missing state → 400 and 0 token calls', async () => {
    const { cookie } = await issued();
    h.tiktok.validCodes.add('c1');
    const response = await callback('code=c1', cookie);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'OAUTH_STATE_INVALID' } });
    expect(h.tiktok.tokenCalls).toBe(0);
  });

  it('mismatched (never issued) state → 400 and 0 token calls', async () => {
    const { cookie } = await issued();
    h.tiktok.validCodes.add('c1');
    const response = await callback(`code=c1&state=${randomBytes(32).toString('hex')}`, cookie);
    expect(response.status).toBe(400);
    expect(h.tiktok.tokenCalls).toBe(0);
  });

  it('reused state → 400 on the second callback with no second token call', async () => {
    const { state, cookie } = await issued();
    h.tiktok.validCodes.add('c1');
    h.tiktok.validCodes.add('c2');
    expect((await callback(`code=c1&state=${state}`, cookie)).status).toBe(200);
    expect(h.tiktok.tokenGetCalls).toBe(1);
    const again = await callback(`code=c2&state=${state}`, cookie);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already used/);
    expect(h.tiktok.tokenGetCalls).toBe(1);
  });

  it('expired state (older than 10 minutes) → 400 and 0 token calls', async () => {
    const { state, cookie } = await issued();
    h.clock.advance(10 * 60 * 1000 + 1);
    h.tiktok.validCodes.add('c1');
    const response = await callback(`code=c1&state=${state}`, cookie);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    expect(h.tiktok.tokenCalls).toBe(0);
  });

  it('error=auth_denied (with the cookie) shows a page telling to retry as the shop owner, with 0 token calls, and uses the state up', async () => {
    const { state, cookie } = await issued();
    const response = await fetch(
      `${h.url}/oauth/tiktok/callback?code=null&error=auth_denied&state=${state}`,
      { headers: { accept: 'text/html', cookie } },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/shop owner/);
    expect(h.tiktok.tokenCalls).toBe(0);
    expect((await callback(`code=c&state=${state}`, cookie)).status).toBe(400);
  });

  it('a valid callback stores the shop and encrypted tokens, subscribes 7 webhooks and records the shop and its warehouses in NetSuite', async () => {
    const response = await connectViaOAuth(h);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/1 shop\(s\) connected/);
    expect(await h.bridge.store.getShop(TEST_SHOP.id)).toMatchObject({
      name: TEST_SHOP.name,
      region: 'US',
      sellerType: 'LOCAL',
      cipher: TEST_SHOP.cipher,
      state: 'connected',
    });
    const stored = await h.bridge.store.getTokens(TEST_SHOP.id);
    expect(stored?.accessTokenEnc).toMatch(/^v2:/);
    expect((await h.bridge.tiktok.vault.load(TEST_SHOP.id))?.accessToken).toMatch(/^TTP_access_/);
    expect(h.tiktok.subscriptions.map((s) => s.event_type).sort()).toEqual(
      [...SUBSCRIBED_WEBHOOK_EVENTS].sort(),
    );
    expect(new Set(h.tiktok.subscriptions.map((s) => s.address))).toEqual(
      new Set([`${PUBLIC_URL}/webhooks/tiktok`]),
    );
    expect(h.netsuite.shops.get(TEST_SHOP.id)?.shop).toEqual({
      shopId: TEST_SHOP.id,
      name: TEST_SHOP.name,
      region: 'US',
      sellerType: 'LOCAL',
      state: 'connected',
      currency: 'USD',
    });
    expect(h.netsuite.warehouses.get(TEST_SHOP.id)).toEqual(['7000714532876273410']);
  });

  it('sends the heartbeat once the shop is recorded, so the connector home shows the connection at once', async () => {
    expect(h.netsuite.heartbeats).toEqual([]);
    expect((await connectViaOAuth(h)).status).toBe(200);
    expect(h.netsuite.heartbeats).toHaveLength(1);
    expect(h.netsuite.heartbeats[0]!.bridgeUrl).toBe(PUBLIC_URL);
    expect(h.netsuite.heartbeats[0]!.shops).toEqual([
      expect.objectContaining({ shopId: TEST_SHOP.id, connection: 'connected' }),
    ]);
  });

  it('a heartbeat NetSuite refuses after connecting leaves the connection standing', async () => {
    h.netsuite.injectors.push((request) =>
      request.body.includes('"bridge.heartbeat"')
        ? json(500, { error: { code: 'UNEXPECTED_ERROR', message: 'heartbeat down' } })
        : undefined,
    );
    const response = await connectViaOAuth(h);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/1 shop\(s\) connected/);
    expect(h.netsuite.shops.has(TEST_SHOP.id)).toBe(true);
    expect(h.netsuite.heartbeats).toEqual([]);
    expect(h.logs()).toContain('heartbeat after connecting failed');
  });

  it('re-authorizing keeps the data, stores new tokens and reconnects a needs_reauth shop', async () => {
    await connectViaOAuth(h);
    const first = await h.bridge.tiktok.vault.load(TEST_SHOP.id);
    await h.bridge.store.setCursor(TEST_SHOP.id, 'orders.update_time', 123, h.clock.now());
    await h.bridge.store.setShopState(TEST_SHOP.id, 'needs_reauth', 'test', h.clock.now());
    expect((await connectViaOAuth(h)).status).toBe(200);
    const second = await h.bridge.tiktok.vault.load(TEST_SHOP.id);
    expect(second?.accessToken).not.toBe(first?.accessToken);
    expect((await h.bridge.store.getShop(TEST_SHOP.id))?.state).toBe('connected');
    expect((await h.bridge.store.getCursor(TEST_SHOP.id, 'orders.update_time'))?.value).toBe(123);
    expect(await h.bridge.store.listShops()).toHaveLength(1);
    expect(h.netsuite.shops.get(TEST_SHOP.id)?.shopRecordId).toBe('1');
  });

  it('queues the NetSuite shop record when NetSuite is down during connect, and records it later', async () => {
    h.netsuite.injectors.push(() =>
      json(400, { error: { code: 'TTS_INVALID_REQUEST', message: 'not deployed yet' } }),
    );
    const response = await connectViaOAuth(h);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/not deployed yet/);
    expect(await h.bridge.store.listJobs({ kind: 'shop.upsert', state: 'pending' })).toHaveLength(1);
    h.netsuite.injectors.length = 0;
    await h.bridge.runWorkersOnce();
    expect(h.netsuite.shops.has(TEST_SHOP.id)).toBe(true);
  });

  it('two callbacks with the same state at once → exactly one token exchange', async () => {
    const { state, cookie } = await issued();
    h.tiktok.validCodes.add('code-a');
    h.tiktok.validCodes.add('code-b');
    const responses = await Promise.all([
      callback(`code=code-a&state=${state}`, cookie),
      callback(`code=code-b&state=${state}`, cookie),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(h.tiktok.tokenCalls).toBe(1);
  });

  it('a code-0 token response without refresh_token → 502 naming the field, nothing stored', async () => {
    h.tiktok.injectors.push((r) =>
      r.path === '/api/v2/token/get'
        ? json(200, {
            code: 0,
            message: 'success',
            data: { access_token: 'TTP_x', access_token_expire_in: 2e9 },
          })
        : undefined,
    );
    const { state, cookie } = await issued();
    const response = await callback(`code=c1&state=${state}`, cookie);
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('TIKTOK_RESPONSE_INVALID');
    expect(body.error.message).toContain('refresh_token (');
    expect(body.error.message).not.toContain('TTP_x');
    expect(await h.bridge.store.listShops()).toEqual([]);
  });
});
