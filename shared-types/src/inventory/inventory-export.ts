/**
 * One run of NetSuite's inventory export (issue #14 item 3), as a pure function: the shop's
 * warehouse links, the account's locations and the inventory balances go in; the quantities per
 * seller SKU × TikTok warehouse that changed since the last run, and the export's new state, come
 * out. `suiteapp/ts/ss_inventory_export.ts` reads the input in bulk (SuiteQL) and writes the state
 * to one File Cabinet file per shop; Inventory II (availability options, oversell) changes only the
 * quantity rule (`computeAvailability`), never this bookkeeping.
 *
 * Bookkeeping (the "delta"):
 * - `exported` is what the export last queued per pair; a pair is a change when its quantity differs
 *   from it (or it was never queued). Force inventory resync makes every linked pair a change once.
 * - `pending` holds the changes the bridge has not yet confirmed (`inventory.pull` serves them). A
 *   newer quantity replaces an older one; a pair leaves `pending` only when the bridge acknowledged
 *   that very quantity as queued then (`acks`, written by `inventory.ack`), so a failed SKU stays pending and is
 *   sent again on the bridge's next pass: never silently skipped.
 * - A changed SKU queues every linked warehouse of it (TikTok's Update Inventory lists all of a SKU's
 *   warehouses), so the bridge never needs a quantity NetSuite did not send.
 * - What TikTok last confirmed lives in the bridge's store (`inventory_confirmed`): the bridge sends
 *   nothing for a pending pair TikTok already shows (README, "Where last confirmed lives").
 */
import type { LocationState } from '../orders/order-location';
import type { ItemSkuRow } from '../orders/sku-item-map';
import type { InventoryBalance } from './availability';
import { computeAvailability, quantityAvailable, TIKTOK_MAX_QUANTITY } from './availability';
import { pairKey } from './inventory-delta';
import type { WarehouseFlag, WarehouseLinks } from './warehouse-flags';
import { checkWarehouseLinks } from './warehouse-flags';

export const INVENTORY_STATE_VERSION = 1;

/** A queued quantity: the item it comes from, and whether the SKU is the item's TikTok SKU override. */
export interface PendingQuantity {
  quantity: number;
  itemId: string;
  /** True when the SKU is the item's `custitem_tts_sku` (the admin said it is on TikTok). */
  override: boolean;
  /** When it was queued (ms since the epoch): freshness is measured from here. */
  queuedAt: number;
}

/** The export's state for one shop (the File Cabinet file `tts_inventory_<shopId>.json`). */
export interface InventoryExportState {
  version: typeof INVENTORY_STATE_VERSION;
  /** pairKey → quantity queued last. */
  exported: Record<string, number>;
  /** pairKey → quantity waiting for the bridge. */
  pending: Record<string, PendingQuantity>;
  /** When the last run finished (ms), or null. */
  lastRunAt: number | null;
  /** The flags and problems of the last run, so each is logged once while it lasts. */
  notices: string[];
}

/**
 * pairKey → the quantity the bridge acknowledged as on TikTok (or as not listed there), and when that
 * quantity had been queued: a later queueing (Force inventory resync) is served again.
 */
export type InventoryAcks = Record<string, { quantity: number; queuedAt: number }>;

export interface InventoryExportInput {
  warehouses: readonly WarehouseLinks[];
  /** Location id → state, for every location the warehouses link to. */
  locations: Readonly<Record<string, LocationState>>;
  /** The shop's Location Filter (empty: every active location). */
  locationFilter: readonly string[];
  multiLocation: boolean;
  /** The shop's Inventory Safety Buffer (custrecord_tts_shop_inv_buffer), ≥ 0. */
  safetyBuffer: number;
  /** Active inventory items: id, Item Name/Number, TikTok SKU override. */
  items: readonly ItemSkuRow[];
  /** On hand and committed per item and location (location null without Multi-Location Inventory). */
  balances: readonly InventoryBalance[];
  force: boolean;
  now: number;
}

export type InventoryNoticeKind =
  WarehouseFlag['kind'] | 'sku_ambiguous_in_netsuite' | 'quantity_out_of_range';

