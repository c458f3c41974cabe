/**
 * Inventory bookkeeping on inventory items' `locations` sublist (quantityonhand, quantitycommitted,
 * quantityavailable = on hand − committed, quantitybackordered).
 *
 * - Saving a sales order first releases what its previous version committed, then commits each open
 *   line's remaining quantity (quantity − fulfilled) up to what is available at the line's location
 *   (header location when the line has none); the rest is back-ordered. Pending-approval orders and
 *   closed lines commit nothing, so closing a line releases its commitment. Locations with
 *   "make inventory available" off have nothing available.
 * - Saving an item fulfillment decrements on hand and committed at the fulfilled location and adds
 *   to the order line's `quantityfulfilled`; deleting it puts both back (and the order recommits).
 * - Saving an inventory adjustment adds each line's `adjustqtyby` (or what takes on hand to its
 *   `newquantity`) to on hand at the line's location (`adjlocation` when the line has none); editing
 *   or deleting it takes the previous quantities back first (adjustInventory).
 * Available is never below zero (on hand can fall below committed when stock is adjusted down).
 * These are system writes: they do not bump the item's version (scripts cannot set quantities).
 *
 * Without Multi-Location Inventory (an account profile without MULTILOCINVT) NetSuite keeps one
 * quantity per item for the whole company: the emulator keeps it as one row with no location
 * (ACCOUNT_WIDE), every line commits and ships from it, and the item's Locations sublist does not
 * exist for scripts (profiles/account-types.ts).
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { FieldValue, StoredLine, StoredRecord } from '../store-types';
import { FEATURE, hasFeature } from '../../profiles/features';
import type { FulfillBasedOnCommitment } from './preferences';

/** The key of the company-wide quantities of an account without Multi-Location Inventory. */
export const ACCOUNT_WIDE = '';

/** Whether the account keeps inventory per location (Multi-Location Inventory; true without a profile). */
export function perLocation(store: RecordStore): boolean {
  const profile = store.account?.profile;
  return !profile || hasFeature(profile.features, FEATURE.MULTILOCINVT);
}

type Fields = Record<string, FieldValue>;

function num(v: FieldValue | undefined): number {
  return typeof v === 'number' ? v : 0;
}

/** Quantities rounded to NetSuite's 5 decimal places, so repeated sums do not drift. */
function q(n: number): number {
  return Math.round(n * 100000) / 100000;
}

class ItemCache {
  private readonly items = new Map<number, StoredRecord>();
  /** False without Multi-Location Inventory: every line uses the ACCOUNT_WIDE row. */
  readonly perLocation: boolean;
  constructor(private readonly store: RecordStore) {
    this.perLocation = perLocation(store);
  }

  /** Where `line` commits and ships from: its location, else the order's, else none. */
  locationOf(line: StoredLine, header: Fields): string | null {
    return this.perLocation ? lineLocation(line, header) : ACCOUNT_WIDE;
  }

  /** The inventory item `id`, or null when the item does not track inventory. */
  inventoryItem(id: FieldValue | undefined): StoredRecord | null {
    if (id === null || id === undefined || id === '') return null;
    const n = Number(id);
    if (!this.items.has(n)) {
      const rec = this.store.get('inventoryitem', n);
      if (!rec) return null;
      this.items.set(n, rec);
    }
    return this.items.get(n) ?? null;
  }

  /** The item's row for `location`, created empty when missing. */
  row(item: StoredRecord, location: string): Fields {
    const lines = (item.sublists.locations ??= []);
    let line = lines.find((l) => String(l.fields.location) === location);
    if (!line) {
      line = { fields: { location, quantityonhand: 0, quantitycommitted: 0, quantityavailable: 0, quantitybackordered: 0 } };
      lines.push(line);
    }
    return line.fields;
  }

