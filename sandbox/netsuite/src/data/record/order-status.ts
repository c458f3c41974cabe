/**
 * The read-only `status` of a sales order (letters as SuiteQL `transaction.status` returns them;
 * texts in catalogue/overlay.ts), with Advanced Shipping (fulfilment and billing apart):
 * A Pending Approval; B Pending Fulfillment (nothing fulfilled); D Partially Fulfilled (some
 * fulfilled, all of it billed); E Pending Billing/Partially Fulfilled (some fulfilled, some of that
 * not billed yet); F Pending Billing (everything fulfilled, not all billed); G Billed (everything
 * fulfilled and billed); H Closed (every line closed). Oracle help, "Viewing the Status of Sales
 * Orders" (section_N1220604), lists these statuses; an order partly fulfilled and not invoiced is
 * E there, not D. Only inventory and non-inventory item lines need fulfilling; the emulator bills
 * nothing itself, so `quantitybilled` stays 0 and partly fulfilled orders are E.
 */
import type { RecordStore } from '../store';
import type { FieldValue, StoredLine } from '../store-types';

const FULFILLABLE = new Set(['inventoryitem', 'noninventoryitem']);

function num(v: FieldValue | undefined): number {
  return typeof v === 'number' ? v : 0;
}

export function salesOrderStatus(
  store: RecordStore,
  fields: Record<string, FieldValue>,
  lines: readonly StoredLine[],
): string {
  if (fields.orderstatus === 'A') return 'A';
  if (lines.length > 0 && lines.every((l) => l.fields.isclosed === true)) return 'H';
  const open = lines.filter((l) => {
    if (l.fields.isclosed === true || l.fields.item === null || l.fields.item === undefined) return false;
    const item = store.getAny('item', Number(l.fields.item));
    return item !== null && FULFILLABLE.has(item.type);
  });
  const fulfilled = (l: StoredLine): number => num(l.fields.quantityfulfilled);
  const anyFulfilled = open.some((l) => fulfilled(l) > 0);
  if (!anyFulfilled) return 'B';
  const unbilled = open.some((l) => fulfilled(l) > num(l.fields.quantitybilled));
  const allFulfilled = open.every((l) => fulfilled(l) >= num(l.fields.quantity));
  if (allFulfilled) return open.every((l) => num(l.fields.quantitybilled) >= num(l.fields.quantity)) ? 'G' : 'F';
  return unbilled ? 'E' : 'D';
}

/** Whether a sales-order line still has something to fulfil (for the item fulfillment transform). */
export function openToFulfil(store: RecordStore, line: StoredLine): number {
  if (line.fields.isclosed === true || line.fields.item === null || line.fields.item === undefined) return 0;
  const item = store.getAny('item', Number(line.fields.item));
  if (!item || !FULFILLABLE.has(item.type)) return 0;
  return Math.max(0, num(line.fields.quantity) - num(line.fields.quantityfulfilled));
}

/** Whether the line's item tracks inventory (only those lines commit stock: inventory.ts). */
export function isInventoryLine(store: RecordStore, line: StoredLine): boolean {
  if (line.fields.item === null || line.fields.item === undefined) return false;
  return store.getAny('item', Number(line.fields.item))?.type === 'inventoryitem';
}
