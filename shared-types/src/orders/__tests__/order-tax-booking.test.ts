/// <reference types="jest" />
import type { TaxBooking, TaxBookingInput, TaxBookingProblem } from '../order-tax-booking';
import {
  defaultRemitter,
  effectiveRate,
  netOfGross,
  netReaching,
  parseRemitter,
  percentOfMinor,
  planTaxBooking,
  taxEngineOf,
} from '../order-tax-booking';
import { TAX_LINE_DESCRIPTION } from '../order-tax';

/**
 * The tax booking per tax case (order-tax-booking.ts): who remits (TikTok or the seller) × the
 * account's tax engine (US legacy, non-US legacy VAT, SuiteTax). Each case must make NetSuite's
 * total what the buyer paid; `expected` is how that total splits for the tie-out.
 */

const S20 = { id: '2', name: 'S', rate: 20, taxTypeId: null };
const Z0 = { id: '3', name: 'Z', rate: 0, taxTypeId: null };
const CA = { id: '7', name: 'CA Sales Tax', rate: 7.25, taxTypeId: null };
const US_CA = { id: '8', name: 'US_CA', rate: 7.25, taxTypeId: '1' };
const US_EXEMPT = { id: '9', name: 'US_EXEMPT', rate: 0, taxTypeId: '1' };

/** A US order: two lines (25.00 of 2 units with 2.06 tax, 10.00 of 1 unit with 0.83), shipping 5.99. */
function input(overrides: Partial<TaxBookingInput> = {}): TaxBookingInput {
  return {
    orderId: '576461413038785752',
    currency: 'USD',
    shopName: 'Acme US',
    engine: 'us-legacy',
    remitter: 'tiktok',
    lines: [
      {
        amountMinor: 2500,
        units: [{ item_tax: [{ tax_amount: '1.03' }] }, { item_tax: [{ tax_amount: '1.03' }] }],
      },
      { amountMinor: 1000, units: [{ item_tax: [{ tax_amount: '0.83' }] }] },
    ],
    discountsMinor: [],
    subTotalMinor: 3500,
    shippingMinor: 599,
    shippingTaxMinor: 0,
    taxMinor: 289,
    taxItemId: '56',
    taxCode: null,
    ...overrides,
  } as TaxBookingInput;
}

function booked(value: TaxBooking | TaxBookingProblem): TaxBooking {
  if ('code' in value && 'message' in value) throw new Error(value.message);
  return value;
}

/** NetSuite's total as the booking makes it, the way each engine computes (sandbox tax.ts). */
function netsuiteTotal(b: TaxBooking, i: TaxBookingInput): number {
  const lines = [...i.lines.map((l) => l.amountMinor), ...i.discountsMinor];
  const writes = [...b.itemLines, ...b.discountLines];
  const fees = i.feesMinor ?? [];
  const taxLine = b.taxLine?.amountMinor ?? 0;
  if (b.engine === 'us-legacy') {
    const taxable = lines.filter((_, k) => writes[k].taxable === true);
    const tax = percentOfMinor(
      taxable.reduce((s, a) => s + a, 0),
      b.taxRate ?? 0,
    );
    return (
      lines.reduce((s, a) => s + a, 0) + taxLine + fees.reduce((s, a) => s + a, 0) + i.shippingMinor + tax
    );
  }
  if (b.engine === 'non-us-legacy') {
    const rateOf = (id: string | undefined): number => [S20, Z0].find((c) => c.id === id)?.rate ?? NaN;
    const lineTotal = (amount: number, w: (typeof writes)[number]): number => {
      if (w.grossMinor !== undefined) return w.grossMinor;
      const net = w.netMinor ?? amount;
      return net + (w.tax1Minor ?? percentOfMinor(net, rateOf(w.taxCodeId)));
    };
    const shippingVat =
      b.shippingTaxCodeId === null ? 0 : percentOfMinor(b.shippingCostMinor, rateOf(b.shippingTaxCodeId));
    return (
      lines.reduce((s, a, k) => s + lineTotal(a, writes[k]), 0) +
      (b.taxLine === null ? 0 : lineTotal(taxLine, b.taxLine)) +
      fees.reduce((s, a, k) => s + lineTotal(a, b.feeLines[k]), 0) +
      b.shippingCostMinor +
      shippingVat
    );
  }
  return (
    lines.reduce((s, a) => s + a, 0) +
    taxLine +
    fees.reduce((s, a) => s + a, 0) +
    i.shippingMinor +
    b.taxDetails.reduce((s, d) => s + d.amountMinor, 0)
  );
}

