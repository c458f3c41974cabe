/**
 * A TikTok refund as the connector books it: one return (Search Returns, `POST
 * /return_refund/202309/returns/search`, `data.return_orders[]`) or one cancellation after payment
 * (Search Cancellations, `data.cancellations[]`), reduced to what the refund documents need, and its
 * amounts in integer minor units. TikTok's pages:
 * https://partner.tiktokshop.com/docv2/page/search-returns-202309 and
 * https://partner.tiktokshop.com/docv2/page/search-cancellations-202309.
 *
 * - `refund_amount {currency, refund_total, refund_subtotal, refund_shipping_fee, refund_tax}` is what
 *   the buyer gets back; buyer-paid fees (`retail_delivery_fee`, `buyer_service_fee`) come back with the
 *   last refund of an order. TikTok's "Return amount detail" changelog: `refund_total =
 *   refund_subtotal + refund_shipping_fee + refund_tax` (+ those fees).
 * - `discount_amount [{product_seller_discount, product_platform_discount, shipping_fee_seller_discount,
 *   shipping_fee_platform_discount}]` says who funded the discounts the refund gives back (an array of
 *   one object on the Search Returns page; the changelog's sample shows an object: both are read).
 * - The refund id (the return id or the cancel id) is the refund document's external id
 *   (ids/external-ids.ts#refundExternalId): one refund, one document.
 */
import type { Problems } from '../contract/validation-problems';
import { describeValue, isPlainObject } from '../contract/validation-problems';
import { isTikTokId } from '../ids/tiktok-id';
import { isCurrencyCode, parseMoney } from '../money/money';

/** Where the refund came from: a return (incl. refund-only) or a cancellation of a paid order. */
export const REFUND_SOURCES = ['return', 'cancellation'] as const;
export type RefundSource = (typeof REFUND_SOURCES)[number];

/**
 * Statuses at which TikTok has paid the buyer back: a return or refund-only request completed, a
 * replacement turned into a refund, a cancellation completed (Search Returns / Search Cancellations
 * status lists; webhook types 11 and 12).
 */
export const REFUND_DONE_STATUSES: Readonly<Record<RefundSource, readonly string[]>> = {
  return: ['RETURN_OR_REFUND_REQUEST_COMPLETE', 'REPLACEMENT_REQUEST_REFUND_SUCCESS'],
  cancellation: ['CANCELLATION_REQUEST_COMPLETE'],
};

export interface TikTokRefundAmountWire {
  currency: string;
  refund_total: string;
  refund_subtotal?: string;
  refund_shipping_fee?: string;
  refund_tax?: string;
  retail_delivery_fee?: string;
  buyer_service_fee?: string;
}

export interface TikTokDiscountAmountWire {
  product_seller_discount?: string;
  product_platform_discount?: string;
  shipping_fee_seller_discount?: string;
  shipping_fee_platform_discount?: string;
}

export interface TikTokRefundLine {
  /** The order line item (one unit) refunded: a value of a sales order line's `custcol_tts_line_ids`. */
  order_line_item_id: string;
  refund_amount?: TikTokRefundAmountWire;
}

/** The refund the bridge sends in `refunds.upsert` (docs/contracts.md). */
export interface TikTokRefund {
  /** The return id or the cancel id. */
  refund_id: string;
  source: RefundSource;
  order_id: string;
  /** `return_type` of a return (REFUND, RETURN_AND_REFUND, REPLACEMENT); absent for a cancellation. */
  return_type?: string;
  /** `return_status` or `cancel_status`. */
  status: string;
  /** Unix seconds. */
  update_time: number;
  refund_amount: TikTokRefundAmountWire;
  discount_amount?: TikTokDiscountAmountWire | TikTokDiscountAmountWire[];
  /** The units refunded (none: a shipping-only refund). */
  lines: TikTokRefundLine[];
}

