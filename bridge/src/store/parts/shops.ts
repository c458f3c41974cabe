/** Store part: the connected TikTok shops and their connection state. */
import type { ShopConnectionState } from '../../../../shared-types/src/contract/restlet-contract';

export interface ShopRecord {
  shopId: string;
  name: string;
  region: string;
  sellerType: string;
  cipher: string;
  code: string;
  state: ShopConnectionState;
  stateReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ShopInput {
  shopId: string;
  name: string;
  region: string;
  sellerType: string;
  cipher: string;
  code: string;
  state: ShopConnectionState;
}

export interface ShopStore {
  /** Inserts or updates a shop (a re-authorization keeps `createdAt` and clears the state reason). */
  upsertShop(shop: ShopInput, now: number): Promise<ShopRecord>;
  getShop(shopId: string): Promise<ShopRecord | undefined>;
  /** Every shop, by shop id. */
  listShops(): Promise<ShopRecord[]>;
  setShopState(shopId: string, state: ShopRecord['state'], reason: string | null, now: number): Promise<void>;
}
