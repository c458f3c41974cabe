/**
 * Item and discount lines of a sales order, in minor units.
 *
 * TikTok's line `sale_price` = `original_price − seller_discount − platform_discount` (what the buyer
 * pays). The shop's Discount Lines setting decides how the discounts show:
 * - on: item lines at the original price, a seller discount line (−Σ seller_discount) and a platform
 *   discount line (−Σ platform_discount): revenue, the seller's promotion and TikTok's funding are
 *   each visible;
 * - off: item lines at the seller's price (`original − seller_discount`, i.e. sale price plus the
 *   platform discount) and the platform discount as a discount line.
 * Either way the lines add up to TikTok's `sub_total` (what the buyer paid for the products), and
 * the platform discount line is what TikTok adds to the buyer's payment in the settlement.
 * Sample orders are imported at zero price with no discount lines.
 */
import { addMinor, formatMinor, multiplyMinor, sumMinor, toMinor } from '../money/money';
import { TEXTAREA_MAX_LENGTH } from '../netsuite/netsuite-ids';
import type { ShopOrderOptions } from '../settings/shop-settings';
import { SHOP_RECORD_LOCATION } from '../settings/shop-settings';
import type { TikTokLineItem, TikTokOrder } from '../tiktok/tiktok-order';

export interface LineGroup {
  sku: string;
  rateMinor: number;
  lines: TikTokLineItem[];
}

export type DiscountKind = 'seller' | 'platform';

export interface DiscountLinePlan {
  kind: DiscountKind;
  /** The shop's discount item for this kind. */
  itemId: string;
  /** Negative amount in minor units. */
  amountMinor: number;
}

export interface PricingProblem {
  code: 'no_discount_item';
  message: string;
}

/** The key a TikTok line is matched by: its seller SKU, or its TikTok SKU id when the seller SKU is empty. */
export function lineSkuKey(line: Pick<TikTokLineItem, 'seller_sku' | 'sku_id'>): string {
  return line.seller_sku === '' ? line.sku_id : line.seller_sku;
}

/**
 * Every SKU key an order may need matched (for the bulk item lookup): each line's, and each virtual
 * bundle component's (bundle-split.ts; which of the two is used depends on the shop's setting).
 */
export function orderSkuKeys(order: Pick<TikTokOrder, 'line_items'>): string[] {
  const components = order.line_items.flatMap((line) =>
    (line.combined_listing_skus ?? []).map((sku) =>
      lineSkuKey({ seller_sku: sku.seller_sku ?? '', sku_id: sku.sku_id }),
    ),
  );
  return [...new Set([...order.line_items.map(lineSkuKey), ...components])];
}

export type PriceMode = 'original' | 'seller' | 'zero';

export function priceModeOf(options: Pick<ShopOrderOptions, 'discountLines'>, sample: boolean): PriceMode {
  if (sample) {
    return 'zero';
  }
  return options.discountLines ? 'original' : 'seller';
}

/** One unit's rate on its sales order line in the price mode (minor units). */
export function unitRate(
  line: Pick<TikTokLineItem, 'original_price' | 'sale_price' | 'platform_discount'>,
  mode: PriceMode,
  currency: string,
): number {
  if (mode === 'zero') {
    return 0;
  }
  if (mode === 'original') {
    return toMinor(line.original_price, currency);
  }
  return addMinor(toMinor(line.sale_price, currency), toMinor(line.platform_discount, currency));
}

/**
 * Units of the same SKU at the same rate become one group (one NetSuite line). TikTok sends one line
 * item per unit, and each group's ids go comma-joined into the line's TEXTAREA `custcol_tts_line_ids`
 * (4,000 characters, NetSuite refuses the save beyond): when the ids of a group would not fit, the
 * next units start another group (another line of the same SKU and rate).
 */
export function groupLines(
  lines: readonly TikTokLineItem[],
  currency: string,
  mode: PriceMode,
  maxIdsLength = TEXTAREA_MAX_LENGTH,
): LineGroup[] {
  const groups: LineGroup[] = [];
  const open = new Map<string, { group: LineGroup; idsLength: number }>();
  for (const line of lines) {
    const sku = lineSkuKey(line);
    const rateMinor = unitRate(line, mode, currency);
    const key = `${sku}\u0000${rateMinor}`;
    const current = open.get(key);
    if (current !== undefined && current.idsLength + 1 + line.id.length <= maxIdsLength) {
      current.group.lines.push(line);
      current.idsLength += 1 + line.id.length;
    } else {
      const group: LineGroup = { sku, rateMinor, lines: [line] };
      groups.push(group);
      open.set(key, { group, idsLength: line.id.length });
    }
  }
  return groups;
}

export function groupAmount(group: LineGroup): number {
  return multiplyMinor(group.rateMinor, group.lines.length);
}

function discountTotal(lines: readonly TikTokLineItem[], kind: DiscountKind, currency: string): number {
  return sumMinor(
    lines.map((line) => toMinor(kind === 'seller' ? line.seller_discount : line.platform_discount, currency)),
  );
}

const LABELS: Readonly<Record<DiscountKind, { what: string; field: string }>> = {
  seller: { what: 'seller discount', field: 'Seller Discount Item' },
  platform: { what: 'TikTok-funded platform discount', field: 'Platform Discount Item' },
};

/** The discount lines of an order (none for samples), or the missing discount item settings. */
export function planDiscounts(
  order: Pick<TikTokOrder, 'id'>,
  lines: readonly TikTokLineItem[],
  mode: PriceMode,
  options: Pick<ShopOrderOptions, 'sellerDiscountItemId' | 'platformDiscountItemId'>,
  shopName: string,
  currency: string,
): { ok: true; discounts: DiscountLinePlan[] } | { ok: false; problems: PricingProblem[] } {
  const kinds: DiscountKind[] =
    mode === 'original' ? ['seller', 'platform'] : mode === 'seller' ? ['platform'] : [];
  const discounts: DiscountLinePlan[] = [];
  const problems: PricingProblem[] = [];
  for (const kind of kinds) {
    const total = discountTotal(lines, kind, currency);
    if (total === 0) {
      continue;
    }
    const itemId = kind === 'seller' ? options.sellerDiscountItemId : options.platformDiscountItemId;
    if (itemId === null) {
      problems.push({
        code: 'no_discount_item',
        message: `TikTok order ${order.id} has a ${LABELS[kind].what} of ${formatMinor(total, currency)} ${currency}, which goes on its own discount line, but shop ${shopName} has no ${LABELS[kind].field}. Fix: ${SHOP_RECORD_LOCATION}, set ${LABELS[kind].field} to a discount item, save, then retry the order.`,
      });
      continue;
    }
    discounts.push({ kind, itemId, amountMinor: -total });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, discounts };
}
