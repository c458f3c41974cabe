/**
 * Test and demo data, created through the same validation as scripts (mandatory fields, references,
 * external-id uniqueness) but without governance. Field values are given as scripts would pass them
 * to `setValue` (dates as Date objects).
 */
import type { IntegratedCarrier, RecordStore } from './store';
import { FEATURE, hasFeature } from '../profiles/features';
import type { AccountProfile } from '../profiles/account-profile';
import type { AccountSetup } from '../profiles/account-setup';
import { serverDate } from '../time/zoned-date';
import { SERVER_TIME_ZONE, midnightOf } from '../time/zones';
import { ACCOUNT_WIDE, perLocation, setOnHand, setOnOrder } from './record/inventory';
import type { Preferences } from './record/preferences';
import { resolvePreferences } from './record/preferences';
import { RecordService } from './record/service';
import type { BulkInventoryOptions } from './bulk-seed';
import { seedBulkInventory } from './bulk-seed';
import { UserEventSlot } from './record/user-events';
import type { SeedItemPrice } from './seed-prices';
import { seedItemPrices } from './seed-prices';

export type { SeedItemPrice } from './seed-prices';

export interface SeedCustomer {
  entityid?: string;
  companyname?: string;
  firstname?: string;
  lastname?: string;
  isperson?: boolean;
  email?: string;
  subsidiary?: number;
  externalid?: string;
  fields?: Record<string, unknown>;
}

export interface SeedInventoryItem {
  itemid: string;
  /**
   * Quantity on hand per location internal id. Without Multi-Location Inventory the item has one
   * company-wide quantity: the sum of these.
   */
  quantities?: Record<number, number>;
  fields?: Record<string, unknown>;
}

export interface SeedAccountingPeriod {
  /** Period name, e.g. `Jan 2026`. */
  name: string;
  /** First and last day: a Date or `YYYY-MM-DD`. */
  start: Date | string;
  end: Date | string;
  closed?: boolean;
  fields?: Record<string, unknown>;
}

export interface Seed {
  /** Create a record of `type` with body `fields` and `sublists` (lines of field values); returns its id. */
  record(type: string, fields: Record<string, unknown>, sublists?: Record<string, Record<string, unknown>[]>): number;
  location(name: string, fields?: Record<string, unknown>): number;
  paymentMethod(name: string): number;
  subsidiary(name: string, fields?: Record<string, unknown>): number;
  customer(customer?: SeedCustomer): number;
  inventoryItem(item: SeedInventoryItem): number;
  /**
   * A shipping item; `carrier` integrates it with UPS, FedEx or USPS (Shipping Label Integration must
   * be enabled): fulfillments shipped with it keep packages on that carrier's package sublist.
   */
  shipItem(name: string, options?: { carrier?: IntegratedCarrier }): number;
  /** Integrate an existing shipping item with a carrier (null: no integration), as account set-up. */
  setCarrierIntegration(shipItemId: number, carrier: IntegratedCarrier | null): void;
  /** A discount item; NetSuite requires its rate (records.json), 0 when the rate is entered on each line. */
  discountItem(name: string, rate?: number): number;
  /**
   * An account of the chart of accounts (`accttype` default Expense, with OneWorld in the first
   * subsidiary unless `fields` say otherwise), e.g. an inventory adjustment's Adjustment Account.
   */
  glAccount(name: string, fields?: Record<string, unknown>): number;
  /** A base accounting period (a month); transactions dated in a closed one cannot post. */
  accountingPeriod(period: SeedAccountingPeriod): number;
  /**
   * Many inventory items at once (tests, benchmarks): `count` items stocked at `locations`, written
   * as record.create + save would write them, in one transaction (bulk-seed.ts). Returns their ids.
   */
  bulkInventory(options: BulkInventoryOptions): number[];
  /**
   * Set quantity on hand (an inventory adjustment, without governance). `locationId` null: the
   * company-wide quantity of an account without Multi-Location Inventory.
   */
  setOnHand(itemId: number, locationId: number | null, quantity: number): void;
  /** Set quantity on order at a location (open purchase orders), as `setOnHand` sets on hand. */
  setOnOrder(itemId: number, locationId: number | null, quantity: number): void;
  /**
   * Replace an item's prices (its Pricing sublist, read by SuiteQL `pricing`; not scriptable in the
   * emulator). `level` is a price level id or name, `currency` a currency id or ISO code (default the
   * base currency), `quantity` the tier's lower bound (default 0). Unknown names throw naming them. A
   * Base Price row in the base currency at quantity 0 also sets the item's `baseprice` field.
   */
  itemPrices(itemId: number, rows: SeedItemPrice[]): void;
  /** The account profile and the records it started with (currencies, tax codes), or null without a profile. */
  readonly account: { profile: AccountProfile; setup: AccountSetup } | null;
  /**
   * The service the seed writes through (no governance, no user events), for tests that need direct
   * record access.
   */
  readonly service: RecordService;
  /**
   * Saves "as the UI would": an administrator editing records in NetSuite. No governance, but the
   * deployed user event scripts run (execution context USERINTERFACE), so a beforeSubmit that
   * refuses a value refuses it here too. `submitFields` is an inline edit (`xedit`).
   */
  readonly ui: RecordService;
}

