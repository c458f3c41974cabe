/**
 * The TikTok Shop operations the connector uses. Shop-level calls take the shop id; the client
 * adds the shop's cipher and a valid access token, refreshes once when TikTok says the token
 * expired, and marks the shop `needs_reauth` if the fresh token is rejected too.
 */
import type { CatalogProduct as PulledCatalogProduct } from '../../../shared-types/src/catalog/products-upsert';
import type { TikTokCancellationRecord } from '../../../shared-types/src/cancellations/buyer-cancel-request';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import type { CatalogProduct } from '../../../shared-types/src/inventory/inventory-batches';
import type { TikTokReturn } from '../../../shared-types/src/returns/tiktok-return';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { walkPages } from '../core/page-walk';
import type { BridgeStore } from '../store/types';
import type { TikTokApiCaller, TikTokApiRequest } from './api-caller';
import { TikTokTokenExpiredError } from './errors';
import {
  authorizedShopsSchema,
  cancellationSearchSchema,
  externalOrdersAddSchema,
  inventoryUpdateSchema,
  productSearchSchema,
  orderDetailSchema,
  orderSearchSchema,
  parseTikTokData,
  returnSearchSchema,
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
  productSearch: '/product/202309/products/search',
  returnSearch: '/return_refund/202309/returns/search',
} as const;

/** `POST /product/202309/products/{product_id}/inventory/update` (TikTok's Update Inventory). */
export function inventoryUpdatePath(productId: string): string {
  return `/product/202309/products/${encodeURIComponent(productId)}/inventory/update`;
}

/** Most seller SKUs in one Search Products filter (TikTok: 12019027 above 10). */
export const MAX_SEARCH_SELLER_SKUS = 10;

/** Fulfillment paths with an id (TikTok's Get Shipping Providers, TikTok's fulfillment API). */
export const FULFILLMENT_PATHS = {
  shippingProviders: (deliveryOptionId: string) =>
    `/logistics/202309/delivery_options/${encodeURIComponent(deliveryOptionId)}/shipping_providers`,
  markShipped: (orderId: string) => `/fulfillment/202309/orders/${encodeURIComponent(orderId)}/packages`,
  shipPackage: (packageId: string) => `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/ship`,
  updatePackageShippingInfo: (packageId: string) =>
    `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/shipping_info/update`,
  handoverTimeSlots: (packageId: string) =>
    `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/handover_time_slots`,
  createPackages: '/fulfillment/202309/packages',
  shippingDocument: (packageId: string) =>
    `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/shipping_documents`,
  searchPackages: '/fulfillment/202309/packages/search',
};

/** A package as Search Package lists it (TikTok's fulfillment API). */
export interface SearchedPackage {
  id: string;
  orderIds: string[];
  status: string;
  updateTime: number;
  trackingNumber: string;
}

/** `POST /return_refund/202309/cancellations/{cancel_id}/approve` or `/reject`. */
export function cancellationAnswerPath(cancelId: string, answer: 'approve' | 'reject'): string {
  return `/return_refund/202309/cancellations/${encodeURIComponent(cancelId)}/${answer}`;
}

/** `POST /return_refund/202309/returns/{return_id}/approve` or `/reject` (TikTok's Approve Return, Reject Return). */
export function returnAnswerPath(returnId: string, answer: 'approve' | 'reject'): string {
  return `/return_refund/202309/returns/${encodeURIComponent(returnId)}/${answer}`;
}

/** Search Returns' largest page (TikTok's Search Returns: `page_size` 10–50). */
export const MAX_RETURN_SEARCH_PAGE = 50;

/** What Search Returns is asked for: some returns or orders, or a window of `update_time` (Unix seconds). */
export interface ReturnSearchFilter {
  returnIds?: readonly string[];
  orderIds?: readonly string[];
  /** `return_status` values (the refunds poll asks for completed returns only). */
  statuses?: readonly string[];
  updateTimeGe?: number;
  updateTimeLt?: number;
}

/** One page of Search Returns. */
export interface ReturnSearchPage {
  returns: TikTokReturn[];
  nextPageToken: string | undefined;
}

/** Most ids the connector puts in one Search Cancellations filter (its page size). */
export const MAX_CANCELLATION_SEARCH_IDS = 50;

/** `GET /order/202406/orders/{order_id}/external_orders`. */
export function externalOrdersPath(orderId: string): string {
  return `/order/202406/orders/${encodeURIComponent(orderId)}/external_orders`;
}

/** A TikTok product as the catalog pull sends it to NetSuite (`products.upsert`). */
export type PulledProduct = PulledCatalogProduct;

/** A TikTok product as the inventory push needs it (`shared-types/src/inventory/inventory-batches.ts`). */
export type TikTokCatalogProduct = CatalogProduct;

