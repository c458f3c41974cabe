/**
 * The emulator's record store: one SQLite table of JSON documents (better-sqlite3, synchronous).
 *
 * The physical schema is fixed because the SuiteQL engine builds its views on it:
 * `records(id, type, family, external_id, extid_group, version, doc)` with `doc` = JSON of the
 * StoredRecord. Internal ids come from one global sequence, as in NetSuite. External ids are unique
 * per group (all entities share one space, all transactions another: Oracle help, External IDs), enforced by a
 * unique index. `version` is the optimistic-lock token: `update()` with a stale version throws
 * RCRD_HAS_BEEN_CHANGED.
 */
import Database from 'better-sqlite3';
import type { Clock } from '../../../../shared-types/src/time/clock';
import { NS, SuiteScriptError } from '../errors';
import type { NetSuiteCatalogue } from '../../../../suiteapp/tools/netsuite-catalogue';
import type { AccountProfile } from '../profiles/account-profile';
import type { AccountSetup } from '../profiles/account-setup';
import { seedAccountSetup } from '../profiles/account-setup';
import type { Catalogue } from './catalogue';
import { unknownRecordType } from './record-types';
import { familyOf } from './catalogue';
import type { ItemPrice } from './item-prices';
import { ITEM_PRICES_SCHEMA, readItemPrices, writeItemPrices } from './item-prices';
import type {
  FieldValue,
  RecordReader,
  RecordTypeInfo,
  StoredLine,
  StoredRecord,
  StoredSubrecord,
} from './store-types';

export interface RecordStoreOptions {
  /** `:memory:` or a file path. */
  dbPath: string;
  catalogue: Catalogue;
  clock: Clock;
}

/** A record to insert: everything but what the store assigns. */
export interface NewRecord {
  type: string;
  externalId: string | null;
  fields: Record<string, FieldValue>;
  sublists: Record<string, StoredLine[]>;
  subrecords: Record<string, StoredSubrecord>;
}

const FIRST_INTERNAL_ID = 100;
const CREATED_FIELDS = ['created', 'createddate', 'datecreated'];
const MODIFIED_FIELDS = ['lastmodified', 'lastmodifieddate'];

const SCHEMA = `
CREATE TABLE IF NOT EXISTS records (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  family TEXT NOT NULL,
  external_id TEXT,
  extid_group TEXT,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS records_external_id ON records (extid_group, external_id);
CREATE INDEX IF NOT EXISTS records_type ON records (type);
CREATE TABLE IF NOT EXISTS sequences (name TEXT PRIMARY KEY, next INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS carrier_integrations (shipitem INTEGER PRIMARY KEY, carrier TEXT NOT NULL);
`;

/** Carriers a shipping item can be integrated with (Shipping Label Integration). */
export type IntegratedCarrier = 'ups' | 'fedex' | 'usps';

interface Row {
  doc: string;
}

export class RecordStore implements RecordReader {
  readonly db: Database.Database;
  readonly catalogue: Catalogue;
  readonly clock: Clock;
  /** The account profile the catalogue was cut for and the records it started with (null without a profile). */
  readonly account: { profile: AccountProfile; setup: AccountSetup } | null;

  constructor(options: RecordStoreOptions) {
    this.catalogue = options.catalogue;
    this.clock = options.clock;
    this.db = new Database(options.dbPath);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.db.exec(ITEM_PRICES_SCHEMA);
    this.seedCustomLists();
    const profile = this.catalogue.account;
    this.account = profile ? { profile, setup: seedAccountSetup(this, profile) } : null;
  }

  close(): void {
    this.db.close();
  }

  /** Run `fn` atomically (nested calls join the outer transaction). */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  typeInfo(type: string): RecordTypeInfo {
    const info = this.catalogue.find(String(type ?? ''));
    if (!info) {
      const absent = this.catalogue.absences.typeReason(String(type ?? ''));
      if (absent) {
        throw new SuiteScriptError(NS.INVALID_RCRD_TYPE, `The record type [${String(type).toUpperCase()}] is invalid: this account does not have it, because ${absent}.`);
      }
      throw unknownRecordType(this.catalogue.netsuite, type);
    }
    return info;
  }

  hasType(type: string): boolean {
    return this.catalogue.find(type) !== undefined;
  }

  types(): RecordTypeInfo[] {
    return this.catalogue.all();
  }

  schema(): NetSuiteCatalogue {
    return this.catalogue.netsuite;
  }

  get(type: string, id: number): StoredRecord | null {
    const row = this.db
      .prepare<[string, number], Row>('SELECT doc FROM records WHERE type = ? AND id = ?')
      .get(type.toLowerCase(), Number(id));
    return row ? parse(row) : null;
  }

  getById(id: number): StoredRecord | null {
    const row = this.db.prepare<[number], Row>('SELECT doc FROM records WHERE id = ?').get(Number(id));
    return row ? parse(row) : null;
  }

