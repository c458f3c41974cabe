import type { PushItemRow, PushPlanInput } from '../push-plan';
import {
  canonicalJson,
  categoryMapProblems,
  changeOf,
  formatPushedHashes,
  hashText,
  identifierOf,
  imageRefusal,
  levelPricesFrom,
  notAllowedText,
  pushOffReason,
  packageDimensionsOf,
  packageWeightOf,
  parseAttributeMap,
  parseMatrixOptionFields,
  parsePushedHashes,
  planPushItem,
  resolvePriceLevel,
  sellerSkuProblem,
} from '../push-plan';

function row(id: string, over: Partial<PushItemRow> = {}): PushItemRow {
  return {
    id,
    itemid: `SKU-${id}`,
    ttsSku: null,
    storeDisplayName: null,
    displayName: `Shirt ${id}`,
    detailedDescription: null,
    salesDescription: 'Soft cotton.\n\nMachine wash.',
    upc: null,
    weight: 1.5,
    weightUnit: '1',
    dimensions: null,
    classId: null,
    category: '600001',
    brand: null,
    tiktokPrice: null,
    basePrice: 19.99,
    matrixType: null,
    parentId: null,
    imageFileIds: ['501'],
    productId: null,
    skuId: null,
    pushedHashes: null,
    options: {},
    ...over,
  };
}

function input(over: Partial<PushPlanInput> = {}): PushPlanInput {
  return {
    region: 'US',
    currency: 'USD',
    baseCurrency: 'USD',
    items: [],
    children: new Map(),
    matrixOptions: [
      { fieldId: 'custitem_color', name: 'Color' },
      { fieldId: 'custitem_size', name: 'Size' },
    ],
    categoryMap: [],
    inventoryOf: () => [{ warehouseId: '7001', quantity: 5 }],
    ...over,
  };
}

describe('hashes and change detection', () => {
  test('canonical JSON ignores key order; the hash follows the content', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
    expect(hashText(canonicalJson({ a: 1, b: 2 }))).toBe(hashText(canonicalJson({ b: 2, a: 1 })));
    expect(hashText('a')).not.toBe(hashText('b'));
    expect(hashText('x')).toMatch(/^[0-9a-f]{16}$/);
  });

  test('stored hashes round-trip; anything else reads as none', () => {
    expect(parsePushedHashes(formatPushedHashes('0123456789abcdef', 'fedcba9876543210'))).toEqual({
      content: '0123456789abcdef',
      price: 'fedcba9876543210',
    });
    expect(parsePushedHashes('')).toBeNull();
    expect(parsePushedHashes('nonsense')).toBeNull();
  });

  test('create without a product id; edit on content; price on price only; nothing when equal', () => {
    const stored = { content: 'aaaaaaaa', price: 'bbbbbbbb' };
    expect(changeOf(null, stored, 'aaaaaaaa', 'bbbbbbbb')).toBe('create');
    expect(changeOf('9', null, 'aaaaaaaa', 'bbbbbbbb')).toBe('edit');
    expect(changeOf('9', stored, 'cccccccc', 'dddddddd')).toBe('edit');
    expect(changeOf('9', stored, 'aaaaaaaa', 'dddddddd')).toBe('price');
    expect(changeOf('9', stored, 'aaaaaaaa', 'bbbbbbbb')).toBeNull();
  });
});

