/**
 * TikTok order → the sales order to create, decided without touching NetSuite.
 *
 * TikTok has no quantity: every unit is its own line item. Units of the same SKU at the same sale
 * price become one NetSuite line with that quantity and the TikTok line item ids (so a later
 * fulfillment can name them); rate = sale price. Everything that would stop the import is reported
 * at once, each problem with the fix, so one round of corrections is enough.
 */
import type { AccountSetup } from '../netsuite/account-setup';
import { accountOf } from '../netsuite/account-setup';
import { expandBundles } from './bundle-split';
import type { CancelRequestFields } from '../cancellations/buyer-cancel-request';
import { cancelRequestFieldsOf, pendingCancellationOf } from '../cancellations/buyer-cancel-request';
import { isTikTokShipping } from '../fulfillments/label-plan';
import { shipByOf } from '../fulfillments/ship-by';
import { buyerExternalId, isInternalId, salesOrderExternalId } from '../ids/external-ids';
import { formatMinor, sumMinor, toMinor } from '../money/money';
import { TEXTAREA_SAFE_LENGTH } from '../netsuite/netsuite-ids';
import { decideImport } from './order-classify';
import { chooseCurrency } from './order-currency';
import type { DiscountLinePlan, LineGroup } from './order-lines';
import { groupAmount, groupLines, planDiscounts, priceModeOf } from './order-lines';
import type { LocationState, WarehouseLink } from './order-location';
import { chooseLocation } from './order-location';
import type { FeeLinePlan } from './order-fees';
import { planFeeLines } from './order-fees';
import { tiktokRemaining } from './order-remaining';
import type { CalendarDate } from '../time/order-dates';
import { calendarDateIn, orderTimeZone } from '../time/order-dates';
import { plannedShipDate, plannedShipDay } from './order-timing';
import { parsePaymentMethodMap, resolvePaymentMethod } from '../settings/payment-method-map';
import { regionCurrency } from '../tiktok/region-currency';
import type { TaxLinePlan } from './order-tax';
import type { TaxBooking, TaxBookingProblem, TaxCodeInfo } from './order-tax-booking';
import { parseRemitter, planTaxBooking } from './order-tax-booking';
import type { NetSuiteShipAddress } from './ship-address';
import { describeShipAddressLimitProblems, mapShipAddress, shipAddressLimitProblems } from './ship-address';
import type { ShopOrderOptions, ShopSettings } from '../settings/shop-settings';
import { orderOptionsOf, SHOP_RECORD_LOCATION } from '../settings/shop-settings';
import type { TikTokLineItem, TikTokOrder } from '../tiktok/tiktok-order';

export { classifyForImport } from './order-classify';
export type { ImportClass } from './order-classify';
export { lineSkuKey, orderSkuKeys } from './order-lines';
export type { DiscountLinePlan } from './order-lines';

export type OrderProblemCode =
  | 'not_importable'
  | 'currency_mismatch'
  | 'currency_missing'
  | 'no_lines'
  | 'unmatched_skus'
  | 'ambiguous_skus'
  | 'invalid_payment_method_map'
  | 'unmapped_payment_method'
  | 'no_customer'
  | 'no_shipping_item'
  | 'no_discount_item'
  | 'no_tax_item'
  | 'no_fee_item'
  | 'no_tax_code'
  | 'location'
  | 'invalid_setting'
  | 'ship_address_too_long';

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
  /** The record of the TikTok warehouse the order ships from (`warehouse_id`), when there is one. */
  warehouse?: WarehouseLink | null;
  /** Location id → state of every location the plan may use; absent: not checked. */
  locations?: Readonly<Record<string, LocationState>>;
  /** For a replacement order: the sales order of the order it replaces, when that was imported. */
  replacedSalesOrderId?: string | null;
  /**
   * The account (account-setup.ts): its features (absent: all of them; a field whose feature is off
   * is left out of the plan, whatever the shop record says) and currencies.
   */
  account?: Partial<AccountSetup>;
  /**
   * With the per-buyer customer strategy: the primary currency of the buyer's existing customer
   * (internal id), when the account has Multiple Currencies.
   */
  buyerCustomerCurrencyId?: string | null;
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
  /** Primary currency: the order's (internal id), with Multiple Currencies; else null. */
  currencyId: string | null;
}

export type CustomerChoice =
  | {
      kind: 'existing';
      id: string;
      /**
       * A per-buyer customer whose primary currency is not the order's: the currency to add to its
       * Currencies sublist (when it is not there yet) before the sales order is saved.
       */
      addCurrencyId?: string;
    }
  | { kind: 'new'; customer: BuyerCustomerPlan };

