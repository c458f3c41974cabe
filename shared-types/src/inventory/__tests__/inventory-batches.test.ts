/// <reference types="jest" />
import type { CatalogProduct } from '../inventory-batches';
import { batchInventoryUpdates } from '../inventory-batches';
import { pairKey } from '../inventory-delta';

const catalog: CatalogProduct[] = [
  {
    productId: 'P1',
    status: 'ACTIVATE',
    skus: [
      {
        skuId: 'S1',
        sellerSku: 'A',
        inventory: new Map([
          ['701', 4],
          ['702', 9],
          ['799', 6],
        ]),
      },
      { skuId: 'S2', sellerSku: 'B', inventory: new Map([['701', 1]]) },
    ],
  },
  {
    productId: 'P2',
    status: 'SELLER_DEACTIVATED',
    skus: [{ skuId: 'S3', sellerSku: 'C', inventory: new Map([['701', 1]]) }],
  },
  {
    productId: 'P3',
    status: 'ACTIVATE',
    skus: [
      { skuId: 'S4', sellerSku: 'D', inventory: new Map([['701', 1]]) },
      { skuId: 'S5', sellerSku: 'D', inventory: new Map([['701', 1]]) },
    ],
  },
];

describe('batchInventoryUpdates', () => {
  it('makes one call per product, each SKU listing every assigned warehouse', () => {
    const current = new Map([
      [pairKey('A', '701'), 7],
      [pairKey('A', '702'), 3],
      [pairKey('B', '701'), 0],
    ]);
    const { calls, problems } = batchInventoryUpdates(
      [
        { sellerSku: 'A', warehouseId: '701', quantity: 7, confirmed: 4 },
        { sellerSku: 'B', warehouseId: '701', quantity: 0, confirmed: 1 },
      ],
      catalog,
      current,
    );
    expect(problems).toEqual([]);
    expect(calls.map(({ productId, skus }) => ({ productId, skus }))).toEqual([
      {
        productId: 'P1',
        skus: [
          // 702 unchanged: this run's quantity; 799 is not linked to NetSuite: TikTok's own stays.
          {
            id: 'S1',
            inventory: [
              { warehouse_id: '701', quantity: 7 },
              { warehouse_id: '702', quantity: 3 },
              { warehouse_id: '799', quantity: 6 },
            ],
          },
          { id: 'S2', inventory: [{ warehouse_id: '701', quantity: 0 }] },
        ],
      },
    ]);
    expect(calls[0].changes).toHaveLength(2);
  });

  it('makes no call when nothing changed', () => {
    expect(batchInventoryUpdates([], catalog, new Map())).toEqual({ calls: [], problems: [] });
  });

  it('turns what TikTok would refuse into problems with the fix', () => {
    const { calls, problems } = batchInventoryUpdates(
      [
        { sellerSku: 'Z', warehouseId: '701', quantity: 1, confirmed: null },
        { sellerSku: 'C', warehouseId: '701', quantity: 1, confirmed: null },
        { sellerSku: 'D', warehouseId: '701', quantity: 1, confirmed: null },
        { sellerSku: 'B', warehouseId: '702', quantity: 1, confirmed: null },
      ],
      catalog,
      new Map(),
    );
    expect(calls).toEqual([]);
    expect(problems.map((p) => p.kind)).toEqual([
      'sku_not_on_tiktok',
      'product_not_active',
      'sku_ambiguous_on_tiktok',
      'warehouse_not_assigned',
    ]);
    expect(problems[1].message).toContain('SELLER_DEACTIVATED');
    expect(problems[1].message).toContain('Fix: activate the product in Seller Center');
    expect(problems[3].message).toContain('Fix: add the warehouse to the SKU in Seller Center');
    for (const p of problems) {
      expect(p.message).toContain('Fix:');
    }
  });
});