  getAny(family: 'item' | 'transaction' | 'entity', id: number): StoredRecord | null {
    const row = this.db
      .prepare<[string, number], Row>('SELECT doc FROM records WHERE family = ? AND id = ?')
      .get(family, Number(id));
    return row ? parse(row) : null;
  }

  all(type: string): StoredRecord[] {
    return this.db
      .prepare<[string], Row>('SELECT doc FROM records WHERE type = ? ORDER BY id')
      .all(type.toLowerCase())
      .map(parse);
  }

  findByExternalId(type: string, externalId: string): StoredRecord | null {
    const row = this.db
      .prepare<[string, string], Row>('SELECT doc FROM records WHERE type = ? AND external_id = ?')
      .get(type.toLowerCase(), externalId);
    return row ? parse(row) : null;
  }

  /**
   * The record a select value points at: `item`, `transaction` and `entity` targets accept any type
   * of that family; `list:` targets reference no record (null).
   */
  resolveReference(target: string, id: string | number): StoredRecord | null {
    const n = Number(id);
    if (!Number.isInteger(n) || target.startsWith('list:')) return null;
    if (target === 'item' || target === 'transaction' || target === 'entity') return this.getAny(target, n);
    if (!this.hasType(target)) return null;
    return this.get(target, n);
  }

  displayText(target: string, id: string): string {
    if (target.startsWith('list:')) return id;
    const rec = this.resolveReference(target, id);
    return rec ? this.recordText(rec) : '';
  }

  /** How NetSuite shows a record in a select: `Sales Order #SO1001`, an entity id, an item name. */
  recordText(rec: StoredRecord): string {
    const info = this.typeInfo(rec.type);
    const value = info.displayField ? rec.fields[info.displayField] : null;
    const text = value === null || value === undefined || value === '' ? String(rec.id) : String(value);
    return info.category === 'transaction' ? `${info.label ?? info.id} #${text}` : text;
  }

  /** Next value of a named counter (first call returns `first`). */
  nextSequence(name: string, first: number): number {
    return this.transaction(() => {
      const row = this.db.prepare<[string], { next: number }>('SELECT next FROM sequences WHERE name = ?').get(name);
      const value = row ? row.next : first;
      this.db
        .prepare('INSERT INTO sequences (name, next) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET next = excluded.next')
        .run(name, value + 1);
      return value;
    });
  }

  /**
   * The carrier a shipping item is integrated with (account set-up: a carrier registered under
   * Shipping Label Integration and the item's service set for it), or null. Not a record field: the
   * emulator keeps it beside the records (record/item-fulfillment.ts uses it for package sublists).
   */
  carrierIntegration(shipItemId: number): IntegratedCarrier | null {
    const row = this.db
      .prepare<[number], { carrier: IntegratedCarrier }>('SELECT carrier FROM carrier_integrations WHERE shipitem = ?')
      .get(Number(shipItemId));
    return row?.carrier ?? null;
  }

  setCarrierIntegration(shipItemId: number, carrier: IntegratedCarrier | null): void {
    if (carrier === null) this.db.prepare('DELETE FROM carrier_integrations WHERE shipitem = ?').run(Number(shipItemId));
    else this.db.prepare('INSERT OR REPLACE INTO carrier_integrations (shipitem, carrier) VALUES (?, ?)').run(Number(shipItemId), carrier);
  }

  /**
   * The prices of an item's Pricing sublist (price level × quantity tier × currency), kept beside the
   * records (item-prices.ts): not scriptable in the emulator, read by SuiteQL `pricing`, written by
   * seeds and tests. The item's `baseprice` field is not among them (the `pricing` view adds it).
   */
  itemPrices(itemId: number): ItemPrice[] {
    return readItemPrices(this.db, itemId);
  }

  /**
   * Replace all prices of item `itemId`. Throws naming the problem when the item is not an item
   * record, a price level or currency record does not exist, or a price is negative. Does not touch
   * the item's `baseprice` field (seed.ts `itemPrices` keeps it equal to the Base Price row).
   */
  setItemPrices(itemId: number, rows: readonly ItemPrice[]): void {
    writeItemPrices(this, Number(itemId), rows);
  }

  /**
   * Insert a record of the account's own set-up (currencies, tax codes) with the next small internal
   * id (1, 2, ...), as NetSuite numbers the records an account starts with; scripts' records start at
   * 100, so set-up records never shift their ids.
   */
  insertSetup(input: NewRecord): StoredRecord {
    return this.insert(input, this.nextSequence('setupid', 1));
  }