export interface ShippingCharge {
  /** The shop's shipping item, set as the sales order's `shipmethod`. */
  shipMethodId: string;
  /** `shippingcost` in minor units (> 0). */
  costMinor: number;
}

export interface ExpectedTotals {
  /** Σ item line amounts of the plan. */
  linesMinor: number;
  /** Σ discount line amounts (≤ 0). */
  discountsMinor: number;
  subTotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  /** Σ the buyer-paid fees (order-fees.ts), each on a line of the shop's Buyer Fee Item. */
  feesMinor: number;
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
  /** The IANA zone the order is dated in (order-dates.ts). */
  timeZone: string;
  /** `trandate`: the calendar date of `create_time` in `timeZone`. */
  tranDate: CalendarDate;
  currency: string;
  /** `currency`: the internal id of the order's currency (order-currency.ts), or null to leave it. */
  currencyId: string | null;
  subsidiaryId: string | null;
  locationId: string | null;
  departmentId: string | null;
  classId: string | null;
  paymentMethodId: string;
  memo: string;
  shipAddress: NetSuiteShipAddress | null;
  lines: SalesOrderLinePlan[];
  shipping: ShippingCharge | null;
  /** TikTok's whole tax on one line of the shop's Tax Item (order-tax.ts), or null when there is none. */
  taxLine: TaxLinePlan | null;
  /** The buyer-paid fees, one line each on the shop's Buyer Fee Item (order-fees.ts), after the tax line. */
  feeLines: FeeLinePlan[];
  /** How the tax is booked for the shop's tax case (order-tax-booking.ts). */
  booking: TaxBooking;
  totals: ExpectedTotals;
  /** TikTok line items left out because TikTok cancelled them (partial cancellation). */
  cancelledLineIds: string[];
  /** Seller and platform discount lines (after the item lines). */
  discounts: DiscountLinePlan[];
  /** `customform`: the shop's sales order form, or null for the account's preferred form. */
  formId: string | null;
  /** `orderstatus`: `A` pending approval or `B` pending fulfillment. */
  orderStatus: 'A' | 'B';
  /** TikTok's ship-by time (Unix s) for pre-orders, else null. */
  shipDateUnix: number | null;
  /** `shipdate`: the pre-order's ship date in `timeZone`, else null. */
  shipDate: CalendarDate | null;
  /** `custbody_tts_sample`: a TikTok sample order, imported at zero price. */
  sample: boolean;
  /** `custbody_tts_fbt`: fulfilled by TikTok, imported against the shop's FBT location. */
  fbt: boolean;
  /** For a replacement order: `custbody_tts_replaced_order` and `custbody_tts_replaced_so`. */
  replacement: { originalOrderId: string; originalSalesOrderId: string | null } | null;
  /**
   * Marketplace-facilitator tax: TikTok computed, collects and remits the tax, so no line is taxable
   * in NetSuite and the tax is the tax line; `custbody_tts_tax` carries TikTok's tax and
   * `custbody_tts_tax_variance` what NetSuite adds on top (its own taxtotal: expected 0; the tie-out
   * corrects it when NetSuite differs).
   */
  tiktokTaxMinor: number;
  expectedTaxVarianceMinor: number;
  /** A buyer's cancellation request TikTok has pending, shown on the sales order (buyer-cancel-request.ts). */
  cancelRequest?: CancelRequestFields;
  /** `custbody_tts_ship_by`: TikTok's ship-by deadline (Unix s; fulfillments/ship-by.ts), null for none. */
  shipByUnix: number | null;
  /** `custbody_tts_tiktok_ship`: TikTok Shipping (TikTok's label and carrier; fulfillments/label-plan.ts). */
  tiktokShipping: boolean;
}

export type OrderPlanResult = { ok: true; plan: SalesOrderPlan } | { ok: false; problems: OrderProblem[] };

/** NetSuite's memo field holds 999 characters. */
export const MEMO_MAX_LENGTH = 999;

function retry(): string {
  return 'then retry the order';
}

