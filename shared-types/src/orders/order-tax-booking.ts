/**
 * How a TikTok order's tax is booked on the sales order, decided without touching NetSuite, for
 * each tax case: who collects and remits the tax (TikTok as the marketplace, or the seller) and how
 * the account computes tax (its tax engine).
 *
 * Who remits (the shop's "Tax collected and remitted by", defaulted by `defaultRemitter`):
 * - US: TikTok, in every state with a marketplace-facilitator law (all states with a sales tax).
 * - UK: the marketplace is liable for goods an overseas seller sells in the UK and for imports of
 *   £135 or less; a UK-established seller accounts for the VAT itself.
 * - EU: the marketplace is the deemed supplier for a non-EU seller's goods in the EU and for
 *   imports of €150 or less; an EU-established seller accounts for the VAT itself.
 * - elsewhere: the seller when local, TikTok when cross-border (check the market's rules).
 *
 * The booking per case, always with the sales order total equal to what the buyer paid:
 * - TikTok remits: the tax must not become the seller's liability. Lines are not taxable (US legacy
 *   `istaxable` F; VAT: the shop's zero-rate or out-of-scope Tax Code on every line; SuiteTax: Tax
 *   Details Override with zero tax details), and TikTok's tax is one line of the shop's Tax Item, an
 *   other-charge item posting to a clearing account.
 * - The seller remits, US legacy tax: the lines are taxable at the shop's Tax Code (`taxitem`) and
 *   `taxrate` is the rate at which NetSuite's tax (taxable lines × rate, one rounding) is TikTok's
 *   to the cent.
 * - The seller remits, non-US legacy tax (VAT): the shop's Tax Code on every line. TikTok's prices
 *   are VAT-inclusive (UK, EU): each line is entered through `grossamt`, so NetSuite takes the VAT
 *   out of exactly TikTok's price; shipping is the net amount at the shipping tax code; the cent a
 *   net shipping amount cannot reach goes to the VAT of the first item line (`tax1amt`). TikTok tax
 *   on top of the prices (`tax` > 0) is booked per line from TikTok's `item_tax`.
 * - The seller remits, SuiteTax: Tax Details Override, with one tax details line per item line
 *   carrying TikTok's tax of its units (`item_tax`) and one for shipping (`shipping_fee_tax`).
 *
 * `expected` is how NetSuite's total then splits into merchandise, shipping and tax, for the
 * tie-out (order-tieout.ts).
 */
import { formatMinor, subtractMinor, sumMinor } from '../money/money';
import type { TaxLinePlan } from './order-tax';
import { TAX_LINE_DESCRIPTION, unitTaxMinor } from './order-tax';
import { SHOP_RECORD_LOCATION } from '../settings/shop-settings';
import type { TikTokLineItem } from '../tiktok/tiktok-order';

export type TaxEngine = 'us-legacy' | 'non-us-legacy' | 'suitetax';
export type TaxRemitter = 'tiktok' | 'seller';

/** A tax code (sales tax item) of the account, as the import read it. */
export interface TaxCodeInfo {
  id: string;
  name: string;
  /** Percent, e.g. 20 for 20 %. */
  rate: number;
  /** SuiteTax tax type, or null. */
  taxTypeId: string | null;
}

/** How one sales order line's tax is written; absent fields are not set. */
export interface LineTax {
  /** US legacy: `istaxable`. */
  taxable?: boolean;
  /** VAT: `taxcode`. */
  taxCodeId?: string;
  /** VAT-inclusive entry: `grossamt` (instead of rate and amount). */
  grossMinor?: number;
  /** VAT entered net with its tax: `amount` (instead of rate and amount) and `tax1amt`. */
  netMinor?: number;
  tax1Minor?: number;
}

/** The line a tax details line points to (its `taxdetailsreference`). */
export type TaxDetailTarget =
  { kind: 'item' | 'discount' | 'fee'; index: number } | { kind: 'tax' } | { kind: 'shipping' };

/** A SuiteTax tax details line written under Tax Details Override. */
export interface TaxDetailPlan {
  target: TaxDetailTarget;
  taxCodeId: string;
  taxTypeId: string | null;
  basisMinor: number;
  ratePercent: number;
  amountMinor: number;
}

