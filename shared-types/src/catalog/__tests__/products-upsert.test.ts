import {
  chunkProducts,
  validateCatalogStatus,
  validateProductsUpsert,
  type CatalogProduct,
} from '../products-upsert';

const SHOP = '7000000000000001';

function product(id: string, skuCount: number): CatalogProduct {
  return {
    id,
    title: `Product ${id}`,
    status: 'ACTIVATE',
    skus: Array.from({ length: skuCount }, (_, i) => ({
      id: `${id}${i + 10}`,
      seller_sku: `SKU-${id}-${i}`,
    })),
  };
}

describe('products.upsert and catalog.status requests', () => {
  it('accepts TikTok products as Search Products lists them', () => {
    const body = { action: 'products.upsert', shopId: SHOP, products: [product('100', 2)] };
    expect(validateProductsUpsert(body)).toEqual({ ok: true, value: body });
  });

  it('names each bad field and the fix', () => {
    const checked = validateProductsUpsert({
      action: 'products.upsert',
      shopId: 'shop',
      products: [
        { id: '1', title: '', status: 'ACTIVATE', skus: [{ id: '5', seller_sku: 'A'.repeat(51) }] },
        { id: '2', title: 'T', status: 'ACTIVATE', skus: [{ id: '5', seller_sku: 3 }] },
      ],
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      'shopId: "shop" is not a TikTok shop id; send its digits as a string',
      'products[0].title: "" is not a product title; send TikTok\'s title',
      'products[0].skus[0].seller_sku: has 51 characters; TikTok allows 50',
      'products[1].skus[0].id: SKU 5 is sent twice; send each SKU once',
      "products[1].skus[0].seller_sku: number 3 is not a string; send '' for none",
    ]);
  });

  it('refuses more than 100 SKUs in one call', () => {
    const checked = validateProductsUpsert({
      shopId: SHOP,
      products: [product('100', 60), product('200', 41)],
    });
    expect(checked).toEqual({
      ok: false,
      problems: ['products: 101 SKUs sent; send at most 100 SKUs per call'],
    });
  });

  it('cuts products into calls of at most 100 SKUs, splitting a large product', () => {
    const calls = chunkProducts([product('100', 60), product('200', 250), product('300', 1)]);
    expect(calls.map((call) => call.map((p) => `${p.id}:${p.skus.length}`))).toEqual([
      ['100:60', '200:40'],
      ['200:100'],
      ['200:100'],
      ['200:10', '300:1'],
    ]);
  });

  it('checks catalog.status', () => {
    expect(validateCatalogStatus({ shopId: SHOP, clearForce: 'yes' })).toEqual({
      ok: false,
      problems: ['clearForce: "yes" is not true or false; leave it out or send a boolean'],
    });
    expect(validateCatalogStatus({ shopId: SHOP, clearForce: true }).ok).toBe(true);
  });
});