describe('seller SKU, identifiers and units', () => {
  test('SKU rule: 1–50 characters, no spaces', () => {
    expect(sellerSkuProblem('ABC-1')).toBeNull();
    expect(sellerSkuProblem('x'.repeat(50))).toBeNull();
    expect(sellerSkuProblem('x'.repeat(51))).toMatch(/51 characters/);
    expect(sellerSkuProblem('AB C')).toMatch(/space/);
    expect(sellerSkuProblem('')).toMatch(/empty/);
  });

  test('UPC Code becomes UPC, EAN, ISBN or GTIN by length', () => {
    expect(identifierOf('012345678905')).toEqual({ type: 'UPC', code: '012345678905' });
    expect(identifierOf('4006381333931')).toEqual({ type: 'EAN', code: '4006381333931' });
    expect(identifierOf('9780306406157')).toEqual({ type: 'ISBN', code: '9780306406157' });
    expect(identifierOf('10012345678902')).toEqual({ type: 'GTIN', code: '10012345678902' });
    expect(identifierOf(null)).toBeNull();
    expect(identifierOf('12AB')).toEqual({ error: expect.stringMatching(/digits/) });
    expect(identifierOf('12345')).toEqual({ error: expect.stringMatching(/5 digits/) });
  });

  test('weight: imperial stays imperial in the US, becomes kilograms elsewhere', () => {
    expect(packageWeightOf(2, '1', 'US')).toEqual({ value: '2', unit: 'POUND' });
    expect(packageWeightOf(8, '2', 'US')).toEqual({ value: '0.5', unit: 'POUND' });
    expect(packageWeightOf(500, '4', 'US')).toEqual({ value: '0.5', unit: 'KILOGRAM' });
    expect(packageWeightOf(2, '1', 'UK')).toEqual({ value: '0.907', unit: 'KILOGRAM' });
    expect(packageWeightOf(16, '2', 'GB')).toEqual({ value: '0.454', unit: 'KILOGRAM' });
    expect(packageWeightOf(1.2, '3', 'DE')).toEqual({ value: '1.2', unit: 'KILOGRAM' });
    expect(packageWeightOf(null, '1', 'US')).toBeNull();
    expect(packageWeightOf(0, '1', 'US')).toEqual({ error: expect.stringMatching(/not above 0/) });
    expect(packageWeightOf(1, '9', 'US')).toEqual({ error: expect.stringMatching(/Weight Unit 9/) });
  });

  test('dimensions: inches stay in the US, become centimetres elsewhere', () => {
    expect(packageDimensionsOf('12 x 8 x 4 in', 'US')).toEqual({
      length: '12',
      width: '8',
      height: '4',
      unit: 'INCH',
    });
    expect(packageDimensionsOf('10x5x1 in', 'UK')).toEqual({
      length: '25.4',
      width: '12.7',
      height: '2.54',
      unit: 'CENTIMETER',
    });
    expect(packageDimensionsOf('30x20x10 cm', 'US')).toEqual({
      length: '30',
      width: '20',
      height: '10',
      unit: 'CENTIMETER',
    });
    expect(packageDimensionsOf('', 'US')).toBeNull();
    expect(packageDimensionsOf('30 by 20', 'US')).toEqual({
      error: expect.stringMatching(/length x width x height/),
    });
  });
});

describe('settings texts', () => {
  test('matrix option fields with TikTok names', () => {
    expect(parseMatrixOptionFields('custitem_color=Color, custitem_size')).toEqual([
      { fieldId: 'custitem_color', name: 'Color' },
      { fieldId: 'custitem_size', name: 'custitem_size' },
    ]);
    expect(parseMatrixOptionFields('')).toEqual([]);
    expect(parseMatrixOptionFields('color=Color')).toEqual({ error: expect.stringMatching(/custitem_/) });
    expect(parseMatrixOptionFields('custitem_a,custitem_a')).toEqual({
      error: expect.stringMatching(/twice/),
    });
  });

  test('attribute JSON: id → value or values, sorted by id', () => {
    expect(parseAttributeMap('{"200": "Cotton", "100": ["A", "B"]}')).toEqual([
      { id: '100', values: ['A', 'B'] },
      { id: '200', values: ['Cotton'] },
    ]);
    expect(parseAttributeMap(null)).toEqual([]);
    expect(parseAttributeMap('{oops')).toEqual({ error: expect.stringMatching(/not JSON/) });
    expect(parseAttributeMap('{"Material": "Cotton"}')).toEqual({
      error: expect.stringMatching(/not a TikTok attribute id/),
    });
    expect(parseAttributeMap('{"1": []}')).toEqual({ error: expect.stringMatching(/one or more/) });
  });
});

