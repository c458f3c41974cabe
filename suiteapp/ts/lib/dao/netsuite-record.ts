/**
 * The one module that calls N/record and N/search (dao/suiteql.ts is the one for N/query). Every
 * record type, field, sublist, column and transform target it takes is a `NetSuiteId` from a
 * mapper's declaration (mappers/record-declaration.ts), so nothing reaches NetSuite undeclared.
 *
 * Usage: record.create/load (custom record 2, transaction 10, entity 5), save (4 / 20 / 10),
 * submitFields (2 / 10 / 5), transform 10, search.lookupFields 1, search.runPaged 5 + 5 per page
 * fetched.
 */
import * as record from 'N/record';
import * as search from 'N/search';
import { errorName } from '../platform/errors';
import type {
  BodyFieldId,
  CreateDefaultId,
  BodyWrite,
  LineFieldId,
  LookupValues,
  RecordReader,
  RecordTypeId,
  RecordWrite,
  SearchColumnId,
  SearchFilterId,
  SublistId,
  SubmitWrite,
} from '../mappers/record-declaration';

export type NetSuiteRecord = record.Record;

/** What mappers read: a record loaded, created or handed to a user event (whose save is hidden). */
type ReadableRecord = Pick<
  NetSuiteRecord,
  | 'getValue'
  | 'getText'
  | 'getFields'
  | 'getLineCount'
  | 'getSublistValue'
  | 'getSublistText'
  | 'hasSubrecord'
  | 'getSubrecord'
>;

export function createRecord(
  type: RecordTypeId,
  defaults: readonly (readonly [CreateDefaultId, string | number])[] = [],
): NetSuiteRecord {
  if (defaults.length === 0) return record.create({ type, isDynamic: false });
  return record.create({ type, isDynamic: false, defaultValues: Object.fromEntries(defaults) });
}

export function loadRecord(type: RecordTypeId, id: string): NetSuiteRecord {
  return record.load({ type, id, isDynamic: false });
}

export function transformRecord(fromType: RecordTypeId, id: string, toType: RecordTypeId): NetSuiteRecord {
  return record.transform({ fromType, fromId: Number(id), toType });
}

export function setBodyFields(rec: Pick<NetSuiteRecord, 'setValue'>, writes: readonly BodyWrite[]): void {
  for (const [fieldId, value] of writes) {
    rec.setValue({ fieldId, value });
  }
}

/** Writes a record: body fields, then sublist lines, then body subrecords (record-declaration.ts). */
export function writeRecord(rec: NetSuiteRecord, write: RecordWrite): void {
  setBodyFields(rec, write.body);
  for (const sublist of write.sublists) {
    for (const { line, fields } of sublist.lines) {
      for (const [fieldId, value] of fields) {
        rec.setSublistValue({ sublistId: sublist.sublistId, fieldId, line, value });
      }
    }
  }
  for (const subrecord of write.subrecords) {
    setBodyFields(rec.getSubrecord({ fieldId: subrecord.fieldId }), subrecord.fields);
  }
}

/** Sets one sublist field on one line (0-based; a line equal to the count appends it). */
export function setLineValue(
  rec: Pick<NetSuiteRecord, 'setSublistValue'>,
  sublistId: SublistId,
  fieldId: LineFieldId,
  line: number,
  value: string | number | boolean,
): void {
  rec.setSublistValue({ sublistId, fieldId, line, value });
}

/** Removes lines of a sublist (0-based indexes), last first so the others keep their index. */
export function removeLines(rec: NetSuiteRecord, sublistId: SublistId, lines: readonly number[]): void {
  for (const line of [...lines].sort((x, y) => y - x)) {
    rec.removeLine({ sublistId, line });
  }
}

export interface SaveOptions {
  enableSourcing: boolean;
  ignoreMandatoryFields: boolean;
}

export function saveRecord(rec: NetSuiteRecord, options?: SaveOptions): string {
  return String(options === undefined ? rec.save() : rec.save(options));
}

