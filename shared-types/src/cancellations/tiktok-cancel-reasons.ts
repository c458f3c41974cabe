/**
 * TikTok's seller cancel reasons by market and order status, and the reasons a seller may give when
 * rejecting a buyer's cancellation request — the codes TikTok accepts in `cancel_reason` (Cancel
 * Order) and `reject_reason` (Reject Cancellation), with their display text. One table for the
 * simulator, the bridge and the SuiteApp (dependency-free, compiled into SuiteScript).
 *
 * Source: TikTok's "Cancel reasons" page (partner.tiktokshop.com/docv2/page/650b28280fcef602bf435096,
 * mirrored in lazykern/ecommerce-api-docs `data/raw/tiktok/api-reference/return-and-refund/cancel-reasons.json`),
 * which says a reason that does not fit the order status is refused with 25001021. Where sources
 * disagree:
 * - The page still lists "Unable to deliver to buyer address" for ID, MY, PH, TH, VN
 *   (`seller_cancel_paid_reason_address_not_deliver`) and SG (`seller_cancel_unable_to_deliver_to_buyer_address`);
 *   TikTok's changelogs retire them (local sellers in ID, SG, TH, VN, PH from 2024-03-01; ID, PH, VN,
 *   MY, TH and SG from 2025-08-31). The changelogs are later, so they are `retired` here.
 * - The page lists reasons for UNPAID and for "ON_HOLD and AWAITING_SHIPMENT" only. A US seller may
 *   also cancel while AWAITING_COLLECTION, and orders can be PARTIALLY_SHIPPING; the paid reasons are
 *   taken for those (inferred).
 * - The Cancel Order page's request sample sends `ecom_order_delivered_refund_and_return_reason_wrong_product_seller`,
 *   which is on no list of the Cancel reasons page; it is treated as unknown.
 * - JP lists no reject reasons.
 */

export interface TikTokCancelReason {
  readonly code: string;
  readonly text: string;
}

/** The markets of TikTok's Cancel reasons page; `EU` covers ES, IE, FR, DE and IT. */
export type CancelReasonMarket =
  'US' | 'GB' | 'EU' | 'JP' | 'MX' | 'BR' | 'ID' | 'MY' | 'PH' | 'SG' | 'TH' | 'VN';

interface MarketReasons {
  /** Seller cancel of an UNPAID order. */
  readonly unpaid: readonly TikTokCancelReason[];
  /** Seller cancel of a paid order (ON_HOLD, AWAITING_SHIPMENT; see the module note). */
  readonly paid: readonly TikTokCancelReason[];
  /** Seller rejecting a buyer's cancellation request. */
  readonly reject: readonly TikTokCancelReason[];
  /** Seller cancel reasons TikTok has taken offline in this market. */
  readonly retired: readonly string[];
}

const reason = (code: string, text: string): TikTokCancelReason => ({ code, text });

function sellerReasons(party: 'Buyer' | 'Customer', suffix = '') {
  return {
    unpaidOutOfStock: reason(`seller_cancel_unpaid_reason_out_of_stock${suffix}`, 'Out of stock'),
    unpaidPrice: reason(`seller_cancel_unpaid_reason_wrong_price${suffix}`, 'Pricing error'),
    unpaidNotPaid: reason(
      `seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed${suffix}`,
      `${party} did not pay on time`,
    ),
    unpaidRequested: reason(
      `seller_cancel_unpaid_reason_buyer_requested_cancellation${suffix}`,
      `${party} requested cancellation`,
    ),
    outOfStock: reason(`seller_cancel_reason_out_of_stock${suffix}`, 'Out of stock'),
    price: reason(`seller_cancel_reason_wrong_price${suffix}`, 'Pricing error'),
    address: reason(
      `seller_cancel_paid_reason_address_not_deliver${suffix}`,
      `Unable to deliver to ${party.toLowerCase()} address`,
    ),
    requested: reason(
      `seller_cancel_paid_reason_buyer_requested_cancellation${suffix}`,
      `${party} requested cancellation`,
    ),
  };
}

const B = sellerReasons('Buyer');
const C = sellerReasons('Customer');
const UK = sellerReasons('Buyer', '_uk');
const ADDRESS_RETIRED = 'seller_cancel_paid_reason_address_not_deliver';
const PACKED = reason('seller_reject_apply_product_has_been_packed', 'Product has been packed');
const rejectReasons = (suffix = ''): TikTokCancelReason[] => [
  reason(
    `order_manage_list_action_respond_popup_reject_reason_invalid_cancellation_reason${suffix}`,
    'Invalid reason for cancellation',
  ),
  reason(
    `order_manage_list_action_respond_popup_reject_reason_delivered${suffix}`,
    'Product delivery is on schedule',
  ),
  reason(
    `order_manage_list_action_respond_popup_reject_reason_buyer_agree${suffix}`,
    'Reached an agreement with the buyer',
  ),
  PACKED,
];
const LATAM_REJECT = [
  reason(
    'seller_reject_apply_product_has_been_packed',
    'Product shipped. Tracking updates will be available soon',
  ),
  reason('reverse_reject_request_reason_5', 'You have reached an agreement with the customer'),
  reason('seller_reject_apply_unable_to_change_address', 'Unable to change address'),
];
const SEA: MarketReasons = {
  unpaid: [B.unpaidOutOfStock, B.unpaidPrice, B.unpaidNotPaid],
  paid: [B.outOfStock, B.price],
  reject: rejectReasons(),
  retired: [ADDRESS_RETIRED],
};