describe('who remits by default', () => {
  it.each([
    ['US', 'LOCAL', 'tiktok'],
    ['US', 'CROSS_BORDER', 'tiktok'],
    ['GB', 'LOCAL', 'seller'],
    ['UK', 'CROSS_BORDER', 'tiktok'],
    ['DE', 'LOCAL', 'seller'],
    ['FR', 'CROSS_BORDER', 'tiktok'],
    ['SG', 'LOCAL', 'seller'],
    ['MY', 'CROSS_BORDER', 'tiktok'],
    [null, null, 'tiktok'],
  ])('region %s, seller type %s: %s', (region, sellerType, remitter) => {
    expect(defaultRemitter(region, sellerType).remitter).toBe(remitter);
  });

  it('names the market rule behind the default', () => {
    expect(defaultRemitter('GB', 'CROSS_BORDER').rule).toContain('£135');
    expect(defaultRemitter('US', 'LOCAL').rule).toContain('marketplace-facilitator');
  });

  it('reads the shop setting (TikTok / Seller, any case), empty meaning the default', () => {
    const shop = { name: 'Acme UK', region: 'GB', sellerType: 'LOCAL' };
    expect(parseRemitter('TikTok', shop)).toMatchObject({ remitter: 'tiktok' });
    expect(parseRemitter(' tiktok shop ', shop)).toMatchObject({ remitter: 'tiktok' });
    expect(parseRemitter('SELLER', shop)).toMatchObject({ remitter: 'seller' });
    expect(parseRemitter('', shop)).toMatchObject({ remitter: 'seller' });
    expect(parseRemitter(null, { ...shop, region: 'US' })).toMatchObject({ remitter: 'tiktok' });
  });

  it('refuses any other value, naming the shop, the value and the fix', () => {
    const problem = parseRemitter('Amazon', { name: 'Acme UK' });
    expect(problem).toMatchObject({ code: 'invalid_setting' });
    expect(problem).toHaveProperty(
      'message',
      expect.stringContaining('Acme UK has Tax collected and remitted by "Amazon"'),
    );
    expect(problem).toHaveProperty('message', expect.stringContaining('it must be TikTok or Seller'));
  });
});

describe("the account's tax engine", () => {
  it('is SuiteTax with the feature, else US legacy in a US account and per-line codes elsewhere', () => {
    expect(taxEngineOf(true, 'GB')).toBe('suitetax');
    expect(taxEngineOf(false, 'US')).toBe('us-legacy');
    expect(taxEngineOf(false, null)).toBe('us-legacy');
    expect(taxEngineOf(false, 'GB')).toBe('non-us-legacy');
    expect(taxEngineOf(false, 'CA')).toBe('non-us-legacy');
  });
});

describe('TikTok remits: nothing taxable in NetSuite, the tax on the Tax Item line', () => {
  it('US legacy: not taxable, one non-taxable tax line', () => {
    const i = input({ feesMinor: [27] });
    const b = booked(planTaxBooking(i));
    expect(b).toMatchObject({ taxable: false, taxItemId: null, taxRate: null, taxDetailsOverride: false });
    expect(b.itemLines).toEqual([{ taxable: false }, { taxable: false }]);
    expect(b.feeLines).toEqual([{ taxable: false }]);
    expect(b.taxLine).toEqual({
      itemId: '56',
      amountMinor: 289,
      description: TAX_LINE_DESCRIPTION,
      taxable: false,
    });
    expect(b.expected).toEqual({ merchandiseMinor: 3500, shippingMinor: 599, taxMinor: 289 });
    expect(netsuiteTotal(b, i)).toBe(3500 + 599 + 289 + 27);
  });

  it("VAT: the shop's zero-rate code on every line and on shipping", () => {
    const i = input({ engine: 'non-us-legacy', currency: 'GBP', taxCode: Z0, feesMinor: [50] });
    const b = booked(planTaxBooking(i));
    expect(b.itemLines).toEqual([{ taxCodeId: '3' }, { taxCodeId: '3' }]);
    expect(b.taxLine).toMatchObject({ taxCodeId: '3', amountMinor: 289 });
    expect(b.feeLines).toEqual([{ taxCodeId: '3' }]);
    expect(b.shippingTaxCodeId).toBe('3');
    expect(netsuiteTotal(b, i)).toBe(3500 + 599 + 289 + 50);
  });

  it('VAT: a code with a rate would make the seller owe the tax: refused with the fix', () => {
    const problem = planTaxBooking(input({ engine: 'non-us-legacy', taxCode: S20 }));
    expect(problem).toMatchObject({ code: 'invalid_setting' });
    expect(problem).toHaveProperty('message', expect.stringContaining('Tax Code S has a rate of 20%'));
    expect(problem).toHaveProperty('message', expect.stringContaining('zero-rate or out-of-scope code'));
  });

  it('VAT: every line needs a tax code, so a shop without one waits with the fix', () => {
    const problem = planTaxBooking(input({ engine: 'non-us-legacy', taxCode: null }));
    expect(problem).toMatchObject({ code: 'no_tax_code' });
    expect(problem).toHaveProperty('message', expect.stringContaining('has no Tax Code. Fix:'));
  });

  it('SuiteTax: Tax Details Override with zero tax details at the shop code', () => {
    const i = input({ engine: 'suitetax', taxCode: US_EXEMPT, discountsMinor: [-300], subTotalMinor: 3200 });
    const b = booked(planTaxBooking(i));
    expect(b.taxDetailsOverride).toBe(true);
    expect(b.taxDetails.map((d) => [d.target, d.basisMinor, d.amountMinor])).toEqual([
      [{ kind: 'item', index: 0 }, 2500, 0],
      [{ kind: 'item', index: 1 }, 1000, 0],
      [{ kind: 'discount', index: 0 }, -300, 0],
      [{ kind: 'tax' }, 289, 0],
    ]);
    expect(b.taxLine).toMatchObject({ amountMinor: 289 });
    expect(netsuiteTotal(b, i)).toBe(3200 + 599 + 289);
  });

  it('SuiteTax without a Tax Code: the override alone, no tax details', () => {
    const b = booked(planTaxBooking(input({ engine: 'suitetax' })));
    expect(b.taxDetailsOverride).toBe(true);
    expect(b.taxDetails).toEqual([]);
  });

  it('a taxed order of a shop without a Tax Item waits with the fix; an untaxed one needs none', () => {
    const problem = planTaxBooking(input({ taxItemId: null }));
    expect(problem).toMatchObject({ code: 'no_tax_item' });
    expect(problem).toHaveProperty('message', expect.stringContaining('has no Tax Item to book it on'));
    expect(booked(planTaxBooking(input({ taxItemId: null, taxMinor: 0 }))).taxLine).toBeNull();
  });
});