describe('planPushItem', () => {
  test('a standalone item becomes one product with one SKU, to create', () => {
    const decision = planPushItem(row('10', { upc: '012345678905' }), input());
    expect(decision.kind).toBe('push');
    if (decision.kind !== 'push') return;
    expect(decision.product).toMatchObject({
      itemId: '10',
      kind: 'standalone',
      change: 'create',
      title: 'Shirt 10',
      descriptionHtml: '<p>Soft cotton.</p><p>Machine wash.</p>',
      categoryId: '600001',
      packageWeight: { value: '1.5', unit: 'POUND' },
    });
    expect(decision.product.skus).toEqual([
      {
        itemId: '10',
        sellerSku: 'SKU-10',
        price: { amount: '19.99', currency: 'USD' },
        identifier: { type: 'UPC', code: '012345678905' },
        salesAttributes: [],
        tiktokSkuId: null,
        inventory: [{ warehouseId: '7001', quantity: 5 }],
      },
    ]);
    expect(decision.imageFileIds).toEqual(['501']);
  });

  test('a matrix parent becomes one product with a SKU per child and its options as sales attributes', () => {
    const children = [
      row('21', {
        matrixType: 'CHILD',
        parentId: '20',
        options: { custitem_color: 'Red', custitem_size: 'S' },
      }),
      row('22', {
        matrixType: 'CHILD',
        parentId: '20',
        options: { custitem_color: 'Red', custitem_size: 'M' },
      }),
    ];
    const decision = planPushItem(
      row('20', { matrixType: 'PARENT' }),
      input({ children: new Map([['20', children]]) }),
    );
    expect(decision.kind).toBe('push');
    if (decision.kind !== 'push') return;
    expect(decision.product.kind).toBe('matrix');
    expect(decision.product.skus.map((s) => [s.itemId, s.sellerSku, s.salesAttributes])).toEqual([
      [
        '21',
        'SKU-21',
        [
          { name: 'Color', value: 'Red' },
          { name: 'Size', value: 'S' },
        ],
      ],
      [
        '22',
        'SKU-22',
        [
          { name: 'Color', value: 'Red' },
          { name: 'Size', value: 'M' },
        ],
      ],
    ]);
  });

  test('after a push, the same item is unchanged; a new price is a price change only', () => {
    const first = planPushItem(row('10'), input());
    if (first.kind !== 'push') throw new Error('expected a push');
    const pushed = {
      productId: '777',
      pushedHashes: formatPushedHashes(first.product.contentHash, first.product.priceHash),
    };
    expect(planPushItem(row('10', pushed), input())).toEqual({ kind: 'unchanged', itemId: '10' });
    const repriced = planPushItem(row('10', { ...pushed, basePrice: 24.5 }), input());
    expect(repriced).toMatchObject({ kind: 'push', product: { change: 'price', tiktokProductId: '777' } });
    const renamed = planPushItem(row('10', { ...pushed, storeDisplayName: 'Better shirt' }), input());
    expect(renamed).toMatchObject({ kind: 'push', product: { change: 'edit' } });
    // Stock is not content: another quantity changes nothing.
    expect(
      planPushItem(row('10', pushed), input({ inventoryOf: () => [{ warehouseId: '7001', quantity: 99 }] })),
    ).toEqual({
      kind: 'unchanged',
      itemId: '10',
    });
  });

  test('invalid items name the item and the fix', () => {
    const bad = (over: Partial<PushItemRow>, plan: Partial<PushPlanInput> = {}): string => {
      const d = planPushItem(row('30', over), input(plan));
      if (d.kind !== 'invalid') throw new Error(`expected invalid, got ${d.kind}`);
      return d.message;
    };
    expect(bad({ ttsSku: 'HAS SPACE' })).toMatch(
      /Item SKU-30 \(internal id 30\).*"HAS SPACE" contains a space.*custitem_tts_sku/,
    );
    expect(bad({ itemid: 'x'.repeat(60) })).toMatch(/60 characters/);
    expect(bad({ weight: null })).toMatch(/no Item Weight/);
    expect(bad({ imageFileIds: [] })).toMatch(/no image/);
    expect(bad({ basePrice: null })).toMatch(/no price/);
    expect(bad({}, { currency: 'GBP', region: 'UK' })).toMatch(/no price in GBP/);
    expect(bad({ category: 'shoes' })).toMatch(/not a TikTok category id/);
    expect(
      bad(
        { category: null, classId: '5' },
        { categoryMap: [{ id: '3', classId: '5', categoryId: '600002', attributes: '{bad' }] },
      ),
    ).toMatch(/Category Map row 3 \(category 600002\).*not JSON/);
    expect(bad({ matrixType: 'PARENT' })).toMatch(/matrix parent without active child items/);
    const four = ['custitem_a', 'custitem_b', 'custitem_c', 'custitem_d'];
    const kids = [row('31', { matrixType: 'CHILD', options: Object.fromEntries(four.map((f) => [f, 'x'])) })];
    expect(
      bad(
        { matrixType: 'PARENT' },
        { children: new Map([['30', kids]]), matrixOptions: four.map((f) => ({ fieldId: f, name: f })) },
      ),
    ).toMatch(/4 matrix options.*at most 3/);
    const twins = [
      row('31', { matrixType: 'CHILD', options: { custitem_color: 'Red', custitem_size: 'S' } }),
      row('32', { matrixType: 'CHILD', options: { custitem_color: 'Red', custitem_size: 'S' } }),
    ];
    expect(bad({ matrixType: 'PARENT' }, { children: new Map([['30', twins]]) })).toMatch(
      /same matrix options/,
    );
    const childBad = [row('31', { matrixType: 'CHILD', ttsSku: 'A B', options: { custitem_color: 'Red' } })];
    expect(bad({ matrixType: 'PARENT' }, { children: new Map([['30', childBad]]) })).toMatch(
      /Matrix Item SKU-30.*Item SKU-31.*space/,
    );
  });

  test("the category comes from the class map when the item has none, with the row's attributes", () => {
    const d = planPushItem(
      row('40', { category: null, classId: '5' }),
      input({
        categoryMap: [{ id: '3', classId: '5', categoryId: '600002', attributes: '{"100198": "Cotton"}' }],
      }),
    );
    expect(d).toMatchObject({
      kind: 'push',
      product: { categoryId: '600002', attributes: [{ id: '100198', values: ['Cotton'] }] },
    });
  });
});

