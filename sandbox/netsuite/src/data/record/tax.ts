/**
 * Sales tax as the account's tax set-up computes it (profiles/account-profile.ts TaxModel), in integer
 * cents, rounded half away from zero. Returns the tax total; the caller adds it to the order total.
 *
 * - US legacy: `taxrate` comes from the body `taxitem` (a sales tax item's rate) when the script set
 *   no rate; tax = (sum of the amounts of lines whose `istaxable` is checked) × rate, once for the
 *   order (Records Browser help of `taxtotal`: "NetSuite multiplies the tax rate by the taxable total
 *   of line items"). The line box is what counts; it starts unchecked (the emulator does not source it
 *   from the item or customer).
 * - Non-US legacy (VAT): every item line needs a tax code (USER_ERROR "Please enter value(s) for: Tax
 *   Code" otherwise, as the Records Browser marks the line `taxcode` required); `taxrate1` is the
 *   code's rate; `tax1amt` = amount × rate per line unless the script set it (NetSuite lets the tax
 *   amount be edited); a line whose `grossamt` the script set is VAT-inclusive: amount =
 *   gross ÷ (1 + rate) rounded to the cent, tax = gross − amount, so the line adds exactly the gross
 *   price to the total (assumption: the documented fields grossAmt/tax1Amt/amount of SuiteTalk's
 *   SalesOrderItem, with NetSuite's "prices include tax" handling of price levels not modelled);
 *   `grossamt` is amount + tax on every line. Shipping is taxed at the body `shippingtaxcode`'s rate
 *   when one is set.
 * - SuiteTax: each item line gets a `taxdetailsreference`; unless `taxdetailsoverride` is checked,
 *   NetSuite replaces the `taxdetails` lines with one per item line, at the account's default tax code
 *   (the emulator's stand-in for SuiteTax's tax determination); with the override the script's tax
 *   details lines stand, each must point to an item line (or SHIPPING) and carry a tax code, basis,
 *   rate and amount (the Records Browser marks those required). Tax = sum of the details' tax
 *   amounts; each item line's `grossamt` = amount + its details' tax.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { TaxModel } from '../../profiles/account-profile';
import type { RecordStore } from '../store';
import type { FieldValue, StoredRecord } from '../store-types';
import { fromCents, toCents } from './money';
import type { NsRecord, WorkingLine } from './record';

interface TaxCode {
  id: string;
  name: string;
  rate: number;
  taxType: string | null;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

function cents(v: FieldValue | undefined): number {
  return typeof v === 'number' ? toCents(v) : 0;
}

/** `value × percent / 100` in cents, half away from zero. */
function percentOf(amountCents: number, percent: number): number {
  const raw = (amountCents * percent) / 100;
  return Math.sign(raw) * Math.round(Math.abs(raw) + 1e-9);
}

function taxCodeOf(store: RecordStore, id: FieldValue | undefined): TaxCode | null {
  if (isEmpty(id) || !store.hasType('salestaxitem')) return null;
  const rec: StoredRecord | null = store.get('salestaxitem', Number(id));
  if (!rec) return null;
  return {
    id: String(rec.id),
    name: String(rec.fields.itemid ?? rec.id),
    rate: typeof rec.fields.rate === 'number' ? rec.fields.rate : 0,
    taxType: isEmpty(rec.fields.taxtype) ? null : String(rec.fields.taxtype),
  };
}

function userError(message: string): SuiteScriptError {
  return new SuiteScriptError(NS.USER_ERROR, message);
}

function usLegacyTax(store: RecordStore, rec: NsRecord): number {
  if (!rec.info.fields.taxrate) return 0;
  if (isEmpty(rec.fields.taxrate) && !isEmpty(rec.fields.taxitem)) {
    rec.fields.taxrate = taxCodeOf(store, rec.fields.taxitem)?.rate ?? null;
  }
  const rate = typeof rec.fields.taxrate === 'number' ? rec.fields.taxrate : 0;
  const base = (rec.sublists.item ?? [])
    .filter((l) => l.fields.istaxable === true)
    .reduce((sum, l) => sum + cents(l.fields.amount), 0);
  return percentOf(base, rate);
}

function vatLine(store: RecordStore, line: WorkingLine, index: number, fields: ReadonlySet<string>): number {
  const hasGross = fields.has('grossamt');
  const f = line.fields;
  const code = taxCodeOf(store, f.taxcode);
  if (!code) throw userError(`Please enter value(s) for: Tax Code (item line ${index + 1})`);
  if (fields.has('taxrate1')) f.taxrate1 = code.rate;
  let net = cents(f.amount);
  let tax: number;
  if (hasGross && line.grossSet && typeof f.grossamt === 'number') {
    const gross = toCents(f.grossamt);
    net = Math.sign(gross) * Math.round(Math.abs(gross) / (1 + code.rate / 100) + 1e-9);
    tax = gross - net;
    f.amount = fromCents(net);
    const quantity = typeof f.quantity === 'number' && f.quantity !== 0 ? f.quantity : 1;
    f.rate = Number((f.amount / quantity).toFixed(8));
    line.amountSet = true;
    line.taxSet = true;
    line.grossSet = false;
  } else if (fields.has('tax1amt') && line.taxSet && typeof f.tax1amt === 'number') {
    tax = toCents(f.tax1amt);
  } else {
    tax = percentOf(net, code.rate);
  }
  if (fields.has('tax1amt')) f.tax1amt = fromCents(tax);
  if (hasGross) f.grossamt = fromCents(net + tax);
  return tax;
}

