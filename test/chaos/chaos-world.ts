/**
 * The three parts of the product wired for the chaos run: the TikTok simulator and the NetSuite
 * emulator in this process, the webhook fan-out between them, and the bridge as a child process
 * configured by environment variables, with its SQLite file and logs in a temp dir.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESTLET_DEPLOYMENT_ID, RESTLET_SCRIPT_ID } from '../../shared-types/src/contract/restlet-contract';
import type { DemoAccount } from '../../sandbox/netsuite/src/demo-account';
import { configureDemoShop, seedDemoAccount } from '../../sandbox/netsuite/src/demo-account';
import { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';
import { authorizeThroughOAuth, freePort } from '../../sandbox/src/stack';
import type { TikTokSimulator } from '../../sandbox/tiktok/src';
import { startTikTokSimulator } from '../../sandbox/tiktok/src';
import { assertSuiteAppBuilt, PROJECT_ROOT } from '../support/connector-account';
import { assertBridgeBuilt, BridgeProcess } from './bridge-process';
import type { ChaosPlan } from './chaos-plan';
import { CHAOS_BUNDLES, CHAOS_CATALOG, KNOWN_SKUS } from './chaos-plan';
import { SteppingClock } from './stepping-clock';
import { startWebhookFanout, type WebhookFanout } from './webhook-fanout';

export interface ChaosWorld {
  dir: string;
  sim: TikTokSimulator;
  ns: NetSuiteEmulator;
  /** NetSuite's clock (scheduler, record stamps): the import pump moves it on to make schedules due. */
  clock: SteppingClock;
  account: DemoAccount;
  fanout: WebhookFanout;
  bridge: BridgeProcess;
  bridgeUrl: string;
  adminToken: string;
  dbPath: string;
  /** Connects the simulator's shop through the bridge's OAuth flow and configures it in NetSuite. */
  connectShop(): Promise<string>;
  stop(): Promise<void>;
}

/** `env`: more bridge settings, e.g. a shorter BRIDGE_OUTBOX_INTERVAL_SECONDS (returns-chaos-run.ts). */
export async function startChaosWorld(
  plan: ChaosPlan,
  env: Record<string, string> = {},
): Promise<ChaosWorld> {
  assertSuiteAppBuilt();
  assertBridgeBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-chaos-'));
  const bridgePort = await freePort();
  const bridgeUrl = `http://127.0.0.1:${bridgePort}`;
  const fanout = await startWebhookFanout({
    target: bridgeUrl,
    copies: plan.copiesPerWebhook,
    maxLagMs: plan.copyLagMs,
    seed: plan.seed,
  });
  const sim = await startTikTokSimulator({
    redirectUrl: `${bridgeUrl}/oauth/tiktok/callback`,
    seed: {
      catalog: CHAOS_CATALOG,
      bundles: CHAOS_BUNDLES,
      inventoryPerWarehouse: 1_000_000,
      shops: [{ region: plan.account.shopRegion }],
    },
    randomSeed: plan.seed,
    timeScale: plan.timeScale,
    buyerCancelResponseHours: { US: plan.buyerCancelResponseHours },
  });
  const clock = new SteppingClock();
  const ns = await NetSuiteEmulator.start({
    projectRoot: PROJECT_ROOT,
    profile: plan.account.profile,
    clock,
    concurrencyLimit: plan.netsuite.concurrencyLimit,
    restletLatencyMs: plan.netsuite.restletLatencyMs,
    autoRunTasks: false,
  });
  const account = seedDemoAccount(ns.seed, { skus: [...KNOWN_SKUS], onHand: 1_000_000 });
  const adminToken = randomBytes(24).toString('hex');
  const dbPath = path.join(dir, 'bridge.db');
  const bridgeEnv: Record<string, string> = {
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
    // TikTok's webhooks are subscribed to <public URL>/webhooks/tiktok: the fan-out.
    BRIDGE_PUBLIC_URL: fanout.url,
    BRIDGE_ADMIN_TOKEN: adminToken,
    BRIDGE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    DATABASE_URL: `sqlite:${dbPath}`,
    PORT: String(bridgePort),
    LOG_LEVEL: 'warn',
    ...env,
  };
  const bridge = new BridgeProcess(bridgeEnv, bridgeUrl, path.join(dir, 'bridge.log'));

  const connectShop = async (): Promise<string> => {
    await authorizeThroughOAuth(bridgeUrl, adminToken);
    const shopId = sim.admin.shops()[0]?.id;
    if (!shopId) throw new Error('the simulator has no shop');
    configureDemoShop(ns.seed, ns.store, shopId, account);
    return shopId;
  };

  const stop = async (): Promise<void> => {
    await bridge.stop();
    await fanout.stop();
    await sim.stop();
    await ns.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  return { dir, sim, ns, clock, account, fanout, bridge, bridgeUrl, adminToken, dbPath, connectShop, stop };
}
