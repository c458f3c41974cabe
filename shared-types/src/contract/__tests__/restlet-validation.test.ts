/// <reference types="jest" />
import {
  formatValidationProblems,
  parseRequestBody,
  POST_ACTIONS,
  validateRestletRequest,
  validateTikTokOrder,
} from '../restlet-validation';
import { lineItem, order } from '../../../../test/support/tiktok-order-builder';

function problemsOf(body: unknown): string[] {
  const result = validateRestletRequest(body);
  if (result.ok) {
    throw new Error('expected the request to be refused');
  }
  return result.problems;
}

/** A deep copy of a valid order with one value replaced at a dotted path (`payment.tax`, `line_items.0.id`). */
function orderWith(path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(order())) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    target = target[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) {
    delete target[last];
  } else {
    target[last] = value;
  }
  return copy;
}

describe('validateRestletRequest: orders.upsert', () => {
  it('accepts a valid request and returns it unchanged', () => {
    const body = { action: 'orders.upsert', shopId: '7495', orders: [order()] };
    expect(validateRestletRequest(body)).toEqual({ ok: true, value: body });
  });

  it('keeps fields the connector does not read', () => {
    const body = { action: 'orders.upsert', shopId: '7495', orders: [{ ...order(), seller_note: 'x' }] };
    const result = validateRestletRequest(body);
    expect(result.ok && result.value).toBe(body);
  });

  it('names the path of a bad sale price and says what to send', () => {
    const bad = orderWith('line_items.0.sale_price', '12.3.4');
    const body = { action: 'orders.upsert', shopId: '7495', orders: [order(), order(), order(), bad] };
    expect(problemsOf(body)).toEqual([
      'orders[3].line_items[0].sale_price: "12.3.4" is not a decimal amount; send digits with an optional "." and at most 2 decimals, e.g. "12.34"',
    ]);
  });

  it('refuses more than 50 orders', () => {
    const orders = Array.from({ length: 51 }, () => order());
    expect(problemsOf({ action: 'orders.upsert', shopId: '7495', orders })).toEqual([
      'orders: 51 orders sent; send at most 50 per call (split the batch)',
    ]);
    const fifty = Array.from({ length: 50 }, () => order());
    expect(validateRestletRequest({ action: 'orders.upsert', shopId: '7495', orders: fifty }).ok).toBe(true);
  });

  it('refuses an empty or missing order list and a bad shop id', () => {
    expect(problemsOf({ action: 'orders.upsert', shopId: 7495, orders: [] })).toEqual([
      'shopId: number 7495 is not a TikTok shop id; send the id as a string of digits, e.g. "576461413038785752"',
      'orders: an array of 0 is not a non-empty array; send 1 to 50 orders',
    ]);
    expect(problemsOf({ action: 'orders.upsert', shopId: '1' })).toEqual([
      'orders: missing is not a non-empty array; send 1 to 50 orders',
    ]);
  });

  it('reports every problem of every order at once', () => {
    const first = orderWith('id', 576461413038785752);
    const second = orderWith('status', 'SHIPPED');
    expect(problemsOf({ action: 'orders.upsert', shopId: '1', orders: [first, second] })).toEqual([
      'orders[0].id: number 576461413038785800 is not a TikTok order id; send the id as a string of digits, e.g. "576461413038785752"',
      'orders[1].status: "SHIPPED" is not one of UNPAID, ON_HOLD, AWAITING_SHIPMENT, PARTIALLY_SHIPPING, AWAITING_COLLECTION, IN_TRANSIT, DELIVERED, COMPLETED, CANCELLED',
    ]);
  });

  it('caps the listed problems at 50 and counts the rest', () => {
    const bad = orderWith(
      'line_items',
      Array.from({ length: 60 }, () => lineItem({ sale_price: 'x' })),
    );
    const problems = problemsOf({ action: 'orders.upsert', shopId: '1', orders: [bad] });
    expect(problems).toHaveLength(51);
    expect(problems[50]).toBe('... and 10 more problem(s) not listed');
  });
});

