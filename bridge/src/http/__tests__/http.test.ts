import { createHmac } from 'node:crypto';
import {
  ADMIN_TOKEN,
  connectViaOAuth,
  rawPost,
  startHarness,
  TT_APP,
  type Harness,
} from '../../__tests__/support/harness';
import { json } from '../../__tests__/support/test-server';
import { ADMIN_COOKIE_NAME } from '../admin-auth';

describe('HTTP surface: health, metrics, status page, admin auth', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ netsuitePingTtlMs: 60_000 });
  });

  afterEach(async () => {
    await h.close();
  });

  async function signIn(token = ADMIN_TOKEN): Promise<Response> {
    return fetch(`${h.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(token)}`,
      redirect: 'manual',
    });
  }

  it('/healthz answers while the process is up', async () => {
    const response = await fetch(`${h.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('/readyz checks the store and caches the NetSuite ping', async () => {
    const first = await fetch(`${h.url}/readyz`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, store: { ok: true }, netsuite: { ok: true } });
    await fetch(`${h.url}/readyz`);
    expect(h.netsuite.server.requests).toHaveLength(1);
    h.netsuite.injectors.push(() => json(400, { error: { code: 'TTS_UNKNOWN_ACTION', message: 'x' } }));
    h.clock.advance(60_001);
    const third = (await (
      await fetch(`${h.url}/readyz`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json()) as {
      netsuite: { ok: boolean; error: string };
    };
    expect(third.netsuite.ok).toBe(false);
    expect(third.netsuite.error).toMatch(/TTS_UNKNOWN_ACTION/);
  });

  it("/readyz tells the public only whether each part is ok, never NetSuite's error text", async () => {
    h.netsuite.injectors.push(() =>
      json(500, {
        error: { code: 'UNEXPECTED_ERROR', message: 'internal detail: host ns-prod-7, role 1042' },
      }),
    );
    const response = await fetch(`${h.url}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { netsuite: Record<string, unknown> };
    expect(body).toEqual({
      ok: true,
      store: { ok: true },
      netsuite: { ok: false, checkedAt: expect.any(String) },
    });
    expect(JSON.stringify(body)).not.toMatch(/UNEXPECTED_ERROR|internal detail/);
  });

  it('/readyz answers 503 while the bridge drains for a shutdown; every other route still serves', async () => {
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
    await h.bridge.drain(0);
    const response = await fetch(`${h.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, draining: true, store: { ok: true } });
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it('/readyz waits for a slow NetSuite ping only briefly, then answers the last result marked checking', async () => {
    const slow = await startHarness({ netsuitePingTtlMs: 60_000, readyzNetsuiteWaitMs: 100 });
    try {
      slow.netsuite.latencyMs = 3000;
      const started = Date.now();
      const first = await fetch(`${slow.url}/readyz`);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({
        ok: true,
        store: { ok: true },
        netsuite: { ok: false, checkedAt: null, checking: true },
      });
      // A second check while the ping is still in flight starts no other ping.
      await fetch(`${slow.url}/readyz`);
      // Once the ping has finished, its result is answered (no further ping within the TTL).
      let later = { netsuite: {} as Record<string, unknown> };
      for (let i = 0; i < 100 && later.netsuite.ok !== true; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        later = (await (await fetch(`${slow.url}/readyz`)).json()) as typeof later;
      }
      expect(later.netsuite).toEqual({ ok: true, checkedAt: expect.any(String) });
      expect(slow.netsuite.server.requests).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('/readyz answers 503 when the store is unreachable', async () => {
    await h.bridge.store.close();
    const response = await fetch(`${h.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, store: { ok: false } });
  });

  it('/metrics exposes webhook, job, TikTok, NetSuite and token metrics', async () => {
    await connectViaOAuth(h);
    await rawPost(`${h.url}/webhooks/tiktok`, { authorization: 'bad' }, '{}');
    const text = await (
      await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).text();
    expect(text).toMatch(/tts_bridge_webhooks_received_total 1/);
    expect(text).toMatch(/tts_bridge_webhooks_rejected_total\{reason="malformed_signature"\} 1/);
    expect(text).toMatch(/tts_bridge_tiktok_calls_total\{endpoint="event\.webhook\.update",code="0"\} 10/);
    expect(text).toMatch(/tts_bridge_tiktok_token_calls_total\{grant_type="authorized_code",outcome="0"\} 1/);
    expect(text).toMatch(/tts_bridge_netsuite_calls_total\{action="shop\.upsert",status="200"\} 1/);
    expect(text).toMatch(/tts_bridge_token_refreshes_total/);
    expect(text).toMatch(/tts_bridge_job_duration_seconds/);
    expect(text).toMatch(/# TYPE tts_bridge_jobs gauge/);
  });

  it('the status page shows a sign-in form to strangers', async () => {
    const response = await fetch(`${h.url}/`);
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toMatch(/action="\/login"/);
    expect(html).not.toMatch(/Connect TikTok Shop/);
  });

  it('signing in sets an HttpOnly SameSite=Lax cookie that opens the status page', async () => {
    expect((await signIn('wrong-token-0123456789')).status).toBe(401);
    const login = await signIn();
    expect(login.status).toBe(303);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${ADMIN_COOKIE_NAME}=s1\\.[\\w-]{43};`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Secure/);
    const cookie = setCookie.split(';')[0] ?? '';
    await connectViaOAuth(h);
    const page = await fetch(`${h.url}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/Connect TikTok Shop/);
    expect(html).toMatch(/Maker Mugs/);
    expect(html).toMatch(/connected/);
  });

  it('refuses a forged, expired or differently keyed session cookie', async () => {
    const cookie = ((await signIn()).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const id = cookie.slice(`${ADMIN_COOKIE_NAME}=s1.`.length);
    expect((await fetch(`${h.url}/`, { headers: { cookie } })).status).toBe(200);
    const flipped = `${ADMIN_COOKIE_NAME}=s1.${id.startsWith('A') ? 'B' : 'A'}${id.slice(1)}`;
    expect((await fetch(`${h.url}/`, { headers: { cookie: flipped } })).status).toBe(401);
    const signed = createHmac('sha256', ADMIN_TOKEN).update('v1.9999999999999').digest('base64url');
    expect(
      (await fetch(`${h.url}/`, { headers: { cookie: `${ADMIN_COOKIE_NAME}=v1.9999999999999.${signed}` } }))
        .status,
    ).toBe(401);
    const webhookKeySig = createHmac('sha256', TT_APP.appSecret).update(id).digest('base64url');
    expect(
      (await fetch(`${h.url}/`, { headers: { cookie: `${ADMIN_COOKIE_NAME}=s1.${webhookKeySig}` } })).status,
    ).toBe(401);
    h.clock.advance(12 * 3600 * 1000 + 1);
    expect((await fetch(`${h.url}/`, { headers: { cookie } })).status).toBe(401);
  });

  it('a session cookie replayed as a webhook signature is refused', async () => {
    const cookie = ((await signIn()).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const signature = Buffer.from(cookie.split('.')[1] ?? '', 'base64url').toString('hex');
    const response = await rawPost(`${h.url}/webhooks/tiktok`, { authorization: signature }, 'v1.0');
    expect(response.status).toBe(401);
    expect(await h.bridge.store.countWebhooks()).toBe(0);
  });

  it('a cookie that is not valid percent-encoding counts as signed out (401 sign-in page, not 500)', async () => {
    const response = await fetch(`${h.url}/`, { headers: { cookie: `${ADMIN_COOKIE_NAME}=%E0%A4%A` } });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/action="\/login"/);
  });

  describe('a malformed sign-in form gets the sign-in page with a clear message', () => {
    const post = (headers: Record<string, string>, body: string | Buffer) =>
      fetch(`${h.url}/login`, {
        method: 'POST',
        headers: { accept: 'text/html', ...headers },
        body,
        redirect: 'manual',
      });
    const form = { 'content-type': 'application/x-www-form-urlencoded' };

    it.each([
      ['no token field', form, 'other=1', /token \(Invalid input: expected string, received undefined\)/],
      ['an empty token', form, 'token=', /token \(the admin token is empty\)/],
      [
        'the token sent twice',
        form,
        `token=${ADMIN_TOKEN}&token=${ADMIN_TOKEN}`,
        /token \(Invalid input: expected string, received array\)/,
      ],
      ['an empty body', form, '', /token \(Invalid input: expected string/],
      [
        'a JSON body',
        { 'content-type': 'application/json' },
        `{"token":"${ADMIN_TOKEN}"}`,
        /sign-in form is invalid/,
      ],
      [
        'an unsupported charset',
        { 'content-type': 'application/x-www-form-urlencoded; charset=klingon' },
        `token=${ADMIN_TOKEN}`,
        /could not be read/,
      ],
      [
        'a body that is not the gzip it claims',
        { ...form, 'content-encoding': 'gzip' },
        `token=${ADMIN_TOKEN}`,
        /could not be read/,
      ],
      [
        'too many fields',
        form,
        Array.from({ length: 50 }, (_, i) => `f${i}=1`).join('&'),
        /could not be read/,
      ],
    ])('%s → 400', async (_name, headers, body, message) => {
      const response = await post(headers, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('set-cookie')).toBeNull();
      const html = await response.text();
      expect(html).toMatch(/action="\/login"/);
      expect(html).toMatch(message);
      expect(html).toMatch(/BRIDGE_ADMIN_TOKEN/);
      expect(html).not.toContain(ADMIN_TOKEN);
    });

    it('a body over 8 KB → 413 with the sign-in page', async () => {
      const response = await post(form, `token=${'x'.repeat(9000)}`);
      expect(response.status).toBe(413);
      const html = await response.text();
      expect(html).toMatch(/action="\/login"/);
      expect(html).toMatch(/larger than the bridge accepts/);
    });
  });

  it('accepts the Bearer token and answers JSON when asked', async () => {
    const response = await fetch(`${h.url}/`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ shops: [], queue: [], deadLetters: [], recentErrors: [] });
  });

  it('maps unknown routes to one JSON error shape', async () => {
    const response = await fetch(`${h.url}/nope`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /nope.' },
    });
  });
});
