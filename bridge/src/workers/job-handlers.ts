/**
 * Which handler runs each job kind: one record keyed by every `JOB_KINDS` value, so a kind added
 * without a handler fails the type check instead of dead-lettering its jobs at run time ("no handler
 * for job kind"). The composition root (`bridge/src/bridge.ts#createBridge`) hands the list to the
 * job runners.
 */
import { shopHandlers, type ShopHandlerDeps } from './shop-handlers';
import { pushShopToNetSuite } from '../shops/shop-sync';
import { JOB_KINDS, type JobKind } from './job-kinds';
import type { JobHandler } from './job-runner';
import { orderUpsertHandler } from './order-upsert';
import { orderShipmentsHandler } from './shipments';
import { returnUpsertHandler } from './return-upsert';
import { refundUpsertHandler } from './refund-upsert';
import { catalogPullHandler } from './catalog-pull';
import { ProductPushCache, productAuditHandler, productPushHandler } from './product-push';
import { TikTokProductApi } from '../tiktok/product-api';
import type { BridgeMetrics } from '../metrics';

/** Every job kind's handler. */
export type JobHandlers = Readonly<Record<JobKind, JobHandler>>;

/**
 * What the handlers need: the store, both clients, the token manager, the clock and the public URL; the
 * product push's cache of TikTok category rules and image URIs when the caller shares one.
 */
export type JobHandlerDeps = ShopHandlerDeps & {
  productPushCache?: ProductPushCache;
  metrics?: BridgeMetrics;
};

export function jobHandlers(deps: JobHandlerDeps): JobHandlers {
  const orderUpsertDeps = {
    tiktok: deps.tiktok,
    netsuite: deps.netsuite,
    sendShop: (shopId: string) => pushShopToNetSuite(deps.store, deps.netsuite, shopId),
    dispatch: { store: deps.store, clock: deps.clock },
    stock: { store: deps.store, clock: deps.clock },
  };
  return {
    [JOB_KINDS.ORDER_UPSERT]: orderUpsertHandler(orderUpsertDeps),
    [JOB_KINDS.ORDER_UPSERT_CANCELLATION]: orderUpsertHandler(
      orderUpsertDeps,
      JOB_KINDS.ORDER_UPSERT_CANCELLATION,
    ),
    [JOB_KINDS.ORDER_SHIPMENTS]: orderShipmentsHandler(orderUpsertDeps),
    [JOB_KINDS.RETURN_UPSERT]: returnUpsertHandler(orderUpsertDeps),
    [JOB_KINDS.REFUND_UPSERT]: refundUpsertHandler({
      tiktok: deps.tiktok,
      netsuite: deps.netsuite,
      sendShop: orderUpsertDeps.sendShop,
    }),
    [JOB_KINDS.CATALOG_PULL]: catalogPullHandler({
      store: deps.store,
      tiktok: deps.tiktok,
      netsuite: deps.netsuite,
      sendShop: orderUpsertDeps.sendShop,
      clock: deps.clock,
      logger: deps.logger,
    }),
    ...productPushHandlers(deps, orderUpsertDeps.sendShop),
    ...shopHandlers(deps),
  };
}

function productPushHandlers(
  deps: JobHandlerDeps,
  sendShop: (shopId: string) => Promise<unknown>,
): Record<typeof JOB_KINDS.CATALOG_PUSH | typeof JOB_KINDS.PRODUCT_AUDIT, JobHandler> {
  const pushDeps = {
    store: deps.store,
    products: new TikTokProductApi(deps.tiktok),
    netsuite: deps.netsuite,
    sendShop,
    cache: deps.productPushCache ?? new ProductPushCache(deps.clock),
    clock: deps.clock,
    logger: deps.logger,
    metrics: deps.metrics,
  };
  return {
    [JOB_KINDS.CATALOG_PUSH]: productPushHandler(pushDeps),
    [JOB_KINDS.PRODUCT_AUDIT]: productAuditHandler(pushDeps),
  };
}

/** The handlers as the job runner takes them, one per kind. */
export function jobHandlerList(handlers: JobHandlers): JobHandler[] {
  return Object.values(handlers);
}
