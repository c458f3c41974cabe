/**
 * The emulator's record model: how records are kept, and what each record type looks like.
 *
 * `N/record` (records.ts) writes through a RecordStore; `N/search` and `N/query` read it. Values are
 * kept the way SuiteScript hands them out in standard mode: select fields as internal-id strings,
 * checkboxes as booleans, numbers as numbers, dates as `YYYY-MM-DD` strings, date-times as ISO
 * strings, multiselects as string arrays, empty as null.
 */
import type { NetSuiteCatalogue } from '../../../../suiteapp/tools/netsuite-catalogue';
import type { RecordCategory } from '../governance';

export type FieldValue = string | number | boolean | null | string[];

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'clob'
  | 'email'
  | 'phone'
  | 'url'
  | 'integer'
  | 'float'
  | 'currency'
  | 'percent'
  | 'checkbox'
  | 'date'
  | 'datetime'
  | 'select'
  | 'multiselect';

export interface FieldInfo {
  id: string;
  kind: FieldKind;
  label: string;
  mandatory: boolean;
  /**
   * For select/multiselect: the record type the value must reference (`location`, `customer`,
   * `paymentmethod`, `item` = any item type, `transaction` = any transaction, `customrecord_x`), or a
   * fixed value list (`list:A,B,C`) for status-like fields such as `orderstatus`.
   */
  selectTarget?: string;
  defaultValue?: FieldValue;
  /** Set by NetSuite itself (totals, status, tranid...): scripts may read but not set it. */
  readOnly?: boolean;
  /**
   * A radio button NetSuite exposes as `'T'`/`'F'` (the customer's `isperson`): kept as a checkbox,
   * but `setValue` also takes those strings.
   */
  tfRadio?: boolean;
  /** Text fields: NetSuite's maximum length. */
  maxLength?: number;
  /**
   * For `list:` select targets narrowed by the account (a feature it lacks): why the other values are
   * refused, added to NetSuite's INVALID_FLD_VALUE message.
   */
  listNote?: string;
  /** For `list:` select targets: the display text of each value (`{ A: 'Pending Approval' }`). */
  listLabels?: Readonly<Record<string, string>>;
  /**
   * A transaction `status` (stored as its letter): NetSuite's `statusRef` id of each letter
   * (`{ B: 'pendingFulfillment' }`). `getValue` answers the status text, searches the ref id.
   */
  statusRefs?: Readonly<Record<string, string>>;
  /** `statusRef`: computed from this record's `status` field (its `statusRefs`); nothing is stored. */
  refOfStatus?: true;
}

/** The `family` column of the physical `records` table. */
export type RecordFamily = 'transaction' | 'entity' | 'item' | 'custom' | 'other';

export interface SublistInfo {
  id: string;
  fields: Record<string, FieldInfo>;
  /**
   * Lines come from the source transaction (an item fulfillment's items): adding or removing lines is
   * refused; scripts change the lines there are.
   */
  staticLines?: boolean;
  /** Line subrecords, e.g. `addressbookaddress` on the customer's `addressbook` sublist. */
  subrecords?: Record<string, string>;
}

export interface RecordTypeInfo {
  /** Lower-case record type id as in `record.Type` (`salesorder`, `customrecord_tts_order`). */
  id: string;
  category: RecordCategory;
  /** SuiteQL/search transaction type code (`SalesOrd`, `ItemShip`, `RtnAuth`, `CashRfnd`, `CustCred`). */
  transactionType?: string;
  /** Item record types (`inventoryitem`, `shipitem`, `discountitem`, ...) answer selects that target `item`. */
  isItem?: boolean;
  /** Entity record types share one externalid space (Oracle help, External IDs). */
  externalIdGroup: string;
  optimisticLocking: boolean;
  custom: boolean;
  fields: Record<string, FieldInfo>;
  sublists: Record<string, SublistInfo>;
  /** Body subrecords, e.g. `shippingaddress` → `address`. */
  subrecords: Record<string, string>;
  /** Records NetSuite only creates by transform (item fulfillment). */
  createOnlyByTransform?: boolean;
  /** The `record.transform` targets NetSuite's records catalogue lists for this type (none for custom records). */
  transformTargets?: readonly string[];
  /** The search type whose columns and filters apply (`salesorder` → `transaction`), from the catalogue. */
  searchType?: string;
  /** Human name used in messages and display text (`Sales Order`). */
  label?: string;
  /** Field whose value is the record's display text (`entityid`, `tranid`, `itemid`, `name`). */
  displayField?: string;
  /** Physical-table family; derived from category/isItem/externalIdGroup when absent. */
  family?: RecordFamily;
  /** Subrecord types (`address`): reachable only through a parent record, never stored alone. */
  subrecordOnly?: boolean;
  /**
   * What NetSuite has for this type but this account does not (profiles/account-types.ts), with why:
   * keys `fieldId` (body), `sublistId.fieldId` (line), `sublistId.*` (a whole sublist).
   */
  absent?: Record<string, string>;
}

export interface StoredSubrecord {
  type: string;
  fields: Record<string, FieldValue>;
}

export interface StoredLine {
  fields: Record<string, FieldValue>;
  subrecords?: Record<string, StoredSubrecord>;
}

export interface StoredRecord {
  type: string;
  id: number;
  externalId: string | null;
  /** Incremented on every save: the optimistic-lock token. */
  version: number;
  fields: Record<string, FieldValue>;
  sublists: Record<string, StoredLine[]>;
  subrecords: Record<string, StoredSubrecord>;
  createdAt: string;
  lastModified: string;
}

/** What N/search and N/query need from the store (the data layer's store implements more). */
export interface RecordReader {
  typeInfo(type: string): RecordTypeInfo;
  hasType(type: string): boolean;
  types(): RecordTypeInfo[];
  get(type: string, id: number): StoredRecord | null;
  /** Any record of any type with this id-and-category, for selects that target `item` or `transaction`. */
  getAny(family: 'item' | 'transaction' | 'entity', id: number): StoredRecord | null;
  all(type: string): StoredRecord[];
  findByExternalId(type: string, externalId: string): StoredRecord | null;
  /** Display text of a select value (the target record's name/entityid/tranid/itemid). */
  displayText(target: string, id: string): string;
  /** NetSuite's records catalogue for the account's profiles: which search columns, filters and joins exist. */
  schema(): NetSuiteCatalogue;
}
