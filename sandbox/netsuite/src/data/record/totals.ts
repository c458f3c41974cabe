/**
 * Transaction totals, in integer cents (never float sums):
 * - `subtotal` = sum of item-line amounts (discount-item lines carry negative amounts and reduce it);
 * - `discounttotal` = the header discount (`discountrate`, an amount, normally negative) when a
 *   header `discountitem` is set, else 0;
 * - `taxtotal` = the tax the account's tax set-up computes (record/tax.ts: US legacy tax item and
 *   taxable lines, VAT tax codes per line, or SuiteTax tax details); without an account profile, the
 *   sum of the lines' `tax1amt` as the script set them;
 * - `total` = subtotal + discounttotal + shippingcost + taxtotal.
 */
import type { RecordStore } from '../store';
import { fromCents, toCents } from './money';
import type { NsRecord } from './record';
import { computeTax } from './tax';

function cents(v: unknown): number {
  return typeof v === 'number' ? toCents(v) : 0;
}

export function computeTotals(rec: NsRecord, store?: RecordStore): void {
  if (!rec.info.fields.total) return;
  const lines = rec.sublists.item ?? [];
  const model = store?.account?.profile.tax;
  // Tax first: a VAT line entered gross gets its net amount here.
  const tax = store && model ? computeTax(store, rec, model) : lines.reduce((sum, l) => sum + cents(l.fields.tax1amt), 0);
  const subtotal = lines.reduce((sum, l) => sum + cents(l.fields.amount), 0);
  const discount = rec.fields.discountitem ? cents(rec.fields.discountrate) : 0;
  const shipping = cents(rec.fields.shippingcost);
  rec.fields.subtotal = fromCents(subtotal);
  rec.fields.discounttotal = fromCents(discount);
  rec.fields.taxtotal = fromCents(tax);
  rec.fields.total = fromCents(subtotal + discount + shipping + tax);
}