export interface ExpectedNetSuiteFigures {
  /** The item and discount lines NetSuite shows (net of VAT when prices include it). */
  merchandiseMinor: number;
  /** `shippingcost` (net of VAT when TikTok's fee includes it). */
  shippingMinor: number;
  /** Tax: NetSuite's `taxtotal` plus the TikTok tax line. */
  taxMinor: number;
}

export interface TaxBooking {
  remitter: TaxRemitter;
  engine: TaxEngine;
  /** Body `istaxable` (US legacy), or null to leave it. */
  taxable: boolean | null;
  /** Body `taxitem` (US legacy, seller remits), or null. */
  taxItemId: string | null;
  /** Body `taxrate` in percent (US legacy, seller remits), or null. */
  taxRate: number | null;
  /** Body `taxdetailsoverride` (SuiteTax). */
  taxDetailsOverride: boolean;
  /** Body `shippingtaxcode` (VAT, with shipping), or null. */
  shippingTaxCodeId: string | null;
  /** `shippingcost` in minor units. */
  shippingCostMinor: number;
  itemLines: LineTax[];
  discountLines: LineTax[];
  /** The buyer-fee lines (order-fees.ts): outside the tax in every case. */
  feeLines: LineTax[];
  /** TikTok's tax on one line of the shop's Tax Item (TikTok remits), or null. */
  taxLine: (TaxLinePlan & LineTax) | null;
  /** SuiteTax tax details (with the override), else empty. */
  taxDetails: TaxDetailPlan[];
  expected: ExpectedNetSuiteFigures;
}

export type TaxBookingProblemCode = 'no_tax_item' | 'no_tax_code' | 'invalid_setting';

export interface TaxBookingProblem {
  code: TaxBookingProblemCode;
  message: string;
}

export interface TaxBookingInput {
  orderId: string;
  currency: string;
  shopName: string;
  engine: TaxEngine;
  remitter: TaxRemitter;
  /** The order's item lines as planned: amount and the TikTok units on each. */
  lines: readonly { amountMinor: number; units: readonly Pick<TikTokLineItem, 'item_tax'>[] }[];
  /** Discount line amounts (≤ 0). */
  discountsMinor: readonly number[];
  /** Buyer-fee line amounts (order-fees.ts); absent: none. */
  feesMinor?: readonly number[];
  /**
   * TikTok's merchandise sub-total still charged (`sub_total` less the cancelled units): what the
   * item and discount lines must add up to.
   */
  subTotalMinor: number;
  /** TikTok's shipping fee. */
  shippingMinor: number;
  /** TikTok's `shipping_fee_tax` (0 when not sent). */
  shippingTaxMinor: number;
  /** TikTok's tax still charged (less what it refunded with cancelled units). */
  taxMinor: number;
  /** The shop's Tax Item (the other-charge item for TikTok-remitted tax), or null. */
  taxItemId: string | null;
  /** The shop's Tax Code as read from the account, or null when none is set. */
  taxCode: TaxCodeInfo | null;
  /** The shop's Tax Code id when set but not found among the account's tax codes. */
  unknownTaxCodeId?: string | null;
}

/**
 * The account's tax engine: SuiteTax when the feature (`TAX_OVERHAULING`) is in effect; else legacy
 * tax, as NetSuite's edition of the company's country has it: US sales tax (a header tax item and
 * rate on the taxable lines) in a US account, a tax code per line (VAT, GST) elsewhere. Unknown
 * country: US. A OneWorld account's legacy tax follows each subsidiary's nexus; the import reads the
 * company's country only, so a shop booking into a subsidiary of another country needs SuiteTax
 * (README, tax by who remits it).
 */
export function taxEngineOf(suiteTax: boolean, country: string | null): TaxEngine {
  if (suiteTax) return 'suitetax';
  return country === null || country === 'US' ? 'us-legacy' : 'non-us-legacy';
}

const EU_REGIONS = ['DE', 'ES', 'FR', 'IE', 'IT'];

