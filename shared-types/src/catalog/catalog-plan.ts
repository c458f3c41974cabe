/**
 * TikTok product SKUs → NetSuite items, decided before any record is touched (issue #19, Pull products
 * from TikTok). One NetSuite item per TikTok SKU: an item already linked by TikTok SKU ID is updated; an
 * item whose TikTok SKU override or Item Name/Number equals the seller SKU exactly (case and whitespace
 * included, the order import's rule: shared-types/src/orders/sku-item-map.ts) is linked, never
 * duplicated; any other SKU becomes a new item (Item Name/Number = the seller SKU, Display Name = the
 * product title, externalid `tts_sku_<shop>_<skuId>`). A SKU that cannot be placed without guessing
 * (no seller SKU, the same seller SKU twice, two items matching, an item already linked to another
 * TikTok SKU, an inactive item holding the name) is an error naming the fix, and nothing is written
 * for it.
 *
 * Matrix items: a multi-SKU TikTok product becomes one item per SKU, not a matrix parent with children.
 * NetSuite matrix items need item options (custom lists per sales attribute) and the Matrix Items
 * feature, which the emulator does not model; Search Products does not carry sales attributes either.
 */
import { buildSkuItemMap } from '../orders/sku-item-map';
import type { CatalogProduct } from './products-upsert';

/** An item as the catalog reads it (SuiteQL on `item`). */
export interface CatalogItemRow {
  id: string;
  itemid: string;
  displayName: string | null;
  inactive: boolean;
  /** TikTok SKU override (`custitem_tts_sku`). */
  ttsSku: string | null;
  /** TikTok Product ID (`custitem_tts_product_id`). */
  productId: string | null;
  /** TikTok SKU ID (`custitem_tts_sku_id`). */
  skuId: string | null;
  /** SuiteQL `itemtype` (InvtPart, Kit, NonInvtPart, ...). */
  itemType: string | null;
}

interface SkuRef {
  productId: string;
  skuId: string;
  sellerSku: string;
}

export type CatalogSkuAction =
  | (SkuRef & { kind: 'create'; externalId: string; itemid: string; displayName: string })
  | (SkuRef & {
      kind: 'link' | 'update';
      itemId: string;
      itemType: string | null;
      displayName: string;
      /** Set the TikTok SKU override to the seller SKU (the seller renamed the SKU in TikTok). */
      setTikTokSku: boolean;
    })
  | (SkuRef & { kind: 'unchanged'; itemId: string })
  | (SkuRef & { kind: 'error'; itemId: string | null; message: string });

/** externalid of an item the connector created for a TikTok SKU. */
export function catalogItemExternalId(shopId: string, skuId: string): string {
  return `tts_sku_${shopId}_${skuId}`;
}

/** NetSuite's Display Name holds 250 characters; TikTok titles up to 255. */
export const MAX_DISPLAY_NAME = 250;

export function displayNameOf(title: string): string {
  return title.length > MAX_DISPLAY_NAME ? title.slice(0, MAX_DISPLAY_NAME) : title;
}

/** The SKU the order import matches an item by: its override, else its name. */
export function matchSkuOf(item: Pick<CatalogItemRow, 'itemid' | 'ttsSku'>): string {
  return item.ttsSku !== null && item.ttsSku !== '' ? item.ttsSku : item.itemid;
}

export function planCatalogSkus(
  shopId: string,
  products: readonly CatalogProduct[],
  items: readonly CatalogItemRow[],
): CatalogSkuAction[] {
  const skus = products.flatMap((p) =>
    p.skus.map((s) => ({ product: p, ref: { productId: p.id, skuId: s.id, sellerSku: s.seller_sku } })),
  );
  const bySeller = new Map<string, string[]>();
  for (const { ref } of skus) {
    if (ref.sellerSku !== '')
      bySeller.set(ref.sellerSku, [...(bySeller.get(ref.sellerSku) ?? []), ref.skuId]);
  }
  const active = items.filter((i) => !i.inactive);
  const map = buildSkuItemMap(
    active.map((i) => ({ id: i.id, itemid: i.itemid, ttsSku: i.ttsSku })),
    [...bySeller.keys()],
  );
  const byId = new Map(items.map((i) => [i.id, i]));
  return skus.map(({ product, ref }): CatalogSkuAction => {
    const displayName = displayNameOf(product.title);
    const error = (message: string, itemId: string | null = null): CatalogSkuAction => ({
      ...ref,
      kind: 'error',
      itemId,
      message: `TikTok SKU ${ref.skuId} (seller SKU ${JSON.stringify(ref.sellerSku)}) of product ${ref.productId}: ${message}`,
    });
    const linked = items.filter((i) => i.skuId === ref.skuId);
    if (linked.length > 1) {
      return error(
        `items ${linked.map((i) => i.id).join(', ')} all carry this TikTok SKU ID. Fix: clear TikTok SKU ID on all but one of them.`,
      );
    }
    if (ref.sellerSku === '') {
      return error(
        'it has no seller SKU, so no item can be matched or named after it. Fix: give it a seller SKU in TikTok Seller Center.',
        linked[0]?.id ?? null,
      );
    }
    const twins = bySeller.get(ref.sellerSku) ?? [];
    if (twins.length > 1) {
      return error(
        `TikTok SKUs ${twins.join(', ')} share this seller SKU, and matching is exact. Fix: make each seller SKU unique in TikTok Seller Center.`,
        linked[0]?.id ?? null,
      );
    }
    const ambiguous = map.ambiguous[ref.sellerSku];
    if (ambiguous !== undefined) {
      return error(
        `NetSuite items ${ambiguous.join(', ')} all match it, and the connector does not guess. Fix: make Item Name/Number (or TikTok SKU) unique, then pull again (Force product catalog resync).`,
        linked[0]?.id ?? null,
      );
    }
    const matchedId = map.items[ref.sellerSku];
    if (linked.length === 1) {
      const item = linked[0];
      if (matchedId !== undefined && matchedId !== item.id) {
        return error(
          `item ${item.id} is linked to it, but item ${matchedId} has its SKU. Fix: change the SKU of one of the two items in NetSuite.`,
          item.id,
        );
      }
      const setTikTokSku = matchSkuOf(item) !== ref.sellerSku;
      const same = !setTikTokSku && item.displayName === displayName && item.productId === ref.productId;
      return same
        ? { ...ref, kind: 'unchanged', itemId: item.id }
        : { ...ref, kind: 'update', itemId: item.id, itemType: item.itemType, displayName, setTikTokSku };
    }
    if (matchedId !== undefined) {
      const item = byId.get(matchedId)!;
      if (item.skuId !== null && item.skuId !== '') {
        return error(
          `item ${item.id} has this SKU but is linked to TikTok SKU ${item.skuId}. Fix: give the two TikTok SKUs different seller SKUs, or clear TikTok SKU ID on item ${item.id} if that SKU is gone.`,
          item.id,
        );
      }
      return {
        ...ref,
        kind: 'link',
        itemId: item.id,
        itemType: item.itemType,
        displayName,
        setTikTokSku: false,
      };
    }
    const inactive = items.find((i) => i.inactive && i.itemid === ref.sellerSku);
    if (inactive !== undefined) {
      return error(
        `inactive item ${inactive.id} holds this Item Name/Number. Fix: reactivate item ${inactive.id} (it is then linked) or rename it.`,
        inactive.id,
      );
    }
    return {
      ...ref,
      kind: 'create',
      externalId: catalogItemExternalId(shopId, ref.skuId),
      itemid: ref.sellerSku,
      displayName,
    };
  });
}
