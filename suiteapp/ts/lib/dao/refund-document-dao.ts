/**
 * The NetSuite documents of TikTok refunds (transaction: load 10, transform 10, save 20; SuiteQL 10;
 * lookupFields 1). Fields and lines: mappers/refund-document-mapper.ts; the sales order's refund lines:
 * mappers/sales-order-mapper.ts#refundReductionWrites.
 *
 * What NetSuite answers, and what it means here:
 * - the transform fails with INVALID_INITIALIZE_REF when the source cannot be credited now (an RMA
 *   pending approval or closed) → `refused`, with NetSuite's message;
 * - the save fails with DUP_RCRD when a document with our externalid `tts_rf_<shopId>_<refundId>`
 *   exists (an earlier call saved it and stopped before recording it) → `exists`, the one saved.
 * - a customer refund (externalid `tts_rfp_<shopId>_<refundId>`) is refused with USER_ERROR when it
 *   lacks its account or payment method or pays out more than the credit → `refused`, with the fix.
 */
import type { RefundPlan } from '../../../../shared-types/src/refunds/refund-plan';
import type { RefundDocumentType } from '../../../../shared-types/src/refunds/refunds-upsert';
import type { LineWrite, SublistId } from '../mappers/record-declaration';
import type { BillRow } from '../mappers/refund-document-mapper';
import {
  CUSTOMER_REFUND,
  CUSTOMER_REFUND_BY_EXTERNAL_ID,
  BILLS_OF_SALES_ORDER,
  billFromRow,
  CASH_REFUND,
  CASH_SALE,
  CREDIT_MEMO,
  documentBodyWrites,
  documentLineWrites,
  documentTaxDetailsWrite,
  INVOICE,
  invoiceBalance,
  lineTaxDetailsReference,
  REFUND_DOCUMENT_BY_EXTERNAL_ID,
  taxDetailLineIndexes,
} from '../mappers/refund-document-mapper';
import { PAYMENT_METHOD } from '../mappers/payment-method-mapper';
import { RETURN_AUTHORIZATION } from '../mappers/return-authorization-mapper';
import { refundReductionOf, refundReductionWrites, SALES_ORDER } from '../mappers/sales-order-mapper';
import { idOf, numberOf, selectIdOf, textOf } from '../mappers/values';
import { errorMessage, errorName, isDuplicateRecord } from '../platform/errors';
import type { NetSuiteRecord } from './netsuite-record';
import {
  createRecord,
  loadRecord,
  lookupColumns,
  readerOf,
  removeLines,
  saveRecord,
  setBodyFields,
  transformRecord,
  writeRecord,
} from './netsuite-record';
import { runQuery } from './suiteql';

/** The invoices and cash sales made from the sales order, oldest first (10 units). */
export function findBills(salesOrderId: string): BillRow[] {
  return runQuery(BILLS_OF_SALES_ORDER, [salesOrderId]).flatMap((row) => billFromRow(row) ?? []);
}

/** The invoice's customer and what it still owes (load, 10 units). */
export function readInvoiceBalance(
  invoiceId: string,
  currency: string,
): { customerId: string; amountRemainingMinor: number } {
  return invoiceBalance(readerOf(loadRecord(INVOICE.recordType, invoiceId)), currency);
}

/** The refund document with this externalid (10 units), or null. */
export function findRefundDocument(externalId: string): { id: string; type: RefundDocumentType } | null {
  const [row] = runQuery(REFUND_DOCUMENT_BY_EXTERNAL_ID, [externalId]);
  const id = idOf(row?.id);
  if (row === undefined || id === null) return null;
  return { id, type: textOf(row.type) === 'CashRfnd' ? 'cashrefund' : 'creditmemo' };
}

export type DocumentCreation =
  | { kind: 'created' | 'exists'; id: string; type: RefundDocumentType; totalMinor: number }
  | { kind: 'refused'; name: string; message: string };

