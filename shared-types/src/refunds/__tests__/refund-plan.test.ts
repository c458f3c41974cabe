import { Problems } from '../../contract/validation-problems';
import type { RefundPlan, RefundPlanContext } from '../refund-plan';
import { planRefund, splitByWeights } from '../refund-plan';
import type { TikTokRefund } from '../tiktok-refund';
import { checkTikTokRefund, isRefundDone, refundFigures } from '../tiktok-refund';

const SHOP = '7495316114751490001';
const ORDER = '576461413038785001';
const A = '576461413038785753';
const B = '576461413038785754';
const C = '576461413038785755';

function refund(overrides: Partial<TikTokRefund> = {}): TikTokRefund {
  return {
    refund_id: '4035318504000001',
    source: 'return',
    order_id: ORDER,
    return_type: 'RETURN_AND_REFUND',
    status: 'RETURN_OR_REFUND_REQUEST_COMPLETE',
    update_time: 1764900100,
    refund_amount: {
      currency: 'USD',
      refund_total: '18.36',
      refund_subtotal: '17.00',
      refund_shipping_fee: '0.00',
      refund_tax: '1.36',
    },
    discount_amount: [
      {
        product_seller_discount: '2.00',
        product_platform_discount: '1.00',
        shipping_fee_seller_discount: '0.00',
        shipping_fee_platform_discount: '0.00',
      },
    ],
    lines: [
      {
        order_line_item_id: A,
        refund_amount: {
          currency: 'USD',
          refund_total: '18.36',
          refund_subtotal: '17.00',
          refund_tax: '1.36',
        },
      },
    ],
    ...overrides,
  };
}

function context(overrides: Partial<RefundPlanContext> = {}): RefundPlanContext {
  return {
    shopId: SHOP,
    shopName: 'Demo US',
    salesOrderId: '900',
    billing: { kind: 'invoice', invoiceId: '910', customerId: '55', amountRemainingMinor: 5000 },
    rmaId: '920',
    orderLines: [
      { line: '1', itemId: '10', tiktokLineIds: [A, B] },
      { line: '2', itemId: '11', tiktokLineIds: [C] },
    ],
    priceMode: 'original',
    remitter: 'tiktok',
    engine: 'us-legacy',
    taxCode: null,
    items: {
      shippingItemId: '30',
      sellerDiscountItemId: '40',
      platformDiscountItemId: '41',
      taxItemId: '42',
      buyerFeeItemId: '43',
    },
    ...overrides,
  };
}

function planOf(r: TikTokRefund, c: RefundPlanContext): RefundPlan {
  const result = planRefund(r, c);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.plan;
}

const amounts = (plan: RefundPlan) => plan.lines.map((l) => [l.kind, l.itemId, l.quantity, l.amountMinor]);

