/** Response shapes the bridge reads (TikTok's Get Authorized Shops, TikTok's Get Order Detail, TikTok's Get Warehouse List, TikTok's Event API). */
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';

export interface AuthorizedShop {
  id: string;
  name: string;
  region: string;
  sellerType: string;
  cipher: string;
  code: string;
}

export interface OrderSearchParams {
  /** Unix seconds, inclusive. */
  updateTimeGe?: number;
  /** Unix seconds, exclusive. */
  updateTimeLt?: number;
  pageSize?: number;
  pageToken?: string;
  sortField?: 'create_time' | 'update_time';
  sortOrder?: 'ASC' | 'DESC';
}

export interface OrderSearchPage {
  orders: TikTokOrder[];
  /** Absent or empty on the last page. */
  nextPageToken: string | undefined;
  totalCount: number;
}

export interface Warehouse {
  id: string;
  name: string;
  effect_status?: string;
  type?: string;
  sub_type?: string;
  is_default?: boolean;
  address?: Record<string, unknown>;
}

/** Event API names the connector subscribes for every shop (TikTok's Event API). */
export const SUBSCRIBED_WEBHOOK_EVENTS = [
  'ORDER_STATUS_CHANGE',
  'RECIPIENT_ADDRESS_UPDATE',
  'CANCELLATION_STATUS_CHANGE',
  'RETURN_STATUS_CHANGE',
  'SELLER_DEAUTHORIZATION',
  'UPCOMING_AUTHORIZATION_EXPIRATION',
  'PACKAGE_UPDATE',
  'PRODUCT_STATUS_CHANGE',
  'PRODUCT_INFORMATION_CHANGE',
  'PRODUCT_CREATION',
] as const;

export type WebhookEventName = (typeof SUBSCRIBED_WEBHOOK_EVENTS)[number];

export const MAX_ORDER_DETAIL_IDS = 50;

/** An order in another system linked to a TikTok order (Add/Get External Order References, 202406). */
export interface ExternalOrderReference {
  /** The order id in the other system. */
  id: string;
  /** The other system, one of TikTok's list (the connector writes `ERP_SYSTEM`, shared-types/src/outbox/outbox.ts). */
  platform: string;
  /** TikTok line item (`origin_id`) → line in the other system (`id`). */
  line_items?: { id: string; origin_id: string }[];
}

/**
 * A per-order failure inside a code-0 Add External Order References response. TikTok documents
 * `code` as a string (`"36020001"`), unlike the envelope's number; a number is read as its digits.
 */
export interface ExternalOrderError {
  code: string;
  message: string;
  detail?: { order_id?: string; external_order?: { id?: string; platform?: string } };
}

export interface SellerCancelRequest {
  orderId: string;
  /** A seller cancel reason code, e.g. `seller_cancel_reason_out_of_stock`. */
  reason: string;
  /** Only these line items (item-level cancel: US/UK shops only); the whole order when absent. */
  lineItemIds?: string[];
}

export interface SellerCancelResult {
  cancelId: string;
  cancelStatus: string;
}
