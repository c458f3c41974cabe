/**
 * Validation of everything the bridge POSTs to the connector RESTlet. Nothing is saved unless the
 * whole request is valid; every problem names the path of the bad value and what to send instead,
 * e.g. `orders[3].line_items[0].sale_price: "12.3.4" is not a decimal amount; send ...`.
 * Fields the connector does not read are passed through untouched (TikTok adds fields over time).
 * Validation is complete before anything is written: text longer than the NetSuite field it goes to
 * is refused naming the field and its limit (`netsuite-text-limits.ts`), and an order whose lines
 * do not add up to its payment is refused naming the figures (`order-money-identities.ts`).
 */
import { isInternalId } from '../ids/external-ids';
import { isTikTokId } from '../ids/tiktok-id';
import { isCurrencyCode, parseMoney } from '../money/money';
import {
  checkLength,
  FREE_FORM_TEXT_MAX_LENGTH,
  LONG_TEXT_MAX_LENGTH,
  textLengthProblem,
} from '../netsuite/netsuite-text-limits';
import { orderMoneyProblems } from '../money/order-money-identities';
import { checkOutboxAck, checkOutboxPull } from '../outbox/outbox-validation';
import type { RestletPostRequest, ShopConnectionState } from './restlet-contract';
import { MAX_ORDERS_PER_UPSERT, MAX_RETRY_IDS, RESTLET_ERROR_CODES } from './restlet-contract';
import type { TikTokOrder } from '../tiktok/tiktok-order';
import { TIKTOK_ORDER_STATUSES } from '../tiktok/tiktok-order';
import { describeValue, isPlainObject, Problems } from './validation-problems';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export type RestletValidationResult =
  | { ok: true; value: RestletPostRequest }
  | {
      ok: false;
      /** `TTS_UNKNOWN_ACTION` when only the action is wrong, else `TTS_INVALID_REQUEST`. */
      code: typeof RESTLET_ERROR_CODES.INVALID_REQUEST | typeof RESTLET_ERROR_CODES.UNKNOWN_ACTION;
      problems: string[];
    };

export const POST_ACTIONS = [
  'shop.upsert',
  'orders.upsert',
  'orders.retry',
  'outbox.pull',
  'outbox.ack',
] as const;

/** The inbox record keeps the whole order as JSON in a Long Text field. */
const ORDER_PAYLOAD_TARGET = {
  field: 'Order Payload (custrecord_tts_ord_payload, the order as JSON)',
  limit: LONG_TEXT_MAX_LENGTH,
};

const SHOP_STATES: readonly ShopConnectionState[] = ['connected', 'needs_reauth', 'disconnected'];

const REQUIRED_PAYMENT_AMOUNTS = [
  'sub_total',
  'shipping_fee',
  'seller_discount',
  'platform_discount',
  'total_amount',
  'original_total_product_price',
  'original_shipping_fee',
  'tax',
] as const;

const OPTIONAL_PAYMENT_AMOUNTS = [
  'shipping_fee_seller_discount',
  'shipping_fee_platform_discount',
  'shipping_fee_cofunded_discount',
  'product_tax',
  'shipping_fee_tax',
  'retail_delivery_fee',
  'small_order_fee',
  'handling_fee',
  'item_insurance_fee',
  'buyer_service_fee',
  'shipping_insurance_fee',
  'item_insurance_tax',
] as const;

const LINE_AMOUNTS = ['original_price', 'sale_price', 'platform_discount', 'seller_discount'] as const;

const OPTIONAL_LINE_STRINGS = [
  'sku_name',
  'display_status',
  'package_id',
  'package_status',
  'tracking_number',
  'shipping_provider_id',
  'shipping_provider_name',
  'cancel_user',
  'cancel_reason',
] as const;

const ADDRESS_STRINGS = [
  'name',
  'first_name',
  'last_name',
  'phone_number',
  'full_address',
  'address_detail',
  'address_line1',
  'address_line2',
  'address_line3',
  'address_line4',
  'postal_code',
  'region_code',
  'post_town',
] as const;

