/**
 * The bridge as production runs it (`node dist/bridge/src/cli.js serve`, a child process that
 * `bridge.kill()` SIGKILLs and `bridge.start()` starts again on the same SQLite file), with the TikTok
 * simulator (webhooks straight to the bridge) and the NetSuite emulator running the SuiteApp in this
 * process. For the issue #15 runs that cross a SIGKILL (test/e2e/shipments-sigkill.test.ts,
 * test/bench/fulfillments-ii-runs.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESTLET_DEPLOYMENT_ID, RESTLET_SCRIPT_ID } from '../../shared-types/src/contract/restlet-contract';
import type { DemoAccount } from '../../sandbox/netsuite/src/demo-account';
import { configureDemoShop, seedDemoAccount } from '../../sandbox/netsuite/src/demo-account';
import { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';
import { freePort } from '../../sandbox/src/stack';
import type { TikTokSimulator } from '../../sandbox/tiktok/src';
import { startTikTokSimulator } from '../../sandbox/tiktok/src';
import { assertBridgeBuilt, BridgeProcess } from '../chaos/bridge-process';
import { assertSuiteAppBuilt, PROJECT_ROOT } from './connector-account';

export interface ProcessWorld {
  dir: string;
  sim: TikTokSimulator;
  ns: NetSuiteEmulator;
  account: DemoAccount;
  bridge: BridgeProcess;
  /** Connects the simulator's shop through the bridge's OAuth flow and configures it in NetSuite. */
  connectShop(shopSettings?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

async function follow(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers });
}

export async function startProcessWorld(
  options: {
    region?: string;
    /** BRIDGE_JOB_LEASE_SECONDS: after a SIGKILL, the jobs the dead process held (and the next job of
     * each of their keys) wait this long before the restarted bridge takes them over. */
    jobLeaseSeconds?: number;
  } = {},
): Promise<ProcessWorld> {
  assertSuiteAppBuilt();
  assertBridgeBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-process-'));
  const bridgePort = await freePort();
  const bridgeUrl = `http://127.0.0.1:${bridgePort}`;
  const sim = await startTikTokSimulator({
    redirectUrl: `${bridgeUrl}/oauth/tiktok/callback`,
    seed: { shops: [{ region: options.region ?? 'US' }], inventoryPerWarehouse: 1_000_000 },
    randomSeed: 15,
  });
  const ns = await NetSuiteEmulator.start({ projectRoot: PROJECT_ROOT, autoRunTasks: true });
  const skus = [...sim.state.shops.values()].flatMap((shop) =>
    sim.state.productsOf(shop.id).flatMap((product) => product.skus.map((sku) => sku.sellerSku)),
  );
  const account = seedDemoAccount(ns.seed, { skus: [...new Set(skus)], onHand: 1_000_000 });
  const adminToken = randomBytes(24).toString('hex');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    TIKTOK_APP_KEY: sim.app.appKey,
    TIKTOK_APP_SECRET: sim.app.appSecret,
    TIKTOK_SERVICE_ID: sim.app.serviceId,
    TIKTOK_API_BASE_URL: sim.apiBaseUrl,
    TIKTOK_AUTH_BASE_URL: sim.authBaseUrl,
    TIKTOK_AUTHORIZE_URL: sim.authorizeUrl,
    NETSUITE_ACCOUNT_ID: ns.accountId,
    NETSUITE_CONSUMER_KEY: ns.credentials.consumerKey,
    NETSUITE_CONSUMER_SECRET: ns.credentials.consumerSecret,
    NETSUITE_TOKEN_ID: ns.credentials.tokenId,
    NETSUITE_TOKEN_SECRET: ns.credentials.tokenSecret,
    NETSUITE_RESTLET_URL: ns.restletUrl(RESTLET_SCRIPT_ID, RESTLET_DEPLOYMENT_ID),
    BRIDGE_PUBLIC_URL: bridgeUrl,
    BRIDGE_ADMIN_TOKEN: adminToken,
    BRIDGE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    BRIDGE_OUTBOX_INTERVAL_SECONDS: '1',
    DATABASE_URL: `sqlite:${path.join(dir, 'bridge.db')}`,
    PORT: String(bridgePort),
    LOG_LEVEL: 'warn',
    ...(options.jobLeaseSeconds === undefined
      ? {}
      : { BRIDGE_JOB_LEASE_SECONDS: String(options.jobLeaseSeconds) }),
  };
  const bridge = new BridgeProcess(env, bridgeUrl, path.join(dir, 'bridge.log'));

  const connectShop = async (shopSettings: Record<string, unknown> = {}): Promise<string> => {
    const start = await fetch(`${bridgeUrl}/oauth/tiktok/start`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    const consent = start.headers.get('location');
    if (start.status !== 303 || !consent) throw new Error(`OAuth start answered ${start.status}`);
    const stateCookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const approved = await follow(consent);
    const callback = approved.headers.get('location');
    if (approved.status !== 302 || !callback) throw new Error(`Consent page answered ${approved.status}`);
    const done = await follow(callback, { cookie: stateCookie });
    if (done.status !== 200) throw new Error(`OAuth callback answered ${done.status}: ${await done.text()}`);
    const shopId = sim.admin.shops()[0]?.id;
    if (!shopId) throw new Error('the simulator has no shop');
    // The shop record reaches NetSuite through the bridge's shop.upsert job.
    const deadline = Date.now() + 20_000;
    while (!ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`)) {
      if (Date.now() > deadline) throw new Error('the shop never reached NetSuite');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    configureDemoShop(ns.seed, ns.store, shopId, account, shopSettings);
    return shopId;
  };

  const stop = async (): Promise<void> => {
    await bridge.stop();
    await sim.stop();
    await ns.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  return { dir, sim, ns, account, bridge, connectShop, stop };
}

/** Waits until `done()` holds, polling every 200 ms (the clock of this process, for test runs). */
export async function waitUntil(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
