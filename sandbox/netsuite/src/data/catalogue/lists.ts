import type { FieldInfo, RecordTypeInfo } from '../store-types';
import { byId, checkbox, select, text } from './fields';

/** List records (category "other" for governance): locations, subsidiaries, segments, currencies, payment methods. */
function listRecord(id: string, label: string, extra: FieldInfo[] = []): RecordTypeInfo {
  return {
    id,
    label,
    category: 'other',
    family: 'other',
    externalIdGroup: id,
    optimisticLocking: true,
    custom: false,
    displayField: 'name',
    fields: byId([
      text('name', 'Name', { mandatory: true, maxLength: 60 }),
      checkbox('isinactive', 'Inactive'),
      text('externalid', 'External ID', { maxLength: 255 }),
      ...extra,
    ]),
    sublists: {},
    subrecords: {},
  };
}

export const LOCATION = {
  ...listRecord('location', 'Location', [
    checkbox('makeinventoryavailable', 'Make Inventory Available', { defaultValue: true }),
    select('subsidiary', 'Subsidiary', 'subsidiary'),
    select('parent', 'Parent', 'location'),
  ]),
  subrecords: { mainaddress: 'address' },
};
export const SUBSIDIARY = listRecord('subsidiary', 'Subsidiary', [
  select('currency', 'Currency', 'currency'),
  text('country', 'Country', { maxLength: 2 }),
]);
export const DEPARTMENT = listRecord('department', 'Department', [select('subsidiary', 'Subsidiary', 'subsidiary')]);
export const CLASSIFICATION = listRecord('classification', 'Class', [select('subsidiary', 'Subsidiary', 'subsidiary')]);
export const CURRENCY = listRecord('currency', 'Currency', [
  text('symbol', 'ISO Code', { mandatory: true, maxLength: 3 }),
  checkbox('isbasecurrency', 'Base Currency'),
]);
export const PAYMENT_METHOD = listRecord('paymentmethod', 'Payment Method', [
  checkbox('undepfunds', 'Group with Undeposited Funds', { defaultValue: true }),
]);

export const LIST_TYPES: readonly RecordTypeInfo[] = [
  LOCATION,
  SUBSIDIARY,
  DEPARTMENT,
  CLASSIFICATION,
  CURRENCY,
  PAYMENT_METHOD,
];
