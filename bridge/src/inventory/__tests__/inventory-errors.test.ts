import { INVENTORY_CODES, inventoryRefusal } from '../inventory-errors';

describe('inventoryRefusal', () => {
  it('gives each TikTok refusal of Update Inventory its fix', () => {
    const cases: [number, string][] = [
      [INVENTORY_CODES.PRODUCT_NOT_ACTIVE, 'Fix: activate the product in Seller Center'],
      [INVENTORY_CODES.SKU_DELETED, 'was deleted in TikTok'],
      [INVENTORY_CODES.QUANTITY_OUT_OF_RANGE, 'outside what TikTok takes (0–99,999'],
      [INVENTORY_CODES.QUANTITY_INVALID, 'outside what TikTok takes'],
      [INVENTORY_CODES.WAREHOUSES_MISSING, 'its warehouses changed in TikTok'],
      [99, 'TikTok said 99 "odd"'],
    ];
    for (const [code, text] of cases) {
      const message = inventoryRefusal('SKU-1', '17', code, 'odd');
      expect(message).toContain(text);
      expect(message).toContain('SKU-1');
      expect(message).toContain('Fix:');
    }
  });

  it('names the warehouse TikTok refused: disabled, deleted, another shop’s', () => {
    const of = (code: number) =>
      inventoryRefusal('SKU-1', '17', INVENTORY_CODES.CHECK_FAILED, 'Check failed', {
        warehouseId: '70',
        code,
        message: 'x',
      });
    expect(of(INVENTORY_CODES.WAREHOUSE_DISABLED)).toContain('warehouse 70 is disabled in TikTok');
    expect(of(INVENTORY_CODES.WAREHOUSE_UNKNOWN)).toContain('no longer exists in TikTok');
    expect(of(INVENTORY_CODES.WAREHOUSE_NOT_IN_SHOP)).toContain('not a warehouse of this shop');
    for (const code of [INVENTORY_CODES.WAREHOUSE_DISABLED, INVENTORY_CODES.WAREHOUSE_UNKNOWN]) {
      expect(of(code)).toContain('Fix: enable the warehouse in Seller Center');
    }
  });
});
