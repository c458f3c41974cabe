/**
 * The SKU audit (issue #19 item 3; the seed's Step 4 "Audit your catalogs for SKU uniqueness"): what
 * stops or endangers matching between TikTok SKUs and NetSuite items, each finding with its fix. An
 * item's SKU is its TikTok SKU override (`custitem_tts_sku`) when set, else its Item Name/Number, as the
 * order import matches (shared-types/src/orders/sku-item-map.ts); matching stays exact.
 *
 * - errors: the same SKU on two NetSuite items, or on two TikTok SKUs (the import and the inventory push
 *   refuse an exact duplicate rather than guess); an override equal to another item's SKU; a TikTok SKU
 *   no NetSuite item has (its orders stop);
 * - warnings: SKUs that differ only by case or surrounding whitespace (they do not match); a marked
 *   NetSuite item (linked to TikTok or with an override) no TikTok SKU has.
 */
import { matchSkuOf, type CatalogItemRow } from './catalog-plan';

export interface TikTokSkuRow {
  productId: string;
  skuId: string;
  sellerSku: string;
}

export type AuditCategory =
  | 'duplicate_netsuite'
  | 'duplicate_tiktok'
  | 'override_collision'
  | 'case_or_whitespace'
  | 'tiktok_without_item'
  | 'item_without_tiktok';

export interface AuditFinding {
  severity: 'error' | 'warning';
  category: AuditCategory;
  /** The SKU(s) concerned, exactly as stored (quoted in messages so spaces show). */
  skus: string[];
  itemIds: string[];
  tiktokSkuIds: string[];
  problem: string;
  fix: string;
}

export const AUDIT_CATEGORY_LABELS: Readonly<Record<AuditCategory, string>> = {
  duplicate_netsuite: 'Duplicate SKU in NetSuite',
  duplicate_tiktok: 'Duplicate seller SKU in TikTok',
  override_collision: 'TikTok SKU override collides',
  case_or_whitespace: 'Differs only by case or spaces',
  tiktok_without_item: 'TikTok SKU without a NetSuite item',
  item_without_tiktok: 'Marked item without a TikTok SKU',
};

const q = (sku: string): string => JSON.stringify(sku);

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

function hasOverride(item: CatalogItemRow): boolean {
  return item.ttsSku !== null && item.ttsSku !== '';
}

/**
 * The findings for the active items and the TikTok SKUs (`tiktok` null: the TikTok side is not known
 * yet, so only NetSuite's own findings are made). Errors first, then warnings, each by SKU.
 */