describe('Push Price Level', () => {
  const levels = [
    { id: '1', name: 'Base Price', inactive: false },
    { id: '5', name: 'Online Price', inactive: false },
    { id: '7', name: 'Old Wholesale', inactive: true },
  ];
  const online = { id: '5', name: 'Online Price' };

  test('resolves a level by internal id or by name in any case; unknown or inactive ones name the field and the fix', () => {
    expect(resolvePriceLevel('Demo', '5', levels)).toEqual(online);
    expect(resolvePriceLevel('Demo', ' online price ', levels)).toEqual(online);
    const unknown = resolvePriceLevel('Demo', 'Retail', levels);
    expect(unknown).toEqual({
      error: expect.stringMatching(
        /Shop Demo: Push Price Level \(custrecord_tts_shop_price_level\): NetSuite has no price level "Retail".*Base Price \(1\), Online Price \(5\)\), or clear the field/,
      ),
    });
    expect(resolvePriceLevel('Demo', '9', levels)).toMatchObject({
      error: expect.stringContaining('no price level "9"'),
    });
    expect(resolvePriceLevel('Demo', 'old wholesale', levels)).toMatchObject({
      error: expect.stringMatching(/Old Wholesale \(7\) is inactive.*reactivate it/),
    });
  });

  test("an item's price at a level is its highest unit price (one unit under quantity tiers)", () => {
    const prices = levelPricesFrom([
      { itemId: '10', unitPrice: 20 },
      { itemId: '10', unitPrice: 18 },
      { itemId: '11', unitPrice: 0 },
      { itemId: '12', unitPrice: -1 },
      { itemId: '13', unitPrice: Number.NaN },
    ]);
    expect([...prices]).toEqual([
      ['10', 20],
      ['11', 0],
    ]);
  });

  test('TikTok Price wins, then the level price; a missing level price is an exception, never Base Price', () => {
    const plan = (over: Partial<PushItemRow>, currency = 'USD'): ReturnType<typeof planPushItem> =>
      planPushItem(
        row('50', over),
        input({ priceLevel: online, currency, region: currency === 'USD' ? 'US' : 'UK' }),
      );
    expect(plan({ levelPrice: 17.5 })).toMatchObject({
      product: { skus: [{ price: { amount: '17.50', currency: 'USD' } }] },
    });
    expect(plan({ levelPrice: 17.5, tiktokPrice: 15 })).toMatchObject({
      product: { skus: [{ price: { amount: '15.00' } }] },
    });
    expect(plan({ levelPrice: 21 }, 'GBP')).toMatchObject({
      product: { skus: [{ price: { amount: '21.00', currency: 'GBP' } }] },
    });
    const missing = plan({ levelPrice: null, basePrice: 19.99 });
    expect(missing).toEqual({
      kind: 'invalid',
      itemId: '50',
      message: expect.stringMatching(
        /^Item SKU-50 \(internal id 50\) has no Online Price price in USD \(the shop's Push Price Level, custrecord_tts_shop_price_level.*Pricing subtab \(price level Online Price, currency USD\), or set TikTok Price/,
      ),
    });
    expect(plan({ levelPrice: 0 })).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('a price of 0 (its Online Price price)'),
    });
  });

  test('a new level price is a price change only', () => {
    const first = planPushItem(row('60', { levelPrice: 30 }), input({ priceLevel: online }));
    if (first.kind !== 'push') throw new Error('expected a push');
    const pushed = {
      productId: '888',
      pushedHashes: formatPushedHashes(first.product.contentHash, first.product.priceHash),
    };
    expect(planPushItem(row('60', { ...pushed, levelPrice: 30 }), input({ priceLevel: online }))).toEqual({
      kind: 'unchanged',
      itemId: '60',
    });
    // Base Price is not read while a level is set.
    expect(
      planPushItem(row('60', { ...pushed, levelPrice: 30, basePrice: 1 }), input({ priceLevel: online })),
    ).toEqual({ kind: 'unchanged', itemId: '60' });
    expect(
      planPushItem(row('60', { ...pushed, levelPrice: 27 }), input({ priceLevel: online })),
    ).toMatchObject({
      kind: 'push',
      product: { change: 'price', skus: [{ price: { amount: '27.00' } }] },
    });
  });

  test('a matrix child without a level price names the parent and the child', () => {
    const kids = [
      row('71', { matrixType: 'CHILD', levelPrice: 12, options: { custitem_color: 'Red' } }),
      row('72', { matrixType: 'CHILD', levelPrice: null, options: { custitem_color: 'Blue' } }),
    ];
    const d = planPushItem(
      row('70', { matrixType: 'PARENT' }),
      input({ priceLevel: online, children: new Map([['70', kids]]) }),
    );
    expect(d).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/Matrix Item SKU-70.*Item SKU-72.*no Online Price price in USD/),
    });
  });
});

