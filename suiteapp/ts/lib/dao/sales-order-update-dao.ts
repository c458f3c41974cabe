import * as record from 'N/record';
import { SALES_ORDER_FIELDS } from '../../../../shared-types/src/netsuite-ids';
import type {
  OrderUpdatePlan,
  SalesOrderLineState,
  SalesOrderState,
} from '../../../../shared-types/src/order-update-plan';
import { SHIP_ADDRESS_FIELDS } from '../../../../shared-types/src/order-update-plan';
import type { NetSuiteShipAddress } from '../../../../shared-types/src/ship-address';

/**
 * A sales order read and changed for a TikTok update (transaction: load 10, save 20 units). The
 * order is loaded once, planned against, changed in memory and saved once.
 */

export interface LoadedSalesOrder {
  state: SalesOrderState;
  handle: record.Record;
}

function num(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : 0;
  return Number.isFinite(n) ? n : 0;
}

function optionalText(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

function readLine(so: record.Record, index: number): SalesOrderLineState {
  const value = (fieldId: string): unknown => so.getSublistValue({ sublistId: 'item', fieldId, line: index });
  const ids = optionalText(value(SALES_ORDER_FIELDS.lineIds)) ?? '';
  const closed = value('isclosed');
  const rate = value('rate');
  const tax = value('tax1amt');
  const itemName = so.getSublistText({ sublistId: 'item', fieldId: 'item', line: index });
  return {
    index,
    itemId: optionalText(value('item')) ?? '',
    itemName: optionalText(Array.isArray(itemName) ? itemName.join(', ') : itemName),
    quantity: num(value('quantity')),
    quantityFulfilled: num(value('quantityfulfilled')),
    isClosed: closed === true || closed === 'T',
    rate: rate === null || rate === undefined || rate === '' ? null : num(rate),
    taxAmount: tax === null || tax === undefined || tax === '' ? null : num(tax),
    lineIds: ids
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  };
}

function readShipAddress(so: record.Record): NetSuiteShipAddress | null {
  if (!so.hasSubrecord({ fieldId: 'shippingaddress' })) {
    return null;
  }
  const address = so.getSubrecord({ fieldId: 'shippingaddress' });
  const read = (fieldId: string): string | null => optionalText(address.getValue({ fieldId }));
  return {
    country: read('country'),
    addressee: read('addressee'),
    addr1: read('addr1'),
    addr2: read('addr2'),
    addr3: read('addr3'),
    city: read('city'),
    state: read('state'),
    zip: read('zip'),
    addrphone: read('addrphone'),
  };
}

/** Loads the sales order (10 units) and reads what the update planning compares. */
export function loadSalesOrderForUpdate(id: string): LoadedSalesOrder {
  const so = record.load({ type: record.Type.SALES_ORDER, id, isDynamic: false });
  const lines: SalesOrderLineState[] = [];
  const count = so.getLineCount({ sublistId: 'item' });
  for (let index = 0; index < count; index += 1) {
    lines.push(readLine(so, index));
  }
  return {
    state: {
      id,
      tranId: optionalText(so.getValue({ fieldId: 'tranid' })),
      lines,
      shipAddress: readShipAddress(so),
    },
    handle: so,
  };
}

/** Applies the plan's line and address changes to the loaded order and saves it (20 units). */
export function saveSalesOrderUpdate(loaded: LoadedSalesOrder, plan: OrderUpdatePlan): void {
  const so = loaded.handle;
  for (const change of plan.lineChanges) {
    const set = (fieldId: string, value: string | number | boolean): void => {
      so.setSublistValue({ sublistId: 'item', fieldId, line: change.index, value });
    };
    if (change.kind === 'close') {
      set('isclosed', true);
    } else {
      set('quantity', change.quantity);
      if (change.amount !== null) {
        set('amount', change.amount);
      }
      if (change.tax !== null) {
        set('tax1amt', change.tax);
      }
      set(SALES_ORDER_FIELDS.lineIds, change.lineIds.join(','));
    }
  }
  if (plan.shipAddress !== null) {
    const address = so.getSubrecord({ fieldId: 'shippingaddress' });
    // Country first: it decides the address form. Every field is written, so an emptied line clears.
    for (const fieldId of SHIP_ADDRESS_FIELDS) {
      address.setValue({ fieldId, value: plan.shipAddress[fieldId] ?? '' });
    }
  }
  so.save({ enableSourcing: true, ignoreMandatoryFields: true });
}
