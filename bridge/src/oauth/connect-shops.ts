/**
 * After a code exchange: read the shops the grant covers, store each (upsert: re-authorizing keeps
 * every other row) with its tokens encrypted, subscribe its webhooks and record it in NetSuite.
 * If a side effect fails, it is queued as a job and retried by the workers.
 */
import type { Logger } from 'pino';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from '../core/errors';
import type { NetSuiteClient } from '../netsuite/client';
import { pushShopToNetSuite, pushWarehousesToNetSuite, subscribeShopWebhooks } from '../shops/shop-sync';
import type { BridgeStore, ShopRecord } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import type { TokenGrant } from '../tiktok/token-client';
import { grantToShopTokens } from '../tiktok/token-manager';
import type { TokenVault } from '../tiktok/token-vault';
import { shopUpsertJob, shopSubscribeJob, shopWarehousesJob } from '../workers/job-kinds';

export interface ConnectedShop {
  shop: ShopRecord;
  webhooks: 'subscribed' | 'queued';
  netsuite: 'recorded' | 'queued';
  problems: string[];
}

export interface ConnectShopsDeps {
  store: BridgeStore;
  vault: TokenVault;
  tiktok: TikTokClient;
  netsuite: NetSuiteClient;
  clock: Clock;
  publicUrl: string;
  logger: Logger;
}

export async function connectShops(deps: ConnectShopsDeps, grant: TokenGrant): Promise<ConnectedShop[]> {
  const authorized = await deps.tiktok.getAuthorizedShops(grant.accessToken);
  if (authorized.length === 0) {
    throw new BridgeError(
      BRIDGE_ERROR_CODES.BAD_REQUEST,
      'TikTok authorized no shops for this account. Sign in to Seller Central as the shop owner (main account) and connect again.',
    );
  }
  const grantId = grant.openId || authorized.map((s) => s.id).join(',');
  const tokens = grantToShopTokens(grant, grantId, deps.clock.now());
  const stored: ShopRecord[] = [];
  for (const shop of authorized) {
    const now = deps.clock.now();
    const record = await deps.store.upsertShop(
      {
        shopId: shop.id,
        name: shop.name,
        region: shop.region,
        sellerType: shop.sellerType,
        cipher: shop.cipher,
        code: shop.code,
        state: 'connected',
      },
      now,
    );
    await deps.vault.save(shop.id, tokens, now);
    // Work that stopped because the shop needed re-authorization can run again now.
    await deps.store.requeueDeadJobs({ shopId: shop.id }, now);
    stored.push(record);
  }

  const results: ConnectedShop[] = [];
  for (const shop of stored) {
    const result: ConnectedShop = { shop, webhooks: 'subscribed', netsuite: 'recorded', problems: [] };
    try {
      await subscribeShopWebhooks(deps.tiktok, shop.shopId, deps.publicUrl);
    } catch (error) {
      result.webhooks = 'queued';
      result.problems.push(`webhook subscription: ${describeError(error)}`);
      await deps.store.enqueueJob(shopSubscribeJob(shop.shopId, deps.clock.now()), deps.clock.now());
    }
    try {
      await pushShopToNetSuite(deps.store, deps.netsuite, shop.shopId);
    } catch (error) {
      result.netsuite = 'queued';
      result.problems.push(`NetSuite shop record: ${describeError(error)}`);
      await deps.store.enqueueJob(shopUpsertJob(shop.shopId, deps.clock.now()), deps.clock.now());
    }
    if (result.netsuite === 'recorded') {
      try {
        await pushWarehousesToNetSuite(deps.tiktok, deps.netsuite, shop.shopId);
      } catch (error) {
        result.problems.push(`NetSuite warehouses: ${describeError(error)}`);
        await deps.store.enqueueJob(shopWarehousesJob(shop.shopId, deps.clock.now()), deps.clock.now());
      }
    } else {
      await deps.store.enqueueJob(shopWarehousesJob(shop.shopId, deps.clock.now()), deps.clock.now());
    }
    for (const problem of result.problems) {
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'oauth.connect',
        shopId: shop.shopId,
        message: problem,
      });
    }
    deps.logger.info(
      { shopId: shop.shopId, webhooks: result.webhooks, netsuite: result.netsuite },
      'shop connected',
    );
    results.push(result);
  }
  return results;
}
