import * as record from 'N/record';
import * as search from 'N/search';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import { toNetSuiteAmount } from '../../../../shared-types/src/money';
import { SALES_ORDER_FIELDS } from '../../../../shared-types/src/netsuite-ids';
import { SALES_ORDER_ORDER_FIELDS } from '../../../../shared-types/src/order-ids';
import type { SalesOrderPlan } from '../../../../shared-types/src/order-plan';
import type { NetSuiteShipAddress } from '../../../../shared-types/src/ship-address';
import { idOf, runInChunks, runQuery, textOf } from './suiteql';

/**
 * Sales orders (transaction: create 10, save 20 units; SuiteQL 10).
 *
 * Shipping is charged with `shipmethod` (the shop's shipping item) + `shippingcost`, not as an item
 * line: a `shipitem` is not a valid item-sublist item, `shippingcost` overrides the ship item's own
 * rate table with exactly TikTok's fee, and the item sublist stays one line per TikTok SKU/price so
 * fulfillments map back to TikTok line ids cleanly.
 */

/** The sales order with this externalid, or null (10 units). */
export function findSalesOrderByExternalId(externalId: string): string | null {
  const rows = runQuery("SELECT id FROM transaction WHERE type = 'SalesOrd' AND externalid = ?", [
    externalId,
  ]);
  return rows.length > 0 ? idOf(rows[0].id) : null;
}

