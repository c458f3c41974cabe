import type {
  CatalogPushPullResponse,
  PushAckResult,
  PushProduct,
} from '../../shared-types/src/catalog/product-push';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import type { PushCatalog } from '../support/push-catalog';
import {
  buildPushCatalog,
  createItem,
  itemFields,
  PUSH_MATRIX_OPTIONS,
  saveImage,
  shopRecordOf,
  TINY_PNG,
} from '../support/push-catalog';

/**
 * Issue #20, NetSuite side, through the RESTlet over HTTP with OAuth: items marked Push to TikTok (a
 * standalone item, a matrix parent with its children) come out of catalog.push.pull; the ack records
 * TikTok's ids and the hashes, after which a re-pull returns nothing; a price change comes back as a
 * price change only; an invalid SKU is an exception naming the item; audit results and refusals land
 * on the item; not_allowed blocks the shop; catalog.image serves the File Cabinet bytes.
 */
let world: ConnectorAccount;
let catalog: PushCatalog;

afterEach(async () => {
  await world?.ns.stop();
});

function shopRecord(): { id: number; fields: Record<string, unknown> } {
  return shopRecordOf(world.ns, DEMO_SHOP.shopId);
}

function item(id: string): Record<string, unknown> {
  return itemFields(world.ns, id);
}

function setItem(id: string, values: Record<string, unknown>): void {
  world.ns.seed.service.submitFields({ type: 'inventoryitem', id: Number(id), values });
}

async function post(body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  return world.restlet('POST', { shopId: DEMO_SHOP.shopId, ...body });
}

async function pull(extra: Record<string, unknown> = {}): Promise<CatalogPushPullResponse> {
  const res = await post({ action: 'catalog.push.pull', ...extra });
  expect(res.status).toBe(200);
  return res.body as CatalogPushPullResponse;
}

let tiktokIds = 1729600000000000000n;
function tiktokId(): string {
  tiktokIds += 1n;
  return String(tiktokIds);
}

function accepted(product: PushProduct, outcome: PushAckResult['outcome'] = 'created'): PushAckResult {
  return {
    itemId: product.itemId,
    outcome,
    productId: product.tiktokProductId ?? tiktokId(),
    skus: product.skus.map((s) => ({ itemId: s.itemId, skuId: s.tiktokSkuId ?? tiktokId() })),
    auditStatus: outcome === 'price_updated' ? null : 'PENDING',
    contentHash: product.contentHash,
    priceHash: product.priceHash,
    message: null,
  };
}

async function ack(results: PushAckResult[]): Promise<{ status: number; body: unknown }> {
  return post({ action: 'catalog.push.ack', results });
}

async function start(): Promise<void> {
  world = await startConnectorAccount({ matrixOptions: PUSH_MATRIX_OPTIONS });
  catalog = buildPushCatalog(world.ns, {
    standalone: 1,
    matrixParents: 1,
    childrenPerParent: 3,
    categories: ['600001'],
    attributes: { '600001': '{"100198": "Cotton"}' },
    shopRecordId: shopRecord().id,
  });
}