  available(row: Fields, location: string): number {
    const loc = location === ACCOUNT_WIDE || !this.store.hasType('location') ? null : this.store.get('location', Number(location));
    if (loc && loc.fields.makeinventoryavailable === false) return 0;
    return Math.max(0, q(num(row.quantityonhand) - num(row.quantitycommitted)));
  }

  flush(): void {
    for (const item of this.items.values()) {
      for (const line of item.sublists.locations ?? []) {
        line.fields.quantityavailable = Math.max(0, q(num(line.fields.quantityonhand) - num(line.fields.quantitycommitted)));
      }
      this.store.writeSystem(item);
    }
  }
}

function lineLocation(line: StoredLine, header: Fields): string | null {
  const loc = line.fields.location ?? header.location;
  return loc === null || loc === undefined || loc === '' ? null : String(loc);
}

function release(cache: ItemCache, previous: StoredRecord): void {
  for (const line of previous.sublists.item ?? []) {
    const item = cache.inventoryItem(line.fields.item);
    const location = cache.locationOf(line, previous.fields);
    if (!item || location === null) continue;
    const row = cache.row(item, location);
    row.quantitycommitted = q(num(row.quantitycommitted) - num(line.fields.quantitycommitted));
    row.quantitybackordered = Math.max(0, q(num(row.quantitybackordered) - num(line.fields.quantitybackordered)));
  }
}

/** Release `previous` (if any) and commit `next` (a sales order about to be written; its lines are updated). */
export function commitSalesOrder(
  store: RecordStore,
  previous: StoredRecord | null,
  next: { fields: Fields; sublists: Record<string, StoredLine[]> },
): void {
  const cache = new ItemCache(store);
  if (previous) release(cache, previous);
  const approved = next.fields.orderstatus !== 'A';
  for (const line of next.sublists.item ?? []) {
    const item = cache.inventoryItem(line.fields.item);
    if (!item) continue;
    const remaining = line.fields.isclosed === true ? 0 : Math.max(0, q(num(line.fields.quantity) - num(line.fields.quantityfulfilled)));
    const location = cache.locationOf(line, next.fields);
    let committed = 0;
    if (location !== null && approved) {
      const row = cache.row(item, location);
      committed = Math.min(remaining, cache.available(row, location));
      row.quantitycommitted = q(num(row.quantitycommitted) + committed);
      row.quantitybackordered = q(num(row.quantitybackordered) + (remaining - committed));
    }
    line.fields.quantitycommitted = committed;
    line.fields.quantitybackordered = approved && location !== null ? q(remaining - committed) : 0;
  }
  cache.flush();
}

/** Release everything a sales order commits (it is being deleted). */
export function releaseSalesOrder(store: RecordStore, order: StoredRecord): void {
  const cache = new ItemCache(store);
  release(cache, order);
  cache.flush();
}

/**
 * Apply an item fulfillment's lines to its sales order and the items. Throws USER_ERROR when a line
 * fulfils more than the order line has open, or — under "Limit to Committed" — more than is
 * committed to the order line at the location it ships from (commitment is per location: the order
 * line commits at its own location, so nothing is committed at any other). Oracle help
 * (section_N1388149) says such a quantity "can't be increased beyond the committed quantity" but not
 * which error a script gets; the code here is the emulator's choice. Mutates `order` (caller writes it).
 */
