import type { PushProduct, PushSku } from '../../../../shared-types/src/catalog/product-push';
import {
  acceptedAck,
  actionOf,
  checkProduct,
  idempotencyKeyOf,
  listedInventory,
  listingBody,
  priceUpdateOf,
  refusalMessage,
  type CategoryInfo,
  type PushContext,
} from '../push-rules';

/**
 * The product push's checks before sending (bridge/src/catalog/push-rules.ts): every rule refuses with
 * a message naming the item, what is missing and the fix; a valid product becomes the Create Product
 * body TikTok's Product API takes; create / edit / price-only are chosen from what NetSuite says changed.
 */
const TEES: CategoryInfo = {
  categoryId: '601226',
  attributes: [
    {
      id: '100000',
      name: 'Color',
      type: 'SALES_PROPERTY',
      required: false,
      customizable: true,
      multipleSelection: false,
      values: [
        { id: '1000003', name: 'Red' },
        { id: '1000004', name: 'Blue' },
      ],
    },
    {
      id: '100007',
      name: 'Size',
      type: 'SALES_PROPERTY',
      required: false,
      customizable: false,
      multipleSelection: false,
      values: [
        { id: '1007002', name: 'S' },
        { id: '1007003', name: 'M' },
      ],
    },
    {
      id: '101001',
      name: 'Material',
      type: 'PRODUCT_PROPERTY',
      required: true,
      customizable: false,
      multipleSelection: true,
      values: [
        { id: '1010011', name: 'Cotton' },
        { id: '1010012', name: 'Polyester' },
      ],
    },
    {
      id: '101002',
      name: 'Pattern',
      type: 'PRODUCT_PROPERTY',
      required: false,
      customizable: true,
      multipleSelection: false,
      values: [{ id: '1010021', name: 'Solid' }],
    },
  ],
  packageDimensionsRequired: false,
  requiredCertifications: [],
};

function sku(n: number, over: Partial<PushSku> = {}): PushSku {
  return {
    itemId: String(200 + n),
    sellerSku: `TEE-${n}`,
    price: { amount: '19.99', currency: 'USD' },
    identifier: null,
    salesAttributes: [],
    tiktokSkuId: null,
    inventory: [{ warehouseId: '7000000000000000001', quantity: 5 }],
    ...over,
  };
}

function product(over: Partial<PushProduct> = {}): PushProduct {
  return {
    itemId: '100',
    kind: 'standalone',
    change: 'create',
    tiktokProductId: null,
    title: 'Organic tee',
    descriptionHtml: '<p>Soft.</p>',
    categoryId: '601226',
    brandName: null,
    attributes: [{ id: '101001', values: ['Cotton'] }],
    packageWeight: { value: '0.5', unit: 'POUND' },
    packageDimensions: null,
    images: [{ fileId: '9', name: 'tee.png', bytes: 1000, contentHash: 'abc123' }],
    skus: [sku(1)],
    contentHash: '0123456789abcdef',
    priceHash: 'fedcba9876543210',
    ...over,
  };
}

const ctx = (over: Partial<PushContext> = {}): PushContext => ({
  region: 'US',
  category: TEES,
  recommendation: null,
  ...over,
});