/** The market rule behind the default, for the help text and messages. */
export function defaultRemitter(
  region: string | null | undefined,
  sellerType: string | null | undefined,
): { remitter: TaxRemitter; rule: string } {
  const code = (region ?? '').trim().toUpperCase();
  const market = code === 'UK' ? 'GB' : code;
  const crossBorder = (sellerType ?? '').trim().toUpperCase() === 'CROSS_BORDER';
  if (market === 'US' || market === '') {
    return {
      remitter: 'tiktok',
      rule: 'US marketplace-facilitator laws: TikTok collects and remits the sales tax',
    };
  }
  if (market === 'GB') {
    return crossBorder
      ? {
          remitter: 'tiktok',
          rule: 'UK: the marketplace is liable for the VAT on goods sold by overseas sellers and on imports of £135 or less',
        }
      : { remitter: 'seller', rule: 'UK: a UK-established seller accounts for the VAT itself' };
  }
  if (EU_REGIONS.includes(market)) {
    return crossBorder
      ? {
          remitter: 'tiktok',
          rule: "EU: the marketplace is the deemed supplier for a non-EU seller's goods and for imports of €150 or less",
        }
      : { remitter: 'seller', rule: 'EU: an EU-established seller accounts for the VAT itself' };
  }
  return crossBorder
    ? { remitter: 'tiktok', rule: 'a cross-border seller: TikTok collects the tax' }
    : { remitter: 'seller', rule: 'a local seller accounts for the tax itself' };
}