export function fulfil(
  store: RecordStore,
  order: StoredRecord,
  lines: StoredLine[],
  header: Fields,
  mode: FulfillBasedOnCommitment,
): void {
  const cache = new ItemCache(store);
  for (const line of lines) {
    const quantity = num(line.fields.quantity);
    const orderLine = (order.sublists.item ?? []).find((l) => String(l.fields.line) === String(line.fields.orderline));
    if (!orderLine) {
      throw new SuiteScriptError(NS.USER_ERROR, `Order line ${String(line.fields.orderline)} does not exist on the sales order.`);
    }
    const open = q(num(orderLine.fields.quantity) - num(orderLine.fields.quantityfulfilled));
    if (quantity <= 0 || quantity > open) {
      throw new SuiteScriptError(
        NS.USER_ERROR,
        `You can not fulfill ${quantity} of item line ${String(line.fields.orderline)}: ${open} remain to be fulfilled.`,
      );
    }
    const item = cache.inventoryItem(line.fields.item);
    const location = cache.locationOf(line, header) ?? cache.locationOf(orderLine, order.fields);
    const committedHere =
      location !== null && location === cache.locationOf(orderLine, order.fields) ? num(orderLine.fields.quantitycommitted) : 0;
    if (item && mode === 'LIMIT_TO_COMMITTED' && quantity > committedHere) {
      throw new SuiteScriptError(
        NS.USER_ERROR,
        `You can not fulfill ${quantity} of item line ${String(line.fields.orderline)} from location ${location ?? '(none)'}: ${committedHere} committed there, and the Fulfill Based on Commitment preference is Limit to Committed.`,
      );
    }
    const committed = num(orderLine.fields.quantitycommitted);
    const fromCommitted = Math.min(quantity, committedHere);
    const remainingAfter = q(open - quantity);
    // Shipping from another location leaves the order line's own commitment; what exceeds the
    // quantity still open is released there.
    const keptCommitted = Math.min(q(committed - fromCommitted), remainingAfter);
    const released = q(committed - fromCommitted - keptCommitted);
    orderLine.fields.quantityfulfilled = q(num(orderLine.fields.quantityfulfilled) + quantity);
    orderLine.fields.quantitycommitted = keptCommitted;
    const stillBackordered = Math.max(0, q(remainingAfter - keptCommitted));
    const backorderDrop = q(num(orderLine.fields.quantitybackordered) - stillBackordered);
    orderLine.fields.quantitybackordered = stillBackordered;
    if (!item || location === null) continue;
    const row = cache.row(item, location);
    row.quantityonhand = q(num(row.quantityonhand) - quantity);
    row.quantitycommitted = q(num(row.quantitycommitted) - fromCommitted);
    const home = cache.locationOf(orderLine, order.fields);
    // The order line's commitment and back-order sit at its own location.
    const homeRow = home === null ? row : cache.row(item, home);
    homeRow.quantitycommitted = q(num(homeRow.quantitycommitted) - released);
    homeRow.quantitybackordered = Math.max(0, q(num(homeRow.quantitybackordered) - backorderDrop));
  }
  cache.flush();
}

/**
 * Undo an item fulfillment that is being deleted: its quantities go back on hand where they shipped
 * from and are open again on the order lines (the caller recommits the order and writes it).
 */
export function unfulfil(store: RecordStore, order: StoredRecord, lines: StoredLine[], header: Fields): void {
  const cache = new ItemCache(store);
  for (const line of lines) {
    const quantity = num(line.fields.quantity);
    const orderLine = (order.sublists.item ?? []).find((l) => String(l.fields.line) === String(line.fields.orderline));
    if (orderLine) orderLine.fields.quantityfulfilled = Math.max(0, q(num(orderLine.fields.quantityfulfilled) - quantity));
    const item = cache.inventoryItem(line.fields.item);
    const location = cache.locationOf(line, header) ?? (orderLine ? cache.locationOf(orderLine, order.fields) : null);
    if (!item || location === null) continue;
    const row = cache.row(item, location);
    row.quantityonhand = q(num(row.quantityonhand) + quantity);
  }
  cache.flush();
}

/** Set quantity on hand at a location (seeds and inventory adjustments): a system write. */
export function setOnHand(store: RecordStore, itemId: number, location: string, quantity: number): void {
  const cache = new ItemCache(store);
  const item = cache.inventoryItem(itemId);
  if (!item) throw new SuiteScriptError(NS.RCRD_DSNT_EXIST, 'That record does not exist.');
  cache.row(item, cache.perLocation ? location : ACCOUNT_WIDE).quantityonhand = quantity;
  cache.flush();
}

