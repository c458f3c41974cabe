/**
 * TikTok's stock per SKU and sales warehouse, and the rules of Update Inventory (TikTok's Update Inventory; TikTok's
 * Update Inventory, Inventory Search and Get Warehouse List pages). Pure checks over the state; the
 * handler (api/handlers/inventory.ts) and the admin API apply them.
 *
 * - `quantity` is what buyers can order (Inventory Search: `available_quantity` "is equivalent to the
 *   `inventory.quantity` value returned in the Get Product API"). It goes down when an order is created
 *   (the Order API overview: stock is reserved from UNPAID on) and comes back when a line is cancelled
 *   before it ships. `committed_quantity` counts units of open orders not shipped yet.
 * - Update Inventory sets `quantity` for every warehouse assigned to the SKU: all of them must be
 *   listed (12019028), none added (12052533); `warehouse_id` may be left out only when the SKU has one
 *   warehouse. Zero: the page's range reads "[1, 99,999]", the same sentence Get Product and Search
 *   Products print for the quantities they return (which are 0 for a sold-out SKU); the same page
 *   earlier read "The value should be non-negative numbers (include number 0) And less then 99999"
 *   (its text in lywzx/tiktok-partner-api `UpdateInventory.ts`), and connectors send 0 to show a SKU
 *   out of stock. The simulator takes 0 as "out of stock" and refuses below 0 or above 99,999 with
 *   12052055 ("must be within allowed limits"); a value that is not an integer is 12019024.
 * - Per-SKU errors come back inside a `code: 0` response in `data.errors[]`; the SKUs without an error
 *   are applied. A warehouse that does not exist (or was deleted) 12052097, of another shop 12052530,
 *   disabled 12052531, listed twice 12052555 are `extra_errors` of a 12052990 "Check failed" entry (the
 *   shape of the page's sample). A RESTRICTED warehouse (holiday or order-limit mode: "products in stock
 *   are unavailable for sale") still takes updates (a choice; no code refuses it). A SKU id missing 12052036, listed twice 12052553, deleted or unknown
 *   12052556, of another product 12052557, of a virtual bundle 12052850 ("The stock of combo does not
 *   support being edited") are errors of the SKU. A product that is not ACTIVATE fails the whole call
 *   (12052901): every SKU of a call belongs to that one product.
 */
import type { SimulatorState } from './state';
import type { Product, Sku, Warehouse } from './types';

export const MAX_QUANTITY = 99_999;

export interface ExtraError {
  warehouse_id: string;
  code: number;
  message: string;
}

export interface InventoryItemError {
  code: number;
  message: string;
  detail: { sku_id: string; extra_errors?: ExtraError[] };
}

/** Per-SKU inventory errors inside a code-0 response (TikTok's Update Inventory; Update Inventory error table). */
export const InventoryItemErrors = {
  checkFailed: { code: 12052990, message: 'Check failed' },
  warehouseNotExist: { code: 12052097, message: 'The warehouse does not exist' },
  warehouseNotInShop: (warehouseId: string) => ({
    code: 12052530,
    message: `The warehouse ' ${warehouseId} ' does not belong to this shop/seller.`,
  }),
  warehouseDisabled: { code: 12052531, message: 'The warehouse is disabled.' },
  warehouseDuplicate: { code: 12052555, message: 'The warehouse id is duplicate' },
  stockCountInvalid: { code: 12019024, message: 'stock count is invalid' },
  quantityOutOfRange: {
    code: 12052055,
    message: 'The SKU inventory quantity for the warehouse must be within allowed limits.',
  },
  multipleWarehouses: {
    code: 12019028,
    message:
      'Multiple warehouses detected. Include all warehouse IDs and the corresponding details and try again.',
  },
  warehousesChanged: {
    code: 12052533,
    message:
      'Removal, addition, and change of warehouses are not permitted. Please specify the original warehouses for the SKUs.',
  },
  skuIdRequired: { code: 12052036, message: 'The SKU ID is necessary' },
  skuDuplicate: { code: 12052553, message: 'Sku id duplicate' },
  skuNotExist: { code: 12052556, message: 'The SKU id not exist.' },
  skuNotInProduct: { code: 12052557, message: 'The SKU ID does not belong to the product.' },
  comboStock: { code: 12052850, message: 'The stock of combo does not support being edited.' },
} as const;

function skuError(code: { code: number; message: string }, skuId: string): { error: InventoryItemError } {
  return { error: { code: code.code, message: code.message, detail: { sku_id: skuId } } };
}

