import { authorizeOverHttp, call, consentCode, startTestSim, type TestSim } from './helpers';

async function tokenCall(t: TestSim, path: string, params: Record<string, string>) {
  const url = `${t.sim.authBaseUrl}${path}?${new URLSearchParams(params).toString()}`;
  const response = await fetch(url);
  return {
    status: response.status,
    json: (await response.json()) as { code: number; message: string; data: Record<string, unknown> | null },
  };
}

describe('authorization and tokens (TikTok’s authorization guide)', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim({ redirectUrl: 'https://connector.example.com/oauth/callback?x=1' });
  });
  afterEach(() => t.sim.stop());

  const exchange = (code: string) =>
    tokenCall(t, '/api/v2/token/get', {
      app_key: t.sim.app.appKey,
      app_secret: t.sim.app.appSecret,
      auth_code: code,
      grant_type: 'authorized_code',
    });
  const refresh = (refreshToken: string) =>
    tokenCall(t, '/api/v2/token/refresh', {
      app_key: t.sim.app.appKey,
      app_secret: t.sim.app.appSecret,
      refresh_token: refreshToken,
      grant_type: 'refresh_token',
    });

  it('consent page auto-approves and redirects to the configured URL with code and state', async () => {
    const response = await fetch(`${t.sim.authorizeUrl}?service_id=${t.sim.app.serviceId}&state=abc123`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('https://connector.example.com/oauth/callback');
    expect(location.searchParams.get('x')).toBe('1');
    expect(location.searchParams.get('state')).toBe('abc123');
    expect(location.searchParams.get('code')).toMatch(/^ROW_/);
  });

  it('deny=1 or the admin switch redirects with code=null&error=auth_denied', async () => {
    const denied = await fetch(`${t.sim.authorizeUrl}?service_id=${t.sim.app.serviceId}&state=s&deny=1`, {
      redirect: 'manual',
    });
    const location = new URL(denied.headers.get('location') ?? '');
    expect([
      location.searchParams.get('code'),
      location.searchParams.get('error'),
      location.searchParams.get('state'),
    ]).toEqual(['null', 'auth_denied', 's']);
    t.sim.admin.setConsentDenied(true);
    const switched = await fetch(`${t.sim.authorizeUrl}?service_id=${t.sim.app.serviceId}&state=s`, {
      redirect: 'manual',
    });
    expect(new URL(switched.headers.get('location') ?? '').searchParams.get('error')).toBe('auth_denied');
    const wrongService = await fetch(`${t.sim.authorizeUrl}?service_id=123&state=s`, { redirect: 'manual' });
    expect(wrongService.status).toBe(400);
  });

  it('token/get answers the authorization guide’s shape with absolute expiry timestamps', async () => {
    const { json } = await exchange(await consentCode(t, 's'));
    expect(json.code).toBe(0);
    expect(json.message).toBe('success');
    const data = json.data ?? {};
    expect(Object.keys(data).sort()).toEqual(
      [
        'access_token',
        'access_token_expire_in',
        'granted_scopes',
        'open_id',
        'refresh_token',
        'refresh_token_expire_in',
        'seller_base_region',
        'seller_name',
        'user_type',
      ].sort(),
    );
    const now = Math.floor(t.clock.now() / 1000);
    expect(data.access_token_expire_in).toBe(now + 604_800);
    expect(data.refresh_token_expire_in).toBeGreaterThan(now + 604_800);
    expect(data).toMatchObject({ seller_base_region: 'US', user_type: 0 });
    expect(data.granted_scopes).toEqual(expect.arrayContaining(['seller.order.info']));
  });

  it('auth codes are single use', async () => {
    const code = await consentCode(t, 's');
    expect((await exchange(code)).json.code).toBe(0);
    const again = await exchange(code);
    expect([again.json.code, again.json.message, again.json.data]).toEqual([
      36004004,
      'Invalid auth code.',
      null,
    ]);
  });

  it('auth codes expire after 30 minutes on the clock', async () => {
    const fresh = await consentCode(t, 's');
    t.clock.advance(29 * 60_000);
    expect((await exchange(fresh)).json.code).toBe(0);
    const stale = await consentCode(t, 's');
    t.clock.advance(30 * 60_000);
    expect((await exchange(stale)).json.code).toBe(36004004);
  });

  it('checks app_key, app_secret and grant_type', async () => {
    const code = await consentCode(t, 's');
    const base = {
      app_key: t.sim.app.appKey,
      app_secret: t.sim.app.appSecret,
      auth_code: code,
      grant_type: 'authorized_code',
    };
    expect((await tokenCall(t, '/api/v2/token/get', { ...base, app_key: 'x' })).json.code).toBe(36009004);
    expect((await tokenCall(t, '/api/v2/token/get', { ...base, app_secret: 'x' })).json.code).toBe(36009004);
    expect(
      (await tokenCall(t, '/api/v2/token/get', { ...base, grant_type: 'authorization_code' })).json.code,
    ).toBe(36009004);
    expect((await tokenCall(t, '/api/v2/token/get', base)).json.code).toBe(0);
  });

  it('refresh rotates both tokens and revokes the old refresh token', async () => {
    const first = await authorizeOverHttp(t);
    t.clock.advance(3_600_000);
    const { json } = await refresh(first.refresh_token);
    expect(json.code).toBe(0);
    const second = json.data as {
      access_token: string;
      refresh_token: string;
      access_token_expire_in: number;
    };
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token_expire_in).toBe(first.access_token_expire_in + 3600);
    const reused = await refresh(first.refresh_token);
    expect(reused.json.code).toBe(36004005);
    const shops = await call(t, { path: '/authorization/202309/shops', token: second.access_token });
    expect(shops.json.code).toBe(0);
  });

  it('expired access token → 105002; an expired refresh token → 36004001', async () => {
    await t.sim.stop();
    t = await startTestSim({ tokenLifetimeSeconds: 60, refreshTokenLifetimeSeconds: 120 });
    const tokens = await authorizeOverHttp(t);
    t.clock.advance(61_000);
    expect(
      (await call(t, { path: '/authorization/202309/shops', token: tokens.access_token })).json.code,
    ).toBe(105002);
    t.clock.advance(60_000);
    expect((await refresh(tokens.refresh_token)).json.code).toBe(36004001);
  });

  it('admin can expire a shop token and revoke the authorization', async () => {
    const tokens = await authorizeOverHttp(t);
    const shopId = t.sim.admin.shops()[0]?.id ?? '';
    expect(t.sim.admin.expireAccessToken(shopId)).toBe(1);
    expect(
      (await call(t, { path: '/authorization/202309/shops', token: tokens.access_token })).json.code,
    ).toBe(105002);
    const renewed = await refresh(tokens.refresh_token);
    const access = (renewed.json.data as { access_token: string }).access_token;
    expect((await call(t, { path: '/authorization/202309/shops', token: access })).json.code).toBe(0);
    expect(t.sim.admin.revokeAuthorization(shopId)).toBe(1);
    expect((await call(t, { path: '/authorization/202309/shops', token: access })).json.code).toBe(36009004);
    expect((await refresh((renewed.json.data as { refresh_token: string }).refresh_token)).json.code).toBe(
      36004005,
    );
  });

  it('counts token calls', async () => {
    const tokens = await authorizeOverHttp(t);
    expect(t.sim.admin.counters()).toMatchObject({ tokenGet: 1, tokenRefresh: 0 });
    await refresh(tokens.refresh_token);
    expect(t.sim.admin.counters()).toMatchObject({ tokenGet: 1, tokenRefresh: 1 });
    t.sim.admin.issueTokens();
    expect(t.sim.admin.counters().tokenGet).toBe(1);
  });
});