export interface InventoryNotice {
  kind: InventoryNoticeKind;
  message: string;
  /** The TikTok warehouse, the seller SKU or the item the notice is about. */
  subject: string;
}

export interface InventoryExportResult {
  state: InventoryExportState;
  /** Pairs queued by this run. */
  changed: number;
  /** Pairs pending after this run (this run's and older unconfirmed ones). */
  pending: number;
  /** Linked pairs computed. */
  pairs: number;
  notices: InventoryNotice[];
  /** Notices not in the previous run's state: the ones to log. */
  newNotices: InventoryNotice[];
}

export function emptyInventoryState(): InventoryExportState {
  return { version: INVENTORY_STATE_VERSION, exported: {}, pending: {}, lastRunAt: null, notices: [] };
}

/**
 * The seller SKU of every item (its TikTok SKU override, else its Item Name/Number, exact), as orders
 * match them (`shared-types/src/orders/sku-item-map.ts`: an override wins over a name; two items
 * equally matching one SKU are ambiguous and left out with a notice). Linear in the items.
 */
export function itemsBySellerSku(items: readonly ItemSkuRow[]): {
  skus: Map<string, { itemId: string; override: boolean }>;
  notices: InventoryNotice[];
} {
  const byOverride = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const item of items) {
    if (item.ttsSku !== null && item.ttsSku !== '') {
      byOverride.set(item.ttsSku, [...(byOverride.get(item.ttsSku) ?? []), item.id]);
    } else if (item.itemid !== null && item.itemid !== '') {
      byName.set(item.itemid, [...(byName.get(item.itemid) ?? []), item.id]);
    }
  }
  const skus = new Map<string, { itemId: string; override: boolean }>();
  const notices: InventoryNotice[] = [];
  const ambiguous = (sku: string, ids: string[]): void => {
    notices.push({
      kind: 'sku_ambiguous_in_netsuite',
      subject: sku,
      message: `TikTok SKU "${sku}" matches items ${[...new Set(ids)].join(', ')} equally, so its stock is not sent to TikTok. Fix: set TikTok SKU (custitem_tts_sku) on exactly one of them, or rename the others; the next inventory run sends it.`,
    });
  };
  for (const [sku, ids] of byOverride) {
    if (new Set(ids).size > 1) ambiguous(sku, ids);
    else skus.set(sku, { itemId: ids[0], override: true });
  }
  for (const [sku, ids] of byName) {
    if (byOverride.has(sku)) continue;
    if (new Set(ids).size > 1) ambiguous(sku, ids);
    else skus.set(sku, { itemId: ids[0], override: false });
  }
  return { skus, notices };
}

function noticeKey(notice: InventoryNotice): string {
  return `${notice.kind}:${notice.subject}:${notice.message}`;
}

/** Drops the pending pairs the bridge acknowledged with the same quantity. */
export function applyAcks(
  pending: Readonly<Record<string, PendingQuantity>>,
  acks: InventoryAcks,
): Record<string, PendingQuantity> {
  const left: Record<string, PendingQuantity> = {};
  for (const [key, entry] of Object.entries(pending)) {
    const ack = acks[key];
    if (ack === undefined || ack.quantity !== entry.quantity || ack.queuedAt < entry.queuedAt)
      left[key] = entry;
  }
  return left;
}

