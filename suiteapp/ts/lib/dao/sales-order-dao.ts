import * as record from 'N/record';
import { toNetSuiteAmount } from '../../../../shared-types/src/money';
import { SALES_ORDER_FIELDS } from '../../../../shared-types/src/netsuite-ids';
import type { SalesOrderPlan } from '../../../../shared-types/src/order-plan';
import type { NetSuiteShipAddress } from '../../../../shared-types/src/ship-address';
import { idOf, runQuery } from './suiteql';

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

/**
 * Creates the sales order of a plan in standard mode for the given customer (30 units) and returns
 * its id; throws DUP_RCRD when a sales order with the plan's externalid exists.
 */
export function createSalesOrder(plan: SalesOrderPlan, customerId: string): string {
  const so = record.create({ type: record.Type.SALES_ORDER, isDynamic: false });
  so.setValue({ fieldId: 'externalid', value: plan.externalId });
  setIfPresent(so, 'subsidiary', plan.subsidiaryId);
  so.setValue({ fieldId: 'entity', value: customerId });
  so.setValue({ fieldId: 'trandate', value: new Date(plan.tranDateUnix * 1000) });
  so.setValue({ fieldId: 'orderstatus', value: 'B' });
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
  });
  if (plan.shipping !== null) {
    so.setValue({ fieldId: 'shipmethod', value: plan.shipping.shipMethodId });
    so.setValue({ fieldId: 'shippingcost', value: toNetSuiteAmount(plan.shipping.costMinor, plan.currency) });
  }
  return String(so.save({ enableSourcing: true, ignoreMandatoryFields: false }));
}
