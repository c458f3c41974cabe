import { buyerExternalId, salesOrderExternalId } from './ids';
import { formatMinor, multiplyMinor, sumMinor, toMinor } from './money';
import { TEXTAREA_SAFE_LENGTH } from './netsuite-ids';
import { classifyForImport, notImportedNote } from './order-classify';
import { parsePaymentMethodMap, resolvePaymentMethod } from './payment-method-map';
import type { NetSuiteShipAddress } from './ship-address';
import { mapShipAddress } from './ship-address';
import type { ShopSettings } from './shop-settings';
import { SHOP_RECORD_LOCATION } from './shop-settings';
import type { TikTokLineItem, TikTokOrder } from './tiktok-order';

export { classifyForImport } from './order-classify';
export type { ImportClass } from './order-classify';

/**
 * TikTok order → the sales order to create, decided without touching NetSuite.
 *
 * TikTok has no quantity: every unit is its own line item. Units of the same SKU at the same sale
 * price become one NetSuite line with that quantity and the TikTok line item ids (so a later
 * fulfillment can name them); rate = sale price. Everything that would stop the import is reported
 * at once, each problem with the fix, so one round of corrections is enough.
 */

export type OrderProblemCode =
  | 'not_importable'
  | 'currency_mismatch'
  | 'no_lines'
  | 'unmatched_skus'
  | 'ambiguous_skus'
  | 'invalid_payment_method_map'
  | 'unmapped_payment_method'
  | 'no_customer'
  | 'no_shipping_item';

export interface OrderProblem {
  code: OrderProblemCode;
  message: string;
}

export interface OrderPlanContext {
  shop: ShopSettings;
  /** Exact seller SKU → active NetSuite item internal id (sku-item-map.ts). */
  items: Readonly<Record<string, string>>;
  /** SKUs that match several items equally well → those item ids. */
  ambiguousSkus?: Readonly<Record<string, readonly string[]>>;
  /** With the per-buyer customer strategy: the buyer's existing customer, if there is one. */
  buyerCustomerId?: string | null;
}

export interface SalesOrderLinePlan {
  itemId: string;
  /** The seller SKU the item was matched by. */
  sku: string;
  quantity: number;
  /** Unit sale price in minor units. */
  rateMinor: number;
  /** rate × quantity in minor units. */
  amountMinor: number;
  /** TikTok line item ids of the units on this line (for `custcol_tts_line_ids`, comma-joined). */
  lineIds: string[];
  locationId: string | null;
}

export interface BuyerCustomerPlan {
  externalId: string;
  /** Customer ID (`entityid`). */
  entityId: string;
  firstName: string;
  lastName: string;
  /** TikTok's relay address for the buyer. */
  email: string | null;
  subsidiaryId: string | null;
}

export type CustomerChoice = { kind: 'existing'; id: string } | { kind: 'new'; customer: BuyerCustomerPlan };

export interface ShippingCharge {
  /** The shop's shipping item, set as the sales order's `shipmethod`. */
  shipMethodId: string;
  /** `shippingcost` in minor units (> 0). */
  costMinor: number;
}

