/// <reference types="jest" />
import { expandBundles, isVirtualBundle, shareMinor, splitBundleLine } from '../bundle-split';
import { toMinor } from '../../money/money';
import type { OrderPlanContext, SalesOrderPlan } from '../order-plan';
import { orderSkuKeys, planSalesOrder } from '../order-plan';
import type { TikTokLineItem } from '../../tiktok/tiktok-order';
import { lineItem, order, shop } from '../../../../test/support/tiktok-order-builder';

/** A virtual bundle line: one hoodie and two totes for 85.00 (TikTok's combined_listing_skus). */
function bundleLine(overrides: Partial<TikTokLineItem> = {}): TikTokLineItem {
  return lineItem({
    id: '2001',
    sku_id: '1729592969712209000',
    product_name: 'Hoodie + 2 Totes',
    seller_sku: 'BUNDLE-HOODIE-TOTE',
    original_price: '91.00',
    sale_price: '85.00',
    seller_discount: '5.00',
    platform_discount: '1.00',
    combined_listing_skus: [
      {
        sku_id: '1729592969712209001',
        sku_count: 1,
        product_id: '1729587769570289001',
        seller_sku: 'HOODIE',
      },
      { sku_id: '1729592969712209002', sku_count: 2, product_id: '1729587769570289002', seller_sku: 'TOTE' },
    ],
    ...overrides,
  });
}

const cents = (
  line: TikTokLineItem,
  field: 'sale_price' | 'seller_discount' | 'platform_discount' | 'original_price',
) => toMinor(line[field], 'USD');

