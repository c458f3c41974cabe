import { fromCents, toCents } from './money';
import type { NsRecord } from './record';

/**
 * Transaction totals, in integer cents (never float sums):
 * - `subtotal` = sum of item-line amounts (discount-item lines carry negative amounts and reduce it);
 * - `discounttotal` = the header discount (`discountrate`, an amount, normally negative) when a
 *   header `discountitem` is set, else 0;
 * - `taxtotal` = sum of the lines' `tax1amt` (0 when lines carry no tax amounts: the emulator does
 *   not calculate tax itself);
 * - `total` = subtotal + discounttotal + shippingcost + taxtotal.
 */
function cents(v: unknown): number {
  return typeof v === 'number' ? toCents(v) : 0;
}

export function computeTotals(rec: NsRecord): void {
  if (!rec.info.fields.total) return;
  const lines = rec.sublists.item ?? [];
  const subtotal = lines.reduce((sum, l) => sum + cents(l.fields.amount), 0);
  const tax = lines.reduce((sum, l) => sum + cents(l.fields.tax1amt), 0);
  const discount = rec.fields.discountitem ? cents(rec.fields.discountrate) : 0;
  const shipping = cents(rec.fields.shippingcost);
  rec.fields.subtotal = fromCents(subtotal);
  rec.fields.discounttotal = fromCents(discount);
  rec.fields.taxtotal = fromCents(tax);
  rec.fields.total = fromCents(subtotal + discount + shipping + tax);
}