const OPTIONAL_ORDER_STRINGS = [
  'buyer_email',
  'buyer_message',
  'delivery_option_id',
  'delivery_option_name',
  'warehouse_id',
  'shipping_provider',
  'shipping_provider_id',
  'tracking_number',
  'replaced_order_id',
  'cancel_reason',
  'order_type',
  'commerce_platform',
] as const;

/** TikTok's ship-by deadlines (Unix s), optional. */
const SHIP_BY_FIELDS = [
  'rts_sla_time',
  'tts_sla_time',
  'shipping_due_time',
  'cancel_order_sla_time',
  'collection_due_time',
  'delivery_sla_time',
] as const;

const OPTIONAL_ORDER_BOOLEANS = [
  'is_cod',
  'is_sample_order',
  'is_on_hold_order',
  'is_replacement_order',
  'is_buyer_request_cancel',
] as const;

const OPTIONAL_ORDER_ENUMS: Readonly<Record<string, readonly string[]>> = {
  fulfillment_type: ['FULFILLMENT_BY_SELLER', 'FULFILLMENT_BY_TIKTOK', 'FULFILLMENT_BY_DILAYANI_TOKOPEDIA'],
  shipping_type: ['TIKTOK', 'SELLER'],
  cancellation_initiator: ['SELLER', 'BUYER', 'SYSTEM'],
};

function checkDigits(problems: Problems, path: string, value: unknown, what: string): void {
  if (!isTikTokId(value)) {
    problems.add(
      path,
      `${describeValue(value)} is not a ${what}; send the id as a string of digits, e.g. "576461413038785752"`,
    );
  }
}

function checkString(problems: Problems, path: string, value: unknown, nonEmpty: boolean): void {
  if (typeof value !== 'string') {
    problems.add(path, `${describeValue(value)} is not a string; send a JSON string`);
  } else if (nonEmpty && value.trim() === '') {
    problems.add(path, 'is empty; send a non-empty string');
  }
}

function checkOptionalString(problems: Problems, path: string, value: unknown): void {
  if (value !== undefined) {
    checkString(problems, path, value, false);
  }
}

function checkOptionalBoolean(problems: Problems, path: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    problems.add(path, `${describeValue(value)} is not a boolean; send true or false`);
  }
}

function checkUnixTime(problems: Problems, path: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) {
    return;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    problems.add(
      path,
      `${describeValue(value)} is not a Unix time; send whole seconds since 1970 as a number, e.g. 1700000000`,
    );
  }
}

function checkEnum(
  problems: Problems,
  path: string,
  value: unknown,
  allowed: readonly string[],
  required: boolean,
): void {
  if (value === undefined && !required) {
    return;
  }
  if (typeof value !== 'string' || !allowed.includes(value)) {
    problems.add(path, `${describeValue(value)} is not one of ${allowed.join(', ')}`);
  }
}

/** Currency of an object, or null (after reporting) when it is not an ISO code. */
function checkCurrency(problems: Problems, path: string, value: unknown): string | null {
  if (typeof value === 'string' && isCurrencyCode(value)) {
    return value;
  }
  problems.add(path, `${describeValue(value)} is not an ISO 4217 currency code; send e.g. "USD"`);
  return null;
}

/**
 * A money string valid for the currency. With an unknown currency only the decimal shape is checked
 * (the currency problem is already reported).
 */
function checkAmount(
  problems: Problems,
  path: string,
  value: unknown,
  currency: string | null,
  required: boolean,
): void {
  if (value === undefined && !required) {
    return;
  }
  if (typeof value !== 'string') {
    problems.add(
      path,
      `${describeValue(value)} is not a decimal amount string; send major units as a string, e.g. "12.30"`,
    );
    return;
  }
  const parsed = parseMoney(value, currency ?? 'XXX');
  if (!parsed.ok) {
    if (currency !== null || !/^-?\d+(\.\d+)?$/.test(value)) {
      problems.add(path, parsed.problem);
    }
  } else if (parsed.minor < 0) {
    problems.add(path, `${JSON.stringify(value)} is negative; TikTok amounts are never below zero`);
  }
}

