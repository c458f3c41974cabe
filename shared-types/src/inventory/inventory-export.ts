/**
 * One run of NetSuite's inventory export (issue #14 item 3), as a pure function: the shop's
 * warehouse links, the account's locations and the inventory balances go in; the quantities per
 * seller SKU × TikTok warehouse that changed since the last run, and the export's new state, come
 * out. `suiteapp/ts/ss_inventory_export.ts` reads the input in bulk (SuiteQL) and writes the state
 * to one File Cabinet file per shop; Inventory II (availability options, oversell) changes only the
 * quantity rule (`computeAvailabilityDetail`, `availability-options.ts`), never this bookkeeping.
 * Each run also explains every SKU × warehouse (`explained`): which rule, locations and buffer made
 * the quantity, or why the SKU is not sent (the preview Suitelet lists them).
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
import type { AvailabilityRule, InventoryBalance } from './availability';
import { computeAvailabilityDetail, TIKTOK_MAX_QUANTITY } from './availability';
import type { AvailabilityOptions, BufferRule, ItemMember, ItemSyncDecision } from './availability-options';
import { DEFAULT_AVAILABILITY_OPTIONS, itemSyncDecision, parseItemBuffer } from './availability-options';
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
  /**
   * TikTok orders NetSuite had received but not imported when the last run read its stock (issue #16,
   * `oversell.ts`): the bridge keeps holding their units back.
   */
  openOrders?: string[];
}

/**
 * pairKey → the quantity the bridge acknowledged as on TikTok (or as not listed there), and when that
 * quantity had been queued: a later queueing (Force inventory resync) is served again.
 */
export type InventoryAcks = Record<string, { quantity: number; queuedAt: number }>;

/** An item as the export reads it: its SKU columns and its item-level inventory settings. */
export interface InventoryItemRow extends ItemSkuRow {
  /** Inactive in NetSuite. */
  inactive?: boolean;
  /** Do Not Sync Inventory to TikTok (`custitem_tts_no_inv_sync`). */
  noSync?: boolean;
  /** Discontinued on TikTok (`custitem_tts_inv_discontinued`). */
  discontinued?: boolean;
  /** The item's parent (matrix children and subitems), or null. */
  parentId?: string | null;
  /** TikTok Inventory Buffer (`custitem_tts_inv_buffer`): "3" or "10%", empty: the shop's. */
  buffer?: string | null;
}

export interface InventoryExportInput {
  warehouses: readonly WarehouseLinks[];
  /** Location id → state, for every location the warehouses link to. */
  locations: Readonly<Record<string, LocationState>>;
  /** The shop's Location Filter (empty: every active location). */
  locationFilter: readonly string[];
  multiLocation: boolean;
  /** The shop's Inventory Safety Buffer (custrecord_tts_shop_inv_buffer), ≥ 0. */
  safetyBuffer: number;
  /** Inventory items, kits, groups and assemblies: id, Item Name/Number, TikTok SKU override, flags. */
  items: readonly InventoryItemRow[];
  /** On hand and committed per item and location (location null without Multi-Location Inventory). */
  balances: readonly InventoryBalance[];
  /** The shop's availability options (issue #16); absent: the defaults. */
  options?: Partial<AvailabilityOptions>;
  /** Kits / groups / assemblies → members. */
  members?: ReadonlyMap<string, readonly ItemMember[]>;
  /** Item ids that are assemblies. */
  assemblies?: ReadonlySet<string>;
  force: boolean;
  now: number;
  /** TikTok order ids in the inbox not imported yet, read before the balances (oversell.ts). */
  openOrders?: readonly string[];
}

export type InventoryNoticeKind =
  WarehouseFlag['kind'] | 'sku_ambiguous_in_netsuite' | 'quantity_out_of_range' | 'item_buffer_invalid';

/** One SKU × warehouse as the run decided it (or one row per SKU the run does not send). */
export interface ExplainedPair {
  sellerSku: string;
  itemId: string;
  /** The TikTok warehouse, or null for a SKU that is not sent. */
  warehouseId: string | null;
  /** What is queued, or null when nothing is sent. */
  quantity: number | null;
  available: number;
  buffer: number;
  bufferSource: 'item' | 'shop';
  rule:
    | AvailabilityRule
    | 'inactive_zero'
    | 'discontinued_zero'
    | Exclude<ItemSyncDecision, { send: true }>['why'];
  locationIds: readonly string[];
  /** The quantity differs from the last one queued (it is sent by this run). */
  changed: boolean;
}

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
  /** Every matched SKU × warehouse and why (the preview). */
  explained: ExplainedPair[];
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

/** Seller SKUs of active items first; an inactive item takes a SKU no active item has. */
function skusOf(items: readonly InventoryItemRow[]): ReturnType<typeof itemsBySellerSku> {
  const active = itemsBySellerSku(items.filter((i) => i.inactive !== true));
  const inactive = itemsBySellerSku(items.filter((i) => i.inactive === true));
  for (const [sku, match] of inactive.skus) {
    if (!active.skus.has(sku)) active.skus.set(sku, match);
  }
  return active;
}

