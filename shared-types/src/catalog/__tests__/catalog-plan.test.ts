import { catalogItemExternalId, planCatalogSkus, type CatalogItemRow } from '../catalog-plan';
import type { CatalogProduct } from '../products-upsert';

const SHOP = '7000000000000001';

function product(id: string, title: string, skus: [string, string][]): CatalogProduct {
  return {
    id,
    title,
    status: 'ACTIVATE',
    skus: skus.map(([skuId, seller]) => ({ id: skuId, seller_sku: seller })),
  };
}

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

describe('TikTok SKUs → NetSuite items', () => {
  it('creates one item per SKU of a multi-SKU product, named by seller SKU, keyed by externalid', () => {
    const actions = planCatalogSkus(
      SHOP,
      [
        product('100', 'Mug', [
          ['11', 'MUG-RED'],
          ['12', 'MUG-BLUE'],
        ]),
      ],
      [],
    );
    expect(actions).toEqual([
      {
        kind: 'create',
        productId: '100',
        skuId: '11',
        sellerSku: 'MUG-RED',
        externalId: catalogItemExternalId(SHOP, '11'),
        itemid: 'MUG-RED',
        displayName: 'Mug',
      },
      expect.objectContaining({ kind: 'create', skuId: '12', itemid: 'MUG-BLUE' }),
    ]);
    expect(catalogItemExternalId(SHOP, '11')).toBe(`tts_sku_${SHOP}_11`);
  });

  it('links an item that matches exactly by name or override, never creating a second one', () => {
    const actions = planCatalogSkus(
      SHOP,
      [
        product('100', 'Mug', [
          ['11', 'MUG-RED'],
          ['12', 'MUG-BLUE'],
        ]),
      ],
      [item('5', 'MUG-RED'), item('6', 'Blue mug', { ttsSku: 'MUG-BLUE' })],
    );
    expect(actions.map((a) => [a.kind, 'itemId' in a ? a.itemId : null])).toEqual([
      ['link', '5'],
      ['link', '6'],
    ]);
  });

  it('matches exactly: a case or whitespace difference is another SKU', () => {
    const actions = planCatalogSkus(
      SHOP,
      [product('100', 'Mug', [['11', 'MUG-RED']])],
      [item('5', 'mug-red'), item('6', ' MUG-RED')],
    );
    expect(actions[0].kind).toBe('create');
  });

  it('is a no-op on a re-run and an update when the title changed', () => {
    const linked = item('5', 'MUG-RED', { displayName: 'Mug', productId: '100', skuId: '11' });
    expect(planCatalogSkus(SHOP, [product('100', 'Mug', [['11', 'MUG-RED']])], [linked])[0]).toEqual(
      expect.objectContaining({ kind: 'unchanged', itemId: '5' }),
    );
    expect(planCatalogSkus(SHOP, [product('100', 'Big mug', [['11', 'MUG-RED']])], [linked])[0]).toEqual(
      expect.objectContaining({ kind: 'update', itemId: '5', displayName: 'Big mug', setTikTokSku: false }),
    );
  });

  it('follows a seller SKU renamed in TikTok with the TikTok SKU override', () => {
    const linked = item('5', 'MUG-RED', { displayName: 'Mug', productId: '100', skuId: '11' });
    expect(planCatalogSkus(SHOP, [product('100', 'Mug', [['11', 'MUG-RED-2']])], [linked])[0]).toEqual(
      expect.objectContaining({ kind: 'update', itemId: '5', setTikTokSku: true }),
    );
  });

  it('refuses what it would have to guess, naming the fix', () => {
    const actions = planCatalogSkus(
      SHOP,
      [
        product('100', 'Mug', [
          ['11', ''],
          ['12', 'DUP'],
          ['13', 'DUP'],
          ['14', 'TWO'],
          ['15', 'TAKEN'],
          ['16', 'OLD'],
        ]),
      ],
      [
        item('1', 'TWO'),
        item('2', 'x', { ttsSku: 'TWO' }),
        item('3', 'y', { ttsSku: 'TWO' }),
        item('4', 'TAKEN', { skuId: '99' }),
        item('5', 'OLD', { inactive: true }),
      ],
    );
    const messages = actions.map((a) => (a.kind === 'error' ? a.message : a.kind));
    expect(messages[0]).toMatch(/has no seller SKU.*Fix: give it a seller SKU/);
    expect(messages[1]).toMatch(/TikTok SKUs 12, 13 share this seller SKU.*Fix: make each seller SKU unique/);
    expect(messages[2]).toMatch(/TikTok SKUs 12, 13 share/);
    expect(messages[3]).toMatch(/NetSuite items 2, 3 all match it.*Fix: make Item Name\/Number/);
    expect(messages[4]).toMatch(/item 4 has this SKU but is linked to TikTok SKU 99/);
    expect(messages[5]).toMatch(/inactive item 5 holds this Item Name\/Number.*Fix: reactivate/);
  });

  it('refuses a linked item whose SKU another item now holds', () => {
    const actions = planCatalogSkus(
      SHOP,
      [product('100', 'Mug', [['11', 'NEW']])],
      [item('5', 'OLD', { skuId: '11', productId: '100' }), item('6', 'NEW')],
    );
    expect(actions[0]).toEqual(
      expect.objectContaining({
        kind: 'error',
        message: expect.stringMatching(/item 5 is linked to it, but item 6 has its SKU/),
      }),
    );
  });
});