function nonUsLegacyTax(store: RecordStore, rec: NsRecord): number {
  const sublist = rec.info.sublists.item;
  if (!sublist?.fields.taxcode) return 0;
  const fields = new Set(Object.keys(sublist.fields));
  let total = 0;
  (rec.sublists.item ?? []).forEach((line, i) => {
    total += vatLine(store, line, i, fields);
  });
  if (rec.info.fields.shippingtaxcode && !isEmpty(rec.fields.shippingtaxcode)) {
    const code = taxCodeOf(store, rec.fields.shippingtaxcode);
    if (code) {
      if (rec.info.fields.shippingtax1rate) rec.fields.shippingtax1rate = String(code.rate);
      total += percentOf(cents(rec.fields.shippingcost), code.rate);
    }
  }
  return total;
}

function nextReference(lines: WorkingLine[]): () => string {
  let max = 0;
  for (const l of lines) {
    const m = /^TDR(\d+)$/.exec(String(l.fields.taxdetailsreference ?? ''));
    if (m) max = Math.max(max, Number(m[1]));
  }
  return () => `TDR${++max}`;
}

function itemName(store: RecordStore, id: FieldValue | undefined): string {
  if (isEmpty(id)) return '';
  const item = store.getAny('item', Number(id));
  return item ? String(item.fields.itemid ?? item.id) : '';
}

function suiteTax(store: RecordStore, rec: NsRecord): number {
  const itemInfo = rec.info.sublists.item;
  if (!itemInfo?.fields.taxdetailsreference || !rec.info.sublists.taxdetails) return 0;
  const items = rec.sublists.item ?? [];
  const next = nextReference(items);
  for (const line of items) if (isEmpty(line.fields.taxdetailsreference)) line.fields.taxdetailsreference = next();
  const refs = new Set(items.map((l) => String(l.fields.taxdetailsreference)));
  if (rec.fields.taxdetailsoverride !== true) {
    const code = taxCodeOf(store, store.account?.setup.defaultTaxCodeId);
    rec.sublists.taxdetails = items
      .filter((l) => !isEmpty(l.fields.amount))
      .map((l) => {
        const basis = cents(l.fields.amount);
        return {
          fields: {
            taxdetailsreference: l.fields.taxdetailsreference ?? null,
            linetype: 'Item',
            linename: itemName(store, l.fields.item),
            netamount: fromCents(basis),
            taxbasis: fromCents(basis),
            taxcode: code?.id ?? null,
            taxtype: code?.taxType ?? null,
            taxrate: code?.rate ?? 0,
            taxamount: fromCents(percentOf(basis, code?.rate ?? 0)),
            calcdetail: code ? `${code.name}: ${code.rate}% of ${fromCents(basis)}` : 'No tax code',
          },
          subrecords: {},
          amountSet: true,
        };
      });
  }
  const details = rec.sublists.taxdetails ?? [];
  details.forEach((d, i) => {
    const f = d.fields;
    const where = `tax details line ${i + 1}`;
    const ref = String(f.taxdetailsreference ?? '');
    if (!refs.has(ref) && ref !== 'SHIPPING') {
      throw userError(`The ${where} points to ${ref ? `reference ${ref}` : 'no line'}: set its taxdetailsreference to an item line's taxdetailsreference (or SHIPPING).`);
    }
    const missing = [
      ['taxcode', 'Tax Code'],
      ['taxbasis', 'Tax Basis'],
      ['taxrate', 'Tax Rate'],
      ['taxamount', 'Tax Amount'],
    ].filter(([id]) => isEmpty(f[id!])).map(([, label]) => label);
    if (missing.length) throw userError(`Please enter value(s) for: ${missing.join(', ')} (${where})`);
  });
  for (const line of items) {
    const ref = String(line.fields.taxdetailsreference);
    const tax = details.filter((d) => String(d.fields.taxdetailsreference) === ref).reduce((s, d) => s + cents(d.fields.taxamount), 0);
    if (itemInfo.fields.grossamt) line.fields.grossamt = fromCents(cents(line.fields.amount) + tax);
  }
  return details.reduce((s, d) => s + cents(d.fields.taxamount), 0);
}

/** The record's tax in cents under `model` (fills the computed tax fields on the way). */
export function computeTax(store: RecordStore, rec: NsRecord, model: TaxModel): number {
  switch (model) {
    case 'us-legacy':
      return usLegacyTax(store, rec);
    case 'non-us-legacy':
      return nonUsLegacyTax(store, rec);
    case 'suitetax':
      return suiteTax(store, rec);
  }
}
