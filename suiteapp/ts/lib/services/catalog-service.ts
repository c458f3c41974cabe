/**
 * The RESTlet's `products.upsert` and `catalog.status` (issue #19, Pull products from TikTok): TikTok
 * SKUs become or update NetSuite items as shared-types/src/catalog/catalog-plan.ts decides, one item per
 * SKU, never a second item for a SKU that already matches exactly. With the shop's Process product
 * catalog updates not Pull products from TikTok, nothing is written and every SKU answers `flow_off`.
 * Governance for 100 SKUs (the most per call): shop lookup 10 + settings 1 + item query 10 + at most
 * 15 per SKU (create 5 + save 10; a link or title change is one submitFields, 5) = 1,521 of the
 * RESTlet's 5,000 units. A SKU NetSuite refuses (a required field, a name taken) answers `error` with
 * NetSuite's message; the others go on.
 */
import type { CatalogSkuAction } from '../../../../shared-types/src/catalog/catalog-plan';
import { planCatalogSkus } from '../../../../shared-types/src/catalog/catalog-plan';
import type {
  CatalogStatusRequest,
  CatalogStatusResponse,
  ProductSkuResult,
  ProductsUpsertRequest,
  ProductsUpsertResponse,
} from '../../../../shared-types/src/catalog/products-upsert';
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import {
  clearForceCatalog,
  countLinkedItems,
  createCatalogItem,
  findCatalogItems,
  linkCatalogItem,
  lookupCatalogStatus,
} from '../dao/catalog-dao';
import { findShop } from '../dao/shop-dao';
import type { ShopRef } from '../mappers/shop-mapper';
import { connectorError, errorMessage, errorName } from '../platform/errors';

function requireShop(shopId: string, what: string): ShopRef {
  const shop = findShop(shopId);
  if (shop === null) {
    throw connectorError(
      RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
      `shopId: no TikTok Shop record for shop ${shopId} (externalid tts_shop_${shopId}). Fix: send {"action": "shop.upsert", "shop": {...}} for this shop first, then resend the ${what}.`,
    );
  }
  return shop;
}

export function catalogStatus(request: CatalogStatusRequest): CatalogStatusResponse {
  const shop = requireShop(request.shopId, 'catalog status request');
  const status = lookupCatalogStatus(shop.id);
  let forceResync = status.forceResync;
  if (request.clearForce === true && forceResync) {
    clearForceCatalog(shop.id);
    forceResync = false;
  }
  return { ok: true, tiktokSide: status.settings.tiktokSide, forceResync, linkedItems: countLinkedItems() };
}

function resultOf(
  action: CatalogSkuAction,
  outcome: ProductSkuResult['outcome'],
  itemId: string | null,
  message: string | null,
): ProductSkuResult {
  return {
    productId: action.productId,
    skuId: action.skuId,
    sellerSku: action.sellerSku,
    outcome,
    itemId,
    message,
  };
}

function apply(action: CatalogSkuAction): ProductSkuResult {
  switch (action.kind) {
    case 'error':
      return resultOf(action, 'error', action.itemId, action.message);
    case 'unchanged':
      return resultOf(action, 'unchanged', action.itemId, null);
    case 'create':
      try {
        const itemId = createCatalogItem({
          externalId: action.externalId,
          itemid: action.itemid,
          displayName: action.displayName,
          productId: action.productId,
          skuId: action.skuId,
        });
        return resultOf(action, 'created', itemId, null);
      } catch (e) {
        return resultOf(
          action,
          'error',
          null,
          `TikTok SKU ${action.skuId} (seller SKU ${JSON.stringify(action.sellerSku)}) of product ${action.productId}: NetSuite refused the new inventory item ${JSON.stringify(action.itemid)} (${errorName(e) || 'error'}: ${errorMessage(e)}). Fix what NetSuite names (a required field, a name already taken), then pull again (Force product catalog resync).`,
        );
      }
    case 'link':
    case 'update': {
      const linked = linkCatalogItem(action.itemId, action.itemType, {
        displayName: action.displayName,
        productId: action.productId,
        skuId: action.skuId,
        tiktokSku: action.setTikTokSku ? action.sellerSku : null,
      });
      if (!linked) {
        return resultOf(
          action,
          'error',
          action.itemId,
          `TikTok SKU ${action.skuId} (seller SKU ${JSON.stringify(action.sellerSku)}): item ${action.itemId} has the same SKU but is a ${action.itemType ?? 'item'} the connector does not link (inventory items and kits only). Fix: give that item another SKU, or change the seller SKU in TikTok.`,
        );
      }
      return resultOf(action, action.kind === 'link' ? 'linked' : 'updated', action.itemId, null);
    }
  }
}

export function upsertProducts(request: ProductsUpsertRequest): ProductsUpsertResponse {
  const shop = requireShop(request.shopId, 'products');
  const status = lookupCatalogStatus(shop.id);
  const skus = request.products.flatMap((p) => p.skus.map((s) => ({ productId: p.id, sku: s })));
  if (status.settings.tiktokSide !== 'pull') {
    return {
      ok: true,
      results: skus.map(({ productId, sku }) => ({
        productId,
        skuId: sku.id,
        sellerSku: sku.seller_sku,
        outcome: 'flow_off' as const,
        itemId: null,
        message: `Shop ${status.shopName ?? request.shopId}: Process product catalog updates (TikTok side) is not "Pull products from TikTok"; nothing was written.`,
      })),
    };
  }
  const items = findCatalogItems(
    skus.map((s) => s.sku.id),
    skus.map((s) => s.sku.seller_sku),
  );
  return { ok: true, results: planCatalogSkus(request.shopId, request.products, items).map(apply) };
}
