/**
 * What `save()` rejects, in NetSuite's words:
 * - mandatory fields → USER_ERROR "Please enter value(s) for: Customer, Payment Method" (labels).
 *   `ignoreMandatoryFields` skips custom fields only: NetSuite still requires system-required fields
 *   such as the customer and date. Account preferences add requirements: `subsidiary` (OneWorld),
 *   `currency` (multi-currency), sales-order `paymentmethod` (requirePaymentMethod, not skipped);
 * - a transaction without item lines → USER_ERROR;
 * - a select value that is not an existing, active record of the target type → INVALID_KEY_OR_REF
 *   "Invalid entity reference key 999." (with the sublist line for line fields);
 * - an inventory item breaking the matrix rules (matrix.ts).
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { FieldInfo, FieldValue, RecordTypeInfo } from '../store-types';
import { isCustomFieldId } from './errors';
import { checkMatrix } from './matrix';
import type { Preferences } from './preferences';
import type { NsRecord, SaveOptions } from './record';

function isEmpty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function userError(message: string): SuiteScriptError {
  return new SuiteScriptError(NS.USER_ERROR, message);
}

function missingBodyLabels(rec: NsRecord, prefs: Preferences, options: SaveOptions): string[] {
  const { info, fields } = rec;
  const required = new Set<string>();
  for (const f of Object.values(info.fields)) {
    if (f.mandatory && !(options.ignoreMandatoryFields && isCustomFieldId(f.id))) required.add(f.id);
  }
  const governed = info.category === 'transaction' || info.id === 'customer';
  if (governed && prefs.oneWorld && info.fields.subsidiary) required.add('subsidiary');
  if (governed && prefs.multiCurrency && info.fields.currency) required.add('currency');
  if (info.id === 'salesorder' && prefs.requirePaymentMethod) required.add('paymentmethod');
  if (info.id === 'customer') {
    required.delete('entityid');
    if (fields.isperson !== true) required.add('companyname');
  }
  return Object.values(info.fields)
    .filter((f) => required.has(f.id) && isEmpty(fields[f.id]))
    .map((f) => f.label);
}

function checkLines(rec: NsRecord): void {
  const sublist = rec.info.sublists.item;
  if (rec.info.category !== 'transaction' || !sublist) return;
  const lines = rec.sublists.item ?? [];
  if (lines.length === 0) throw userError('You must enter at least one line item for this transaction.');
  lines.forEach((line, i) => {
    const missing = Object.values(sublist.fields)
      .filter((f) => f.mandatory && isEmpty(line.fields[f.id]))
      .map((f) => f.label);
    if (missing.length) throw userError(`Please enter value(s) for: ${missing.join(', ')} (item line ${i + 1})`);
  });
}

/** Does `target` name something the store can hold (a record type or a family of types)? */
function referencesRecords(store: RecordStore, target: string): boolean {
  return target === 'item' || target === 'transaction' || target === 'entity' || store.hasType(target);
}

function checkSelect(store: RecordStore, f: FieldInfo, value: FieldValue | undefined, where: string): void {
  const target = f.selectTarget ?? '';
  if (isEmpty(value) || target.startsWith('list:') || !referencesRecords(store, target)) return;
  for (const id of Array.isArray(value) ? value : [String(value)]) {
    const ref = store.resolveReference(target, id);
    if (!ref || ref.fields.isinactive === true) {
      throw new SuiteScriptError(NS.INVALID_KEY_OR_REF, `Invalid ${f.id} reference key ${id}${where}.`);
    }
    if (target === 'item' && !store.typeInfo(ref.type).isItem) {
      throw new SuiteScriptError(NS.INVALID_KEY_OR_REF, `Invalid ${f.id} reference key ${id}${where}.`);
    }
  }
}

function checkReferences(store: RecordStore, info: RecordTypeInfo, rec: NsRecord): void {
  for (const f of Object.values(info.fields)) {
    if (f.kind === 'select' || f.kind === 'multiselect') checkSelect(store, f, rec.fields[f.id], '');
  }
  for (const [sublistId, lines] of Object.entries(rec.sublists)) {
    const sublist = info.sublists[sublistId];
    if (!sublist) continue;
    lines.forEach((line, i) => {
      for (const f of Object.values(sublist.fields)) {
        if (f.kind === 'select' || f.kind === 'multiselect') {
          checkSelect(store, f, line.fields[f.id], ` (${sublistId} line ${i + 1})`);
        }
      }
    });
  }
}

export function validateForSave(store: RecordStore, prefs: Preferences, rec: NsRecord, options: SaveOptions): void {
  const missing = missingBodyLabels(rec, prefs, options);
  if (missing.length) throw userError(`Please enter value(s) for: ${missing.join(', ')}`);
  checkLines(rec);
  checkReferences(store, rec.info, rec);
  checkMatrix(store, rec);
}

/** submitFields: only the changed body fields are checked (references). */
export function validateChangedFields(store: RecordStore, info: RecordTypeInfo, values: Record<string, FieldValue>): void {
  for (const [fieldId, value] of Object.entries(values)) {
    const f = info.fields[fieldId];
    if (f && (f.kind === 'select' || f.kind === 'multiselect')) checkSelect(store, f, value, '');
  }
}
