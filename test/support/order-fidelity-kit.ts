/**
 * Helpers for the "Orders, complete" integration tests: read what the import wrote, change settings
 * the way an admin does in the UI, and make NetSuite refuse a save the way it does in production.
 */
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import { SuiteScriptError } from '../../sandbox/netsuite/src/errors';
import type { MapReduceReport } from '../../sandbox/netsuite/src/exec/mapreduce/mr-types';
import { SERVER_TIME_ZONE, calendarDate } from '../../sandbox/netsuite/src/time/zones';
import type { ConnectorAccount } from './connector-account';
import { DEMO_SHOP, IMPORT_DEPLOYMENT, IMPORT_SCRIPT } from './connector-account';

export function shopRecord(world: ConnectorAccount): StoredRecord {
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`);
  if (!shop) throw new Error('no shop record');
  return shop;
}

/** Sets fields of any record as a user would (load, set, save). */
export function editRecord(
  world: ConnectorAccount,
  type: string,
  id: number,
  values: Record<string, unknown>,
): void {
  const rec = world.ns.seed.service.load({ type, id });
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
  world.ns.seed.service.save(rec, {});
}

export function editShop(world: ConnectorAccount, values: Record<string, unknown>): void {
  editRecord(world, 'customrecord_tts_shop', shopRecord(world).id, values);
}

/**
 * Puts `quantity` of every catalogue item on hand at a location (an inventory adjustment), e.g.
 * the FBT location: NetSuite commits a sales order line only from stock at its own location, and
 * under Fulfill Based on Commitment = Limit to Committed only what is committed can be fulfilled.
 */
export function stockLocation(world: ConnectorAccount, locationId: number, quantity = 500): void {
  for (const itemId of Object.values(world.account.itemIds)) {
    world.ns.seed.setOnHand(itemId, locationId, quantity);
  }
}

export function inboxFor(world: ConnectorAccount, orderId: string): StoredRecord {
  const rec = world.ns.store.findByExternalId('customrecord_tts_order', `tts_${DEMO_SHOP.shopId}_${orderId}`);
  if (!rec) throw new Error(`no inbox record for ${orderId}`);
  return rec;
}

export function salesOrderFor(world: ConnectorAccount, orderId: string): StoredRecord | null {
  return world.ns.store.findByExternalId('salesorder', `tts_${DEMO_SHOP.shopId}_${orderId}`);
}

export function requireSalesOrder(world: ConnectorAccount, orderId: string): StoredRecord {
  const so = salesOrderFor(world, orderId);
  if (!so) {
    const inbox = inboxFor(world, orderId).fields;
    throw new Error(
      `no sales order for ${orderId}: ${String(inbox.custrecord_tts_ord_state)} ${String(inbox.custrecord_tts_ord_error)}`,
    );
  }
  return so;
}

/** Runs the import map/reduce directly (as the scheduled deployment would). */
export function runImport(world: ConnectorAccount): MapReduceReport {
  return world.ns.runMapReduce(IMPORT_SCRIPT, IMPORT_DEPLOYMENT);
}

export function mapInvocations(report: MapReduceReport): number {
  return report.invocations.filter((i) => i.stage === 'map').length;
}

export function logEntries(world: ConnectorAccount, flow?: string): StoredRecord[] {
  return world.ns.store
    .all('customrecord_tts_log')
    .filter((r) => flow === undefined || r.fields.custrecord_tts_log_flow === flow);
}

/**
 * The calendar date NetSuite stores for a Date a server script made from a Unix time: its date in
 * Pacific time (the servers' zone), whatever the host's time zone.
 */
export function pacificDate(unix: number): string {
  return calendarDate(unix * 1000, SERVER_TIME_ZONE);
}

interface SavableRecord {
  save(...args: unknown[]): unknown;
}

interface RecordModuleLike {
  create(options: { type: string }): SavableRecord;
}

/**
 * Makes the next `times` saves of new records of `type` fail with NetSuite error `name` (the record
 * is created and charged as usual; the save throws, as NetSuite's would). Returns a restore function.
 */
export function failSaves(
  world: ConnectorAccount,
  type: string,
  name: string,
  message: string,
  times = 1,
): () => void {
  const module = world.ns.modules['N/record'] as RecordModuleLike;
  const original = module.create;
  let left = times;
  module.create = (options) => {
    const rec = original(options);
    if (options.type === type && left > 0) {
      left -= 1;
      rec.save = () => {
        throw new SuiteScriptError(name, message);
      };
    }
    return rec;
  };
  return () => {
    module.create = original;
  };
}

interface SearchModuleLike {
  lookupFields(options: { type: string; id: unknown; columns: unknown }): unknown;
}

/**
 * Makes the next `times` `search.lookupFields` calls on records of `type` fail with NetSuite error
 * `name` (charged as usual): the read-back of a record that was saved. Returns a restore function.
 */
export function failLookups(
  world: ConnectorAccount,
  type: string,
  name: string,
  message: string,
  times = 1,
): () => void {
  const module = world.ns.modules['N/search'] as SearchModuleLike;
  const original = module.lookupFields;
  let left = times;
  module.lookupFields = (options) => {
    const result = original(options);
    if (options.type === type && left > 0) {
      left -= 1;
      throw new SuiteScriptError(name, message);
    }
    return result;
  };
  return () => {
    module.lookupFields = original;
  };
}

/** Counts `record.create` calls for `type` that go through, from now on (each is followed by its save). */
export function countCreates(world: ConnectorAccount, type: string): { count: number; stop(): void } {
  const module = world.ns.modules['N/record'] as RecordModuleLike;
  const original = module.create;
  const counter = {
    count: 0,
    stop: () => {
      module.create = original;
    },
  };
  module.create = (options) => {
    const rec = original(options);
    if (options.type === type) counter.count += 1;
    return rec;
  };
  return counter;
}
