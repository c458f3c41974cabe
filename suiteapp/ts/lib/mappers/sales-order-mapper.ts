/**
 * Sales orders: the order the import creates from a plan, what the tie-out reads back, what the
 * order updates load and change, and what the sales order user event reads for the outbox.
 *
 * Fields of the records catalogue (`suiteapp/reference/netsuite-records/`) for the account's tax
 * engine, each written only where the tax case needs it (shared-types/src/orders/order-tax-booking.ts): US
 * legacy tax `istaxable`, `taxitem`, `taxrate`; non-US legacy tax (VAT) the line `taxcode`,
 * `grossamt`, `tax1amt` and `shippingtaxcode`; SuiteTax `taxdetailsoverride` and the `taxdetails`
 * lines, which point to item lines by the `taxdetailsreference` NetSuite gives them. Shipping is `shipmethod` (the shop's shipping
 * item) + `shippingcost`, not an item line: a shipping item is not an item-sublist item,
 * `shippingcost` overrides the ship item's rate table with exactly TikTok's fee, and the item
 * sublist stays one line per TikTok SKU/price so fulfillments map back to TikTok line ids.
 */
import type {
  CancelAnswerState,
  CancelRequestFields,
} from '../../../../shared-types/src/cancellations/buyer-cancel-request';
import { cancelReasonCodeOf } from '../../../../shared-types/src/cancellations/cancel-reason-choice';
import { currencyExponent, toNetSuiteAmount } from '../../../../shared-types/src/money/money';
import type { RefundPlan } from '../../../../shared-types/src/refunds/refund-plan';
import type { CalendarDate } from '../../../../shared-types/src/time/order-dates';
import { dateParts, SERVER_TIME_ZONE } from '../../../../shared-types/src/time/order-dates';
import { unixOfWallClock } from '../../../../shared-types/src/fulfillments/ship-by';
import type { SalesOrderPlan } from '../../../../shared-types/src/orders/order-plan';
import type { ReturnableOrderLine } from '../../../../shared-types/src/returns/rma-plan';
import type {
  LineTax,
  TaxDetailTarget,
  TaxEngine,
} from '../../../../shared-types/src/orders/order-tax-booking';
import type {
  OrderUpdatePlan,
  SalesOrderLineState,
  SalesOrderState,
} from '../../../../shared-types/src/updates/order-update-plan';
import type { TaxDetailState } from '../../../../shared-types/src/updates/order-update-tax';
import type {
  SalesOrderLineSnapshot,
  SalesOrderSnapshot,
} from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import {
  assignedTranId,
  normalizeSalesOrderStatus,
  parseTikTokLineIds,
} from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import { addressFromRecord, addressWrites } from './address-mapper';
import { SHOP } from './shop-mapper';
import type {
  BodyFieldId,
  BodyWrite,
  FieldValue,
  LineWrite,
  LookupValues,
  RecordReader,
  RecordWrite,
  Row,
  SubmitWrite,
} from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, numberOf, optionalNumberOf, selectIdOf, selectTextOf, textOf } from './values';

