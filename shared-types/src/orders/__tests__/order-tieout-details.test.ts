/// <reference types="jest" />
import { TEXTAREA_SAFE_LENGTH } from '../../netsuite/netsuite-ids';
import { describeFigures, lookupAmountToMinor, tieOut, tieOutMessage } from '../order-tieout';

/**
 * The tie-out's details that the mutation run (npm run mutation) showed untested: the sign of a
 * tax variance when NetSuite has less tax than TikTok, what a figure that does not tie was expected
 * to be, where the inbox message is cut, and how every form of a lookupFields amount is read.
 */

/** 25.00 merchandise + 5.99 shipping + 2.06 TikTok tax = 33.05. */
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

describe('tax variance: NetSuite − TikTok, with its sign', () => {
  it("is negative when NetSuite's tax is below TikTok's, and the total ties when it is lower by exactly that", () => {
    const lowerTaxLine = { ...plan, taxLine: { ...plan.taxLine, amountMinor: 150 } };
    const result = tieOut(lowerTaxLine, { totalMinor: 3249, shippingMinor: 599, taxTotalMinor: 0 });
    expect(result.taxVarianceMinor).toBe(-56);
    expect(result.ties).toBe(true);
    expect(describeFigures(result, 'USD')).toContain(
      "tax NetSuite 1.50 vs TikTok 2.06 (tax variance -0.56 recorded: NetSuite's own tax on top of TikTok's)",
    );
  });
});

describe('describeFigures: what a figure that does not tie was expected to be', () => {
  it("expects the total to be TikTok's plus the tax variance", () => {
    const result = tieOut(plan, { totalMinor: 3356, shippingMinor: 599, taxTotalMinor: 50 });
    expect(result.ties).toBe(false);
    expect(describeFigures(result, 'USD')).toContain(
      'total NetSuite 33.56 vs TikTok 33.05 — DOES NOT TIE (expected 33.55, off by 0.01)',
    );
  });

  it("expects merchandise and shipping to be TikTok's own, whatever the variance", () => {
    const result = tieOut(plan, { totalMinor: 3354, shippingMinor: 599, taxTotalMinor: 50 });
    expect(describeFigures(result, 'USD')).toContain(
      'merchandise NetSuite 24.99 vs TikTok 25.00 — DOES NOT TIE (expected 25.00, off by -0.01)',
    );
  });
});

describe('tieOutMessage: cut to the inbox field', () => {
  const result = tieOut(plan, { totalMinor: 3306, shippingMinor: 599, taxTotalMinor: 0 });
  const message = (id: string, salesOrderId = '77') =>
    tieOutMessage(result, { ...plan, tiktokOrderId: id }, salesOrderId);

  it(`keeps a message of exactly ${TEXTAREA_SAFE_LENGTH} characters whole`, () => {
    // The order id appears twice in the message, the sales order id once.
    const room = TEXTAREA_SAFE_LENGTH - message('', '').length;
    const text = message('x'.repeat(Math.floor(room / 2)), '7'.repeat(room % 2));
    expect(text).toHaveLength(TEXTAREA_SAFE_LENGTH);
    expect(text.endsWith("then set this inbox record's State to imported.")).toBe(true);
  });

  it('cuts a longer one to the field, ending in "..."', () => {
    const text = message('y'.repeat(TEXTAREA_SAFE_LENGTH));
    expect(text).toHaveLength(TEXTAREA_SAFE_LENGTH);
    expect(text.endsWith('yyy...')).toBe(true);
    expect(text.startsWith('Sales order 77 for TikTok order yyy')).toBe(true);
  });
});

describe('lookupAmountToMinor: every form lookupFields returns', () => {
  it('reads null, undefined and empty as 0', () => {
    expect(lookupAmountToMinor(null, 'USD')).toBe(0);
    expect(lookupAmountToMinor(undefined, 'USD')).toBe(0);
    expect(lookupAmountToMinor('', 'USD')).toBe(0);
  });

  it('trims text and completes a bare decimal point, negative too', () => {
    expect(lookupAmountToMinor(' 30.99 ', 'USD')).toBe(3099);
    expect(lookupAmountToMinor('-.5', 'USD')).toBe(-50);
    expect(lookupAmountToMinor('1500', 'JPY')).toBe(1500);
  });

  it('refuses anything else, quoting what NetSuite returned', () => {
    expect(() => lookupAmountToMinor('1-.5', 'USD')).toThrow(
      'NetSuite returned "1-.5" for an amount: "1-.5" is not a decimal amount; send digits with an optional "." and at most 2 decimals, e.g. "12.34"',
    );
    expect(() => lookupAmountToMinor({ amount: 1 }, 'USD')).toThrow(
      'NetSuite returned {"amount":1} for an amount: "" is not a decimal amount;',
    );
  });
});
