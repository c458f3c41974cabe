import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';

/**
 * Issue #19 in the emulator: the catalog source lists on the shop record (a disruptive switch is
 * refused until confirmed, saying what it will do) and `products.upsert` turning TikTok SKUs into
 * inventory items exactly once, linking an item that already has the SKU.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const TTS_SIDE = 'custrecord_tts_shop_catalog_tts';
const CONFIRM = 'custrecord_tts_shop_catalog_confirm';

function shopRecord(): { id: number; fields: Record<string, unknown> } {
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`);
  if (!shop) throw new Error('no shop record');
  return shop;
}

/** Saves the shop record as an admin does in the UI (user events run). */
function saveShop(texts: Record<string, string>, values: Record<string, unknown> = {}): void {
  const ui = world.ns.seed.ui;
  const rec = ui.load({ type: 'customrecord_tts_shop', id: shopRecord().id });
  for (const [fieldId, text] of Object.entries(texts)) rec.setText({ fieldId, text });
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
  ui.save(rec, {});
}

function errorOf(fn: () => void): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('no error');
}

const products = [
  {
    id: '1729500000000000100',
    title: 'Ceramic mug',
    status: 'ACTIVATE',
    skus: [
      { id: '1729500000000000111', seller_sku: 'CAT-MUG-RED' },
      { id: '1729500000000000112', seller_sku: 'CAT-MUG-BLUE' },
    ],
  },
  {
    id: '1729500000000000200',
    title: 'Tea towel',
    status: 'ACTIVATE',
    skus: [{ id: '1729500000000000211', seller_sku: 'CAT-TOWEL' }],
  },
];

async function upsertProducts(list: unknown[]): Promise<{ status: number; body: unknown }> {
  return world.restlet('POST', { action: 'products.upsert', shopId: DEMO_SHOP.shopId, products: list });
}

function itemBySkuId(
  skuId: string,
): { id: number; externalId: string | null; fields: Record<string, unknown> } | undefined {
  return world.ns.store.all('inventoryitem').find((i) => i.fields.custitem_tts_sku_id === skuId);
}

describe('catalog pull into NetSuite items', () => {
  it('answers flow_off and writes nothing until the shop pulls products from TikTok', async () => {
    world = await startConnectorAccount();
    const before = world.ns.store.all('inventoryitem').length;
    const response = await upsertProducts(products);
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('"outcome":"flow_off"');
    expect(world.ns.store.all('inventoryitem')).toHaveLength(before);
  });

  it('creates one inventory item per TikTok SKU once, links the item that has the SKU, and a re-run changes nothing', async () => {
    world = await startConnectorAccount();
    saveShop({ [TTS_SIDE]: 'Pull products from TikTok' });
    const existing = world.ns.seed.service.create({ type: 'inventoryitem' });
    existing.setValue({ fieldId: 'itemid', value: 'CAT-TOWEL' });
    const towelId = world.ns.seed.service.save(existing, {});
    const before = world.ns.store.all('inventoryitem').length;

    const first = await upsertProducts(products);
    expect(first.status).toBe(200);
    const results = (first.body as { results: { skuId: string; outcome: string; itemId: string }[] }).results;
    expect(results.map((r) => r.outcome)).toEqual(['created', 'created', 'linked']);
    expect(results[2].itemId).toBe(String(towelId));
    expect(world.ns.store.all('inventoryitem')).toHaveLength(before + 2);
    const red = itemBySkuId('1729500000000000111');
    expect(red?.fields).toMatchObject({
      itemid: 'CAT-MUG-RED',
      displayname: 'Ceramic mug',
      custitem_tts_product_id: '1729500000000000100',
    });
    expect(red?.externalId).toBe(`tts_sku_${DEMO_SHOP.shopId}_1729500000000000111`);

    const again = await upsertProducts(products);
    const outcomes = (again.body as { results: { outcome: string }[] }).results.map((r) => r.outcome);
    expect(outcomes).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(world.ns.store.all('inventoryitem')).toHaveLength(before + 2);
  });

  it('refuses a catalog source switch while items are linked until it is confirmed, then clears the confirmation', async () => {
    world = await startConnectorAccount();
    saveShop({ [TTS_SIDE]: 'Pull products from TikTok' });
    await upsertProducts(products);
    const refused = errorOf(() => saveShop({ [TTS_SIDE]: 'Push products to TikTok' }));
    expect(refused.name).toBe('TTS_CATALOG_SWITCH_UNCONFIRMED');
    expect(refused.message).toContain('3 NetSuite item(s) are linked to TikTok products');
    expect(refused.message).toContain('"Pull products from TikTok" → "Push products to TikTok"');
    expect(refused.message).toContain('tick Confirm catalog source change');
    expect(
      world.ns.seed.ui
        .load({ type: 'customrecord_tts_shop', id: shopRecord().id })
        .getText({ fieldId: TTS_SIDE }),
    ).toBe('Pull products from TikTok');

    saveShop({ [TTS_SIDE]: 'Push products to TikTok' }, { [CONFIRM]: true });
    const saved = world.ns.seed.ui.load({ type: 'customrecord_tts_shop', id: shopRecord().id });
    expect(saved.getText({ fieldId: TTS_SIDE })).toBe('Push products to TikTok');
    expect(saved.getValue({ fieldId: CONFIRM })).toBe(false);
  });
});
