import { fromCents, toCents } from './money';
import type { NsRecord } from './record';

/**
 * Transaction totals, in integer cents (never float sums):
 * - `subtotal` = sum of item-line amounts (discount-item lines carry negative amounts and reduce it);
 * - `discounttotal` = the header discount (`discountrate`, an amount, normally negative) when a
 *   header `discountitem` is set, else 0;
 * - `taxtotal` = sum of the lines' `tax1amt` plus the order's `shippingtax1amt` (per-line tax amounts,
 *   as NetSuite's per-line tax accounts carry them; 0 when none are set: the emulator does not
 *   calculate tax from tax codes itself);
 * - `total` = subtotal + discounttotal + shippingcost + taxtotal.
 */
function cents(v: unknown): number {
  return typeof v === 'number' ? toCents(v) : 0;
}

export function computeTotals(rec: NsRecord): void {
  if (!rec.info.fields.total) return;
  const lines = rec.sublists.item ?? [];
  const subtotal = lines.reduce((sum, l) => sum + cents(l.fields.amount), 0);
  const tax = lines.reduce((sum, l) => sum + cents(l.fields.tax1amt), 0) + cents(rec.fields.shippingtax1amt);
  const discount = rec.fields.discountitem ? cents(rec.fields.discountrate) : 0;
  const shipping = cents(rec.fields.shippingcost);
  rec.fields.subtotal = fromCents(subtotal);
  rec.fields.discounttotal = fromCents(discount);
  rec.fields.taxtotal = fromCents(tax);
  rec.fields.total = fromCents(subtotal + discount + shipping + tax);
}
