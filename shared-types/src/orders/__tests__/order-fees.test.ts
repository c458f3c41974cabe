/// <reference types="jest" />
import { BUYER_FEE_DESCRIPTIONS, buyerFees, buyerFeesMinor, planFeeLines } from '../order-fees';
import { planSalesOrder } from '../order-plan';
import { tieOut } from '../order-tieout';
import type { TikTokOrder } from '../../tiktok/tiktok-order';
import { order, shop } from '../../../../test/support/tiktok-order-builder';

/**
 * Buyer-paid fees (issue #11): each fee TikTok charged the buyer is a line of the shop's Buyer Fee
 * Item, so the sales order adds up to what the buyer paid and ties out to the cent.
 */

/** The factory order (33.05) with a US retail delivery fee, a handling fee and item insurance: 35.31. */
function feeOrder(): TikTokOrder {
  const base = order();
  return order({
    payment: {
      ...base.payment,
      retail_delivery_fee: '0.27',
      handling_fee: '1.00',
      item_insurance_fee: '0.99',
      small_order_fee: '0.00',
      total_amount: '35.31',
    },
  });
}

describe('buyerFees', () => {
  it('lists the fees that are not zero, in a fixed order, in minor units', () => {
    expect(buyerFees(feeOrder().payment, 'USD')).toEqual([
      { field: 'retail_delivery_fee', amountMinor: 27 },
      { field: 'handling_fee', amountMinor: 100 },
      { field: 'item_insurance_fee', amountMinor: 99 },
    ]);
    expect(buyerFeesMinor(feeOrder().payment)).toBe(226);
    expect(buyerFees(order().payment, 'USD')).toEqual([]);
  });

  it('reads each market fee in its currency (IDR has no minor unit)', () => {
    expect(
      buyerFees({ buyer_service_fee: '1000', shipping_insurance_fee: '500', small_order_fee: '20' }, 'IDR'),
    ).toEqual([
      { field: 'small_order_fee', amountMinor: 20 },
      { field: 'buyer_service_fee', amountMinor: 1000 },
      { field: 'shipping_insurance_fee', amountMinor: 500 },
    ]);
  });
});

describe('planFeeLines', () => {
  it("puts each fee on a line of the shop's Buyer Fee Item, described by what it is", () => {
    expect(planFeeLines(feeOrder(), 'Acme US', { buyerFeeItemId: '58' })).toEqual([
      {
        field: 'retail_delivery_fee',
        itemId: '58',
        amountMinor: 27,
        description: BUYER_FEE_DESCRIPTIONS.retail_delivery_fee,
      },
      {
        field: 'handling_fee',
        itemId: '58',
        amountMinor: 100,
        description: BUYER_FEE_DESCRIPTIONS.handling_fee,
      },
      {
        field: 'item_insurance_fee',
        itemId: '58',
        amountMinor: 99,
        description: BUYER_FEE_DESCRIPTIONS.item_insurance_fee,
      },
    ]);
    expect(planFeeLines(order(), 'Acme US', { buyerFeeItemId: null })).toEqual([]);
  });

  it('stops an order with fees when the shop has no Buyer Fee Item, naming the fees and the fix', () => {
    expect(planFeeLines(feeOrder(), 'Acme US', { buyerFeeItemId: null })).toEqual({
      code: 'no_fee_item',
      message: expect.stringMatching(
        /^TikTok order 576461413038785752 carries fees the buyer paid \(retail_delivery_fee 0\.27, handling_fee 1\.00, item_insurance_fee 0\.99 USD\), but shop Acme US has no Buyer Fee Item .* Fix: open the TikTok Shop record .*set Buyer Fee Item/,
      ),
    });
  });
});

describe('a fee-carrying order: plan and tie-out', () => {
  const context = (buyerFeeItemId: string | null) => ({
    shop: shop({ orderOptions: { platformDiscountItemId: '61', buyerFeeItemId } }),
    items: { 'MUG-RED': '501' },
  });

  it('plans the fee lines and the fees in the expected totals', () => {
    const result = planSalesOrder(feeOrder(), context('58'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.feeLines.map((fee) => [fee.field, fee.amountMinor])).toEqual([
      ['retail_delivery_fee', 27],
      ['handling_fee', 100],
      ['item_insurance_fee', 99],
    ]);
    expect(result.plan.totals).toMatchObject({ subTotalMinor: 2500, feesMinor: 226, totalMinor: 3531 });
  });

  it('is an order problem without a Buyer Fee Item', () => {
    const result = planSalesOrder(feeOrder(), context(null));
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['no_fee_item']);
  });

  it('ties out to the cent: merchandise is what the total leaves after shipping, tax and the fee lines', () => {
    const result = planSalesOrder(feeOrder(), context('58'));
    if (!result.ok) throw new Error('not planned');
    // NetSuite's total = item and discount lines 25.00 + shipping 5.99 + tax line 2.06 + fee lines 2.26.
    const tied = tieOut(result.plan, { totalMinor: 3531, shippingMinor: 599, taxTotalMinor: 0 });
    expect(tied.ties).toBe(true);
    expect(tied.figures.map((f) => [f.label, f.netsuiteMinor, f.tiktokMinor])).toEqual([
      ['merchandise', 2500, 2500],
      ['shipping', 599, 599],
      ['tax', 206, 206],
      ['fees', 226, 226],
      ['total', 3531, 3531],
    ]);
    // A fee line missing from the sales order (NetSuite's total 2.26 short) does not tie.
    expect(tieOut(result.plan, { totalMinor: 3305, shippingMinor: 599, taxTotalMinor: 0 }).ties).toBe(false);
  });
});
