/**
 * Return authorizations and the item receipts that receive them.
 *
 * Status (the read-only `status`, letters as overlay.ts RETURN_STATUS lists them): A Pending
 * Approval while `orderstatus` is A (records.json returnauthorization `orderstatus` help: "If your
 * company uses the approval process for return authorization, Pending Approval is your default ...
 * Pending Receipt"), whose lines cannot be closed (checkClosedLines); H Closed when every line is closed; otherwise from what was received: B Pending
 * Receipt (nothing received), E Pending Refund/Partially Received (some received), F Pending Refund
 * (every line received). The emulator refunds nothing itself (cash refunds and credit memos do not
 * move `quantitybilled`), so D (partially received, all of it refunded) and G (Refunded) are not
 * reached — the sales order's status works the same way (order-status.ts).
 *
 * Receiving (record.transform returnauthorization → itemreceipt, then save): only an approved RMA
 * that is not closed and has something left to receive can be transformed (INVALID_INITIALIZE_REF
 * otherwise, as for fulfillments, transform.ts). Each receipt line receives at most what its RMA
 * line has left (quantity − quantityreceived, USER_ERROR naming the line otherwise) and adds it to
 * the line's `quantityreceived`; a restocked line of an inventory item goes back on hand at the
 * receipt line's location (the RMA line's, else the RMA's). A receipt line without Restock
 * (supplement.json itemreceipt-item-sublist: SuiteTalk ItemReceiptItem.restock) is received but not
 * put back on hand (damaged goods). Deleting or editing a receipt takes its quantities back first.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { FieldValue, StoredLine, StoredRecord } from '../store-types';
import { setOnHand } from './inventory';
import { ACCOUNT_WIDE, perLocation } from './inventory';

type Fields = Record<string, FieldValue>;

const RECEIVABLE = new Set(['inventoryitem', 'noninventoryitem']);

function num(v: FieldValue | undefined): number {
  return typeof v === 'number' ? v : 0;
}

function q(n: number): number {
  return Math.round(n * 100000) / 100000;
}

function isReceivable(store: RecordStore, line: StoredLine): boolean {
  if (line.fields.item === null || line.fields.item === undefined) return false;
  const item = store.getAny('item', Number(line.fields.item));
  return item !== null && RECEIVABLE.has(item.type);
}

/** What is left to receive on an RMA line (0 for closed lines and items that are not received). */
export function openToReceive(store: RecordStore, line: StoredLine): number {
  if (line.fields.isclosed === true || !isReceivable(store, line)) return 0;
  return Math.max(0, q(num(line.fields.quantity) - num(line.fields.quantityreceived)));
}

/**
 * A closed line on an RMA still Pending Approval is refused at save. NetSuite closes only approved
 * transactions: Close Order is offered from Pending Fulfillment on (Oracle's help "Closing a Sales
 * Order", docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4698204292.html), and a
 * pending one is cancelled instead (status C, a user-interface button; scripts set `orderstatus` to A
 * or B only). Whether NetSuite refuses such a save or keeps showing Pending Approval is not
 * published, so the emulator refuses it: a script must approve the RMA (B) to close it, in the same
 * save or before.
 */
export function checkClosedLines(fields: Fields, lines: readonly { fields: Fields }[]): void {
  if (fields.orderstatus !== 'A') return;
  const closed = lines.findIndex((l) => l.fields.isclosed === true);
  if (closed < 0) return;
  throw new SuiteScriptError(
    NS.USER_ERROR,
    `You cannot close line ${closed + 1} of a return authorization that is Pending Approval. Approve it first (Status: Pending Receipt), or cancel it.`,
  );
}

export function returnAuthorizationStatus(store: RecordStore, fields: Fields, lines: readonly StoredLine[]): string {
  if (fields.orderstatus === 'A') return 'A';
  if (lines.length > 0 && lines.every((l) => l.fields.isclosed === true)) return 'H';
  const receivable = lines.filter((l) => l.fields.isclosed !== true && isReceivable(store, l));
  const received = receivable.some((l) => num(l.fields.quantityreceived) > 0);
  if (!received) return 'B';
  return receivable.every((l) => num(l.fields.quantityreceived) >= num(l.fields.quantity)) ? 'F' : 'E';
}

