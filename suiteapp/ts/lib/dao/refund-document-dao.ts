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
 */
import type { RefundPlan } from '../../../../shared-types/src/refunds/refund-plan';
import type { RefundDocumentType } from '../../../../shared-types/src/refunds/refunds-upsert';
import type { LineWrite } from '../mappers/record-declaration';
import type { BillRow } from '../mappers/refund-document-mapper';
import {
  BILLS_OF_SALES_ORDER,
  billFromRow,
  CASH_REFUND,
  CASH_SALE,
  CREDIT_MEMO,
  documentBodyWrites,
  documentLineWrites,
  INVOICE,
  invoiceBalance,
  REFUND_DOCUMENT_BY_EXTERNAL_ID,
  transformedTaxCodes,
} from '../mappers/refund-document-mapper';
import { RETURN_AUTHORIZATION } from '../mappers/return-authorization-mapper';
import { refundReductionOf, refundReductionWrites, SALES_ORDER } from '../mappers/sales-order-mapper';
import { idOf, numberOf, textOf } from '../mappers/values';
import { errorMessage, errorName, isDuplicateRecord } from '../platform/errors';
import type { NetSuiteRecord } from './netsuite-record';
import {
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

/** Ticks the invoice on the credit memo's apply list with the planned amount (NetSuite lists the customer's open invoices). */
function applyToInvoice(rec: NetSuiteRecord, plan: RefundPlan, money: (minor: number) => number): void {
  const doc = plan.document;
  if (doc.kind !== 'credit_memo') return;
  const apply = CREDIT_MEMO.sublists.apply;
  const reader = readerOf(rec);
  const lines = Array.from({ length: reader.lineCount(apply.id) }, (_, line) => {
    const mine =
      String(reader.lineValue(apply.id, apply.fields.doc, line) ?? '') === doc.invoiceId &&
      doc.applyMinor > 0;
    const fields: LineWrite[] = [[apply.fields.apply, mine]];
    if (mine) fields.push([apply.fields.amount, money(doc.applyMinor)]);
    return { line, fields };
  });
  writeRecord(rec, { body: [], sublists: [{ sublistId: apply.id, lines }], subrecords: [] });
}

/**
 * Transforms the source (RMA, invoice or cash sale) into the credit memo or cash refund, replaces its
 * lines with the plan's, sets shipping and externalid, applies a credit memo to the invoice, saves
 * (30 units + 1 for the total read back). `lineTaxCodes`: the account books a tax code per line (VAT,
 * SuiteTax), so each new line takes the code of the line it refunds; US legacy tax has no line code.
 */
export function createRefundDocument(
  plan: RefundPlan,
  exponent: number,
  lineTaxCodes: boolean,
): DocumentCreation {
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
  const money = (minor: number): number => Number((minor / 10 ** exponent).toFixed(exponent));
  const itemId = source.declaration.sublists.item.id;
  const codes = lineTaxCodes
    ? transformedTaxCodes(source.declaration, readerOf(rec))
    : { byUnit: new Map<string, string>(), first: null };
  removeLines(
    rec,
    itemId,
    Array.from({ length: readerOf(rec).lineCount(itemId) }, (_, i) => i),
  );
  setBodyFields(rec, documentBodyWrites(source.declaration, plan));
  writeRecord(rec, {
    body: [],
    sublists: [
      {
        sublistId: itemId,
        lines: plan.lines.map((line, index) => ({
          line: index,
          fields: documentLineWrites(
            source.declaration,
            plan,
            line,
            codes.byUnit.get(line.tiktokLineIds[0] ?? '') ?? codes.first,
          ),
        })),
      },
    ],
    subrecords: [],
  });
  applyToInvoice(rec, plan, money);
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
