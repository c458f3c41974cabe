/**
 * One-at-a-time shop jobs: deauthorization, expiry warning, NetSuite shop record, webhook
 * subscriptions, TikTok warehouses in NetSuite.
 */
import type { Logger } from 'pino';
import type { Clock } from '../../../shared-types/src/time/clock';
import type { NetSuiteClient } from '../netsuite/client';
import { withShopInNetSuite } from '../netsuite/connector-reactions';
import { pushShopToNetSuite, pushWarehousesToNetSuite, subscribeShopWebhooks } from '../shops/shop-sync';
import type { BridgeStore, JobRecord } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import type { TokenManager } from '../tiktok/token-manager';
import type { JobHandler } from './job-runner';
import { JOB_KINDS, type DeauthorizationPayload, type JobKind, type ShopPayload } from './job-kinds';

export interface ShopHandlerDeps {
  store: BridgeStore;
  tiktok: TikTokClient;
  netsuite: NetSuiteClient;
  tokens: TokenManager;
  clock: Clock;
  publicUrl: string;
  logger?: Logger;
}

/**
 * True when a deauthorization stamped `eventTimeSec` (TikTok's Unix seconds) concerns the shop's
 * current authorization, granted at `authorizedAtMs`. One stamped in an earlier second belongs to
 * an authorization the seller has since replaced (the webhook arrived late, or was retried), and
 * must not disconnect the shop. Within the same second it applies: when in doubt, the
 * deauthorization wins (the seller re-authorizes once more). Unknown times (0, null) apply too.
 */
export function deauthorizationApplies(
  eventTimeSec: number | null | undefined,
  authorizedAtMs: number,
): boolean {
  if (eventTimeSec === null || eventTimeSec === undefined || authorizedAtMs <= 0) return true;
  return eventTimeSec >= Math.floor(authorizedAtMs / 1000);
}

function shopIdOf(job: JobRecord): string {
  return (job.payload as ShopPayload).shopId;
}

function single(kind: string, run: (job: JobRecord) => Promise<void>): JobHandler {
  return {
    kind,
    batchSize: 1,
    async run(jobs, context) {
      for (const job of jobs) if (!context.isLeaseLost(job.id)) await run(job);
    },
  };
}

/** The shop job kinds, each with its handler (`bridge/src/workers/job-handlers.ts` adds the order and return ones). */
export type ShopJobKind = Exclude<
  JobKind,
  | typeof JOB_KINDS.ORDER_UPSERT
  | typeof JOB_KINDS.ORDER_UPSERT_CANCELLATION
  | typeof JOB_KINDS.ORDER_SHIPMENTS
  | typeof JOB_KINDS.RETURN_UPSERT
  | typeof JOB_KINDS.REFUND_UPSERT
  | typeof JOB_KINDS.CATALOG_PULL
  | typeof JOB_KINDS.CATALOG_PUSH
  | typeof JOB_KINDS.PRODUCT_AUDIT
>;

export function shopHandlers(deps: ShopHandlerDeps): Record<ShopJobKind, JobHandler> {
  return {
    [JOB_KINDS.SHOP_DEAUTHORIZED]: single(JOB_KINDS.SHOP_DEAUTHORIZED, async (job) => {
      const { shopId, eventTime } = job.payload as DeauthorizationPayload;
      const tokens = await deps.store.getTokens(shopId);
      if (tokens && !deauthorizationApplies(eventTime, tokens.authorizedAt)) {
        deps.logger?.warn(
          {
            shopId,
            deauthorizedAt: new Date((eventTime ?? 0) * 1000).toISOString(),
            authorizedAt: new Date(tokens.authorizedAt).toISOString(),
          },
          'deauthorization ignored: it is older than the shop’s current authorization',
        );
        return;
      }
      await deps.tokens.markNeedsReauth(shopId, 'the seller deauthorized the app in TikTok Seller Central');
    }),
    [JOB_KINDS.AUTH_EXPIRING]: single(JOB_KINDS.AUTH_EXPIRING, async (job) => {
      const payload = job.payload as ShopPayload & { expirationTime?: string | null };
      const when = payload.expirationTime
        ? new Date(Number(payload.expirationTime) * 1000).toISOString()
        : 'soon';
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'tiktok.auth',
        shopId: payload.shopId,
        message: `The TikTok authorization expires ${when}. Click "Connect TikTok Shop" as the shop owner to renew it.`,
      });
    }),
    [JOB_KINDS.SHOP_UPSERT]: single(JOB_KINDS.SHOP_UPSERT, async (job) => {
      await pushShopToNetSuite(deps.store, deps.netsuite, shopIdOf(job));
    }),
    [JOB_KINDS.SHOP_SUBSCRIBE]: single(JOB_KINDS.SHOP_SUBSCRIBE, (job) =>
      subscribeShopWebhooks(deps.tiktok, shopIdOf(job), deps.publicUrl),
    ),
    [JOB_KINDS.SHOP_WAREHOUSES]: single(JOB_KINDS.SHOP_WAREHOUSES, async (job) => {
      const shopId = shopIdOf(job);
      await withShopInNetSuite(
        (id) => pushShopToNetSuite(deps.store, deps.netsuite, id),
        shopId,
        () => pushWarehousesToNetSuite(deps.tiktok, deps.netsuite, shopId),
      );
    }),
  };
}
