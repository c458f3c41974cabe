/**
 * One search row. Transactions give a header row (`mainline`) plus one row per `item` line, the way
 * NetSuite's transaction searches do; items searched with per-location fields give one row per
 * `locations` line, and kits searched with member fields (`memberitem`, `memberquantity`) one row per
 * `member` line (an item without members gives its header row, its member columns empty).
 */
import type { RecordReader, RecordTypeInfo, StoredLine, StoredRecord } from '../store-types';
import { isItemType, isTransactionType } from './type-codes';

export interface Row {
  record: StoredRecord;
  info: RecordTypeInfo;
  line: StoredLine | null;
  sublist: 'item' | 'locations' | 'member' | null;
  /** 0 for the header row, n for the nth line. */
  lineNumber: number;
}

export function headerRow(record: StoredRecord, info: RecordTypeInfo): Row {
  return { record, info, line: null, sublist: null, lineNumber: 0 };
}

function rowsOf(record: StoredRecord, info: RecordTypeInfo, locationMode: boolean, memberMode: boolean): Row[] {
  if (isTransactionType(info)) {
    const lines = record.sublists['item'] ?? [];
    return [
      headerRow(record, info),
      ...lines.map((line, i): Row => ({ record, info, line, sublist: 'item', lineNumber: i + 1 })),
    ];
  }
  if (locationMode && isItemType(info)) {
    const lines = record.sublists['locations'] ?? [];
    if (lines.length === 0) return [headerRow(record, info)];
    return lines.map((line, i): Row => ({ record, info, line, sublist: 'locations', lineNumber: i + 1 }));
  }
  if (memberMode && isItemType(info)) {
    const lines = record.sublists['member'] ?? [];
    if (lines.length === 0) return [headerRow(record, info)];
    return lines.map((line, i): Row => ({ record, info, line, sublist: 'member', lineNumber: i + 1 }));
  }
  return [headerRow(record, info)];
}

/** Every row of the given record types, ordered by internal id and then line. */
export function expandRows(
  reader: RecordReader,
  types: RecordTypeInfo[],
  locationMode: boolean,
  memberMode = false,
): Row[] {
  const records: Array<[StoredRecord, RecordTypeInfo]> = [];
  for (const info of types) for (const record of reader.all(info.id)) records.push([record, info]);
  records.sort((a, b) => a[0].id - b[0].id);
  return records.flatMap(([record, info]) => rowsOf(record, info, locationMode, memberMode));
}
