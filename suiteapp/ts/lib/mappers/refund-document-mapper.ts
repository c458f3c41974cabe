/**
 * The records a TikTok refund is booked with (shared-types/src/refunds/refund-plan.ts): the bills of a
 * sales order it reads (invoice, cash sale: records.json, the invoice's item sublist and its transform
 * to a credit memo from suiteapp/reference/netsuite-records/supplement.json) and the documents it makes
 * (credit memo with its `apply` list, cash refund: records.json; the customer refund that pays out a
 * credit memo's unapplied credit, with its `apply` list from supplement.json, paid from the account of
 * the sales order's payment method). Each refund document's lines are the
 * plan's lines: item lines at the custom price with the refunded TikTok unit ids, discount, fee and tax
 * lines as amounts; the refunded shipping as the document's shipping cost. Tax fields as the order
 * import writes them on a sales order (mappers/sales-order-mapper.ts, the plan's `tax`), each only in
 * the accounts whose tax engine has it: US legacy `istaxable`, `taxitem`, `taxrate`; VAT the line
 * `taxcode`, `grossamt`, `tax1amt` and `shippingtaxcode` (supplement.json creditmemo-item-tax-vat,
 * cashrefund-item-tax1amt); SuiteTax `taxdetailsoverride` and the `taxdetails` lines pointing to the
 * item lines' `taxdetailsreference` (creditmemo-item-tax-suitetax, cashrefund-item-taxdetailsreference).
 */
import type { LineTax } from '../../../../shared-types/src/orders/order-tax-booking';
import type { RefundLinePlan, RefundPlan } from '../../../../shared-types/src/refunds/refund-plan';
import { currencyExponent, toNetSuiteAmount } from '../../../../shared-types/src/money/money';
import type { BodyWrite, LineWrite, RecordReader, RecordWrite, Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, numberOf, textOf } from './values';

const DOCUMENT_LINE_FIELDS = {
  item: 'item',
  quantity: 'quantity',
  price: 'price',
  rate: 'rate',
  amount: 'amount',
  isTaxable: 'istaxable',
  taxCode: 'taxcode',
  grossAmt: 'grossamt',
  tax1Amt: 'tax1amt',
  taxDetailsReference: 'taxdetailsreference',
  description: 'description',
  tiktokLineIds: 'custcol_tts_line_ids',
} as const;

/** SuiteTax tax details (records.json: creditmemo and cashrefund `taxdetails`). */
const TAX_DETAILS_SUBLIST = {
  id: 'taxdetails',
  fields: {
    taxDetailsReference: 'taxdetailsreference',
    taxType: 'taxtype',
    taxCode: 'taxcode',
    taxBasis: 'taxbasis',
    taxRate: 'taxrate',
    taxAmount: 'taxamount',
  },
} as const;

/** The tax body fields a refund document shares with the sales order (records.json). */
const DOCUMENT_TAX_BODY = {
  isTaxable: 'istaxable',
  taxItem: 'taxitem',
  taxRate: 'taxrate',
  taxDetailsOverride: 'taxdetailsoverride',
  shippingTaxCode: 'shippingtaxcode',
} as const;

export const INVOICE = declareRecord({
  recordType: 'invoice',
  body: { entity: 'entity', amountRemaining: 'amountremaining', total: 'total' },
  transforms: { creditMemo: 'creditmemo' },
  suiteql: { table: 'transaction', columns: { id: 'id', type: 'type' } },
});

/** The bills' main lines: SuiteQL has no `transaction.createdfrom`; `transactionline` has it (sandbox/netsuite/src/data/query/view-model.ts). */
export const INVOICE_LINE = declareRecord({
  recordType: 'invoice',
  suiteql: {
    table: 'transactionline',
    columns: { transaction: 'transaction', mainline: 'mainline', createdFrom: 'createdfrom' },
  },
});

export const CASH_SALE = declareRecord({
  recordType: 'cashsale',
  body: { total: 'total' },
  transforms: { cashRefund: 'cashrefund' },
});

export const CREDIT_MEMO = declareRecord({
  recordType: 'creditmemo',
  body: {
    entity: 'entity',
    unapplied: 'unapplied',
    externalId: 'externalid',
    memo: 'memo',
    shipMethod: 'shipmethod',
    shippingCost: 'shippingcost',
    ...DOCUMENT_TAX_BODY,
  },
  sublists: {
    item: { id: 'item', fields: DOCUMENT_LINE_FIELDS },
    apply: { id: 'apply', fields: { doc: 'doc', apply: 'apply', amount: 'amount' } },
    taxDetails: TAX_DETAILS_SUBLIST,
  },
  search: { columns: { total: 'total' } },
  suiteql: { table: 'transaction', columns: { id: 'id', type: 'type', externalId: 'externalid' } },
});