function checkAddress(problems: Problems, path: string, value: unknown): void {
  if (value === undefined) {
    return;
  }
  if (!isPlainObject(value)) {
    problems.add(path, `${describeValue(value)} is not an object; send the TikTok recipient_address object`);
    return;
  }
  for (const key of ADDRESS_STRINGS) {
    checkOptionalString(problems, `${path}.${key}`, value[key]);
  }
  const districts = value.district_info;
  if (districts === undefined) {
    return;
  }
  if (!Array.isArray(districts)) {
    problems.add(`${path}.district_info`, `${describeValue(districts)} is not an array`);
    return;
  }
  districts.forEach((district: unknown, index) => {
    const districtPath = `${path}.district_info[${index}]`;
    if (!isPlainObject(district)) {
      problems.add(districtPath, `${describeValue(district)} is not an object`);
      return;
    }
    for (const key of ['address_level_name', 'address_name', 'address_level'] as const) {
      checkString(problems, `${districtPath}.${key}`, district[key], false);
    }
  });
}

/** A virtual bundle's components (bundle-split.ts): each a TikTok SKU id, a whole count ≥ 1 and optional ids. */
function checkCombinedListingSkus(problems: Problems, path: string, value: unknown): void {
  if (value === undefined) {
    return;
  }
  if (!Array.isArray(value)) {
    problems.add(path, `${describeValue(value)} is not an array; send the bundle's component SKUs`);
    return;
  }
  value.forEach((component: unknown, index) => {
    const componentPath = `${path}[${index}]`;
    if (!isPlainObject(component)) {
      problems.add(componentPath, `${describeValue(component)} is not an object`);
      return;
    }
    checkDigits(problems, `${componentPath}.sku_id`, component.sku_id, 'TikTok SKU id');
    const count = component.sku_count;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1 || count > 1000) {
      problems.add(
        `${componentPath}.sku_count`,
        `${describeValue(count)} is not a whole number of units from 1 to 1000`,
      );
    }
    if (component.product_id !== undefined) {
      checkDigits(problems, `${componentPath}.product_id`, component.product_id, 'TikTok product id');
    }
    checkOptionalString(problems, `${componentPath}.seller_sku`, component.seller_sku);
  });
}

/** The pending buyer cancellation request the bridge adds (buyer-cancel-request.ts), when present. */
function checkPendingCancellation(problems: Problems, path: string, value: unknown): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    problems.add(
      path,
      `${describeValue(value)} is not an object; send {"cancel_id", "create_time", "deadline", "cancel_reason"?, "cancel_reason_text"?} from TikTok's Search Cancellations`,
    );
    return;
  }
  checkDigits(problems, `${path}.cancel_id`, value.cancel_id, 'TikTok cancellation id');
  checkUnixTime(problems, `${path}.create_time`, value.create_time, true);
  if (value.deadline !== null) checkUnixTime(problems, `${path}.deadline`, value.deadline, true);
  checkOptionalString(problems, `${path}.cancel_reason`, value.cancel_reason);
  checkOptionalString(problems, `${path}.cancel_reason_text`, value.cancel_reason_text);
}

