/**
 * How a search reads a field of a row, possibly through a join: the fields every record answers, item
 * location fields and the fallbacks used when the catalogue does not define a field.
 */
import { JOIN_SOURCES, SEARCH_COLUMN_ALIASES } from '../catalogue/overlay';
import type { FieldInfo, FieldKind, FieldValue, RecordReader, RecordTypeInfo, StoredRecord } from '../store-types';
import { catalogueSearchType } from './catalogue-check';
import type { Row } from './rows';
import { headerRow } from './rows';
import { isItemType, isTransactionType, typeCode, typeText } from './type-codes';

/** How a search reads one field (possibly through a join) from a row. */
export interface FieldRef {
  kind: FieldKind;
  read(row: Row): FieldValue;
  /** Display text of a select/multiselect value (ids comma-joined for multiselects). */
  text(row: Row, value: FieldValue): string;
  /**
   * What `anyof`/`noneof` filters match, when it is not the value: a transaction status filters by
   * `SalesOrd:B` while its column value is `pendingFulfillment`.
   */
  criteria?(row: Row): string[];
}

/** What the search runs over. */
export interface SearchScope {
  reader: RecordReader;
  types: RecordTypeInfo[];
  /** Item searches that use per-location fields run one row per `locations` line. */
  locationMode: boolean;
  /** Item searches that use member fields run one row per `member` line (kits). */
  memberMode?: boolean;
  /** The catalogue search type (`transaction`, `item`, `customer`), or null for custom record searches. */
  searchType: string | null;
}

/** Item search fields that read the `locations` line of the row (Oracle's Records Browser, item `locations` sublist). */
export const LOCATION_FIELDS: Readonly<Record<string, string>> = {
  inventorylocation: 'location',
  locationquantityonhand: 'quantityonhand',
  locationquantityavailable: 'quantityavailable',
  locationquantitycommitted: 'quantitycommitted',
  locationquantitybackordered: 'quantitybackordered',
  locationquantityonorder: 'quantityonorder',
  locationquantityintransit: 'quantityintransit',
};

/**
 * Item search fields that read the `member` line of the row (records.json: item search columns
 * memberitem "Member Item" and memberquantity "Member Quantity"; kititem `member` sublist item,
 * quantity).
 */
export const MEMBER_FIELDS: Readonly<Record<string, string>> = {
  memberitem: 'item',
  memberquantity: 'quantity',
};

function plainText(_row: Row, value: FieldValue): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

function idsOf(value: FieldValue): string[] {
  if (value === null || value === '') return [];
  return Array.isArray(value) ? value : [String(value)];
}

function selectText(reader: RecordReader, target: string | undefined, value: FieldValue): string {
  return idsOf(value)
    .map((id) => (target ? reader.displayText(target, id) : id))
    .join(',');
}

function special(kind: FieldKind, read: (row: Row) => FieldValue, text = plainText): FieldRef {
  return { kind, read, text };
}

/** Fields every record answers, whatever its catalogue says. */
function specialField(scope: SearchScope, name: string): FieldRef | null {
  switch (name) {
    case 'internalid':
      return special('select', (r) => String(r.record.id));
    case 'internalidnumber':
      return special('integer', (r) => r.record.id);
    case 'externalid':
      return special('select', (r) => r.record.externalId);
    case 'externalidstring':
      return special('text', (r) => r.record.externalId);
    case 'type':
      return special(
        'select',
        (r) => typeCode(r.info),
        (r, v) => (v === null ? '' : typeText(r.info)),
      );
    case 'recordtype':
      return special('text', (r) => r.record.type);
    case 'mainline':
      return scope.types.some(isTransactionType) ? special('checkbox', (r) => r.sublist !== 'item') : null;
    case 'line':
    case 'linesequencenumber':
      return scope.types.some(isTransactionType) ? special('integer', (r) => r.lineNumber) : null;
    case 'datecreated':
    case 'created':
      return special('datetime', (r) => r.record.createdAt);
    case 'lastmodified':
    case 'lastmodifieddate':
      return special('datetime', (r) => r.record.lastModified);
    default:
      return null;
  }
}

