/**
 * The RESTlet's `shop.upsert`: the TikTok Shop record (`customrecord_tts_shop`) created or updated
 * from the bridge's view of the shop.
 */
import type {
  ShopUpsertRequest,
  ShopUpsertResponse,
} from '../../../../shared-types/src/contract/restlet-contract';
import { createShop, findShop, updateShop } from '../dao/shop-dao';
import { isDuplicateRecord } from '../platform/errors';

/**
 * `shop.upsert`: creates or updates `customrecord_tts_shop` by externalid `tts_shop_<shopId>`
 * (16 units at most: lookup 10 + create 2 + save 4, or lookup 10 + submitFields 2). Only the
 * fields the bridge owns are written; the admin's settings stay as they are.
 */
export function upsertShop(request: ShopUpsertRequest): ShopUpsertResponse {
  const existing = findShop(request.shop.shopId);
  if (existing !== null) {
    updateShop(existing.id, request.shop);
    return { ok: true, shopRecordId: existing.id, created: false };
  }
  try {
    return { ok: true, shopRecordId: createShop(request.shop), created: true };
  } catch (e) {
    // A concurrent call created it between the lookup and the save.
    const raced = isDuplicateRecord(e) ? findShop(request.shop.shopId) : null;
    if (raced === null) {
      throw e;
    }
    updateShop(raced.id, request.shop);
    return { ok: true, shopRecordId: raced.id, created: false };
  }
}
