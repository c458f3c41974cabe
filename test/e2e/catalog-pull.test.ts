/**
 * Pull products from TikTok end to end (issue #19) through real servers: products listed in the TikTok
 * simulator → PRODUCT_CREATION webhooks → the bridge's catalog pull (Search Products by update_time) →
 * `products.upsert` → one NetSuite inventory item per TikTok SKU, with the TikTok product and SKU ids;
 * a change whose webhook was lost is found by the poll; a re-run changes nothing; Force product
 * catalog resync re-pulls everything once and clears itself; a seller SKU used twice in TikTok is
 * refused (no item guessed) and reported.
 */
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { SandboxStack } from '../../sandbox/src/stack';
import { onSimulatedTime, simulatedTime, startE2eStack } from '../support/e2e-stack';

let stack: SandboxStack;
const time = simulatedTime();

beforeEach(async () => {
  time.reset();
  stack = await startE2eStack('catalog', onSimulatedTime(time));
});

afterEach(() => stack.stop());

const later = (seconds = 5): void => time.advance(seconds);

async function sync(): Promise<void> {
  await stack.simulator.tick();
  await stack.bridge.runWorkersOnce();
}

function shopRecord(shopId: string): StoredRecord {
  const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
  if (!shop) throw new Error('the shop is not in NetSuite');
  return shop;
}

function editShop(
  shopId: string,
  edit: { text?: Record<string, string>; value?: Record<string, unknown> },
): void {
  const rec = stack.netsuite.seed.service.load({ type: 'customrecord_tts_shop', id: shopRecord(shopId).id });
  for (const [fieldId, text] of Object.entries(edit.text ?? {})) rec.setText({ fieldId, text });
  for (const [fieldId, value] of Object.entries(edit.value ?? {})) rec.setValue({ fieldId, value });
  stack.netsuite.seed.service.save(rec, {});
}

function linkedItems(): StoredRecord[] {
  return stack.netsuite.store
    .all('inventoryitem')
    .filter((i) => typeof i.fields.custitem_tts_sku_id === 'string' && i.fields.custitem_tts_sku_id !== '');
}

function tiktokSkus(
  shopId: string,
): { productId: string; skuId: string; sellerSku: string; title: string }[] {
  return [...stack.simulator.state.products.values()]
    .filter((p) => p.shopId === shopId && p.status !== 'DELETED')
    .flatMap((p) =>
      p.skus.map((s) => ({ productId: p.id, skuId: s.id, sellerSku: s.sellerSku, title: p.title })),
    );
}