export interface ExpectedTotals {
  /** Σ line amounts of the plan. */
  linesMinor: number;
  subTotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface SalesOrderPlan {
  externalId: string;
  /** PO # (`otherrefnum`) and `custbody_tts_order_id`: the TikTok order id. */
  otherRefNum: string;
  tiktokOrderId: string;
  /** `custbody_tts_shop`: the shop record's internal id. */
  shopRecordId: string;
  customer: CustomerChoice;
  /** Order date as Unix seconds (TikTok `create_time`). */
  tranDateUnix: number;
  currency: string;
  subsidiaryId: string | null;
  locationId: string | null;
  departmentId: string | null;
  classId: string | null;
  paymentMethodId: string;
  memo: string;
  shipAddress: NetSuiteShipAddress | null;
  lines: SalesOrderLinePlan[];
  shipping: ShippingCharge | null;
  totals: ExpectedTotals;
  /** TikTok line items left out because TikTok cancelled them (partial cancellation). */
  cancelledLineIds: string[];
}

export type OrderPlanResult = { ok: true; plan: SalesOrderPlan } | { ok: false; problems: OrderProblem[] };

/** NetSuite's memo field holds 999 characters. */
export const MEMO_MAX_LENGTH = 999;

/** The key a TikTok line is matched by: its seller SKU, or its TikTok SKU id when the seller SKU is empty. */
export function lineSkuKey(line: Pick<TikTokLineItem, 'seller_sku' | 'sku_id'>): string {
  return line.seller_sku === '' ? line.sku_id : line.seller_sku;
}

/** Every SKU key an order needs matched (for the bulk item lookup). */
export function orderSkuKeys(order: Pick<TikTokOrder, 'line_items'>): string[] {
  return [...new Set(order.line_items.map(lineSkuKey))];
}

function retry(): string {
  return 'then retry the order';
}

interface LineGroup {
  sku: string;
  rateMinor: number;
  lines: TikTokLineItem[];
}

function groupLines(lines: readonly TikTokLineItem[], currency: string): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  for (const line of lines) {
    const sku = lineSkuKey(line);
    const rateMinor = toMinor(line.sale_price, currency);
    const key = `${sku}\u0000${rateMinor}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { sku, rateMinor, lines: [line] });
    } else {
      group.lines.push(line);
    }
  }
  return [...groups.values()];
}

function describeSku(sku: string, lines: readonly TikTokLineItem[]): string {
  const first = lines[0];
  const viaSkuId = first.seller_sku === '' ? ', no Seller SKU in TikTok so matched by TikTok SKU id' : '';
  return `${JSON.stringify(sku)} (${first.product_name}${viaSkuId}; line item ${lines.map((l) => l.id).join(', ')})`;
}

function skuProblems(
  groups: readonly LineGroup[],
  context: OrderPlanContext,
  shop: ShopSettings,
): OrderProblem[] {
  const bySku = new Map<string, TikTokLineItem[]>();
  for (const group of groups) {
    bySku.set(group.sku, [...(bySku.get(group.sku) ?? []), ...group.lines]);
  }
  const ambiguousSkus = context.ambiguousSkus ?? {};
  const unmatched: string[] = [];
  const ambiguous: string[] = [];
  for (const [sku, lines] of bySku) {
    const candidates = Object.prototype.hasOwnProperty.call(ambiguousSkus, sku)
      ? ambiguousSkus[sku]
      : undefined;
    if (candidates !== undefined && candidates.length > 1) {
      ambiguous.push(`${describeSku(sku, lines)} matches items ${candidates.join(', ')}`);
    } else if (!Object.prototype.hasOwnProperty.call(context.items, sku)) {
      unmatched.push(describeSku(sku, lines));
    }
  }
  const problems: OrderProblem[] = [];
  if (unmatched.length > 0) {
    const count = unmatched.length === 1 ? '1 TikTok SKU matches' : `${unmatched.length} TikTok SKUs match`;
    problems.push({
      code: 'unmatched_skus',
      message: `${count} no active NetSuite item (shop ${shop.name}): ${unmatched.join('; ')}. SKUs match exactly, including case and spaces. Fix: for each SKU create the item with that Item Name/Number, or set the TikTok SKU field (custitem_tts_sku) of the existing item to exactly that SKU, ${retry()}.`,
    });
  }
  if (ambiguous.length > 0) {
    problems.push({
      code: 'ambiguous_skus',
      message: `TikTok SKU matched by several active NetSuite items (shop ${shop.name}): ${ambiguous.join('; ')}. Fix: keep each SKU on one item only (its Item Name/Number or its TikTok SKU field custitem_tts_sku), ${retry()}.`,
    });
  }
  return problems;
}

function splitName(order: TikTokOrder): { firstName: string; lastName: string } {
  const address = order.recipient_address;
  const first = address?.first_name?.trim() ?? '';
  const last = address?.last_name?.trim() ?? '';
  if (first !== '' || last !== '') {
    return { firstName: first === '' ? 'TikTok' : first, lastName: last === '' ? 'Buyer' : last };
  }
  const full = address?.name?.trim() ?? '';
  const cut = full.lastIndexOf(' ');
  if (cut > 0) {
    return { firstName: full.slice(0, cut).trim(), lastName: full.slice(cut + 1) };
  }
  return full === ''
    ? { firstName: 'TikTok', lastName: `Buyer ${order.user_id}` }
    : { firstName: full, lastName: 'Buyer' };
}

function chooseCustomer(order: TikTokOrder, context: OrderPlanContext): CustomerChoice | OrderProblem {
  const shop = context.shop;
  if (shop.perBuyerCustomer) {
    if (context.buyerCustomerId !== undefined && context.buyerCustomerId !== null) {
      return { kind: 'existing', id: context.buyerCustomerId };
    }
    const name = splitName(order);
    return {
      kind: 'new',
      customer: {
        externalId: buyerExternalId(shop.shopId, order.user_id),
        entityId: `TikTok ${shop.shopId} ${order.user_id}`,
        firstName: name.firstName,
        lastName: name.lastName,
        email: order.buyer_email?.trim() || null,
        subsidiaryId: shop.subsidiaryId,
      },
    };
  }
  if (shop.customerId === null) {
    return {
      code: 'no_customer',
      message: `Shop ${shop.name} has no Default Customer and does not create one customer per buyer. Fix: ${SHOP_RECORD_LOCATION}, set Default Customer (or tick the one-customer-per-buyer option), save, ${retry()}.`,
    };
  }
  return { kind: 'existing', id: shop.customerId };
}

function isProblem(value: object | null): value is OrderProblem {
  return value !== null && 'code' in value && 'message' in value;
}

function memoFor(order: TikTokOrder, shop: ShopSettings): string {
  const note = order.buyer_message?.trim();
  const memo = `TikTok Shop order ${order.id} (${shop.name})${note ? `; buyer note: ${note}` : ''}`;
  return memo.length > MEMO_MAX_LENGTH ? `${memo.slice(0, MEMO_MAX_LENGTH - 3)}...` : memo;
}

function paymentMethod(order: TikTokOrder, shop: ShopSettings): string | OrderProblem[] {
  const parsed = parsePaymentMethodMap(shop.paymentMethodMap, shop.name);
  if (!parsed.ok) {
    return parsed.problems.map((message) => ({ code: 'invalid_payment_method_map' as const, message }));
  }
  const resolved = resolvePaymentMethod(parsed.map, order.payment_method_name);
  return resolved.ok
    ? resolved.paymentMethodId
    : [{ code: 'unmapped_payment_method', message: resolved.problem }];
}

function shippingCharge(
  order: TikTokOrder,
  shop: ShopSettings,
  currency: string,
): ShippingCharge | null | OrderProblem {
  const costMinor = toMinor(order.payment.shipping_fee, currency);
  if (costMinor === 0) {
    return null;
  }
  if (shop.shippingItemId === null) {
    return {
      code: 'no_shipping_item',
      message: `TikTok order ${order.id} charges ${formatMinor(costMinor, currency)} ${currency} shipping but shop ${shop.name} has no Shipping Item. Fix: ${SHOP_RECORD_LOCATION}, set Shipping Item to the NetSuite shipping item for TikTok orders, save, ${retry()}.`,
    };
  }
  return { shipMethodId: shop.shippingItemId, costMinor };
}

/**
 * Plans the sales order for a validated TikTok order (restlet-validation.ts), or lists every
 * problem that stops it, each with the fix.
 */
export function planSalesOrder(order: TikTokOrder, context: OrderPlanContext): OrderPlanResult {
  const shop = context.shop;
  const currency = order.payment.currency;
  if (classifyForImport(order) !== 'import') {
    return { ok: false, problems: [{ code: 'not_importable', message: notImportedNote(order) }] };
  }
  const problems: OrderProblem[] = [];
  if (shop.currency !== null && shop.currency !== currency) {
    problems.push({
      code: 'currency_mismatch',
      message: `TikTok order ${order.id} is in ${currency} but shop ${shop.name} is set to ${shop.currency}. Fix: ${SHOP_RECORD_LOCATION}, check Currency matches the TikTok shop, save, ${retry()}.`,
    });
  }
  const active = order.line_items.filter((line) => line.display_status !== 'CANCELLED');
  const cancelledLineIds = order.line_items
    .filter((line) => line.display_status === 'CANCELLED')
    .map((l) => l.id);
  if (active.length === 0) {
    problems.push({
      code: 'no_lines',
      message: `TikTok order ${order.id} has no line item left that is not cancelled, so there is nothing to import. Fix: check the order in TikTok Shop Seller Center; when TikTok cancels the whole order the inbox record becomes cancelled.`,
    });
  }
  const groups = groupLines(active, currency);
  problems.push(...skuProblems(groups, context, shop));
  const payment = paymentMethod(order, shop);
  if (typeof payment !== 'string') {
    problems.push(...payment);
  }
  const customer = chooseCustomer(order, context);
  if (isProblem(customer)) {
    problems.push(customer);
  }
  const shipping = shippingCharge(order, shop, currency);
  if (isProblem(shipping)) {
    problems.push(shipping);
  }
  if (problems.length > 0 || typeof payment !== 'string' || isProblem(customer) || isProblem(shipping)) {
    return { ok: false, problems };
  }
  const lines: SalesOrderLinePlan[] = groups.map((group) => ({
    itemId: context.items[group.sku],
    sku: group.sku,
    quantity: group.lines.length,
    rateMinor: group.rateMinor,
    amountMinor: multiplyMinor(group.rateMinor, group.lines.length),
    lineIds: group.lines.map((line) => line.id),
    locationId: shop.locationId,
  }));
  return {
    ok: true,
    plan: {
      externalId: salesOrderExternalId(shop.shopId, order.id),
      otherRefNum: order.id,
      tiktokOrderId: order.id,
      shopRecordId: shop.recordId,
      customer,
      tranDateUnix: order.create_time,
      currency,
      subsidiaryId: shop.subsidiaryId,
      locationId: shop.locationId,
      departmentId: shop.departmentId,
      classId: shop.classId,
      paymentMethodId: payment,
      memo: memoFor(order, shop),
      shipAddress: mapShipAddress(order.recipient_address),
      lines,
      shipping,
      totals: {
        linesMinor: sumMinor(lines.map((line) => line.amountMinor)),
        subTotalMinor: toMinor(order.payment.sub_total, currency),
        shippingMinor: toMinor(order.payment.shipping_fee, currency),
        taxMinor: toMinor(order.payment.tax, currency),
        totalMinor: toMinor(order.payment.total_amount, currency),
      },
      cancelledLineIds,
    },
  };
}

/** The problems as one text for the inbox record's error field (TEXTAREA, 4,000 characters). */
export function formatOrderProblems(
  problems: readonly OrderProblem[],
  maxLength = TEXTAREA_SAFE_LENGTH,
): string {
  const text = problems.map((problem) => problem.message).join('\n');
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}
