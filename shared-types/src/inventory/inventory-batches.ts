/**
 * Changes grouped into TikTok Update Inventory calls (TikTok's Update Inventory): one call per TikTok product,
 * each SKU listing **every** warehouse TikTok assigned to it (12019028 when one is left out, 12052533
 * when one is added). Warehouses without a change keep the quantity we computed for them, or, when
 * they are not linked to NetSuite, the quantity TikTok holds now, so the call changes only what moved.
 *
 * A change that cannot be sent becomes a problem with its fix instead of a call: the SKU is not on
 * TikTok, two TikTok SKUs carry the same seller SKU, the product is not ACTIVATE (12052901 would
 * refuse the whole call), or the warehouse is not assigned to the SKU on TikTok.
 */
import type { InventoryChange } from './inventory-delta';
import { pairKey } from './inventory-delta';

/** A TikTok SKU as the bridge's product listing knows it. */
export interface CatalogSku {
  skuId: string;
  sellerSku: string;
  /** Warehouse id → TikTok's current quantity, for every warehouse assigned to the SKU. */
  inventory: ReadonlyMap<string, number>;
}

export interface CatalogProduct {
  productId: string;
  /** TikTok product status, e.g. ACTIVATE, SELLER_DEACTIVATED, DELETED. */
  status: string;
  skus: readonly CatalogSku[];
}

export interface UpdateInventoryCall {
  productId: string;
  skus: { id: string; inventory: { warehouse_id: string; quantity: number }[] }[];
  /** The changes this call carries (for reporting each SKU's outcome). */
  changes: InventoryChange[];
}

export type InventoryProblemKind =
  'sku_not_on_tiktok' | 'sku_ambiguous_on_tiktok' | 'product_not_active' | 'warehouse_not_assigned';

export interface InventoryProblem {
  kind: InventoryProblemKind;
  sellerSku: string;
  warehouseId: string;
  message: string;
}

export interface InventoryBatches {
  calls: UpdateInventoryCall[];
  problems: InventoryProblem[];
}

/**
 * Builds the calls. `current` holds the quantities computed this run for every linked pair
 * (`pairKey` → quantity): used for the SKU's warehouses that did not change.
 */
export function batchInventoryUpdates(
  changes: readonly InventoryChange[],
  catalog: readonly CatalogProduct[],
  current: ReadonlyMap<string, number>,
): InventoryBatches {
  const bySellerSku = new Map<string, { product: CatalogProduct; sku: CatalogSku }[]>();
  for (const product of catalog) {
    for (const sku of product.skus) {
      const list = bySellerSku.get(sku.sellerSku) ?? [];
      list.push({ product, sku });
      bySellerSku.set(sku.sellerSku, list);
    }
  }
  const problems: InventoryProblem[] = [];
  const perProduct = new Map<
    string,
    { product: CatalogProduct; skus: Map<string, CatalogSku>; changes: InventoryChange[] }
  >();
  for (const change of changes) {
    const problem = (kind: InventoryProblemKind, message: string): void => {
      problems.push({ kind, sellerSku: change.sellerSku, warehouseId: change.warehouseId, message });
    };
    const found = bySellerSku.get(change.sellerSku) ?? [];
    if (found.length === 0) {
      problem(
        'sku_not_on_tiktok',
        `SKU "${change.sellerSku}" has stock in NetSuite but no TikTok product has that seller SKU. Fix: list it on TikTok with seller SKU "${change.sellerSku}" exactly, or set TikTok SKU (custitem_tts_sku) on the item to the seller SKU TikTok shows.`,
      );
      continue;
    }
    if (found.length > 1) {
      problem(
        'sku_ambiguous_on_tiktok',
        `Seller SKU "${change.sellerSku}" is on ${found.length} TikTok SKUs (${found.map((f) => `${f.product.productId}/${f.sku.skuId}`).join(', ')}); sending the same stock to each would sell it twice. Fix: give each TikTok SKU its own seller SKU in Seller Center.`,
      );
      continue;
    }
    const { product, sku } = found[0];
    if (product.status !== 'ACTIVATE') {
      problem(
        'product_not_active',
        `TikTok product ${product.productId} (SKU "${change.sellerSku}") is ${product.status}, and TikTok updates stock only for active products (12052901). Fix: activate the product in Seller Center; the next inventory run sends its stock.`,
      );
      continue;
    }
    if (!sku.inventory.has(change.warehouseId)) {
      problem(
        'warehouse_not_assigned',
        `TikTok SKU "${change.sellerSku}" (${sku.skuId}) is not assigned to warehouse ${change.warehouseId}, so TikTok refuses stock for it there (12052533). Fix: add the warehouse to the SKU in Seller Center, or unlink the warehouse's NetSuite locations.`,
      );
      continue;
    }
    const entry = perProduct.get(product.productId) ?? {
      product,
      skus: new Map<string, CatalogSku>(),
      changes: [] as InventoryChange[],
    };
    entry.skus.set(sku.skuId, sku);
    entry.changes.push(change);
    perProduct.set(product.productId, entry);
  }
  const calls: UpdateInventoryCall[] = [];
  for (const { product, skus, changes: productChanges } of perProduct.values()) {
    const changed = new Map(productChanges.map((c) => [pairKey(c.sellerSku, c.warehouseId), c.quantity]));
    calls.push({
      productId: product.productId,
      skus: [...skus.values()].map((sku) => ({
        id: sku.skuId,
        inventory: [...sku.inventory].map(([warehouseId, tiktokQuantity]) => {
          const key = pairKey(sku.sellerSku, warehouseId);
          return {
            warehouse_id: warehouseId,
            quantity: changed.get(key) ?? current.get(key) ?? tiktokQuantity,
          };
        }),
      })),
      changes: productChanges,
    });
  }
  return { calls, problems };
}