describe('planRefund: billed by invoice', () => {
  it('credits the RMA with the item at its original price, both discounts given back apart and TikTok tax on the Tax Item', () => {
    const plan = planOf(refund(), context());
    expect(amounts(plan)).toEqual([
      ['item', '10', 1, 2000],
      ['seller_discount', '40', null, -200],
      ['platform_discount', '41', null, -100],
      ['tax', '42', null, 136],
    ]);
    expect(plan.lines[0]!.tiktokLineIds).toEqual([A]);
    expect(plan.totalMinor).toBe(1836);
    expect(plan.varianceMinor).toBe(0);
    expect(plan.externalId).toBe(`tts_rf_${SHOP}_4035318504000001`);
    expect(plan.document).toEqual({
      kind: 'credit_memo',
      from: { type: 'returnauthorization', id: '920' },
      invoiceId: '910',
      applyMinor: 1836,
      customerRefundMinor: 0,
      customerRefundExternalId: null,
    });
  });

  it('with Discount Lines off keeps only the TikTok-funded discount apart (the line at the seller price)', () => {
    const plan = planOf(refund(), context({ priceMode: 'seller' }));
    expect(amounts(plan)).toEqual([
      ['item', '10', 1, 1800],
      ['platform_discount', '41', null, -100],
      ['tax', '42', null, 136],
    ]);
    expect(plan.totalMinor).toBe(1836);
  });

  it('creates the credit memo for a refund-only request and pays out by customer refund what a paid invoice no longer owes', () => {
    const plan = planOf(
      refund({ return_type: 'REFUND' }),
      context({
        rmaId: null,
        billing: { kind: 'invoice', invoiceId: '910', customerId: '55', amountRemainingMinor: 500 },
      }),
    );
    expect(plan.document).toEqual({
      kind: 'credit_memo',
      from: { type: 'create', customerId: '55' },
      invoiceId: '910',
      applyMinor: 500,
      customerRefundMinor: 1336,
      customerRefundExternalId: `tts_rfp_${SHOP}_4035318504000001`,
    });
  });

  it('a cancellation after payment never uses an RMA', () => {
    const plan = planOf(
      refund({ source: 'cancellation', status: 'CANCELLATION_REQUEST_COMPLETE', return_type: undefined }),
      context({ billing: { kind: 'invoice', invoiceId: '910', customerId: '55', amountRemainingMinor: 0 } }),
    );
    expect(plan.document).toMatchObject({
      from: { type: 'create', customerId: '55' },
      applyMinor: 0,
      customerRefundMinor: 1836,
    });
  });

  it('a shipping-only refund is the shipping cost and its tax, no item line', () => {
    const plan = planOf(
      refund({
        return_type: 'REFUND',
        refund_amount: {
          currency: 'USD',
          refund_total: '6.47',
          refund_subtotal: '0.00',
          refund_shipping_fee: '5.99',
          refund_tax: '0.48',
        },
        discount_amount: undefined,
        lines: [],
      }),
      context({ rmaId: null }),
    );
    expect(amounts(plan)).toEqual([['tax', '42', null, 48]]);
    expect(plan.shippingMinor).toBe(599);
    expect(plan.totalMinor).toBe(647);
  });

  it('a refund of shipping alone, with no tax line, is one Seller Discount Item line: NetSuite saves no document without a line', () => {
    const plan = planOf(
      refund({
        return_type: 'REFUND',
        refund_amount: {
          currency: 'USD',
          refund_total: '5.99',
          refund_subtotal: '0.00',
          refund_shipping_fee: '5.99',
          refund_tax: '0.00',
        },
        discount_amount: undefined,
        lines: [],
      }),
      context({ rmaId: null }),
    );
    expect(amounts(plan)).toEqual([['refund_adjustment', '40', null, 599]]);
    expect(plan.shippingMinor).toBe(0);
    expect(plan.totalMinor).toBe(599);
    const noItem = planRefund(
      refund({
        return_type: 'REFUND',
        refund_amount: { currency: 'USD', refund_total: '5.99', refund_shipping_fee: '5.99' },
        discount_amount: undefined,
        lines: [],
      }),
      context({ rmaId: null, items: { ...context().items, sellerDiscountItemId: null } }),
    );
    expect(noItem.ok ? [] : noItem.problems.map((p) => p.code)).toEqual(['no_discount_item']);
  });

  it('a completed refund of nothing (shipping only, no shipping paid) books no document', () => {
    const plan = planOf(
      refund({
        return_type: 'REFUND',
        refund_amount: { currency: 'USD', refund_total: '0.00', refund_shipping_fee: '0.00' },
        discount_amount: undefined,
        lines: [],
      }),
      context({ rmaId: null }),
    );
    expect(plan.document).toEqual({ kind: 'nothing_refunded', salesOrderId: '900' });
    expect(plan.lines).toEqual([]);
    expect(plan.totalMinor).toBe(0);
  });
});

