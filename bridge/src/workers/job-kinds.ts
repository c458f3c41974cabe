/** Job kinds the workers handle, and the constructors that give them their dedupe keys. */
import type { NewJob } from '../store/types';

export const JOB_KINDS = {
  ORDER_UPSERT: 'order.upsert',
  /** The same upsert, for a cancellation webhook (type 11): a buyer's request has an answer deadline. */
  ORDER_UPSERT_CANCELLATION: 'order.upsert_cancellation',
  SHOP_DEAUTHORIZED: 'shop.deauthorized',
  AUTH_EXPIRING: 'shop.auth_expiring',
  SHOP_UPSERT: 'shop.upsert',
  SHOP_SUBSCRIBE: 'shop.subscribe_webhooks',
  SHOP_WAREHOUSES: 'shop.warehouses',
  /** An order's packages shipped outside NetSuite, to NetSuite (`shipments.upsert`, issue #15). */
  ORDER_SHIPMENTS: 'order.shipments',
  /** One TikTok return to NetSuite (`returns.upsert`): a RETURN_STATUS_CHANGE webhook or the returns poll. */
  RETURN_UPSERT: 'return.upsert',
  /** One completed TikTok refund (a return's or a paid order's cancellation) to NetSuite (`refunds.upsert`, issue #18). */
  REFUND_UPSERT: 'refund.upsert',
  /** The shop's catalog pull pass (issue #19): a product webhook or the reconciliation poll. */
  CATALOG_PULL: 'catalog.pull',
  /** The shop's product push pass (issue #20): NetSuite items marked Push to TikTok → TikTok products. */
  CATALOG_PUSH: 'catalog.push',
  /** One pushed product's audit status (Get Product → `catalog.push.audit`): a status webhook or the poll. */
  PRODUCT_AUDIT: 'catalog.push_audit',
} as const;

export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];

/**
 * Kinds with their own worker lane: a deauthorization must stop calls for a shop at once, and a
 * buyer's cancellation request must reach NetSuite while there is time to answer it (its deadline:
 * shared-types/src/cancellations/buyer-cancel-request.ts), not wait behind a backlog of order jobs.
 */
export const URGENT_JOB_KINDS: readonly string[] = [
  JOB_KINDS.SHOP_DEAUTHORIZED,
  JOB_KINDS.ORDER_UPSERT_CANCELLATION,
];

export interface OrderUpsertPayload {
  shopId: string;
  orderId: string;
}

export interface ShopPayload {
  shopId: string;
}

export interface DeauthorizationPayload extends ShopPayload {
  /** The webhook's `timestamp` (Unix seconds); absent in jobs queued by an older bridge. */
  eventTime?: number | null;
}

export function orderUpsertJob(shopId: string, orderId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.ORDER_UPSERT,
    shopId,
    dedupeKey: `order:${shopId}:${orderId}`,
    payload: { shopId, orderId } satisfies OrderUpsertPayload,
    runAfter: now,
  };
}

/**
 * The order's upsert in the urgent lane, for a cancellation webhook: its own dedupe key, so it is not
 * folded into an order.upsert job waiting in the main lane (both running is harmless: NetSuite keeps
 * one payload per `update_time`).
 */
export function orderCancellationUpsertJob(shopId: string, orderId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.ORDER_UPSERT_CANCELLATION,
    shopId,
    dedupeKey: `order-cancellation:${shopId}:${orderId}`,
    payload: { shopId, orderId } satisfies OrderUpsertPayload,
    runAfter: now,
  };
}

export interface ReturnUpsertPayload {
  shopId: string;
  returnId: string;
}

/** The return's sync: read it from Search Returns, send it to `returns.upsert`; one job per (shop, return). */
export function returnUpsertJob(shopId: string, returnId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.RETURN_UPSERT,
    shopId,
    dedupeKey: `return:${shopId}:${returnId}`,
    payload: { shopId, returnId } satisfies ReturnUpsertPayload,
    runAfter: now,
  };
}

export function shopUpsertJob(shopId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.SHOP_UPSERT,
    shopId,
    dedupeKey: `shop-push:${shopId}`,
    payload: { shopId } satisfies ShopPayload,
    runAfter: now,
  };
}