describe('product push, NetSuite side', () => {
  test('marked items come out once; the ack records ids and hashes; then nothing; a price change is a price change only', async () => {
    await start();
    const [standalone] = catalog.standaloneIds;
    const [parent] = catalog.parentIds;
    const children = catalog.childIds.get(parent) ?? [];
    // An unmarked item never comes out.
    createItem(world.ns, 'inventoryitem', { itemid: 'NOT-MARKED', weight: 1, baseprice: 5 });

    const first = await pull();
    expect(first).toMatchObject({ ok: true, pushEnabled: true, reason: null, invalid: [], next: null });
    expect(first.products.map((p) => [p.itemId, p.kind, p.change])).toEqual([
      [standalone, 'standalone', 'create'],
      [parent, 'matrix', 'create'],
    ]);
    const [single, matrix] = first.products;
    expect(single).toMatchObject({
      title: 'PUSH standalone 1',
      categoryId: '600001',
      attributes: [{ id: '100198', values: ['Cotton'] }],
      packageWeight: { unit: 'POUND' },
      images: [
        {
          fileId: catalog.imageOf.get(standalone),
          name: 'push-s-0001.png',
          bytes: Buffer.from(TINY_PNG, 'base64').length,
        },
      ],
    });
    expect(single.skus).toEqual([
      expect.objectContaining({
        itemId: standalone,
        sellerSku: 'PUSH-S-0001',
        price: { amount: '11.00', currency: 'USD' },
        identifier: { type: 'UPC', code: '100000000001' },
        salesAttributes: [],
      }),
    ]);
    expect(matrix.skus.map((s) => [s.itemId, s.sellerSku, s.salesAttributes])).toEqual([
      [
        children[0],
        'PUSH-M-0001-RED-S',
        [
          { name: 'Color', value: 'Red' },
          { name: 'Size', value: 'S' },
        ],
      ],
      [
        children[1],
        'PUSH-M-0001-RED-M',
        [
          { name: 'Color', value: 'Red' },
          { name: 'Size', value: 'M' },
        ],
      ],
      [
        children[2],
        'PUSH-M-0001-RED-L',
        [
          { name: 'Color', value: 'Red' },
          { name: 'Size', value: 'L' },
        ],
      ],
    ]);

    const acked = await ack(first.products.map((p) => accepted(p)));
    expect(acked).toMatchObject({ status: 200, body: { ok: true, recorded: 2, logged: 0 } });
    expect(item(standalone)).toMatchObject({
      custitem_tts_product_id: expect.stringMatching(/^\d+$/),
      custitem_tts_sku_id: expect.stringMatching(/^\d+$/),
      custitem_tts_push_hash: `${single.contentHash}:${single.priceHash}`,
      custitem_tts_audit: 'PENDING',
    });
    expect(item(parent).custitem_tts_push_hash).toBe(`${matrix.contentHash}:${matrix.priceHash}`);
    for (const child of children) {
      expect(item(child)).toMatchObject({
        custitem_tts_product_id: item(parent).custitem_tts_product_id,
        custitem_tts_sku_id: expect.stringMatching(/^\d+$/),
      });
    }

    const again = await pull();
    expect(again).toMatchObject({ pushEnabled: true, products: [], invalid: [] });

    setItem(children[1], { baseprice: 42 });
    const repriced = await pull();
    expect(repriced.products.map((p) => [p.itemId, p.change, p.tiktokProductId])).toEqual([
      [parent, 'price', item(parent).custitem_tts_product_id],
    ]);
    expect(repriced.products[0].skus[1]).toMatchObject({
      itemId: children[1],
      price: { amount: '42.00', currency: 'USD' },
      tiktokSkuId: item(children[1]).custitem_tts_sku_id,
    });
    await ack([accepted(repriced.products[0], 'price_updated')]);
    expect((await pull()).products).toEqual([]);

    setItem(standalone, { storedisplayname: 'Better standalone' });
    const edited = await pull();
    expect(edited.products.map((p) => [p.itemId, p.change, p.title])).toEqual([
      [standalone, 'edit', 'Better standalone'],
    ]);
  }, 120_000);

  test("the shop's Push Saved Search chooses the items instead of Push to TikTok; an unknown search stops the push", async () => {
    world = await startConnectorAccount({ matrixOptions: PUSH_MATRIX_OPTIONS });
    // Items 1 and 3 (standalone 1, the matrix parent) are of class 2; standalone 2 is of class 1.
    catalog = buildPushCatalog(world.ns, {
      standalone: 2,
      matrixParents: 1,
      childrenPerParent: 2,
      categories: ['600001', '600002'],
      shopRecordId: shopRecord().id,
    });
    const [inSearch, ticked] = catalog.standaloneIds;
    const [parent] = catalog.parentIds;
    setItem(inSearch, { custitem_tts_push: false });
    world.ns.registerSavedSearch({
      id: 'customsearch_tts_push',
      type: 'inventoryitem',
      filters: [['class', 'anyof', catalog.classIds[1]]],
      columns: ['itemid'],
    });
    const setSearch = (value: string): void => {
      world.ns.seed.service.submitFields({
        type: 'customrecord_tts_shop',
        id: shopRecord().id,
        values: { custrecord_tts_shop_push_search: value },
      });
    };
    setSearch('customsearch_tts_push');

    const first = await pull();
    expect(first).toMatchObject({ pushEnabled: true, reason: null, invalid: [], next: null });
    expect(first.products.map((p) => [p.itemId, p.kind])).toEqual([
      [inSearch, 'standalone'],
      [parent, 'matrix'],
    ]);
    expect(first.products[1].skus.map((s) => s.itemId)).toEqual(catalog.childIds.get(parent));
    // Paging after the first item continues within the search.
    expect((await pull({ limit: 1 })).next).toBe(inSearch);
    expect((await pull({ after: inSearch })).products.map((p) => p.itemId)).toEqual([parent]);
    expect(first.products.map((p) => p.itemId)).not.toContain(ticked);

    setSearch('customsearch_tts_missing');
    const refused = await pull();
    expect(refused).toMatchObject({ pushEnabled: false, products: [], invalid: [] });
    expect(refused.reason).toContain('Push Saved Search (custrecord_tts_shop_push_search)');
    expect(refused.reason).toContain('customsearch_tts_missing');
    expect(refused.reason).toContain('Fix:');

    // Cleared, Push to TikTok decides again.
    setSearch('');
    expect((await pull()).products.map((p) => p.itemId)).toEqual([ticked, parent]);
  }, 120_000);

  test("the shop's Push Price Level prices each SKU from the items' Pricing subtab; a missing price is an exception; a level price change is a price change only", async () => {
    await start();
    const [standalone] = catalog.standaloneIds;
    const [parent] = catalog.parentIds;
    const children = catalog.childIds.get(parent) ?? [];
    const setLevel = (value: string): void => {
      world.ns.seed.service.submitFields({
        type: 'customrecord_tts_shop',
        id: shopRecord().id,
        values: { custrecord_tts_shop_price_level: value },
      });
    };
    const online = (id: string, ...prices: Array<[number, number]>): void =>
      world.ns.seed.itemPrices(
        Number(id),
        prices.map(([quantity, unitprice]) => ({
          level: 'Online Price',
          currency: 'USD',
          quantity,
          unitprice,
        })),
      );
    setLevel('Online Price');
    online(standalone, [0, 13.5]);
    // Quantity pricing: the first tier's price (the highest) is what one unit costs.
    online(children[0], [0, 20], [10, 18]);
    online(children[1], [0, 21]);
    // A price in another currency or at another level is not the shop's.
    world.ns.seed.itemPrices(Number(children[2]), [
      { level: 'Online Price', currency: 'GBP', unitprice: 17 },
      { level: 'Alternate Price 1', currency: 'USD', unitprice: 16 },
    ]);

    const first = await pull();
    expect(first.products.map((p) => [p.itemId, p.skus.map((s) => s.price)])).toEqual([
      [standalone, [{ amount: '13.50', currency: 'USD' }]],
    ]);
    expect(first.invalid).toEqual([
      {
        itemId: parent,
        message: expect.stringContaining(
          `Matrix Item PUSH-M-0001 (internal id ${parent}): Item PUSH-M-0001-RED-L (internal id ${children[2]}) has no Online Price price in USD (the shop's Push Price Level`,
        ),
      },
    ]);
    expect(String(item(parent).custitem_tts_push_msg)).toContain(
      `internal id ${children[2]}) has no Online Price price in USD`,
    );

    online(children[2], [0, 22]);
    const priced = await pull();
    expect(priced.invalid).toEqual([]);
    expect(priced.products.map((p) => [p.itemId, p.skus.map((s) => s.price.amount)])).toEqual([
      [standalone, ['13.50']],
      [parent, ['20.00', '21.00', '22.00']],
    ]);
    await ack(priced.products.map((p) => accepted(p)));
    expect((await pull()).products).toEqual([]);

    // Base Price is not read while a level is set; a new Online Price is one price change.
    setItem(standalone, { baseprice: 99 });
    expect((await pull()).products).toEqual([]);
    online(standalone, [0, 12]);
    const repriced = await pull();
    expect(repriced.products.map((p) => [p.itemId, p.change, p.skus[0].price.amount])).toEqual([
      [standalone, 'price', '12.00'],
    ]);
    await ack([accepted(repriced.products[0], 'price_updated')]);

    // An unknown level stops the push, naming the field and the levels there are; the internal id works too.
    setLevel('Retail');
    const refused = await pull();
    expect(refused).toMatchObject({ pushEnabled: false, products: [], invalid: [] });
    expect(refused.reason).toMatch(
      /Push Price Level \(custrecord_tts_shop_price_level\): NetSuite has no price level "Retail"\. Fix: .*Online Price \(\d+\)/,
    );
    setLevel(String(world.ns.store.all('pricelevel').find((l) => l.fields.name === 'Online Price')!.id));
    expect(await pull()).toMatchObject({ pushEnabled: true, products: [], invalid: [] });

    // Cleared: TikTok Price, else Base Price again (a price change).
    setLevel('');
    expect((await pull()).products.map((p) => [p.itemId, p.change, p.skus[0].price.amount])).toEqual([
      [standalone, 'price', '99.00'],
      [parent, 'price', expect.any(String)],
    ]);
  }, 120_000);

  test('an invalid SKU is an exception naming the item, logged once', async () => {
    await start();
    const [standalone] = catalog.standaloneIds;
    setItem(standalone, { custitem_tts_sku: 'PUSH S 0001' });
    const first = await pull();
    expect(first.products.map((p) => p.itemId)).toEqual(catalog.parentIds);
    expect(first.invalid).toEqual([
      {
        itemId: standalone,
        message: expect.stringMatching(
          /Item PUSH-S-0001 \(internal id \d+\): seller SKU "PUSH S 0001" contains a space.*custitem_tts_sku/,
        ),
      },
    ]);
    expect(item(standalone).custitem_tts_push_msg).toBe(first.invalid[0].message);
    const logs = () =>
      world.ns.store
        .all('customrecord_tts_log')
        .filter((l) => String(l.fields.custrecord_tts_log_message).includes('PUSH S 0001'));
    expect(logs()).toHaveLength(1);
    const second = await pull();
    expect(second.invalid).toHaveLength(1);
    expect(logs()).toHaveLength(1);
  }, 120_000);

  test('refusals and audit results land on the item; not_allowed blocks the shop and says what to do', async () => {
    await start();
    const first = await pull();
    const [single, matrix] = first.products;
    const refused: PushAckResult = {
      itemId: matrix.itemId,
      outcome: 'rejected',
      productId: null,
      skus: [],
      auditStatus: null,
      contentHash: null,
      priceHash: null,
      message:
        'TikTok 12052004: required attribute Material (100198) is missing. Fix: add it to the Category Map row.',
    };
    expect((await ack([accepted(single), refused])).body).toMatchObject({ recorded: 2, logged: 1 });
    expect(item(matrix.itemId).custitem_tts_push_msg).toBe(refused.message);
    const productId = String(item(single.itemId).custitem_tts_product_id);
    const audit = await post({
      action: 'catalog.push.audit',
      results: [
        { productId, status: 'FAILED', reasons: ['Main image is blurry'] },
        { productId: '1729699999999999999', status: 'ACTIVATE', reasons: [] },
      ],
    });
    expect(audit.body).toEqual({ ok: true, recorded: 2, unknown: ['1729699999999999999'] });
    expect(item(single.itemId)).toMatchObject({
      custitem_tts_audit: 'FAILED',
      custitem_tts_push_msg: expect.stringContaining('Main image is blurry'),
    });
    await post({ action: 'catalog.push.audit', results: [{ productId, status: 'ACTIVATE', reasons: [] }] });
    expect(item(single.itemId)).toMatchObject({ custitem_tts_audit: 'ACTIVATE' });
    expect(item(single.itemId).custitem_tts_push_msg ?? '').toBe('');

    const notAllowed: PushAckResult = {
      ...refused,
      outcome: 'not_allowed',
      message: 'TikTok 12052701: cross-border seller cannot create local product',
    };
    expect((await ack([notAllowed])).status).toBe(200);
    expect(String(shopRecord().fields.custrecord_tts_shop_push_block)).toMatch(/12052701.*global products/);
    const blocked = await pull();
    expect(blocked).toMatchObject({
      pushEnabled: false,
      products: [],
      reason: expect.stringMatching(/global products/),
    });
  }, 120_000);

  test('catalog.image serves the bytes; a file over 5 MB is refused naming the item and the file', async () => {
    await start();
    const [standalone] = catalog.standaloneIds;
    const fileId = catalog.imageOf.get(standalone) as string;
    const image = await post({ action: 'catalog.image', fileId });
    expect(image).toMatchObject({
      status: 200,
      body: {
        ok: true,
        fileId,
        name: 'push-s-0001.png',
        mimeType: 'image/png',
        base64: expect.stringMatching(/^iVBOR/),
      },
    });
    const big = saveImage(world.ns, 'huge.png', Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64'));
    setItem(standalone, { storedisplayimage: big });
    const refused = await post({ action: 'catalog.image', fileId: big });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(
      /Item PUSH-S-0001: image file \d+ \(huge\.png\) is 5\.0 MB; TikTok's image upload takes at most 5\.0 MB/,
    );
    const pulled = await pull();
    expect(pulled.invalid).toEqual([{ itemId: standalone, message: expect.stringMatching(/huge\.png/) }]);
  }, 120_000);

  test('with Process product catalog updates not Push products to TikTok nothing is pushed and the reason says so', async () => {
    await start();
    const ui = world.ns.seed.service.load({ type: 'customrecord_tts_shop', id: shopRecord().id });
    ui.setText({ fieldId: 'custrecord_tts_shop_catalog_tts', text: 'Do not sync products' });
    world.ns.seed.service.save(ui, {});
    const res = await pull();
    expect(res).toMatchObject({
      pushEnabled: false,
      products: [],
      reason: expect.stringMatching(/Push products to TikTok/),
    });
    const bad = await post({ action: 'catalog.push.pull', limit: 0, after: 'x' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/limit.*1\.\.100/);
  }, 120_000);
});
