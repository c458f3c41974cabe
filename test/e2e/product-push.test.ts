/**
 * Push products to TikTok end to end (issue #20) through real servers: NetSuite items marked Push to
 * TikTok (standalone items and matrix parents with Color × Size children, in the emulator running the
 * compiled SuiteApp) → `catalog.push.pull` → the bridge checks each against the TikTok simulator's
 * category rules, uploads the images (multipart) and calls Create Product → `catalog.push.ack` → the
 * simulator's asynchronous audit → product status webhooks → `catalog.push.audit` → ACTIVATE on the item.
 * An item whose category's required attribute is not mapped, and one without an image, are refused
 * visibly (naming what is missing) and nothing of theirs reaches TikTok; a re-run makes 0 TikTok product
 * calls; a price change is exactly one Update Price call and no new audit, and so is switching the shop to
 * a Push Price Level where one item is priced differently; a cross-border seller's shop
 * gets 12052701: nothing is listed and the shop is blocked with the reason.
 */
import type { SandboxStack } from '../../sandbox/src/stack';
import { simulatedTime } from '../support/e2e-stack';
import {
  buildPushCatalog,
  createItem,
  itemFields,
  pngOf,
  PUSH_TEE_CATEGORY,
  sellerSkusOf,
  setPushPriceLevel,
  shopRecordOf,
} from '../support/push-catalog';
import { diff, exportStock, productCalls, startPushStack, sync } from '../support/push-stack';

let stack: SandboxStack | undefined;
const time = simulatedTime();

afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

async function start(
  sellerType: 'LOCAL' | 'CROSS_BORDER' = 'LOCAL',
  failSellerSkus: string[] = [],
): Promise<SandboxStack> {
  stack = await startPushStack(time, { sellerType, failSellerSkus });
  return stack;
}

function s(): SandboxStack {
  if (!stack) throw new Error('no stack');
  return stack;
}

function shopRecord(shopId: string) {
  return shopRecordOf(s().netsuite, shopId);
}

function item(id: string): Record<string, unknown> {
  return itemFields(s().netsuite, id);
}

function callsTo(calls: Record<string, number>, route: string): number {
  return calls[route] ?? 0;
}

/** The shop's TikTok products with a seller SKU starting `prefix` (the seeded demo products aside). */
function pushedProducts(shopId: string, prefix: string) {
  return [...s().simulator.state.products.values()].filter(
    (p) => p.shopId === shopId && p.skus.some((k) => k.sellerSku.startsWith(prefix)),
  );
}

