/**
 * Sourcing: the values NetSuite fills in from referenced records. Dynamic mode sources as each
 * field is set; standard mode sources at save, only into fields the script left empty. Kept small:
 * a transaction's subsidiary and currency come from its customer; an item line's description,
 * rate (item base price, or the discount item's rate) and quantity (1) from its item, and its
 * read-only `itemtype` always: the item's type code (`InvtPart`, `NonInvtPart`, `Service`,
 * `OthCharge`, `Discount`, `Markup`, `Subtotal`, `Description`, `Payment`, `Kit`, `Group`,
 * `Assembly`, ...), as public scripts branch on it (`getSublistValue({fieldId: 'itemtype'}) ===
 * 'InvtPart'`); search/type-codes.ts holds the codes.
 */
import type { RecordStore } from '../store';
import type { StoredRecord } from '../store-types';
import { typeCode } from '../search/type-codes';
import { sourceExchangeRate } from './currency';
import { lineAmount, rateFrom } from './money';
import type { NsRecord, WorkingLine } from './record';

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

function fillIfEmpty(target: Record<string, unknown>, fieldId: string, value: unknown, allowed: boolean): void {
  if (allowed && isEmpty(target[fieldId]) && !isEmpty(value)) target[fieldId] = value;
}

export function itemOf(store: RecordStore, id: unknown): StoredRecord | null {
  return isEmpty(id) ? null : store.getAny('item', Number(id));
}

export function sourceBody(store: RecordStore, rec: NsRecord, fieldId: string): void {
  if (fieldId === 'currency') sourceExchangeRate(store, rec);
  if (fieldId !== 'entity' || rec.info.category !== 'transaction') return;
  const customer = isEmpty(rec.fields.entity) ? null : store.get('customer', Number(rec.fields.entity));
  if (!customer) return;
  fillIfEmpty(rec.fields, 'subsidiary', customer.fields.subsidiary, 'subsidiary' in rec.info.fields);
  const hadCurrency = !isEmpty(rec.fields.currency);
  fillIfEmpty(rec.fields, 'currency', customer.fields.currency, 'currency' in rec.info.fields);
  if (!hadCurrency && rec.isDynamic) sourceExchangeRate(store, rec);
}

/** Amount (and rate, when only the amount is known) of an item line, exactly. */
export function computeLineAmount(store: RecordStore, line: WorkingLine): void {
  const f = line.fields;
  if (isEmpty(f.rate) && isEmpty(f.amount)) return;
  const item = itemOf(store, f.item);
  const quantity = item?.type === 'discountitem' ? 1 : typeof f.quantity === 'number' ? f.quantity : 1;
  if (typeof f.rate === 'number' && !line.amountSet) f.amount = lineAmount(quantity, f.rate);
  else if (typeof f.amount === 'number' && isEmpty(f.rate)) f.rate = rateFrom(f.amount, quantity);
}

/** The line's `itemtype`: NetSuite's type code of its item (null without an item). */
function sourceItemType(store: RecordStore, rec: NsRecord, line: WorkingLine): void {
  if (!rec.info.sublists.item?.fields.itemtype) return;
  const item = itemOf(store, line.fields.item);
  line.fields.itemtype = item ? typeCode(store.typeInfo(item.type)) : null;
}

export function sourceLine(store: RecordStore, rec: NsRecord, sublistId: string, line: WorkingLine, fieldId: string): void {
  if (sublistId === 'item' && fieldId === 'item') sourceItemType(store, rec, line);
  if (sublistId !== 'item' || !rec.info.sublists.item?.fields.rate) return;
  if (fieldId === 'item') {
    const item = itemOf(store, line.fields.item);
    if (item) {
      const f = line.fields;
      fillIfEmpty(f, 'description', item.fields.salesdescription ?? item.fields.displayname, true);
      fillIfEmpty(f, 'rate', item.type === 'discountitem' ? item.fields.rate : item.fields.baseprice, true);
      if (item.type !== 'discountitem') fillIfEmpty(f, 'quantity', 1, true);
    }
  }
  if (fieldId === 'item' || fieldId === 'quantity' || fieldId === 'rate' || fieldId === 'amount') {
    computeLineAmount(store, line);
  }
}

/** Standard-mode sourcing at save: the same sourcing, applied once to the whole record. */
export function sourceForSave(store: RecordStore, rec: NsRecord): void {
  sourceBody(store, rec, 'entity');
  for (const line of rec.sublists.item ?? []) sourceItemType(store, rec, line);
  if (!rec.info.sublists.item?.fields.rate) return;
  for (const line of rec.sublists.item ?? []) {
    const before = line.amountSet;
    sourceLine(store, rec, 'item', line, 'item');
    line.amountSet = before;
    computeLineAmount(store, line);
  }
}