describe('planRefund: billed by cash sale', () => {
  it('JPY (no decimals), seller remits: a cash refund from the cash sale, taxable lines and NetSuite tax expected', () => {
    const plan = planOf(
      refund({
        return_type: 'REFUND',
        refund_amount: {
          currency: 'JPY',
          refund_total: '3300',
          refund_subtotal: '3000',
          refund_shipping_fee: '0',
          refund_tax: '300',
        },
        discount_amount: { product_seller_discount: '0', product_platform_discount: '0' },
        lines: [
          {
            order_line_item_id: A,
            refund_amount: {
              currency: 'JPY',
              refund_total: '1650',
              refund_subtotal: '1500',
              refund_tax: '150',
            },
          },
          {
            order_line_item_id: B,
            refund_amount: {
              currency: 'JPY',
              refund_total: '1650',
              refund_subtotal: '1500',
              refund_tax: '150',
            },
          },
        ],
      }),
      context({
        rmaId: null,
        remitter: 'seller',
        priceMode: 'seller',
        billing: { kind: 'cash_sale', cashSaleId: '930' },
        taxCode: { id: '77', name: 'JP 8%', rate: 8, taxTypeId: null },
      }),
    );
    expect(amounts(plan)).toEqual([['item', '10', 2, 3000]]);
    expect(plan.lines[0]!.taxable).toBe(true);
    expect(plan.expectedTaxMinor).toBe(300);
    // NetSuite's tax at the document's own rate (300 / 3000), not the code's 8 %: TikTok's tax to the yen.
    expect(plan.tax).toMatchObject({
      taxable: true,
      taxItemId: '77',
      taxRate: 10,
      lines: [{ taxable: true }],
    });
    expect(plan.totalMinor).toBe(3300);
    expect(plan.document).toEqual({ kind: 'cash_refund', from: { type: 'cashsale', id: '930' } });
  });

  it('a return with an RMA refunds cash from the RMA', () => {
    const plan = planOf(refund(), context({ billing: { kind: 'cash_sale', cashSaleId: '930' } }));
    expect(plan.document).toEqual({ kind: 'cash_refund', from: { type: 'returnauthorization', id: '920' } });
  });

  it('a partial refund splits TikTok’s amount over the units as TikTok gave it, to the cent', () => {
    const plan = planOf(
      refund({
        refund_amount: {
          currency: 'USD',
          refund_total: '10.01',
          refund_subtotal: '9.27',
          refund_tax: '0.74',
        },
        discount_amount: undefined,
        lines: [
          {
            order_line_item_id: A,
            refund_amount: {
              currency: 'USD',
              refund_total: '5.01',
              refund_subtotal: '4.64',
              refund_tax: '0.37',
            },
          },
          {
            order_line_item_id: C,
            refund_amount: {
              currency: 'USD',
              refund_total: '5.00',
              refund_subtotal: '4.63',
              refund_tax: '0.37',
            },
          },
        ],
      }),
      context({ billing: { kind: 'cash_sale', cashSaleId: '930' } }),
    );
    expect(amounts(plan)).toEqual([
      ['item', '10', 1, 464],
      ['item', '11', 1, 463],
      ['tax', '42', null, 74],
    ]);
    expect(plan.totalMinor).toBe(1001);
  });
});

describe('planRefund: not billed (design (a): the sales order is reduced)', () => {
  it('KWD (three decimals): products come off on the Seller Discount Item, tax on the Tax Item, shipping off the shipping cost', () => {
    const plan = planOf(
      refund({
        return_type: 'REFUND',
        refund_amount: {
          currency: 'KWD',
          refund_total: '13.755',
          refund_subtotal: '12.005',
          refund_shipping_fee: '1.250',
          refund_tax: '0.500',
        },
        discount_amount: { product_seller_discount: '0.000', product_platform_discount: '0.995' },
        lines: [{ order_line_item_id: C }],
      }),
      context({ billing: { kind: 'not_billed' }, priceMode: 'seller' }),
    );
    expect(plan.document).toEqual({ kind: 'sales_order_reduction', salesOrderId: '900' });
    expect(amounts(plan)).toEqual([
      ['refund_adjustment', '40', null, -12005],
      ['tax', '42', null, -500],
    ]);
    expect(plan.shippingMinor).toBe(1250);
    expect(plan.totalMinor).toBe(13755);
  });

  it('a cancellation writes nothing: the order updates close the cancelled lines already', () => {
    const plan = planOf(
      refund({ source: 'cancellation', status: 'CANCELLATION_REQUEST_COMPLETE', return_type: undefined }),
      context({ billing: { kind: 'not_billed' } }),
    );
    expect(plan.document).toEqual({ kind: 'closed_by_order_update', salesOrderId: '900' });
    expect(plan.lines).toEqual([]);
    expect(plan.totalMinor).toBe(1836);
  });
});

