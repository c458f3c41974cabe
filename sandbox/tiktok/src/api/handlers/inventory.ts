import type { Clock } from '../../clock';
import type { SimulatorState } from '../../domain/state';
import type { Product } from '../../domain/types';
import { Business, Gateway, InventoryItemErrors } from '../../errors';
import { optObjectArray, requireShopId } from '../body';
import type { ApiContext, RouteDef } from '../route-table';
import { requireOwnProduct } from './products';

interface ExtraError {
  warehouse_id: string;
  code: number;
  message: string;
}

export interface InventoryItemError {
  code: number;
  message: string;
  detail: { sku_id: string; extra_errors?: ExtraError[] };
}

const MAX_QUANTITY = 99_999;

/**
 * Checks one SKU entry; returns the per-SKU error, or the new per-warehouse quantities.
 * `inventory[]` must name every warehouse of the SKU (none omitted, none added); `warehouse_id`
 * may be omitted only when the SKU has exactly one warehouse.
 */
function checkSku(
  state: SimulatorState,
  product: Product,
  entry: Record<string, unknown>,
): { error: InventoryItemError } | { updates: Record<string, number> } {
  const skuId = typeof entry.id === 'string' ? entry.id : '';
  if (skuId === '') return { error: { ...InventoryItemErrors.skuIdRequired, detail: { sku_id: '' } } };
  const sku = product.skus.find((s) => s.id === skuId);
  if (!sku) return { error: { ...InventoryItemErrors.skuNotInProduct, detail: { sku_id: skuId } } };
  const assigned = Object.keys(sku.inventory);
  const list = Array.isArray(entry.inventory) ? (entry.inventory as unknown[]) : [];
  if (list.length === 0) {
    return { error: { ...InventoryItemErrors.stockCountInvalid, detail: { sku_id: skuId } } };
  }
  const extra: ExtraError[] = [];
  const updates: Record<string, number> = {};
  for (const raw of list) {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    let warehouseId = typeof item.warehouse_id === 'string' ? item.warehouse_id : '';
    if (warehouseId === '') {
      if (assigned.length !== 1) {
        return { error: { ...InventoryItemErrors.multipleWarehouses, detail: { sku_id: skuId } } };
      }
      warehouseId = assigned[0] as string;
    }
    const warehouse = state.warehouses.get(warehouseId);
    if (!warehouse || warehouse.shopId !== product.shopId) {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.warehouseNotExist });
      continue;
    }
    if (warehouse.effectStatus !== 'ENABLED') {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.warehouseDisabled });
      continue;
    }
    if (warehouseId in updates) {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.warehouseDuplicate });
      continue;
    }
    const quantity = item.quantity;
    if (
      typeof quantity !== 'number' ||
      !Number.isInteger(quantity) ||
      quantity < 0 ||
      quantity > MAX_QUANTITY
    ) {
      extra.push({ warehouse_id: warehouseId, ...InventoryItemErrors.stockCountInvalid });
      continue;
    }
    updates[warehouseId] = quantity;
  }
  if (extra.length > 0) {
    return { error: { ...InventoryItemErrors.checkFailed, detail: { sku_id: skuId, extra_errors: extra } } };
  }
  const named = Object.keys(updates);
  const sameSet = named.length === assigned.length && assigned.every((id) => id in updates);
  if (!sameSet) return { error: { ...InventoryItemErrors.multipleWarehouses, detail: { sku_id: skuId } } };
  return { updates };
}

function updateInventory(state: SimulatorState, clock: Clock, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const product = requireOwnProduct(state, shopId, ctx.params.product_id);
  if (product.status !== 'ACTIVATE') throw Business.productStatusInvalid();
  const skus = optObjectArray(ctx.body, 'skus');
  if (!skus || skus.length === 0) throw Gateway.invalidParam('skus is required');
  const errors: InventoryItemError[] = [];
  let changed = false;
  for (const entry of skus) {
    const result = checkSku(state, product, entry);
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    const sku = product.skus.find((s) => s.id === entry.id);
    if (!sku) continue;
    for (const [warehouseId, quantity] of Object.entries(result.updates))
      sku.inventory[warehouseId] = quantity;
    changed = true;
  }
  if (changed) product.updateTime = Math.max(product.updateTime, Math.floor(clock.now().getTime() / 1000));
  return errors.length > 0 ? { errors } : {};
}

/**
 * `POST /product/202309/products/{product_id}/inventory/update` (reference §6.3): per-SKU
 * failures come back inside a code-0 response as `data.errors[]`; valid SKUs are applied.
 * Quantity 0 (out of stock) is accepted.
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
  ];
}
