/// <reference types="jest" />
import { planSalesOrder } from '../order-plan';
import { tiktokRemaining } from '../order-remaining';
import { tieOut } from '../order-tieout';
import type { TikTokLineItem, TikTokOrder } from '../../tiktok/tiktok-order';
import { lineItem, order, shop } from '../../../../test/support/tiktok-order-builder';

/**
 * An order TikTok had partly cancelled before it was imported: TikTok keeps the cancelled unit in
 * `line_items` and in `payment` and refunds its price and tax, so the sales order (without the unit)
 * must be planned and tied out against what TikTok still charges, not the original payment.
 */
const tax = (amount: string): TikTokLineItem['item_tax'] => [
  { tax_type: 'SALES_TAX', tax_amount: amount, tax_rate: '0.0825' },
];

/** Two mugs at 12.50 (15.00 − 1.50 seller − 1.00 platform), 1.03 tax each; shipping 5.99. */
function twoMugs(cancelledIds: string[] = []): TikTokOrder {
  return order({
    line_items: ['1001', '1002'].map((id) =>
      lineItem({
        id,
        item_tax: tax('1.03'),
        ...(cancelledIds.includes(id) ? { display_status: 'CANCELLED', cancel_user: 'BUYER' } : {}),
      }),
    ),
    payment: { ...order().payment, tax: '2.06', total_amount: '33.05' },
  });
}

function planOf(o: TikTokOrder) {
  const result = planSalesOrder(o, { shop: shop(), items: { 'MUG-RED': '501' } });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

describe('planning an order with units TikTok cancelled before the import', () => {
  it("plans the totals, the tax line and TikTok's tax on what TikTok still charges", () => {
    const plan = planOf(twoMugs(['1002']));
    expect(plan.lines.map((l) => [l.quantity, l.lineIds])).toEqual([[1, ['1001']]]);
    expect(plan.totals).toEqual({
      linesMinor: 1350,
      discountsMinor: -100,
      subTotalMinor: 1250,
      shippingMinor: 599,
      taxMinor: 103,
      feesMinor: 0,
      totalMinor: 1952,
    });
    expect(plan.taxLine).toMatchObject({ amountMinor: 103 });
    expect(plan.tiktokTaxMinor).toBe(103);
  });

  it('ties out against the sales order NetSuite saves from that plan', () => {
    const plan = planOf(twoMugs(['1002']));
    const netsuiteTotal =
      plan.totals.linesMinor + plan.totals.discountsMinor + (plan.shipping?.costMinor ?? 0) + 103;
    const result = tieOut(plan, { totalMinor: netsuiteTotal, shippingMinor: 599, taxTotalMinor: 0 });
    expect(result).toMatchObject({ ties: true, taxVarianceMinor: 0 });
  });

  it('changes nothing for an order without cancelled units', () => {
    const plan = planOf(twoMugs());
    expect(plan.totals).toMatchObject({ subTotalMinor: 2500, taxMinor: 206, totalMinor: 3305 });
    expect(plan.taxLine).toMatchObject({ amountMinor: 206 });
  });

  it("has no tax line when the cancelled units carried all of the order's tax", () => {
    const o = order({
      line_items: [
        lineItem({ id: '1001' }),
        lineItem({ id: '1002', item_tax: tax('2.06'), display_status: 'CANCELLED' }),
      ],
      payment: { ...order().payment, tax: '2.06', total_amount: '33.05' },
    });
    const planned = planSalesOrder(o, { shop: shop({ taxItemId: null }), items: { 'MUG-RED': '501' } });
    expect(planned.ok && planned.plan.taxLine).toBeNull();
    expect(tiktokRemaining(o)).toEqual({ merchandiseMinor: 1250, taxMinor: 0, totalMinor: 1849 });
  });
});