function sourceOf(plan: RefundPlan) {
  const doc = plan.document;
  if (doc.kind === 'credit_memo') {
    return doc.from.type === 'returnauthorization'
      ? {
          from: RETURN_AUTHORIZATION.recordType,
          id: doc.from.id,
          to: RETURN_AUTHORIZATION.transforms.creditMemo,
          declaration: CREDIT_MEMO,
        }
      : {
          from: INVOICE.recordType,
          id: doc.invoiceId,
          to: INVOICE.transforms.creditMemo,
          declaration: CREDIT_MEMO,
        };
  }
  if (doc.kind === 'cash_refund') {
    return doc.from.type === 'returnauthorization'
      ? {
          from: RETURN_AUTHORIZATION.recordType,
          id: doc.from.id,
          to: RETURN_AUTHORIZATION.transforms.cashRefund,
          declaration: CASH_REFUND,
        }
      : {
          from: CASH_SALE.recordType,
          id: doc.from.id,
          to: CASH_SALE.transforms.cashRefund,
          declaration: CASH_REFUND,
        };
  }
  return null;
}

/** The document's total in minor units (lookupFields, 1 unit). */
function totalOf(type: RefundDocumentType, id: string, exponent: number): number {
  const declaration = type === 'cashrefund' ? CASH_REFUND : CREDIT_MEMO;
  const values = lookupColumns(declaration.recordType, id, [declaration.search.columns.total]);
  return Math.round(Math.abs(numberOf(values[declaration.search.columns.total])) * 10 ** exponent);
}

/**
 * Ticks the invoice on the credit memo's apply list (NetSuite lists the customer's open invoices) with
 * no amount: NetSuite applies the lesser of what the invoice owes and the credit memo's total, so a
 * document that differs from the plan by a few cents (NetSuite's own tax) still applies in full.
 */
function applyToInvoice(rec: NetSuiteRecord, plan: RefundPlan): void {
  const doc = plan.document;
  if (doc.kind !== 'credit_memo') return;
  const apply = CREDIT_MEMO.sublists.apply;
  const reader = readerOf(rec);
  const lines = Array.from({ length: reader.lineCount(apply.id) }, (_, line) => {
    const mine = String(reader.lineValue(apply.id, apply.fields.doc, line) ?? '') === doc.invoiceId;
    const fields: LineWrite[] = [[apply.fields.apply, mine]];
    return { line, fields };
  });
  writeRecord(rec, { body: [], sublists: [{ sublistId: apply.id, lines }], subrecords: [] });
}

/**
 * Transforms the source (RMA, invoice or cash sale) into the credit memo or cash refund, replaces its
 * lines with the plan's, sets shipping and externalid, applies a credit memo to the invoice, saves
 * (30 units + 1 for the total read back). The tax is written as the plan's booking gives it, as the
 * order import writes a sales order's (refund-plan.ts#RefundTaxPlan): US legacy `istaxable` and the
 * rate at which NetSuite's tax is TikTok's; VAT each line's tax code and VAT-inclusive `grossamt`;
 * SuiteTax Tax Details Override with the plan's tax details, on the references NetSuite gave the new
 * lines (the transform's own tax details are removed with its lines).
 */