describe('validateTikTokOrder', () => {
  function problems(value: unknown): string[] {
    const result = validateTikTokOrder(value);
    return result.ok ? [] : result.problems;
  }

  it('accepts a valid order, with or without optional parts', () => {
    expect(validateTikTokOrder(order())).toEqual({ ok: true, value: order() });
    expect(problems(orderWith('recipient_address', undefined))).toEqual([]);
    expect(problems(orderWith('paid_time', undefined))).toEqual([]);
    expect(problems(orderWith('payment.retail_delivery_fee', '0.27'))).toEqual([]);
    expect(problems(orderWith('line_items.0.seller_sku', ''))).toEqual([]);
  });

  it("checks a virtual bundle's combined_listing_skus: SKU ids, whole counts, optional ids and seller SKUs", () => {
    const bundle = [
      {
        sku_id: '1729592969712209001',
        sku_count: 1,
        product_id: '1729587769570289001',
        seller_sku: 'HOODIE',
      },
      { sku_id: '1729592969712209002', sku_count: 2 },
    ];
    expect(problems(orderWith('line_items.0.combined_listing_skus', bundle))).toEqual([]);
    expect(problems(orderWith('line_items.0.combined_listing_skus', 'HOODIE'))).toEqual([
      'order.line_items[0].combined_listing_skus: "HOODIE" is not an array; send the bundle\'s component SKUs',
    ]);
    const bad = problems(
      orderWith('line_items.0.combined_listing_skus', [
        { sku_id: 'HOODIE', sku_count: 0, product_id: 7, seller_sku: 3 },
        null,
      ]),
    );
    expect(bad).toEqual([
      'order.line_items[0].combined_listing_skus[0].sku_id: "HOODIE" is not a TikTok SKU id; send the id as a string of digits, e.g. "576461413038785752"',
      'order.line_items[0].combined_listing_skus[0].sku_count: number 0 is not a whole number of units from 1 to 1000',
      'order.line_items[0].combined_listing_skus[0].product_id: number 7 is not a TikTok product id; send the id as a string of digits, e.g. "576461413038785752"',
      'order.line_items[0].combined_listing_skus[0].seller_sku: number 3 is not a string; send a JSON string',
      'order.line_items[0].combined_listing_skus[1]: null is not an object',
    ]);
  });

  it('refuses something that is not an object', () => {
    expect(problems(null)).toEqual(['order: null is not an object; send the TikTok order object']);
    expect(problems([order()])).toEqual([
      'order: an array of 1 is not an object; send the TikTok order object',
    ]);
  });

  it.each([
    [
      'id',
      '',
      'order.id: "" is not a TikTok order id; send the id as a string of digits, e.g. "576461413038785752"',
    ],
    [
      'user_id',
      undefined,
      'order.user_id: missing is not a TikTok buyer user id; send the id as a string of digits, e.g. "576461413038785752"',
    ],
    [
      'update_time',
      '1700000000',
      'order.update_time: "1700000000" is not a Unix time; send whole seconds since 1970 as a number, e.g. 1700000000',
    ],
    [
      'update_time',
      1700000000.5,
      'order.update_time: number 1700000000.5 is not a Unix time; send whole seconds since 1970 as a number, e.g. 1700000000',
    ],
    [
      'create_time',
      -1,
      'order.create_time: number -1 is not a Unix time; send whole seconds since 1970 as a number, e.g. 1700000000',
    ],
    [
      'paid_time',
      null,
      'order.paid_time: null is not a Unix time; send whole seconds since 1970 as a number, e.g. 1700000000',
    ],
    [
      'status',
      'paid',
      'order.status: "paid" is not one of UNPAID, ON_HOLD, AWAITING_SHIPMENT, PARTIALLY_SHIPPING, AWAITING_COLLECTION, IN_TRANSIT, DELIVERED, COMPLETED, CANCELLED',
    ],
    ['payment_method_name', 5, 'order.payment_method_name: number 5 is not a string; send a JSON string'],
    ['payment', 'USD 5', 'order.payment: "USD 5" is not an object; send the TikTok payment object'],
    [
      'payment.currency',
      'usd',
      'order.payment.currency: "usd" is not an ISO 4217 currency code; send e.g. "USD"',
    ],
    [
      'payment.total_amount',
      33.05,
      'order.payment.total_amount: number 33.05 is not a decimal amount string; send major units as a string, e.g. "12.30"',
    ],
    [
      'payment.tax',
      undefined,
      'order.payment.tax: missing is not a decimal amount string; send major units as a string, e.g. "12.30"',
    ],
    [
      'payment.shipping_fee',
      '5.999',
      'order.payment.shipping_fee: "5.999" has more decimals than USD allows (2); send it rounded to 2 decimals, e.g. "12.34"',
    ],
    [
      'payment.sub_total',
      '-1.00',
      'order.payment.sub_total: "-1.00" is negative; TikTok amounts are never below zero',
    ],
    [
      'payment.handling_fee',
      'abc',
      'order.payment.handling_fee: "abc" is not a decimal amount; send digits with an optional "." and at most 2 decimals, e.g. "12.34"',
    ],
    ['is_cod', 'false', 'order.is_cod: "false" is not a boolean; send true or false'],
    ['buyer_email', 7, 'order.buyer_email: number 7 is not a string; send a JSON string'],
    ['shipping_type', 'DRONE', 'order.shipping_type: "DRONE" is not one of TIKTOK, SELLER'],
    [
      'recipient_address',
      'Main St',
      'order.recipient_address: "Main St" is not an object; send the TikTok recipient_address object',
    ],
    [
      'recipient_address.postal_code',
      90001,
      'order.recipient_address.postal_code: number 90001 is not a string; send a JSON string',
    ],
    [
      'recipient_address.district_info',
      {},
      'order.recipient_address.district_info: an object is not an array',
    ],
    [
      'recipient_address.district_info.1.address_name',
      5,
      'order.recipient_address.district_info[1].address_name: number 5 is not a string; send a JSON string',
    ],
    ['packages', [{ id: '' }], 'order.packages[0].id: is empty; send a non-empty string'],
    [
      'line_items',
      [],
      'order.line_items: an array of 0 is not a non-empty array; send every TikTok line item of the order (one per unit)',
    ],
    [
      'line_items',
      undefined,
      'order.line_items: missing is not a non-empty array; send every TikTok line item of the order (one per unit)',
    ],
    ['line_items.0', 'MUG', 'order.line_items[0]: "MUG" is not an object; send the TikTok line item object'],
    [
      'line_items.1.id',
      1002,
      'order.line_items[1].id: number 1002 is not a TikTok line item id; send the id as a string of digits, e.g. "576461413038785752"',
    ],
    [
      'line_items.0.sku_id',
      'abc',
      'order.line_items[0].sku_id: "abc" is not a TikTok SKU id; send the id as a string of digits, e.g. "576461413038785752"',
    ],
    [
      'line_items.0.seller_sku',
      null,
      'order.line_items[0].seller_sku: null is not a string; send a JSON string',
    ],
    [
      'line_items.0.sale_price',
      '12.345',
      'order.line_items[0].sale_price: "12.345" has more decimals than USD allows (2); send it rounded to 2 decimals, e.g. "12.34"',
    ],
    [
      'line_items.0.original_price',
      undefined,
      'order.line_items[0].original_price: missing is not a decimal amount string; send major units as a string, e.g. "12.30"',
    ],
    [
      'line_items.0.currency',
      'EUR',
      'order.line_items[0].currency: "EUR" differs from payment.currency "USD"; every line of an order is in the order\'s currency',
    ],
    ['line_items.0.is_gift', 1, 'order.line_items[0].is_gift: number 1 is not a boolean; send true or false'],
    [
      'line_items.0.item_tax',
      [{ tax_type: 'SALES_TAX', tax_amount: '1,2', tax_rate: '0.1' }],
      'order.line_items[0].item_tax[0].tax_amount: "1,2" is not a decimal amount; send digits with an optional "." and at most 2 decimals, e.g. "12.34"',
    ],
  ])('%s = %j → problem', (path, value, message) => {
    expect(problems(orderWith(path, value))).toEqual([message]);
  });

  it('checks money against the currency of the order (JPY has no decimals)', () => {
    const jpy = order({
      payment: {
        ...order().payment,
        currency: 'JPY',
        sub_total: '2500',
        shipping_fee: '0',
        tax: '0',
        total_amount: '2500',
        original_total_product_price: '2500',
        original_shipping_fee: '0',
        seller_discount: '0',
        platform_discount: '0',
      },
      line_items: [
        lineItem({
          currency: 'JPY',
          original_price: '1250',
          sale_price: '1250.5',
          platform_discount: '0',
          seller_discount: '0',
        }),
      ],
    });
    expect(problems(jpy)).toEqual([
      'order.line_items[0].sale_price: "1250.5" has more decimals than JPY allows (0); send it rounded to 0 decimals, e.g. "1500"',
    ]);
  });

  it('with an unknown currency reports the currency once and still checks the decimal shape', () => {
    const bad = order({ payment: { ...order().payment, currency: '$', tax: 'x' } });
    expect(problems(bad)).toEqual([
      'order.payment.currency: "$" is not an ISO 4217 currency code; send e.g. "USD"',
      'order.payment.tax: "x" is not a decimal amount; send digits with an optional "." and at most 2 decimals, e.g. "12.34"',
    ]);
  });

  it('uses the path it is given', () => {
    expect(validateTikTokOrder(orderWith('id', 'x'), 'payload')).toEqual({
      ok: false,
      problems: [
        'payload.id: "x" is not a TikTok order id; send the id as a string of digits, e.g. "576461413038785752"',
      ],
    });
  });
});