export const CASH_REFUND = declareRecord({
  recordType: 'cashrefund',
  body: {
    externalId: 'externalid',
    memo: 'memo',
    shipMethod: 'shipmethod',
    shippingCost: 'shippingcost',
    ...DOCUMENT_TAX_BODY,
  },
  sublists: { item: { id: 'item', fields: DOCUMENT_LINE_FIELDS }, taxDetails: TAX_DETAILS_SUBLIST },
  search: { columns: { total: 'total' } },
  suiteql: { table: 'transaction', columns: { id: 'id', type: 'type', externalId: 'externalid' } },
});

/**
 * The customer refund that pays out a credit memo's credit when the invoice was paid: created for the
 * customer (the `entity` initialization default lists the customer's credits on `apply`), one credit
 * ticked, paid from `account` with `paymentmethod` (both required: records.json).
 */
export const CUSTOMER_REFUND = declareRecord({
  recordType: 'customerrefund',
  createDefaults: { entity: 'entity' },
  body: {
    account: 'account',
    paymentMethod: 'paymentmethod',
    externalId: 'externalid',
    memo: 'memo',
  },
  sublists: { apply: { id: 'apply', fields: { doc: 'doc', apply: 'apply', amount: 'amount' } } },
  suiteql: { table: 'transaction', columns: { id: 'id', type: 'type', externalId: 'externalid' } },
});

/** The customer refund with this externalid (one parameter). */
export const CUSTOMER_REFUND_BY_EXTERNAL_ID: Sql = sql`SELECT ${CUSTOMER_REFUND.suiteql.columns.id} AS id FROM ${CUSTOMER_REFUND.suiteql.table} WHERE ${CUSTOMER_REFUND.suiteql.columns.type} = 'CustRfnd' AND ${CUSTOMER_REFUND.suiteql.columns.externalId} = ?`;

const bill = INVOICE.suiteql.columns;
const billLine = INVOICE_LINE.suiteql.columns;

/** The bills (invoices, cash sales) made from the sales order (one parameter), oldest first. */
export const BILLS_OF_SALES_ORDER: Sql = sql`SELECT t.${bill.id} AS id, t.${bill.type} AS type FROM ${INVOICE.suiteql.table} t JOIN ${INVOICE_LINE.suiteql.table} tl ON tl.${billLine.transaction} = t.${bill.id} WHERE tl.${billLine.mainline} = 'T' AND tl.${billLine.createdFrom} = ? AND t.${bill.type} IN ('CustInvc', 'CashSale') ORDER BY t.${bill.id} ASC`;

/** The refund document (credit memo or cash refund) with this externalid (one parameter). */
export const REFUND_DOCUMENT_BY_EXTERNAL_ID: Sql = sql`SELECT ${CREDIT_MEMO.suiteql.columns.id} AS id, ${CREDIT_MEMO.suiteql.columns.type} AS type FROM ${CREDIT_MEMO.suiteql.table} WHERE ${CREDIT_MEMO.suiteql.columns.type} IN ('CustCred', 'CashRfnd') AND ${CREDIT_MEMO.suiteql.columns.externalId} = ?`;

export interface BillRow {
  id: string;
  kind: 'invoice' | 'cash_sale';
}

export function billFromRow(row: Row): BillRow | null {
  const id = idOf(row.id);
  const type = textOf(row.type);
  if (id === null) return null;
  if (type === 'CustInvc') return { id, kind: 'invoice' };
  if (type === 'CashSale') return { id, kind: 'cash_sale' };
  return null;
}

/** An invoice's customer and what it still owes, in minor units. */
export function invoiceBalance(
  rec: RecordReader,
  currency: string,
): { customerId: string; amountRemainingMinor: number } {
  const scale = 10 ** currencyExponent(currency);
  return {
    customerId: idOf(rec.value(INVOICE.body.entity)) ?? '',
    amountRemainingMinor: Math.round(numberOf(rec.value(INVOICE.body.amountRemaining)) * scale),
  };
}

/** The custom price level: the rate is set, not taken from a price level. */
const CUSTOM_PRICE = '-1';

type DocumentDeclaration = typeof CREDIT_MEMO | typeof CASH_REFUND;

/**
 * A planned line as the document's item line writes, with its tax as the plan's booking gives it
 * (`tax`, as the order import writes a sales order line: sales-order-mapper.ts#amountWrites): the tax
 * code first (NetSuite recomputes a line's tax from its amount when the code changes, so what is
 * written after it stands), then the VAT-inclusive `grossamt`, or the net `amount` with its
 * `tax1amt`, or rate and amount; `istaxable` in US legacy tax.
 */