/** One SKU's error of an Update Inventory call. */
export interface InventoryUpdateError {
  code: number;
  message: string;
  skuId: string | null;
  warehouses: { warehouseId: string | null; code: number; message: string }[];
}

export type ShopRequest = Omit<TikTokApiRequest, 'accessToken' | 'shopCipher' | 'rateLimitKey'>;

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
      /** `update_time` window (seconds, `lt` exclusive): the refunds poll. */
      updateTimeGe?: number;
      updateTimeLt?: number;
    },
  ): Promise<TikTokCancellationRecord[]> {
    const body: Record<string, unknown> = {};
    if (filter.updateTimeGe !== undefined) body.update_time_ge = filter.updateTimeGe;
    if (filter.updateTimeLt !== undefined) body.update_time_lt = filter.updateTimeLt;
    if (filter.orderIds !== undefined) body.order_ids = [...filter.orderIds];
    if (filter.cancelIds !== undefined) body.cancel_ids = [...filter.cancelIds];
    if (filter.types !== undefined) body.cancel_types = filter.types;
    if (filter.statuses !== undefined) body.cancel_status = filter.statuses;
    const found: TikTokCancellationRecord[] = [];
    await walkPages(
      `Search Cancellations for shop ${shopId}`,
      async (pageToken) => {
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
        return { cancellations: data.cancellations ?? [], nextPageToken: data.next_page_token };
      },
      (page) => {
        found.push(...page.cancellations);
      },
    );
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

  /** One page of Search Returns, sorted by `update_time` ascending. */
  async searchReturnsPage(
    shopId: string,
    filter: ReturnSearchFilter,
    pageToken?: string,
  ): Promise<ReturnSearchPage> {
    const body: Record<string, unknown> = {};
    if (filter.returnIds !== undefined) body.return_ids = [...filter.returnIds];
    if (filter.orderIds !== undefined) body.order_ids = [...filter.orderIds];
    if (filter.statuses !== undefined) body.return_status = [...filter.statuses];
    if (filter.updateTimeGe !== undefined) body.update_time_ge = filter.updateTimeGe;
    if (filter.updateTimeLt !== undefined) body.update_time_lt = filter.updateTimeLt;
    const raw = await this.shopCall<unknown>(shopId, {
      endpoint: 'return_refund.returns.search',
      method: 'POST',
      path: TIKTOK_PATHS.returnSearch,
      query: {
        page_size: String(MAX_RETURN_SEARCH_PAGE),
        sort_field: 'update_time',
        sort_order: 'ASC',
        ...(pageToken ? { page_token: pageToken } : {}),
      },
      body,
    });
    const data = parseTikTokData(returnSearchSchema, raw, 'return_refund.returns.search');
    return {
      returns: (data.return_orders ?? []) as unknown as TikTokReturn[],
      nextPageToken: data.next_page_token || undefined,
    };
  }

  /** Search Returns of some returns (at most 50 ids), every page. */
  async searchReturns(shopId: string, filter: ReturnSearchFilter): Promise<TikTokReturn[]> {
    const found: TikTokReturn[] = [];
    await walkPages(
      `Search Returns for shop ${shopId}`,
      (pageToken) => this.searchReturnsPage(shopId, filter, pageToken),
      (page) => {
        found.push(...page.returns);
      },
    );
    return found;
  }

  /**
   * Approve Return or Reject Return with TikTok's `decision` (APPROVE_RETURN, APPROVE_REPLACEMENT,
   * REJECT_RETURN, REJECT_REPLACEMENT, ...); TikTok dedupes on `idempotency_key`.
   */
  async answerReturn(
    shopId: string,
    returnId: string,
    answer: { approve: true; decision: string } | { approve: false; decision: string; reason: string },
    idempotencyKey: string,
  ): Promise<void> {
    const verb = answer.approve ? 'approve' : 'reject';
    await this.shopCall<unknown>(shopId, {
      endpoint: `return_refund.returns.${verb}`,
      method: 'POST',
      path: returnAnswerPath(returnId, verb),
      query: { idempotency_key: idempotencyKey },
      body: answer.approve
        ? { decision: answer.decision }
        : { decision: answer.decision, reject_reason: answer.reason },
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

  /**
   * Search Products (all statuses but DELETED), one page of up to 100, optionally only the products
   * with one of the seller SKUs (at most 10).
   */
  async searchProducts(
    shopId: string,
    options: { sellerSkus?: readonly string[]; pageToken?: string },
  ): Promise<{ products: TikTokCatalogProduct[]; nextPageToken: string | null }> {
    const raw = await this.shopCall<unknown>(shopId, {
      endpoint: 'product.search',
      method: 'POST',
      path: TIKTOK_PATHS.productSearch,
      query: { page_size: 100, ...(options.pageToken ? { page_token: options.pageToken } : {}) },
      body: options.sellerSkus ? { seller_skus: [...options.sellerSkus] } : {},
    });
    const data = parseTikTokData(productSearchSchema, raw, 'product.search');
    return {
      products: (data.products ?? []).map((p) => ({
        productId: p.id,
        status: p.status,
        skus: (p.skus ?? []).map((sku) => ({
          skuId: sku.id,
          sellerSku: sku.seller_sku ?? '',
          inventory: new Map((sku.inventory ?? []).map((i) => [i.warehouse_id, i.quantity])),
        })),
      })),
      nextPageToken: data.next_page_token ? data.next_page_token : null,
    };
  }

  /**
   * One page (up to 100) of Search Products updated in [`updateTimeGe`, `updateTimeLe`] (Unix seconds,
   * both inclusive), as the catalog pull sends them to NetSuite (issue #19), with TikTok's
   * `total_count` (results past 10,000 are not served: the caller narrows the window).
   */
  async searchProductsByUpdateTime(
    shopId: string,
    window: { updateTimeGe: number; updateTimeLe: number },
    pageToken?: string,
  ): Promise<{ products: PulledProduct[]; totalCount: number; nextPageToken: string | null }> {
    const raw = await this.shopCall<unknown>(shopId, {
      endpoint: 'product.search',
      method: 'POST',
      path: TIKTOK_PATHS.productSearch,
      query: { page_size: 100, ...(pageToken ? { page_token: pageToken } : {}) },
      body: { update_time_ge: window.updateTimeGe, update_time_le: window.updateTimeLe },
    });
    const data = parseTikTokData(productSearchSchema, raw, 'product.search');
    return {
      products: (data.products ?? []).map((p) => ({
        id: p.id,
        title: p.title ?? '',
        status: p.status,
        skus: (p.skus ?? []).map((sku) => ({ id: sku.id, seller_sku: sku.seller_sku ?? '' })),
      })),
      totalCount: data.total_count ?? 0,
      nextPageToken: data.next_page_token ? data.next_page_token : null,
    };
  }

  /**
   * Update Inventory of one product: every SKU lists every warehouse assigned to it. Per-SKU errors
   * come back inside `code: 0` and are returned, not thrown; a call TikTok refuses whole throws.
   */
  async updateInventory(
    shopId: string,
    productId: string,
    skus: readonly { id: string; inventory: readonly { warehouse_id: string; quantity: number }[] }[],
  ): Promise<InventoryUpdateError[]> {
    const raw = await this.shopCall<unknown>(shopId, {
      endpoint: 'product.inventory.update',
      method: 'POST',
      path: inventoryUpdatePath(productId),
      body: { skus: skus.map((s) => ({ id: s.id, inventory: s.inventory.map((i) => ({ ...i })) })) },
    });
    const data = parseTikTokData(inventoryUpdateSchema, raw ?? {}, 'product.inventory.update');
    return (data.errors ?? []).map((e) => ({
      code: e.code,
      message: e.message ?? '',
      skuId: e.detail?.sku_id ?? null,
      warehouses: (e.detail?.extra_errors ?? []).map((x) => ({
        warehouseId: x.warehouse_id ?? null,
        code: x.code,
        message: x.message ?? '',
      })),
    }));
  }

  /** Get Package Handover Time Slots: what TikTok Shipping offers for the package (issue #15). */
  async getHandoverTimeSlots(
    shopId: string,
    packageId: string,
  ): Promise<{
    canPickup: boolean;
    canDropOff: boolean;
    pickupSlots: { startTime: number; endTime: number }[];
  }> {
    const data = await this.shopCall<{
      can_pickup?: unknown;
      can_drop_off?: unknown;
      pickup_slots?: { start_time?: unknown; end_time?: unknown; avaliable?: unknown }[];
    }>(shopId, {
      endpoint: 'fulfillment.handover_time_slots',
      method: 'GET',
      path: FULFILLMENT_PATHS.handoverTimeSlots(packageId),
    });
    return {
      canPickup: data.can_pickup === true,
      canDropOff: data.can_drop_off === true,
      pickupSlots: (data.pickup_slots ?? [])
        .filter((slot) => slot.avaliable !== false)
        .map((slot) => ({ startTime: Number(slot.start_time), endTime: Number(slot.end_time) }))
        .filter((slot) => Number.isInteger(slot.startTime) && Number.isInteger(slot.endTime)),
    };
  }

  /** Ship Package with TikTok Shipping: TikTok's carrier collects (PICKUP in a slot) or the seller drops off. */
  async arrangeTikTokShipment(
    shopId: string,
    packageId: string,
    handover: { method: 'PICKUP' | 'DROP_OFF'; pickupSlot?: { startTime: number; endTime: number } },
  ): Promise<void> {
    await this.shopCall<unknown>(shopId, {
      endpoint: 'fulfillment.ship_package',
      method: 'POST',
      path: FULFILLMENT_PATHS.shipPackage(packageId),
      body: {
        handover_method: handover.method,
        ...(handover.pickupSlot
          ? {
              pickup_slot: {
                start_time: handover.pickupSlot.startTime,
                end_time: handover.pickupSlot.endTime,
              },
            }
          : {}),
      },
    });
  }

  /** Create Packages (US TikTok Shipping): buys TikTok's label for the lines with the default service. */
  async createPackages(
    shopId: string,
    orderId: string,
    lineItemIds: readonly string[],
  ): Promise<{ packageId: string; lineItemIds: string[] }> {
    const data = await this.shopCall<{ package_id?: unknown; order_line_item_ids?: unknown[] }>(shopId, {
      endpoint: 'fulfillment.create_packages',
      method: 'POST',
      path: FULFILLMENT_PATHS.createPackages,
      body: { order_id: orderId, order_line_item_ids: [...lineItemIds] },
    });
    return { packageId: str(data.package_id), lineItemIds: (data.order_line_item_ids ?? []).map(str) };
  }

  /** Get Package Shipping Document: the label's URL (valid 24 hours) and the package's tracking number. */
  async getShippingDocument(
    shopId: string,
    packageId: string,
    documentSize: 'A6' | 'A5',
  ): Promise<{ docUrl: string; trackingNumber: string }> {
    const data = await this.shopCall<{ doc_url?: unknown; tracking_number?: unknown }>(shopId, {
      endpoint: 'fulfillment.shipping_document',
      method: 'GET',
      path: FULFILLMENT_PATHS.shippingDocument(packageId),
      query: { document_type: 'SHIPPING_LABEL', document_size: documentSize, document_format: 'PDF' },
    });
    return { docUrl: str(data.doc_url), trackingNumber: str(data.tracking_number) };
  }

  /** Search Package by update time (oldest first): the shop's shipped packages. */
  async searchPackages(
    shopId: string,
    params: { updateTimeGe: number; updateTimeLt: number; pageSize?: number; pageToken?: string },
  ): Promise<{ packages: SearchedPackage[]; nextPageToken?: string }> {
    const data = await this.shopCall<{
      packages?: {
        id?: unknown;
        orders?: { id?: unknown }[];
        status?: unknown;
        update_time?: unknown;
        tracking_number?: unknown;
      }[];
      next_page_token?: unknown;
    }>(shopId, {
      endpoint: 'fulfillment.search_packages',
      method: 'POST',
      path: FULFILLMENT_PATHS.searchPackages,
      query: {
        page_size: Math.min(Math.max(params.pageSize ?? 50, 1), 50),
        page_token: params.pageToken,
        sort_field: 'update_time',
        sort_order: 'ASC',
      },
      body: { update_time_ge: params.updateTimeGe, update_time_lt: params.updateTimeLt },
    });
    const next = str(data.next_page_token);
    return {
      packages: (data.packages ?? []).map((p) => ({
        id: str(p.id),
        orderIds: (p.orders ?? []).map((o) => str(o.id)).filter((id) => id !== ''),
        status: str(p.status),
        updateTime: Number(p.update_time ?? 0),
        trackingNumber: str(p.tracking_number),
      })),
      ...(next === '' ? {} : { nextPageToken: next }),
    };
  }

  /**
   * A call for a shop made outside this class (the product push's calls: product-api.ts), with the same
   * token refresh; `sellerLevel` calls (Upload Image) carry the shop's token but no shop_cipher.
   */
  callForShop<T>(shopId: string, request: ShopRequest, options: { sellerLevel?: boolean } = {}): Promise<T> {
    return this.shopCall<T>(shopId, request, options.sellerLevel === true);
  }

  private async shopCall<T>(shopId: string, request: ShopRequest, sellerLevel = false): Promise<T> {
    const token = await this.tokens.accessTokenFor(shopId);
    const shop = await this.store.getShop(shopId);
    if (!shop) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.SHOP_NOT_FOUND,
        `Shop ${shopId} is not connected to this bridge.`,
      );
    }
    const send = (accessToken: string): Promise<T> =>
      this.caller.call<T>({
        ...request,
        accessToken,
        ...(sellerLevel ? {} : { shopCipher: shop.cipher }),
        rateLimitKey: shopId,
      });
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