/** Runs the export over one shop's input and its previous state. */
export function runInventoryExport(
  input: InventoryExportInput,
  previous: InventoryExportState,
  acks: InventoryAcks,
): InventoryExportResult {
  const options: AvailabilityOptions = { ...DEFAULT_AVAILABILITY_OPTIONS, ...input.options };
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
  const matched = skusOf(input.items);
  notices.push(...matched.notices);
  const byId = new Map(input.items.map((i) => [i.id, i]));
  const parents = new Set(input.items.flatMap((i) => (i.parentId ? [i.parentId] : [])));
  const itemBuffers = new Map<string, BufferRule>();
  for (const item of input.items) {
    const rule = parseItemBuffer(item.buffer ?? null);
    if (rule === null) continue;
    if ('error' in rule) {
      notices.push({
        kind: 'item_buffer_invalid',
        subject: item.id,
        message: `Item ${item.itemid ?? item.id}: ${rule.error}, so the shop's Inventory Safety Buffer applies to it. Fix: correct TikTok Inventory Buffer (custitem_tts_inv_buffer) on the item, or clear it.`,
      });
    } else {
      itemBuffers.set(item.id, rule);
    }
  }
  const detail = computeAvailabilityDetail({
    balances: input.balances,
    warehouses: checked.warehouses,
    safetyBuffer: input.safetyBuffer,
    multiLocation: input.multiLocation,
    options,
    itemBuffers,
    members: input.members,
    assemblies: input.assemblies,
  });
  const linked = checked.warehouses.filter((w) => w.locationIds.length > 0);
  const exported: Record<string, number> = {};
  const pending = applyAcks(previous.pending, acks);
  const explained: ExplainedPair[] = [];
  let changed = 0;
  let pairs = 0;
  for (const [sku, { itemId, override }] of matched.skus) {
    const item = byId.get(itemId);
    const decision = itemSyncDecision(
      {
        inactive: item?.inactive === true,
        noSync: item?.noSync === true,
        discontinued: item?.discontinued === true,
        isParent: parents.has(itemId),
      },
      options,
    );
    if (!decision.send) {
      explained.push({
        sellerSku: sku,
        itemId,
        warehouseId: null,
        quantity: null,
        available: 0,
        buffer: 0,
        bufferSource: 'shop',
        rule: decision.why,
        locationIds: [],
        changed: false,
      });
      continue;
    }
    const perWarehouse = detail.get(itemId);
    const rows = linked.map((w) => {
      const d = perWarehouse?.get(w.warehouseId);
      const quantity = decision.zero ? 0 : (d?.quantity ?? 0);
      return { warehouseId: w.warehouseId, quantity, d };
    });
    const keys = rows.map((q) => pairKey(sku, q.warehouseId));
    const skuChanged = input.force || rows.some((q, i) => previous.exported[keys[i]] !== q.quantity);
    let overRange = 0;
    rows.forEach((q, i) => {
      exported[keys[i]] = q.quantity;
      pairs += 1;
      if (skuChanged) {
        pending[keys[i]] = { quantity: q.quantity, itemId, override, queuedAt: input.now };
        changed += 1;
      }
      const available = q.d?.available ?? 0;
      const buffer = q.d?.buffer ?? 0;
      if (!decision.zero && available - buffer > TIKTOK_MAX_QUANTITY) {
        overRange = Math.max(overRange, available - buffer);
      }
      explained.push({
        sellerSku: sku,
        itemId,
        warehouseId: q.warehouseId,
        quantity: q.quantity,
        available,
        buffer,
        bufferSource: q.d?.bufferSource ?? 'shop',
        rule: decision.zero
          ? decision.why === 'inactive'
            ? 'inactive_zero'
            : 'discontinued_zero'
          : (q.d?.rule ?? 'stock'),
        locationIds: q.d?.locationIds ?? [],
        changed: skuChanged,
      });
    });
    if (overRange > 0) {
      notices.push({
        kind: 'quantity_out_of_range',
        subject: sku,
        message: `SKU "${sku}" has ${overRange} units available at a linked warehouse, more than TikTok takes (1–${TIKTOK_MAX_QUANTITY.toLocaleString('en-US')} per warehouse), so TikTok shows ${TIKTOK_MAX_QUANTITY.toLocaleString('en-US')}. Fix: nothing to do unless the quantity is wrong (check the item's on hand at its linked locations).`,
      });
    }
  }
  // Pairs no longer linked, matched or synced are dropped from pending: TikTok keeps its own quantity there.
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
    openOrders: [...(input.openOrders ?? [])],
  };
  return {
    state,
    changed,
    pending: Object.keys(pending).length,
    pairs,
    notices,
    newNotices: notices.filter((n) => !before.has(noticeKey(n))),
    explained,
  };
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
      openOrders: Array.isArray(value.openOrders) ? value.openOrders.map(String) : [],
    };
  } catch {
    return emptyInventoryState();
  }
}