function lineLocation(line: StoredLine, header: Fields): string | null {
  const loc = line.fields.location ?? header.location;
  return loc === null || loc === undefined || loc === '' ? null : String(loc);
}

function onHandAt(store: RecordStore, itemId: number, location: string): number {
  const item = store.get('inventoryitem', itemId);
  const row = (item?.sublists.locations ?? []).find((l) => String(l.fields.location ?? ACCOUNT_WIDE) === location);
  return num(row?.fields.quantityonhand);
}

function moveOnHand(store: RecordStore, line: StoredLine, header: Fields, rmaLine: StoredLine, rma: StoredRecord, by: number): void {
  if (line.fields.restock === false) return;
  const itemId = Number(line.fields.item ?? rmaLine.fields.item);
  if (!store.get('inventoryitem', itemId)) return;
  const location = perLocation(store) ? (lineLocation(line, header) ?? lineLocation(rmaLine, rma.fields)) : ACCOUNT_WIDE;
  if (location === null) {
    throw new SuiteScriptError(NS.USER_ERROR, `Please enter value(s) for: Location (item receipt line for return authorization line ${String(rmaLine.fields.line)})`);
  }
  setOnHand(store, itemId, location, q(onHandAt(store, itemId, location) + by));
}

function rmaLineOf(rma: StoredRecord, line: StoredLine): StoredLine {
  const rmaLine = (rma.sublists.item ?? []).find((l) => String(l.fields.line) === String(line.fields.orderline));
  if (!rmaLine) {
    throw new SuiteScriptError(NS.USER_ERROR, `Line ${String(line.fields.orderline)} does not exist on the return authorization.`);
  }
  return rmaLine;
}

/** Apply a receipt's lines to its RMA (mutated; the caller writes it) and to stock. */
export function receive(store: RecordStore, rma: StoredRecord, lines: readonly StoredLine[], header: Fields): void {
  for (const line of lines) {
    const rmaLine = rmaLineOf(rma, line);
    const quantity = num(line.fields.quantity);
    const open = openToReceive(store, rmaLine);
    if (quantity <= 0 || quantity > open) {
      throw new SuiteScriptError(
        NS.USER_ERROR,
        `You can not receive ${quantity} of return authorization line ${String(line.fields.orderline)}: ${open} remain to be received.`,
      );
    }
    rmaLine.fields.quantityreceived = q(num(rmaLine.fields.quantityreceived) + quantity);
    moveOnHand(store, line, header, rmaLine, rma, quantity);
  }
  rma.fields.status = returnAuthorizationStatus(store, rma.fields, rma.sublists.item ?? []);
}

/** Take back what a receipt received (it is deleted or about to be re-applied). */
export function unreceive(store: RecordStore, rma: StoredRecord, lines: readonly StoredLine[], header: Fields): void {
  for (const line of lines) {
    const rmaLine = (rma.sublists.item ?? []).find((l) => String(l.fields.line) === String(line.fields.orderline));
    if (!rmaLine) continue;
    const quantity = num(line.fields.quantity);
    rmaLine.fields.quantityreceived = Math.max(0, q(num(rmaLine.fields.quantityreceived) - quantity));
    moveOnHand(store, line, header, rmaLine, rma, -quantity);
  }
  rma.fields.status = returnAuthorizationStatus(store, rma.fields, rma.sublists.item ?? []);
}

/** The item receipt's lines transformed from an RMA: every line with something left to receive. */
export function receiptLines(store: RecordStore, rma: StoredRecord): { lines: StoredLine[]; open: boolean } {
  const lines = (rma.sublists.item ?? []).flatMap((line) => {
    const open = openToReceive(store, line);
    if (open <= 0) return [];
    return [
      {
        fields: {
          item: line.fields.item ?? null,
          itemreceive: true,
          quantity: open,
          quantityremaining: open,
          location: line.fields.location ?? rma.fields.location ?? null,
          description: line.fields.description ?? null,
          orderline: line.fields.line ?? null,
          restock: true,
        },
      },
    ];
  });
  return { lines, open: lines.length > 0 };
}