describe("the seller remits: the account's own tax set-up books it", () => {
  it('every case needs the Tax Code', () => {
    for (const engine of ['us-legacy', 'non-us-legacy', 'suitetax'] as const) {
      const problem = planTaxBooking(input({ engine, remitter: 'seller' }));
      expect(problem).toMatchObject({ code: 'no_tax_code' });
      expect(problem).toHaveProperty(
        'message',
        expect.stringContaining('Tax collected and remitted by: Seller'),
      );
    }
  });

  it('names a Tax Code the account does not have', () => {
    const problem = planTaxBooking(input({ remitter: 'seller', unknownTaxCodeId: '999' }));
    expect(problem).toMatchObject({ code: 'invalid_setting' });
    expect(problem).toHaveProperty(
      'message',
      expect.stringContaining('Tax Code 999, which is not a tax code'),
    );
  });

  it('US legacy: taxable lines at the Tax Code with the rate that gives TikTok’s tax to the cent; fees not taxable', () => {
    const i = input({
      remitter: 'seller',
      taxCode: CA,
      feesMinor: [27],
      discountsMinor: [-300],
      subTotalMinor: 3200,
    });
    const b = booked(planTaxBooking(i));
    expect(b).toMatchObject({ taxable: true, taxItemId: '7', taxLine: null });
    expect(b.itemLines).toEqual([{ taxable: true }, { taxable: true }]);
    expect(b.discountLines).toEqual([{ taxable: true }]);
    expect(b.feeLines).toEqual([{ taxable: false }]);
    expect(percentOfMinor(3200, b.taxRate ?? 0)).toBe(289);
    expect(b.expected).toEqual({ merchandiseMinor: 3200, shippingMinor: 599, taxMinor: 289 });
    expect(netsuiteTotal(b, i)).toBe(3200 + 599 + 289 + 27);
  });

  it('US legacy: tax on lines that add up to nothing cannot be a rate: refused with the fix', () => {
    const i = input({
      remitter: 'seller',
      taxCode: CA,
      lines: [{ amountMinor: 0, units: [] }],
      subTotalMinor: 0,
    });
    expect(planTaxBooking(i)).toMatchObject({ code: 'invalid_setting' });
  });

  it('VAT, prices VAT-inclusive (UK): lines through grossamt, shipping net at the code, total = paid', () => {
    // 144.00 of goods and 5.99 shipping, VAT inside both: 5.99 = 4.99 + 1.00 VAT at 20 %.
    const i = input({
      engine: 'non-us-legacy',
      currency: 'GBP',
      remitter: 'seller',
      taxCode: S20,
      lines: [
        { amountMinor: 7200, units: [] },
        { amountMinor: 7200, units: [] },
      ],
      subTotalMinor: 14400,
      taxMinor: 0,
    });
    const b = booked(planTaxBooking(i));
    expect(b.itemLines).toEqual([
      { taxCodeId: '2', grossMinor: 7200 },
      { taxCodeId: '2', grossMinor: 7200 },
    ]);
    expect(b).toMatchObject({ shippingTaxCodeId: '2', shippingCostMinor: 499, taxLine: null });
    expect(b.expected).toEqual({ merchandiseMinor: 12000, shippingMinor: 499, taxMinor: 2500 });
    expect(netsuiteTotal(b, i)).toBe(14400 + 599);
  });

  it('VAT-inclusive shipping no net amount reaches: the cent goes on the first line’s VAT', () => {
    // 3.99 at 20 %: 3.32 + 0.66 = 3.98, 3.33 + 0.67 = 4.00.
    expect(netReaching(399, 20)).toEqual({ netMinor: 333, exact: false });
    const i = input({
      engine: 'non-us-legacy',
      currency: 'GBP',
      remitter: 'seller',
      taxCode: S20,
      lines: [{ amountMinor: 1299, units: [] }],
      subTotalMinor: 1299,
      shippingMinor: 399,
      taxMinor: 0,
    });
    const b = booked(planTaxBooking(i));
    const net = netOfGross(1299, 20);
    expect(b.itemLines).toEqual([{ taxCodeId: '2', netMinor: net, tax1Minor: 1299 - net - 1 }]);
    expect(netsuiteTotal(b, i)).toBe(1299 + 399);
    expect(b.expected.merchandiseMinor + b.expected.shippingMinor + b.expected.taxMinor).toBe(1299 + 399);
  });

  it('VAT on top of the prices: each line carries its units’ TikTok tax; fees at the code with no VAT', () => {
    const i = input({
      engine: 'non-us-legacy',
      currency: 'GBP',
      remitter: 'seller',
      taxCode: S20,
      shippingTaxMinor: 120,
      taxMinor: 289 + 120,
      feesMinor: [50],
    });
    const b = booked(planTaxBooking(i));
    expect(b.itemLines[1]).toEqual({ taxCodeId: '2', netMinor: 1000, tax1Minor: 83 });
    expect(b.feeLines).toEqual([{ taxCodeId: '2', netMinor: 50, tax1Minor: 0 }]);
    expect(b.expected.taxMinor).toBe(409);
    expect(netsuiteTotal(b, i)).toBe(3500 + 599 + 409 + 50);
  });

  it('SuiteTax: Tax Details Override with TikTok’s tax per line and on shipping', () => {
    const i = input({
      engine: 'suitetax',
      remitter: 'seller',
      taxCode: US_CA,
      shippingTaxMinor: 43,
      taxMinor: 332,
    });
    const b = booked(planTaxBooking(i));
    expect(b.taxDetailsOverride).toBe(true);
    expect(b.taxLine).toBeNull();
    expect(b.taxDetails).toEqual([
      {
        target: { kind: 'item', index: 0 },
        taxCodeId: '8',
        taxTypeId: '1',
        basisMinor: 2500,
        ratePercent: 7.25,
        amountMinor: 206,
      },
      {
        target: { kind: 'item', index: 1 },
        taxCodeId: '8',
        taxTypeId: '1',
        basisMinor: 1000,
        ratePercent: 7.25,
        amountMinor: 83,
      },
      {
        target: { kind: 'shipping' },
        taxCodeId: '8',
        taxTypeId: '1',
        basisMinor: 599,
        ratePercent: 7.25,
        amountMinor: 43,
      },
    ]);
    expect(netsuiteTotal(b, i)).toBe(3500 + 599 + 332);
  });

  it('SuiteTax: order tax without per-unit tax goes on the first line', () => {
    const i = input({
      engine: 'suitetax',
      remitter: 'seller',
      taxCode: US_CA,
      lines: [
        { amountMinor: 2500, units: [{}, {}] },
        { amountMinor: 1000, units: [{}] },
      ],
    });
    const b = booked(planTaxBooking(i));
    expect(b.taxDetails.map((d) => d.amountMinor)).toEqual([289, 0]);
    expect(netsuiteTotal(b, i)).toBe(3500 + 599 + 289);
  });
});

describe('rates and VAT arithmetic', () => {
  it('effectiveRate is the shortest rate that gives the tax to the cent', () => {
    expect(effectiveRate(3500, 289)).toBe(8.26);
    expect(percentOfMinor(3500, effectiveRate(3500, 289))).toBe(289);
    expect(percentOfMinor(17997, effectiveRate(17997, 1485))).toBe(1485);
    expect(effectiveRate(0, 0)).toBe(0);
  });

  it('netOfGross rounds half away from zero, negatives too', () => {
    expect(netOfGross(7200, 20)).toBe(6000);
    expect(netOfGross(-300, 20)).toBe(-250);
    expect(netOfGross(1299, 20)).toBe(1083);
  });
});
