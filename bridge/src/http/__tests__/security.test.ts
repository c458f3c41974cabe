import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli';
import { ADMIN_TOKEN, cookieOf, startHarness, type Harness } from '../../__tests__/support/harness';
import { SqliteStore } from '../../store/sqlite-store';
import type { BridgeStore } from '../../store/types';

/**
 * Issue #8, findings 3 and 5: the headers of the status page and sign-in, the throttle on sign-in
 * and Bearer attempts, revocable sessions with CSRF-protected forms, and an authenticated, cached
 * `/metrics`.
 */
const METRICS_TOKEN = 'metrics-only-token-0123456789';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('status page and sign-in hardening', () => {
  let h: Harness;

  afterEach(async () => {
    await h.close();
  });

  const signIn = (token = ADMIN_TOKEN, headers: Record<string, string> = {}) =>
    fetch(`${h.url}/login`, {
      method: 'POST',
      headers: { ...form, accept: 'text/html', ...headers },
      body: `token=${encodeURIComponent(token)}`,
      redirect: 'manual',
    });

  async function session(): Promise<{ cookie: string; csrf: string }> {
    const cookie = cookieOf(await signIn());
    const page = await (await fetch(`${h.url}/`, { headers: { cookie, accept: 'text/html' } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
    if (!csrf) throw new Error('no CSRF token on the status page');
    return { cookie, csrf };
  }

  const statusOf = async (cookie: string) => (await fetch(`${h.url}/`, { headers: { cookie } })).status;

  describe('headers', () => {
    beforeEach(async () => {
      h = await startHarness();
    });

    it('every page gets a script-free CSP that allows only its own style (by hash), no framing, nosniff, no referrer, no caching', async () => {
      const { cookie } = await session();
      const pages = [
        await fetch(`${h.url}/`, { headers: { cookie, accept: 'text/html' } }),
        await fetch(`${h.url}/`, { headers: { accept: 'text/html' } }),
        await fetch(`${h.url}/oauth/tiktok/callback?state=x`, { headers: { accept: 'text/html' } }),
      ];
      expect(pages.map((p) => p.status)).toEqual([200, 401, 400]);
      for (const page of pages) {
        const html = await page.text();
        const csp = page.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain(`form-action 'self' ${new URL(h.config.tiktok.authorizeUrl).origin}`);
        expect(csp).not.toMatch(/script-src|unsafe-inline/);
        const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
        expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
        expect(html).not.toMatch(/<script|\son[a-z]+=/i);
        expect(page.headers.get('x-content-type-options')).toBe('nosniff');
        expect(page.headers.get('x-frame-options')).toBe('DENY');
        expect(page.headers.get('referrer-policy')).toBe('no-referrer');
        expect(page.headers.get('cache-control')).toBe('no-store');
      }
    });
  });

  describe('throttled sign-in and Bearer attempts', () => {
    beforeEach(async () => {
      h = await startHarness(
        {},
        { config: { authMaxFailures: 3, authWindowSeconds: 60, trustProxy: 'loopback' } },
      );
    });

    it('after 3 wrong tokens from an address, sign-in answers 429 with Retry-After — the right token too — until the window ends', async () => {
      const client = { 'x-forwarded-for': '203.0.113.5' };
      for (let i = 0; i < 3; i += 1)
        expect((await signIn('wrong-token-0123456789', client)).status).toBe(401);
      const refused = await fetch(`${h.url}/login`, {
        method: 'POST',
        headers: { ...form, ...client, accept: 'application/json' },
        body: `token=${encodeURIComponent(ADMIN_TOKEN)}`,
        redirect: 'manual',
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(await refused.json()).toEqual({
        error: {
          code: 'TOO_MANY_ATTEMPTS',
          message:
            'Too many failed sign-in attempts from this address; try again in 60 seconds with the value of BRIDGE_ADMIN_TOKEN.',
        },
      });
      // Another address is not affected.
      expect((await signIn(ADMIN_TOKEN, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(303);
      h.clock.advance(30_000);
      expect((await signIn(ADMIN_TOKEN, client)).headers.get('retry-after')).toBe('30');
      h.clock.advance(30_001);
      expect((await signIn(ADMIN_TOKEN, client)).status).toBe(303);
    });

    it('wrong Bearer tokens count too: then every Bearer request from that address is refused with 429', async () => {
      const client = { 'x-forwarded-for': '198.51.100.7' };
      for (let i = 0; i < 3; i += 1) {
        const r = await fetch(`${h.url}/`, {
          headers: { ...client, authorization: 'Bearer guess-0123456789abcdef' },
        });
        expect(r.status).toBe(401);
      }
      for (const path of ['/', '/metrics', '/readyz']) {
        const r = await fetch(`${h.url}${path}`, {
          headers: { ...client, authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        expect([path, r.status, r.headers.get('retry-after')]).toEqual([path, 429, '60']);
      }
      expect((await fetch(`${h.url}/healthz`, { headers: client })).status).toBe(200);
    });
  });

  it('without BRIDGE_TRUST_PROXY a forged X-Forwarded-For does not escape the throttle', async () => {
    h = await startHarness({}, { config: { authMaxFailures: 2, authWindowSeconds: 60 } });
    for (let i = 0; i < 2; i += 1) {
      expect((await signIn('wrong-token-0123456789', { 'x-forwarded-for': `192.0.2.${i}` })).status).toBe(
        401,
      );
    }
    expect((await signIn(ADMIN_TOKEN, { 'x-forwarded-for': '192.0.2.99' })).status).toBe(429);
  });

  describe('revocable sessions and CSRF-protected forms', () => {
    beforeEach(async () => {
      h = await startHarness();
    });

    it('signing out revokes the session on the server: a copy of the cookie no longer opens the page', async () => {
      const { cookie, csrf } = await session();
      expect(await statusOf(cookie)).toBe(200);
      const out = await fetch(`${h.url}/logout`, {
        method: 'POST',
        headers: { ...form, cookie },
        body: `csrf=${encodeURIComponent(csrf)}`,
        redirect: 'manual',
      });
      expect(out.status).toBe(303);
      expect(out.headers.get('set-cookie')).toMatch(/^tts_bridge_admin=; Path=\/; Expires=Thu, 01 Jan 1970/);
      expect(await statusOf(cookie)).toBe(401);
    });

    it('a sign-out posted by another site (no CSRF token) is refused and the session stays', async () => {
      const { cookie } = await session();
      const forged = await fetch(`${h.url}/logout`, {
        method: 'POST',
        headers: { ...form, cookie, accept: 'application/json' },
        body: '',
        redirect: 'manual',
      });
      expect(forged.status).toBe(403);
      expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('CSRF_INVALID');
      expect(await statusOf(cookie)).toBe(200);
    });

    it('"Sign out everywhere" revokes every session', async () => {
      const first = await session();
      const second = await session();
      const everywhere = await fetch(`${h.url}/logout/all`, {
        method: 'POST',
        headers: { ...form, cookie: second.cookie },
        body: `csrf=${encodeURIComponent(second.csrf)}`,
        redirect: 'manual',
      });
      expect(everywhere.status).toBe(303);
      expect(await statusOf(first.cookie)).toBe(401);
      expect(await statusOf(second.cookie)).toBe(401);
      const crossSite = await fetch(`${h.url}/logout/all`, {
        method: 'POST',
        headers: { ...form, cookie: (await session()).cookie },
        body: `csrf=${encodeURIComponent(first.csrf)}`,
        redirect: 'manual',
      });
      expect(crossSite.status).toBe(403);
    });

    it('`bridge revoke-sessions` signs every browser out', async () => {
      const { cookie } = await session();
      const out: string[] = [];
      const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
      expect(await runCli(['revoke-sessions'], { DATABASE_URL: `sqlite:${h.dbPath}` }, io)).toBe(0);
      expect(out).toEqual(['1 status-page session(s) revoked; every browser must sign in again.']);
      expect(await statusOf(cookie)).toBe(401);
    });

    it('a changed admin token ends every session', async () => {
      const { cookie } = await session();
      const url = h.url;
      await h.close();
      h = await startHarness({}, { config: { adminToken: 'a-brand-new-admin-token-0123' } });
      expect(url).not.toBe('');
      expect(await statusOf(cookie)).toBe(401);
    });
  });
});

describe('/metrics', () => {
  let h: Harness;
  let dir: string;
  let depthQueries: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-metrics-'));
    depthQueries = 0;
    const real = new SqliteStore(join(dir, 'store.db'));
    // The real store, with its queue-depth query counted.
    const counted = new Proxy(real, {
      get(target, property) {
        if (property === 'queueDepths') {
          return async () => {
            depthQueries += 1;
            return target.queueDepths();
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    }) as BridgeStore;
    h = await startHarness(
      { store: counted, metricsCacheMs: 15_000 },
      { config: { metricsToken: METRICS_TOKEN } },
    );
  });

  afterEach(async () => {
    await h.close();
    await h.bridge.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const scrape = (headers: Record<string, string> = {}) => fetch(`${h.url}/metrics`, { headers });

  it('needs the metrics token or an admin credential; the metrics token opens nothing else', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ authorization: 'Bearer not-the-token-0123456789' })).status).toBe(401);
    expect((await scrape({ authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(200);
    expect((await scrape({ authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(200);
    expect((await fetch(`${h.url}/`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(
      401,
    );
    const start = await fetch(`${h.url}/oauth/tiktok/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      redirect: 'manual',
    });
    expect(start.status).toBe(401);
  });

  it('does not query the store per scrape: queue depths come from a snapshot at most 15 s old', async () => {
    const auth = { authorization: `Bearer ${METRICS_TOKEN}` };
    for (let i = 0; i < 5; i += 1) expect((await scrape(auth)).status).toBe(200);
    expect(depthQueries).toBe(1);
    h.clock.advance(15_001);
    const text = await (await scrape(auth)).text();
    expect(text).toMatch(/# TYPE tts_bridge_jobs gauge/);
    expect(depthQueries).toBe(2);
  });
});