describe("planRefund: the document's tax, booked as the order import books a sales order's", () => {
  const GB = (total: string, subtotal: string, shipping: string): Partial<TikTokRefund> => ({
    refund_amount: {
      currency: 'GBP',
      refund_total: total,
      refund_subtotal: subtotal,
      refund_shipping_fee: shipping,
      refund_tax: '0.00',
    },
    discount_amount: [{ product_seller_discount: '2.00', product_platform_discount: '1.00' }],
    lines: [{ order_line_item_id: A }],
  });
  const S20 = { id: '5', name: 'S', rate: 20, taxTypeId: null };

  it("US legacy, the seller remits: taxable lines at the rate that makes NetSuite's tax TikTok's refund_tax", () => {
    const plan = planOf(
      refund({
        refund_amount: {
          currency: 'USD',
          refund_total: '18.37',
          refund_subtotal: '17.00',
          refund_shipping_fee: '0.00',
          refund_tax: '1.37',
        },
      }),
      context({ remitter: 'seller', taxCode: { id: '70', name: 'CA', rate: 7.25, taxTypeId: null } }),
    );
    expect(amounts(plan)).toEqual([
      ['item', '10', 1, 2000],
      ['seller_discount', '40', null, -200],
      ['platform_discount', '41', null, -100],
    ]);
    // 17.00 × 8.06 % = 1.3702 → 1.37 (the code's 7.25 % would give 1.23).
    expect(plan.tax).toEqual({
      taxable: true,
      taxItemId: '70',
      taxRate: 8.06,
      taxDetailsOverride: false,
      shippingTaxCodeId: null,
      lines: [{ taxable: true }, { taxable: true }, { taxable: true }],
      details: [],
    });
    expect(plan.totalMinor).toBe(1837);
  });

  it('UK VAT, the seller remits: VAT-inclusive lines through grossamt, shipping at its net with the VAT code', () => {
    const plan = planOf(
      refund(GB('21.99', '17.00', '4.99')),
      context({ remitter: 'seller', engine: 'non-us-legacy', taxCode: S20, rmaId: null }),
    );
    expect(plan.tax?.lines).toEqual([
      { taxCodeId: '5', grossMinor: 2000 },
      { taxCodeId: '5', grossMinor: -200 },
      { taxCodeId: '5', grossMinor: -100 },
    ]);
    // 4.16 + 20 % VAT (0.83) = 4.99: NetSuite's total is TikTok's 21.99.
    expect([plan.shippingMinor, plan.tax?.shippingTaxCodeId, plan.totalMinor]).toEqual([416, '5', 2199]);
  });

  it('UK VAT: the cent a net shipping cannot reach goes to the first line’s VAT, as at import', () => {
    const plan = planOf(
      refund(GB('20.99', '17.00', '3.99')),
      context({ remitter: 'seller', engine: 'non-us-legacy', taxCode: S20, rmaId: null }),
    );
    // 3.99 has no net whose VAT brings it back (3.33 + 0.67 = 4.00): 3.33 at S, the first line's VAT one cent less.
    expect(plan.shippingMinor).toBe(333);
    expect(plan.tax?.lines[0]).toEqual({ taxCodeId: '5', netMinor: 1667, tax1Minor: 332 });
    const netsuiteTotal =
      1667 + 332 + (-200 + -100) + 333 + Math.round(333 * 0.2); /* lines + shipping + its VAT */
    expect(netsuiteTotal).toBe(2099);
  });

  it('UK VAT, TikTok remits: the zero-rate code on every line and the Tax Item line', () => {
    const plan = planOf(
      refund(),
      context({ engine: 'non-us-legacy', taxCode: { id: '6', name: 'Z', rate: 0, taxTypeId: null } }),
    );
    expect(plan.tax?.lines).toEqual([
      { taxCodeId: '6' },
      { taxCodeId: '6' },
      { taxCodeId: '6' },
      { taxCodeId: '6' },
    ]);
  });

  it("SuiteTax, the seller remits: Tax Details Override with TikTok's tax on each item line, the rest on the first", () => {
    const plan = planOf(
      refund({
        refund_amount: {
          currency: 'USD',
          refund_total: '24.00',
          refund_subtotal: '17.00',
          refund_shipping_fee: '5.99',
          refund_tax: '1.01',
        },
        lines: [
          {
            order_line_item_id: A,
            refund_amount: {
              currency: 'USD',
              refund_total: '9.00',
              refund_subtotal: '8.50',
              refund_tax: '0.50',
            },
          },
          {
            order_line_item_id: C,
            refund_amount: {
              currency: 'USD',
              refund_total: '8.90',
              refund_subtotal: '8.50',
              refund_tax: '0.40',
            },
          },
        ],
      }),
      context({
        remitter: 'seller',
        engine: 'suitetax',
        taxCode: { id: '8', name: 'US_CA', rate: 7.25, taxTypeId: '3' },
      }),
    );
    expect(plan.tax?.taxDetailsOverride).toBe(true);
    // The 0.11 TikTok gives on no line (shipping's tax) goes on the first line's details.
    expect(plan.tax?.details.map((d) => [d.lineIndex, d.detail.basisMinor, d.detail.amountMinor])).toEqual([
      [0, 1000, 61],
      [1, 1000, 40],
    ]);
    expect(plan.totalMinor).toBe(2400);
  });

  it('the seller remits with no Tax Code: stopped with the fix, as an order would be', () => {
    const result = planRefund(refund(), context({ remitter: 'seller' }));
    expect(
      result.ok ? [] : result.problems.map((p) => [p.code, p.message.endsWith('retry the refund.')]),
    ).toEqual([['tax_setting', true]]);
  });

  it('a sales order reduction (not billed) books no document tax', () => {
    const plan = planOf(refund(), context({ billing: { kind: 'not_billed' } }));
    expect(plan.tax).toBeNull();
  });
});

