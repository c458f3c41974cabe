/**
 * The TikTok Shop operations the connector uses. Shop-level calls take the shop id; the client
 * adds the shop's cipher and a valid access token, refreshes once when TikTok says the token
 * expired, and marks the shop `needs_reauth` if the fresh token is rejected too.
 */
import type { TikTokCancellationRecord } from '../../../shared-types/src/cancellations/buyer-cancel-request';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { BridgeStore } from '../store/types';
import type { TikTokApiCaller, TikTokApiRequest } from './api-caller';
import { TikTokTokenExpiredError } from './errors';
import {
  authorizedShopsSchema,
  cancellationSearchSchema,
  externalOrdersAddSchema,
  orderDetailSchema,
  orderSearchSchema,
  parseTikTokData,
} from './schemas';
import { ShopNeedsReauthError, type TokenManager } from './token-manager';
import {
  MAX_ORDER_DETAIL_IDS,
  type AuthorizedShop,
  type OrderSearchPage,
  type OrderSearchParams,
  type ExternalOrderError,
  type ExternalOrderReference,
  type SellerCancelRequest,
  type SellerCancelResult,
  type Warehouse,
} from './types';

export const TIKTOK_PATHS = {
  authorizedShops: '/authorization/202309/shops',
  orderSearch: '/order/202309/orders/search',
  orderDetail: '/order/202309/orders',
  webhooks: '/event/202309/webhooks',
  warehouses: '/logistics/202309/warehouses',
  externalOrders: '/order/202406/orders/external_orders',
  sellerCancel: '/return_refund/202309/cancellations',
  cancellationSearch: '/return_refund/202309/cancellations/search',
} as const;

/** Fulfillment paths with an id (reference §6.5, §6.6). */
export const FULFILLMENT_PATHS = {
  shippingProviders: (deliveryOptionId: string) =>
    `/logistics/202309/delivery_options/${encodeURIComponent(deliveryOptionId)}/shipping_providers`,
  markShipped: (orderId: string) => `/fulfillment/202309/orders/${encodeURIComponent(orderId)}/packages`,
  shipPackage: (packageId: string) => `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/ship`,
  updatePackageShippingInfo: (packageId: string) =>
    `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/shipping_info/update`,
};

/** `POST /return_refund/202309/cancellations/{cancel_id}/approve` or `/reject`. */
export function cancellationAnswerPath(cancelId: string, answer: 'approve' | 'reject'): string {
  return `/return_refund/202309/cancellations/${encodeURIComponent(cancelId)}/${answer}`;
}

/** Most ids the connector puts in one Search Cancellations filter (its page size). */
export const MAX_CANCELLATION_SEARCH_IDS = 50;

/** `GET /order/202406/orders/{order_id}/external_orders`. */
export function externalOrdersPath(orderId: string): string {
  return `/order/202406/orders/${encodeURIComponent(orderId)}/external_orders`;
}

