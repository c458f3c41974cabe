/// <reference types="jest" />
import { inventoryChanges, pairKey } from '../inventory-delta';

describe('inventoryChanges', () => {
  const current = [
    { sellerSku: 'A', warehouseId: '701', quantity: 5 },
    { sellerSku: 'A', warehouseId: '702', quantity: 0 },
    { sellerSku: 'B', warehouseId: '701', quantity: 3 },
  ];

  it('sends only pairs whose quantity differs from the last confirmed, and pairs never confirmed', () => {
    const confirmed = new Map([
      [pairKey('A', '701'), 5],
      [pairKey('A', '702'), 2],
    ]);
    expect(inventoryChanges(current, confirmed, false)).toEqual([
      { sellerSku: 'A', warehouseId: '702', quantity: 0, confirmed: 2 },
      { sellerSku: 'B', warehouseId: '701', quantity: 3, confirmed: null },
    ]);
  });

  it('sends nothing when nothing changed, and everything once when forced', () => {
    const confirmed = new Map(current.map((r) => [pairKey(r.sellerSku, r.warehouseId), r.quantity]));
    expect(inventoryChanges(current, confirmed, false)).toEqual([]);
    expect(inventoryChanges(current, confirmed, true)).toHaveLength(3);
  });

  it('refuses a snapshot listing a pair twice', () => {
    expect(() => inventoryChanges([current[0], current[0]], new Map(), false)).toThrow(
      'SKU "A" at warehouse 701 is listed twice',
    );
  });
});