  insert(input: NewRecord, fixedId?: number): StoredRecord {
    const info = this.typeInfo(input.type);
    if (info.subrecordOnly) {
      throw new SuiteScriptError(NS.INVALID_RCRD_TYPE, `The record type [${info.id.toUpperCase()}] is invalid.`);
    }
    return this.transaction(() => {
      const now = new Date(this.clock.now()).toISOString();
      const id = fixedId ?? this.nextSequence('internalid', FIRST_INTERNAL_ID);
      if (fixedId !== undefined && fixedId >= FIRST_INTERNAL_ID) {
        throw new Error(`Account set-up records use internal ids below ${FIRST_INTERNAL_ID}; the profile seeds too many.`);
      }
      const rec: StoredRecord = {
        type: info.id,
        id,
        externalId: input.externalId,
        version: 1,
        fields: { ...input.fields },
        sublists: input.sublists,
        subrecords: input.subrecords,
        createdAt: now,
        lastModified: now,
      };
      stampSystemFields(info, rec);
      this.assertExternalIdFree(info, rec);
      this.db
        .prepare(
          'INSERT INTO records (id, type, family, external_id, extid_group, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, info.id, familyOf(info), rec.externalId, info.externalIdGroup, rec.version, JSON.stringify(rec));
      return rec;
    });
  }

  /**
   * Save a changed record. `rec.version` is the version the caller loaded; when the type uses
   * optimistic locking and the stored version moved on, throws RCRD_HAS_BEEN_CHANGED.
   */
  update(rec: StoredRecord): StoredRecord {
    const info = this.typeInfo(rec.type);
    return this.transaction(() => {
      const current = this.get(info.id, rec.id);
      if (!current) throw new SuiteScriptError(NS.RCRD_DSNT_EXIST, 'That record does not exist.');
      if (info.optimisticLocking && current.version !== rec.version) {
        throw new SuiteScriptError(NS.RCRD_HAS_BEEN_CHANGED, 'Record has been changed');
      }
      const next: StoredRecord = {
        ...rec,
        fields: { ...rec.fields },
        version: current.version + 1,
        createdAt: current.createdAt,
        lastModified: new Date(this.clock.now()).toISOString(),
      };
      stampSystemFields(info, next);
      this.assertExternalIdFree(info, next);
      this.write(info, next);
      return next;
    });
  }

  /** System bookkeeping (inventory quantities, fulfilment progress): no version bump, no lock check. */
  writeSystem(rec: StoredRecord): void {
    this.write(this.typeInfo(rec.type), rec);
  }

  delete(type: string, id: number): void {
    const info = this.typeInfo(type);
    const result = this.db.prepare('DELETE FROM records WHERE type = ? AND id = ?').run(info.id, Number(id));
    if (result.changes === 0) throw new SuiteScriptError(NS.RCRD_DSNT_EXIST, 'That record does not exist.');
    // An item's prices go with it (its Pricing sublist).
    if (info.isItem) this.db.prepare('DELETE FROM item_prices WHERE item = ?').run(Number(id));
  }

  private write(info: RecordTypeInfo, rec: StoredRecord): void {
    this.db
      .prepare('UPDATE records SET external_id = ?, extid_group = ?, version = ?, doc = ? WHERE id = ?')
      .run(rec.externalId, info.externalIdGroup, rec.version, JSON.stringify(rec), rec.id);
  }

  private assertExternalIdFree(info: RecordTypeInfo, rec: StoredRecord): void {
    if (rec.externalId === null) return;
    const clash = this.db
      .prepare<[string, string, number], { id: number; type: string }>(
        'SELECT id, type FROM records WHERE extid_group = ? AND external_id = ? AND id <> ?',
      )
      .get(info.externalIdGroup, rec.externalId, rec.id);
    if (clash) {
      const other = this.typeInfo(clash.type);
      throw new SuiteScriptError(
        NS.DUP_RCRD,
        `This record already exists: a ${other.label ?? other.id} (internal id ${clash.id}) already has the external ID "${rec.externalId}", and external IDs are unique among ${info.externalIdGroup} records.`,
      );
    }
  }

  private seedCustomLists(): void {
    for (const value of this.catalogue.listValues) {
      const exists = this.all(value.type).some((r) => r.fields.scriptid === value.scriptid);
      if (!exists) {
        this.insert({
          type: value.type,
          externalId: null,
          fields: { name: value.name, scriptid: value.scriptid, isinactive: false },
          sublists: {},
          subrecords: {},
        });
      }
    }
  }
}

function parse(row: Row): StoredRecord {
  return JSON.parse(row.doc) as StoredRecord;
}

/** Mirror the store-assigned values into the fields scripts read (`externalid`, created/modified dates). */
function stampSystemFields(info: RecordTypeInfo, rec: StoredRecord): void {
  rec.fields.externalid = rec.externalId;
  for (const f of CREATED_FIELDS) if (info.fields[f]) rec.fields[f] = rec.createdAt;
  for (const f of MODIFIED_FIELDS) if (info.fields[f]) rec.fields[f] = rec.lastModified;
}
