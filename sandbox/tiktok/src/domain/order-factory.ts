/**
 * Makes the simulator's orders: line items, prices, fees, taxes and payment in TikTok's shapes.
 */
import type { TikTokLineItem, TikTokPayment } from '../../../../shared-types/src/tiktok/tiktok-order';
import { applyRate, formatMinor, parseMinor } from '../money';
import type { Random } from '../random';
import { retailDeliveryRecipient, sampleRecipient } from './addresses';
import {
  feeFields,
  feesInTotal,
  LINE_LEVEL_FEES,
  parseFees,
  splitByWeight,
  typicalFees,
  type BuyerFee,
  type FeeAmounts,
} from './buyer-fees';
import type { IdFactory } from './ids';
import type { SimulatorState } from './state';
import type { ApiOrder, OrderRecord, Product, Shop, Sku, Warehouse } from './types';

export interface OrderSkuSpec {
  sellerSku: string;
  quantity: number;
}

export interface CreateOrderOptions {
  shopId?: string;
  /** Picks the first shop of this region when `shopId` is not given. */
  region?: string;
  /** Default: one or two random catalog SKUs, quantity 1–2. */
  skus?: OrderSkuSpec[];
  /** Sample order: fully seller-discounted, `is_sample_order: true`. */
  sample?: boolean;
  /** Fulfilled by TikTok (`FULFILLMENT_BY_TIKTOK`). */
  fbt?: boolean;
  buyerUserId?: string;
  /** e.g. `CCDC`, `PayPal`, `Apple Pay` (default: seeded pick). */
  paymentMethodName?: string;
  /** `SELLER` (default; seller ships with its own carrier) or `TIKTOK`. */
  shippingType?: 'TIKTOK' | 'SELLER';
  buyerMessage?: string;
  /** Seller discount in percent of each unit's price (default: seeded pick of 0, 10, 15). */
  sellerDiscountPercent?: number;
  /** Platform discount per unit, decimal string in the shop currency (default: seeded pick of 0 or 1). */
  platformDiscountPerUnit?: string;
  /** Sales tax rate added on top (default 0.0825 in the US, 0 elsewhere: VAT-inclusive prices). */
  taxRate?: number;
  /**
   * Buyer-paid fees as decimal strings, e.g. `{ retail_delivery_fee: '0.29', handling_fee: '0.99' }`
   * (only in the markets TikTok documents them, see `buyer-fees.ts`); `{}` = none. Default: the
   * simulator's fee mix (none unless `orderFees` is set).
   */
  fees?: Partial<Record<BuyerFee, string>>;
}

/** The generator's fee mix: share of generated orders that carry their market's typical fees. */
export interface OrderFeeMix {
  /** 0–1 (default 0: no fees unless an order asks for them). */
  rate: number;
  /** Which fees (default: every fee of the market). */
  fees?: BuyerFee[];
}

export const PAYMENT_METHODS = ['CCDC', 'PayPal', 'Apple Pay', 'Google Pay', 'Klarna'] as const;

interface Unit {
  product: Product;
  sku: Sku;
}

function resolveShop(state: SimulatorState, options: CreateOrderOptions): Shop {
  if (options.shopId) return state.requireShop(options.shopId);
  return state.firstShop(options.region);
}

function resolveUnits(
  state: SimulatorState,
  shop: Shop,
  options: CreateOrderOptions,
  random: Random,
): Unit[] {
  const specs: OrderSkuSpec[] = options.skus ?? [];
  if (specs.length === 0) {
    const all = state
      .productsOf(shop.id)
      .filter((product) => product.status === 'ACTIVATE')
      .flatMap((product) => product.skus.map((sku) => ({ product, sku })));
    if (all.length === 0) throw new Error(`Shop ${shop.id} has no products`);
    const count = random.int(1, Math.min(2, all.length));
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(random.pick(all).sku.sellerSku);
    for (const sellerSku of chosen) specs.push({ sellerSku, quantity: random.int(1, 2) });
  }
  const units: Unit[] = [];
  for (const spec of specs) {
    if (!Number.isInteger(spec.quantity) || spec.quantity < 1) {
      throw new Error(`Quantity for ${spec.sellerSku} must be a positive integer`);
    }
    const found = state.findSkuBySellerSku(shop.id, spec.sellerSku);
    if (!found) throw new Error(`Unknown seller_sku "${spec.sellerSku}" in shop ${shop.id}`);
    if (found.product.status !== 'ACTIVATE') {
      throw new Error(
        `Product ${found.product.id} of ${spec.sellerSku} is ${found.product.status}: buyers can order only ACTIVATE products`,
      );
    }
    for (let i = 0; i < spec.quantity; i += 1) units.push(found);
  }
  return units;
}