export function createRefundDocument(plan: RefundPlan, exponent: number): DocumentCreation {
  const source = sourceOf(plan);
  if (source === null)
    throw new Error('createRefundDocument: the plan reduces the sales order; use reduceSalesOrder');
  const type: RefundDocumentType = source.declaration === CASH_REFUND ? 'cashrefund' : 'creditmemo';
  let rec: NetSuiteRecord;
  try {
    rec = transformRecord(source.from, source.id, source.to);
  } catch (e) {
    if (errorName(e) === 'INVALID_INITIALIZE_REF')
      return { kind: 'refused', name: errorName(e), message: errorMessage(e) };
    throw e;
  }
  const itemId = source.declaration.sublists.item.id;
  const detailsId = source.declaration.sublists.taxDetails.id;
  const all = (sublistId: SublistId): number[] =>
    Array.from({ length: readerOf(rec).lineCount(sublistId) }, (_, i) => i);
  const suiteTaxDetails = plan.tax !== null && plan.tax.taxDetailsOverride;
  if (suiteTaxDetails) removeLines(rec, detailsId, all(detailsId));
  removeLines(rec, itemId, all(itemId));
  setBodyFields(rec, documentBodyWrites(source.declaration, plan));
  writeRecord(rec, {
    body: [],
    sublists: [
      {
        sublistId: itemId,
        lines: plan.lines.map((line, index) => ({
          line: index,
          fields: documentLineWrites(source.declaration, plan, line, plan.tax?.lines[index] ?? {}),
        })),
      },
    ],
    subrecords: [],
  });
  if (suiteTaxDetails) {
    // SuiteTax: the tax details point to the references NetSuite gave the lines just written.
    const reader = readerOf(rec);
    const references = new Map(
      taxDetailLineIndexes(plan).map(
        (line) => [line, lineTaxDetailsReference(source.declaration, reader, line)] as const,
      ),
    );
    writeRecord(rec, documentTaxDetailsWrite(source.declaration, plan, references));
  }
  applyToInvoice(rec, plan);
  let id: string;
  try {
    id = saveRecord(rec);
  } catch (e) {
    if (!isDuplicateRecord(e)) throw e;
    const saved = findRefundDocument(plan.externalId);
    if (saved === null) throw e;
    return {
      kind: 'exists',
      id: saved.id,
      type: saved.type,
      totalMinor: totalOf(saved.type, saved.id, exponent),
    };
  }
  return { kind: 'created', id, type, totalMinor: totalOf(type, id, exponent) };
}

/**
 * Design (a): adds the refund's lines to the sales order and lowers its shipping cost (load 10 + save
 * 20). A sales order that already names the refund on a line is left as it is (`exists`).
 */
export function reduceSalesOrder(plan: RefundPlan): { kind: 'created' | 'exists'; id: string } {
  if (plan.document.kind !== 'sales_order_reduction')
    throw new Error('reduceSalesOrder: the plan makes a document');
  const id = plan.document.salesOrderId;
  const rec = loadRecord(SALES_ORDER.recordType, id);
  const state = refundReductionOf(readerOf(rec), plan.refundId);
  if (state.applied) return { kind: 'exists', id };
  writeRecord(rec, refundReductionWrites(plan, state.lineCount, state.shippingMinor(plan.currency)));
  saveRecord(rec);
  return { kind: 'created', id };
}

export type CustomerRefundOutcome =
  | { kind: 'none' }
  | { kind: 'created' | 'exists'; id: string; amountMinor: number }
  | { kind: 'refused'; message: string };

function findCustomerRefund(externalId: string): string | null {
  const [row] = runQuery(CUSTOMER_REFUND_BY_EXTERNAL_ID, [externalId]);
  return idOf(row?.id);
}

/** The payment method of the sales order and the account it deposits to (2 lookups, 1 unit each). */
function payingAccount(
  salesOrderId: string,
): { paymentMethod: string; account: string } | { problem: string } {
  const order = lookupColumns(SALES_ORDER.recordType, salesOrderId, [
    SALES_ORDER.search.columns.paymentMethod,
  ]);
  const paymentMethod = selectIdOf(order[SALES_ORDER.search.columns.paymentMethod]);
  if (paymentMethod === null) {
    return {
      problem: `sales order ${salesOrderId} has no payment method, so NetSuite cannot tell which account pays the refund. Fix: set the sales order's Payment Method (the shop's Payment Method Map gives it at import), then retry the refund.`,
    };
  }
  const cols = PAYMENT_METHOD.search.columns;
  const method = lookupColumns(PAYMENT_METHOD.recordType, paymentMethod, [cols.account, cols.name]);
  const account = selectIdOf(method[cols.account]);
  if (account === null) {
    const name = textOf(method[cols.name]) ?? paymentMethod;
    return {
      problem: `payment method ${name} (of sales order ${salesOrderId}) groups with Undeposited Funds and names no account, and a customer refund must be paid from an account. Fix: Setup > Accounting > Accounting Lists > Payment Method ${name}: clear Group with Undeposited Funds and set the Account TikTok payouts reach (a TikTok clearing or bank account), then retry the refund.`,
    };
  }
  return { paymentMethod, account };
}

