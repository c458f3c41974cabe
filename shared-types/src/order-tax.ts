import type { TikTokLineItem, TikTokOrder } from './tiktok-order';
import { parseMoney, sumMinor, toMinor } from './money';

/**
 * TikTok's tax, carried on the sales order as TikTok computed it (marketplace facilitator: TikTok
 * collects and remits it). Product tax goes on the item lines (`tax1amt`), shipping tax on the
 * order (`shippingtax1amt`), so NetSuite's tax total and total equal TikTok's to the cent; what
 * NetSuite itself would charge differently is recorded as the tax variance, never silently.
 *
 * Per line: the sum of TikTok's own `item_tax` of the units on the line when every unit carries it
 * and they add up to the product tax; otherwise the product tax spread over the lines in proportion
 * to their amounts (largest remainder, so the parts add up exactly).
 */
export interface TaxAllocation {
  /** Tax per planned line, in minor units, in the order of the lines given. */
  lineTaxMinor: number[];
  shippingTaxMinor: number;
}

export interface TaxedLine {
  lineIds: readonly string[];
  amountMinor: number;
}

function unitTax(line: TikTokLineItem, currency: string): number | null {
  if (!line.item_tax || line.item_tax.length === 0) return null;
  let total = 0;
  for (const tax of line.item_tax) {
    const parsed = parseMoney(tax.tax_amount, currency);
    if (!parsed.ok) return null;
    total += parsed.minor;
  }
  return total;
}

/** Splits `total` over `weights` in integer parts that add up to `total` exactly (largest remainder). */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = sumMinor(weights.map((w) => Math.max(0, w)));
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * Math.max(0, w)) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - sumMinor(parts);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) parts[order[k].i] += 1;
  return parts;
}

export function allocateTikTokTax(order: TikTokOrder, lines: readonly TaxedLine[]): TaxAllocation {
  const currency = order.payment.currency;
  const totalTax = toMinor(order.payment.tax, currency);
  const declaredShipping = order.payment.shipping_fee_tax
    ? toMinor(order.payment.shipping_fee_tax, currency)
    : 0;
  const shippingTaxMinor = Math.min(Math.max(0, declaredShipping), totalTax);
  const productTax = totalTax - shippingTaxMinor;
  const byId = new Map(order.line_items.map((line) => [line.id, line]));
  const fromItems = lines.map((line) => {
    const taxes = line.lineIds.map((id) => {
      const unit = byId.get(id);
      return unit === undefined ? null : unitTax(unit, currency);
    });
    return taxes.every((t): t is number => t !== null) ? sumMinor(taxes as number[]) : null;
  });
  const exact =
    fromItems.every((t): t is number => t !== null) && sumMinor(fromItems as number[]) === productTax;
  return {
    lineTaxMinor: exact
      ? (fromItems as number[])
      : allocateProportionally(
          productTax,
          lines.map((line) => line.amountMinor),
        ),
    shippingTaxMinor,
  };
}
