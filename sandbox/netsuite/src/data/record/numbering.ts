/**
 * Numbers NetSuite assigns on first save: transaction `tranid` per type (`SO1001`, `IF1001`...,
 * unless the script set one) and customer `entityid` (auto-numbered when `autoname` is checked,
 * else the company name or "First Last", as NetSuite does without auto-generated numbers).
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { FieldValue, RecordTypeInfo } from '../store-types';

const TRANID_PREFIX: Readonly<Record<string, string>> = {
  salesorder: 'SO',
  itemfulfillment: 'IF',
  returnauthorization: 'RMA',
  cashrefund: 'CR',
  creditmemo: 'CM',
  invoice: 'INV',
  cashsale: 'CS',
};

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** Fill `fields` (a copy of the record's fields about to be written) with the assigned numbers. */
export function assignNumbers(store: RecordStore, info: RecordTypeInfo, fields: Record<string, FieldValue>): void {
  if (info.category === 'transaction' && info.fields.tranid && isEmpty(fields.tranid)) {
    const prefix = TRANID_PREFIX[info.id] ?? info.id.toUpperCase();
    fields.tranid = `${prefix}${store.nextSequence(`tranid:${info.id}`, 1001)}`;
  }
  if (info.id === 'customer' && isEmpty(fields.entityid)) {
    if (fields.autoname === true) fields.entityid = String(store.nextSequence('entityid:customer', 1001));
    else if (fields.isperson === true) {
      const name = [fields.firstname, fields.lastname].filter((p) => !isEmpty(p)).join(' ');
      if (name) fields.entityid = name;
    } else if (!isEmpty(fields.companyname)) fields.entityid = fields.companyname;
    if (isEmpty(fields.entityid)) throw new SuiteScriptError(NS.USER_ERROR, 'Please enter value(s) for: Customer ID');
  }
}