describe('Push products to TikTok through the sandbox', () => {
  it('lists valid items, refuses the others visibly, re-runs with 0 calls, and sends a price change alone', async () => {
    await start();
    const shopId = await s().connectShop();
    await sync(s());
    const ns = s().netsuite;
    const catalog = buildPushCatalog(ns, {
      standalone: 3,
      matrixParents: 2,
      childrenPerParent: 4,
      ...PUSH_TEE_CATEGORY,
      prefix: 'E2E',
      shopRecordId: shopRecord(shopId).id,
      imageBase64: pngOf(200, 200, 90),
    });
    // A mug whose category (605248) requires Material, Capacity and CA Prop 65, none mapped.
    const mugClass = createItem(ns, 'classification', { name: 'Mugs' });
    createItem(ns, 'customrecord_tts_cat_map', {
      name: 'Mugs → 605248',
      custrecord_tts_cm_class: mugClass,
      custrecord_tts_cm_category: '605248',
    });
    const mugImage = String(
      ns.files.save({
        name: 'mug.png',
        fileType: 'PNGIMAGE',
        folder: -15,
        description: 'mug',
        isOnline: false,
        contents: pngOf(300, 300, 40),
      }),
    );
    const mug = createItem(ns, 'inventoryitem', {
      itemid: 'E2E-MUG',
      displayname: 'Enamel camp mug',
      salesdescription: 'A mug.',
      weight: 1,
      weightunit: '1',
      baseprice: 14,
      class: mugClass,
      custitem_tts_pkg_dims: '5 x 4 x 4 in',
      storedisplayimage: mugImage,
      custitem_tts_push: true,
    });
    // A tee without any image.
    const bare = createItem(ns, 'inventoryitem', {
      itemid: 'E2E-BARE',
      displayname: 'Tee without a picture',
      salesdescription: 'No image.',
      weight: 1,
      weightunit: '1',
      baseprice: 12,
      class: catalog.classIds[0],
      custitem_tts_push: true,
    });
    // A tee of no class and no TikTok category: TikTok's Recommend Category is offered in the refusal.
    const nocat = createItem(ns, 'inventoryitem', {
      itemid: 'E2E-NOCAT',
      displayname: 'Striped tee',
      salesdescription: 'A striped tee.',
      weight: 1,
      weightunit: '1',
      baseprice: 12,
      storedisplayimage: mugImage,
      custitem_tts_push: true,
    });
    exportStock(s(), shopId, [...sellerSkusOf(ns, catalog), 'E2E-MUG', 'E2E-BARE', 'E2E-NOCAT'], 7);

    const before = productCalls(s());
    const first = await s().bridge.productPushOnce();
    expect(first.failures).toEqual([]);
    const pass = first.results[0]!;
    expect(pass.skipped).toBeNull();
    expect(pass.outcomes).toMatchObject({ created: 5, invalid: 2, rejected: 0, not_allowed: 0 });
    expect(pass.netsuiteInvalid).toBe(1);
    const firstCalls = diff(before, productCalls(s()));
    expect(callsTo(firstCalls, 'POST /product/202309/products')).toBe(5);
    // The five products show the same picture (the same bytes): uploaded once, its URI reused.
    expect(callsTo(firstCalls, 'POST /product/202309/images/upload')).toBe(1);

    // TikTok has the five products, the matrix parents with four SKUs each by Color and Size.
    const listed = pushedProducts(shopId, 'E2E-');
    expect(listed).toHaveLength(5);
    const parent = catalog.parentIds[0]!;
    const tee = listed.find((p) => p.id === item(parent).custitem_tts_product_id)!;
    expect(tee.skus.map((k) => k.sellerSku).sort()).toEqual(
      catalog.childIds
        .get(parent)!
        .map((id) => String(item(id).itemid))
        .sort(),
    );
    expect(tee.skus[0]!.salesAttributes.map((a) => a.name).sort()).toEqual(['Color', 'Size']);
    for (const child of catalog.childIds.get(parent)!) {
      expect(tee.skus.map((k) => k.id)).toContain(item(child).custitem_tts_sku_id);
    }
    expect(item(parent).custitem_tts_audit).toBe('PENDING');

    // The refusals say what is missing and the fix; nothing of theirs reached TikTok.
    expect(String(item(mug).custitem_tts_push_msg)).toMatch(
      /requires the attribute (Material|Capacity|CA Prop 65).*\(\d+\), which is not mapped\. Fix: add "\d+"/,
    );
    expect(String(item(bare).custitem_tts_push_msg)).toMatch(/image/i);
    expect(String(item(nocat).custitem_tts_push_msg)).toMatch(
      /has no TikTok category\. Fix: .*TikTok recommends 601226 \(Womenswear & Underwear > Tops > T-shirts\)/,
    );
    expect(
      listed.some((p) => p.skus.some((k) => ['E2E-MUG', 'E2E-BARE', 'E2E-NOCAT'].includes(k.sellerSku))),
    ).toBe(false);

    // The audit ends: status webhooks → Get Product → ACTIVATE on the items.
    time.advance(120);
    await sync(s());
    await sync(s());
    for (const id of [...catalog.standaloneIds, ...catalog.parentIds]) {
      expect(item(id).custitem_tts_audit).toBe('ACTIVATE');
    }

    // A re-run with no change: 0 TikTok product calls.
    const quiet = productCalls(s());
    const rerun = await s().bridge.productPushOnce();
    expect(rerun.results[0]).toMatchObject({
      productCalls: 0,
      outcomes: expect.objectContaining({ created: 0 }),
    });
    const rerunCalls = diff(quiet, productCalls(s()));
    expect(rerunCalls).toEqual({});

    // A price change: exactly one Update Price call, no new audit.
    const pricey = catalog.standaloneIds[0]!;
    ns.seed.service.submitFields({
      type: 'inventoryitem',
      id: Number(pricey),
      values: { custitem_tts_price: 31.5 },
    });
    const beforePrice = productCalls(s());
    const priced = await s().bridge.productPushOnce();
    expect(priced.results[0]!.outcomes).toMatchObject({ price_updated: 1, created: 0, edited: 0 });
    const priceCalls = diff(beforePrice, productCalls(s()));
    const productId = String(item(pricey).custitem_tts_product_id);
    expect(priceCalls).toEqual({ [`POST /product/202309/products/${productId}/prices/update`]: 1 });
    const product = s().simulator.state.products.get(productId)!;
    expect(product.status).toBe('ACTIVATE');
    expect(product.skus[0]!.priceMinor).toBe(3150);
    expect(item(pricey).custitem_tts_audit).toBe('ACTIVATE');
    expect((await s().bridge.productPushOnce()).results[0]!.productCalls).toBe(0);
    const metrics = await s().bridge.metrics.registry.metrics();
    expect(metrics).toMatch(/tts_bridge_product_push_total\{outcome="created"\} 5/);
    expect(metrics).toMatch(/tts_bridge_product_push_total\{outcome="price_updated"\} 1/);

    // The shop switches to its Online Price level. Items priced the same there change nothing on TikTok;
    // the one item whose Online Price differs is one Update Price call (TikTok Price still wins on `pricey`).
    const levelled = catalog.standaloneIds[1]!;
    setPushPriceLevel(ns, catalog, shopRecord(shopId).id, 'Online Price', (id, base) =>
      id === levelled ? base + 5 : base,
    );
    const beforeLevel = productCalls(s());
    const levelPass = await s().bridge.productPushOnce();
    expect(levelPass.results[0]!.outcomes).toMatchObject({ price_updated: 1, created: 0, edited: 0 });
    const levelledId = String(item(levelled).custitem_tts_product_id);
    expect(diff(beforeLevel, productCalls(s()))).toEqual({
      [`POST /product/202309/products/${levelledId}/prices/update`]: 1,
    });
    const levelledProduct = s().simulator.state.products.get(levelledId)!;
    expect(levelledProduct.skus[0]!.priceMinor).toBe(
      Math.round((Number(item(levelled).baseprice) + 5) * 100),
    );
    expect(levelledProduct.status).toBe('ACTIVATE');
    expect((await s().bridge.productPushOnce()).results[0]!.productCalls).toBe(0);
  });

  it('pushes nothing for a cross-border seller and blocks the shop with the reason', async () => {
    await start('CROSS_BORDER');
    const shopId = await s().connectShop();
    await sync(s());
    const catalog = buildPushCatalog(s().netsuite, {
      standalone: 2,
      matrixParents: 1,
      categories: ['601226'],
      attributes: { '601226': '{"101001": ["Cotton", "Polyester"]}' },
      prefix: 'CB',
      shopRecordId: shopRecord(shopId).id,
      imageBase64: pngOf(150, 150, 200),
    });
    exportStock(s(), shopId, sellerSkusOf(s().netsuite, catalog), 3);

    const pass = (await s().bridge.productPushOnce()).results[0]!;
    expect(pass).toMatchObject({ notAllowed: true, productCalls: 1 });
    expect(pass.outcomes.not_allowed).toBe(1);
    expect(pushedProducts(shopId, 'CB-')).toEqual([]);
    expect(String(shopRecord(shopId).fields.custrecord_tts_shop_push_block)).toMatch(/global products/);

    // Blocked: the next pass stops at NetSuite's answer, 0 TikTok calls.
    const quiet = productCalls(s());
    const again = (await s().bridge.productPushOnce()).results[0]!;
    expect(again.skipped).toMatch(/.+/);
    expect(diff(quiet, productCalls(s()))).toEqual({});
  });

  it('shows a failed audit with TikTok’s reasons, and sends a content change as one Edit Product with a new audit', async () => {
    await start('LOCAL', ['E3-S-0002']);
    const shopId = await s().connectShop();
    await sync(s());
    const catalog = buildPushCatalog(s().netsuite, {
      standalone: 2,
      matrixParents: 0,
      ...PUSH_TEE_CATEGORY,
      prefix: 'E3',
      shopRecordId: shopRecord(shopId).id,
      imageBase64: (n) => pngOf(120 + n, 120, 60),
    });
    exportStock(s(), shopId, sellerSkusOf(s().netsuite, catalog), 2);
    const [good, failing] = catalog.standaloneIds as [string, string];
    expect((await s().bridge.productPushOnce()).results[0]!.outcomes.created).toBe(2);
    time.advance(120);
    await sync(s());
    expect(item(good).custitem_tts_audit).toBe('ACTIVATE');
    expect(item(failing).custitem_tts_audit).toBe('FAILED');
    expect(String(item(failing).custitem_tts_push_msg)).toMatch(/TikTok's audit FAILED product \d+: .+Fix: /);
    expect((await s().bridge.productPushOnce()).results[0]!.productCalls).toBe(0);

    // A new title: one Edit Product, and TikTok audits the product again.
    s().netsuite.seed.service.submitFields({
      type: 'inventoryitem',
      id: Number(good),
      values: { displayname: 'E3 standalone 1, organic cotton' },
    });
    const before = productCalls(s());
    const edited = (await s().bridge.productPushOnce()).results[0]!;
    expect(edited.outcomes).toMatchObject({ edited: 1, created: 0, price_updated: 0 });
    const productId = String(item(good).custitem_tts_product_id);
    expect(diff(before, productCalls(s()))).toEqual({ [`PUT /product/202309/products/${productId}`]: 1 });
    const product = s().simulator.state.products.get(productId)!;
    expect(product).toMatchObject({ title: 'E3 standalone 1, organic cotton', status: 'PENDING' });
    expect(item(good).custitem_tts_audit).toBe('PENDING');
    time.advance(120);
    await sync(s());
    expect(item(good).custitem_tts_audit).toBe('ACTIVATE');
  });
});