/** A refund's amounts in minor units. */
export interface RefundFigures {
  currency: string;
  total: number;
  subtotal: number;
  shipping: number;
  tax: number;
  /** Buyer-paid fees given back (retail delivery fee, buyer service fee). */
  fees: number;
  productSellerDiscount: number;
  productPlatformDiscount: number;
  shippingSellerDiscount: number;
  shippingPlatformDiscount: number;
  /** Per refunded unit: its refund_subtotal (null when TikTok gives none for the line). */
  lineSubtotals: ReadonlyMap<string, number | null>;
  /** Per refunded unit: its refund_tax (null when TikTok gives none for the line). */
  lineTaxes: ReadonlyMap<string, number | null>;
}

/** Whether TikTok has paid this refund back to the buyer (so it becomes a NetSuite document). */
export function isRefundDone(refund: Pick<TikTokRefund, 'source' | 'status'>): boolean {
  return REFUND_DONE_STATUSES[refund.source].includes(refund.status);
}

function discountOf(refund: Pick<TikTokRefund, 'discount_amount'>): TikTokDiscountAmountWire {
  const d = refund.discount_amount;
  if (Array.isArray(d)) return d[0] ?? {};
  return d ?? {};
}

function minorOr0(value: string | undefined, currency: string): number {
  if (value === undefined || value === '') return 0;
  const parsed = parseMoney(value, currency);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.minor;
}

/** The refund's amounts in minor units (values already validated by checkTikTokRefund). */
export function refundFigures(refund: TikTokRefund): RefundFigures {
  const a = refund.refund_amount;
  const c = a.currency;
  const d = discountOf(refund);
  const lineSubtotals = new Map<string, number | null>();
  const lineTaxes = new Map<string, number | null>();
  for (const line of refund.lines) {
    const sub = line.refund_amount?.refund_subtotal;
    lineSubtotals.set(line.order_line_item_id, sub === undefined ? null : minorOr0(sub, c));
    const tax = line.refund_amount?.refund_tax;
    lineTaxes.set(line.order_line_item_id, tax === undefined ? null : minorOr0(tax, c));
  }
  return {
    currency: c,
    total: minorOr0(a.refund_total, c),
    subtotal: minorOr0(a.refund_subtotal, c),
    shipping: minorOr0(a.refund_shipping_fee, c),
    tax: minorOr0(a.refund_tax, c),
    fees: minorOr0(a.retail_delivery_fee, c) + minorOr0(a.buyer_service_fee, c),
    productSellerDiscount: minorOr0(d.product_seller_discount, c),
    productPlatformDiscount: minorOr0(d.product_platform_discount, c),
    shippingSellerDiscount: minorOr0(d.shipping_fee_seller_discount, c),
    shippingPlatformDiscount: minorOr0(d.shipping_fee_platform_discount, c),
    lineSubtotals,
    lineTaxes,
  };
}

function checkAmount(
  problems: Problems,
  path: string,
  value: unknown,
  currency: string,
  required: boolean,
): void {
  if (value === undefined || value === null) {
    if (required) problems.add(path, `missing; send TikTok's amount as a decimal string such as "12.30"`);
    return;
  }
  if (typeof value !== 'string') {
    problems.add(path, `${describeValue(value)} is not a decimal string; send TikTok's amount as text`);
    return;
  }
  const parsed = parseMoney(value, currency);
  if (!parsed.ok) problems.add(path, parsed.problem);
  else if (parsed.minor < 0)
    problems.add(path, `${value} is negative; TikTok's refund amounts are 0 or more`);
}

const AMOUNT_KEYS = [
  'refund_subtotal',
  'refund_shipping_fee',
  'refund_tax',
  'retail_delivery_fee',
  'buyer_service_fee',
] as const;
const DISCOUNT_KEYS = [
  'product_seller_discount',
  'product_platform_discount',
  'shipping_fee_seller_discount',
  'shipping_fee_platform_discount',
] as const;