export const TIKTOK_CANCEL_REASONS: Readonly<Record<CancelReasonMarket, MarketReasons>> = {
  US: {
    unpaid: [B.unpaidOutOfStock, B.unpaidPrice, B.unpaidNotPaid, B.unpaidRequested],
    paid: [B.outOfStock, B.price, B.address, B.requested],
    reject: rejectReasons(),
    retired: [],
  },
  GB: {
    unpaid: [UK.unpaidOutOfStock, UK.unpaidPrice, UK.unpaidNotPaid],
    paid: [UK.price, UK.address, UK.outOfStock],
    reject: rejectReasons('_uk'),
    retired: [],
  },
  EU: {
    unpaid: [C.unpaidOutOfStock, C.unpaidPrice, C.unpaidNotPaid, C.unpaidRequested],
    paid: [C.outOfStock, C.price, C.address, C.requested],
    reject: [
      reason(
        'ecom_refund_reject_reason_cancel_unacceptable_uk',
        "The seller didn't accept your cancellation request",
      ),
      reason(
        'ecom_reverse_reject_cancel_reason_product_packed',
        'Your product has been shipped. Please wait for tracking updates',
      ),
    ],
    retired: [],
  },
  JP: {
    unpaid: [C.unpaidPrice, C.unpaidOutOfStock, C.unpaidRequested, C.unpaidNotPaid],
    paid: [
      C.price,
      C.outOfStock,
      C.requested,
      C.address,
      reason('seller_cancel_order_reason_potential_fraud', 'Order with high chance of cancellation / refund'),
    ],
    reject: [],
    retired: [],
  },
  MX: {
    unpaid: [C.unpaidOutOfStock, C.unpaidNotPaid, C.unpaidRequested],
    paid: [C.outOfStock, C.requested, B.address],
    reject: LATAM_REJECT,
    retired: [],
  },
  BR: {
    unpaid: [C.unpaidOutOfStock, C.unpaidPrice, C.unpaidNotPaid, C.unpaidRequested],
    paid: [C.outOfStock, C.requested, B.address],
    reject: LATAM_REJECT,
    retired: [],
  },
  ID: {
    ...SEA,
    reject: [...rejectReasons(), reason('system_cancel_failed_due_to_tts', 'Order canceled by system')],
  },
  MY: SEA,
  PH: {
    ...SEA,
    unpaid: [...SEA.unpaid, B.unpaidRequested],
    paid: [...SEA.paid, B.requested],
  },
  SG: {
    ...SEA,
    unpaid: [B.unpaidOutOfStock, B.unpaidPrice],
    retired: ['seller_cancel_unable_to_deliver_to_buyer_address'],
  },
  TH: SEA,
  VN: SEA,
};

const EU_REGIONS: readonly string[] = ['ES', 'IE', 'FR', 'DE', 'IT'];

/** The Cancel reasons market of a shop region (`GB`/`UK` → GB, ES/IE/FR/DE/IT → EU), or null. */
export function cancelReasonMarket(region: string): CancelReasonMarket | null {
  const code = region.trim().toUpperCase();
  if (code === 'UK') return 'GB';
  if (EU_REGIONS.includes(code)) return 'EU';
  return Object.prototype.hasOwnProperty.call(TIKTOK_CANCEL_REASONS, code)
    ? (code as CancelReasonMarket)
    : null;
}

const PAID_STATUSES: readonly string[] = [
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
];

/** The seller cancel reasons TikTok accepts for an order in `status` of a shop in `region` (none once shipped). */
export function sellerCancelReasons(region: string, status: string): readonly TikTokCancelReason[] {
  const market = cancelReasonMarket(region);
  if (market === null) return [];
  if (status === 'UNPAID') return TIKTOK_CANCEL_REASONS[market].unpaid;
  return PAID_STATUSES.includes(status) ? TIKTOK_CANCEL_REASONS[market].paid : [];
}

/**
 * How TikTok takes a seller cancel reason: `valid`; `status_mismatch` — a seller reason of this market
 * for another order status (25001021 "Reason not match order status"); `retired` — taken offline in
 * this market (25001020); `unknown` — anything else, e.g. another market's code or free text (25001014).
 */
export type SellerCancelReasonCheck = 'valid' | 'status_mismatch' | 'retired' | 'unknown';

export function checkSellerCancelReason(
  region: string,
  status: string,
  code: string,
): SellerCancelReasonCheck {
  const market = cancelReasonMarket(region);
  if (market === null) return 'unknown';
  const reasons = TIKTOK_CANCEL_REASONS[market];
  if (sellerCancelReasons(region, status).some((r) => r.code === code)) return 'valid';
  if ([...reasons.unpaid, ...reasons.paid].some((r) => r.code === code)) return 'status_mismatch';
  return reasons.retired.includes(code) ? 'retired' : 'unknown';
}

/** The reasons a seller in `region` may give when rejecting a buyer's cancellation request. */
export function sellerRejectCancelReasons(region: string): readonly TikTokCancelReason[] {
  const market = cancelReasonMarket(region);
  return market === null ? [] : TIKTOK_CANCEL_REASONS[market].reject;
}