/** `YYYY-MM-DD` → the Date a server script would pass to `setValue` (Pacific midnight of that day). */
function asDate(value: Date | string): Date {
  if (typeof value !== 'string') return value;
  return serverDate(midnightOf(value, SERVER_TIME_ZONE));
}

export function createSeed(
  store: RecordStore,
  preferences: Preferences = resolvePreferences(),
  userEvents: UserEventSlot = new UserEventSlot(),
): Seed {
  const service = new RecordService({ store, preferences });
  const ui = new RecordService({ store, preferences, userEvents, executionContext: 'USERINTERFACE' });

  const record: Seed['record'] = (type, fields, sublists = {}) => {
    const rec = service.create({ type });
    for (const [fieldId, value] of Object.entries(fields)) rec.setValue({ fieldId, value });
    for (const [sublistId, lines] of Object.entries(sublists)) {
      lines.forEach((line, i) => {
        for (const [fieldId, value] of Object.entries(line)) rec.setSublistValue({ sublistId, fieldId, line: i, value });
      });
    }
    return rec.save();
  };

  let counter = 0;
  const seed: Seed = {
    account: store.account,
    service,
    ui,
    record,
    location: (name, fields = {}) => record('location', { name, ...fields }),
    paymentMethod: (name) => record('paymentmethod', { name }),
    subsidiary: (name, fields = {}) => record('subsidiary', { name, ...fields }),
    customer: (c = {}) => {
      counter += 1;
      const fields: Record<string, unknown> = {
        entityid: c.entityid,
        isperson: c.isperson ?? false,
        companyname: c.companyname ?? (c.isperson ? undefined : (c.entityid ?? `Customer ${counter}`)),
        firstname: c.firstname,
        lastname: c.lastname,
        email: c.email,
        subsidiary: c.subsidiary,
        externalid: c.externalid,
        ...c.fields,
      };
      return record('customer', Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
    },
    inventoryItem: (item) => {
      const id = record('inventoryitem', { itemid: item.itemid, ...item.fields });
      const quantities = Object.entries(item.quantities ?? {});
      if (perLocation(store)) {
        for (const [location, quantity] of quantities) setOnHand(store, id, location, quantity);
      } else if (quantities.length) {
        setOnHand(store, id, ACCOUNT_WIDE, quantities.reduce((sum, [, q]) => sum + q, 0));
      }
      return id;
    },
    shipItem: (name, options = {}) => {
      const id = record('shipitem', { itemid: name });
      if (options.carrier) seed.setCarrierIntegration(id, options.carrier);
      return id;
    },
    setCarrierIntegration: (shipItemId, carrier) => {
      const profile = store.account?.profile;
      if (carrier !== null && profile && !hasFeature(profile.features, FEATURE.SHIPPINGLABELS)) {
        throw new Error(
          `Account profile ${profile.id} does not have Shipping Label Integration (${FEATURE.SHIPPINGLABELS}): a shipping item cannot be integrated with ${carrier}. Use withFeatures(profile, FEATURE.SHIPPINGLABELS).`,
        );
      }
      if (!store.get('shipitem', shipItemId)) throw new Error(`No shipping item ${shipItemId}.`);
      store.setCarrierIntegration(shipItemId, carrier);
    },
    discountItem: (name, rate = 0) => record('discountitem', { itemid: name, rate }),
    glAccount: (name, fields = {}) => {
      const subsidiary = store.hasType('subsidiary') && store.typeInfo('account').fields.subsidiary ? store.all('subsidiary')[0]?.id : undefined;
      return record('account', { acctname: name, accttype: 'Expense', ...(subsidiary ? { subsidiary } : {}), ...fields });
    },
    accountingPeriod: (p) =>
      record('accountingperiod', {
        periodname: p.name,
        startdate: asDate(p.start),
        enddate: asDate(p.end),
        closed: p.closed ?? false,
        ...p.fields,
      }),
    bulkInventory: (options) => seedBulkInventory(store, service, options),
    setOnHand: (itemId, locationId, quantity) =>
      setOnHand(store, itemId, locationId === null ? ACCOUNT_WIDE : String(locationId), quantity),
    setOnOrder: (itemId, locationId, quantity) =>
      setOnOrder(store, itemId, locationId === null ? ACCOUNT_WIDE : String(locationId), quantity),
    itemPrices: (itemId, rows) => seedItemPrices(store, service, itemId, rows),
  };
  return seed;
}