describe('validateRestletRequest: shop.upsert and routing', () => {
  const shop = {
    shopId: '7495',
    name: 'Acme US',
    region: 'US',
    sellerType: 'LOCAL',
    state: 'connected',
    currency: 'USD',
  };

  it('accepts a valid shop', () => {
    expect(validateRestletRequest({ action: 'shop.upsert', shop })).toEqual({
      ok: true,
      value: { action: 'shop.upsert', shop },
    });
  });

  it('names each bad shop field', () => {
    expect(
      problemsOf({
        action: 'shop.upsert',
        shop: { ...shop, shopId: 'x', name: ' ', region: 'usa', state: 'online', currency: 'US' },
      }),
    ).toEqual([
      'shop.shopId: "x" is not a TikTok shop id; send the id as a string of digits, e.g. "576461413038785752"',
      'shop.name: is empty; send a non-empty string',
      'shop.region: "usa" is not a region code; send e.g. "US" or "GB"',
      'shop.state: "online" is not one of connected, needs_reauth, disconnected',
      'shop.currency: "US" is not an ISO 4217 currency code; send e.g. "USD"',
    ]);
    expect(problemsOf({ action: 'shop.upsert' })).toEqual([
      'shop: missing is not an object; send {"shopId", "name", "region", "sellerType", "state", "currency"}',
    ]);
  });

  it('refuses a body that is not an object, or has no action', () => {
    expect(validateRestletRequest('hello')).toEqual({
      ok: false,
      code: 'TTS_INVALID_REQUEST',
      problems: [`body: "hello" is not a JSON object; send {"action": "${POST_ACTIONS.join('" | "')}", ...}`],
    });
    expect(validateRestletRequest({})).toEqual({
      ok: false,
      code: 'TTS_INVALID_REQUEST',
      problems: [`action: missing is not an action; send one of ${POST_ACTIONS.join(', ')}`],
    });
  });

  it('refuses an unknown action with TTS_UNKNOWN_ACTION', () => {
    expect(validateRestletRequest({ action: 'orders.delete' })).toEqual({
      ok: false,
      code: 'TTS_UNKNOWN_ACTION',
      problems: [`action: "orders.delete" is not a POST action; send one of ${POST_ACTIONS.join(', ')}`],
    });
    expect(problemsOf({ action: 'ping' })).toEqual([
      `action: "ping" is not a POST action (ping is a GET action: GET ?action=ping); send one of ${POST_ACTIONS.join(', ')}`,
    ]);
  });

  it('invalid requests use TTS_INVALID_REQUEST', () => {
    const result = validateRestletRequest({ action: 'shop.upsert', shop: {} });
    expect(!result.ok && result.code).toBe('TTS_INVALID_REQUEST');
  });

  it('formats the problems into one message', () => {
    expect(formatValidationProblems(['a: x', 'b: y'])).toBe(
      'Invalid request; nothing was saved. Fix these and send it again:\na: x\nb: y',
    );
  });
});

