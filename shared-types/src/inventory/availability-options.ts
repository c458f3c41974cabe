/**
 * The shop's availability options (issue #16 item 1), as a NetSuite admin sets them on the TikTok
 * Shop record (`suiteapp/src/Objects/customrecord_tts_shop.xml`), and the item-level settings
 * (`custitem_tts_inv_buffer`, `custitem_tts_no_inv_sync`, `custitem_tts_inv_discontinued`):
 *
 * - Count Quantity On Order / Count Quantity In Transit (off): add what open purchase orders and
 *   transfers bring, net of what is back-ordered, to on hand − committed.
 * - Inventory Safety Buffer (units, 0) and Inventory Safety Buffer (%) (0): units kept back per SKU
 *   and warehouse; with both set the larger one is kept back. The percentage is of the quantity
 *   available at that warehouse, rounded up (10% of 95 keeps 10 back). An item's own buffer
 *   (`custitem_tts_inv_buffer`: "3" units or "10%") replaces the shop's for that item.
 * - Kits and item groups are sold from their members: min over members of floor(available / quantity
 *   per kit). Assemblies show their own (built) stock; with Count Buildable Assemblies they add what
 *   the components can build.
 * - Push Inactive Items as Out of Stock (on): an inactive item, or one ticked Discontinued on TikTok,
 *   shows 0 on TikTok; off, the connector leaves its TikTok quantity alone.
 * - Do Not Sync Inventory (item): the connector never sends the item's quantity.
 * - Matrix items: each child is a SKU of its own; the parent (which holds no stock) is never sent.
 */

export interface AvailabilityOptions {
  includeOnOrder: boolean;
  includeInTransit: boolean;
  /** Shop default buffer as a percentage of the available quantity, 0–100. */
  bufferPercent: number;
  /** Assemblies add what their components can build to their own stock. */
  assembliesFromComponents: boolean;
  /** Inactive and discontinued items are pushed as 0 (else left alone). */
  inactiveAsZero: boolean;
}

export const DEFAULT_AVAILABILITY_OPTIONS: AvailabilityOptions = {
  includeOnOrder: false,
  includeInTransit: false,
  bufferPercent: 0,
  assembliesFromComponents: false,
  inactiveAsZero: true,
};

/** A buffer: whole units, or a percentage of the available quantity. */
export type BufferRule = { kind: 'units'; value: number } | { kind: 'percent'; value: number };

/** A kit / item group / assembly member: the item and the quantity one kit takes. */
export interface ItemMember {
  itemId: string;
  quantity: number;
}

/**
 * Reads an item's TikTok Inventory Buffer (`custitem_tts_inv_buffer`): empty → null (the shop's
 * buffer applies); "3" → 3 units; "10%" → 10 percent. Anything else is an error naming the fix.
 */
export function parseItemBuffer(text: string | null): BufferRule | null | { error: string } {
  const value = (text ?? '').trim();
  if (value === '') return null;
  const percent = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(value);
  if (percent !== null) {
    const n = Number(percent[1]);
    if (n <= 100) return { kind: 'percent', value: n };
  } else if (/^\d{1,5}$/.test(value)) {
    return { kind: 'units', value: Number(value) };
  }
  return {
    error: `TikTok Inventory Buffer "${value}" is neither whole units (for example 3) nor a percentage up to 100% (for example 10%)`,
  };
}

/** Units kept back from `available`: the item's rule, else the larger of the shop's units and percent. */
export function bufferUnits(
  available: number,
  itemRule: BufferRule | null,
  shop: { units: number; percent: number },
): number {
  if (!Number.isInteger(shop.units) || shop.units < 0) {
    throw new Error(`safety buffer must be a whole number ≥ 0, got ${shop.units}`);
  }
  const ofPercent = (percent: number): number =>
    available > 0 && percent > 0 ? Math.ceil((available * Math.min(percent, 100)) / 100 - 1e-9) : 0;
  if (itemRule !== null) {
    return itemRule.kind === 'units' ? itemRule.value : ofPercent(itemRule.value);
  }
  return Math.max(shop.units, ofPercent(Number.isFinite(shop.percent) ? shop.percent : 0));
}

/** What an item's own settings say before any quantity is computed. */
export type ItemSyncDecision =
  | { send: true; zero: false }
  | { send: true; zero: true; why: 'inactive' | 'discontinued' }
  | { send: false; why: 'do_not_sync' | 'matrix_parent' | 'inactive_left_alone' };

export interface ItemSyncFlags {
  inactive: boolean;
  noSync: boolean;
  discontinued: boolean;
  /** The item is the parent of other items (a matrix parent): its children are the SKUs. */
  isParent: boolean;
}

/** Whether (and how) an item's quantity goes to TikTok. */
export function itemSyncDecision(
  flags: ItemSyncFlags,
  options: Pick<AvailabilityOptions, 'inactiveAsZero'>,
): ItemSyncDecision {
  if (flags.noSync) return { send: false, why: 'do_not_sync' };
  if (flags.isParent) return { send: false, why: 'matrix_parent' };
  if (flags.inactive || flags.discontinued) {
    if (!options.inactiveAsZero) return { send: false, why: 'inactive_left_alone' };
    return { send: true, zero: true, why: flags.inactive ? 'inactive' : 'discontinued' };
  }
  return { send: true, zero: false };
}
