/**
 * The per-shop side effects of connecting: webhook subscriptions at TikTok, the shop record in
 * NetSuite, and the shop's TikTok warehouses in NetSuite (for the admin to link to locations).
 */
import type { ShopInfo, ShopUpsertResponse } from '../../../shared-types/src/contract/restlet-contract';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { NetSuiteClient } from '../netsuite/client';
import type { BridgeStore, ShopRecord } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { SUBSCRIBED_WEBHOOK_EVENTS, type Warehouse } from '../tiktok/types';
import type { TikTokWarehouseInfo } from '../../../shared-types/src/contract/warehouse-upsert';
import { MAX_WAREHOUSES_PER_UPSERT } from '../../../shared-types/src/contract/warehouse-upsert';
import { regionCurrency } from '../../../shared-types/src/tiktok/region-currency';

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
    ...addressOf(w.address),
    ...(w.effect_status === 'ENABLED' || w.effect_status === 'DISABLED' || w.effect_status === 'RESTRICTED'
      ? { status: w.effect_status }
      : {}),
  }));
}

/** The parts of TikTok's warehouse address the suggested links compare (Get Warehouse List `address`). */
function addressOf(address: Record<string, unknown> | undefined): Pick<TikTokWarehouseInfo, 'address'> {
  if (address === undefined) return {};
  const text = (v: unknown): string | undefined =>
    typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 300) : undefined;
  const out: NonNullable<TikTokWarehouseInfo['address']> = {};
  const postalCode = text(address.postal_code);
  const city = text(address.city);
  const addressLine1 = text(address.address_line1);
  if (postalCode) out.postalCode = postalCode;
  if (city) out.city = city;
  if (addressLine1) out.addressLine1 = addressLine1;
  return Object.keys(out).length > 0 ? { address: out } : {};
}

export async function pushWarehousesToNetSuite(
  tiktok: TikTokClient,
  netsuite: NetSuiteClient,
  shopId: string,
): Promise<number> {
  const warehouses = await tiktok.getWarehouses(shopId);
  if (warehouses.length === 0) return 0;
  // The whole list fits one call (TikTok shops have a handful), so NetSuite may mark the others DELETED.
  const response = await netsuite.upsertWarehouses(
    shopId,
    warehouseInfos(warehouses),
    warehouses.length <= MAX_WAREHOUSES_PER_UPSERT,
  );
  return response.results.length;
}