function checkLineItem(problems: Problems, path: string, value: unknown, orderCurrency: string | null): void {
  if (!isPlainObject(value)) {
    problems.add(path, `${describeValue(value)} is not an object; send the TikTok line item object`);
    return;
  }
  checkDigits(problems, `${path}.id`, value.id, 'TikTok line item id');
  checkDigits(problems, `${path}.sku_id`, value.sku_id, 'TikTok SKU id');
  checkDigits(problems, `${path}.product_id`, value.product_id, 'TikTok product id');
  checkString(problems, `${path}.product_name`, value.product_name, false);
  checkString(problems, `${path}.seller_sku`, value.seller_sku, false);
  const lineCurrency = checkCurrency(problems, `${path}.currency`, value.currency);
  if (lineCurrency !== null && orderCurrency !== null && lineCurrency !== orderCurrency) {
    problems.add(
      `${path}.currency`,
      `"${lineCurrency}" differs from payment.currency "${orderCurrency}"; every line of an order is in the order's currency`,
    );
  }
  for (const key of LINE_AMOUNTS) {
    checkAmount(problems, `${path}.${key}`, value[key], lineCurrency, true);
  }
  for (const key of OPTIONAL_LINE_STRINGS) {
    checkOptionalString(problems, `${path}.${key}`, value[key]);
  }
  checkOptionalBoolean(problems, `${path}.is_gift`, value.is_gift);
  checkCombinedListingSkus(problems, `${path}.combined_listing_skus`, value.combined_listing_skus);
  const taxes = value.item_tax;
  if (taxes !== undefined) {
    if (!Array.isArray(taxes)) {
      problems.add(`${path}.item_tax`, `${describeValue(taxes)} is not an array`);
    } else {
      taxes.forEach((tax: unknown, index) => {
        const taxPath = `${path}.item_tax[${index}]`;
        if (!isPlainObject(tax)) {
          problems.add(taxPath, `${describeValue(tax)} is not an object`);
          return;
        }
        checkString(problems, `${taxPath}.tax_type`, tax.tax_type, false);
        checkAmount(problems, `${taxPath}.tax_amount`, tax.tax_amount, lineCurrency, true);
        checkString(problems, `${taxPath}.tax_rate`, tax.tax_rate, false);
      });
    }
  }
}

function checkPayment(problems: Problems, path: string, value: unknown): string | null {
  if (!isPlainObject(value)) {
    problems.add(path, `${describeValue(value)} is not an object; send the TikTok payment object`);
    return null;
  }
  const currency = checkCurrency(problems, `${path}.currency`, value.currency);
  for (const key of REQUIRED_PAYMENT_AMOUNTS) {
    checkAmount(problems, `${path}.${key}`, value[key], currency, true);
  }
  for (const key of OPTIONAL_PAYMENT_AMOUNTS) {
    checkAmount(problems, `${path}.${key}`, value[key], currency, false);
  }
  return currency;
}

function checkPackages(problems: Problems, path: string, value: unknown): void {
  if (value === undefined) {
    return;
  }
  if (!Array.isArray(value)) {
    problems.add(path, `${describeValue(value)} is not an array`);
    return;
  }
  value.forEach((pkg: unknown, index) => {
    if (!isPlainObject(pkg)) {
      problems.add(`${path}[${index}]`, `${describeValue(pkg)} is not an object`);
    } else {
      checkString(problems, `${path}[${index}].id`, pkg.id, true);
    }
  });
}

/**
 * An order of `orders.upsert`: its fields, then — once every field is well-formed — what only the
 * whole order shows: it fits the inbox record's payload field and its lines add up to its payment.
 */
function checkOrderForInbox(problems: Problems, path: string, value: unknown): void {
  const before = problems.count;
  checkOrder(problems, path, value);
  if (problems.count > before) {
    return;
  }
  const order = value as TikTokOrder;
  const tooLong = textLengthProblem(JSON.stringify(order), ORDER_PAYLOAD_TARGET);
  if (tooLong !== null) {
    problems.add(path, `as JSON ${tooLong}`);
  }
  for (const problem of orderMoneyProblems(order)) {
    problems.add(`${path}.${problem.path}`, problem.message);
  }
}