export function shopSubscribeJob(shopId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.SHOP_SUBSCRIBE,
    shopId,
    dedupeKey: `shop-subscribe:${shopId}`,
    payload: { shopId } satisfies ShopPayload,
    runAfter: now,
  };
}

export function shopWarehousesJob(shopId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.SHOP_WAREHOUSES,
    shopId,
    dedupeKey: `shop-warehouses:${shopId}`,
    payload: { shopId } satisfies ShopPayload,
    runAfter: now,
  };
}

/** A seller's deauthorization (webhook type 6), stamped with the webhook's `timestamp`; one per notification. */
export function deauthorizationJob(
  shopId: string,
  eventTime: number | null,
  notificationKey: string,
  now: number,
): NewJob {
  return {
    kind: JOB_KINDS.SHOP_DEAUTHORIZED,
    shopId,
    dedupeKey: `deauth:${notificationKey}`,
    payload: { shopId, eventTime } satisfies DeauthorizationPayload,
    runAfter: now,
  };
}

/** An upcoming authorization expiry (webhook type 7), recorded for the status page; one per notification. */
export function authExpiringJob(
  shopId: string,
  expirationTime: string | null,
  notificationKey: string,
  now: number,
): NewJob {
  return {
    kind: JOB_KINDS.AUTH_EXPIRING,
    shopId,
    dedupeKey: `auth-expiring:${notificationKey}`,
    payload: { shopId, expirationTime },
    runAfter: now,
  };
}

/** The order's shipped packages to NetSuite (workers/shipments.ts); one job per order at a time. */
export function orderShipmentsJob(shopId: string, orderId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.ORDER_SHIPMENTS,
    shopId,
    dedupeKey: `shipments:${shopId}:${orderId}`,
    payload: { shopId, orderId } satisfies OrderUpsertPayload,
    runAfter: now,
  };
}

export interface RefundUpsertPayload {
  shopId: string;
  /** A return (incl. refund-only) or a cancellation. */
  source: 'return' | 'cancellation';
  /** The return id or the cancel id. */
  refundId: string;
}

/** A refund TikTok completed (webhook 12 or 11 at a done status): one job per (shop, refund). */
export function refundUpsertJob(
  shopId: string,
  source: 'return' | 'cancellation',
  refundId: string,
  now: number,
): NewJob {
  return {
    kind: JOB_KINDS.REFUND_UPSERT,
    shopId,
    dedupeKey: `refund:${shopId}:${source}:${refundId}`,
    payload: { shopId, source, refundId } satisfies RefundUpsertPayload,
    runAfter: now,
  };
}

/** The shop's catalog pull pass (bridge/src/workers/catalog-pull.ts); one pending per shop. */
export function catalogPullJob(shopId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.CATALOG_PULL,
    shopId,
    dedupeKey: `catalog:${shopId}`,
    payload: { shopId } satisfies ShopPayload,
    runAfter: now,
  };
}

/** The shop's product push pass (bridge/src/workers/product-push.ts); one pending per shop. */
export function catalogPushJob(shopId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.CATALOG_PUSH,
    shopId,
    dedupeKey: `catalog-push:${shopId}`,
    payload: { shopId } satisfies ShopPayload,
    runAfter: now,
  };
}

export interface ProductAuditPayload {
  shopId: string;
  productId: string;
  /** When the product was pushed (ms); the poll stops after PRODUCT_AUDIT_POLL_LIMIT_MS. */
  since: number;
}

/**
 * A pushed product's audit check at `runAfter`: `poll` jobs are the push's own follow-up (re-queued while
 * the product is PENDING), `hook` jobs come from a product status webhook and run at once. Separate dedupe
 * keys, so a webhook is not held back behind a poll waiting for its time.
 */
export function productAuditJob(
  shopId: string,
  productId: string,
  via: 'poll' | 'hook',
  since: number,
  runAfter: number,
): NewJob {
  return {
    kind: JOB_KINDS.PRODUCT_AUDIT,
    shopId,
    dedupeKey: `product-audit-${via}:${shopId}:${productId}`,
    payload: { shopId, productId, since } satisfies ProductAuditPayload,
    runAfter,
  };
}