/** The shop's "Tax collected and remitted by" as text (`TikTok`, `Seller`, empty), or a problem. */
export function parseRemitter(
  value: string | null | undefined,
  shop: { name: string; region?: string | null; sellerType?: string | null },
): { remitter: TaxRemitter; rule: string } | TaxBookingProblem {
  const text = (value ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (text === '') return defaultRemitter(shop.region, shop.sellerType);
  if (text === 'tiktok' || text === 'tiktokshop') return { remitter: 'tiktok', rule: 'the shop setting' };
  if (text === 'seller') return { remitter: 'seller', rule: 'the shop setting' };
  return {
    code: 'invalid_setting',
    message: `Shop ${shop.name} has Tax collected and remitted by ${JSON.stringify(value)}; it must be TikTok or Seller (or empty for the default of the shop's region and seller type). Fix: ${SHOP_RECORD_LOCATION}, correct it, save, then retry the order.`,
  };
}

/** `amount × percent / 100` in minor units, rounded half away from zero (as NetSuite rounds tax). */
export function percentOfMinor(amountMinor: number, percent: number): number {
  const raw = (amountMinor * percent) / 100;
  return Math.sign(raw) * Math.round(Math.abs(raw) + 1e-9);
}

/** The net of a VAT-inclusive amount: gross ÷ (1 + rate), rounded half away from zero. */
export function netOfGross(grossMinor: number, percent: number): number {
  return Math.sign(grossMinor) * Math.round((Math.abs(grossMinor) * 100) / (100 + percent) + 1e-9);
}

/**
 * A net amount whose VAT at `percent` (rounded) brings it to `grossMinor` exactly, or the nearest
 * net when none does (a gross such as 3.99 at 20 % has none: 3.32 + 0.66 = 3.98, 3.33 + 0.67 = 4.00).
 */
export function netReaching(grossMinor: number, percent: number): { netMinor: number; exact: boolean } {
  const near = netOfGross(grossMinor, percent);
  for (const candidate of [near, near - 1, near + 1, near - 2, near + 2]) {
    if (candidate + percentOfMinor(candidate, percent) === grossMinor)
      return { netMinor: candidate, exact: true };
  }
  return { netMinor: near, exact: false };
}

/**
 * The US legacy `taxrate` (percent) at which NetSuite's tax on `baseMinor` is `taxMinor` to the
 * cent: the shortest decimal of taxMinor / baseMinor that rounds back to it.
 */
export function effectiveRate(baseMinor: number, taxMinor: number): number {
  if (taxMinor === 0 || baseMinor === 0) return 0;
  const exact = (taxMinor * 100) / baseMinor;
  for (let decimals = 2; decimals <= 10; decimals += 1) {
    const rate = Number(exact.toFixed(decimals));
    if (percentOfMinor(baseMinor, rate) === taxMinor) return rate;
  }
  return exact;
}

function unitsTax(units: readonly Pick<TikTokLineItem, 'item_tax'>[], currency: string): number {
  return sumMinor(units.map((unit) => unitTaxMinor(unit, currency)));
}

function problem(code: TaxBookingProblemCode, message: string): TaxBookingProblem {
  return { code, message };
}

function taxLineOf(
  input: TaxBookingInput,
  extra: LineTax,
): (TaxLinePlan & LineTax) | null | TaxBookingProblem {
  if (input.taxMinor === 0) return null;
  if (input.taxItemId === null) {
    return problem(
      'no_tax_item',
      `TikTok order ${input.orderId} carries ${formatMinor(input.taxMinor, input.currency)} ${input.currency} tax that TikTok collected, but shop ${input.shopName} has no Tax Item to book it on. Fix: ${SHOP_RECORD_LOCATION}, set Tax Item to an other-charge item for TikTok-collected tax (not taxable, posting to a clearing or liability account, not your sales tax payable), save, then retry the order.`,
    );
  }
  return {
    itemId: input.taxItemId,
    amountMinor: input.taxMinor,
    description: TAX_LINE_DESCRIPTION,
    ...extra,
  };
}

function isProblem<T extends object>(value: T | TaxBookingProblem | null): value is TaxBookingProblem {
  return value !== null && 'code' in value && 'message' in value;
}

function needTaxCode(input: TaxBookingInput, why: string): TaxCodeInfo | TaxBookingProblem {
  if (input.unknownTaxCodeId !== undefined && input.unknownTaxCodeId !== null) {
    return problem(
      'invalid_setting',
      `Shop ${input.shopName} has Tax Code ${input.unknownTaxCodeId}, which is not a tax code (sales tax item) of this account. Fix: ${SHOP_RECORD_LOCATION}, set Tax Code to one of Setup > Accounting > Tax Codes, save, then retry the order.`,
    );
  }
  if (input.taxCode === null) {
    return problem(
      'no_tax_code',
      `TikTok order ${input.orderId}: ${why}, but shop ${input.shopName} has no Tax Code. Fix: ${SHOP_RECORD_LOCATION}, set Tax Code (Setup > Accounting > Tax Codes), save, then retry the order.`,
    );
  }
  return input.taxCode;
}

function feesOf(input: TaxBookingInput): readonly number[] {
  return input.feesMinor ?? [];
}

function merchandise(input: TaxBookingInput): number {
  return sumMinor([...input.lines.map((l) => l.amountMinor), ...input.discountsMinor]);
}

function base(input: TaxBookingInput): Omit<TaxBooking, 'expected'> {
  return {
    remitter: input.remitter,
    engine: input.engine,
    taxable: null,
    taxItemId: null,
    taxRate: null,
    taxDetailsOverride: false,
    shippingTaxCodeId: null,
    shippingCostMinor: input.shippingMinor,
    itemLines: input.lines.map(() => ({})),
    discountLines: input.discountsMinor.map(() => ({})),
    feeLines: feesOf(input).map(() => ({})),
    taxLine: null,
    taxDetails: [],
  };
}

/** TikTok remits: nothing taxable in NetSuite, TikTok's tax on the Tax Item line. */
function tiktokRemits(input: TaxBookingInput): TaxBooking | TaxBookingProblem {
  const expected = {
    merchandiseMinor: input.subTotalMinor,
    shippingMinor: input.shippingMinor,
    taxMinor: input.taxMinor,
  };
  if (input.engine === 'us-legacy') {
    const line: LineTax = { taxable: false };
    const taxLine = taxLineOf(input, line);
    if (isProblem(taxLine)) return taxLine;
    return {
      ...base(input),
      taxable: false,
      itemLines: input.lines.map(() => line),
      discountLines: input.discountsMinor.map(() => line),
      feeLines: feesOf(input).map(() => line),
      taxLine,
      expected,
    };
  }
  if (input.engine === 'non-us-legacy') {
    const code = needTaxCode(
      input,
      'NetSuite needs a tax code on every line of a VAT account, and TikTok remits the tax of this shop',
    );
    if (isProblem(code)) return code;
    if (code.rate !== 0) {
      return problem(
        'invalid_setting',
        `Shop ${input.shopName}: TikTok collects and remits the tax of this shop, but its Tax Code ${code.name} has a rate of ${code.rate}%, so NetSuite would add tax the seller does not owe. Fix: ${SHOP_RECORD_LOCATION}, set Tax Code to a zero-rate or out-of-scope code (or set Tax collected and remitted by to Seller if you remit the VAT), save, then retry the order.`,
      );
    }
    const line: LineTax = { taxCodeId: code.id };
    const taxLine = taxLineOf(input, line);
    if (isProblem(taxLine)) return taxLine;
    return {
      ...base(input),
      itemLines: input.lines.map(() => line),
      discountLines: input.discountsMinor.map(() => line),
      feeLines: feesOf(input).map(() => line),
      taxLine,
      shippingTaxCodeId: input.shippingMinor === 0 ? null : code.id,
      expected,
    };
  }
  // SuiteTax: NetSuite computes nothing (override); zero tax details at the shop's code if it has one.
  const taxLine = taxLineOf(input, {});
  if (isProblem(taxLine)) return taxLine;
  const code = input.taxCode;
  const zero = (target: TaxDetailTarget, basisMinor: number): TaxDetailPlan[] =>
    code === null
      ? []
      : [
          {
            target,
            taxCodeId: code.id,
            taxTypeId: code.taxTypeId,
            basisMinor,
            ratePercent: 0,
            amountMinor: 0,
          },
        ];
  return {
    ...base(input),
    taxDetailsOverride: true,
    taxLine,
    taxDetails: [
      ...input.lines.flatMap((l, index) => zero({ kind: 'item', index }, l.amountMinor)),
      ...input.discountsMinor.flatMap((amount, index) => zero({ kind: 'discount', index }, amount)),
      ...(taxLine === null ? [] : zero({ kind: 'tax' }, taxLine.amountMinor)),
      ...feesOf(input).flatMap((amount, index) => zero({ kind: 'fee', index }, amount)),
    ],
    expected,
  };
}

function sellerUsLegacy(input: TaxBookingInput, code: TaxCodeInfo): TaxBooking | TaxBookingProblem {
  const taxableBase = merchandise(input);
  if (input.taxMinor !== 0 && taxableBase <= 0) {
    return problem(
      'invalid_setting',
      `TikTok order ${input.orderId} carries ${formatMinor(input.taxMinor, input.currency)} ${input.currency} tax on lines that add up to ${formatMinor(taxableBase, input.currency)}; NetSuite's US sales tax is a rate on the taxable lines, so it cannot book this tax. Fix: book the order by hand, or set Tax collected and remitted by to TikTok on the TikTok Shop record if TikTok remits it, then retry the order.`,
    );
  }
  const line: LineTax = { taxable: true };
  return {
    ...base(input),
    taxable: true,
    taxItemId: code.id,
    taxRate: effectiveRate(taxableBase, input.taxMinor),
    itemLines: input.lines.map(() => line),
    discountLines: input.discountsMinor.map(() => line),
    feeLines: feesOf(input).map(() => ({ taxable: false })),
    expected: {
      merchandiseMinor: input.subTotalMinor,
      shippingMinor: input.shippingMinor,
      taxMinor: input.taxMinor,
    },
  };
}

function sellerVat(input: TaxBookingInput, code: TaxCodeInfo): TaxBooking {
  const inclusive = input.taxMinor === 0;
  const rate = code.rate;
  // Each line's net and VAT as NetSuite computes them (VAT-inclusive: from the gross price).
  const figure = (amountMinor: number, taxMinor: number): { net: number; tax: number } => {
    if (!inclusive) return { net: amountMinor, tax: taxMinor };
    const net = netOfGross(amountMinor, rate);
    return { net, tax: amountMinor - net };
  };
  const lineFigures = [
    ...input.lines.map((l) => figure(l.amountMinor, unitsTax(l.units, input.currency))),
    ...input.discountsMinor.map((amount) => figure(amount, 0)),
  ];
  // Shipping: net at the code's rate; NetSuite adds its VAT, rounded.
  const shipping = inclusive ? netReaching(input.shippingMinor, rate).netMinor : input.shippingMinor;
  const shippingVat = percentOfMinor(shipping, rate);
  const expectedShippingVat = inclusive ? input.shippingMinor - shipping : input.shippingTaxMinor;
  const linesTax = sumMinor(lineFigures.map((f) => f.tax));
  const totalTax = inclusive ? linesTax + expectedShippingVat : input.taxMinor;
  // What NetSuite's shipping VAT and the lines' VAT leave over goes on the first item line's VAT.
  const adjust = subtractMinor(totalTax, linesTax + (shipping === 0 ? 0 : shippingVat));
  const adjustAt = input.lines.findIndex((l) => l.amountMinor !== 0);
  const writes: LineTax[] = lineFigures.map((f, index) => {
    const extra = index === adjustAt ? adjust : 0;
    if (inclusive && extra === 0) return { taxCodeId: code.id, grossMinor: f.net + f.tax };
    return { taxCodeId: code.id, netMinor: f.net, tax1Minor: f.tax + extra };
  });
  const shippingTaxed = shipping !== 0 && (adjust === 0 || adjustAt >= 0);
  return {
    ...base(input),
    shippingTaxCodeId: shippingTaxed ? code.id : null,
    shippingCostMinor: shippingTaxed ? shipping : input.shippingMinor,
    itemLines: writes.slice(0, input.lines.length),
    discountLines: writes.slice(input.lines.length),
    // Fees are outside the VAT (order-fees.ts): the code every line needs, at no tax.
    feeLines: feesOf(input).map((amount) => ({ taxCodeId: code.id, netMinor: amount, tax1Minor: 0 })),
    expected: {
      // TikTok's sub-total less the VAT NetSuite takes out of the lines.
      merchandiseMinor: subtractMinor(
        input.subTotalMinor,
        sumMinor(lineFigures.map((f) => (inclusive ? f.tax : 0))),
      ),
      shippingMinor: shippingTaxed ? shipping : input.shippingMinor,
      taxMinor: shippingTaxed ? totalTax : linesTax,
    },
  };
}

function sellerSuiteTax(input: TaxBookingInput, code: TaxCodeInfo): TaxBooking {
  const perLine = input.lines.map((l) => unitsTax(l.units, input.currency));
  const shippingTax = input.shippingMinor === 0 && input.shippingTaxMinor === 0 ? 0 : input.shippingTaxMinor;
  const leftOver = subtractMinor(input.taxMinor, sumMinor(perLine) + shippingTax);
  const first = input.lines.findIndex((l) => l.amountMinor !== 0);
  const detail = (target: TaxDetailTarget, basisMinor: number, amountMinor: number): TaxDetailPlan => ({
    target,
    taxCodeId: code.id,
    taxTypeId: code.taxTypeId,
    basisMinor,
    ratePercent: code.rate,
    amountMinor,
  });
  const details: TaxDetailPlan[] = input.lines.map((l, index) =>
    detail({ kind: 'item', index }, l.amountMinor, perLine[index] + (index === first ? leftOver : 0)),
  );
  if (shippingTax !== 0 || (first < 0 && leftOver !== 0)) {
    details.push(detail({ kind: 'shipping' }, input.shippingMinor, shippingTax + (first < 0 ? leftOver : 0)));
  }
  return {
    ...base(input),
    taxDetailsOverride: true,
    taxDetails: details,
    expected: {
      merchandiseMinor: input.subTotalMinor,
      shippingMinor: input.shippingMinor,
      taxMinor: input.taxMinor,
    },
  };
}

/** The tax booking of an order, or the problem that stops it (with the fix). */
export function planTaxBooking(input: TaxBookingInput): TaxBooking | TaxBookingProblem {
  if (input.remitter === 'tiktok') return tiktokRemits(input);
  const code = needTaxCode(
    input,
    'the seller remits the tax of this shop (Tax collected and remitted by: Seller)',
  );
  if (isProblem(code)) return code;
  switch (input.engine) {
    case 'us-legacy':
      return sellerUsLegacy(input, code);
    case 'non-us-legacy':
      return sellerVat(input, code);
    case 'suitetax':
      return sellerSuiteTax(input, code);
  }
}
