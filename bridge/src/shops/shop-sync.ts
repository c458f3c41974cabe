import type { ShopInfo, ShopUpsertResponse } from '../../../shared-types/src/contract/restlet-contract';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { NetSuiteClient } from '../netsuite/client';
import type { BridgeStore, ShopRecord } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { SUBSCRIBED_WEBHOOK_EVENTS, type Warehouse } from '../tiktok/types';
import type { TikTokWarehouseInfo } from '../../../shared-types/src/contract/warehouse-upsert';
import { regionCurrency } from '../../../shared-types/src/tiktok/region-currency';

/**
 * The per-shop side effects of connecting: webhook subscriptions at TikTok, the shop record in
 * NetSuite, and the shop's TikTok warehouses in NetSuite (for the admin to link to locations).
 */
export function webhookAddress(publicUrl: string): string {
  return `${publicUrl}/webhooks/tiktok`;
}

export async function subscribeShopWebhooks(
  tiktok: TikTokClient,
  shopId: string,
  publicUrl: string,
): Promise<void> {
  for (const eventType of SUBSCRIBED_WEBHOOK_EVENTS) {
    await tiktok.subscribeWebhook(shopId, eventType, webhookAddress(publicUrl));
  }
}

export function shopInfo(shop: ShopRecord): ShopInfo {
  return {
    shopId: shop.shopId,
    name: shop.name,
    region: shop.region,
    sellerType: shop.sellerType,
    state: shop.state,
    // TikTok's authorized-shops call does not return the currency; '' lets NetSuite keep its own.
    currency: regionCurrency(shop.region) ?? '',
  };
}

export async function pushShopToNetSuite(
  store: BridgeStore,
  netsuite: NetSuiteClient,
  shopId: string,
): Promise<ShopUpsertResponse> {
  const shop = await store.getShop(shopId);
  if (!shop)
    throw new BridgeError(BRIDGE_ERROR_CODES.SHOP_NOT_FOUND, `Shop ${shopId} is not known to this bridge.`);
  return netsuite.upsertShop(shopInfo(shop));
}

/** TikTok warehouses as the RESTlet takes them: sales and return warehouses, enabled or not. */
export function warehouseInfos(warehouses: readonly Warehouse[]): TikTokWarehouseInfo[] {
  return warehouses.map((w) => ({
    id: w.id,
    name: w.name,
    type: w.type ?? 'SALES_WAREHOUSE',
    isDefault: w.is_default === true,
    ...(w.effect_status === 'ENABLED' || w.effect_status === 'DISABLED' || w.effect_status === 'RESTRICTED'
      ? { status: w.effect_status }
      : {}),
  }));
}

export async function pushWarehousesToNetSuite(
  tiktok: TikTokClient,
  netsuite: NetSuiteClient,
  shopId: string,
): Promise<number> {
  const warehouses = await tiktok.getWarehouses(shopId);
  if (warehouses.length === 0) return 0;
  const response = await netsuite.upsertWarehouses(shopId, warehouseInfos(warehouses));
  return response.results.length;
}
