import { lineItem, order, shop } from '../../../../../test/support/tiktok-order-builder';
import type { SalesOrderPlan } from '../../../../../shared-types/src/orders/order-plan';
import { planSalesOrder } from '../../../../../shared-types/src/orders/order-plan';
import type { TikTokLineItem, TikTokPayment } from '../../../../../shared-types/src/tiktok/tiktok-order';
import type { FieldValue, RecordWrite } from '../record-declaration';
import { newSalesOrderWrite, salesOrderUpdateWrite } from '../sales-order-mapper';

/**
 * Amounts on the sales order in the currency's own minor unit: TikTok sends JPY, IDR and VND in
 * whole units (`"1500"`; TikTok's samples: `"5000"` for IDR) and NetSuite takes major
 * units, so 1500 yen is 1500, never 15; a 3-decimal currency keeps its third decimal. No TikTok
 * market settles in a 3-decimal currency (KWD, BHD, ...: region-currency.ts), so that path is the
 * money module's, planned here for a shop without a region.
 */

function planIn(
  currency: string,
  region: string | null,
  unit: Partial<TikTokLineItem>,
  payment: Partial<TikTokPayment>,
): SalesOrderPlan {
  const units = ['1001', '1002'].map((id) => lineItem({ id, currency, ...unit }));
  const result = planSalesOrder(
    order({ line_items: units, payment: { ...order().payment, currency, ...payment } }),
    { shop: shop({ currency, region, taxRemitter: 'TikTok' }), items: { 'MUG-RED': '501' } },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

function amounts(write: RecordWrite): {
  body: Record<string, FieldValue>;
  lines: [FieldValue, FieldValue][];
} {
  return {
    body: Object.fromEntries(write.body.filter(([id]) => ['shippingcost', 'custbody_tts_tax'].includes(id))),
    lines: write.sublists.flatMap((s) =>
      s.lines.map((line) => {
        const fields = Object.fromEntries(line.fields);
        return [fields.rate, fields.amount] as [FieldValue, FieldValue];
      }),
    ),
  };
}

describe('sales order amounts by currency exponent', () => {
  it('JPY (0 decimals): 1500 yen is 1500 on the sales order', () => {
    const plan = planIn(
      'JPY',
      'JP',
      { original_price: '1500', sale_price: '1250', seller_discount: '150', platform_discount: '100' },
      {
        sub_total: '2500',
        shipping_fee: '600',
        original_shipping_fee: '600',
        seller_discount: '300',
        platform_discount: '200',
        original_total_product_price: '3000',
        tax: '206',
        total_amount: '3306',
      },
    );
    expect(amounts(newSalesOrderWrite(plan, '101'))).toEqual({
      body: { custbody_tts_tax: 206, shippingcost: 600 },
      // Seller-price lines (1250 + 100 platform discount), the platform discount line, the tax line.
      lines: [
        [1350, 2700],
        [-200, -200],
        [206, 206],
      ],
    });
  });

  it('IDR and VND (0 decimals, as TikTok sends them): hundreds of thousands stay whole', () => {
    const idr = planIn(
      'IDR',
      'ID',
      { original_price: '150000', sale_price: '150000', seller_discount: '0', platform_discount: '0' },
      {
        sub_total: '300000',
        shipping_fee: '15000',
        original_shipping_fee: '15000',
        seller_discount: '0',
        platform_discount: '0',
        original_total_product_price: '300000',
        tax: '0',
        total_amount: '315000',
      },
    );
    expect(amounts(newSalesOrderWrite(idr, '101'))).toEqual({
      body: { custbody_tts_tax: 0, shippingcost: 15000 },
      lines: [[150000, 300000]],
    });
    const vnd = planIn(
      'VND',
      'VN',
      { original_price: '259000', sale_price: '259000', seller_discount: '0', platform_discount: '0' },
      {
        sub_total: '518000',
        shipping_fee: '0',
        original_shipping_fee: '0',
        seller_discount: '0',
        platform_discount: '0',
        original_total_product_price: '518000',
        tax: '25900',
        total_amount: '543900',
      },
    );
    expect(amounts(newSalesOrderWrite(vnd, '101')).lines).toEqual([
      [259000, 518000],
      [25900, 25900],
    ]);
  });

  it('KWD (3 decimals, no TikTok market): 12.345 stays 12.345', () => {
    const plan = planIn(
      'KWD',
      null,
      { original_price: '12.345', sale_price: '12.345', seller_discount: '0', platform_discount: '0' },
      {
        sub_total: '24.690',
        shipping_fee: '1.250',
        original_shipping_fee: '1.250',
        seller_discount: '0',
        platform_discount: '0',
        original_total_product_price: '24.690',
        tax: '0.123',
        total_amount: '26.063',
      },
    );
    expect(plan.totals).toMatchObject({
      subTotalMinor: 24690,
      shippingMinor: 1250,
      taxMinor: 123,
      totalMinor: 26063,
    });
    expect(amounts(newSalesOrderWrite(plan, '101'))).toEqual({
      body: { custbody_tts_tax: 0.123, shippingcost: 1.25 },
      lines: [
        [12.345, 24.69],
        [0.123, 0.123],
      ],
    });
  });
});

describe('salesOrderUpdateWrite: the totals re-check', () => {
  const update = {
    lineChanges: [{ kind: 'close' as const, index: 1, reason: 'cancel' }],
    shipAddress: null,
    exceptions: [],
    applied: [],
  };

  it('marks Ties Out = F in the same save when the re-check found the order off', () => {
    expect(salesOrderUpdateWrite(update, { tiesOut: false }).body).toEqual([['custbody_tts_tieout', false]]);
  });

  it('leaves Ties Out alone otherwise', () => {
    expect(salesOrderUpdateWrite(update).body).toEqual([]);
    expect(salesOrderUpdateWrite(update, {}).body).toEqual([]);
  });
});