function refusal(p: PushProduct, c: PushContext = ctx()): string {
  const result = checkProduct(p, c);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

function matrix(): PushProduct {
  const combos: [string, string][] = [
    ['Red', 'S'],
    ['Red', 'M'],
    ['Blue', 'S'],
  ];
  return product({
    kind: 'matrix',
    skus: combos.map(([color, size], i) =>
      sku(i, {
        salesAttributes: [
          { name: 'Color', value: color },
          { name: 'Size', value: size },
        ],
      }),
    ),
  });
}

describe('checkProduct: TikTok category rules before sending', () => {
  it('accepts a valid standalone product and maps attribute values to TikTok value ids', () => {
    const result = checkProduct(
      product({ attributes: [{ id: '101001', values: ['cotton', 'Polyester'] }] }),
      ctx(),
    );
    expect(result).toMatchObject({
      ok: true,
      productAttributes: [{ id: '101001', values: [{ id: '1010011' }, { id: '1010012' }] }],
    });
  });

  it('names a required attribute that is not mapped, with its values and where to add it', () => {
    const message = refusal(product({ attributes: [] }));
    expect(message).toBe(
      'Item "Organic tee" (internal id 100) was not sent to TikTok: TikTok category 601226 requires the attribute Material (101001), which is not mapped. Fix: add "101001": "Cotton" (one of: Cotton, Polyester) to the Product Attributes of the category\'s TikTok Category Map row.',
    );
  });

  it('refuses a value outside a closed list, an attribute of another category, two values of a single-value attribute', () => {
    expect(refusal(product({ attributes: [{ id: '101001', values: ['Silk'] }] }))).toMatch(
      /"Silk" is not a value TikTok takes for Material \(101001\); it takes one of: Cotton, Polyester\. Fix: correct "101001"/,
    );
    expect(
      refusal(
        product({
          attributes: [
            { id: '101001', values: ['Cotton'] },
            { id: '555', values: ['x'] },
          ],
        }),
      ),
    ).toMatch(/attribute 555 is not a product attribute of TikTok category 601226\. Fix: remove "555"/);
    expect(
      refusal(
        product({
          attributes: [
            { id: '101001', values: ['Cotton'] },
            { id: '101002', values: ['Solid', 'Dotted'] },
          ],
        }),
      ),
    ).toMatch(/Pattern \(101002\) takes one value, not 2/);
  });

  it('takes free text for a customizable attribute', () => {
    const result = checkProduct(
      product({
        attributes: [
          { id: '101001', values: ['Cotton'] },
          { id: '101002', values: ['Dotted'] },
        ],
      }),
      ctx(),
    );
    expect(result.ok && result.productAttributes[1]).toEqual({ id: '101002', values: [{ name: 'Dotted' }] });
  });

  it('refuses a product without a category, offering TikTok’s recommendation', () => {
    expect(
      refusal(
        product({ categoryId: null }),
        ctx({ category: null, recommendation: '601226 (Womenswear > Tops > T-shirts)' }),
      ),
    ).toMatch(
      /has no TikTok category\. Fix: set TikTok Category ID on the item, or add a TikTok Category Map row for its class \(TikTok recommends 601226 \(Womenswear > Tops > T-shirts\)\)/,
    );
    expect(
      refusal(product(), ctx({ category: { problem: 'TikTok says: not a leaf (code 12052003)' } })),
    ).toMatch(
      /TikTok category 601226: TikTok says: not a leaf \(code 12052003\)\. Fix: choose a leaf category/,
    );
  });

  it('refuses missing images, weight, dimensions the category requires, and certifications', () => {
    expect(refusal(product({ images: [] }))).toMatch(/it has no image .*Fix: choose an Item Display Image/);
    expect(refusal(product({ packageWeight: null }))).toMatch(/no package weight\. Fix: set Item Weight/);
    expect(refusal(product(), ctx({ category: { ...TEES, packageDimensionsRequired: true } }))).toMatch(
      /requires package dimensions\. Fix: set TikTok Package Dimensions/,
    );
    expect(
      refusal(
        product(),
        ctx({ category: { ...TEES, requiredCertifications: [{ id: '7001', name: 'FCC certificate' }] } }),
      ),
    ).toMatch(/requires the certification "FCC certificate" \(7001\)/);
  });

  it('refuses a brand TikTok does not know or does not let the seller use', () => {
    expect(refusal(product({ brandName: 'Nobody' }), ctx({ brand: null }))).toMatch(
      /TikTok has no brand "Nobody"/,
    );
    expect(
      refusal(
        product({ brandName: 'Fabrikam' }),
        ctx({ brand: { id: '1', name: 'Fabrikam', authorized: false } }),
      ),
    ).toMatch(/"Fabrikam" is protected and not authorized/);
  });

  it('checks SKU rules: seller SKU length, spaces, duplicates, count per region, stock to list', () => {
    expect(refusal(product({ skus: [sku(1, { sellerSku: 'A B' })] }))).toMatch(
      /"A B" of item 201 contains a space/,
    );
    expect(refusal(product({ skus: [sku(1, { sellerSku: 'X'.repeat(51) })] }))).toMatch(/has 51 characters/);
    expect(refusal(product({ skus: [sku(1), sku(2, { sellerSku: 'TEE-1' })] }))).toMatch(
      /"TEE-1" is on two of its SKUs/,
    );
    const many = Array.from({ length: 101 }, (_, i) =>
      sku(i, { salesAttributes: [{ name: 'Color', value: `c${i}` }] }),
    );
    expect(checkProduct(product({ skus: many }), ctx()).ok).toBe(true);
    expect(refusal(product({ skus: many }), ctx({ region: 'SG' }))).toMatch(
      /101 SKUs \(TikTok takes at most 100 in SG\)/,
    );
    expect(refusal(product({ skus: [sku(1, { inventory: [{ warehouseId: 'w', quantity: 0 }] })] }))).toMatch(
      /SKU "TEE-1" has no stock in the TikTok warehouses linked to the shop/,
    );
  });

  it('checks sales attributes: at most 3, the same on every SKU, distinct, known names and values', () => {
    expect(checkProduct(matrix(), ctx()).ok).toBe(true);
    const four = matrix();
    four.skus = four.skus.map((k) => ({
      ...k,
      salesAttributes: ['A', 'B', 'C', 'D'].map((name) => ({ name, value: k.sellerSku })),
    }));
    expect(refusal(four)).toMatch(/uses 4 matrix options \(TikTok takes at most 3 sales attributes\)/);
    const uneven = matrix();
    uneven.skus[2] = { ...uneven.skus[2]!, salesAttributes: [{ name: 'Color', value: 'Blue' }] };
    expect(refusal(uneven)).toMatch(/do not all have the same matrix options/);
    const twins = matrix();
    twins.skus[2] = { ...twins.skus[2]!, salesAttributes: [...twins.skus[0]!.salesAttributes] };
    expect(refusal(twins)).toMatch(/two of its SKUs have the same matrix option values/);
    const fit = matrix();
    fit.skus = fit.skus.map((k) => ({ ...k, salesAttributes: [{ name: 'Fit', value: k.sellerSku }] }));
    expect(refusal(fit)).toMatch(
      /"Fit" is not a sales attribute of TikTok category 601226 \(it has: Color, Size\)/,
    );
    const xl = matrix();
    xl.skus[2] = {
      ...xl.skus[2]!,
      salesAttributes: [
        { name: 'Color', value: 'Blue' },
        { name: 'Size', value: 'XL' },
      ],
    };
    expect(refusal(xl)).toMatch(/"XL" is not a Size TikTok takes in category 601226\. Fix: use one of: S, M/);
  });
});

describe('the Create / Edit Product body', () => {
  it('carries TikTok value ids, custom values by name, stock with stock, identifiers and SKU ids', () => {
    const p = matrix();
    p.skus[0] = {
      ...p.skus[0]!,
      tiktokSkuId: '1729000000000000001',
      identifier: { type: 'UPC', code: '012345678905' },
    };
    p.skus[1] = {
      ...p.skus[1]!,
      inventory: [
        { warehouseId: 'w1', quantity: 0 },
        { warehouseId: 'w2', quantity: 250_000 },
      ],
    };
    p.skus[2] = {
      ...p.skus[2]!,
      salesAttributes: [
        { name: 'color', value: 'Teal' },
        { name: 'Size', value: 'S' },
      ],
    };
    const checked = checkProduct(p, ctx());
    if (!checked.ok) throw new Error(checked.message);
    const body = listingBody(p, checked, ['uri-1'], '7082427311584347905') as {
      skus: Record<string, unknown>[];
    } & Record<string, unknown>;
    expect(body).toMatchObject({
      title: 'Organic tee',
      category_id: '601226',
      brand_id: '7082427311584347905',
      main_images: [{ uri: 'uri-1' }],
      product_attributes: [{ id: '101001', values: [{ id: '1010011' }] }],
      package_weight: { value: '0.5', unit: 'POUND' },
    });
    expect(body).not.toHaveProperty('package_dimensions');
    expect(body.skus[0]).toEqual({
      id: '1729000000000000001',
      seller_sku: 'TEE-0',
      price: { amount: '19.99', currency: 'USD' },
      inventory: [{ warehouse_id: '7000000000000000001', quantity: 5 }],
      identifier_code: { code: '012345678905', type: 'UPC' },
      sales_attributes: [
        { id: '100000', value_id: '1000003' },
        { id: '100007', value_id: '1007002' },
      ],
    });
    expect(body.skus[1]).toMatchObject({ inventory: [{ warehouse_id: 'w2', quantity: 99_999 }] });
    expect(body.skus[1]).not.toHaveProperty('id');
    expect(body.skus[2]).toMatchObject({
      sales_attributes: [
        { id: '100000', value_name: 'Teal' },
        { id: '100007', value_id: '1007002' },
      ],
    });
  });

  it('lists a SKU only in warehouses with stock', () => {
    expect(
      listedInventory(
        sku(1, {
          inventory: [
            { warehouseId: 'a', quantity: 0 },
            { warehouseId: 'b', quantity: 3 },
          ],
        }),
      ),
    ).toEqual([{ warehouse_id: 'b', quantity: 3 }]);
  });
});

describe('create, edit or price only', () => {
  it('creates without a TikTok product id, updates prices only when every SKU is linked, else edits', () => {
    expect(actionOf(product())).toBe('create');
    const linked = product({ tiktokProductId: '1729', skus: [sku(1, { tiktokSkuId: '1730' })] });
    expect(actionOf({ ...linked, change: 'price' })).toBe('price');
    expect(actionOf({ ...linked, change: 'edit' })).toBe('edit');
    expect(actionOf({ ...linked, change: 'price', skus: [sku(1, { tiktokSkuId: '1730' }), sku(2)] })).toBe(
      'edit',
    );
    expect(priceUpdateOf({ ...linked, change: 'price' })).toEqual([
      { id: '1730', price: { amount: '19.99', currency: 'USD' } },
    ]);
  });

  it('keeps the idempotency key for the same content and changes it with the content', () => {
    const p = product();
    expect(idempotencyKeyOf('7001', p)).toBe(idempotencyKeyOf('7001', { ...p, title: 'x' }));
    expect(idempotencyKeyOf('7001', p)).not.toBe(idempotencyKeyOf('7001', { ...p, contentHash: 'ffff' }));
    expect(idempotencyKeyOf('7001', p).length).toBeLessThanOrEqual(64);
  });

  it('acks TikTok’s ids by seller SKU with the hashes; a price update keeps the ids and sets no audit', () => {
    const p = matrix();
    const ack = acceptedAck(p, 'created', {
      productId: '1729',
      skus: [
        { id: 's2', sellerSku: 'TEE-2' },
        { id: 's0', sellerSku: 'TEE-0' },
        { id: 's1', sellerSku: 'TEE-1' },
      ],
    });
    expect(ack).toEqual({
      itemId: '100',
      outcome: 'created',
      productId: '1729',
      skus: [
        { itemId: '200', skuId: 's0' },
        { itemId: '201', skuId: 's1' },
        { itemId: '202', skuId: 's2' },
      ],
      auditStatus: 'PENDING',
      contentHash: p.contentHash,
      priceHash: p.priceHash,
      message: null,
    });
    const priced = acceptedAck(
      product({ tiktokProductId: '1729', skus: [sku(1, { tiktokSkuId: '1730' })] }),
      'price_updated',
      null,
    );
    expect(priced).toMatchObject({
      productId: '1729',
      skus: [{ itemId: '201', skuId: '1730' }],
      auditStatus: null,
    });
  });

  it('explains 12052701 and a price update before the audit ends', () => {
    expect(
      refusalMessage(product(), 'Create Product', 12052701, 'do not support cross-boarder seller'),
    ).toMatch(
      /cross-border: TikTok takes its products only as global products\. Fix: list the products with global products in TikTok Seller Center/,
    );
    expect(refusalMessage(product(), 'Update Price', 12052901, 'status')).toMatch(
      /only of ACTIVATE products/,
    );
  });
});