describe('Pull products from TikTok through the sandbox', () => {
  it('makes one item per TikTok SKU exactly once, follows changes, and resyncs on request', async () => {
    const shopId = await stack.connectShop();
    await sync();
    editShop(shopId, { text: { custrecord_tts_shop_catalog_tts: 'Pull products from TikTok' } });

    const multi = Array.from({ length: 10 }, (_, i) => ({
      title: `Enamel pin set ${i}`,
      skus: ['S', 'M', 'L'].map((size) => ({ sellerSku: `PIN-${i}-${size}` })),
    }));
    const single = Array.from({ length: 20 }, (_, i) => ({
      title: `Sticker ${i}`,
      skus: [{ sellerSku: `STK-${i}` }],
    }));
    stack.simulator.admin.createProducts({ shopId, products: [...multi, ...single] });
    stack.simulator.admin.createProducts({
      shopId,
      products: [
        { title: 'Twin A', skus: [{ sellerSku: 'TWIN-1' }] },
        { title: 'Twin B', skus: [{ sellerSku: 'TWIN-1' }] },
      ],
    });
    await sync();

    const skus = tiktokSkus(shopId);
    const placeable = skus.filter((s) => s.sellerSku !== 'TWIN-1');
    const items = linkedItems();
    expect(items).toHaveLength(placeable.length);
    expect(new Set(items.map((i) => i.fields.custitem_tts_sku_id)).size).toBe(items.length);
    const pinM = skus.find((s) => s.sellerSku === 'PIN-3-M')!;
    expect(items.find((i) => i.fields.custitem_tts_sku_id === pinM.skuId)?.fields).toMatchObject({
      itemid: 'PIN-3-M',
      displayname: 'Enamel pin set 3',
      custitem_tts_product_id: pinM.productId,
    });
    expect(stack.netsuite.store.all('inventoryitem').some((i) => i.fields.itemid === 'TWIN-1')).toBe(false);
    const errors = await stack.bridge.store.listRecentErrors(50);
    expect(errors.filter((e) => e.source === 'catalog.pull').map((e) => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/share this seller SKU.*Fix: make each seller SKU unique/),
      ]),
    );

    // Webhooks lost: the poll finds the new product and the renamed one.
    stack.simulator.admin.setFaults({ dropWebhookRate: 1 });
    later(60);
    const sticker = [...stack.simulator.state.products.values()].find((p) => p.title === 'Sticker 7')!;
    stack.simulator.admin.editProduct(sticker.id, { title: 'Holographic sticker 7' });
    stack.simulator.admin.createProducts({
      shopId,
      products: [{ title: 'Late mug', skus: [{ sellerSku: 'LATE-MUG' }] }],
    });
    await sync();
    expect(linkedItems()).toHaveLength(placeable.length);
    later(5);
    const polled = await stack.bridge.catalogPullOnce();
    expect(polled.failures).toEqual([]);
    expect(polled.results[0]).toMatchObject({
      full: false,
      outcomes: expect.objectContaining({ created: 1, updated: 1 }),
    });
    expect(linkedItems()).toHaveLength(placeable.length + 1);
    expect(
      linkedItems().find((i) => i.fields.custitem_tts_sku_id === sticker.skus[0].id)?.fields.displayname,
    ).toBe('Holographic sticker 7');

    // A re-run changes nothing.
    later(5);
    const before = JSON.stringify(stack.netsuite.store.all('inventoryitem'));
    const rerun = await stack.bridge.catalogPullOnce();
    expect(rerun.results[0].outcomes).toMatchObject({ created: 0, linked: 0, updated: 0 });
    expect(JSON.stringify(stack.netsuite.store.all('inventoryitem'))).toBe(before);

    // Force product catalog resync: every product once, then the box clears itself.
    editShop(shopId, { value: { custrecord_tts_shop_force_catalog: true } });
    later(5);
    const forced = await stack.bridge.catalogPullOnce();
    expect(forced.failures).toEqual([]);
    expect(forced.results[0]).toMatchObject({ full: true, windowStart: 0 });
    expect(forced.results[0].products).toBe(new Set(tiktokSkus(shopId).map((s) => s.productId)).size);
    expect(forced.results[0].outcomes).toMatchObject({ created: 0, linked: 0, updated: 0 });
    expect(shopRecord(shopId).fields.custrecord_tts_shop_force_catalog).toBe(false);
    expect(String(shopRecord(shopId).fields.custrecord_tts_shop_catalog_state)).toMatch(
      /^Last full catalog pass .*: \d+ products read; 0 items created, 0 linked, 0 updated, \d+ unchanged, 2 SKUs refused \(see the TikTok Shop SKU Audit page/,
    );
    expect(JSON.stringify(stack.netsuite.store.all('inventoryitem'))).toBe(before);
    later(5);
    expect((await stack.bridge.catalogPullOnce()).results[0].full).toBe(false);
  });

  it('reads nothing from TikTok while the shop does not pull products', async () => {
    const shopId = await stack.connectShop();
    await sync();
    stack.simulator.admin.createProducts({
      shopId,
      products: [{ title: 'Mug', skus: [{ sellerSku: 'OFF-MUG' }] }],
    });
    await sync();
    const pass = await stack.bridge.catalogPullOnce();
    expect(pass.results[0]).toMatchObject({ skipped: 'flow_off', searchCalls: 0 });
    expect(linkedItems()).toHaveLength(0);
  });
});