/**
 * Item search totals (records.json item search columns quantityonhand, quantityavailable,
 * quantitycommitted, quantitybackordered, quantityonorder): the sum over the item's locations with
 * Multi-Location Inventory, the item's single quantity without it (both kept on its locations lines,
 * record/inventory.ts). Null for items that track no inventory.
 */
const ITEM_TOTALS: ReadonlySet<string> = new Set(['quantityonhand', 'quantityavailable', 'quantitycommitted', 'quantitybackordered', 'quantityonorder']);

function itemTotal(row: Row, name: string): FieldValue {
  if (row.record.type !== 'inventoryitem') return null;
  return (row.record.sublists.locations ?? []).reduce((sum, l) => {
    const v = l.fields[name];
    return Math.round((sum + (typeof v === 'number' ? v : 0)) * 100000) / 100000;
  }, 0);
}

/** Fallbacks used only when the catalogue does not define the field. */
function implicitField(scope: SearchScope, name: string): FieldRef | null {
  if (ITEM_TOTALS.has(name) && scope.types.some(isItemType) && scope.searchType === 'item') {
    return special('float', (r) => itemTotal(r, name));
  }
  if (name === 'isinactive') return special('checkbox', (r) => r.record.fields['isinactive'] === true);
  if (name === 'name' && scope.types.some((t) => t.custom)) {
    return special('text', (r) => r.record.fields['name'] ?? null);
  }
  const locationField = LOCATION_FIELDS[name];
  if (locationField && scope.locationMode) {
    return special(
      name === 'inventorylocation' ? 'select' : 'float',
      (r) => (r.sublist === 'locations' ? (r.line?.fields[locationField] ?? null) : null),
      (_r, v) => (name === 'inventorylocation' ? selectText(scope.reader, 'location', v) : plainText(_r, v)),
    );
  }
  const memberField = MEMBER_FIELDS[name];
  if (memberField && scope.memberMode) {
    return special(
      name === 'memberitem' ? 'select' : 'float',
      (r) => (r.sublist === 'member' ? (r.line?.fields[memberField] ?? null) : null),
      (_r, v) => (name === 'memberitem' ? selectText(scope.reader, 'item', v) : plainText(_r, v)),
    );
  }
  return null;
}

function lineDef(info: RecordTypeInfo, name: string): FieldInfo | undefined {
  return isTransactionType(info) ? info.sublists['item']?.fields[name] : undefined;
}

/** Body or transaction line value of a catalogue field, as NetSuite fills header and line rows. */
function readCatalogueField(row: Row, name: string): { value: FieldValue; def: FieldInfo | undefined } {
  const ld = row.sublist === 'item' ? lineDef(row.info, name) : undefined;
  if (ld && row.line) {
    const v = row.line.fields[name];
    if (v !== undefined && v !== null && v !== '') return { value: v, def: ld };
  }
  const bd = row.info.fields[name];
  if (bd) {
    const v = row.record.fields[name];
    return { value: v === undefined ? (bd.kind === 'checkbox' ? false : null) : v, def: bd };
  }
  if (row.sublist === null && name === 'amount' && isTransactionType(row.info)) {
    return { value: row.record.fields['total'] ?? null, def: row.info.fields['total'] };
  }
  const def = ld ?? lineDef(row.info, name);
  return { value: def?.kind === 'checkbox' ? false : null, def };
}

function catalogueDef(scope: SearchScope, name: string): FieldInfo | undefined {
  for (const info of scope.types) {
    const def = info.fields[name] ?? lineDef(info, name);
    if (def) return def;
  }
  return undefined;
}

/** A column NetSuite computes that the emulator reads from a field it keeps (overlay.ts). */
function aliasField(scope: SearchScope, name: string): FieldRef | null {
  const alias = scope.searchType ? SEARCH_COLUMN_ALIASES[scope.searchType]?.[name] : undefined;
  if (!alias) return null;
  return catalogueField(scope, alias.field);
}

/**
 * A transaction `status` column: its value is the `statusRef` id (`pendingFulfillment`), its text the
 * status text, and filters name it `SalesOrd:B` (public RESTlets filter
 * `['status', 'anyof', 'SalesOrd:B']`; public scripts compare lookupFields' `status[0].value` with
 * `pendingBilling`).
 */
