import type { NewJob } from '../store/types';

/** Job kinds the workers handle, and the constructors that give them their dedupe keys. */
export const JOB_KINDS = {
  ORDER_UPSERT: 'order.sync',
  /** The same upsert, for a cancellation webhook (type 11): a buyer's request has an answer deadline. */
  ORDER_UPSERT_CANCELLATION: 'order.upsert_cancellation',
  SHOP_DEAUTHORIZED: 'shop.deauthorized',
  AUTH_EXPIRING: 'shop.auth_expiring',
  SHOP_PUSH: 'shop.push',
  SHOP_SUBSCRIBE: 'shop.subscribe_webhooks',
  SHOP_WAREHOUSES: 'shop.warehouses',
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
 * The order's sync in the urgent lane, for a cancellation webhook: its own dedupe key, so it is not
 * folded into an order.sync job waiting in the main lane (both running is harmless: NetSuite keeps
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

export function shopPushJob(shopId: string, now: number): NewJob {
  return {
    kind: JOB_KINDS.SHOP_PUSH,
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