describe('shop and image checks', () => {
  const shop = {
    shopName: 'Honeycomb US',
    tiktokSide: 'push' as const,
    netsuiteSide: 'netsuite_source' as const,
    pushBlock: null,
    region: 'US',
    currency: 'USD',
  };
  test('the shop pushes only with Push products to TikTok, NetSuite as the source, no block and a currency', () => {
    expect(pushOffReason(shop)).toBeNull();
    expect(pushOffReason({ ...shop, tiktokSide: 'pull' })).toMatch(/not "Push products to TikTok"/);
    expect(pushOffReason({ ...shop, netsuiteSide: 'none' })).toMatch(/Do not sync products/);
    expect(pushOffReason({ ...shop, pushBlock: notAllowedText('TikTok 12052701') })).toMatch(
      /12052701.*global products.*clear Product Push Blocked/,
    );
    expect(pushOffReason({ ...shop, currency: null })).toMatch(/currency is not known/);
  });

  test('images: missing, not an image, too big', () => {
    const png = { name: 'a.png', fileType: 'PNGIMAGE', size: 100 };
    expect(imageRefusal(png, '5', 'Item A', 1000)).toBeNull();
    expect(imageRefusal(null, '5', 'Item A', 1000)).toMatch(/Item A: image file 5 does not exist/);
    expect(imageRefusal({ ...png, fileType: 'PDF' }, '5', 'Item A', 1000)).toMatch(/PDF file, not a JPEG/);
    expect(imageRefusal({ ...png, size: 6 * 1024 * 1024 }, '5', 'Item A', 5 * 1024 * 1024)).toMatch(
      /Item A: image file 5 \(a\.png\) is 6\.0 MB; TikTok's image upload takes at most 5\.0 MB/,
    );
  });
});

describe('categoryMapProblems', () => {
  test('a row saves with a category id and attribute JSON; anything else is refused with an example', () => {
    expect(categoryMapProblems({ category: '601226', attributes: '{"100198": "Cotton"}' })).toBeNull();
    expect(categoryMapProblems({ category: null, attributes: null })).toBeNull();
    expect(categoryMapProblems({ category: 'shirts', attributes: null })).toMatch(
      /"shirts" is not a TikTok category id/,
    );
    expect(categoryMapProblems({ category: '601226', attributes: '{Material: Cotton}' })).toMatch(
      /Product Attributes \(JSON\) is not JSON.*example/,
    );
  });
});
