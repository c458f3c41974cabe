import type { FieldInfo, RecordTypeInfo } from '../store-types';
import { byId, checkbox, currency, datetime, email, float, phone, select, sublist, text, textarea } from './fields';

/**
 * Customer and item records (reference §5.2, §5.5). Entities share one external-id space, items
 * another (§5.9). Per-location quantities on an inventory item are system-maintained (read-only).
 */

export const CUSTOMER: RecordTypeInfo = {
  id: 'customer',
  label: 'Customer',
  category: 'other',
  family: 'entity',
  externalIdGroup: 'entity',
  optimisticLocking: true,
  custom: false,
  displayField: 'entityid',
  fields: byId([
    text('entityid', 'Customer ID', { maxLength: 83 }),
    checkbox('autoname', 'Auto'),
    { ...checkbox('isperson', 'Individual'), tfRadio: true },
    text('firstname', 'First Name', { maxLength: 32 }),
    text('lastname', 'Last Name', { maxLength: 32 }),
    text('companyname', 'Company Name', { maxLength: 83 }),
    email('email', 'Email'),
    phone('phone', 'Phone'),
    select('subsidiary', 'Primary Subsidiary', 'subsidiary'),
    select('currency', 'Currency', 'currency'),
    checkbox('isinactive', 'Inactive'),
    text('externalid', 'External ID', { maxLength: 255 }),
    datetime('datecreated', 'Date Created', { readOnly: true }),
    datetime('lastmodifieddate', 'Last Modified', { readOnly: true }),
  ]),
  sublists: {
    addressbook: sublist(
      'addressbook',
      [
        checkbox('defaultshipping', 'Default Shipping'),
        checkbox('defaultbilling', 'Default Billing'),
        text('label', 'Label', { maxLength: 150 }),
      ],
      { addressbookaddress: 'address' },
    ),
  },
  subrecords: {},
};

function itemFields(extra: FieldInfo[]): FieldInfo[] {
  return [
    text('itemid', 'Item Name/Number', { mandatory: true, maxLength: 250 }),
    text('displayname', 'Display Name/Code', { maxLength: 250 }),
    textarea('salesdescription', 'Sales Description'),
    text('upccode', 'UPC Code', { maxLength: 64 }),
    currency('baseprice', 'Base Price'),
    checkbox('isinactive', 'Inactive'),
    select('subsidiary', 'Subsidiary', 'subsidiary'),
    text('externalid', 'External ID', { maxLength: 255 }),
    datetime('createddate', 'Date Created', { readOnly: true }),
    datetime('lastmodifieddate', 'Last Modified', { readOnly: true }),
    ...extra,
  ];
}

function item(id: string, label: string, extra: FieldInfo[], sublists: RecordTypeInfo['sublists'] = {}): RecordTypeInfo {
  return {
    id,
    label,
    category: 'other',
    family: 'item',
    isItem: true,
    externalIdGroup: 'item',
    optimisticLocking: true,
    custom: false,
    displayField: 'itemid',
    fields: byId(itemFields(extra)),
    sublists,
    subrecords: {},
  };
}

export const INVENTORY_ITEM = item('inventoryitem', 'Inventory Item', [], {
  locations: sublist('locations', [
    select('location', 'Location', 'location', { readOnly: true }),
    float('quantityonhand', 'On Hand', { readOnly: true }),
    float('quantitycommitted', 'Committed', { readOnly: true }),
    float('quantityavailable', 'Available', { readOnly: true }),
    float('quantitybackordered', 'Back Ordered', { readOnly: true }),
    float('preferredstocklevel', 'Preferred Stock Level'),
    float('reorderpoint', 'Reorder Point'),
  ]),
});
export const NON_INVENTORY_ITEM = item('noninventoryitem', 'Non-inventory Item', []);
export const SERVICE_ITEM = item('serviceitem', 'Service Item', []);
export const SHIP_ITEM = item('shipitem', 'Shipping Item', []);
export const DISCOUNT_ITEM = item('discountitem', 'Discount Item', [
  currency('rate', 'Rate'),
  checkbox('ispretax', 'Apply Before Sales Tax', { defaultValue: true }),
]);
export const SALES_TAX_ITEM = item('salestaxitem', 'Tax Code', [float('rate', 'Rate')]);
/** Other charges for sale: the connector books the tax TikTok collected on one (order-tax.ts). */
export const OTHER_CHARGE_ITEM = item('otherchargeitem', 'Other Charge Item', []);

export const ENTITY_AND_ITEM_TYPES: readonly RecordTypeInfo[] = [
  CUSTOMER,
  INVENTORY_ITEM,
  NON_INVENTORY_ITEM,
  SERVICE_ITEM,
  SHIP_ITEM,
  DISCOUNT_ITEM,
  SALES_TAX_ITEM,
  OTHER_CHARGE_ITEM,
];