/**
 * Sets the quantity on order at a location (what open purchase orders would bring; the emulator
 * models no purchase orders, so tests set it as the seed sets on hand).
 */
export function setOnOrder(store: RecordStore, itemId: number, location: string, quantity: number): void {
  const cache = new ItemCache(store);
  const item = cache.inventoryItem(itemId);
  if (!item) throw new SuiteScriptError(NS.RCRD_DSNT_EXIST, 'That record does not exist.');
  cache.row(item, cache.perLocation ? location : ACCOUNT_WIDE).quantityonorder = quantity;
  cache.flush();
}

function isBlank(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/**
 * Apply an inventory adjustment (`next`, its lines are updated with the quantity on hand before,
 * `adjustqtyby` and `newquantity`) after taking back what `previous` adjusted (an edit or a delete,
 * `next` null). Refused with USER_ERROR, naming the line: no lines; an item that does not track
 * inventory; no location (Multi-Location Inventory); neither a quantity to adjust by nor a new
 * quantity (or a change of zero); a result below zero on hand (assumption: the emulator refuses
 * negative stock, the stricter choice).
 */
export function adjustInventory(
  store: RecordStore,
  previous: StoredRecord | null,
  next: { fields: Fields; sublists: Record<string, StoredLine[]> } | null,
): void {
  const cache = new ItemCache(store);
  for (const line of previous?.sublists.inventory ?? []) {
    const item = cache.inventoryItem(line.fields.item);
    const location = cache.perLocation ? lineAdjustLocation(line, previous?.fields ?? {}) : ACCOUNT_WIDE;
    if (!item || location === null) continue;
    const row = cache.row(item, location);
    row.quantityonhand = q(num(row.quantityonhand) - num(line.fields.adjustqtyby));
  }
  if (next) {
    const lines = next.sublists.inventory ?? [];
    if (lines.length === 0) throw new SuiteScriptError(NS.USER_ERROR, 'You must enter at least one line item for this transaction.');
    lines.forEach((line, i) => {
      const where = `inventory line ${i + 1}`;
      const item = cache.inventoryItem(line.fields.item);
      if (!item) {
        throw new SuiteScriptError(
          NS.USER_ERROR,
          `Item ${String(line.fields.item)} on ${where} does not track inventory: only inventory items can be adjusted.`,
        );
      }
      const location = cache.perLocation ? lineAdjustLocation(line, next.fields) : ACCOUNT_WIDE;
      if (location === null) throw new SuiteScriptError(NS.USER_ERROR, `Please enter value(s) for: Location (${where})`);
      const row = cache.row(item, location);
      const onHand = num(row.quantityonhand);
      let by = num(line.fields.adjustqtyby);
      if (isBlank(line.fields.adjustqtyby) && !isBlank(line.fields.newquantity)) by = q(num(line.fields.newquantity) - onHand);
      if (by === 0) throw new SuiteScriptError(NS.USER_ERROR, `Please enter value(s) for: Adjust Qty. By (${where})`);
      if (q(onHand + by) < 0) {
        throw new SuiteScriptError(
          NS.USER_ERROR,
          `Adjusting ${String(item.fields.itemid)} by ${by} on ${where} would leave ${q(onHand + by)} on hand${location === ACCOUNT_WIDE ? '' : ` at location ${location}`}: it has ${onHand}. Adjust by ${-onHand} or more.`,
        );
      }
      line.fields.quantityonhand = onHand;
      line.fields.adjustqtyby = by;
      line.fields.newquantity = q(onHand + by);
      row.quantityonhand = q(onHand + by);
    });
  }
  cache.flush();
}

function lineAdjustLocation(line: StoredLine, header: Fields): string | null {
  const loc = line.fields.location ?? header.adjlocation;
  return isBlank(loc) ? null : String(loc);
}
