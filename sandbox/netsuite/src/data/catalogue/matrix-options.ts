/**
 * The account's matrix options (issue #20): in NetSuite an admin makes a custom list (Color: Red,
 * Blue…) and a custom item field over it marked as a matrix option (SDF `itemcustomfield`
 * `ismatrixoption`); the matrix parent lists the values it is offered in (the field itself, a multiple
 * select), and each child carries its one value in `matrixoption<field id>` (public SuiteScript sets
 * `matrixoptioncustitem_…` on child items; SuiteTalk InventoryItem.matrixOptionList). These fields are
 * the customer's, not the SuiteApp's, so an emulated account declares them at start
 * (EmulatorStartOptions.matrixOptions); record/matrix.ts enforces NetSuite's matrix rules on save.
 */
import type { RecordTypeInfo } from '../store-types';
import { field } from './fields';
import type { CatalogueListValue } from './index';
import { customListType } from './sdf';

export interface AccountMatrixOption {
  /** The custom item field (`custitem_color`). */
  fieldId: string;
  /** Its label (`Color`). */
  label: string;
  /** The custom list it selects from (`customlist_color`). */
  listId: string;
  /** The list's values, in order (`Red`, `Blue`). */
  values: readonly string[];
}

export const MATRIX_OPTION_PREFIX = 'matrixoption';

/** Adds each option's list and its two item fields (parent multiselect, child `matrixoption…` select). */
export function addMatrixOptions(
  types: RecordTypeInfo[],
  listValues: CatalogueListValue[],
  options: readonly AccountMatrixOption[],
): void {
  for (const option of options) {
    const fieldId = option.fieldId.toLowerCase();
    if (!/^custitem[a-z0-9_]+$/.test(fieldId)) {
      throw new Error(`Matrix option ${option.fieldId}: a matrix option is a custom item field (custitem_…).`);
    }
    const listId = option.listId.toLowerCase();
    const list = customListType({
      scriptid: listId,
      name: option.label,
      values: option.values.map((value, i) => ({ scriptid: `val_${i + 1}`, value })),
      file: '(account matrix option)',
    });
    types.push(list);
    option.values.forEach((value, i) => listValues.push({ type: listId, name: value, scriptid: `val_${i + 1}` }));
    for (const t of types.filter((x) => x.isItem)) {
      const offered = field(fieldId, 'multiselect', option.label);
      offered.selectTarget = listId;
      const own = field(`${MATRIX_OPTION_PREFIX}${fieldId}`, 'select', option.label);
      own.selectTarget = listId;
      t.fields[offered.id] = offered;
      t.fields[own.id] = own;
    }
  }
}
