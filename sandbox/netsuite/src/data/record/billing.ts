/**
 * Billing sales orders and crediting invoices: what the refunds flow (issue #18) reads and writes.
 *
 * - **Billing** (record.transform salesorder → invoice or → cashsale; both targets records.json lists
 *   for salesorder): the new bill starts with every line not closed and not yet billed, at its
 *   unbilled quantity (lines without a quantity, such as discount or tax lines, once), and the order's
 *   shipping cost on the first bill only. The emulator bills as with "Invoice in Advance of
 *   Fulfillment" on (Oracle help, "Accounting Preferences" / Order Management): fulfilment is not
 *   required first. Saving it adds the quantities to the order lines' `quantitybilled` (so the order's
 *   status moves to Billed once everything is fulfilled and billed: order-status.ts); an order with
 *   nothing left to bill cannot be transformed (INVALID_INITIALIZE_REF, as for fulfillments).
 * - **Invoice balance**: a saved invoice owes its total (`amountremaining`); credit memos and customer
 *   payments applied to it take their applied amounts off.
 * - **Customer payments and refunds** (customerpayment, customerrefund: their `apply` sublists from
 *   suiteapp/reference/netsuite-records/supplement.json). Created with the `{ entity: <customer> }`
 *   default value, as public SuiteScript creates them, a payment lists the customer's invoices that
 *   still owe and a refund the customer's credit memos with credit left (`unapplied`); the script ticks
 *   lines and sets amounts. On save each ticked line applies its `amount` (empty: what is due): more
 *   than is due is refused with USER_ERROR naming the document, a refund with no line ticked too (it
 *   must pay out a credit), and a refund's `total` is what it applies. A payment's applied amounts take
 *   the invoices' `amountremaining` down; a refund's take the credit memos' `unapplied` down (their
 *   `applied` up). The refund's `account` and `paymentmethod` are required (records.json).
 * - **Crediting** (record.transform invoice → creditmemo, supplement.json invoice-transforms;
 *   returnauthorization → creditmemo, records.json): the credit memo's `apply` list (records.json
 *   creditmemo sublist apply: doc, apply, amount, due, total, refnum) lists the customer's invoices
 *   that still owe something, the source invoice ticked. On save each ticked line applies its
 *   `amount` (empty: as much as the invoice owes and the credit memo has left); more than the invoice
 *   owes, or more in all than the credit memo's total, is refused with USER_ERROR naming the invoice.
 *   The credit memo's `applied` and `unapplied` say where it stands. Cash refunds (from a cash sale or
 *   a return authorization) move no balance.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { FieldValue, StoredLine, StoredRecord } from '../store-types';
import { fromCents, toCents } from './money';

type Fields = Record<string, FieldValue>;

function num(v: FieldValue | undefined): number {
  return typeof v === 'number' ? v : 0;
}

function q(n: number): number {
  return Math.round(n * 100000) / 100000;
}

/** What is left to bill on a sales order line (lines without a quantity count as one unit). */
export function openToBill(line: StoredLine): number {
  if (line.fields.isclosed === true) return 0;
  const quantity = line.fields.quantity === null || line.fields.quantity === undefined ? 1 : num(line.fields.quantity);
  return Math.max(0, q(quantity - num(line.fields.quantitybilled)));
}

/** Whether any bill (invoice or cash sale) of this sales order exists already. */
function billedBefore(store: RecordStore, salesOrderId: number): boolean {
  return ['invoice', 'cashsale'].some((type) =>
    store.all(type).some((r) => String(r.fields.createdfrom ?? '') === String(salesOrderId)),
  );
}

/** The lines of a new bill of `order`: every unbilled quantity, rate × quantity (or the line's amount when it has no rate). */
export function billLines(
  store: RecordStore,
  order: StoredRecord,
  lineFields: Readonly<Record<string, unknown>>,
): { lines: StoredLine[]; open: boolean; shippingcost: FieldValue } {
  const lines = (order.sublists.item ?? []).flatMap((line) => {
    const open = openToBill(line);
    if (open <= 0) return [];
    const hasQuantity = line.fields.quantity !== null && line.fields.quantity !== undefined;
    const rate = line.fields.rate;
    const fields: Fields = {};
    for (const [id, value] of Object.entries(line.fields)) {
      if (id in lineFields && value !== null && !['line', 'quantitybilled', 'quantityfulfilled', 'quantitycommitted', 'quantitybackordered', 'isclosed'].includes(id)) {
        fields[id] = value;
      }
    }
    if (hasQuantity) fields.quantity = open;
    if (hasQuantity && typeof rate === 'number') fields.amount = fromCents(Math.round(toCents(rate) * open));
    if ('orderline' in lineFields) fields.orderline = line.fields.line ?? null;
    return [{ fields }];
  });
  return { lines, open: lines.length > 0, shippingcost: billedBefore(store, order.id) ? 0 : (order.fields.shippingcost ?? null) };
}