function statusField(name: string): FieldRef {
  const letterOf = (row: Row): { letter: string; def: FieldInfo } | null => {
    const { value, def } = readCatalogueField(row, name);
    return value === null || value === '' || !def?.statusRefs ? null : { letter: String(value), def };
  };
  return {
    kind: 'select',
    read: (row) => {
      const s = letterOf(row);
      return s ? (s.def.statusRefs?.[s.letter] ?? s.letter) : null;
    },
    text: (row) => {
      const s = letterOf(row);
      return s ? (s.def.listLabels?.[s.letter] ?? s.letter) : '';
    },
    criteria: (row) => {
      const s = letterOf(row);
      return s ? [`${typeCode(row.info)}:${s.letter}`] : [];
    },
  };
}

function catalogueField(scope: SearchScope, name: string): FieldRef | null {
  const def = catalogueDef(scope, name);
  if (!def) return null;
  if (def.statusRefs) return statusField(name);
  return {
    kind: def.kind,
    read: (row) => readCatalogueField(row, name).value,
    text: (row, value) => {
      const d = readCatalogueField(row, name).def ?? def;
      if (d.listLabels && value !== null && !Array.isArray(value)) return d.listLabels[String(value)] ?? String(value);
      return d.kind === 'select' || d.kind === 'multiselect'
        ? selectText(scope.reader, d.selectTarget, value)
        : plainText(row, value);
    },
  };
}

/** The record types a select target can point at. */
function typesForTarget(reader: RecordReader, target: string): RecordTypeInfo[] {
  if (target === 'item') return reader.types().filter(isItemType);
  if (target === 'transaction') return reader.types().filter(isTransactionType);
  return reader.hasType(target) ? [reader.typeInfo(target)] : [];
}

function fetchTarget(reader: RecordReader, target: string, id: string): StoredRecord | null {
  const n = Number(id);
  if (!Number.isInteger(n)) return null;
  if (target === 'item' || target === 'transaction') return reader.getAny(target, n);
  if (reader.hasType(target)) return reader.get(target, n);
  return null;
}

function joinedField(scope: SearchScope, join: string, name: string): FieldRef | null {
  const sourceId = [join, JOIN_SOURCES[join]?.field].find((id): id is string => {
    const def = id ? catalogueDef(scope, id) : undefined;
    return def?.kind === 'select' && typeof def.selectTarget === 'string' && !def.selectTarget.startsWith('list:');
  });
  if (!sourceId) return null;
  const target = catalogueDef(scope, sourceId)!.selectTarget!;
  const joinedTypes = typesForTarget(scope.reader, target);
  if (joinedTypes.length === 0) return null;
  const innerScope: SearchScope = {
    reader: scope.reader,
    types: joinedTypes,
    locationMode: false,
    searchType: catalogueSearchType(scope.reader, target, joinedTypes),
  };
  const inner = resolveField(innerScope, name);
  if (!inner) return null;
  const joinedRow = (row: Row): Row | null => {
    const id = readCatalogueField(row, sourceId).value;
    if (id === null || id === '' || Array.isArray(id)) return null;
    const record = fetchTarget(scope.reader, target, String(id));
    return record ? headerRow(record, scope.reader.typeInfo(record.type)) : null;
  };
  return {
    kind: inner.kind,
    read: (row) => {
      const j = joinedRow(row);
      return j ? inner.read(j) : inner.kind === 'checkbox' ? false : null;
    },
    text: (row, value) => {
      const j = joinedRow(row);
      return j ? inner.text(j, value) : '';
    },
  };
}

/** Resolves `name` (optionally through `join`) for the scope; `null` when NetSuite would not know it. */
export function resolveField(scope: SearchScope, name: string, join?: string): FieldRef | null {
  const field = name.toLowerCase();
  if (join) return joinedField(scope, join.toLowerCase(), field);
  return specialField(scope, field) ?? catalogueField(scope, field) ?? aliasField(scope, field) ?? implicitField(scope, field);
}
