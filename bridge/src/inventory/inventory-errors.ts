/**
 * TikTok's Update Inventory refusals as messages that name the SKU, the warehouse and the fix
 * (issue #14 item 4). Codes from TikTok's Update Inventory page (sandbox/tiktok/README.md, "Warehouses
 * and inventory"): a whole call refused (12052901 product not active, 12019028 / 12052533 the SKU's
 * warehouses changed), or per SKU inside `code: 0` (12052556 SKU deleted, 12052990 with a warehouse's
 * 12052097 / 12052530 / 12052531, 12052055 / 12019024 quantity out of range).
 */

export const INVENTORY_CODES = {
  PRODUCT_NOT_ACTIVE: 12052901,
  WAREHOUSES_MISSING: 12019028,
  WAREHOUSE_NOT_ASSIGNED: 12052533,
  SKU_DELETED: 12052556,
  CHECK_FAILED: 12052990,
  WAREHOUSE_UNKNOWN: 12052097,
  WAREHOUSE_NOT_IN_SHOP: 12052530,
  WAREHOUSE_DISABLED: 12052531,
  QUANTITY_OUT_OF_RANGE: 12052055,
  QUANTITY_INVALID: 12019024,
} as const;

/** Codes after which the bridge's copy of the SKU's TikTok product is stale and is read again. */
export const CATALOG_STALE_CODES: ReadonlySet<number> = new Set([
  INVENTORY_CODES.PRODUCT_NOT_ACTIVE,
  INVENTORY_CODES.WAREHOUSES_MISSING,
  INVENTORY_CODES.WAREHOUSE_NOT_ASSIGNED,
  INVENTORY_CODES.SKU_DELETED,
  INVENTORY_CODES.CHECK_FAILED,
]);

const WAREHOUSE_FIX =
  'enable the warehouse in Seller Center (My Account > Warehouses), or move its NetSuite locations to a current warehouse on the TikTok Warehouse record (Customization > TikTok Warehouses)';

/** The message for one refusal of a SKU (or of its product's whole call). */
export function inventoryRefusal(
  sellerSku: string,
  productId: string,
  code: number,
  tiktokMessage: string,
  warehouse?: { warehouseId: string | null; code: number; message: string },
): string {
  const sku = `TikTok SKU "${sellerSku}" (product ${productId})`;
  const says = `TikTok said ${code}${tiktokMessage ? ` "${tiktokMessage}"` : ''}`;
  if (warehouse !== undefined) {
    const wh = `warehouse ${warehouse.warehouseId ?? '(none)'}`;
    switch (warehouse.code) {
      case INVENTORY_CODES.WAREHOUSE_DISABLED:
        return `${sku}: ${wh} is disabled in TikTok (${warehouse.code}). Fix: ${WAREHOUSE_FIX}.`;
      case INVENTORY_CODES.WAREHOUSE_UNKNOWN:
        return `${sku}: ${wh} no longer exists in TikTok (deleted, ${warehouse.code}). Fix: ${WAREHOUSE_FIX}.`;
      case INVENTORY_CODES.WAREHOUSE_NOT_IN_SHOP:
        return `${sku}: ${wh} is not a warehouse of this shop (${warehouse.code}). Fix: ${WAREHOUSE_FIX}.`;
      default:
        return `${sku}: ${wh} was refused (${warehouse.code} "${warehouse.message}"). Fix: check the warehouse in Seller Center.`;
    }
  }
  switch (code) {
    case INVENTORY_CODES.PRODUCT_NOT_ACTIVE:
      return `${sku} is not active, and TikTok updates stock of active products only (${code}). Fix: activate the product in Seller Center; its stock is sent on the next pass.`;
    case INVENTORY_CODES.SKU_DELETED:
      return `${sku} was deleted in TikTok (${code}). Fix: list it again with seller SKU "${sellerSku}", or clear TikTok SKU (custitem_tts_sku) on the NetSuite item if it is no longer sold on TikTok.`;
    case INVENTORY_CODES.QUANTITY_OUT_OF_RANGE:
    case INVENTORY_CODES.QUANTITY_INVALID:
      return `${sku}: the quantity is outside what TikTok takes (0–99,999 whole units, ${code}). Fix: check the item's on hand at its linked locations.`;
    case INVENTORY_CODES.WAREHOUSES_MISSING:
    case INVENTORY_CODES.WAREHOUSE_NOT_ASSIGNED:
      return `${sku}: its warehouses changed in TikTok (${code}); the bridge reads them again and sends the stock on the next pass. Fix: nothing, unless it repeats (then check the SKU's warehouses in Seller Center).`;
    default:
      return `${sku}: ${says}. Fix: check the product in Seller Center; it is sent again on the next pass.`;
  }
}