/** A saved bill adds its quantities to the sales order lines it bills (matched by `orderline`). */
export function recordBilled(store: RecordStore, bill: { fields: Fields; sublists: Record<string, StoredLine[]> }): StoredRecord | null {
  const order = store.get('salesorder', Number(bill.fields.createdfrom));
  if (!order) return null;
  for (const line of bill.sublists.item ?? []) {
    const target = (order.sublists.item ?? []).find((l) => String(l.fields.line) === String(line.fields.orderline ?? ''));
    if (!target) continue;
    const billed = line.fields.quantity === null || line.fields.quantity === undefined ? 1 : num(line.fields.quantity);
    if (billed > openToBill(target) + 1e-9) {
      throw new SuiteScriptError(
        NS.USER_ERROR,
        `You cannot bill more than is left on line ${String(target.fields.line)} of sales order ${order.id} (${openToBill(target)} left, ${billed} billed).`,
      );
    }
    target.fields.quantitybilled = q(num(target.fields.quantitybilled) + billed);
  }
  return order;
}

/** The apply list a new credit memo starts with: the customer's invoices that still owe, `sourceInvoice` ticked. */
export function applyLinesFor(store: RecordStore, entity: FieldValue | undefined, sourceInvoice: number | null): StoredLine[] {
  if (entity === null || entity === undefined) return [];
  return store
    .all('invoice')
    .filter((inv) => String(inv.fields.entity ?? '') === String(entity) && num(inv.fields.amountremaining) > 0)
    .map((inv) => ({
      fields: {
        doc: String(inv.id),
        apply: inv.id === sourceInvoice,
        amount: null,
        due: inv.fields.amountremaining ?? 0,
        total: inv.fields.total ?? 0,
        refnum: inv.fields.tranid ?? null,
      },
    }));
}

/** A new invoice owes its total. */
export function openInvoice(fields: Fields): void {
  fields.amountremaining = fields.total ?? 0;
  fields.amountpaid = 0;
}

/** Applies a new credit memo's ticked apply lines to the invoices (see the module comment). */
export function applyCreditMemo(store: RecordStore, memo: { fields: Fields; sublists: Record<string, StoredLine[]> }): StoredRecord[] {
  const totalCents = toCents(num(memo.fields.total));
  let appliedCents = 0;
  const changed: StoredRecord[] = [];
  for (const line of memo.sublists.apply ?? []) {
    if (line.fields.apply !== true) continue;
    const invoice = store.get('invoice', Number(line.fields.doc));
    if (!invoice) throw new SuiteScriptError(NS.INVALID_KEY_OR_REF, `Invalid doc reference key ${String(line.fields.doc)}.`);
    const dueCents = toCents(num(invoice.fields.amountremaining));
    const amountCents =
      line.fields.amount === null || line.fields.amount === undefined
        ? Math.min(dueCents, totalCents - appliedCents)
        : toCents(num(line.fields.amount));
    if (amountCents > dueCents) {
      throw new SuiteScriptError(
        NS.USER_ERROR,
        `You cannot apply ${fromCents(amountCents)} to invoice ${invoice.id}: it owes ${fromCents(dueCents)}. Lower the amount on the credit memo's Apply line.`,
      );
    }
    appliedCents += amountCents;
    if (appliedCents > totalCents) {
      throw new SuiteScriptError(
        NS.USER_ERROR,
        `The credit memo applies ${fromCents(appliedCents)}, more than its total of ${fromCents(totalCents)}. Lower the amounts on its Apply lines.`,
      );
    }
    line.fields.amount = fromCents(amountCents);
    line.fields.due = fromCents(dueCents);
    invoice.fields.amountremaining = fromCents(dueCents - amountCents);
    invoice.fields.amountpaid = fromCents(toCents(num(invoice.fields.total)) - (dueCents - amountCents));
    changed.push(invoice);
  }
  memo.sublists.apply = (memo.sublists.apply ?? []).filter((l) => l.fields.apply === true);
  memo.fields.applied = fromCents(appliedCents);
  memo.fields.unapplied = fromCents(totalCents - appliedCents);
  return changed;
}

