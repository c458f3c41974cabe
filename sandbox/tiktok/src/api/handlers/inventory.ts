/**
 * The simulator's inventory routes: Update Inventory and Inventory Search (TikTok's product API).
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import {
  checkInventoryEntry,
  committedIndex,
  committedOf,
  type InventoryItemError,
} from '../../domain/inventory';
import type { SimulatorState } from '../../domain/state';
import type { Product, Sku } from '../../domain/types';
import { Business, Gateway } from '../../errors';
import { optObjectArray, optStringArray, requireShopId } from '../body';
import type { ApiContext, RouteDef } from '../route-table';
import { requireOwnProduct } from './products';

function updateInventory(state: SimulatorState, clock: Clock, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const product = requireOwnProduct(state, shopId, ctx.params.product_id);
  if (product.status !== 'ACTIVATE') throw Business.productStatusInvalid();
  const skus = optObjectArray(ctx.body, 'skus');
  if (!skus || skus.length === 0) throw Business.skuListEmpty();
  const errors: InventoryItemError[] = [];
  const seen = new Set<string>();
  let changed = false;
  for (const entry of skus) {
    const result = checkInventoryEntry(state, product, entry, seen);
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    for (const [warehouseId, quantity] of Object.entries(result.updates))
      result.sku.inventory[warehouseId] = quantity;
    changed = true;
  }
  if (changed) product.updateTime = Math.max(product.updateTime, Math.floor(clock.now() / 1000));
  return errors.length > 0 ? { errors } : {};
}

function skuInventory(state: SimulatorState, committed: Map<string, number>, sku: Sku) {
  const warehouses = Object.keys(sku.inventory).map((warehouse_id) => ({
    warehouse_id,
    available_quantity: state.stockOf(sku, warehouse_id),
    committed_quantity: committedOf(committed, sku, warehouse_id),
  }));
  return {
    id: sku.id,
    seller_sku: sku.sellerSku,
    total_available_quantity: warehouses.reduce((sum, w) => sum + w.available_quantity, 0),
    total_committed_quantity: warehouses.reduce((sum, w) => sum + w.committed_quantity, 0),
    warehouse_inventory: warehouses,
  };
}

/**
 * Inventory Search: by `sku_ids` (≤ 600, taking precedence) or `product_ids` (≤ 100); ids of other
 * shops or unknown are left out (TikTok documents no error for them). Campaign and creator
 * allocations are not simulated.
 */
function searchInventory(state: SimulatorState, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const skuIds = optStringArray(ctx.body, 'sku_ids');
  const productIds = optStringArray(ctx.body, 'product_ids');
  if (skuIds && skuIds.length > 600) throw Business.tooManyInventorySkus();
  if (productIds && productIds.length > 100) throw Business.tooManyInventoryProducts();
  if (!skuIds?.length && !productIds?.length)
    throw Gateway.invalidParam('product_ids or sku_ids is required');
  const live = (p: Product | undefined): p is Product =>
    p !== undefined && p.shopId === shopId && p.status !== 'DELETED';
  const inventory: { product_id: string; skus: ReturnType<typeof skuInventory>[] }[] = [];
  const committed = committedIndex(state);
  if (skuIds?.length) {
    for (const product of state.productsOf(shopId)) {
      if (!live(product)) continue;
      const skus = product.skus.filter((s) => skuIds.includes(s.id));
      if (skus.length > 0)
        inventory.push({ product_id: product.id, skus: skus.map((s) => skuInventory(state, committed, s)) });
    }
  } else {
    for (const id of productIds ?? []) {
      const product = state.products.get(id);
      if (live(product))
        inventory.push({
          product_id: product.id,
          skus: product.skus.map((s) => skuInventory(state, committed, s)),
        });
    }
  }
  return { inventory };
}

/**
 * Update Inventory (`POST /product/202309/products/{product_id}/inventory/update`, TikTok's Update Inventory; the
 * rules in domain/inventory.ts) and Inventory Search (`POST /product/202309/inventory/search`).
 */
export function inventoryRoutes(state: SimulatorState, clock: Clock): RouteDef[] {
  return [
    {
      method: 'POST',
      pattern: '/product/202309/products/{product_id}/inventory/update',
      scope: 'seller.product.write',
      shopLevel: true,
      handler: (ctx) => updateInventory(state, clock, ctx),
    },
    {
      method: 'POST',
      pattern: '/product/202309/inventory/search',
      scope: 'seller.product.basic',
      shopLevel: true,
      handler: (ctx) => searchInventory(state, ctx),
    },
  ];
}
