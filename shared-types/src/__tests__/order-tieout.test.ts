/// <reference types="jest" />
import { describeFigures, lookupAmountToMinor, tieOut, tieOutMessage } from '../order-tieout';

const plan = {
  tiktokOrderId: '42',
  currency: 'USD',
  totals: {
    linesMinor: 2700,
    discountsMinor: -200,
    subTotalMinor: 2500,
    shippingMinor: 599,
    taxMinor: 206,
    totalMinor: 3305,
  },
};

describe('tieOut', () => {
  it('ties when subtotal and shipping agree and the total differs only by the recorded tax variance', () => {
    const result = tieOut(plan, { subtotalMinor: 2500, shippingMinor: 599, taxMinor: 0, totalMinor: 3099 });
    expect(result.ties).toBe(true);
    expect(result.taxVarianceMinor).toBe(-206);
    expect(
      tieOut(plan, { subtotalMinor: 2500, shippingMinor: 599, taxMinor: 206, totalMinor: 3305 })
        .taxVarianceMinor,
    ).toBe(0);
  });

  it('flags a one-cent difference in the total, subtotal or shipping', () => {
    expect(
      tieOut(
        { ...plan, totals: { ...plan.totals, totalMinor: 3306 } },
        { subtotalMinor: 2500, shippingMinor: 599, taxMinor: 0, totalMinor: 3099 },
      ).ties,
    ).toBe(false);
    expect(
      tieOut(plan, { subtotalMinor: 2499, shippingMinor: 599, taxMinor: 0, totalMinor: 3098 }).ties,
    ).toBe(false);
    expect(
      tieOut(plan, { subtotalMinor: 2500, shippingMinor: 600, taxMinor: 0, totalMinor: 3100 }).ties,
    ).toBe(false);
  });

  it('lists each figure NetSuite vs TikTok in the message', () => {
    const result = tieOut(
      { ...plan, totals: { ...plan.totals, totalMinor: 3306 } },
      { subtotalMinor: 2500, shippingMinor: 599, taxMinor: 0, totalMinor: 3099 },
    );
    expect(describeFigures(result, 'USD')).toBe(
      'subtotal NetSuite 25.00 vs TikTok 25.00; shipping NetSuite 5.99 vs TikTok 5.99; tax NetSuite 0.00 vs TikTok 2.06 (tax variance -2.06 recorded: TikTok collects and remits the tax); total NetSuite 30.99 vs TikTok 33.06 — DOES NOT TIE (expected 31.00, off by -0.01)',
    );
    expect(tieOutMessage(result, plan, '77')).toContain(
      'Sales order 77 for TikTok order 42 does not tie out with TikTok (USD)',
    );
  });
});

describe('lookupAmountToMinor', () => {
  it('reads lookupFields amounts exactly and refuses anything else', () => {
    expect(lookupAmountToMinor('30.99', 'USD')).toBe(3099);
    expect(lookupAmountToMinor('-2', 'USD')).toBe(-200);
    expect(lookupAmountToMinor('.5', 'USD')).toBe(50);
    expect(lookupAmountToMinor('', 'USD')).toBe(0);
    expect(lookupAmountToMinor(12.3, 'USD')).toBe(1230);
    expect(() => lookupAmountToMinor('12.345', 'USD')).toThrow('NetSuite returned');
    expect(() => lookupAmountToMinor({}, 'USD')).toThrow('NetSuite returned');
  });
});
