/**
 * Buyer-paid fees on a TikTok order (Get Order Detail 202507 `payment`; TikTok's Get Order Detail, TikTok's regions and languages page) and how
 * they enter `total_amount`. Markets as the field descriptions give them: `retail_delivery_fee` US
 * (Colorado and Minnesota buyers, TikTok's RDF changelog), `item_insurance_fee` US and ID,
 * `item_insurance_tax` US, `small_order_fee` TH, `buyer_service_fee` and `shipping_insurance_fee` ID,
 * `handling_fee` any market (a payment-method fee).
 *
 * Where sources are silent or disagree: the documented identity is `total_amount = sub_total +
 * shipping_fee + taxes + retail_delivery_fee` (written when RDF was added); the other fees are paid
 * by the buyer too, so here they are part of `total_amount` as well, and `item_insurance_tax` ("the tax
 * paid on the insurance") is part of `tax`, the order's total taxes (both inferred). Line items carry
 * their share of `retail_delivery_fee`, `small_order_fee` and `buyer_service_fee` (the line fields TikTok
 * documents), split in proportion to the line's sale price, remainder on the last lines.
 */
import { formatMinor, parseMinor } from '../money';

export type BuyerFee =
  | 'retail_delivery_fee'
  | 'handling_fee'
  | 'item_insurance_fee'
  | 'item_insurance_tax'
  | 'small_order_fee'
  | 'buyer_service_fee'
  | 'shipping_insurance_fee';

/** Markets where TikTok documents the fee; null = any market. */
export const BUYER_FEE_MARKETS: Readonly<Record<BuyerFee, readonly string[] | null>> = {
  retail_delivery_fee: ['US'],
  handling_fee: null,
  item_insurance_fee: ['US', 'ID'],
  item_insurance_tax: ['US'],
  small_order_fee: ['TH'],
  buyer_service_fee: ['ID'],
  shipping_insurance_fee: ['ID'],
};

export const BUYER_FEES = Object.keys(BUYER_FEE_MARKETS) as BuyerFee[];

export type LineLevelFee = 'retail_delivery_fee' | 'small_order_fee' | 'buyer_service_fee';

/** Fees split across line items (the line-level fields of Get Order Detail). */
export const LINE_LEVEL_FEES: readonly LineLevelFee[] = [
  'retail_delivery_fee',
  'small_order_fee',
  'buyer_service_fee',
];

/** Fee amounts in minor units. */
export type FeeAmounts = Partial<Record<BuyerFee, number>>;

/** Checks requested fees (decimal strings) against the shop's market; throws naming the fee and the fix. */
export function parseFees(
  fees: Partial<Record<string, string>>,
  region: string,
  currency: string,
): FeeAmounts {
  const amounts: FeeAmounts = {};
  for (const [name, value] of Object.entries(fees)) {
    if (value === undefined) continue;
    if (!(BUYER_FEES as string[]).includes(name)) {
      throw new Error(`Unknown buyer fee "${name}"; known: ${BUYER_FEES.join(', ')}`);
    }
    const fee = name as BuyerFee;
    const markets = BUYER_FEE_MARKETS[fee];
    if (markets !== null && !markets.includes(region)) {
      throw new Error(
        `${fee} exists only in ${markets.join(', ')} orders (TikTok's order fields); this shop is ${region}`,
      );
    }
    const minor = parseMinor(value, currency);
    if (minor === null)
      throw new Error(`${fee} must be a decimal string in ${currency}, e.g. "1.99"; got "${value}"`);
    if (minor > 0) amounts[fee] = minor;
  }
  return amounts;
}

/** Market-typical amounts for the generator's fee mix (minor units), given the order's sub_total. */
export function typicalFees(region: string, currency: string, subTotalMinor: number): FeeAmounts {
  const m = (s: string) => parseMinor(s, currency) ?? 0;
  const fees: FeeAmounts = { handling_fee: m(currency === 'IDR' ? '1000' : '0.99') };
  if (region === 'US') {
    // Colorado's retail delivery fee (US$0.29 from July 2024); the item protection price is a choice.
    Object.assign(fees, {
      retail_delivery_fee: m('0.29'),
      item_insurance_fee: m('1.99'),
      item_insurance_tax: m('0.16'),
    });
  }
  if (region === 'TH') {
    const minimum = m('100');
    if (subTotalMinor < minimum) fees.small_order_fee = minimum - subTotalMinor;
  }
  if (region === 'ID') {
    Object.assign(fees, {
      buyer_service_fee: m('1000'),
      shipping_insurance_fee: m('500'),
      item_insurance_fee: m('1000'),
    });
  }
  return fees;
}

/** The fee amounts on an order's `payment` (minor units). */
export function feeAmountsOf(payment: Partial<Record<BuyerFee, string>> & { currency: string }): FeeAmounts {
  const amounts: FeeAmounts = {};
  for (const fee of BUYER_FEES) {
    const value = payment[fee];
    const minor = value === undefined ? null : parseMinor(value, payment.currency);
    if (minor !== null && minor > 0) amounts[fee] = minor;
  }
  return amounts;
}

/** Sum of the fees that `total_amount` adds on top of sub_total + shipping_fee + tax. */
export function feesInTotal(fees: FeeAmounts): number {
  return BUYER_FEES.filter((f) => f !== 'item_insurance_tax').reduce((sum, f) => sum + (fees[f] ?? 0), 0);
}

/** Splits `amount` over lines in proportion to `weights` (largest remainder; all on the first if no weight). */
export function splitByWeight(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (total <= 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const exact = weights.map((w) => (amount * w) / total);
  const shares = exact.map(Math.floor);
  let left = amount - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, frac: value - Math.floor(value) }))
    .sort((a, b) => b.frac - a.frac || b.index - a.index);
  for (const { index } of order) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/** The `payment` fields of the fees, as decimal strings. */
export function feeFields(fees: FeeAmounts, currency: string): Partial<Record<BuyerFee, string>> {
  const out: Partial<Record<BuyerFee, string>> = {};
  for (const fee of BUYER_FEES) {
    const amount = fees[fee];
    if (amount !== undefined) out[fee] = formatMinor(amount, currency);
  }
  return out;
}
