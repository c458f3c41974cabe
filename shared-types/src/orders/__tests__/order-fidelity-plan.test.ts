/// <reference types="jest" />
import { decideImport } from '../order-classify';
import { groupLines, planDiscounts, priceModeOf } from '../order-lines';
import { chooseLocation } from '../order-location';
import type { OrderPlanContext, SalesOrderPlan } from '../order-plan';
import { planSalesOrder } from '../order-plan';
import { plannedShipDate } from '../order-timing';
import { regionCurrency } from '../../tiktok/region-currency';
import type { ShopOrderOptions } from '../../settings/shop-settings';
import { lineItem, order, shop } from '../../../../test/support/tiktok-order-builder';

function context(
  options: Partial<ShopOrderOptions> = {},
  extra: Partial<OrderPlanContext> = {},
): OrderPlanContext {
  return {
    shop: shop({ region: 'US', orderOptions: { platformDiscountItemId: '61', ...options } }),
    items: { 'MUG-RED': '501' },
    ...extra,
  };
}

function planOf(...args: Parameters<typeof planSalesOrder>): SalesOrderPlan {
  const result = planSalesOrder(...args);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

function problems(...args: Parameters<typeof planSalesOrder>): string[] {
  const result = planSalesOrder(...args);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.code}: ${p.message}`);
}

describe('decideImport', () => {
  it('waits on UNPAID/ON_HOLD, imports shipping statuses, skips samples and FBT when the shop says so', () => {
    const s = shop();
    expect(decideImport(order({ status: 'ON_HOLD' }), s).kind).toBe('wait');
    expect(decideImport(order({ status: 'CANCELLED' }), s).kind).toBe('cancelled');
    expect(decideImport(order({ status: 'DELIVERED' }), s)).toEqual({
      kind: 'import',
      sample: false,
      fbt: false,
    });
    expect(decideImport(order({ is_sample_order: true }), s)).toEqual({
      kind: 'import',
      sample: true,
      fbt: false,
    });
    const noSamples = shop({ orderOptions: { importSamples: false } });
    const skip = decideImport(order({ is_sample_order: true }), noSamples);
    expect(skip.kind).toBe('skip');
    expect(skip.kind === 'skip' && skip.note).toContain('Import Sample Orders');
    const noFbt = shop({ orderOptions: { importFbt: false } });
    expect(decideImport(order({ fulfillment_type: 'FULFILLMENT_BY_TIKTOK' }), noFbt).kind).toBe('skip');
  });
});

describe('plannedShipDate', () => {
  it('uses shipping_due_time, then rts_sla_time, then create time + handling days, for pre-orders only', () => {
    const base = { create_time: 1000, order_type: 'PRE_ORDER' };
    expect(plannedShipDate({ ...base, shipping_due_time: 5000, rts_sla_time: 4000 }, 3)).toBe(5000);
    expect(plannedShipDate({ ...base, shipping_due_time: 'x', rts_sla_time: 4000 }, 3)).toBe(4000);
    expect(plannedShipDate({ ...base, order_type: 'MADE_TO_ORDER' }, 2)).toBe(1000 + 2 * 86400);
    expect(
      plannedShipDate({ create_time: 1000, order_type: 'NORMAL', shipping_due_time: 5000 }, 3),
    ).toBeNull();
    expect(plannedShipDate({ create_time: 1000 }, 3)).toBeNull();
  });
});

describe('chooseLocation', () => {
  const s = { name: 'Acme', locationId: '3' };
  const states = {
    '3': { name: 'Main', inactive: false },
    '4': { name: 'East', inactive: true },
    '5': { name: 'FBT', inactive: false },
  };
  const wh = (locationId: string | null) => ({ recordId: '1', warehouseId: '77', name: 'LA', locationId });

  it('prefers the FBT location for FBT orders, then the warehouse link, then the shop default', () => {
    expect(
      chooseLocation(s, { fbtLocationId: '5' }, true, {
        warehouseId: '77',
        warehouse: wh('3'),
        locations: states,
      }),
    ).toEqual({ ok: true, locationId: '5' });
    expect(
      chooseLocation(s, { fbtLocationId: null }, false, {
        warehouseId: '77',
        warehouse: wh('5'),
        locations: states,
      }),
    ).toEqual({ ok: true, locationId: '5' });
    expect(
      chooseLocation(s, { fbtLocationId: null }, false, {
        warehouseId: '77',
        warehouse: wh(null),
        locations: states,
      }),
    ).toEqual({ ok: true, locationId: '3' });
    expect(
      chooseLocation({ ...s, locationId: null }, { fbtLocationId: null }, false, {
        warehouseId: null,
        warehouse: null,
      }),
    ).toEqual({ ok: true, locationId: null });
  });

  it('refuses inactive, missing or unlinked locations, naming the warehouse and where to fix it', () => {
    const inactive = chooseLocation(s, { fbtLocationId: null }, false, {
      warehouseId: '77',
      warehouse: wh('4'),
      locations: states,
    });
    expect(inactive.ok === false && inactive.message).toContain(
      'TikTok warehouse "LA" (77) is location "East" (4), which is inactive',
    );
    const gone = chooseLocation(s, { fbtLocationId: null }, false, {
      warehouseId: '77',
      warehouse: wh('9'),
      locations: states,
    });
    expect(gone.ok === false && gone.message).toContain('no longer exists');
    const unlinked = chooseLocation({ ...s, locationId: null }, { fbtLocationId: null }, false, {
      warehouseId: '77',
      warehouse: wh(null),
    });
    expect(unlinked.ok === false && unlinked.message).toContain('Customization > TikTok Warehouses');
    const unknown = chooseLocation({ ...s, locationId: null }, { fbtLocationId: null }, false, {
      warehouseId: '78',
      warehouse: null,
    });
    expect(unknown.ok === false && unknown.message).toContain('warehouses.upsert');
    const noFbt = chooseLocation(s, { fbtLocationId: null }, true, { warehouseId: null, warehouse: null });
    expect(noFbt.ok === false && noFbt.message).toContain('FBT Location');
  });
});

describe('discount lines', () => {
  const lines = [lineItem({ id: '1' }), lineItem({ id: '2' })];

  it('prices items at the original price (on), the seller price (off) or zero (sample)', () => {
    expect(groupLines(lines, 'USD', priceModeOf({ discountLines: true }, false))[0].rateMinor).toBe(1500);
    expect(groupLines(lines, 'USD', priceModeOf({ discountLines: false }, false))[0].rateMinor).toBe(1350);
    expect(groupLines(lines, 'USD', priceModeOf({ discountLines: true }, true))[0].rateMinor).toBe(0);
  });

  it('plans seller and platform lines, or names the missing discount item', () => {
    const items = { sellerDiscountItemId: '60', platformDiscountItemId: '61' };
    expect(planDiscounts(order(), lines, 'original', items, 'Acme', 'USD')).toEqual({
      ok: true,
      discounts: [
        { kind: 'seller', itemId: '60', amountMinor: -300 },
        { kind: 'platform', itemId: '61', amountMinor: -200 },
      ],
    });
    expect(planDiscounts(order(), lines, 'seller', items, 'Acme', 'USD')).toEqual({
      ok: true,
      discounts: [{ kind: 'platform', itemId: '61', amountMinor: -200 }],
    });
    expect(planDiscounts(order(), lines, 'zero', items, 'Acme', 'USD')).toEqual({ ok: true, discounts: [] });
    const missing = planDiscounts(
      order(),
      lines,
      'original',
      { sellerDiscountItemId: null, platformDiscountItemId: '61' },
      'Acme',
      'USD',
    );
    expect(missing.ok === false && missing.problems[0].message).toContain('seller discount of 3.00 USD');
  });

  it('adds up to TikTok sub_total in both modes', () => {
    for (const discountLines of [true, false]) {
      const plan = planOf(order(), context({ discountLines, sellerDiscountItemId: '60' }));
      expect(plan.totals.linesMinor + plan.totals.discountsMinor).toBe(plan.totals.subTotalMinor);
    }
  });
});

describe('planSalesOrder: order options', () => {
  it('plans sample, FBT, replacement, pre-order, form, status and tax fields', () => {
    const plan = planOf(
      order({
        is_sample_order: true,
        fulfillment_type: 'FULFILLMENT_BY_TIKTOK',
        is_replacement_order: true,
        replaced_order_id: '555',
        order_type: 'PRE_ORDER',
      }),
      context(
        { fbtLocationId: '5', formId: '120', orderStatus: 'a', handlingDays: 1 },
        { replacedSalesOrderId: '900' },
      ),
    );
    expect(plan).toMatchObject({
      sample: true,
      fbt: true,
      locationId: '5',
      replacement: { originalOrderId: '555', originalSalesOrderId: '900' },
      shipDateUnix: 1700000000 + 86400,
      formId: '120',
      // An FBT order has shipped: it is never held for approval, whatever the shop's Order Status.
      orderStatus: 'B',
      discounts: [],
      tiktokTaxMinor: 206,
      expectedTaxVarianceMinor: 0,
    });
    expect(plan.lines.every((l) => l.rateMinor === 0 && l.locationId === '5')).toBe(true);
    expect(planOf(order(), context({ orderStatus: 'a' })).orderStatus).toBe('A');
  });

  it('refuses a bad order status or form, and an order in another currency than the region', () => {
    expect(problems(order(), context({ orderStatus: 'C' }))[0]).toContain(
      'invalid_setting: Shop Acme US has Order Status "C"',
    );
    expect(problems(order(), context({ formId: 'Standard' }))[0]).toContain('Sales Order Form "Standard"');
    const gb = {
      ...context(),
      shop: shop({ region: 'GB', currency: null, orderOptions: { platformDiscountItemId: '61' } }),
    };
    expect(problems(order(), gb)[0]).toContain(
      'currency_mismatch: TikTok order 576461413038785752 is in USD, but shop Acme US is in region GB, whose TikTok currency is GBP',
    );
  });
});

describe('regionCurrency', () => {
  it('maps TikTok regions to their currency', () => {
    expect([
      regionCurrency('US'),
      regionCurrency('GB'),
      regionCurrency('uk'),
      regionCurrency('DE'),
      regionCurrency('JP'),
    ]).toEqual(['USD', 'GBP', 'GBP', 'EUR', 'JPY']);
    expect(regionCurrency('ZZ')).toBeNull();
    expect(regionCurrency(null)).toBeNull();
  });
});