/**
 * Pays out what is left of the credit memo's credit (the invoice was paid before the refund) with a
 * customer refund for the customer, once: `none` when the credit memo has no credit left, `exists` when
 * the customer refund with `externalId` was saved before. Units: credit memo load 10 (all an open
 * invoice's refund costs here), find 10, 2 lookups, create 10 + save 20 (+ find 10 after DUP_RCRD).
 */
export function payOutCredit(
  creditMemoId: string,
  salesOrderId: string,
  externalId: string,
  memo: string,
  exponent: number,
): CustomerRefundOutcome {
  const scale = 10 ** exponent;
  // The credit left first: none when the invoice took it all (or a customer refund paid it out already).
  const credit = readerOf(loadRecord(CREDIT_MEMO.recordType, creditMemoId));
  const leftMinor = Math.round(numberOf(credit.value(CREDIT_MEMO.body.unapplied)) * scale);
  const customer = idOf(credit.value(CREDIT_MEMO.body.entity));
  if (leftMinor <= 0 || customer === null) return { kind: 'none' };
  const before = findCustomerRefund(externalId);
  if (before !== null) return { kind: 'exists', id: before, amountMinor: 0 };
  const paying = payingAccount(salesOrderId);
  if ('problem' in paying)
    return { kind: 'refused', message: `The customer refund was not made: ${paying.problem}` };
  const rec = createRecord(CUSTOMER_REFUND.recordType, [[CUSTOMER_REFUND.createDefaults.entity, customer]]);
  const apply = CUSTOMER_REFUND.sublists.apply;
  const reader = readerOf(rec);
  const line = Array.from({ length: reader.lineCount(apply.id) }, (_, i) => i).find(
    (i) => String(reader.lineValue(apply.id, apply.fields.doc, i) ?? '') === creditMemoId,
  );
  if (line === undefined) {
    return {
      kind: 'refused',
      message: `The customer refund was not made: NetSuite lists no credit of credit memo ${creditMemoId} for customer ${customer}. Fix: open the credit memo; if its credit was applied or refunded by hand, nothing is left to pay out.`,
    };
  }
  const b = CUSTOMER_REFUND.body;
  writeRecord(rec, {
    body: [
      [b.account, paying.account],
      [b.paymentMethod, paying.paymentMethod],
      [b.externalId, externalId],
      [b.memo, memo.slice(0, 999)],
    ],
    sublists: [
      {
        sublistId: apply.id,
        lines: [
          {
            line,
            fields: [
              [apply.fields.apply, true],
              [apply.fields.amount, Number((leftMinor / scale).toFixed(exponent))],
            ],
          },
        ],
      },
    ],
    subrecords: [],
  });
  try {
    return { kind: 'created', id: saveRecord(rec), amountMinor: leftMinor };
  } catch (e) {
    if (isDuplicateRecord(e)) {
      const saved = findCustomerRefund(externalId);
      if (saved !== null) return { kind: 'exists', id: saved, amountMinor: 0 };
    }
    if (errorName(e) === 'USER_ERROR' || errorName(e) === 'INVALID_KEY_OR_REF')
      return {
        kind: 'refused',
        message: `NetSuite refused the customer refund: ${errorName(e)}: ${errorMessage(e)}`,
      };
    throw e;
  }
}