describe('parseRequestBody', () => {
  it('passes objects through and parses JSON text', () => {
    const body = { action: 'shop.upsert' };
    expect(parseRequestBody(body)).toEqual({ ok: true, value: body });
    expect(parseRequestBody('{"action":"ping"}')).toEqual({ ok: true, value: { action: 'ping' } });
  });

  it('refuses text that is not JSON', () => {
    const result = parseRequestBody('action=ping');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]).toMatch(
      /^body: is not JSON \(.+\); send a JSON object with Content-Type: application\/json$/,
    );
  });
});

describe('validateRestletRequest: complete before anything is written (issue #8)', () => {
  const shop = {
    shopId: '7495',
    name: 'Acme US',
    region: 'US',
    sellerType: 'LOCAL',
    state: 'connected',
    currency: 'USD',
  };
  const upsert = (...orders: unknown[]) => ({ action: 'orders.upsert', shopId: '7495', orders });

  it('refuses a shop name over 300 characters naming the field and its limit; 300 fit', () => {
    const result = validateRestletRequest({
      action: 'shop.upsert',
      shop: { ...shop, name: 'N'.repeat(301) },
    });
    expect(result).toEqual({
      ok: false,
      code: 'TTS_INVALID_REQUEST',
      problems: [
        "shop.name: is 301 characters; NetSuite's Shop Name (custrecord_tts_shop_name) and the TikTok Shop record's Name holds at most 300 characters, so nothing was saved (shorten it to 300 characters or fewer)",
      ],
    });
    expect(
      validateRestletRequest({ action: 'shop.upsert', shop: { ...shop, name: 'N'.repeat(300) } }).ok,
    ).toBe(true);
  });

  it('refuses an over-long seller type the same way', () => {
    expect(problemsOf({ action: 'shop.upsert', shop: { ...shop, sellerType: 'L'.repeat(400) } })).toEqual([
      "shop.sellerType: is 400 characters; NetSuite's Seller Type (custrecord_tts_shop_seller_type) holds at most 300 characters, so nothing was saved (shorten it to 300 characters or fewer)",
    ]);
  });

  it('refuses an order too large for the inbox record payload (Long Text, 1,000,000 characters)', () => {
    const big = { ...order(), buyer_message: 'x'.repeat(1_000_000) };
    const [problem] = problemsOf(upsert(order(), big));
    expect(problem).toMatch(
      /^orders\[1\]: as JSON is 1,00\d,\d{3} characters; NetSuite's Order Payload \(custrecord_tts_ord_payload, the order as JSON\) holds at most 1,000,000 characters/,
    );
  });

  it('refuses an order whose lines do not add up to its payment, naming the figures', () => {
    const lines = order().line_items;
    const missingLine = order({ line_items: [lines[0]] });
    expect(problemsOf(upsert(order(), missingLine))).toEqual([
      'orders[1].payment.original_total_product_price: 30.00 USD, but the 1 line(s) add up to original_price 15.00 USD; send the order exactly as TikTok’s order detail (GET /order/202309/orders) returns it; if it is, report the order to the connector maintainers',
      'orders[1].payment.sub_total: 25.00 USD, but the 1 line(s) add up to sale_price 12.50 USD; send the order exactly as TikTok’s order detail (GET /order/202309/orders) returns it; if it is, report the order to the connector maintainers',
    ]);
  });

  it('refuses a line whose sale price is not its original price minus its discounts', () => {
    const [problem] = problemsOf(upsert(orderWith('line_items.1.seller_discount', '2.50')));
    expect(problem).toBe(
      'orders[0].line_items[1].sale_price: 12.50 USD is not original_price 15.00 USD − seller_discount 2.50 USD − platform_discount 1.00 USD = 11.50 USD; send the order exactly as TikTok’s order detail (GET /order/202309/orders) returns it; if it is, report the order to the connector maintainers',
    );
  });

  it('refuses a payment whose sub-total or total does not follow TikTok’s identities', () => {
    expect(problemsOf(upsert(orderWith('payment.seller_discount', '4.00')))).toEqual([
      'orders[0].payment.sub_total: 25.00 USD is not original_total_product_price 30.00 USD − seller_discount 4.00 USD − platform_discount 2.00 USD = 24.00 USD; send the order exactly as TikTok’s order detail (GET /order/202309/orders) returns it; if it is, report the order to the connector maintainers',
    ]);
    expect(problemsOf(upsert(orderWith('payment.retail_delivery_fee', '0.27')))).toEqual([
      'orders[0].payment.total_amount: 33.05 USD is not sub_total 25.00 USD + shipping_fee 5.99 USD + tax 2.06 USD + retail_delivery_fee 0.27 USD = 33.32 USD; send the order exactly as TikTok’s order detail (GET /order/202309/orders) returns it; if it is, report the order to the connector maintainers',
    ]);
    const withFee = orderWith('payment.retail_delivery_fee', '0.27') as { payment: { total_amount: string } };
    withFee.payment.total_amount = '33.32';
    expect(validateRestletRequest(upsert(withFee)).ok).toBe(true);
  });

  it('counts every buyer-paid fee in total_amount, naming each when the total is off (issue #11)', () => {
    const withFees = orderWith('payment.handling_fee', '1.00') as {
      payment: Record<string, string>;
    };
    withFees.payment.item_insurance_fee = '0.99';
    withFees.payment.small_order_fee = '0.50';
    withFees.payment.buyer_service_fee = '0.25';
    withFees.payment.shipping_insurance_fee = '0.10';
    withFees.payment.retail_delivery_fee = '0.27';
    expect(problemsOf(upsert(withFees))).toEqual([
      'orders[0].payment.total_amount: 33.05 USD is not sub_total 25.00 USD + shipping_fee 5.99 USD + tax 2.06 USD + retail_delivery_fee 0.27 USD + handling_fee 1.00 USD + item_insurance_fee 0.99 USD + small_order_fee 0.50 USD + buyer_service_fee 0.25 USD + shipping_insurance_fee 0.10 USD = 36.16 USD; send the order exactly as TikTok’s order detail (GET /order/202309/orders) returns it; if it is, report the order to the connector maintainers',
    ]);
    withFees.payment.total_amount = '36.16';
    expect(validateRestletRequest(upsert(withFees)).ok).toBe(true);
  });

  it('checks the identities in the currency’s minor units (JPY has none)', () => {
    const yen = order({
      payment: {
        currency: 'JPY',
        sub_total: '2500',
        shipping_fee: '0',
        seller_discount: '300',
        platform_discount: '200',
        total_amount: '2500',
        original_total_product_price: '3000',
        original_shipping_fee: '0',
        tax: '0',
      },
      line_items: [
        lineItem({
          id: '1',
          currency: 'JPY',
          original_price: '1500',
          sale_price: '1250',
          seller_discount: '150',
          platform_discount: '100',
        }),
        lineItem({
          id: '2',
          currency: 'JPY',
          original_price: '1500',
          sale_price: '1250',
          seller_discount: '150',
          platform_discount: '100',
        }),
      ],
    });
    expect(validateRestletRequest(upsert(yen)).ok).toBe(true);
  });
});