/**
 * Checks one `skus[]` entry of Update Inventory against the product; returns the SKU's error or its
 * new quantity per warehouse.
 */
export function checkInventoryEntry(
  state: SimulatorState,
  product: Product,
  entry: Record<string, unknown>,
  seen: Set<string>,
): { error: InventoryItemError } | { sku: Sku; updates: Record<string, number> } {
  const skuId = typeof entry.id === 'string' ? entry.id : '';
  if (skuId === '') return skuError(InventoryItemErrors.skuIdRequired, '');
  if (seen.has(skuId)) return skuError(InventoryItemErrors.skuDuplicate, skuId);
  seen.add(skuId);
  const sku = product.skus.find((s) => s.id === skuId);
  if (!sku) {
    const elsewhere = state.findSku(skuId);
    return skuError(elsewhere ? InventoryItemErrors.skuNotInProduct : InventoryItemErrors.skuNotExist, skuId);
  }
  if (sku.components) return skuError(InventoryItemErrors.comboStock, skuId);
  const assigned = Object.keys(sku.inventory);
  const list = Array.isArray(entry.inventory) ? (entry.inventory as unknown[]) : [];
  const extra: ExtraError[] = [];
  const updates: Record<string, number> = {};
  let added = false;
  for (const raw of list) {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    let warehouseId = typeof item.warehouse_id === 'string' ? item.warehouse_id : '';
    if (warehouseId === '') {
      if (assigned.length !== 1) return skuError(InventoryItemErrors.multipleWarehouses, skuId);
      warehouseId = assigned[0] as string;
    }
    const warehouse = state.warehouses.get(warehouseId);
    if (!warehouse) {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.warehouseNotExist });
      continue;
    }
    if (warehouse.shopId !== product.shopId) {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.warehouseNotInShop(warehouseId) });
      continue;
    }
    if (warehouse.effectStatus === 'DISABLED') {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.warehouseDisabled });
      continue;
    }
    if (warehouseId in updates) {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.warehouseDuplicate });
      continue;
    }
    const quantity = item.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity)) {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.stockCountInvalid });
      continue;
    }
    if (quantity < 0 || quantity > MAX_QUANTITY) {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.quantityOutOfRange });
      continue;
    }
    if (!assigned.includes(warehouseId)) added = true;
    updates[warehouseId] = quantity;
  }
  if (extra.length > 0) {
    const { code, message } = InventoryItemErrors.checkFailed;
    return { error: { code, message, detail: { sku_id: skuId, extra_errors: extra } } };
  }
  if (added) return skuError(InventoryItemErrors.warehousesChanged, skuId);
  if (!assigned.every((id) => id in updates)) return skuError(InventoryItemErrors.multipleWarehouses, skuId);
  return { sku, updates };
}

/**
 * Units held by open orders (created, not shipped, not cancelled) per SKU and warehouse, keyed
 * `skuId|warehouseId`: Inventory Search `committed_quantity`. A virtual bundle line commits its
 * components. One pass over the orders, so reading many SKUs costs one pass.
 */
export function committedIndex(state: SimulatorState): Map<string, number> {
  const index = new Map<string, number>();
  const add = (skuId: string, warehouseId: string, units: number) => {
    const key = `${skuId}|${warehouseId}`;
    index.set(key, (index.get(key) ?? 0) + units);
  };
  for (const { order } of state.orders.values()) {
    const warehouseId = order.warehouse_id;
    if (!warehouseId || order.status === 'CANCELLED') continue;
    for (const line of order.line_items) {
      if (line.display_status === 'CANCELLED') continue;
      const pkg = line.package_id ? state.packages.get(line.package_id) : undefined;
      if (pkg && pkg.status !== 'TO_FULFILL') continue;
      add(line.sku_id, warehouseId, 1);
      for (const part of line.combined_listing_skus ?? []) add(part.sku_id, warehouseId, part.sku_count);
    }
  }
  return index;
}

export function committedOf(index: Map<string, number>, sku: Sku, warehouseId: string): number {
  return index.get(`${sku.id}|${warehouseId}`) ?? 0;
}

/** The shop's sales warehouse that becomes default when the default one is deleted (enabled first). */
export function nextDefault(state: SimulatorState, shopId: string): Warehouse | undefined {
  const sales = state.warehousesOf(shopId).filter((w) => w.type === 'SALES_WAREHOUSE');
  return sales.find((w) => w.effectStatus === 'ENABLED') ?? sales[0];
}
