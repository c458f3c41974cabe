/**
 * Runs a search definition over the store's rows: resolves the search type, checks filters and columns
 * against NetSuite's records catalogue, filters, groups and sorts.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import { NS, SuiteScriptError } from '../../errors';
import { unknownRecordType } from '../record-types';
import type { RecordReader, RecordTypeInfo } from '../store-types';
import {
  catalogueHasColumn,
  catalogueHasFilter,
  catalogueSearchType,
  invalidColumn,
  invalidFilter,
  unsupportedColumn,
} from './catalogue-check';
import type { Cell, ResultRow } from './cells';
import { compareCells } from './cells';
import type { SearchColumn } from './column';
import type { FilterNode } from './expression';
import { termsOf } from './expression';
import type { FieldRef, SearchScope } from './fields';
import { LOCATION_FIELDS, MEMBER_FIELDS, resolveField } from './fields';
import type { RowTest } from './operators';
import { compileTerm } from './operators';
import type { Row } from './rows';
import { expandRows } from './rows';
import { summarise } from './summary';
import { isItemType, isTransactionType } from './type-codes';

export interface SearchDefinition {
  searchType: string;
  filters: FilterNode;
  columns: SearchColumn[];
}

export interface SearchDeps {
  reader: RecordReader;
  clock: Clock;
}

/** `item` = every item type, `transaction` = every transaction type, else the record type itself. */
export function resolveSearchTypes(reader: RecordReader, searchType: string): RecordTypeInfo[] {
  const type = String(searchType ?? '').toLowerCase();
  if (type === 'item') return reader.types().filter(isItemType);
  if (type === 'transaction') return reader.types().filter(isTransactionType);
  if (!reader.hasType(type)) throw unknownRecordType(reader.schema(), searchType);
  return [reader.typeInfo(type)];
}

function compileNode(node: FilterNode, scope: SearchScope, clock: Clock): RowTest {
  switch (node.kind) {
    case 'term': {
      const f = node.filter;
      if (!catalogueHasFilter(scope.reader, scope.searchType, f.name, f.join)) throw invalidFilter(f.qualifiedName);
      const ref = resolveField(scope, f.name, f.join);
      if (!ref) {
        if (scope.searchType !== null && !/^cust/.test(f.name)) {
          throw new SuiteScriptError(
            NS.EMULATOR_UNSUPPORTED,
            `${f.qualifiedName} is a filter of NetSuite's ${scope.searchType} search, but the emulator does not compute it yet (sandbox/netsuite/src/data/search/fields.ts).`,
          );
        }
        throw invalidFilter(f.qualifiedName);
      }
      return compileTerm(f, ref, clock);
    }
    case 'not': {
      const inner = compileNode(node.node, scope, clock);
      return (r) => !inner(r);
    }
    case 'and': {
      const parts = node.nodes.map((n) => compileNode(n, scope, clock));
      return (r) => parts.every((p) => p(r));
    }
    case 'or': {
      const parts = node.nodes.map((n) => compileNode(n, scope, clock));
      return (r) => parts.some((p) => p(r));
    }
  }
}

/** The reader of a column NetSuite's catalogue lists for the search type (search.create and lookupFields). */
export function columnRef(scope: SearchScope, name: string, join?: string): FieldRef {
  const qualified = join ? `${join}.${name}` : name;
  if (!catalogueHasColumn(scope.reader, scope.searchType, name, join)) throw invalidColumn(qualified);
  if (name.startsWith('formula')) {
    throw new SuiteScriptError(
      NS.EMULATOR_UNSUPPORTED,
      `${qualified}: the emulator does not evaluate formula columns (NetSuite does).`,
    );
  }
  const ref = resolveField(scope, name, join);
  if (ref) return ref;
  if (scope.searchType !== null && !/^cust/.test(name) && !/^cust/.test(join ?? '')) {
    throw unsupportedColumn(scope.searchType, qualified);
  }
  throw invalidColumn(qualified);
}

function cellOf(ref: FieldRef, row: Row): Cell {
  const value = ref.read(row);
  return { kind: ref.kind, value, text: ref.text(row, value) };
}

function sortRows(rows: ResultRow[], columns: SearchColumn[]): ResultRow[] {
  const keys = columns.map((c, i) => ({ i, dir: c.sort })).filter((k) => k.dir !== 'NONE');
  if (keys.length === 0) return rows;
  return rows
    .map((row, at) => ({ row, at }))
    .sort((a, b) => {
      for (const k of keys) {
        const c = compareCells(a.row.cells[k.i]!, b.row.cells[k.i]!);
        if (c !== 0) return k.dir === 'DESC' ? -c : c;
      }
      return a.at - b.at;
    })
    .map((x) => x.row);
}

function summariseRows(rows: Row[], columns: SearchColumn[], refs: FieldRef[]): ResultRow[] {
  const missing = columns.find((c) => !c.summary);
  if (missing) {
    throw new SuiteScriptError(
      NS.SSS_INVALID_SRCH_COL,
      `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${missing.name} needs a summary type because other columns are summarised.`,
    );
  }
  const groups = new Map<string, Cell[][]>();
  for (const row of rows) {
    const cells = refs.map((ref) => cellOf(ref, row));
    const key = JSON.stringify(columns.map((c, i) => (c.summary === 'GROUP' ? cells[i]!.value : null)));
    const bucket = groups.get(key);
    if (bucket) bucket.push(cells);
    else groups.set(key, [cells]);
  }
  const out: ResultRow[] = [...groups.values()].map((bucket) => ({
    id: null,
    recordType: null,
    cells: columns.map((c, i) =>
      summarise(
        c.summary!,
        bucket.map((cells) => cells[i]!),
      ),
    ),
  }));
  const groupIdx = columns.map((c, i) => (c.summary === 'GROUP' ? i : -1)).filter((i) => i >= 0);
  out.sort((a, b) => {
    for (const i of groupIdx) {
      const c = compareCells(a.cells[i]!, b.cells[i]!);
      if (c !== 0) return c;
    }
    return 0;
  });
  return out;
}

/** Runs a search definition over the records the reader holds. */
export function executeSearch(deps: SearchDeps, def: SearchDefinition): ResultRow[] {
  const types = resolveSearchTypes(deps.reader, def.searchType);
  const referenced = [
    ...termsOf(def.filters)
      .filter((f) => !f.join)
      .map((f) => f.name),
    ...def.columns.filter((c) => !c.join).map((c) => c.name),
  ];
  const locationMode = types.some(isItemType) && referenced.some((n) => n in LOCATION_FIELDS);
  const memberMode = !locationMode && types.some(isItemType) && referenced.some((n) => n in MEMBER_FIELDS);
  const searchType = catalogueSearchType(deps.reader, def.searchType, types);
  const scope: SearchScope = { reader: deps.reader, types, locationMode, memberMode, searchType };
  const test = compileNode(def.filters, scope, deps.clock);
  const refs = def.columns.map((c) => columnRef(scope, c.name, c.join));
  const rows = expandRows(deps.reader, types, locationMode, memberMode).filter(test);
  if (def.columns.some((c) => c.summary)) return sortRows(summariseRows(rows, def.columns, refs), def.columns);
  return sortRows(
    rows.map((row) => ({
      id: String(row.record.id),
      recordType: row.record.type,
      cells: refs.map((ref) => cellOf(ref, row)),
    })),
    def.columns,
  );
}
