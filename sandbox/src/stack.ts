/**
 * The whole product on one machine, wired over real HTTP: the TikTok Shop simulator, the NetSuite
 * emulator running our compiled SuiteApp, and the bridge between them with TikTok OAuth, signed
 * webhooks, signed API calls and TBA-signed RESTlet calls. `npm start` (sandbox mode), the
 * end-to-end tests and the benchmarks all start it.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Bridge, BridgeDeps } from '../../bridge/src/bridge';
import { createBridge, isWildcardAddress } from '../../bridge/src/bridge';
import type { LiveConfig, LogLevel } from '../../bridge/src/config';
import { RESTLET_DEPLOYMENT_ID, RESTLET_SCRIPT_ID } from '../../shared-types/src/contract/restlet-contract';
import type { DemoAccount } from '../netsuite/src/demo-account';
import { configureDemoShop, seedDemoAccount } from '../netsuite/src/demo-account';
import type { EmulatorStartOptions } from '../netsuite/src/emulator';
import { NetSuiteEmulator } from '../netsuite/src/emulator';
import type { TikTokSimulator, TikTokSimulatorOptions } from '../tiktok/src';
import { startTikTokSimulator } from '../tiktok/src';
import { suiteAppProject } from './paths';

/** The bridge settings a sandbox takes from the environment (sandbox/src/sandbox-settings.ts). */
export type SandboxBridgeConfig = Partial<
  Pick<
    LiveConfig,
    | 'adminToken'
    | 'encryptionKey'
    | 'previousEncryptionKeys'
    | 'host'
    | 'metricsToken'
    | 'authMaxFailures'
    | 'authWindowSeconds'
    | 'trustProxy'
    | 'outboxIntervalSeconds'
    | 'sqliteSynchronous'
    | 'inventoryIntervalSeconds'
    | 'warehouseRefreshMinutes'
    | 'inventoryReserveMarginSeconds'
    | 'alertWebhookUrl'
  >
>;

export interface SandboxStackOptions {
  /** Bridge port (0: a free one). */
  bridgePort?: number;
  /** Bridge store, e.g. `sqlite:/tmp/x/bridge.db` (default: a fresh in-memory SQLite database). */
  bridgeDatabaseUrl?: string;
  logLevel?: LogLevel;
  simulator?: TikTokSimulatorOptions;
  netsuite?: Partial<EmulatorStartOptions>;
  bridgeDeps?: BridgeDeps;
  /** Settings the sandbox takes from the environment (admin token, HOST, throttling, metrics token). */
  bridgeConfig?: SandboxBridgeConfig;
}

export interface SandboxStack {
  simulator: TikTokSimulator;
  netsuite: NetSuiteEmulator;
  account: DemoAccount;
  bridge: Bridge;
  bridgeUrl: string;
  adminToken: string;
  config: LiveConfig;
  /** Connects the simulator's first shop through the real OAuth flow and configures it in NetSuite. */
  connectShop(): Promise<string>;
  stop(): Promise<void>;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function follow(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers });
}

/**
 * Authorizes the simulator's shop with the bridge at `bridgeUrl` through the real OAuth flow, as a
 * script would: a Bearer start (a POST) answers with the consent page and the state cookie the
 * callback needs, the simulator's consent page approves, the callback stores the shop. Throws naming
 * the step that answered otherwise.
 */
export async function authorizeThroughOAuth(bridgeUrl: string, adminToken: string): Promise<void> {
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
}

export async function startSandboxStack(options: SandboxStackOptions = {}): Promise<SandboxStack> {
  const host = options.bridgeConfig?.host ?? '127.0.0.1';
  const reachAt = isWildcardAddress(host) ? '127.0.0.1' : host;
  const bridgePort = options.bridgePort || (await freePort(reachAt));
  const bridgeUrl = reachAt.includes(':')
    ? `http://[${reachAt}]:${bridgePort}`
    : `http://${reachAt}:${bridgePort}`;
  const simulator = await startTikTokSimulator({
    redirectUrl: `${bridgeUrl}/oauth/tiktok/callback`,
    ...options.simulator,
  });
  let netsuite: NetSuiteEmulator | undefined;
  let bridge: Bridge | undefined;
  try {
    netsuite = await NetSuiteEmulator.start({ projectRoot: suiteAppProject(), ...options.netsuite });
    const started = await startBridgeFor(simulator, netsuite, bridgeUrl, bridgePort, options);
    bridge = started.bridge;
    return assemble(simulator, netsuite, started, bridgeUrl);
  } catch (e) {
    await bridge?.stop();
    await netsuite?.stop();
    await simulator.stop();
    throw e;
  }
}

interface StartedBridge {
  bridge: Bridge;
  account: DemoAccount;
  adminToken: string;
  config: LiveConfig;
}

async function startBridgeFor(
  simulator: TikTokSimulator,
  netsuite: NetSuiteEmulator,
  bridgeUrl: string,
  bridgePort: number,
  options: SandboxStackOptions,
): Promise<StartedBridge> {
  const skus = [...simulator.state.shops.values()].flatMap((shop) =>
    simulator.state.productsOf(shop.id).flatMap((product) => product.skus.map((sku) => sku.sellerSku)),
  );
  const account = seedDemoAccount(netsuite.seed, { skus: [...new Set(skus)] });
  const adminToken = options.bridgeConfig?.adminToken ?? randomBytes(24).toString('hex');
  const config: LiveConfig = {
    mode: 'live',
    tiktok: {
      appKey: simulator.app.appKey,
      appSecret: simulator.app.appSecret,
      serviceId: simulator.app.serviceId,
      apiBaseUrl: simulator.apiBaseUrl,
      authBaseUrl: simulator.authBaseUrl,
      authorizeUrl: simulator.authorizeUrl,
    },
    netsuite: {
      accountId: netsuite.accountId,
      consumerKey: netsuite.credentials.consumerKey,
      consumerSecret: netsuite.credentials.consumerSecret,
      tokenId: netsuite.credentials.tokenId,
      tokenSecret: netsuite.credentials.tokenSecret,
      restletUrl: netsuite.restletUrl(RESTLET_SCRIPT_ID, RESTLET_DEPLOYMENT_ID),
    },
    publicUrl: bridgeUrl,
    adminToken,
    encryptionKey: randomBytes(32),
    databaseUrl: options.bridgeDatabaseUrl ?? 'sqlite::memory:',
    port: bridgePort,
    host: '127.0.0.1',
    logLevel: options.logLevel ?? 'silent',
    authMaxFailures: 10,
    authWindowSeconds: 300,
    ...options.bridgeConfig,
  };
  const bridge = createBridge(config, options.bridgeDeps);
  await bridge.start(bridgePort);
  return { bridge, account, adminToken, config };
}

function assemble(
  simulator: TikTokSimulator,
  netsuite: NetSuiteEmulator,
  { bridge, account, adminToken, config }: StartedBridge,
  bridgeUrl: string,
): SandboxStack {
  const connectShop = async (): Promise<string> => {
    await authorizeThroughOAuth(bridgeUrl, adminToken);
    const shopId = [...simulator.state.shops.values()][0].id;
    configureDemoShop(netsuite.seed, netsuite.store, shopId, account);
    return shopId;
  };

  const stop = async (): Promise<void> => {
    await bridge.stop();
    await simulator.stop();
    await netsuite.stop();
  };

  return { simulator, netsuite, account, bridge, bridgeUrl, adminToken, config, connectShop, stop };
}