/** Writes body fields of a saved record in one `record.submitFields`, without sourcing. */
export function submitBodyFields(type: RecordTypeId, id: string, writes: readonly SubmitWrite[]): void {
  const values: Record<string, string | number | boolean> = {};
  for (const [fieldId, value] of writes) {
    values[fieldId] = value;
  }
  record.submitFields({
    type,
    id,
    values,
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}

/** Search columns of one record in one `search.lookupFields`. */
export function lookupColumns(
  type: RecordTypeId,
  id: string,
  columns: readonly SearchColumnId[],
): LookupValues {
  return search.lookupFields({ type, id, columns: [...columns] }) as LookupValues;
}

/** A search filter: a declared filter id, NetSuite's operator and its values. */
export type SearchFilterSpec = readonly [
  SearchFilterId,
  'anyof' | 'is' | 'onorafter' | 'startswith',
  readonly (string | boolean)[] | string,
];

const OPERATORS = {
  anyof: search.Operator.ANYOF,
  is: search.Operator.IS,
  onorafter: search.Operator.ONORAFTER,
  startswith: search.Operator.STARTSWITH,
} as const;

function createSearch(
  type: RecordTypeId,
  filters: readonly SearchFilterSpec[],
  columns: readonly SearchColumnId[],
): search.Search {
  return search.create({
    type,
    filters: filters.map(([name, operator, values]) =>
      search.createFilter({
        name,
        operator: OPERATORS[operator],
        values: typeof values === 'string' ? values : [...values].map(String),
      }),
    ),
    columns: [...columns],
  });
}

/** How many records a search finds (search.create, runPaged: 5 units; no page is fetched). */
export function searchCount(type: RecordTypeId, filters: readonly SearchFilterSpec[]): number {
  return createSearch(type, filters, []).runPaged({ pageSize: 1000 }).count;
}

/**
 * Runs a search paged (5 units, then 5 per page of up to 1,000 rows) and hands each result's
 * internal id and column reader to `each`; `canFetch` is asked before each page (governance).
 * Returns false when it stopped early.
 */
export function searchPaged(
  type: RecordTypeId,
  filters: readonly SearchFilterSpec[],
  columns: readonly SearchColumnId[],
  each: (id: string, value: (column: SearchColumnId) => unknown) => void,
  canFetch: () => boolean = () => true,
): boolean {
  const paged = createSearch(type, filters, columns).runPaged({ pageSize: 1000 });
  for (const range of paged.pageRanges) {
    if (!canFetch()) return false;
    const page = paged.fetch({ index: range.index });
    for (const result of page.data) {
      each(String(result.id), (column) => result.getValue({ name: column }));
    }
  }
  return true;
}

/** Whether the account has a saved search of that id (search.load, 5 units). */
export function savedSearchExists(searchId: string): boolean {
  try {
    search.load({ id: searchId });
    return true;
  } catch (e) {
    if (errorName(e) === 'INVALID_SEARCH') return false;
    throw e;
  }
}

/**
 * The internal ids a saved search returns (search.load 5, runPaged 5, 5 per page of 1,000), or null when
 * the account has no saved search of that id (search.load throws INVALID_SEARCH).
 */
export function savedSearchIds(searchId: string): string[] | null {
  let saved: search.Search;
  try {
    saved = search.load({ id: searchId });
  } catch (e) {
    if (errorName(e) === 'INVALID_SEARCH') return null;
    throw e;
  }
  const ids: string[] = [];
  const paged = saved.runPaged({ pageSize: 1000 });
  for (const range of paged.pageRanges) {
    for (const result of paged.fetch({ index: range.index }).data) ids.push(String(result.id));
  }
  return ids;
}

/** A record (loaded, or handed to a user event) as mappers read it. */
export function readerOf(rec: ReadableRecord): RecordReader {
  return {
    value: (fieldId: BodyFieldId) => rec.getValue({ fieldId }),
    text: (fieldId: BodyFieldId) => {
      const text: unknown = rec.getText({ fieldId });
      const joined = Array.isArray(text) ? text.join(', ') : text;
      return joined === null || joined === undefined || joined === '' ? null : String(joined);
    },
    fieldIds: () => rec.getFields(),
    lineCount: (sublistId: SublistId) => rec.getLineCount({ sublistId }),
    lineValue: (sublistId: SublistId, fieldId: LineFieldId, line: number) =>
      rec.getSublistValue({ sublistId, fieldId, line }),
    lineText: (sublistId: SublistId, fieldId: LineFieldId, line: number) => {
      const text: unknown = rec.getSublistText({ sublistId, fieldId, line });
      const joined = Array.isArray(text) ? text.join(', ') : text;
      return joined === null || joined === undefined || joined === '' ? null : String(joined);
    },
    subrecord: (fieldId: BodyFieldId) =>
      rec.hasSubrecord({ fieldId }) ? readerOf(rec.getSubrecord({ fieldId })) : null,
  };
}