export function auditSkus(
  items: readonly CatalogItemRow[],
  tiktok: readonly TikTokSkuRow[] | null,
): AuditFinding[] {
  const active = items.filter((i) => !i.inactive);
  const findings: AuditFinding[] = [];
  // Two items with the same SKU at the same strength (both overrides, or both names) are ambiguous.
  for (const [sku, group] of groupBy(active, matchSkuOf)) {
    for (const same of [group.filter(hasOverride), group.filter((i) => !hasOverride(i))]) {
      if (same.length < 2) continue;
      findings.push({
        severity: 'error',
        category: 'duplicate_netsuite',
        skus: [sku],
        itemIds: same.map((i) => i.id),
        tiktokSkuIds: [],
        problem: `SKU ${q(sku)} is the ${hasOverride(same[0]) ? 'TikTok SKU override' : 'Item Name/Number'} of items ${same.map((i) => i.id).join(', ')}; orders and stock for it stop rather than guess.`,
        fix: "Keep the SKU on one item: change the others' Item Name/Number or TikTok SKU, or make them inactive.",
      });
    }
  }
  // An override equal to another item's own SKU: the override wins at import, the other item never matches.
  const byName = groupBy(
    active.filter((i) => !hasOverride(i)),
    (i) => i.itemid,
  );
  for (const item of active.filter(hasOverride)) {
    const others = (byName.get(item.ttsSku as string) ?? []).filter((o) => o.id !== item.id);
    if (others.length === 0) continue;
    findings.push({
      severity: 'error',
      category: 'override_collision',
      skus: [item.ttsSku as string],
      itemIds: [item.id, ...others.map((o) => o.id)],
      tiktokSkuIds: [],
      problem: `Item ${item.id}'s TikTok SKU override ${q(item.ttsSku as string)} is the Item Name/Number of item ${others.map((o) => o.id).join(', ')}; TikTok orders for it go to item ${item.id} only.`,
      fix: `Change the override on item ${item.id}, or rename item ${others.map((o) => o.id).join(', ')}.`,
    });
  }
  const skuRows = tiktok ?? [];
  for (const [sku, group] of groupBy(
    skuRows.filter((s) => s.sellerSku !== ''),
    (s) => s.sellerSku,
  )) {
    if (group.length < 2) continue;
    findings.push({
      severity: 'error',
      category: 'duplicate_tiktok',
      skus: [sku],
      itemIds: [],
      tiktokSkuIds: group.map((s) => s.skuId),
      problem: `Seller SKU ${q(sku)} is on ${group.length} TikTok SKUs (products ${[...new Set(group.map((s) => s.productId))].join(', ')}); the connector does not guess which item each is.`,
      fix: 'Give each TikTok SKU its own seller SKU in TikTok Seller Center.',
    });
  }
  if (tiktok !== null) {
    const itemSkus = new Set(active.map(matchSkuOf));
    const linkedSkuIds = new Set(
      active.map((i) => i.skuId).filter((id): id is string => id !== null && id !== ''),
    );
    for (const sku of skuRows) {
      if (itemSkus.has(sku.sellerSku) || linkedSkuIds.has(sku.skuId)) continue;
      findings.push({
        severity: 'error',
        category: 'tiktok_without_item',
        skus: [sku.sellerSku],
        itemIds: [],
        tiktokSkuIds: [sku.skuId],
        problem:
          sku.sellerSku === ''
            ? `TikTok SKU ${sku.skuId} of product ${sku.productId} has no seller SKU, so no item matches it; its orders stop.`
            : `No active NetSuite item has SKU ${q(sku.sellerSku)} (TikTok SKU ${sku.skuId}, product ${sku.productId}); its orders stop.`,
        fix:
          sku.sellerSku === ''
            ? 'Give it a seller SKU in TikTok Seller Center.'
            : `Create the item, or set the TikTok SKU field of the matching item to ${q(sku.sellerSku)} exactly (or pull products from TikTok).`,
      });
    }
    const tiktokSkus = new Set(skuRows.map((s) => s.sellerSku));
    const tiktokIds = new Set(skuRows.map((s) => s.skuId));
    for (const item of active) {
      const marked = hasOverride(item) || (item.skuId !== null && item.skuId !== '');
      if (!marked || tiktokSkus.has(matchSkuOf(item)) || (item.skuId !== null && tiktokIds.has(item.skuId)))
        continue;
      findings.push({
        severity: 'warning',
        category: 'item_without_tiktok',
        skus: [matchSkuOf(item)],
        itemIds: [item.id],
        tiktokSkuIds: item.skuId === null || item.skuId === '' ? [] : [item.skuId],
        problem: `Item ${item.id} (SKU ${q(matchSkuOf(item))}) is marked for TikTok, but no TikTok SKU has its SKU${item.skuId ? ` or its TikTok SKU ID ${item.skuId}` : ''}.`,
        fix: "Add the SKU in TikTok, correct the item's TikTok SKU field, or clear the marks if the product is gone.",
      });
    }
  }
  // Case and surrounding whitespace: distinct spellings of one SKU across both sides.
  const spellings = [
    ...active.map((i) => ({ sku: matchSkuOf(i), itemId: i.id, skuId: null as string | null })),
    ...skuRows
      .filter((s) => s.sellerSku !== '')
      .map((s) => ({ sku: s.sellerSku, itemId: null as string | null, skuId: s.skuId })),
  ];
  for (const group of groupBy(spellings, (s) => s.sku.trim().toLowerCase()).values()) {
    const distinct = [...new Set(group.map((s) => s.sku))].sort();
    if (distinct.length < 2) continue;
    findings.push({
      severity: 'warning',
      category: 'case_or_whitespace',
      skus: distinct,
      itemIds: [...new Set(group.flatMap((s) => (s.itemId === null ? [] : [s.itemId])))],
      tiktokSkuIds: [...new Set(group.flatMap((s) => (s.skuId === null ? [] : [s.skuId])))],
      problem: `${distinct.map(q).join(', ')} differ only by case or surrounding spaces; matching is exact, so they do not match each other.`,
      fix: "Spell the SKU the same way on both sides (or set the TikTok SKU field of the item to TikTok's spelling).",
    });
  }
  const rank = (f: AuditFinding): number => (f.severity === 'error' ? 0 : 1);
  return findings.sort(
    (a, b) => rank(a) - rank(b) || a.skus[0].localeCompare(b.skus[0]) || a.category.localeCompare(b.category),
  );
}