/** Picks the default warehouse if it can serve every unit, else another one that can. */
function pickWarehouse(state: SimulatorState, shop: Shop, units: Unit[]): Warehouse {
  const need = new Map<Sku, number>();
  const add = (sku: Sku, qty: number) => need.set(sku, (need.get(sku) ?? 0) + qty);
  for (const unit of units) {
    if (!unit.sku.components) add(unit.sku, 1);
    for (const c of unit.sku.components ?? []) {
      const part = state.findSku(c.skuId)?.sku;
      if (part) add(part, c.count);
    }
  }
  const candidates = state
    .warehousesOf(shop.id)
    .filter((w) => w.type === 'SALES_WAREHOUSE' && w.effectStatus === 'ENABLED')
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  for (const warehouse of candidates) {
    if ([...need].every(([sku, qty]) => state.stockOf(sku, warehouse.id) >= qty)) return warehouse;
  }
  const wanted = [...need].map(([sku, qty]) => `${sku.sellerSku}×${qty}`).join(', ');
  throw new Error(`Insufficient inventory in every warehouse of shop ${shop.id} for ${wanted}`);
}

/**
 * Builds a new UNPAID order with TikTok's shapes (TikTok's Get Order Detail): one line item per unit,
 * decimal-string money with `sub_total = original_total_product_price − seller_discount −
 * platform_discount`, `shipping_fee = original_shipping_fee − shipping discounts`,
 * `tax = product_tax + shipping_fee_tax (+ item_insurance_tax)`, `total_amount = sub_total +
 * shipping_fee + tax + buyer-paid fees` (see `buyer-fees.ts`).
 * Reserves the units' inventory in the chosen warehouse. No package yet: TikTok makes it at payment
 * (outside the US) or with the shipment (US), see domain/packages.ts.
 */
function chooseFees(
  options: CreateOrderOptions,
  shop: Shop,
  subTotal: number,
  random: Random,
  mix: OrderFeeMix | undefined,
): FeeAmounts {
  if (options.fees !== undefined) return parseFees(options.fees, shop.region, shop.currency);
  if (!mix || mix.rate <= 0 || options.sample === true || !random.chance(mix.rate)) return {};
  const typical = typicalFees(shop.region, shop.currency, subTotal);
  const wanted = mix.fees ?? (Object.keys(typical) as BuyerFee[]);
  return Object.fromEntries(Object.entries(typical).filter(([fee]) => wanted.includes(fee as BuyerFee)));
}