function checkRefundAmount(problems: Problems, path: string, value: unknown, currency: string | null): void {
  if (!isPlainObject(value)) {
    problems.add(path, `${describeValue(value)} is not an object; send TikTok's refund_amount`);
    return;
  }
  if (typeof value.currency !== 'string' || !isCurrencyCode(value.currency)) {
    problems.add(
      `${path}.currency`,
      `${describeValue(value.currency)} is not a currency code; send TikTok's (e.g. "USD")`,
    );
    return;
  }
  if (currency !== null && value.currency !== currency) {
    problems.add(
      `${path}.currency`,
      `"${value.currency}" differs from the refund's ${currency}; one refund has one currency`,
    );
    return;
  }
  checkAmount(problems, `${path}.refund_total`, value.refund_total, value.currency, currency === null);
  for (const key of AMOUNT_KEYS) checkAmount(problems, `${path}.${key}`, value[key], value.currency, false);
}

/** Problems of one refund at `path` (e.g. `refunds[0]`), added to `problems`. */
export function checkTikTokRefund(problems: Problems, path: string, value: unknown): void {
  if (!isPlainObject(value)) {
    problems.add(
      path,
      `${describeValue(value)} is not an object; send the refund as docs/contracts.md describes`,
    );
    return;
  }
  for (const key of ['refund_id', 'order_id'] as const) {
    if (!isTikTokId(value[key])) {
      problems.add(
        `${path}.${key}`,
        `${describeValue(value[key])} is not a TikTok id; send its digits as a string`,
      );
    }
  }
  if (!(REFUND_SOURCES as readonly unknown[]).includes(value.source)) {
    problems.add(
      `${path}.source`,
      `${describeValue(value.source)} is not one of ${REFUND_SOURCES.join(', ')}`,
    );
  }
  if (typeof value.status !== 'string' || value.status === '') {
    problems.add(
      `${path}.status`,
      `${describeValue(value.status)} is not a status; send TikTok's return_status or cancel_status`,
    );
  }
  if (
    typeof value.update_time !== 'number' ||
    !Number.isInteger(value.update_time) ||
    value.update_time < 0
  ) {
    problems.add(
      `${path}.update_time`,
      `${describeValue(value.update_time)} is not a time; send Unix seconds as an integer`,
    );
  }
  if (value.return_type !== undefined && typeof value.return_type !== 'string') {
    problems.add(
      `${path}.return_type`,
      `${describeValue(value.return_type)} is not text; send TikTok's return_type or leave it out`,
    );
  }
  checkRefundAmount(problems, `${path}.refund_amount`, value.refund_amount, null);
  const amount = value.refund_amount;
  const currency =
    isPlainObject(amount) && typeof amount.currency === 'string' && isCurrencyCode(amount.currency)
      ? amount.currency
      : null;
  const discount = Array.isArray(value.discount_amount) ? value.discount_amount[0] : value.discount_amount;
  if (discount !== undefined && discount !== null) {
    if (!isPlainObject(discount)) {
      problems.add(
        `${path}.discount_amount`,
        `${describeValue(discount)} is not an object; send TikTok's discount_amount`,
      );
    } else if (currency !== null) {
      for (const key of DISCOUNT_KEYS)
        checkAmount(problems, `${path}.discount_amount.${key}`, discount[key], currency, false);
    }
  }
  const lines = value.lines;
  if (!Array.isArray(lines)) {
    problems.add(
      `${path}.lines`,
      `${describeValue(lines)} is not an array; send the refunded units ([] for a shipping-only refund)`,
    );
    return;
  }
  const seen = new Set<string>();
  lines.forEach((line: unknown, i) => {
    const at = `${path}.lines[${i}]`;
    if (!isPlainObject(line) || !isTikTokId(line.order_line_item_id)) {
      problems.add(
        `${at}.order_line_item_id`,
        `${describeValue(isPlainObject(line) ? line.order_line_item_id : line)} is not a TikTok order line item id`,
      );
      return;
    }
    if (seen.has(line.order_line_item_id)) {
      problems.add(
        `${at}.order_line_item_id`,
        `order line item ${line.order_line_item_id} is refunded twice in one refund; TikTok refunds each unit once`,
      );
    }
    seen.add(line.order_line_item_id);
    if (line.refund_amount !== undefined)
      checkRefundAmount(problems, `${at}.refund_amount`, line.refund_amount, currency);
  });
}