function describeSku(sku: string, lines: readonly TikTokLineItem[]): string {
  const first = lines[0];
  const viaSkuId = first.seller_sku === '' ? ', no Seller SKU in TikTok so matched by TikTok SKU id' : '';
  return `${JSON.stringify(sku)} (${first.product_name}${viaSkuId}; line item ${[...new Set(lines.map((l) => l.id))].join(', ')})`;
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

/** NetSuite's customer First Name and Last Name hold 32 characters each; a longer one fails the save. */
export const PERSON_NAME_MAX_LENGTH = 32;

function fitName(name: string): string {
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent — names come trimmed, and cutting one of at most 32 characters to 32 changes nothing
  return name.length > PERSON_NAME_MAX_LENGTH ? name.slice(0, PERSON_NAME_MAX_LENGTH).trim() : name;
}

function splitName(order: TikTokOrder): { firstName: string; lastName: string } {
  const address = order.recipient_address;
  const first = address?.first_name?.trim() ?? '';
  const last = address?.last_name?.trim() ?? '';
  if (first !== '' || last !== '') {
    return {
      firstName: first === '' ? 'TikTok' : fitName(first),
      lastName: last === '' ? 'Buyer' : fitName(last),
    };
  }
  const full = address?.name?.trim() ?? '';
  const cut = full.lastIndexOf(' ');
  // Stryker disable next-line EqualityOperator: equivalent — `full` is trimmed, so a space is never at 0
  if (cut > 0) {
    return { firstName: fitName(full.slice(0, cut).trim()), lastName: fitName(full.slice(cut + 1)) };
  }
  return full === ''
    ? { firstName: 'TikTok', lastName: `Buyer ${order.user_id}` }
    : { firstName: fitName(full), lastName: 'Buyer' };
}

function chooseCustomer(
  order: TikTokOrder,
  context: OrderPlanContext,
  currencyId: string | null,
): CustomerChoice | OrderProblem {
  const shop = context.shop;
  const features = accountOf(context.account).features;
  if (shop.perBuyerCustomer) {
    if (context.buyerCustomerId !== undefined && context.buyerCustomerId !== null) {
      const primary = context.buyerCustomerCurrencyId ?? null;
      return currencyId !== null && primary !== null && primary !== currencyId
        ? { kind: 'existing', id: context.buyerCustomerId, addCurrencyId: currencyId }
        : { kind: 'existing', id: context.buyerCustomerId };
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
        subsidiaryId: features.subsidiaries ? shop.subsidiaryId : null,
        currencyId,
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

function currencyProblems(order: TikTokOrder, shop: ShopSettings, currency: string): OrderProblem[] {
  const expected = regionCurrency(shop.region);
  const problems: OrderProblem[] = [];
  if (expected !== null && expected !== currency) {
    problems.push({
      code: 'currency_mismatch',
      message: `TikTok order ${order.id} is in ${currency}, but shop ${shop.name} is in region ${String(shop.region)}, whose TikTok currency is ${expected}; the order is not imported in a foreign currency. Fix: check the order in TikTok Seller Center and the shop's Region on the TikTok Shop record (the bridge sets it when the shop is connected; reconnect the shop if it is wrong), ${retry()}.`,
    });
  }
  if (shop.currency !== null && shop.currency !== currency) {
    problems.push({
      code: 'currency_mismatch',
      message: `TikTok order ${order.id} is in ${currency} but shop ${shop.name} is set to ${shop.currency}. Fix: ${SHOP_RECORD_LOCATION}, check Currency matches the TikTok shop, save, ${retry()}.`,
    });
  }
  return problems;
}

function headerSettings(
  shop: ShopSettings,
  options: ShopOrderOptions,
): { formId: string | null; orderStatus: 'A' | 'B' } | OrderProblem {
  const status = options.orderStatus.trim().toUpperCase();
  if (status !== 'A' && status !== 'B') {
    return {
      code: 'invalid_setting',
      message: `Shop ${shop.name} has Order Status ${JSON.stringify(options.orderStatus)}; it must be A (Pending Approval) or B (Pending Fulfillment). Fix: ${SHOP_RECORD_LOCATION}, set Order Status to A or B, save, ${retry()}.`,
    };
  }
  if (options.formId !== null && !isInternalId(options.formId)) {
    return {
      code: 'invalid_setting',
      message: `Shop ${shop.name} has Sales Order Form ${JSON.stringify(options.formId)}, which is not a form's internal id. Fix: ${SHOP_RECORD_LOCATION}, set Sales Order Form to the internal id shown in Customization > Forms > Transaction Forms (or clear it for the preferred form), save, ${retry()}.`,
    };
  }
  return { formId: options.formId, orderStatus: status };
}

function buildLines(groups: readonly LineGroup[], context: OrderPlanContext, locationId: string | null) {
  return groups.map((group): SalesOrderLinePlan => ({
    itemId: context.items[group.sku],
    sku: group.sku,
    quantity: group.lines.length,
    rateMinor: group.rateMinor,
    amountMinor: groupAmount(group),
    lineIds: group.lines.map((line) => line.id),
    locationId,
  }));
}

/** The shop's Tax Code as the account has it: found, unknown to the account, or not set. */
function shopTaxCode(
  shop: ShopSettings,
  account: AccountSetup,
): { taxCode: TaxCodeInfo | null; unknownTaxCodeId: string | null } {
  const id = shop.taxCodeId ?? null;
  if (id === null) return { taxCode: null, unknownTaxCodeId: null };
  if (account.taxCodes === null) {
    // Not read (a test's account): the code is taken as it is, at no rate.
    return { taxCode: { id, name: id, rate: 0, taxTypeId: null }, unknownTaxCodeId: null };
  }
  const found = Object.prototype.hasOwnProperty.call(account.taxCodes, id) ? account.taxCodes[id] : null;
  return found === null
    ? { taxCode: null, unknownTaxCodeId: id }
    : { taxCode: found, unknownTaxCodeId: null };
}

/** The order's tax booking for the shop's tax case and the account's tax engine. */
function taxBooking(
  order: TikTokOrder,
  shop: ShopSettings,
  account: AccountSetup,
  groups: readonly LineGroup[],
  other: { discounts: readonly DiscountLinePlan[]; fees: readonly FeeLinePlan[] },
): TaxBooking | TaxBookingProblem {
  const remitter = parseRemitter(shop.taxRemitter, shop);
  if ('code' in remitter) return remitter;
  const currency = order.payment.currency;
  const shippingTax = order.payment.shipping_fee_tax;
  return planTaxBooking({
    orderId: order.id,
    currency,
    shopName: shop.name,
    engine: account.taxEngine,
    remitter: remitter.remitter,
    lines: groups.map((group) => ({ amountMinor: groupAmount(group), units: group.lines })),
    discountsMinor: other.discounts.map((d) => d.amountMinor),
    feesMinor: other.fees.map((fee) => fee.amountMinor),
    subTotalMinor: tiktokRemaining(order).merchandiseMinor,
    shippingMinor: toMinor(order.payment.shipping_fee, currency),
    shippingTaxMinor: shippingTax === undefined || shippingTax === '' ? 0 : toMinor(shippingTax, currency),
    taxMinor: tiktokRemaining(order).taxMinor,
    taxItemId: shop.taxItemId,
    ...shopTaxCode(shop, account),
  });
}

/**
 * Plans the sales order for a validated TikTok order (restlet-validation.ts), or lists every
 * problem that stops it, each with the fix.
 */
export function planSalesOrder(order: TikTokOrder, context: OrderPlanContext): OrderPlanResult {
  const shop = context.shop;
  const account = accountOf(context.account);
  const features = account.features;
  const options = orderOptionsOf(shop);
  const currency = order.payment.currency;
  const decision = decideImport(order, shop);
  if (decision.kind !== 'import') {
    return { ok: false, problems: [{ code: 'not_importable', message: decision.note }] };
  }
  const problems: OrderProblem[] = currencyProblems(order, shop, currency);
  const currencyChoice = chooseCurrency(order.id, currency, account);
  if (isProblem(currencyChoice)) {
    problems.push(currencyChoice);
  }
  const currencyId = isProblem(currencyChoice) ? null : currencyChoice.currencyId;
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
  const mode = priceModeOf(options, decision.sample);
  // Virtual bundles as their component units, unless the shop imports them as kits (bundle-split.ts).
  const units = expandBundles(active, currency, options.bundlesAsKits);
  const groups = groupLines(units, currency, mode);
  problems.push(...skuProblems(groups, context, shop));
  const discounts = planDiscounts(order, units, mode, options, shop.name, currency);
  if (!discounts.ok) {
    problems.push(...discounts.problems);
  }
  const header = headerSettings(shop, options);
  if (isProblem(header)) {
    problems.push(header);
  }
  const zone = orderTimeZone(shop, options, account.companyTimeZone, SHOP_RECORD_LOCATION);
  if (!zone.ok) {
    problems.push({ code: 'invalid_setting', message: zone.problem });
  }
  const location = chooseLocation(shop, options, decision.fbt, {
    warehouseId: order.warehouse_id?.trim() || null,
    warehouse: context.warehouse ?? null,
    locations: context.locations,
  });
  if (!location.ok) {
    problems.push({ code: 'location', message: `TikTok order ${order.id}: ${location.message}` });
  }
  const payment = paymentMethod(order, shop);
  if (typeof payment !== 'string') {
    problems.push(...payment);
  }
  const customer = chooseCustomer(order, context, currencyId);
  if (isProblem(customer)) {
    problems.push(customer);
  }
  const shipping = shippingCharge(order, shop, currency);
  if (isProblem(shipping)) {
    problems.push(shipping);
  }
  const feeLines = planFeeLines(order, shop.name, options);
  if (!Array.isArray(feeLines)) {
    problems.push(feeLines);
  }
  const booking = taxBooking(order, shop, account, groups, {
    discounts: discounts.ok ? discounts.discounts : [],
    fees: Array.isArray(feeLines) ? feeLines : [],
  });
  if (isProblem(booking)) {
    problems.push(booking);
  }
  const shipAddress = mapShipAddress(order.recipient_address);
  const tooLong = shipAddress === null ? [] : shipAddressLimitProblems(shipAddress);
  if (tooLong.length > 0) {
    problems.push({
      code: 'ship_address_too_long',
      message: describeShipAddressLimitProblems(order.id, tooLong),
    });
  }
  if (
    problems.length > 0 ||
    typeof payment !== 'string' ||
    isProblem(customer) ||
    isProblem(shipping) ||
    isProblem(header) ||
    isProblem(booking) ||
    !Array.isArray(feeLines) ||
    !zone.ok ||
    !location.ok ||
    !discounts.ok
  ) {
    return { ok: false, problems };
  }
  const headerLocation = features.locations ? location.locationId : null;
  // The item line's location exists only with Multi-Location Inventory.
  const lines = buildLines(groups, context, features.multiLocationInventory ? headerLocation : null);
  // TikTok's figures less the units it cancelled before the import (they are not on the order).
  const remaining = tiktokRemaining(order);
  const replacedId = order.replaced_order_id?.trim() ?? '';
  return {
    ok: true,
    plan: {
      externalId: salesOrderExternalId(shop.shopId, order.id),
      otherRefNum: order.id,
      tiktokOrderId: order.id,
      shopRecordId: shop.recordId,
      customer,
      tranDateUnix: order.create_time,
      timeZone: zone.zone,
      tranDate: calendarDateIn(order.create_time, zone.zone),
      currency,
      currencyId,
      subsidiaryId: features.subsidiaries ? shop.subsidiaryId : null,
      locationId: headerLocation,
      departmentId: features.departments ? shop.departmentId : null,
      classId: features.classes ? shop.classId : null,
      paymentMethodId: payment,
      memo: memoFor(order, shop),
      shipAddress,
      lines,
      shipping: shipping === null ? null : { ...shipping, costMinor: booking.shippingCostMinor },
      taxLine: booking.taxLine,
      feeLines,
      booking,
      totals: {
        linesMinor: sumMinor(lines.map((line) => line.amountMinor)),
        discountsMinor: sumMinor(discounts.discounts.map((line) => line.amountMinor)),
        subTotalMinor: remaining.merchandiseMinor,
        shippingMinor: toMinor(order.payment.shipping_fee, currency),
        taxMinor: remaining.taxMinor,
        feesMinor: sumMinor(feeLines.map((fee) => fee.amountMinor)),
        totalMinor: remaining.totalMinor,
      },
      cancelledLineIds,
      discounts: discounts.discounts,
      formId: header.formId,
      // A Fulfilled-by-TikTok order has shipped already: it is recorded fulfilled, never held for approval.
      orderStatus: decision.fbt ? 'B' : header.orderStatus,
      shipDateUnix: plannedShipDate(order, options.handlingDays),
      shipDate: plannedShipDay(order, options.handlingDays, zone.zone),
      sample: decision.sample,
      fbt: decision.fbt,
      replacement:
        order.is_replacement_order === true || replacedId !== ''
          ? { originalOrderId: replacedId, originalSalesOrderId: context.replacedSalesOrderId ?? null }
          : null,
      tiktokTaxMinor: remaining.taxMinor,
      expectedTaxVarianceMinor: 0,
      shipByUnix: shipByOf(order),
      tiktokShipping: isTikTokShipping(order),
      ...(pendingCancellationOf(order) === null
        ? {}
        : { cancelRequest: cancelRequestFieldsOf(pendingCancellationOf(order)) }),
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