describe('shareMinor: the split rule', () => {
  it('gives every unit the rounded-down share and the first units one minor unit of what is left', () => {
    expect(shareMinor(8500, 3)).toEqual([2834, 2833, 2833]);
    expect(shareMinor(8501, 3)).toEqual([2834, 2834, 2833]);
    expect(shareMinor(8499, 3)).toEqual([2833, 2833, 2833]);
    expect(shareMinor(1, 4)).toEqual([1, 0, 0, 0]);
    expect(shareMinor(0, 2)).toEqual([0, 0]);
  });

  it('always adds up to the amount, and no two shares differ by more than one minor unit', () => {
    for (let total = 0; total < 700; total += 7) {
      for (let count = 1; count <= 9; count += 1) {
        const shares = shareMinor(total, count);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('splitBundleLine', () => {
  it('makes one unit per component unit, in TikTok order, with the bundle id and exact shares', () => {
    const units = splitBundleLine(bundleLine(), 'USD');
    expect(units.map((u) => [u.id, u.seller_sku, u.sku_id, u.product_id])).toEqual([
      ['2001', 'HOODIE', '1729592969712209001', '1729587769570289001'],
      ['2001', 'TOTE', '1729592969712209002', '1729587769570289002'],
      ['2001', 'TOTE', '1729592969712209002', '1729587769570289002'],
    ]);
    expect(
      units.map((u) => [u.sale_price, u.seller_discount, u.platform_discount, u.original_price]),
    ).toEqual([
      ['28.34', '1.67', '0.34', '30.35'],
      ['28.33', '1.67', '0.33', '30.33'],
      ['28.33', '1.66', '0.33', '30.32'],
    ]);
    for (const field of ['sale_price', 'seller_discount', 'platform_discount', 'original_price'] as const) {
      expect(units.reduce((sum, u) => sum + cents(u, field), 0)).toBe(cents(bundleLine(), field));
    }
    expect(units.every((u) => u.combined_listing_skus === undefined)).toBe(true);
    expect(units[0].product_name).toBe('component of virtual bundle BUNDLE-HOODIE-TOTE (Hoodie + 2 Totes)');
  });

  it('matches a component without a seller SKU by its TikTok SKU id', () => {
    const [unit] = splitBundleLine(
      bundleLine({ combined_listing_skus: [{ sku_id: '1729592969712209003', sku_count: 1 }] }),
      'USD',
    );
    expect(unit.seller_sku).toBe('');
    expect(
      orderSkuKeys({
        line_items: [
          bundleLine({ combined_listing_skus: [{ sku_id: '1729592969712209003', sku_count: 1 }] }),
        ],
      }),
    ).toEqual(['BUNDLE-HOODIE-TOTE', '1729592969712209003']);
  });

  it('splits in a currency without minor units (JPY) exactly', () => {
    const units = splitBundleLine(
      bundleLine({
        currency: 'JPY',
        original_price: '1000',
        sale_price: '1000',
        seller_discount: '0',
        platform_discount: '0',
      }),
      'JPY',
    );
    expect(units.map((u) => u.sale_price)).toEqual(['334', '333', '333']);
  });
});

describe('expandBundles', () => {
  const plain = lineItem({ id: '1001' });
  it('replaces bundle lines by their component units, leaves other lines, and leaves all with kits', () => {
    expect(isVirtualBundle(plain)).toBe(false);
    expect(isVirtualBundle(bundleLine())).toBe(true);
    expect(isVirtualBundle(bundleLine({ combined_listing_skus: [] }))).toBe(false);
    expect(expandBundles([plain, bundleLine()], 'USD', false).map((u) => u.seller_sku)).toEqual([
      'MUG-RED',
      'HOODIE',
      'TOTE',
      'TOTE',
    ]);
    expect(expandBundles([plain, bundleLine()], 'USD', true).map((u) => u.seller_sku)).toEqual([
      'MUG-RED',
      'BUNDLE-HOODIE-TOTE',
    ]);
  });
});

describe('planSalesOrder with a virtual bundle', () => {
  /** One mug (12.50) and one bundle (85.00): TikTok's payment for them. */
  const bundleOrder = order({
    line_items: [lineItem({ id: '1001' }), bundleLine()],
    payment: {
      currency: 'USD',
      sub_total: '97.50',
      shipping_fee: '0.00',
      seller_discount: '6.50',
      platform_discount: '2.00',
      total_amount: '105.54',
      original_total_product_price: '106.00',
      original_shipping_fee: '5.99',
      tax: '8.04',
    },
  });
  const items = { 'MUG-RED': '501', HOODIE: '601', TOTE: '602', 'BUNDLE-HOODIE-TOTE': '700' };
  const context = (kits: boolean, overrides: Partial<OrderPlanContext> = {}): OrderPlanContext => ({
    shop: shop({ orderOptions: { platformDiscountItemId: '61', bundlesAsKits: kits } }),
    items,
    ...overrides,
  });
  const planOf = (ctx: OrderPlanContext): SalesOrderPlan => {
    const result = planSalesOrder(bundleOrder, ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.plan;
  };

  it('imports the components (default): lines of each component at its share, adding up to TikTok', () => {
    const plan = planOf(context(false));
    expect(plan.lines.map((l) => [l.itemId, l.quantity, l.rateMinor, l.lineIds])).toEqual([
      ['501', 1, 1350, ['1001']],
      ['601', 1, 2868, ['2001']],
      ['602', 2, 2866, ['2001', '2001']],
    ]);
    expect(plan.totals.linesMinor + plan.totals.discountsMinor).toBe(plan.totals.subTotalMinor);
    expect(plan.discounts).toEqual([{ kind: 'platform', itemId: '61', amountMinor: -200 }]);
  });

  it('imports the bundle as one line of its own SKU (a kit or item group) with Virtual Bundles As Kits', () => {
    const plan = planOf(context(true));
    expect(plan.lines.map((l) => [l.itemId, l.quantity, l.rateMinor, l.lineIds])).toEqual([
      ['501', 1, 1350, ['1001']],
      ['700', 1, 8600, ['2001']],
    ]);
    expect(plan.totals.linesMinor + plan.totals.discountsMinor).toBe(plan.totals.subTotalMinor);
  });

  it('names the bundle when a component SKU has no item', () => {
    const result = planSalesOrder(
      bundleOrder,
      context(false, { items: { 'MUG-RED': '501', HOODIE: '601' } }),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems.map((p) => p.message).join('\n')).toContain(
      '"TOTE" (component of virtual bundle BUNDLE-HOODIE-TOTE (Hoodie + 2 Totes); line item 2001)',
    );
  });
});