/** externalid → internal id of the sales orders with those externalids (one query per 500). */
export function findSalesOrdersByExternalId(externalIds: readonly string[]): Record<string, string> {
  const rows = runInChunks(
    [...new Set(externalIds)],
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, externalid FROM transaction WHERE type = 'SalesOrd' AND externalid IN (${inList})`,
  );
  const found: Record<string, string> = {};
  for (const row of rows) {
    const id = idOf(row.id);
    const externalId = textOf(row.externalid);
    if (id !== null && externalId !== null) {
      found[externalId] = id;
    }
  }
  return found;
}

/** What the tie-out and the test-order review read back from a saved sales order. */
export interface SalesOrderReadBack {
  subtotal: unknown;
  shipping: unknown;
  tax: unknown;
  total: unknown;
  tranId: string | null;
  customerId: string | null;
  customer: string | null;
  location: string | null;
  paymentMethod: string | null;
}

function selectText(value: unknown): string | null {
  return Array.isArray(value) && value.length > 0 ? textOf((value[0] as { text?: unknown }).text) : null;
}

/** Totals and names of a sales order in one `search.lookupFields` (1 unit). */
export function readBackSalesOrder(id: string): SalesOrderReadBack {
  const values = search.lookupFields({
    type: search.Type.SALES_ORDER,
    id,
    columns: [
      'subtotal',
      'shippingcost',
      'taxtotal',
      'total',
      'tranid',
      'entity',
      'location',
      'paymentmethod',
    ],
  }) as Record<string, unknown>;
  return {
    subtotal: values.subtotal,
    shipping: values.shippingcost,
    tax: values.taxtotal,
    total: values.total,
    tranId: textOf(values.tranid),
    customerId:
      Array.isArray(values.entity) && values.entity.length > 0
        ? idOf((values.entity[0] as { value?: unknown }).value)
        : null,
    customer: selectText(values.entity),
    location: selectText(values.location),
    paymentMethod: selectText(values.paymentmethod),
  };
}

/** Writes body fields of a sales order in one `submitFields` (10 units). */
export function updateSalesOrderFields(id: string, values: Record<string, string | number | boolean>): void {
  record.submitFields({
    type: record.Type.SALES_ORDER,
    id,
    values,
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}

function setIfPresent(so: record.Record, fieldId: string, value: string | null): void {
  if (value !== null) {
    so.setValue({ fieldId, value });
  }
}

function setShipAddress(so: record.Record, address: NetSuiteShipAddress): void {
  const subrecord = so.getSubrecord({ fieldId: 'shippingaddress' });
  // Country first: it decides the address form (and so which fields exist).
  const ordered: [string, string | null][] = [
    ['country', address.country],
    ['addressee', address.addressee],
    ['addr1', address.addr1],
    ['addr2', address.addr2],
    ['addr3', address.addr3],
    ['city', address.city],
    ['state', address.state],
    ['zip', address.zip],
    ['addrphone', address.addrphone],
  ];
  for (const [fieldId, value] of ordered) {
    if (value !== null) {
      subrecord.setValue({ fieldId, value });
    }
  }
}

/** The connector's body fields: TikTok tax and variance, tie-out, sample/FBT and replacement links. */
function setOrderMarkers(so: record.Record, plan: SalesOrderPlan): void {
  const f = SALES_ORDER_ORDER_FIELDS;
  so.setValue({ fieldId: f.tiktokTax, value: toNetSuiteAmount(plan.tiktokTaxMinor, plan.currency) });
  so.setValue({
    fieldId: f.taxVariance,
    value: toNetSuiteAmount(plan.expectedTaxVarianceMinor, plan.currency),
  });
  // Checked after the save (order-import-tieout.ts); set to F there when the figures disagree.
  so.setValue({ fieldId: f.tieOut, value: true });
  so.setValue({ fieldId: f.sample, value: plan.sample });
  so.setValue({ fieldId: f.fbt, value: plan.fbt });
  if (plan.replacement !== null) {
    so.setValue({ fieldId: f.replacedOrder, value: plan.replacement.originalOrderId });
    setIfPresent(so, f.replacedSalesOrder, plan.replacement.originalSalesOrderId);
  }
}

/**
 * Creates the sales order of a plan in standard mode for the given customer (30 units) and returns
 * its id; throws DUP_RCRD when a sales order with the plan's externalid exists.
 */
export function createSalesOrder(plan: SalesOrderPlan, customerId: string): string {
  const so = record.create({ type: record.Type.SALES_ORDER, isDynamic: false });
  setIfPresent(so, 'customform', plan.formId);
  so.setValue({ fieldId: 'externalid', value: plan.externalId });
  setIfPresent(so, 'subsidiary', plan.subsidiaryId);
  so.setValue({ fieldId: 'entity', value: customerId });
  so.setValue({ fieldId: 'trandate', value: new Date(plan.tranDateUnix * 1000) });
  so.setValue({ fieldId: 'orderstatus', value: plan.orderStatus });
  if (plan.shipDateUnix !== null) {
    so.setValue({ fieldId: 'shipdate', value: new Date(plan.shipDateUnix * 1000) });
  }
  setOrderMarkers(so, plan);
  so.setValue({ fieldId: 'otherrefnum', value: plan.otherRefNum });
  so.setValue({ fieldId: SALES_ORDER_FIELDS.orderId, value: plan.tiktokOrderId });
  so.setValue({ fieldId: SALES_ORDER_FIELDS.shop, value: plan.shopRecordId });
  so.setValue({ fieldId: 'memo', value: plan.memo });
  so.setValue({ fieldId: 'paymentmethod', value: plan.paymentMethodId });
  setIfPresent(so, 'location', plan.locationId);
  setIfPresent(so, 'department', plan.departmentId);
  setIfPresent(so, 'class', plan.classId);
  if (plan.shipAddress !== null) {
    setShipAddress(so, plan.shipAddress);
  }
  plan.lines.forEach((line, index) => {
    const set = (fieldId: string, value: string | number): void => {
      so.setSublistValue({ sublistId: 'item', fieldId, line: index, value });
    };
    set('item', line.itemId);
    set('quantity', line.quantity);
    set('price', '-1');
    set('rate', toNetSuiteAmount(line.rateMinor, plan.currency));
    set('amount', toNetSuiteAmount(line.amountMinor, plan.currency));
    if (line.locationId !== null) {
      set('location', line.locationId);
    }
    set(SALES_ORDER_FIELDS.lineIds, line.lineIds.join(','));
    // Marketplace facilitator: TikTok's tax on these units, as TikTok computed it.
    set('tax1amt', toNetSuiteAmount(line.taxMinor, plan.currency));
  });
  plan.discounts.forEach((discount, offset) => {
    const line = plan.lines.length + offset;
    const amount = toNetSuiteAmount(discount.amountMinor, plan.currency);
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line, value: discount.itemId });
    so.setSublistValue({ sublistId: 'item', fieldId: 'price', line, value: '-1' });
    so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line, value: amount });
    so.setSublistValue({ sublistId: 'item', fieldId: 'amount', line, value: amount });
  });
  if (plan.shipping !== null) {
    so.setValue({ fieldId: 'shipmethod', value: plan.shipping.shipMethodId });
    so.setValue({ fieldId: 'shippingcost', value: toNetSuiteAmount(plan.shipping.costMinor, plan.currency) });
  }
  if (plan.shippingTaxMinor !== 0) {
    so.setValue({
      fieldId: 'shippingtax1amt',
      value: toNetSuiteAmount(plan.shippingTaxMinor, plan.currency),
    });
  }
  return String(so.save({ enableSourcing: true, ignoreMandatoryFields: false }));
}
