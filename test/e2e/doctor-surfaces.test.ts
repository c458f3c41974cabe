import { runCli } from '../../bridge/src/cli';
import { checkById, DOCTOR_CHECK_IDS } from '../../shared-types/src/doctor/doctor-checks';
import { HOME_SUITELET_DEPLOYMENT_ID, HOME_SUITELET_ID } from '../../shared-types/src/doctor/connector-home';
import type { SandboxStack } from '../../sandbox/src/stack';
import { startE2eStack } from '../support/e2e-stack';

/**
 * The doctor on its three surfaces (issue #21), over the whole sandbox stack: after the shop is
 * connected through OAuth, the bridge's heartbeat reaches NetSuite; the connector home in NetSuite,
 * the bridge's status page and `npm run bridge -- doctor --json` list the same check ids, in the
 * registry's order (shared-types/src/doctor/doctor-checks.ts); the CLI exits non-zero when a check
 * is broken.
 */
let stack: SandboxStack;

afterEach(async () => {
  await stack?.stop();
});

/** The bridge's environment for the CLI, from the stack's live configuration. */
function cliEnv(): Record<string, string> {
  const c = stack.config;
  return {
    DATABASE_URL: c.databaseUrl,
    BRIDGE_PUBLIC_URL: c.publicUrl,
    BRIDGE_ADMIN_TOKEN: c.adminToken,
    BRIDGE_ENCRYPTION_KEY: c.encryptionKey.toString('base64'),
    TIKTOK_APP_KEY: c.tiktok.appKey,
    TIKTOK_APP_SECRET: c.tiktok.appSecret,
    TIKTOK_SERVICE_ID: c.tiktok.serviceId,
    TIKTOK_API_BASE_URL: c.tiktok.apiBaseUrl,
    TIKTOK_AUTH_BASE_URL: c.tiktok.authBaseUrl,
    TIKTOK_AUTHORIZE_URL: c.tiktok.authorizeUrl,
    NETSUITE_ACCOUNT_ID: c.netsuite.accountId,
    NETSUITE_CONSUMER_KEY: c.netsuite.consumerKey,
    NETSUITE_CONSUMER_SECRET: c.netsuite.consumerSecret,
    NETSUITE_TOKEN_ID: c.netsuite.tokenId,
    NETSUITE_TOKEN_SECRET: c.netsuite.tokenSecret,
    NETSUITE_RESTLET_URL: c.netsuite.restletUrl,
    LOG_LEVEL: 'silent',
  };
}

const idsIn = (html: string, pattern: RegExp): string[] =>
  [...html.matchAll(pattern)]
    .map((m) => m[1]!)
    .filter((id) => (DOCTOR_CHECK_IDS as readonly string[]).includes(id));

describe('the doctor on the connector home, the bridge status page and the CLI', () => {
  it('lists the same check ids in the same order on all three', async () => {
    stack = await startE2eStack('doctor');
    const shopId = await stack.connectShop();
    const beat = await stack.bridge.heartbeatOnce();
    expect(beat).toMatchObject({ ok: true, written: 1, unknownShops: [] });

    const home = await fetch(stack.netsuite.suiteletUrl(HOME_SUITELET_ID, HOME_SUITELET_DEPLOYMENT_ID), {
      headers: { Authorization: `Bearer ${stack.netsuite.uiToken}` },
    }).then((res) => res.text());
    expect(home).toContain(stack.bridgeUrl);
    const homeIds = idsIn(home, /<small>([a-z-]+)<\/small>/g);

    const status = await fetch(`${stack.bridgeUrl}/`, {
      headers: { Authorization: `Bearer ${stack.adminToken}`, Accept: 'text/html' },
    }).then((res) => res.text());
    const statusIds = idsIn(status, /<td>([a-z-]+)<\/td>/g);

    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: () => undefined };
    const code = await runCli(['doctor', '--json'], cliEnv(), io);
    const report = JSON.parse(out.join('\n')) as {
      shops: { shopId: string; findings: { id: string; result: string }[] }[];
      broken: boolean;
    };
    const cliIds = report.shops.find((s) => s.shopId === shopId)!.findings.map((f) => f.id);

    expect(homeIds).toEqual(DOCTOR_CHECK_IDS);
    expect(statusIds).toEqual(DOCTOR_CHECK_IDS);
    expect(cliIds).toEqual(DOCTOR_CHECK_IDS);
    expect(code).toBe(report.broken ? 2 : 0);
    const tiktok = report.shops[0]!.findings.find((f) => f.id === 'tiktok-authorization');
    expect(tiktok?.result).toBe('ok');
  });

  it('`doctor` exits 0 on a healthy shop, 2 with the fix when a setting or the shop breaks, 0 again once repaired', async () => {
    stack = await startE2eStack('doctor-exit');
    const shopId = await stack.connectShop();
    const doctor = async (env: Record<string, string>): Promise<{ code: number; text: string }> => {
      const out: string[] = [];
      const code = await runCli(['doctor'], env, {
        out: (line) => out.push(line),
        err: (line) => out.push(line),
      });
      return { code, text: out.join('\n') };
    };

    const healthy = await doctor(cliEnv());
    expect(healthy.text).not.toContain('[broken]');
    expect(healthy.code).toBe(0);

    // A wrong token secret: NetSuite refuses the bridge's calls.
    const badSecret = await doctor({ ...cliEnv(), NETSUITE_TOKEN_SECRET: 'not-the-secret' });
    expect(badSecret.code).toBe(2);
    expect(badSecret.text).toContain('[broken] netsuite-connection');
    expect(badSecret.text).toContain(`fix: ${checkById('netsuite-connection').fix}`);

    // TikTok revokes the shop's authorization: the shop needs to be connected again.
    await stack.bridge.store.setShopState(shopId, 'needs_reauth', 'refresh token revoked', Date.now());
    const revoked = await doctor(cliEnv());
    expect(revoked.code).toBe(2);
    expect(revoked.text).toContain('[broken] tiktok-authorization');
    expect(revoked.text).toContain(`fix: ${checkById('tiktok-authorization').fix}`);
    expect(revoked.text).not.toContain('[broken] netsuite-connection');

    await stack.bridge.store.setShopState(shopId, 'connected', null, Date.now());
    const repaired = await doctor(cliEnv());
    expect(repaired.text).not.toContain('[broken]');
    expect(repaired.code).toBe(0);
  });
});