export const SALES_ORDER = declareRecord({
  recordType: 'salesorder',
  body: {
    customForm: 'customform',
    externalId: 'externalid',
    subsidiary: 'subsidiary',
    entity: 'entity',
    currency: 'currency',
    isTaxable: 'istaxable',
    taxItem: 'taxitem',
    taxRate: 'taxrate',
    taxDetailsOverride: 'taxdetailsoverride',
    shippingTaxCode: 'shippingtaxcode',
    tranDate: 'trandate',
    orderStatus: 'orderstatus',
    shipDate: 'shipdate',
    otherRefNum: 'otherrefnum',
    memo: 'memo',
    paymentMethod: 'paymentmethod',
    location: 'location',
    department: 'department',
    class: 'class',
    shipMethod: 'shipmethod',
    shippingCost: 'shippingcost',
    shippingAddress: 'shippingaddress',
    tranId: 'tranid',
    status: 'status',
    statusRef: 'statusRef',
    tiktokOrderId: 'custbody_tts_order_id',
    shop: 'custbody_tts_shop',
    tiktokTax: 'custbody_tts_tax',
    taxVariance: 'custbody_tts_tax_variance',
    tieOut: 'custbody_tts_tieout',
    sample: 'custbody_tts_sample',
    fbt: 'custbody_tts_fbt',
    replacedOrder: 'custbody_tts_replaced_order',
    replacedSalesOrder: 'custbody_tts_replaced_so',
    cancelReason: 'custbody_tts_cancel_reason',
    cancelRequestId: 'custbody_tts_cancel_req_id',
    cancelRequested: 'custbody_tts_cancel_req_time',
    cancelDeadline: 'custbody_tts_cancel_req_due',
    cancelRequestReason: 'custbody_tts_cancel_req_reason',
    cancelAnswer: 'custbody_tts_cancel_req_answer',
    cancelRejectReason: 'custbody_tts_cancel_req_reject',
    shipBy: 'custbody_tts_ship_by',
    tiktokShipping: 'custbody_tts_tiktok_ship',
    labelFile: 'custbody_tts_label_file',
    labelTracking: 'custbody_tts_label_tracking',
  },
  sublists: {
    item: {
      id: 'item',
      fields: {
        item: 'item',
        quantity: 'quantity',
        price: 'price',
        rate: 'rate',
        amount: 'amount',
        location: 'location',
        isTaxable: 'istaxable',
        taxCode: 'taxcode',
        grossAmt: 'grossamt',
        tax1Amt: 'tax1amt',
        taxDetailsReference: 'taxdetailsreference',
        description: 'description',
        isClosed: 'isclosed',
        quantityFulfilled: 'quantityfulfilled',
        line: 'line',
        tiktokLineIds: 'custcol_tts_line_ids',
      },
    },
    taxDetails: {
      id: 'taxdetails',
      fields: {
        taxDetailsReference: 'taxdetailsreference',
        taxType: 'taxtype',
        taxCode: 'taxcode',
        taxBasis: 'taxbasis',
        taxRate: 'taxrate',
        taxAmount: 'taxamount',
      },
    },
  },
  search: {
    columns: {
      total: 'total',
      shippingAmount: 'shippingamount',
      taxTotal: 'taxtotal',
      tranId: 'tranid',
      entity: 'entity',
      location: 'location',
      paymentMethod: 'paymentmethod',
    },
  },
  transforms: { itemFulfillment: 'itemfulfillment', returnAuthorization: 'returnauthorization' },
  suiteql: {
    table: 'transaction',
    columns: {
      id: 'id',
      externalId: 'externalid',
      type: 'type',
      tranId: 'tranid',
      shop: 'custbody_tts_shop',
      tiktokOrderId: 'custbody_tts_order_id',
      fbt: 'custbody_tts_fbt',
      replacedOrder: 'custbody_tts_replaced_order',
      cancelRequestId: 'custbody_tts_cancel_req_id',
      cancelRequested: 'custbody_tts_cancel_req_time',
      cancelDeadline: 'custbody_tts_cancel_req_due',
      cancelRequestReason: 'custbody_tts_cancel_req_reason',
      cancelAnswer: 'custbody_tts_cancel_req_answer',
      status: 'status',
      shipBy: 'custbody_tts_ship_by',
      tiktokShipping: 'custbody_tts_tiktok_ship',
      labelTracking: 'custbody_tts_label_tracking',
      labelFile: 'custbody_tts_label_file',
    },
  },
});

const body = SALES_ORDER.body;
const items = SALES_ORDER.sublists.item;
const f = items.fields;
const c = SALES_ORDER.suiteql.columns;

/**
 * A calendar date (the shop's, order-dates.ts) as the Date a date field stores as that day: noon of
 * it in the script's zone (Pacific on NetSuite's servers), 12 hours from either midnight.
 */
export function dayValue(date: CalendarDate): Date {
  const { year, month, day } = dateParts(date);
  return new Date(year, month - 1, day, 12);
}

/** The custom price level: the rate is set, not taken from a price level. */
const CUSTOM_PRICE = '-1';

/** The sales order with the given externalid (one parameter). */
export const SALES_ORDER_BY_EXTERNAL_ID: Sql = sql`SELECT ${c.id} AS id FROM ${SALES_ORDER.suiteql.table} WHERE ${c.type} = 'SalesOrd' AND ${c.externalId} = ?`;