/** Runs the export over one shop's input and its previous state. */
export function runInventoryExport(
  input: InventoryExportInput,
  previous: InventoryExportState,
  acks: InventoryAcks,
): InventoryExportResult {
  const checked = checkWarehouseLinks(input.warehouses, {
    locations: input.locations,
    locationFilter: input.locationFilter,
    multiLocation: input.multiLocation,
  });
  const notices: InventoryNotice[] = checked.flags.map((f) => ({
    kind: f.kind,
    subject: f.warehouseId,
    message: f.message,
  }));
  const matched = itemsBySellerSku(input.items);
  notices.push(...matched.notices);
  const availability = computeAvailability({
    balances: input.balances,
    warehouses: checked.warehouses,
    safetyBuffer: input.safetyBuffer,
    multiLocation: input.multiLocation,
  });
  const linked = checked.warehouses.filter((w) => w.locationIds.length > 0);
  const rawTotals = overRangeItems(input, linked);
  const exported: Record<string, number> = {};
  const pending = applyAcks(previous.pending, acks);
  let changed = 0;
  let pairs = 0;
  for (const [sku, { itemId, override }] of matched.skus) {
    const perWarehouse = availability.get(itemId);
    const quantities = linked.map((w) => ({
      warehouseId: w.warehouseId,
      quantity: perWarehouse?.get(w.warehouseId) ?? 0,
    }));
    const keys = quantities.map((q) => pairKey(sku, q.warehouseId));
    const skuChanged = input.force || quantities.some((q, i) => previous.exported[keys[i]] !== q.quantity);
    quantities.forEach((q, i) => {
      exported[keys[i]] = q.quantity;
      pairs += 1;
      if (skuChanged) {
        pending[keys[i]] = { quantity: q.quantity, itemId, override, queuedAt: input.now };
        changed += 1;
      }
    });
    if (rawTotals.has(itemId)) {
      notices.push({
        kind: 'quantity_out_of_range',
        subject: sku,
        message: `SKU "${sku}" has ${rawTotals.get(itemId)} units available at a linked warehouse, more than TikTok takes (1–${TIKTOK_MAX_QUANTITY.toLocaleString('en-US')} per warehouse), so TikTok shows ${TIKTOK_MAX_QUANTITY.toLocaleString('en-US')}. Fix: nothing to do unless the quantity is wrong (check the item's on hand at its linked locations).`,
      });
    }
  }
  // Pairs no longer linked or matched are dropped from pending: TikTok keeps its own quantity there.
  for (const key of Object.keys(pending)) {
    if (!(key in exported)) delete pending[key];
  }
  const before = new Set(previous.notices);
  const state: InventoryExportState = {
    version: INVENTORY_STATE_VERSION,
    exported,
    pending,
    lastRunAt: input.now,
    notices: notices.map(noticeKey),
  };
  return {
    state,
    changed,
    pending: Object.keys(pending).length,
    pairs,
    notices,
    newNotices: notices.filter((n) => !before.has(noticeKey(n))),
  };
}

/** Items whose available quantity at some linked warehouse (before the buffer) is over TikTok's range. */
function overRangeItems(
  input: InventoryExportInput,
  linked: readonly { warehouseId: string; locationIds: readonly string[] }[],
): Map<string, number> {
  const over = new Map<string, number>();
  const perItem = new Map<string, Map<string | null, number>>();
  for (const b of input.balances) {
    const key = input.multiLocation ? b.locationId : null;
    const m = perItem.get(b.itemId) ?? new Map<string | null, number>();
    m.set(key, (m.get(key) ?? 0) + quantityAvailable(b));
    perItem.set(b.itemId, m);
  }
  for (const [itemId, byLocation] of perItem) {
    for (const w of linked) {
      const sum = input.multiLocation
        ? w.locationIds.reduce((s, id) => s + (byLocation.get(id) ?? 0), 0)
        : (byLocation.get(null) ?? 0);
      if (sum - input.safetyBuffer > TIKTOK_MAX_QUANTITY) {
        over.set(itemId, Math.max(over.get(itemId) ?? 0, sum - input.safetyBuffer));
      }
    }
  }
  return over;
}

/** Reads a stored state (a file's contents); anything unreadable starts afresh (a full resend). */
export function parseInventoryState(text: string | null): InventoryExportState {
  if (text === null || text === '') return emptyInventoryState();
  try {
    const value = JSON.parse(text) as Partial<InventoryExportState>;
    if (
      value.version !== INVENTORY_STATE_VERSION ||
      typeof value.exported !== 'object' ||
      value.exported === null ||
      typeof value.pending !== 'object' ||
      value.pending === null
    ) {
      return emptyInventoryState();
    }
    return {
      version: INVENTORY_STATE_VERSION,
      exported: value.exported,
      pending: value.pending,
      lastRunAt: typeof value.lastRunAt === 'number' ? value.lastRunAt : null,
      notices: Array.isArray(value.notices) ? value.notices.map(String) : [],
    };
  } catch {
    return emptyInventoryState();
  }
}