type ShopRequest = Omit<TikTokApiRequest, 'accessToken' | 'shopCipher' | 'rateLimitKey'>;

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export class TikTokClient {
  constructor(
    private readonly caller: TikTokApiCaller,
    private readonly tokens: TokenManager,
    private readonly store: BridgeStore,
  ) {}

  /** Shops covered by a freshly granted token (no shop_cipher on this endpoint). */
  async getAuthorizedShops(accessToken: string): Promise<AuthorizedShop[]> {
    const raw = await this.caller.call<unknown>({
      endpoint: 'authorization.shops',
      method: 'GET',
      path: TIKTOK_PATHS.authorizedShops,
      accessToken,
    });
    const data = parseTikTokData(authorizedShopsSchema, raw, 'authorization.shops');
    return data.shops.map((s) => ({
      id: s.id,
      name: s.name,
      region: s.region,
      sellerType: s.seller_type,
      cipher: s.cipher,
      code: s.code ?? '',
    }));
  }

  async searchOrders(shopId: string, params: OrderSearchParams): Promise<OrderSearchPage> {
    const body: Record<string, number> = {};
    if (params.updateTimeGe !== undefined) body.update_time_ge = params.updateTimeGe;
    if (params.updateTimeLt !== undefined) body.update_time_lt = params.updateTimeLt;
    const raw = await this.shopCall<unknown>(shopId, {
      endpoint: 'order.search',
      method: 'POST',
      path: TIKTOK_PATHS.orderSearch,
      query: {
        page_size: Math.min(Math.max(params.pageSize ?? 50, 1), 100),
        page_token: params.pageToken,
        sort_field: params.sortField ?? 'update_time',
        sort_order: params.sortOrder ?? 'ASC',
      },
      body,
    });
    const data = parseTikTokData(orderSearchSchema, raw, 'order.search');
    return {
      orders: (data.orders ?? []) as unknown as TikTokOrder[],
      nextPageToken: data.next_page_token ? data.next_page_token : undefined,
      totalCount: data.total_count ?? 0,
    };
  }

  async getOrderDetail(shopId: string, ids: readonly string[]): Promise<TikTokOrder[]> {
    if (ids.length === 0) return [];
    if (ids.length > MAX_ORDER_DETAIL_IDS) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.BAD_REQUEST,
        `getOrderDetail takes at most ${MAX_ORDER_DETAIL_IDS} ids, got ${ids.length}; split the batch.`,
      );
    }
    const raw = await this.shopCall<unknown>(shopId, {
      endpoint: 'order.detail',
      method: 'GET',
      path: TIKTOK_PATHS.orderDetail,
      query: { ids: ids.join(',') },
    });
    return parseTikTokData(orderDetailSchema, raw, 'order.detail').orders as unknown as TikTokOrder[];
  }

  async subscribeWebhook(shopId: string, eventType: string, address: string): Promise<void> {
    await this.shopCall<unknown>(shopId, {
      endpoint: 'event.webhook.update',
      method: 'PUT',
      path: TIKTOK_PATHS.webhooks,
      body: { address, event_type: eventType },
    });
  }

  async getWarehouses(shopId: string): Promise<Warehouse[]> {
    const data = await this.shopCall<{ warehouses?: Warehouse[] }>(shopId, {
      endpoint: 'logistics.warehouses',
      method: 'GET',
      path: TIKTOK_PATHS.warehouses,
    });
    return data.warehouses ?? [];
  }

  /**
   * Add External Order References: links the TikTok order to an order in another system. Per-order
   * failures come back inside a code-0 response (`errors[]`).
   */
  async addExternalOrderReference(
    shopId: string,
    orderId: string,
    reference: ExternalOrderReference,
  ): Promise<ExternalOrderError[]> {
    const raw = await this.shopCall<unknown>(shopId, {
      endpoint: 'order.external_orders.add',
      method: 'POST',
      path: TIKTOK_PATHS.externalOrders,
      body: { orders: [{ id: orderId, external_order: reference }] },
    });
    const data = parseTikTokData(externalOrdersAddSchema, raw, 'order.external_orders.add');
    return data?.errors ?? [];
  }

  async getExternalOrderReferences(
    shopId: string,
    orderId: string,
    platform?: string,
  ): Promise<ExternalOrderReference[]> {
    const data = await this.shopCall<{ external_orders?: ExternalOrderReference[] }>(shopId, {
      endpoint: 'order.external_orders.get',
      method: 'GET',
      path: externalOrdersPath(orderId),
      query: { platform },
    });
    return data.external_orders ?? [];
  }

  /** Seller cancellation of the whole order, or of some line items (item level: US/UK only). */
  async cancelOrder(shopId: string, request: SellerCancelRequest): Promise<SellerCancelResult> {
    const body: Record<string, unknown> = { order_id: request.orderId, cancel_reason: request.reason };
    if (request.lineItemIds !== undefined && request.lineItemIds.length > 0) {
      body.order_line_item_ids = request.lineItemIds;
    }
    const data = await this.shopCall<{ cancel_id?: unknown; cancel_status?: unknown }>(shopId, {
      endpoint: 'return_refund.cancel',
      method: 'POST',
      path: TIKTOK_PATHS.sellerCancel,
      body,
    });
    return { cancelId: str(data.cancel_id), cancelStatus: str(data.cancel_status) };
  }

  /**
   * Search Cancellations of some orders or cancellations (at most 50 ids), every page; optionally
   * only some types and statuses (the request spells the closed status `CANCELLATION_REQUEST_CANCEL`).
   */
  async searchCancellations(
    shopId: string,
    filter: {
      orderIds?: readonly string[];
      cancelIds?: readonly string[];
      types?: string[];
      statuses?: string[];
    },
  ): Promise<TikTokCancellationRecord[]> {
    const body: Record<string, unknown> = {};
    if (filter.orderIds !== undefined) body.order_ids = [...filter.orderIds];
    if (filter.cancelIds !== undefined) body.cancel_ids = [...filter.cancelIds];
    if (filter.types !== undefined) body.cancel_types = filter.types;
    if (filter.statuses !== undefined) body.cancel_status = filter.statuses;
    const found: TikTokCancellationRecord[] = [];
    const seen = new Set<string>();
    let pageToken: string | undefined;
    do {
      const raw = await this.shopCall<unknown>(shopId, {
        endpoint: 'return_refund.cancellations.search',
        method: 'POST',
        path: TIKTOK_PATHS.cancellationSearch,
        query: {
          page_size: String(MAX_CANCELLATION_SEARCH_IDS),
          ...(pageToken ? { page_token: pageToken } : {}),
        },
        body,
      });
      const data = parseTikTokData(cancellationSearchSchema, raw, 'return_refund.cancellations.search');
      found.push(...(data.cancellations ?? []));
      pageToken = data.next_page_token || undefined;
      if (pageToken !== undefined && seen.has(pageToken)) {
        throw new BridgeError(
          BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
          `Search Cancellations for shop ${shopId} returned the same page token twice.`,
          { retryable: true },
        );
      }
      if (pageToken !== undefined) seen.add(pageToken);
    } while (pageToken !== undefined);
    return found;
  }

  /** Approve or Reject Cancellation of a buyer's request; TikTok dedupes on `idempotency_key`. */
  async answerCancellation(
    shopId: string,
    cancelId: string,
    answer: { decision: 'approve' } | { decision: 'reject'; reason: string },
    idempotencyKey: string,
  ): Promise<void> {
    await this.shopCall<unknown>(shopId, {
      endpoint: `return_refund.cancellations.${answer.decision}`,
      method: 'POST',
      path: cancellationAnswerPath(cancelId, answer.decision),
      query: { idempotency_key: idempotencyKey },
      body: answer.decision === 'reject' ? { reject_reason: answer.reason } : {},
    });
  }

  /** Get Shipping Providers of a delivery option: `[{id, name}]`. */
  async getShippingProviders(
    shopId: string,
    deliveryOptionId: string,
  ): Promise<{ id: string; name: string }[]> {
    const data = await this.shopCall<{ shipping_providers?: { id?: unknown; name?: unknown }[] }>(shopId, {
      endpoint: 'logistics.shipping_providers',
      method: 'GET',
      path: FULFILLMENT_PATHS.shippingProviders(deliveryOptionId),
    });
    return (data.shipping_providers ?? []).map((p) => ({ id: str(p.id), name: str(p.name) }));
  }

  /** Mark Package As Shipped: the line items ship as one package with the seller's carrier. */
  async markPackageShipped(
    shopId: string,
    orderId: string,
    shipment: { trackingNumber: string; shippingProviderId: string; lineItemIds: readonly string[] },
  ): Promise<{ packageId: string; lineItemIds: string[]; warning: string | null }> {
    const data = await this.shopCall<{
      package_id?: unknown;
      order_line_item_ids?: unknown[];
      warning?: { message?: unknown };
    }>(shopId, {
      endpoint: 'fulfillment.mark_shipped',
      method: 'POST',
      path: FULFILLMENT_PATHS.markShipped(orderId),
      body: {
        tracking_number: shipment.trackingNumber,
        shipping_provider_id: shipment.shippingProviderId,
        order_line_item_ids: [...shipment.lineItemIds],
      },
    });
    return {
      packageId: str(data.package_id),
      lineItemIds: (data.order_line_item_ids ?? []).map(str),
      warning: data.warning?.message === undefined ? null : str(data.warning.message),
    };
  }

  /** Ship Package with the seller's own carrier (`self_shipment`). */
  async shipPackage(
    shopId: string,
    packageId: string,
    shipment: { trackingNumber: string; shippingProviderId: string },
  ): Promise<void> {
    await this.shopCall<unknown>(shopId, {
      endpoint: 'fulfillment.ship_package',
      method: 'POST',
      path: FULFILLMENT_PATHS.shipPackage(packageId),
      body: {
        handover_method: 'DROP_OFF',
        self_shipment: {
          tracking_number: shipment.trackingNumber,
          shipping_provider_id: shipment.shippingProviderId,
        },
      },
    });
  }

  /** Update Package Shipping Info: a corrected tracking number (TikTok: within 72 hours, once). */
  async updatePackageShippingInfo(
    shopId: string,
    packageId: string,
    shipment: { trackingNumber: string; shippingProviderId: string },
  ): Promise<void> {
    await this.shopCall<unknown>(shopId, {
      endpoint: 'fulfillment.package_shipping_info.update',
      method: 'POST',
      path: FULFILLMENT_PATHS.updatePackageShippingInfo(packageId),
      body: { tracking_number: shipment.trackingNumber, shipping_provider_id: shipment.shippingProviderId },
    });
  }

  private async shopCall<T>(shopId: string, request: ShopRequest): Promise<T> {
    const token = await this.tokens.accessTokenFor(shopId);
    const shop = await this.store.getShop(shopId);
    if (!shop) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.SHOP_NOT_FOUND,
        `Shop ${shopId} is not connected to this bridge.`,
      );
    }
    const send = (accessToken: string): Promise<T> =>
      this.caller.call<T>({ ...request, accessToken, shopCipher: shop.cipher, rateLimitKey: shopId });
    try {
      return await send(token);
    } catch (error) {
      if (!(error instanceof TikTokTokenExpiredError)) throw error;
    }
    const fresh = await this.tokens.refreshAfterRejection(shopId, token);
    try {
      return await send(fresh);
    } catch (error) {
      if (!(error instanceof TikTokTokenExpiredError)) throw error;
      const reason = `TikTok rejected the access token right after a refresh (code ${error.tiktokCode})`;
      await this.tokens.markNeedsReauth(shopId, reason);
      throw new ShopNeedsReauthError(shopId, reason);
    }
  }
}
