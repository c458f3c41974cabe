/**
 * The TikTok Shop order object (API 202309+), as far as the connector reads it
 * (TikTok's Get Order Detail). Ids are strings, money is decimal strings in major units,
 * times are Unix seconds. There is no quantity: each unit is its own line item.
 */
import type { PendingBuyerCancellation } from '../cancellations/buyer-cancel-request';
export type TikTokOrderStatus =
  | 'UNPAID'
  | 'ON_HOLD'
  | 'AWAITING_SHIPMENT'
  | 'PARTIALLY_SHIPPING'
  | 'AWAITING_COLLECTION'
  | 'IN_TRANSIT'
  | 'DELIVERED'
  | 'COMPLETED'
  | 'CANCELLED';

export const TIKTOK_ORDER_STATUSES: readonly TikTokOrderStatus[] = [
  'UNPAID',
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
];

export interface TikTokPayment {
  currency: string;
  sub_total: string;
  shipping_fee: string;
  seller_discount: string;
  platform_discount: string;
  total_amount: string;
  original_total_product_price: string;
  original_shipping_fee: string;
  shipping_fee_seller_discount?: string;
  shipping_fee_platform_discount?: string;
  shipping_fee_cofunded_discount?: string;
  tax: string;
  product_tax?: string;
  shipping_fee_tax?: string;
  retail_delivery_fee?: string;
  small_order_fee?: string;
  handling_fee?: string;
  /** Buyer-paid fees booked on the shop's Buyer Fee Item (order-fees.ts). */
  item_insurance_fee?: string;
  buyer_service_fee?: string;
  shipping_insurance_fee?: string;
  item_insurance_tax?: string;
}

export interface TikTokDistrictInfo {
  address_level_name: string;
  address_name: string;
  address_level: string;
}

export interface TikTokRecipientAddress {
  name?: string;
  first_name?: string;
  last_name?: string;
  phone_number?: string;
  full_address?: string;
  address_detail?: string;
  address_line1?: string;
  address_line2?: string;
  address_line3?: string;
  address_line4?: string;
  postal_code?: string;
  region_code?: string;
  post_town?: string;
  district_info?: TikTokDistrictInfo[];
}

export interface TikTokLineItem {
  id: string;
  sku_id: string;
  product_id: string;
  product_name: string;
  sku_name?: string;
  seller_sku: string;
  original_price: string;
  sale_price: string;
  platform_discount: string;
  seller_discount: string;
  currency: string;
  display_status?: string;
  package_id?: string;
  package_status?: string;
  tracking_number?: string;
  shipping_provider_id?: string;
  shipping_provider_name?: string;
  cancel_user?: string;
  cancel_reason?: string;
  is_gift?: boolean;
  item_tax?: { tax_type: string; tax_amount: string; tax_rate: string }[];
  retail_delivery_fee?: string;
  small_order_fee?: string;
  buyer_service_fee?: string;
  /** Virtual bundle: the SKUs one unit of this line is made of (order detail only; bundle-split.ts). */
  combined_listing_skus?: { sku_id: string; sku_count: number; product_id?: string; seller_sku?: string }[];
}

export interface TikTokOrder {
  id: string;
  status: TikTokOrderStatus;
  create_time: number;
  update_time: number;
  paid_time?: number;
  user_id: string;
  buyer_email?: string;
  buyer_message?: string;
  payment: TikTokPayment;
  payment_method_name: string;
  is_cod?: boolean;
  recipient_address?: TikTokRecipientAddress;
  line_items: TikTokLineItem[];
  packages?: { id: string }[];
  fulfillment_type?: 'FULFILLMENT_BY_SELLER' | 'FULFILLMENT_BY_TIKTOK' | 'FULFILLMENT_BY_DILAYANI_TOKOPEDIA';
  shipping_type?: 'TIKTOK' | 'SELLER';
  delivery_option_id?: string;
  delivery_option_name?: string;
  warehouse_id?: string;
  shipping_provider?: string;
  shipping_provider_id?: string;
  tracking_number?: string;
  rts_time?: number;
  /**
   * Ship-by deadlines (Unix s; TikTok's Get Order List / Detail): `rts_sla_time` the latest
   * shipping time, `tts_sla_time` the latest collection time, `shipping_due_time` (= `cancel_order_sla_time`)
   * TikTok cancels an order not AWAITING_COLLECTION by then, `collection_due_time` (SEA) one not
   * collected, `delivery_sla_time` the delivery promise. Seller-fulfilled orders only, from payment
   * (shared-types/src/fulfillments/ship-by.ts reads them).
   */
  rts_sla_time?: number;
  tts_sla_time?: number;
  shipping_due_time?: number;
  cancel_order_sla_time?: number;
  collection_due_time?: number;
  delivery_sla_time?: number;
  is_sample_order?: boolean;
  is_on_hold_order?: boolean;
  is_replacement_order?: boolean;
  replaced_order_id?: string;
  is_buyer_request_cancel?: boolean;
  /** When the buyer asked to cancel (Unix seconds). */
  request_cancel_time?: number;
  /**
   * Added by the bridge, not TikTok: the buyer's pending cancellation request from Search
   * Cancellations while `is_buyer_request_cancel` (buyer-cancel-request.ts).
   */
  pending_buyer_cancellation?: PendingBuyerCancellation;
  cancel_reason?: string;
  cancellation_initiator?: 'SELLER' | 'BUYER' | 'SYSTEM';
  order_type?: string;
  commerce_platform?: string;
}
