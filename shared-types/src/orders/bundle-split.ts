/**
 * Virtual bundles (TikTok "combined listings"): a TikTok line item whose SKU is a bundle of other
 * SKUs carries `combined_listing_skus[{sku_id, sku_count, product_id, seller_sku}]` in the order
 * detail (not in the order list; TikTok's Get Order Detail). One bundle unit is `sku_count`
 * units of each component SKU.
 *
 * The shop's "Virtual Bundles As" setting (`custrecord_tts_shop_bundle_kit`) decides the import:
 * - components (default, box clear): the bundle line becomes its component units, each matched by
 *   its own seller SKU (its TikTok SKU id when it has none) and carrying the bundle line's TikTok id,
 *   so NetSuite's stock and fulfillment follow the items really shipped;
 * - kit (box ticked): the bundle line is imported as its own seller SKU, which is then a NetSuite kit
 *   or item group.
 *
 * The split rule (components): each of the bundle line's amounts (`sale_price`, `seller_discount`,
 * `platform_discount`) is shared over the bundle's component units as evenly as the currency's minor
 * unit allows: every unit gets the amount ÷ units rounded down, and the units left over get one
 * minor unit more each, the first units first, in the order TikTok lists the components (units of
 * the first component before those of the second). A unit's `original_price` is its sale price plus
 * its discounts. Each amount's shares add up exactly to the bundle's, so the sales order's lines, its
 * discount lines and the tie-out stay exact to the cent; units of one SKU whose shares differ by a
 * cent become two lines (order-lines.ts groups by SKU and price).
 */
import { formatMinor, toMinor } from '../money/money';
import type { TikTokLineItem } from '../tiktok/tiktok-order';

export interface CombinedListingSku {
  sku_id: string;
  sku_count: number;
  product_id?: string;
  seller_sku?: string;
}

/** True when TikTok sent the line as a virtual bundle of other SKUs. */
export function isVirtualBundle(line: Pick<TikTokLineItem, 'combined_listing_skus'>): boolean {
  return Array.isArray(line.combined_listing_skus) && line.combined_listing_skus.length > 0;
}

/** `total` minor units shared over `count` units: the rounded-down share, one more for the first `total mod count`. */
export function shareMinor(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  const extra = total - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < extra ? 1 : 0));
}

/** The component units of one bundle line, each a line of one component SKU at its share of the bundle's amounts. */
export function splitBundleLine(line: TikTokLineItem, currency: string): TikTokLineItem[] {
  const components = line.combined_listing_skus ?? [];
  const skus = components.flatMap((component) =>
    Array.from({ length: Math.max(0, component.sku_count) }, () => component),
  );
  if (skus.length === 0) return [line];
  const sale = shareMinor(toMinor(line.sale_price, currency), skus.length);
  const seller = shareMinor(toMinor(line.seller_discount, currency), skus.length);
  const platform = shareMinor(toMinor(line.platform_discount, currency), skus.length);
  const money = (minor: number): string => formatMinor(minor, currency);
  return skus.map((component, index) => {
    const saleMinor = sale[index] ?? 0;
    const sellerMinor = seller[index] ?? 0;
    const platformMinor = platform[index] ?? 0;
    const unit: TikTokLineItem = {
      ...line,
      sku_id: component.sku_id,
      product_id: component.product_id ?? line.product_id,
      seller_sku: component.seller_sku ?? '',
      // Messages (an unmatched component SKU) name the bundle the unit came from.
      product_name: `component of virtual bundle ${line.seller_sku || line.sku_id} (${line.product_name})`,
      sku_name: `${line.product_name}: component ${component.seller_sku || component.sku_id}`,
      original_price: money(saleMinor + sellerMinor + platformMinor),
      sale_price: money(saleMinor),
      seller_discount: money(sellerMinor),
      platform_discount: money(platformMinor),
    };
    delete unit.combined_listing_skus;
    return unit;
  });
}

/**
 * The lines the import plans from: with `asKits` false, every virtual bundle line replaced by its
 * component units (the other lines as they are); with `asKits` true, the lines unchanged.
 */
export function expandBundles(
  lines: readonly TikTokLineItem[],
  currency: string,
  asKits: boolean,
): TikTokLineItem[] {
  if (asKits) return [...lines];
  return lines.flatMap((line) => (isVirtualBundle(line) ? splitBundleLine(line, currency) : [line]));
}
