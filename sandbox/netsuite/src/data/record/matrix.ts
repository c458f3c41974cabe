/**
 * NetSuite's matrix item rules, checked when an inventory item is saved (issue #20; the account's
 * matrix options: catalogue/matrix-options.ts). The emulator is the stricter side:
 * - a child (`matrixtype` CHILD) needs a parent (`parent`) that is a matrix parent (`matrixtype` PARENT);
 * - a matrix parent is not itself a subitem;
 * - `matrixoption<field>` values are set on children only, and each must be one of the values the parent
 *   offers in `<field>` (NetSuite: "Invalid Field Value <id> for the following field: matrixoption…").
 * An item outside a matrix (no matrixtype) may still be a plain subitem of another item.
 */
import { NS, SuiteScriptError } from '../../errors';
import { MATRIX_OPTION_PREFIX } from '../catalogue/matrix-options';
import type { RecordStore } from '../store';
import type { FieldValue } from '../store-types';
import type { NsRecord } from './record';

function isEmpty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function userError(message: string): SuiteScriptError {
  return new SuiteScriptError(NS.USER_ERROR, message);
}

export function checkMatrix(store: RecordStore, rec: NsRecord): void {
  if (!rec.info.fields.matrixtype) return;
  const type = rec.fields.matrixtype;
  const parentId = rec.fields.parent;
  const optionFields = Object.keys(rec.info.fields).filter((f) => f.startsWith(MATRIX_OPTION_PREFIX));
  const setOptions = optionFields.filter((f) => !isEmpty(rec.fields[f]));
  if (type === 'PARENT' && !isEmpty(parentId)) {
    throw userError('A matrix parent item cannot be a subitem of another item. Clear Subitem of, or make it a child matrix item.');
  }
  if (type !== 'CHILD') {
    if (setOptions.length > 0) {
      throw userError(
        `Matrix options (${setOptions.join(', ')}) can only be set on child matrix items (Matrix Type: Child Matrix Item).`,
      );
    }
    return;
  }
  if (isEmpty(parentId)) throw userError('Please enter value(s) for: Subitem of (a child matrix item needs its parent matrix item).');
  const parent = store.get(rec.type, Number(parentId));
  if (!parent || parent.fields.matrixtype !== 'PARENT') {
    throw userError(`Item ${String(parentId)} is not a parent matrix item: a child matrix item's parent must have Matrix Type Parent Matrix Item.`);
  }
  for (const fieldId of setOptions) {
    const offered = parent.fields[fieldId.slice(MATRIX_OPTION_PREFIX.length)];
    const values = Array.isArray(offered) ? offered.map(String) : isEmpty(offered) ? [] : [String(offered)];
    const value = String(rec.fields[fieldId]);
    if (!values.includes(value)) {
      throw new SuiteScriptError(NS.INVALID_FLD_VALUE, `Invalid Field Value ${value} for the following field: ${fieldId}`);
    }
  }
}
