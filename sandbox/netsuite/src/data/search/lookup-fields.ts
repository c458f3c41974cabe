/**
 * `search.lookupFields`: one record's fields as a search column gives them, selects as `[{value,
 * text}]`, checkboxes as booleans.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordReader, StoredRecord } from '../store-types';
import { catalogueSearchType } from './catalogue-check';
import { cellValue } from './cells';
import { columnRef, resolveSearchTypes } from './execute';
import type { SearchScope } from './fields';
import { headerRow } from './rows';

export interface LookupFieldsOptions {
  type: string;
  id: string | number;
  columns: string | string[];
}

export type LookupValue = string | boolean | Array<{ value: string; text: string }>;

function findRecord(reader: RecordReader, type: string, id: number): StoredRecord | null {
  if (type === 'item' || type === 'transaction') return reader.getAny(type, id);
  return reader.get(type, id);
}

/**
 * `search.lookupFields` (the caller charges 1 unit): selects and multiselects as `[{value, text}]`
 * (empty → `[]`), checkboxes as booleans, everything else as the string a search column gives.
 * `join.field` follows a select field to the record it points at. Columns are checked against NetSuite's
 * records catalogue like search.create's (SSS_INVALID_SRCH_COL for one the search type does not list).
 */
export function lookupFields(reader: RecordReader, options: LookupFieldsOptions): Record<string, LookupValue> {
  const type = String(options?.type ?? '').toLowerCase();
  const id = Number(options?.id);
  const types = resolveSearchTypes(reader, type);
  const record = Number.isInteger(id) ? findRecord(reader, type, id) : null;
  if (!record) {
    throw new SuiteScriptError(NS.RCRD_DSNT_EXIST, `That record does not exist: ${type} ${String(options?.id)}.`);
  }
  const row = headerRow(record, reader.typeInfo(record.type));
  const columns = Array.isArray(options.columns) ? options.columns : [options.columns];
  const scope: SearchScope = { reader, types, locationMode: false, searchType: catalogueSearchType(reader, type, types) };
  const out: Record<string, LookupValue> = {};
  for (const column of columns) {
    const dot = column.indexOf('.');
    const ref = dot > 0 ? columnRef(scope, column.slice(dot + 1), column.slice(0, dot)) : columnRef(scope, column);
    const value = ref.read(row);
    if (ref.kind === 'select' || ref.kind === 'multiselect') {
      const ids = value === null || value === '' ? [] : Array.isArray(value) ? value : [String(value)];
      out[column] = ids.map((v) => ({ value: v, text: ref.text(row, v) }));
    } else {
      out[column] = cellValue({ kind: ref.kind, value, text: '' });
    }
  }
  return out;
}