describe('planRefund: tie-out and problems', () => {
  it("keeps TikTok's parts and reports the variance when they do not add up to refund_total", () => {
    const plan = planOf(
      refund({
        refund_amount: {
          currency: 'USD',
          refund_total: '18.37',
          refund_subtotal: '17.00',
          refund_tax: '1.36',
        },
      }),
      context(),
    );
    expect(plan.totalMinor).toBe(1836);
    expect(plan.varianceMinor).toBe(1);
    expect(plan.memo).toContain('VARIANCE 0.01 USD');
  });

  it('a bundle unit is shared over its component lines', () => {
    const plan = planOf(
      refund({
        refund_amount: {
          currency: 'USD',
          refund_total: '10.00',
          refund_subtotal: '10.00',
          refund_tax: '0.00',
        },
        discount_amount: undefined,
        lines: [{ order_line_item_id: A }],
      }),
      context({
        orderLines: [
          { line: '1', itemId: '10', tiktokLineIds: [A, A] },
          { line: '2', itemId: '11', tiktokLineIds: [A] },
        ],
      }),
    );
    expect(amounts(plan)).toEqual([
      ['item', '10', 2, 667],
      ['item', '11', 1, 333],
    ]);
  });

  it('names the unknown unit, the missing settings and the fix', () => {
    const result = planRefund(
      refund({ lines: [{ order_line_item_id: A }, { order_line_item_id: '999' }] }),
      context({
        items: {
          shippingItemId: null,
          sellerDiscountItemId: '40',
          platformDiscountItemId: null,
          taxItemId: null,
          buyerFeeItemId: null,
        },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(['unknown_line', 'no_discount_item', 'no_tax_item']);
    expect(result.problems[0]!.message).toContain('order line item(s) 999');
    expect(result.problems[2]!.message).toContain('set Tax Item');
  });

  it('buyer-paid fees come back on the Buyer Fee Item', () => {
    const plan = planOf(
      refund({
        refund_amount: {
          currency: 'USD',
          refund_total: '18.63',
          refund_subtotal: '17.00',
          refund_tax: '1.36',
          retail_delivery_fee: '0.27',
        },
      }),
      context(),
    );
    expect(amounts(plan)).toContainEqual(['fee', '43', null, 27]);
    expect(plan.totalMinor).toBe(1863);
    expect(plan.varianceMinor).toBe(0);
  });
});

describe('splitByWeights', () => {
  it('shares by largest remainder, ties to the first, equal when the weights are all 0', () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeights(995, [1700, 500])).toEqual([769, 226]);
    expect(splitByWeights(5, [0, 0])).toEqual([3, 2]);
    expect(splitByWeights(0, [3, 4])).toEqual([0, 0]);
  });
});

describe('TikTok refund shape', () => {
  it('accepts a refund and reads its figures in minor units', () => {
    const problems = new Problems();
    checkTikTokRefund(problems, 'refunds[0]', refund());
    expect(problems.toList()).toEqual([]);
    expect(refundFigures(refund())).toMatchObject({
      total: 1836,
      subtotal: 1700,
      tax: 136,
      productSellerDiscount: 200,
      productPlatformDiscount: 100,
    });
  });

  it('names each bad value and the fix', () => {
    const problems = new Problems();
    checkTikTokRefund(problems, 'refunds[0]', {
      ...refund(),
      refund_id: 4035,
      source: 'chargeback',
      refund_amount: { currency: 'USD', refund_total: '1.234' },
      lines: [{ order_line_item_id: A }, { order_line_item_id: A }],
    });
    expect(problems.toList()).toEqual([
      'refunds[0].refund_id: number 4035 is not a TikTok id; send its digits as a string',
      'refunds[0].source: "chargeback" is not one of return, cancellation',
      expect.stringContaining('refunds[0].refund_amount.refund_total:'),
      `refunds[0].lines[1].order_line_item_id: order line item ${A} is refunded twice in one refund; TikTok refunds each unit once`,
    ]);
  });

  it('is done when TikTok has paid the buyer', () => {
    expect(isRefundDone({ source: 'return', status: 'RETURN_OR_REFUND_REQUEST_COMPLETE' })).toBe(true);
    expect(isRefundDone({ source: 'return', status: 'RETURN_OR_REFUND_REQUEST_SUCCESS' })).toBe(false);
    expect(isRefundDone({ source: 'cancellation', status: 'CANCELLATION_REQUEST_COMPLETE' })).toBe(true);
  });
});
