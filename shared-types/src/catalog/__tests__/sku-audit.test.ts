import type { CatalogItemRow } from '../catalog-plan';
import { auditSkus, type TikTokSkuRow } from '../sku-audit';

function item(id: string, itemid: string, extra: Partial<CatalogItemRow> = {}): CatalogItemRow {
  return {
    id,
    itemid,
    displayName: null,
    inactive: false,
    ttsSku: null,
    productId: null,
    skuId: null,
    itemType: 'InvtPart',
    ...extra,
  };
}

function sku(skuId: string, sellerSku: string, productId = '100'): TikTokSkuRow {
  return { productId, skuId, sellerSku };
}

const categories = (items: CatalogItemRow[], tiktok: TikTokSkuRow[] | null) =>
  auditSkus(items, tiktok).map((f) => [f.severity, f.category, f.skus, f.itemIds, f.tiktokSkuIds]);

describe('the SKU audit', () => {
  it('finds nothing when each SKU is once on each side and they match exactly', () => {
    expect(
      auditSkus([item('1', 'A'), item('2', 'x', { ttsSku: 'B' })], [sku('11', 'A'), sku('12', 'B')]),
    ).toEqual([]);
  });

  it('flags a SKU on two NetSuite items (error), by name or by override', () => {
    expect(
      categories(
        [item('1', 'A'), item('2', 'A'), item('3', 'x', { ttsSku: 'B' }), item('4', 'y', { ttsSku: 'B' })],
        null,
      ),
    ).toEqual([
      ['error', 'duplicate_netsuite', ['A'], ['1', '2'], []],
      ['error', 'duplicate_netsuite', ['B'], ['3', '4'], []],
    ]);
  });

  it('flags a seller SKU on two TikTok SKUs (error)', () => {
    const [finding] = auditSkus([item('1', 'A')], [sku('11', 'A', '100'), sku('12', 'A', '200')]);
    expect(finding).toMatchObject({
      severity: 'error',
      category: 'duplicate_tiktok',
      tiktokSkuIds: ['11', '12'],
    });
    expect(finding?.fix).toMatch(/its own seller SKU/);
  });

  it('flags SKUs that differ only by case or surrounding spaces (warning: matching stays exact)', () => {
    const findings = auditSkus([item('1', 'Mug-1')], [sku('11', 'MUG-1'), sku('12', ' mug-1 ')]);
    const warning = findings.find((f) => f.category === 'case_or_whitespace');
    expect(warning).toMatchObject({
      severity: 'warning',
      skus: [' mug-1 ', 'MUG-1', 'Mug-1'],
      itemIds: ['1'],
      tiktokSkuIds: ['11', '12'],
    });
    expect(warning?.problem).toContain('" mug-1 "');
  });

  it('flags a TikTok SKU no NetSuite item has (error), and one without a seller SKU', () => {
    expect(categories([item('1', 'A')], [sku('11', 'A'), sku('12', 'B'), sku('13', '')])).toEqual([
      ['error', 'tiktok_without_item', [''], [], ['13']],
      ['error', 'tiktok_without_item', ['B'], [], ['12']],
    ]);
  });

  it('counts a TikTok SKU linked by its id as matched even after a rename', () => {
    expect(categories([item('1', 'OLD', { skuId: '11', productId: '100' })], [sku('11', 'NEW')])).toEqual([]);
  });

  it('flags a marked NetSuite item no TikTok SKU has (warning), and leaves unmarked items alone', () => {
    expect(
      categories([item('1', 'A', { skuId: '99' }), item('2', 'x', { ttsSku: 'B' }), item('3', 'C')], []),
    ).toEqual([
      ['warning', 'item_without_tiktok', ['A'], ['1'], ['99']],
      ['warning', 'item_without_tiktok', ['B'], ['2'], []],
    ]);
  });

  it('flags an override equal to another item’s Item Name/Number (error)', () => {
    const findings = auditSkus([item('1', 'A'), item('2', 'x', { ttsSku: 'A' })], null);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        category: 'override_collision',
        skus: ['A'],
        itemIds: ['2', '1'],
      }),
    ]);
    expect(findings[0]?.fix).toBe('Change the override on item 2, or rename item 1.');
  });

  it('ignores inactive items and lists errors before warnings', () => {
    const findings = auditSkus(
      [item('1', 'A'), item('2', 'A', { inactive: true }), item('3', 'a', { skuId: '5' })],
      [sku('11', 'Z')],
    );
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning', 'warning']);
    expect(findings.some((f) => f.category === 'duplicate_netsuite')).toBe(false);
  });
});