function checkOrder(problems: Problems, path: string, value: unknown): void {
  if (!isPlainObject(value)) {
    problems.add(path, `${describeValue(value)} is not an object; send the TikTok order object`);
    return;
  }
  checkDigits(problems, `${path}.id`, value.id, 'TikTok order id');
  checkEnum(problems, `${path}.status`, value.status, TIKTOK_ORDER_STATUSES, true);
  checkUnixTime(problems, `${path}.create_time`, value.create_time, true);
  checkUnixTime(problems, `${path}.update_time`, value.update_time, true);
  checkUnixTime(problems, `${path}.paid_time`, value.paid_time, false);
  checkUnixTime(problems, `${path}.rts_time`, value.rts_time, false);
  for (const key of SHIP_BY_FIELDS) {
    checkUnixTime(problems, `${path}.${key}`, value[key], false);
  }
  checkDigits(problems, `${path}.user_id`, value.user_id, 'TikTok buyer user id');
  checkString(problems, `${path}.payment_method_name`, value.payment_method_name, false);
  for (const key of OPTIONAL_ORDER_STRINGS) {
    checkOptionalString(problems, `${path}.${key}`, value[key]);
  }
  for (const key of OPTIONAL_ORDER_BOOLEANS) {
    checkOptionalBoolean(problems, `${path}.${key}`, value[key]);
  }
  for (const [key, allowed] of Object.entries(OPTIONAL_ORDER_ENUMS)) {
    checkEnum(problems, `${path}.${key}`, value[key], allowed, false);
  }
  const currency = checkPayment(problems, `${path}.payment`, value.payment);
  checkAddress(problems, `${path}.recipient_address`, value.recipient_address);
  checkPackages(problems, `${path}.packages`, value.packages);
  checkPendingCancellation(problems, `${path}.pending_buyer_cancellation`, value.pending_buyer_cancellation);
  const lines = value.line_items;
  if (!Array.isArray(lines) || lines.length === 0) {
    problems.add(
      `${path}.line_items`,
      `${describeValue(lines)} is not a non-empty array; send every TikTok line item of the order (one per unit)`,
    );
    return;
  }
  lines.forEach((line: unknown, index) =>
    checkLineItem(problems, `${path}.line_items[${index}]`, line, currency),
  );
}

/** Checks one TikTok order object; `path` prefixes the messages (default `order`). */
export function validateTikTokOrder(value: unknown, path = 'order'): ValidationResult<TikTokOrder> {
  const problems = new Problems();
  checkOrder(problems, path, value);
  return problems.count === 0
    ? { ok: true, value: value as TikTokOrder }
    : { ok: false, problems: problems.toList() };
}

function checkShop(problems: Problems, value: unknown): void {
  if (!isPlainObject(value)) {
    problems.add(
      'shop',
      `${describeValue(value)} is not an object; send {"shopId", "name", "region", "sellerType", "state", "currency"}`,
    );
    return;
  }
  checkDigits(problems, 'shop.shopId', value.shopId, 'TikTok shop id');
  checkString(problems, 'shop.name', value.name, true);
  checkLength(problems, 'shop.name', value.name, {
    field: "Shop Name (custrecord_tts_shop_name) and the TikTok Shop record's Name",
    limit: FREE_FORM_TEXT_MAX_LENGTH,
  });
  if (typeof value.region !== 'string' || !/^[A-Z]{2}$/.test(value.region)) {
    problems.add(
      'shop.region',
      `${describeValue(value.region)} is not a region code; send e.g. "US" or "GB"`,
    );
  }
  checkString(problems, 'shop.sellerType', value.sellerType, true);
  checkLength(problems, 'shop.sellerType', value.sellerType, {
    field: 'Seller Type (custrecord_tts_shop_seller_type)',
    limit: FREE_FORM_TEXT_MAX_LENGTH,
  });
  checkEnum(problems, 'shop.state', value.state, SHOP_STATES, true);
  checkCurrency(problems, 'shop.currency', value.currency);
}