/** Sales orders whose externalid is in `inList`. */
export function salesOrdersByExternalIdQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.externalId} AS externalid FROM ${SALES_ORDER.suiteql.table} WHERE ${c.type} = 'SalesOrd' AND ${c.externalId} IN (${inList})`;
}

/** A sales order with a buyer cancellation request awaiting an answer (the exceptions page). */
export interface PendingCancelRequestRow {
  salesOrderId: string;
  tranId: string | null;
  shopName: string | null;
  tiktokOrderId: string | null;
  cancelId: string;
  requested: string | null;
  deadline: string | null;
  reason: string | null;
  answered: boolean;
}

/** Sales orders showing a buyer cancellation request, the nearest deadline first. */
export function pendingCancelRequestsQuery(limit: number): Sql {
  const s = SHOP.suiteql.columns;
  return sql`SELECT t.${c.id} AS id, t.${c.tranId} AS tranid, s.${s.name} AS shop_name, t.${c.tiktokOrderId} AS order_id, t.${c.cancelRequestId} AS cancel_id, TO_CHAR(t.${c.cancelRequested}, 'YYYY-MM-DD HH24:MI') AS requested, TO_CHAR(t.${c.cancelDeadline}, 'YYYY-MM-DD HH24:MI') AS deadline, t.${c.cancelRequestReason} AS reason, t.${c.cancelAnswer} AS answer FROM ${SALES_ORDER.suiteql.table} t LEFT JOIN ${SHOP.suiteql.table} s ON s.${s.id} = t.${c.shop} WHERE t.${c.type} = 'SalesOrd' AND t.${c.cancelRequestId} IS NOT NULL ORDER BY t.${c.cancelDeadline} ASC, t.${c.id} ASC FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`;
}

export function pendingCancelRequestFromRow(row: Row): PendingCancelRequestRow | null {
  const id = idOf(row.id);
  const cancelId = textOf(row.cancel_id);
  return id === null || cancelId === null
    ? null
    : {
        salesOrderId: id,
        tranId: textOf(row.tranid),
        shopName: textOf(row.shop_name),
        tiktokOrderId: textOf(row.order_id),
        cancelId,
        requested: textOf(row.requested),
        deadline: textOf(row.deadline),
        reason: textOf(row.reason),
        answered: idOf(row.answer) !== null,
      };
}

/** A TikTok sales order not shipped yet, with TikTok's ship-by deadline (the exceptions page). */
export interface ToShipRow {
  salesOrderId: string;
  tranId: string | null;
  shopName: string | null;
  tiktokOrderId: string | null;
  /** The deadline as Unix seconds. */
  shipByUnix: number;
}

/**
 * Sales orders with a ship-by deadline still to ship — pending approval (A), pending fulfillment (B),
 * partially fulfilled (D, E) — nearest deadline first (shared-types/src/fulfillments/ship-by.ts).
 */
export function toShipQuery(limit: number): Sql {
  const s = SHOP.suiteql.columns;
  return sql`SELECT t.${c.id} AS id, t.${c.tranId} AS tranid, s.${s.name} AS shop_name, t.${c.tiktokOrderId} AS order_id, TO_CHAR(t.${c.shipBy}, 'YYYY-MM-DD HH24:MI:SS') AS ship_by FROM ${SALES_ORDER.suiteql.table} t LEFT JOIN ${SHOP.suiteql.table} s ON s.${s.id} = t.${c.shop} WHERE t.${c.type} = 'SalesOrd' AND t.${c.shipBy} IS NOT NULL AND t.${c.status} IN ('A', 'B', 'D', 'E') ORDER BY t.${c.shipBy} ASC, t.${c.id} ASC FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`;
}

export function toShipFromRow(row: Row): ToShipRow | null {
  const id = idOf(row.id);
  const shipBy = textOf(row.ship_by);
  // TO_CHAR shows a date/time at the server's wall clock (Pacific).
  const unix = shipBy === null ? null : unixOfWallClock(shipBy, SERVER_TIME_ZONE);
  return id === null || unix === null
    ? null
    : {
        salesOrderId: id,
        tranId: textOf(row.tranid),
        shopName: textOf(row.shop_name),
        tiktokOrderId: textOf(row.order_id),
        shipByUnix: unix,
      };
}

/** externalid → internal id of the rows. */
export function salesOrderIdsByExternalId(rows: readonly Row[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const row of rows) {
    const id = idOf(row.id);
    const externalId = textOf(row.externalid);
    if (id !== null && externalId !== null) found[externalId] = id;
  }
  return found;
}

function header(plan: SalesOrderPlan, customerId: string): BodyWrite[] {
  const money = (minor: number): number => toNetSuiteAmount(minor, plan.currency);
  const writes: BodyWrite[] = [];
  const put = (fieldId: BodyFieldId, value: string | number | boolean | Date | null): void => {
    if (value !== null) writes.push([fieldId, value]);
  };
  put(body.customForm, plan.formId);
  put(body.externalId, plan.externalId);
  put(body.subsidiary, plan.subsidiaryId);
  put(body.entity, customerId);
  // After the customer, whose primary currency NetSuite would default it to (order-currency.ts).
  put(body.currency, plan.currencyId);
  // The tax case's body fields (order-tax-booking.ts); each only where the account's engine has it.
  const booking = plan.booking;
  put(body.isTaxable, booking.taxable);
  put(body.taxItem, booking.taxItemId);
  put(body.taxRate, booking.taxRate);
  put(body.taxDetailsOverride, booking.taxDetailsOverride ? true : null);
  // The shop's calendar dates, not the Pacific ones of TikTok's instants (order-dates.ts).
  put(body.tranDate, dayValue(plan.tranDate));
  put(body.orderStatus, plan.orderStatus);
  put(body.shipDate, plan.shipDate === null ? null : dayValue(plan.shipDate));
  put(body.tiktokTax, money(plan.tiktokTaxMinor));
  put(body.taxVariance, money(plan.expectedTaxVarianceMinor));
  // Checked after the save (order-import-tieout.ts); set to F there when the figures disagree.
  put(body.tieOut, true);
  put(body.sample, plan.sample);
  put(body.fbt, plan.fbt);
  put(body.replacedOrder, plan.replacement?.originalOrderId ?? null);
  put(body.replacedSalesOrder, plan.replacement?.originalSalesOrderId ?? null);
  put(body.otherRefNum, plan.otherRefNum);
  put(body.tiktokOrderId, plan.tiktokOrderId);
  put(body.shop, plan.shopRecordId);
  put(body.memo, plan.memo);
  if (plan.cancelRequest !== undefined) writes.push(...cancelRequestWrites(plan.cancelRequest, false));
  // The late-dispatch watch (shared-types/src/fulfillments/ship-by.ts) and TikTok Shipping labels.
  if (plan.shipByUnix !== null) put(body.shipBy, instant(plan.shipByUnix));
  if (plan.tiktokShipping) put(body.tiktokShipping, true);
  put(body.paymentMethod, plan.paymentMethodId);
  put(body.location, plan.locationId);
  put(body.department, plan.departmentId);
  put(body.class, plan.classId);
  if (plan.shipping !== null) {
    put(body.shipMethod, plan.shipping.shipMethodId);
    put(body.shippingCost, money(plan.shipping.costMinor));
    put(body.shippingTaxCode, booking.shippingTaxCodeId);
  }
  return writes;
}

/**
 * A line's amount and tax as the tax case writes them (order-tax-booking.ts): rate and amount (with
 * `istaxable` in US legacy tax, the tax code in VAT), or — VAT-inclusive — the gross amount NetSuite
 * takes the VAT out of, or the net amount with its VAT (`tax1amt`).
 */
function amountWrites(
  money: (minor: number) => number,
  rateMinor: number,
  amountMinor: number,
  tax: LineTax,
): LineWrite[] {
  // The tax code first: NetSuite recomputes a line's tax (and gross) from its amount when the code
  // changes, so the gross or tax amount written after it stands.
  const writes: LineWrite[] = [];
  if (tax.taxCodeId !== undefined) writes.push([f.taxCode, tax.taxCodeId]);
  if (tax.grossMinor !== undefined) {
    writes.push([f.grossAmt, money(tax.grossMinor)]);
  } else if (tax.netMinor !== undefined) {
    writes.push([f.amount, money(tax.netMinor)]);
  } else {
    writes.push([f.rate, money(rateMinor)], [f.amount, money(amountMinor)]);
  }
  if (tax.taxable !== undefined) writes.push([f.isTaxable, tax.taxable]);
  if (tax.tax1Minor !== undefined) writes.push([f.tax1Amt, money(tax.tax1Minor)]);
  return writes;
}

/**
 * Item lines (one per SKU and price), then discount lines, then the TikTok tax line, then one line per
 * buyer-paid fee (order-fees.ts), each with its tax as the tax case writes it.
 */
function lines(plan: SalesOrderPlan): LineWrite[][] {
  const money = (minor: number): number => toNetSuiteAmount(minor, plan.currency);
  const booking = plan.booking;
  const itemLines = plan.lines.map((line, index): LineWrite[] => [
    [f.item, line.itemId],
    [f.quantity, line.quantity],
    [f.price, CUSTOM_PRICE],
    ...amountWrites(money, line.rateMinor, line.amountMinor, booking.itemLines[index] ?? {}),
    ...(line.locationId === null ? [] : [[f.location, line.locationId] as const]),
    [f.tiktokLineIds, line.lineIds.join(',')],
  ]);
  const discountLines = plan.discounts.map((discount, index): LineWrite[] => [
    [f.item, discount.itemId],
    [f.price, CUSTOM_PRICE],
    ...amountWrites(money, discount.amountMinor, discount.amountMinor, booking.discountLines[index] ?? {}),
  ]);
  const taxLine = booking.taxLine;
  const taxLines: LineWrite[][] =
    taxLine === null
      ? []
      : [
          [
            [f.item, taxLine.itemId],
            [f.price, CUSTOM_PRICE],
            ...amountWrites(money, taxLine.amountMinor, taxLine.amountMinor, taxLine),
            [f.description, taxLine.description],
          ],
        ];
  const feeLines = plan.feeLines.map((fee, index): LineWrite[] => [
    [f.item, fee.itemId],
    [f.price, CUSTOM_PRICE],
    ...amountWrites(money, fee.amountMinor, fee.amountMinor, booking.feeLines[index] ?? {}),
    [f.description, fee.description],
  ]);
  return [...itemLines, ...discountLines, ...taxLines, ...feeLines];
}

/** An instant (Unix seconds) as the Date a date/time field stores. */
function instant(unix: number | null): Date | '' {
  return unix === null ? '' : new Date(unix * 1000);
}

/** Unix seconds of a date/time field's value, or null when empty. */
function unixOf(value: unknown): number | null {
  if (value instanceof Date) return Math.floor(value.getTime() / 1000);
  return null;
}

/**
 * The buyer cancellation request fields (buyer-cancel-request.ts); on an update the answer fields
 * are cleared with them (a new request, or none), on a new order empty fields are left out.
 */
function cancelRequestWrites(fields: CancelRequestFields, update: boolean): BodyWrite[] {
  const writes: [BodyFieldId, FieldValue][] = [
    [body.cancelRequestId, fields.cancelId ?? ''],
    [body.cancelRequested, instant(fields.requestedUnix)],
    [body.cancelDeadline, instant(fields.deadlineUnix)],
    [body.cancelRequestReason, fields.reason ?? ''],
  ];
  if (!update) return writes.filter(([, value]) => value !== '');
  return [...writes, [body.cancelAnswer, ''], [body.cancelRejectReason, '']];
}

/** The request and its answer as the user event reads them (answer texts as shown). */
function cancelAnswerState(rec: RecordReader, fallback: RecordReader | null): CancelAnswerState {
  const text = (fieldId: BodyFieldId): string | null => {
    const own = rec.text(fieldId);
    return own !== null && own !== '' ? own : (fallback?.text(fieldId) ?? null) || null;
  };
  return {
    cancelId: textOf(valueOf(rec, fallback, body.cancelRequestId)),
    deadlineUnix: unixOf(valueOf(rec, fallback, body.cancelDeadline)),
    answer: text(body.cancelAnswer),
    rejectReason: cancelReasonCodeOf(text(body.cancelRejectReason)),
  };
}

/** Index of a tax details target among the lines `lines(plan)` writes, or null for shipping. */
function lineIndexOf(plan: SalesOrderPlan, target: TaxDetailTarget): number | null {
  switch (target.kind) {
    case 'item':
      return target.index;
    case 'discount':
      return plan.lines.length + target.index;
    case 'tax':
      return plan.lines.length + plan.discounts.length;
    case 'fee':
      return (
        plan.lines.length + plan.discounts.length + (plan.booking.taxLine === null ? 0 : 1) + target.index
      );
    case 'shipping':
      return null;
  }
}

/** NetSuite's reference of the shipping charge in tax details (SuiteTax). */
const SHIPPING_REFERENCE = 'SHIPPING';

/** The item lines whose `taxdetailsreference` the tax details need (SuiteTax), by line index. */
export function taxDetailLines(plan: SalesOrderPlan): number[] {
  const indexes = plan.booking.taxDetails.map((d) => lineIndexOf(plan, d.target));
  return [...new Set(indexes.filter((i): i is number => i !== null))];
}

/**
 * The SuiteTax tax details lines under Tax Details Override, each pointing to its item line by the
 * `taxdetailsreference` NetSuite gave the line (`references`: line index → reference).
 */
export function taxDetailsWrite(plan: SalesOrderPlan, references: ReadonlyMap<number, string>): RecordWrite {
  const money = (minor: number): number => toNetSuiteAmount(minor, plan.currency);
  const d = SALES_ORDER.sublists.taxDetails;
  const lineWrites = plan.booking.taxDetails.map((detail, line) => {
    const index = lineIndexOf(plan, detail.target);
    const reference = index === null ? SHIPPING_REFERENCE : (references.get(index) ?? '');
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
    sublists: lineWrites.length === 0 ? [] : [{ sublistId: d.id, lines: lineWrites }],
    subrecords: [],
  };
}

/** The item line field holding the reference tax details point to. */
export const TAX_DETAILS_REFERENCE = { sublistId: items.id, fieldId: f.taxDetailsReference };

/** The new sales order of a plan for the given customer. */
export function newSalesOrderWrite(plan: SalesOrderPlan, customerId: string): RecordWrite {
  return {
    body: header(plan, customerId),
    sublists: [{ sublistId: items.id, lines: lines(plan).map((fields, line) => ({ line, fields })) }],
    subrecords:
      plan.shipAddress === null
        ? []
        : [{ fieldId: body.shippingAddress, fields: addressWrites(plan.shipAddress, false) }],
  };
}

/** What the tie-out and the test-order review read back (transaction search columns). */
export const READ_BACK_COLUMNS = Object.values(SALES_ORDER.search.columns);

export interface SalesOrderReadBack {
  /** `total`, `shippingamount` and `taxtotal` as `search.lookupFields` returns them. */
  total: unknown;
  shipping: unknown;
  taxTotal: unknown;
  tranId: string | null;
  customerId: string | null;
  customer: string | null;
  location: string | null;
  paymentMethod: string | null;
}

export function readBackFromLookup(values: LookupValues): SalesOrderReadBack {
  const col = SALES_ORDER.search.columns;
  return {
    total: values[col.total],
    shipping: values[col.shippingAmount],
    taxTotal: values[col.taxTotal],
    tranId: textOf(values[col.tranId]),
    customerId: selectIdOf(values[col.entity]),
    customer: selectTextOf(values[col.entity]),
    location: selectTextOf(values[col.location]),
    paymentMethod: selectTextOf(values[col.paymentMethod]),
  };
}

/** The tie-out's corrections: the tax variance (major units) and Ties Out. */
export function tieOutWrites(update: { taxVariance?: number; tiesOut?: boolean }): SubmitWrite[] {
  const writes: SubmitWrite[] = [];
  if (update.taxVariance !== undefined) writes.push([body.taxVariance, update.taxVariance]);
  if (update.tiesOut !== undefined) writes.push([body.tieOut, update.tiesOut]);
  return writes;
}

/** The document number search column, for a number NetSuite assigned at save. */
export const TRAN_ID_COLUMNS = [SALES_ORDER.search.columns.tranId];

export function tranIdFromLookup(values: LookupValues): string | null {
  return assignedTranId(values[SALES_ORDER.search.columns.tranId]);
}

function lineState(so: RecordReader, index: number): SalesOrderLineState {
  const value = (fieldId: typeof f.item): unknown => so.lineValue(items.id, fieldId, index);
  return {
    index,
    itemId: textOf(value(f.item)) ?? '',
    itemName: so.lineText(items.id, f.item, index),
    quantity: numberOf(value(f.quantity)),
    quantityFulfilled: numberOf(value(f.quantityFulfilled)),
    isClosed: value(f.isClosed) === true || value(f.isClosed) === 'T',
    rate: optionalNumberOf(value(f.rate)),
    amount: optionalNumberOf(value(f.amount)),
    lineIds: (textOf(value(f.tiktokLineIds)) ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  };
}

/**
 * The tax fields the seller's tax update needs (order-update-tax.ts), read only where the account's
 * tax engine has them (NetSuite refuses a field it does not have): VAT the lines' `grossamt`,
 * SuiteTax the lines' `taxdetailsreference` and the tax details lines.
 */
export function withTaxState(state: SalesOrderState, so: RecordReader, engine: TaxEngine): SalesOrderState {
  if (engine === 'us-legacy') return state;
  const lineField = engine === 'suitetax' ? f.taxDetailsReference : f.grossAmt;
  const lines = state.lines.map((line) => {
    const value = so.lineValue(items.id, lineField, line.index);
    return engine === 'suitetax'
      ? { ...line, taxDetailsReference: textOf(value) }
      : { ...line, grossAmount: optionalNumberOf(value) };
  });
  if (engine !== 'suitetax') return { ...state, lines };
  const d = SALES_ORDER.sublists.taxDetails;
  const taxDetails: TaxDetailState[] = [];
  for (let index = 0; index < so.lineCount(d.id); index += 1) {
    taxDetails.push({
      index,
      reference: textOf(so.lineValue(d.id, d.fields.taxDetailsReference, index)) ?? '',
    });
  }
  return { ...state, lines, taxDetails };
}

/** The seller's tax booked again (order-update-tax.ts) as writes per item line, by line index. */
function taxLineWrites(plan: OrderUpdatePlan): Map<number, LineWrite[]> {
  const writes = new Map<number, LineWrite[]>();
  const tax = plan.tax;
  if (tax === undefined) return writes;
  const money = (minor: number): number => toNetSuiteAmount(minor, tax.currency);
  for (const line of tax.lines) {
    const fields: LineWrite[] = line.quantity === null ? [] : [[f.quantity, line.quantity]];
    if (
      line.tax.taxCodeId !== undefined ||
      line.tax.grossMinor !== undefined ||
      line.tax.netMinor !== undefined
    ) {
      fields.push(...amountWrites(money, line.rateMinor, line.amountMinor, line.tax));
    } else {
      if (line.tax.taxable !== undefined) fields.push([f.isTaxable, line.tax.taxable]);
      if (line.tax.tax1Minor !== undefined) fields.push([f.tax1Amt, money(line.tax.tax1Minor)]);
    }
    writes.set(line.index, fields);
  }
  return writes;
}

/** A loaded sales order as the order-update planning compares it. */
export function salesOrderState(id: string, so: RecordReader): SalesOrderState {
  const lineStates: SalesOrderLineState[] = [];
  for (let index = 0; index < so.lineCount(items.id); index += 1) {
    lineStates.push(lineState(so, index));
  }
  const address = so.subrecord(body.shippingAddress);
  return {
    id,
    tranId: textOf(so.value(body.tranId)),
    lines: lineStates,
    shipAddress: address === null ? null : addressFromRecord(address),
    cancelRequest: {
      cancelId: textOf(so.value(body.cancelRequestId)),
      requestedUnix: unixOf(so.value(body.cancelRequested)),
      deadlineUnix: unixOf(so.value(body.cancelDeadline)),
      reason: textOf(so.value(body.cancelRequestReason)),
    },
  };
}

/**
 * The plan's line and address changes, as writes to the loaded order; `tiesOut: false` when the
 * totals re-check after the update (order-update-totals.ts) found the order off.
 */
export function salesOrderUpdateWrite(plan: OrderUpdatePlan, marks: { tiesOut?: boolean } = {}): RecordWrite {
  const taxWrites = taxLineWrites(plan);
  const changedLines = plan.lineChanges.map((change) => {
    const tax = taxWrites.get(change.index);
    taxWrites.delete(change.index);
    switch (change.kind) {
      case 'close':
        return { line: change.index, fields: [[f.isClosed, true], ...(tax ?? [])] as LineWrite[] };
      case 'amount':
        return {
          line: change.index,
          fields: [
            [f.rate, change.amount],
            [f.amount, change.amount],
          ] as LineWrite[],
        };
      case 'reduce':
        // With the seller's tax booked again, its writes carry the quantity and the amount.
        return {
          line: change.index,
          fields: (tax !== undefined
            ? [...tax, [f.tiktokLineIds, change.lineIds.join(',')]]
            : [
                [f.quantity, change.quantity],
                ...(change.amount === null ? [] : [[f.amount, change.amount] as const]),
                [f.tiktokLineIds, change.lineIds.join(',')],
              ]) as LineWrite[],
        };
    }
  });
  const changed = [...changedLines, ...[...taxWrites].map(([line, fields]) => ({ line, fields }))].filter(
    (line) => line.fields.length > 0,
  );
  const d = SALES_ORDER.sublists.taxDetails;
  const detailMoney = (minor: number): number => toNetSuiteAmount(minor, plan.tax?.currency ?? 'USD');
  const details = (plan.tax?.taxDetails ?? []).map((detail) => ({
    line: detail.index,
    fields: [
      [d.fields.taxBasis, detailMoney(detail.basisMinor)],
      [d.fields.taxRate, detail.ratePercent],
      [d.fields.taxAmount, detailMoney(detail.amountMinor)],
    ] as LineWrite[],
  }));
  const taxRate = plan.tax?.taxRate ?? null;
  return {
    body: [
      ...(marks.tiesOut === undefined ? [] : [[body.tieOut, marks.tiesOut] as const]),
      ...(plan.cancelRequest === undefined ? [] : cancelRequestWrites(plan.cancelRequest.fields, true)),
      ...(taxRate === null ? [] : [[body.taxRate, taxRate] as const]),
    ],
    sublists: [
      ...(changed.length === 0 ? [] : [{ sublistId: items.id, lines: changed }]),
      ...(details.length === 0 ? [] : [{ sublistId: d.id, lines: details }]),
    ],
    subrecords:
      plan.shipAddress === null
        ? []
        : [{ fieldId: body.shippingAddress, fields: addressWrites(plan.shipAddress, true) }],
  };
}

function valueOf(rec: RecordReader, fallback: RecordReader | null, fieldId: BodyFieldId): unknown {
  const value = rec.value(fieldId);
  if ((value === null || value === undefined || value === '') && fallback !== null) {
    return fallback.value(fieldId);
  }
  return value;
}

function snapshotLines(rec: RecordReader): SalesOrderLineSnapshot[] {
  const snapshot: SalesOrderLineSnapshot[] = [];
  for (let line = 0; line < rec.lineCount(items.id); line += 1) {
    const read = (fieldId: typeof f.item): unknown => rec.lineValue(items.id, fieldId, line);
    const closed = read(f.isClosed);
    snapshot.push({
      line: textOf(read(f.line)) ?? String(line + 1),
      closed: closed === true || closed === 'T',
      tiktokLineIds: parseTikTokLineIds(read(f.tiktokLineIds)),
    });
  }
  return snapshot;
}

/**
 * The sales order as the user event sees it. `fallback` (the old record) fills fields an inline
 * edit (`xedit`) leaves out of the new record; the lines then come from it too.
 */
export function salesOrderSnapshot(
  rec: RecordReader,
  id: string,
  fallback: RecordReader | null,
): SalesOrderSnapshot {
  const status =
    normalizeSalesOrderStatus(valueOf(rec, fallback, body.statusRef)) ??
    normalizeSalesOrderStatus(valueOf(rec, fallback, body.status));
  const snapshotOfLines = snapshotLines(rec);
  return {
    id,
    tranId: assignedTranId(valueOf(rec, fallback, body.tranId)),
    tiktokOrderId: textOf(valueOf(rec, fallback, body.tiktokOrderId)),
    shopRecordId: idOf(valueOf(rec, fallback, body.shop)),
    status,
    cancelReason: rec.text(body.cancelReason) ?? fallback?.text(body.cancelReason) ?? null,
    lines: snapshotOfLines.length === 0 && fallback !== null ? snapshotLines(fallback) : snapshotOfLines,
    cancelAnswer: cancelAnswerState(rec, fallback),
  };
}

/** The replacement order's sales order: the one whose Replaced TikTok Order is the parameter. */
export const REPLACEMENT_SALES_ORDER: Sql = sql`SELECT ${c.id} AS id FROM ${SALES_ORDER.suiteql.table} WHERE ${c.type} = 'SalesOrd' AND ${c.replacedOrder} = ? ORDER BY ${c.id} ASC`;

/** What a return authorization plan reads of the sales order (shared-types/src/returns/rma-plan.ts). */
export function returnableOrder(rec: RecordReader): {
  lines: ReturnableOrderLine[];
  locationId: string | null;
} {
  const lines: ReturnableOrderLine[] = [];
  const count = rec.lineCount(items.id);
  for (let line = 0; line < count; line += 1) {
    const closed = rec.lineValue(items.id, f.isClosed, line);
    lines.push({
      line: textOf(rec.lineValue(items.id, f.line, line)) ?? String(line + 1),
      itemId: textOf(rec.lineValue(items.id, f.item, line)) ?? '',
      tiktokLineIds: parseTikTokLineIds(rec.lineValue(items.id, f.tiktokLineIds, line)),
      quantity: numberOf(rec.lineValue(items.id, f.quantity, line)),
      isClosed: closed === true || closed === 'T',
    });
  }
  return { lines, locationId: idOf(rec.value(body.location)) };
}

/** What the TikTok Shipping label flow (issue #15) reads of a sales order: one row by internal id. */
export const LABEL_ORDER_BY_ID: Sql = sql`SELECT ${c.id} AS id, ${c.tiktokOrderId} AS order_id, ${c.shop} AS shop, ${c.fbt} AS fbt, ${c.tiktokShipping} AS tiktok_ship, ${c.labelTracking} AS label_tracking, ${c.labelFile} AS label_file FROM ${SALES_ORDER.suiteql.table} WHERE ${c.type} = 'SalesOrd' AND ${c.id} = ?`;

export interface LabelOrderRow {
  id: string;
  tiktokOrderId: string | null;
  shopRecordId: string | null;
  fbt: boolean;
  tiktokShipping: boolean;
  labelTracking: string[];
  labelFile: string | null;
}

/** Tracking numbers as `custbody_tts_label_tracking` holds them (comma-separated). */
export function trackingListOf(value: unknown): string[] {
  return (textOf(value) ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function labelOrderFromRow(row: Row): LabelOrderRow | null {
  const id = idOf(row.id);
  if (id === null) return null;
  const flag = (v: unknown) => v === true || v === 'T';
  return {
    id,
    tiktokOrderId: textOf(row.order_id),
    shopRecordId: idOf(row.shop),
    fbt: flag(row.fbt),
    tiktokShipping: flag(row.tiktok_ship),
    labelTracking: trackingListOf(row.label_tracking),
    labelFile: idOf(row.label_file),
  };
}

/** The label flags of a sales order record a user event hands over. */
export function labelOrderOf(rec: RecordReader, id: string): LabelOrderRow {
  const flag = (v: unknown) => v === true || v === 'T';
  return {
    id,
    tiktokOrderId: textOf(rec.value(body.tiktokOrderId)),
    shopRecordId: idOf(rec.value(body.shop)),
    fbt: flag(rec.value(body.fbt)),
    tiktokShipping: flag(rec.value(body.tiktokShipping)),
    labelTracking: trackingListOf(rec.value(body.labelTracking)),
    labelFile: idOf(rec.value(body.labelFile)),
  };
}

/** The label linked from the sales order: the latest file and every tracking number so far. */
export function labelLinkWrites(fileId: string, trackingNumbers: readonly string[]): SubmitWrite[] {
  return [
    [body.labelFile, fileId],
    [body.labelTracking, trackingNumbers.join(',').slice(0, 300)],
  ];
}

/** What a shipment made outside NetSuite needs of its sales order (shared-types/src/fulfillments/shipments-upsert.ts). */
export function shipmentOrderOf(
  rec: RecordReader,
  id: string,
): { id: string; fbt: boolean; labelTracking: string[]; lines: { line: string; tiktokLineIds: string[] }[] } {
  const lines: { line: string; tiktokLineIds: string[] }[] = [];
  const count = rec.lineCount(items.id);
  for (let line = 0; line < count; line += 1) {
    lines.push({
      line: textOf(rec.lineValue(items.id, f.line, line)) ?? String(line + 1),
      tiktokLineIds: parseTikTokLineIds(rec.lineValue(items.id, f.tiktokLineIds, line)),
    });
  }
  const fbt = rec.value(body.fbt);
  return {
    id,
    fbt: fbt === true || fbt === 'T',
    labelTracking: trackingListOf(rec.value(body.labelTracking)),
    lines,
  };
}

/**
 * A refund of an order not billed yet (shared-types/src/refunds/refund-plan.ts, design (a)): whether the
 * sales order carries the refund already (a line whose description names it), and the writes that add
 * its lines (negative amounts at the custom price) after the `lineCount` lines there are and lower the
 * shipping cost by the refunded shipping.
 */
export function refundReductionOf(
  rec: RecordReader,
  refundId: string,
): { applied: boolean; lineCount: number; shippingMinor: (currency: string) => number } {
  const count = rec.lineCount(items.id);
  const marker = `TikTok refund ${refundId}:`;
  let applied = false;
  for (let line = 0; line < count; line += 1) {
    if ((textOf(rec.lineValue(items.id, f.description, line)) ?? '').startsWith(marker)) applied = true;
  }
  return {
    applied,
    lineCount: count,
    shippingMinor: (currency) =>
      Math.round(numberOf(rec.value(body.shippingCost)) * 10 ** currencyExponent(currency)),
  };
}

export function refundReductionWrites(
  plan: Pick<RefundPlan, 'currency' | 'lines' | 'shippingMinor'>,
  lineCount: number,
  currentShippingMinor: number,
): RecordWrite {
  const money = (minor: number): number => toNetSuiteAmount(minor, plan.currency);
  return {
    body:
      plan.shippingMinor > 0
        ? [[body.shippingCost, money(Math.max(0, currentShippingMinor - plan.shippingMinor))]]
        : [],
    sublists: [
      {
        sublistId: items.id,
        lines: plan.lines.map((line, index) => ({
          line: lineCount + index,
          fields: [
            [f.item, line.itemId],
            [f.price, CUSTOM_PRICE],
            [f.rate, money(line.amountMinor)],
            [f.amount, money(line.amountMinor)],
            [f.isTaxable, line.taxable],
            [f.description, line.description],
          ] as LineWrite[],
        })),
      },
    ],
    subrecords: [],
  };
}