export function buildOrder(
  state: SimulatorState,
  ids: IdFactory,
  random: Random,
  nowSeconds: number,
  options: CreateOrderOptions,
  feeMix?: OrderFeeMix,
): OrderRecord {
  const shop = resolveShop(state, options);
  const currency = shop.currency;
  const units = resolveUnits(state, shop, options, random);
  const warehouse = pickWarehouse(state, shop, units);
  const sample = options.sample === true;
  const taxRate = sample ? 0 : (options.taxRate ?? (shop.region === 'US' ? 0.0825 : 0));
  const discountPercent = sample ? 0 : (options.sellerDiscountPercent ?? random.pick([0, 10, 15]));
  const platformPerUnit = sample
    ? 0
    : options.platformDiscountPerUnit !== undefined
      ? parseMinor(options.platformDiscountPerUnit, currency)
      : random.pick([0, 0, parseMinor('1', currency) ?? 0]);
  if (platformPerUnit === null) throw new Error('platformDiscountPerUnit must be a decimal string');

  let originalTotal = 0;
  let sellerDiscountTotal = 0;
  let platformDiscountTotal = 0;
  let productTax = 0;
  const lineItems: TikTokLineItem[] = units.map(({ product, sku }) => {
    const original = sku.priceMinor;
    const sellerDiscount = sample ? original : applyRate(original, discountPercent / 100);
    const platformDiscount = Math.min(platformPerUnit, original - sellerDiscount);
    const sale = original - sellerDiscount - platformDiscount;
    const itemTax = applyRate(sale, taxRate);
    originalTotal += original;
    sellerDiscountTotal += sellerDiscount;
    platformDiscountTotal += platformDiscount;
    productTax += itemTax;
    const line: TikTokLineItem = {
      id: ids.lineItemId(),
      sku_id: sku.id,
      product_id: product.id,
      product_name: product.title,
      sku_name: sku.name,
      seller_sku: sku.sellerSku,
      original_price: formatMinor(original, currency),
      sale_price: formatMinor(sale, currency),
      platform_discount: formatMinor(platformDiscount, currency),
      seller_discount: formatMinor(sellerDiscount, currency),
      currency,
      display_status: 'UNPAID',
      package_status: 'TO_FULFILL',
      is_gift: false,
    };
    if (sku.components) {
      line.combined_listing_skus = sku.components.map((c) => ({
        sku_id: c.skuId,
        sku_count: c.count,
        product_id: c.productId,
        seller_sku: c.sellerSku,
      }));
    }
    if (taxRate > 0) {
      line.item_tax = [
        { tax_type: 'SALES_TAX', tax_amount: formatMinor(itemTax, currency), tax_rate: String(taxRate) },
      ];
    }
    return line;
  });
  const subTotal = originalTotal - sellerDiscountTotal - platformDiscountTotal;
  const originalShipping = parseMinor(shop.region === 'US' ? '5.99' : '3.99', currency) ?? 0;
  const freeShippingThreshold = parseMinor('35', currency) ?? 0;
  const shippingSellerDiscount = sample ? originalShipping : 0;
  const shippingPlatformDiscount = !sample && subTotal >= freeShippingThreshold ? originalShipping : 0;
  const shippingFee = originalShipping - shippingSellerDiscount - shippingPlatformDiscount;
  const shippingTax = applyRate(shippingFee, taxRate);
  const fees = chooseFees(options, shop, subTotal, random, feeMix);
  const tax = productTax + shippingTax + (fees.item_insurance_tax ?? 0);
  for (const fee of LINE_LEVEL_FEES) {
    const amount = fees[fee];
    if (amount === undefined) continue;
    const shares = splitByWeight(
      amount,
      lineItems.map((l) => parseMinor(l.sale_price, currency) ?? 0),
    );
    lineItems.forEach((line, i) => {
      line[fee] = formatMinor(shares[i] ?? 0, currency);
    });
  }
  const payment: TikTokPayment = {
    currency,
    sub_total: formatMinor(subTotal, currency),
    shipping_fee: formatMinor(shippingFee, currency),
    seller_discount: formatMinor(sellerDiscountTotal, currency),
    platform_discount: formatMinor(platformDiscountTotal, currency),
    total_amount: formatMinor(subTotal + shippingFee + tax + feesInTotal(fees), currency),
    original_total_product_price: formatMinor(originalTotal, currency),
    original_shipping_fee: formatMinor(originalShipping, currency),
    shipping_fee_seller_discount: formatMinor(shippingSellerDiscount, currency),
    shipping_fee_platform_discount: formatMinor(shippingPlatformDiscount, currency),
    shipping_fee_cofunded_discount: formatMinor(0, currency),
    tax: formatMinor(tax, currency),
    product_tax: formatMinor(productTax, currency),
    shipping_fee_tax: formatMinor(shippingTax, currency),
    ...feeFields(fees, currency),
  };
  const fbt = options.fbt === true;
  const shippingType = fbt ? 'TIKTOK' : (options.shippingType ?? 'SELLER');
  const shopOptions = state.deliveryOptions.filter((o) => o.shopId === shop.id);
  const deliveryOption = fbt
    ? shopOptions.find((o) => o.fulfilledByTikTok === true)
    : shopOptions.find((o) =>
        shippingType === 'SELLER'
          ? o.type === 'SEND_BY_SELLER'
          : o.type !== 'SEND_BY_SELLER' && !o.fulfilledByTikTok,
      );
  const order: ApiOrder = {
    id: ids.orderId(),
    status: 'UNPAID',
    create_time: nowSeconds,
    update_time: nowSeconds,
    user_id: options.buyerUserId ?? ids.userId(),
    buyer_email: ids.buyerEmail(),
    buyer_message: options.buyerMessage ?? '',
    payment,
    payment_method_name: options.paymentMethodName ?? random.pick(PAYMENT_METHODS),
    is_cod: false,
    recipient_address:
      fees.retail_delivery_fee !== undefined
        ? retailDeliveryRecipient()
        : sampleRecipient(shop.region, random),
    line_items: lineItems,
    fulfillment_type: fbt ? 'FULFILLMENT_BY_TIKTOK' : 'FULFILLMENT_BY_SELLER',
    shipping_type: shippingType,
    delivery_option_id: deliveryOption?.id,
    delivery_option_name: deliveryOption?.name,
    delivery_type: 'HOME_DELIVERY',
    warehouse_id: warehouse.id,
    is_sample_order: sample,
    is_on_hold_order: shop.onHold,
    is_replacement_order: false,
    is_buyer_request_cancel: false,
    has_updated_recipient_address: false,
    order_type: 'NORMAL',
    commerce_platform: 'TIKTOK_SHOP',
  };
  for (const unit of units) state.adjustStock(unit.sku, warehouse.id, -1);
  return { shopId: shop.id, order };
}
