/**
 * The NetSuite emulator running the compiled SuiteApp for integration tests: a seeded demo account,
 * one connected and configured shop, and the RESTlet called over real HTTP with TBA
 * (`startConnectorAccount`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { RESTLET_DEPLOYMENT_ID, RESTLET_SCRIPT_ID } from '../../shared-types/src/contract/restlet-contract';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { DemoAccount } from '../../sandbox/netsuite/src/demo-account';
import { configureDemoShop, seedDemoAccount } from '../../sandbox/netsuite/src/demo-account';
import type { EmulatorStartOptions } from '../../sandbox/netsuite/src/emulator';
import { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';
import { catalogSkus } from './tiktok-order-builder';
import type { RestletResponse } from './signed-restlet';
import { callRestlet } from './signed-restlet';

/** The repository root, from the sources (`test/support`) or from the compiled benchmarks (`dist/test/support`). */
export const REPO_ROOT = path.resolve(
  __dirname,
  __dirname.split(path.sep).includes('dist') ? '../../..' : '../..',
);
export const PROJECT_ROOT = path.join(REPO_ROOT, 'suiteapp/src');
export const IMPORT_SCRIPT = 'customscript_tts_mr_import_orders';
export const IMPORT_DEPLOYMENT = 'customdeploy_tts_mr_import_orders';
export const DEMO_SHOP = {
  shopId: '7494049642642441621',
  name: 'Honeycomb US',
  region: 'US',
  sellerType: 'LOCAL',
  state: 'connected' as const,
  currency: 'USD',
};

/** The emulator with our compiled SuiteApp, a seeded account and one connected, configured shop. */
export interface ConnectorAccount {
  ns: NetSuiteEmulator;
  account: DemoAccount;
  url: string;
  restlet(method: 'GET' | 'POST', body?: unknown): Promise<RestletResponse>;
  upsertOrders(orders: TikTokOrder[]): Promise<RestletResponse[]>;
}

export function assertSuiteAppBuilt(): void {
  const entry = path.join(PROJECT_ROOT, 'FileCabinet/SuiteApps/com.opentts.connector/rl_connector.js');
  if (!fs.existsSync(entry)) {
    throw new Error(
      `The SuiteApp is not built (${entry} is missing). Run \`npm run build\` first; \`npm test\` does.`,
    );
  }
}

export async function startConnectorAccount(
  options: Partial<EmulatorStartOptions> = {},
  shopOverrides: Record<string, unknown> = {},
): Promise<ConnectorAccount> {
  assertSuiteAppBuilt();
  const ns = await NetSuiteEmulator.start({ projectRoot: PROJECT_ROOT, ...options });
  const account = seedDemoAccount(ns.seed, { skus: catalogSkus() });
  const url = ns.restletUrl(RESTLET_SCRIPT_ID, RESTLET_DEPLOYMENT_ID);
  const restlet = (method: 'GET' | 'POST', body?: unknown): Promise<RestletResponse> =>
    callRestlet(ns.credentials, method === 'GET' ? `${url}&action=ping` : url, method, body);
  const shop = await restlet('POST', { action: 'shop.upsert', shop: DEMO_SHOP });
  if (shop.status !== 200) throw new Error(`shop.upsert failed: ${JSON.stringify(shop.body)}`);
  configureDemoShop(ns.seed, ns.store, DEMO_SHOP.shopId, account, shopOverrides);
  const upsertOrders = async (orders: TikTokOrder[]): Promise<RestletResponse[]> => {
    const responses: RestletResponse[] = [];
    for (let i = 0; i < orders.length; i += 50) {
      responses.push(
        await restlet('POST', {
          action: 'orders.upsert',
          shopId: DEMO_SHOP.shopId,
          orders: orders.slice(i, i + 50),
        }),
      );
    }
    return responses;
  };
  return { ns, account, url, restlet, upsertOrders };
}
