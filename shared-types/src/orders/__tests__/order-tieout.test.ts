/// <reference types="jest" />
import { describeFigures, lookupAmountToMinor, tieOut, tieOutMessage } from '../order-tieout';

/** 25.00 merchandise + 5.99 shipping + 2.06 TikTok tax (on the tax line) = 33.05. */
const plan = {
  tiktokOrderId: '42',
  currency: 'USD',
  taxLine: { itemId: '56', amountMinor: 206, description: 'TikTok tax' },
  feeLines: [],
  totals: {
    linesMinor: 2700,
    discountsMinor: -200,
    subTotalMinor: 2500,
    shippingMinor: 599,
    taxMinor: 206,
    feesMinor: 0,
    totalMinor: 3305,
  },
};

describe('tieOut', () => {
  it('ties when NetSuite computed no tax of its own: merchandise is total − shipping − the tax line', () => {
    const result = tieOut(plan, { totalMinor: 3305, shippingMinor: 599, taxTotalMinor: 0 });
    expect(result.ties).toBe(true);
    expect(result.taxVarianceMinor).toBe(0);
    expect(result.figures.map((f) => [f.label, f.netsuiteMinor])).toEqual([
      ['merchandise', 2500],
      ['shipping', 599],
      ['tax', 206],
      ['total', 3305],
    ]);
  });

  it("records tax NetSuite added on top of TikTok's as the variance, and the total still ties", () => {
    const result = tieOut(plan, { totalMinor: 3355, shippingMinor: 599, taxTotalMinor: 50 });
    expect(result.ties).toBe(true);
    expect(result.taxVarianceMinor).toBe(50);
  });

  it('an order without tax has no tax line', () => {
    const untaxed = {
      ...plan,
      taxLine: null,
      totals: { ...plan.totals, taxMinor: 0, totalMinor: 3099 },
    };
    expect(tieOut(untaxed, { totalMinor: 3099, shippingMinor: 599, taxTotalMinor: 0 }).ties).toBe(true);
  });

  it('flags a one-cent difference in the total, merchandise or shipping', () => {
    expect(
      tieOut(
        { ...plan, totals: { ...plan.totals, totalMinor: 3306 } },
        { totalMinor: 3305, shippingMinor: 599, taxTotalMinor: 0 },
      ).ties,
    ).toBe(false);
    const merchandiseOff = tieOut(plan, { totalMinor: 3304, shippingMinor: 599, taxTotalMinor: 0 });
    expect(merchandiseOff.figures.filter((f) => !f.ties).map((f) => f.label)).toEqual([
      'merchandise',
      'total',
    ]);
    const shippingOff = tieOut(plan, { totalMinor: 3305, shippingMinor: 600, taxTotalMinor: 0 });
    expect(shippingOff.figures.filter((f) => !f.ties).map((f) => f.label)).toEqual([
      'merchandise',
      'shipping',
    ]);
  });

  it('lists each figure NetSuite vs TikTok in the message', () => {
    const result = tieOut(
      { ...plan, totals: { ...plan.totals, totalMinor: 3306 } },
      { totalMinor: 3305, shippingMinor: 599, taxTotalMinor: 0 },
    );
    expect(describeFigures(result, 'USD')).toBe(
      'merchandise NetSuite 25.00 vs TikTok 25.00; shipping NetSuite 5.99 vs TikTok 5.99; tax NetSuite 2.06 vs TikTok 2.06; total NetSuite 33.05 vs TikTok 33.06 — DOES NOT TIE (expected 33.06, off by -0.01)',
    );
    const variance = tieOut(plan, { totalMinor: 3355, shippingMinor: 599, taxTotalMinor: 50 });
    expect(describeFigures(variance, 'USD')).toContain(
      "tax NetSuite 2.56 vs TikTok 2.06 (tax variance 0.50 recorded: NetSuite's own tax on top of TikTok's)",
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
