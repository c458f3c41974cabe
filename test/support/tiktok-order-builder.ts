/**
 * The one way tests build TikTok orders (and the shop they belong to), shaped like TikTok's order
 * detail (GET /order/202309/orders, as typed in shared-types/src/tiktok/tiktok-order.ts):
 *
 * - `order()` / `lineItem()`: one paid US order with two line items, every part overridable;
 * - `orderAt(id, updateTime)`: a one-line $10.00 order as TikTok shows it at `updateTime` (the
 *   bridge's tests, which care about ids and update times, not money);
 * - `makeOrders({ count, seed, … })`: deterministic batches for integration tests and benchmarks;
 * - `shop()`: the shop record's settings.
 *
 * The simulator makes its own orders (sandbox/tiktok/src/domain/order-factory.ts): they are its
 * product, built from its seeded catalogue, not test data.
 */
import type { ShopSettings } from '../../shared-types/src/settings/shop-settings';
import type { TikTokLineItem, TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';

/** A line item of `order()`: one unit of a red mug. */
export function lineItem(overrides: Partial<TikTokLineItem> = {}): TikTokLineItem {
  return {
    id: '577086512123755123',
    sku_id: '1729592969712207000',
    product_id: '1729587769570287000',
    product_name: 'Ceramic Mug',
    sku_name: 'Red',
    seller_sku: 'MUG-RED',
    original_price: '15.00',
    sale_price: '12.50',
    platform_discount: '1.00',
    seller_discount: '1.50',
    currency: 'USD',
    display_status: 'AWAITING_SHIPMENT',
    ...overrides,
  };
}

/** A paid US order: two mugs, shipping, discounts and tax consistent with TikTok's identities. */
export function order(overrides: Partial<TikTokOrder> = {}): TikTokOrder {
  return {
    id: '576461413038785752',
    status: 'AWAITING_SHIPMENT',
    create_time: 1700000000,
    update_time: 1700000100,
    paid_time: 1700000050,
    user_id: '7021436810468230000',
    buyer_email: 'v2b2V5@chat.seller.tiktok.com',
    buyer_message: '',
    payment: {
      currency: 'USD',
      sub_total: '25.00',
      shipping_fee: '5.99',
      seller_discount: '3.00',
      platform_discount: '2.00',
      total_amount: '33.05',
      original_total_product_price: '30.00',
      original_shipping_fee: '5.99',
      tax: '2.06',
    },
    payment_method_name: 'CCDC',
    recipient_address: {
      name: 'Jane Doe',
      first_name: 'Jane',
      last_name: 'Doe',
      phone_number: '(+1)213-555-0100',
      full_address: '1 Main St, Apt 2, Los Angeles, California, 90001, United States',
      address_line1: '1 Main St',
      address_line2: 'Apt 2',
      postal_code: '90001',
      region_code: 'US',
      district_info: [
        { address_level_name: 'Country', address_name: 'United States', address_level: 'L0' },
        { address_level_name: 'State', address_name: 'California', address_level: 'L1' },
        { address_level_name: 'County', address_name: 'Los Angeles County', address_level: 'L2' },
        { address_level_name: 'City', address_name: 'Los Angeles', address_level: 'L3' },
      ],
    },
    line_items: [lineItem({ id: '1001' }), lineItem({ id: '1002' })],
    ...overrides,
  };
}

/**
 * The order `id` as TikTok shows it at `updateTime`: one $10.00 line (id `<order id>-1`), no
 * shipping, discount or tax.
 */
export function orderAt(id: string, updateTime: number, overrides: Partial<TikTokOrder> = {}): TikTokOrder {
  return order({
    id,
    create_time: updateTime - 60,
    update_time: updateTime,
    paid_time: updateTime - 30,
    user_id: '7021436810468230477',
    payment: {
      currency: 'USD',
      sub_total: '10.00',
      shipping_fee: '0.00',
      seller_discount: '0.00',
      platform_discount: '0.00',
      total_amount: '10.00',
      original_total_product_price: '10.00',
      original_shipping_fee: '0.00',
      tax: '0.00',
    },
    line_items: [
      lineItem({
        id: `${id}-1`,
        sku_id: '1729592969712207012',
        product_id: '1729592969712207008',
        product_name: 'Mug',
        seller_sku: 'MUG-1',
        original_price: '10.00',
        sale_price: '10.00',
        platform_discount: '0.00',
        seller_discount: '0.00',
      }),
    ],
    ...overrides,
  });
}

/** The shop record's settings for `order()`'s shop (Acme US). */
export function shop(overrides: Partial<ShopSettings> = {}): ShopSettings {
  return {
    recordId: '7',
    shopId: '7495830000000000001',
    name: 'Acme US',
    currency: 'USD',
    pushOrders: true,
    perBuyerCustomer: false,
    customerId: '101',
    subsidiaryId: '1',
    locationId: '3',
    departmentId: null,
    classId: null,
    shippingItemId: '55',
    taxItemId: '56',
    paymentMethodMap: '{"CCDC": "4", "*": "9"}',
    orderOptions: { platformDiscountItemId: '61' },
    ...overrides,
  };
}

/** The SKUs and prices `makeOrders` picks from. */
export const CATALOG: readonly { sku: string; priceCents: number }[] = [
  { sku: 'MUG-RED', priceCents: 1500 },
  { sku: 'MUG-BLUE', priceCents: 1500 },
  { sku: 'TEE-BLK-M', priceCents: 2400 },
  { sku: 'TEE-BLK-L', priceCents: 2400 },
  { sku: 'HOODIE-GRY-M', priceCents: 4999 },
  { sku: 'CAP-NAVY', priceCents: 1899 },
  { sku: 'SOCKS-3PK', priceCents: 1250 },
  { sku: 'TOTE-CANVAS', priceCents: 2200 },
];

export interface OrderBatchOptions {
  count: number;
  seed?: number;
  /** First order id (18 digits); ids increase by one. */
  firstOrderId?: bigint;
  maxSkus?: number;
  paymentMethodName?: string;
  /** Distinct buyers to spread orders over (default: one buyer per order). */
  buyers?: number;
  updateTime?: number;
  /** ISO currency of the orders (default USD); prices are the catalogue's figures in its minor units. */
  currency?: string;
  /** Tax on top of the prices (default 0.0825, US sales tax); 0 for VAT-inclusive prices (UK, EU). */
  taxRate?: number;
  /**
   * Tax per unit in `item_tax` (rounded per unit) and on shipping (`shipping_fee_tax`), the order's
   * tax their sum; default: one figure for the order, `tax` = round(sub_total × rate).
   */
  unitTax?: boolean;
  /** Buyers' country (default US). */
  region?: 'US' | 'GB';
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const cents = (n: number): string => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')}`;

/**
 * Deterministic batches of paid TikTok orders for integration tests and benchmarks: 1–5 SKUs per
 * order, 1–3 units per SKU (one TikTok line item per unit), money consistent with TikTok's identities
 * (`sub_total = original − seller_discount − platform_discount`, `total = sub_total + shipping + tax`).
 */
export function makeOrders(options: OrderBatchOptions): TikTokOrder[] {
  const random = prng(options.seed ?? 42);
  const first = options.firstOrderId ?? 576461413038700000n;
  const maxSkus = options.maxSkus ?? 5;
  const orders: TikTokOrder[] = [];
  let lineSeq = 577086512100000000n + BigInt(options.seed ?? 42) * 1000000n;
  const currency = options.currency ?? 'USD';
  const taxRate = options.taxRate ?? 0.0825;
  for (let n = 0; n < options.count; n += 1) {
    const skuCount = 1 + Math.floor(random() * maxSkus);
    const picked = [...CATALOG].sort(() => random() - 0.5).slice(0, skuCount);
    const lines: TikTokLineItem[] = [];
    let original = 0;
    let sellerDiscount = 0;
    for (const entry of picked) {
      const units = 1 + Math.floor(random() * 3);
      const discount = random() < 0.3 ? Math.round(entry.priceCents * 0.1) : 0;
      for (let u = 0; u < units; u += 1) {
        lineSeq += 1n;
        original += entry.priceCents;
        sellerDiscount += discount;
        const unitTax = Math.round((entry.priceCents - discount) * taxRate);
        lines.push({
          id: String(lineSeq),
          sku_id: String(1729592969712200000n + BigInt(CATALOG.indexOf(entry))),
          product_id: String(1729587769570200000n + BigInt(CATALOG.indexOf(entry))),
          product_name: entry.sku,
          seller_sku: entry.sku,
          original_price: cents(entry.priceCents),
          sale_price: cents(entry.priceCents - discount),
          platform_discount: '0.00',
          seller_discount: cents(discount),
          currency,
          display_status: 'AWAITING_SHIPMENT',
          ...(options.unitTax === true && taxRate > 0
            ? {
                item_tax: [{ tax_type: 'SALES_TAX', tax_amount: cents(unitTax), tax_rate: String(taxRate) }],
              }
            : {}),
        });
      }
    }
    const subTotal = original - sellerDiscount;
    const shipping = random() < 0.5 ? 599 : 0;
    const shippingTax = options.unitTax === true ? Math.round(shipping * taxRate) : 0;
    const unitTaxes = lines.reduce(
      (sum, line) => sum + Math.round(Number(line.item_tax?.[0]?.tax_amount ?? 0) * 100),
      0,
    );
    const tax = options.unitTax === true ? unitTaxes + shippingTax : Math.round(subTotal * taxRate);
    const id = String(first + BigInt(n));
    const buyer = options.buyers ? n % options.buyers : n;
    orders.push({
      id,
      status: 'AWAITING_SHIPMENT',
      create_time: 1767225600 + n,
      update_time: options.updateTime ?? 1767229200 + n,
      paid_time: 1767225660 + n,
      user_id: String(7021436810468200000n + BigInt(buyer)),
      buyer_email: `buyer${buyer}@chat.seller.tiktok.com`,
      payment: {
        currency,
        sub_total: cents(subTotal),
        shipping_fee: cents(shipping),
        seller_discount: cents(sellerDiscount),
        platform_discount: '0.00',
        total_amount: cents(subTotal + shipping + tax),
        original_total_product_price: cents(original),
        original_shipping_fee: cents(shipping),
        tax: cents(tax),
        product_tax: cents(tax - shippingTax),
        shipping_fee_tax: cents(shippingTax),
      },
      payment_method_name: options.paymentMethodName ?? 'CCDC',
      recipient_address: options.region === 'GB' ? ukAddress(buyer, n) : usAddress(buyer, n),
      line_items: lines,
      fulfillment_type: 'FULFILLMENT_BY_SELLER',
      shipping_type: 'SELLER',
      is_sample_order: false,
    });
  }
  return orders;
}

function usAddress(buyer: number, n: number): NonNullable<TikTokOrder['recipient_address']> {
  return {
    name: `Buyer ${buyer}`,
    first_name: 'Buyer',
    last_name: String(buyer),
    phone_number: '(+1)213-555-0100',
    address_line1: `${100 + n} Main St`,
    postal_code: '90001',
    region_code: 'US',
    district_info: [
      { address_level_name: 'Country', address_name: 'United States', address_level: 'L0' },
      { address_level_name: 'State', address_name: 'California', address_level: 'L1' },
      { address_level_name: 'City', address_name: 'Los Angeles', address_level: 'L3' },
    ],
  };
}

function ukAddress(buyer: number, n: number): NonNullable<TikTokOrder['recipient_address']> {
  return {
    name: `Buyer ${buyer}`,
    first_name: 'Buyer',
    last_name: String(buyer),
    phone_number: '(+44)20-7946-0000',
    address_line1: `${10 + n} High Street`,
    postal_code: 'SW1A 1AA',
    region_code: 'GB',
    post_town: 'London',
    district_info: [
      { address_level_name: 'Country', address_name: 'United Kingdom', address_level: 'L0' },
      { address_level_name: 'County', address_name: 'Greater London', address_level: 'L1' },
      { address_level_name: 'Post town', address_name: 'London', address_level: 'L3' },
    ],
  };
}

export const catalogSkus = (): string[] => CATALOG.map((c) => c.sku);