/** The apply list a new customer payment (invoices that owe) or customer refund (credit memos with credit left) starts with. */
export function entityApplyLines(store: RecordStore, type: 'customerpayment' | 'customerrefund', customer: FieldValue): StoredLine[] {
  const open =
    type === 'customerpayment'
      ? store.all('invoice').filter((inv) => num(inv.fields.amountremaining) > 0).map((doc) => ({ doc, due: doc.fields.amountremaining }))
      : store.all('creditmemo').filter((cm) => num(cm.fields.unapplied) > 0).map((doc) => ({ doc, due: doc.fields.unapplied }));
  return open
    .filter(({ doc }) => String(doc.fields.entity ?? '') === String(customer))
    .map(({ doc, due }) => ({
      fields: { doc: String(doc.id), apply: false, amount: null, due: due ?? 0, total: doc.fields.total ?? 0, refnum: doc.fields.tranid ?? null },
    }));
}

/**
 * Applies a new customer payment's or customer refund's ticked lines (see the module comment): the
 * documents it changes, to be stored with it.
 */
export function applyEntityPayment(
  store: RecordStore,
  type: 'customerpayment' | 'customerrefund',
  data: { fields: Fields; sublists: Record<string, StoredLine[]> },
): StoredRecord[] {
  const docType = type === 'customerpayment' ? 'invoice' : 'creditmemo';
  const dueField = type === 'customerpayment' ? 'amountremaining' : 'unapplied';
  const ticked = (data.sublists.apply ?? []).filter((l) => l.fields.apply === true);
  if (type === 'customerrefund' && ticked.length === 0) {
    throw new SuiteScriptError(NS.USER_ERROR, 'You must apply at least one credit: tick a credit memo on the Credits (apply) list of the customer refund.');
  }
  let appliedCents = 0;
  const changed: StoredRecord[] = [];
  for (const line of ticked) {
    const doc = store.get(docType, Number(line.fields.doc));
    if (!doc) throw new SuiteScriptError(NS.INVALID_KEY_OR_REF, `Invalid doc reference key ${String(line.fields.doc)}.`);
    const dueCents = toCents(num(doc.fields[dueField]));
    const amountCents = line.fields.amount === null || line.fields.amount === undefined ? dueCents : toCents(num(line.fields.amount));
    if (amountCents <= 0 || amountCents > dueCents) {
      throw new SuiteScriptError(
        NS.USER_ERROR,
        `You cannot apply ${fromCents(amountCents)} to ${docType === 'invoice' ? 'invoice' : 'credit memo'} ${doc.id}: ${fromCents(dueCents)} is due on it. Lower the amount on its Apply line.`,
      );
    }
    appliedCents += amountCents;
    line.fields.amount = fromCents(amountCents);
    line.fields.due = fromCents(dueCents);
    doc.fields[dueField] = fromCents(dueCents - amountCents);
    if (docType === 'invoice') {
      doc.fields.amountpaid = fromCents(toCents(num(doc.fields.amountpaid)) + amountCents);
    } else {
      doc.fields.applied = fromCents(toCents(num(doc.fields.applied)) + amountCents);
    }
    changed.push(doc);
  }
  data.sublists.apply = ticked;
  if (type === 'customerrefund') {
    data.fields.total = fromCents(appliedCents);
  } else {
    const paymentCents = toCents(num(data.fields.payment));
    if (appliedCents > paymentCents) {
      throw new SuiteScriptError(
        NS.USER_ERROR,
        `The payment applies ${fromCents(appliedCents)}, more than its amount of ${fromCents(paymentCents)}. Raise the Payment Amount or lower the Apply lines.`,
      );
    }
    data.fields.total = fromCents(paymentCents);
    data.fields.applied = fromCents(appliedCents);
    data.fields.unapplied = fromCents(paymentCents - appliedCents);
  }
  return changed;
}
