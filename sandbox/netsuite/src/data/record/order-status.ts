import type { RecordStore } from '../store';
import type { FieldValue, StoredLine } from '../store-types';

/**
 * The read-only `status` of a sales order (letters as SuiteQL `transaction.status` returns them):
 * A Pending Approval, B Pending Fulfillment, D Partially Fulfilled, F Pending Billing (everything
 * fulfilled), H Closed (every line closed). Only inventory and non-inventory item lines need fulfilling.
 */
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
  const fulfilled = open.filter((l) => num(l.fields.quantityfulfilled) >= num(l.fields.quantity));
  if (open.length === fulfilled.length) return open.some((l) => num(l.fields.quantityfulfilled) > 0) ? 'F' : 'B';
  return open.some((l) => num(l.fields.quantityfulfilled) > 0) ? 'D' : 'B';
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