function checkOrdersUpsert(problems: Problems, body: Record<string, unknown>): void {
  checkDigits(problems, 'shopId', body.shopId, 'TikTok shop id');
  const orders = body.orders;
  if (!Array.isArray(orders) || orders.length === 0) {
    problems.add(
      'orders',
      `${describeValue(orders)} is not a non-empty array; send 1 to ${MAX_ORDERS_PER_UPSERT} orders`,
    );
    return;
  }
  if (orders.length > MAX_ORDERS_PER_UPSERT) {
    problems.add(
      'orders',
      `${orders.length} orders sent; send at most ${MAX_ORDERS_PER_UPSERT} per call (split the batch)`,
    );
    return;
  }
  orders.forEach((order: unknown, index) => checkOrderForInbox(problems, `orders[${index}]`, order));
}

function checkOrdersRetry(problems: Problems, body: Record<string, unknown>): void {
  const ids = body.inboxIds;
  if (!Array.isArray(ids) || ids.length === 0) {
    problems.add(
      'inboxIds',
      `${describeValue(ids)} is not a non-empty array; send 1 to ${MAX_RETRY_IDS} order inbox record internal ids, e.g. ["42"]`,
    );
    return;
  }
  if (ids.length > MAX_RETRY_IDS) {
    problems.add(
      'inboxIds',
      `${ids.length} ids sent; send at most ${MAX_RETRY_IDS} per call (split the list)`,
    );
    return;
  }
  ids.forEach((id: unknown, index) => {
    if (!isInternalId(id)) {
      problems.add(
        `inboxIds[${index}]`,
        `${describeValue(id)} is not an internal id; send the inbox record's internal id as a string of digits, e.g. "42"`,
      );
    }
  });
}

/** Validates a POST body of the connector RESTlet (already JSON-parsed). */
export function validateRestletRequest(body: unknown): RestletValidationResult {
  const problems = new Problems();
  if (!isPlainObject(body)) {
    problems.add(
      'body',
      `${describeValue(body)} is not a JSON object; send {"action": "${POST_ACTIONS.join('" | "')}", ...}`,
    );
    return { ok: false, code: RESTLET_ERROR_CODES.INVALID_REQUEST, problems: problems.toList() };
  }
  const action = body.action;
  if (typeof action !== 'string') {
    problems.add(
      'action',
      `${describeValue(action)} is not an action; send one of ${POST_ACTIONS.join(', ')}`,
    );
    return { ok: false, code: RESTLET_ERROR_CODES.INVALID_REQUEST, problems: problems.toList() };
  }
  if (action === 'shop.upsert') {
    checkShop(problems, body.shop);
  } else if (action === 'orders.upsert') {
    checkOrdersUpsert(problems, body);
  } else if (action === 'orders.retry') {
    checkOrdersRetry(problems, body);
  } else if (action === 'outbox.pull') {
    checkOutboxPull(problems, body);
  } else if (action === 'outbox.ack') {
    checkOutboxAck(problems, body);
  } else {
    const hint = action === 'ping' ? ' (ping is a GET action: GET ?action=ping)' : '';
    problems.add('action', `"${action}" is not a POST action${hint}; send one of ${POST_ACTIONS.join(', ')}`);
    return { ok: false, code: RESTLET_ERROR_CODES.UNKNOWN_ACTION, problems: problems.toList() };
  }
  if (problems.count > 0) {
    return { ok: false, code: RESTLET_ERROR_CODES.INVALID_REQUEST, problems: problems.toList() };
  }
  return { ok: true, value: body as unknown as RestletPostRequest };
}

/**
 * The RESTlet's POST body: NetSuite hands over an object for `application/json` requests and the
 * raw text otherwise; text must hold JSON.
 */
export function parseRequestBody(body: unknown): ValidationResult<unknown> {
  if (typeof body !== 'string') {
    return { ok: true, value: body };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      problems: [`body: is not JSON (${reason}); send a JSON object with Content-Type: application/json`],
    };
  }
}

/** One message for `error.create`: a headline and one problem per line. */
export function formatValidationProblems(problems: readonly string[]): string {
  return ['Invalid request; nothing was saved. Fix these and send it again:', ...problems].join('\n');
}