export function documentLineWrites(
  declaration: DocumentDeclaration,
  plan: Pick<RefundPlan, 'currency'>,
  line: RefundLinePlan,
  tax: LineTax,
): LineWrite[] {
  const f = declaration.sublists.item.fields;
  const money = (minor: number): number => toNetSuiteAmount(minor, plan.currency);
  const writes: LineWrite[] = [[f.item, line.itemId]];
  if (line.quantity !== null) writes.push([f.quantity, line.quantity]);
  writes.push([f.price, CUSTOM_PRICE]);
  if (tax.taxCodeId !== undefined) writes.push([f.taxCode, tax.taxCodeId]);
  if (tax.grossMinor !== undefined) {
    writes.push([f.grossAmt, money(tax.grossMinor)]);
  } else if (tax.netMinor !== undefined) {
    writes.push([f.amount, money(tax.netMinor)]);
  } else {
    // The rate first (rounded to the minor unit when the units do not share the amount evenly), then
    // the exact amount: NetSuite keeps an amount written after the rate.
    const units = line.quantity !== null && line.quantity > 0 ? line.quantity : 1;
    writes.push([f.rate, money(Math.round(line.amountMinor / units))]);
    writes.push([f.amount, money(line.amountMinor)]);
  }
  if (tax.taxable !== undefined) writes.push([f.isTaxable, tax.taxable]);
  if (tax.tax1Minor !== undefined) writes.push([f.tax1Amt, money(tax.tax1Minor)]);
  writes.push([f.description, line.description]);
  if (line.tiktokLineIds.length > 0 && line.kind === 'item')
    writes.push([f.tiktokLineIds, line.tiktokLineIds.join(',')]);
  return writes;
}

/**
 * The document's body writes: externalid, memo, the tax body fields of the plan's booking (each only
 * when the booking sets it, so only where the account's tax engine has it) and the refunded shipping.
 */
export function documentBodyWrites(declaration: DocumentDeclaration, plan: RefundPlan): BodyWrite[] {
  const b = declaration.body;
  const writes: BodyWrite[] = [
    [b.externalId, plan.externalId],
    [b.memo, plan.memo.slice(0, 999)],
  ];
  const tax = plan.tax;
  if (tax !== null) {
    if (tax.taxable !== null) writes.push([b.isTaxable, tax.taxable]);
    if (tax.taxItemId !== null) writes.push([b.taxItem, tax.taxItemId]);
    if (tax.taxRate !== null) writes.push([b.taxRate, tax.taxRate]);
    if (tax.taxDetailsOverride) writes.push([b.taxDetailsOverride, true]);
  }
  if (plan.shippingMinor > 0 && plan.shippingItemId !== null)
    writes.push([b.shipMethod, plan.shippingItemId]);
  writes.push([b.shippingCost, toNetSuiteAmount(plan.shippingMinor, plan.currency)]);
  if (tax !== null && tax.shippingTaxCodeId !== null && plan.shippingMinor > 0)
    writes.push([b.shippingTaxCode, tax.shippingTaxCodeId]);
  return writes;
}

/** NetSuite's reference of the shipping charge in tax details (SuiteTax). */
const SHIPPING_REFERENCE = 'SHIPPING';

/** The document lines whose `taxdetailsreference` the plan's tax details point to (SuiteTax). */
export function taxDetailLineIndexes(plan: RefundPlan): number[] {
  const indexes = (plan.tax?.details ?? []).map((d) => d.lineIndex);
  return [...new Set(indexes.filter((i): i is number => i !== null))];
}

/** The reference NetSuite gave a document line (read before the tax details are written). */
export function lineTaxDetailsReference(
  declaration: DocumentDeclaration,
  rec: RecordReader,
  line: number,
): string {
  const item = declaration.sublists.item;
  return textOf(rec.lineValue(item.id, item.fields.taxDetailsReference, line)) ?? '';
}

/**
 * The SuiteTax tax details under Tax Details Override, each on the `taxdetailsreference` NetSuite gave
 * its document line (`references`: line index → reference) or on SHIPPING; lines written from 0 after
 * the transform's own tax details were removed.
 */
export function documentTaxDetailsWrite(
  declaration: DocumentDeclaration,
  plan: RefundPlan,
  references: ReadonlyMap<number, string>,
): RecordWrite {
  const money = (minor: number): number => toNetSuiteAmount(minor, plan.currency);
  const d = declaration.sublists.taxDetails;
  const lines = (plan.tax?.details ?? []).map(({ lineIndex, detail }, line) => {
    const reference = lineIndex === null ? SHIPPING_REFERENCE : (references.get(lineIndex) ?? '');
    const fields: LineWrite[] = [
      [d.fields.taxDetailsReference, reference],
      ...(detail.taxTypeId === null ? [] : [[d.fields.taxType, detail.taxTypeId] as const]),
      [d.fields.taxCode, detail.taxCodeId],
      [d.fields.taxBasis, money(detail.basisMinor)],
      [d.fields.taxRate, detail.ratePercent],
      [d.fields.taxAmount, money(detail.amountMinor)],
    ];
    return { line, fields };
  });
  return {
    body: [],
    sublists: lines.length === 0 ? [] : [{ sublistId: d.id, lines }],
    subrecords: [],
  };
}
