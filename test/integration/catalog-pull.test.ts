import {
  SKU_AUDIT_SUITELET_DEPLOYMENT_ID,
  SKU_AUDIT_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
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

async function auditPage(): Promise<string> {
  const res = await fetch(world.ns.suiteletUrl(SKU_AUDIT_SUITELET_ID, SKU_AUDIT_SUITELET_DEPLOYMENT_ID), {
    headers: { Authorization: `Bearer ${world.ns.uiToken}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

function newItem(itemid: string, values: Record<string, unknown> = {}): number {
  const rec = world.ns.seed.service.create({ type: 'inventoryitem' });
  rec.setValue({ fieldId: 'itemid', value: itemid });
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
  return world.ns.seed.service.save(rec, {});
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

  it('the SKU audit page lists each finding with its fix, against the TikTok side of the last full pass', async () => {
    world = await startConnectorAccount();
    const before = await auditPage();
    expect(before).toContain('TikTok side not read yet');
    const twin = newItem('AUD-TWIN', { custitem_tts_sku: 'AUD-DUP' });
    const twin2 = newItem('AUD-TWIN-2', { custitem_tts_sku: 'AUD-DUP' });
    newItem('aud-case');
    const snapshot = await world.restlet('POST', {
      action: 'catalog.snapshot',
      shopId: DEMO_SHOP.shopId,
      takenAt: 1_764_000_000,
      part: 0,
      parts: 1,
      skus: [
        { productId: '1729500000000000300', skuId: '1729500000000000301', sellerSku: 'AUD-CASE' },
        { productId: '1729500000000000300', skuId: '1729500000000000302', sellerSku: 'AUD-NONE' },
        { productId: '1729500000000000400', skuId: '1729500000000000401', sellerSku: 'AUD-NONE' },
      ],
    });
    expect(snapshot.status).toBe(200);
    const page = await auditPage();
    expect(page).toContain('TikTok side: 3 SKUs as read on 2025-11-24T16:00:00.000Z');
    expect(page).toContain('Duplicate SKU in NetSuite');
    expect(page).toContain(`items ${twin}, ${twin2}`);
    expect(page).toContain('Duplicate seller SKU in TikTok');
    expect(page).toContain('TikTok SKU without a NetSuite item');
    expect(page).toContain('Differs only by case or spaces');
    expect(page).toContain('Marked item without a TikTok SKU');
    expect(page).toContain('Give each TikTok SKU its own seller SKU in TikTok Seller Center.');

    const bad = await world.restlet('POST', {
      action: 'catalog.snapshot',
      shopId: DEMO_SHOP.shopId,
      takenAt: 1,
      part: 1,
      parts: 1,
      skus: [],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('part 1 of 1: parts count from 0 to parts - 1');
  });

  it('NetSuite refuses an inventory item without Item Name/Number, as the emulator enforces its required fields', async () => {
    world = await startConnectorAccount();
    const rec = world.ns.seed.service.create({ type: 'inventoryitem' });
    rec.setValue({ fieldId: 'displayname', value: 'No name' });
    expect(errorOf(() => world.ns.seed.service.save(rec, {})).message).toMatch(
      /Please enter value\(s\) for: Item Name\/Number/,
    );
  });

  it('links a kit (a TikTok virtual bundle’s own SKU) that has the seller SKU, without creating an item', async () => {
    world = await startConnectorAccount();
    saveShop({ [TTS_SIDE]: 'Pull products from TikTok' });
    const items = world.account.itemIds;
    const member = Object.values(items)[0];
    const kitId = world.ns.seed.record(
      'kititem',
      { itemid: 'CAT-KIT-1' },
      { member: [{ item: member, quantity: 2 }] },
    );
    const before = world.ns.store.all('inventoryitem').length;
    const response = await upsertProducts([
      {
        id: '1729500000000000500',
        title: 'Gift set',
        status: 'ACTIVATE',
        skus: [{ id: '1729500000000000501', seller_sku: 'CAT-KIT-1' }],
      },
    ]);
    expect((response.body as { results: unknown[] }).results).toEqual([
      expect.objectContaining({ outcome: 'linked', itemId: String(kitId) }),
    ]);
    expect(world.ns.store.get('kititem', kitId)?.fields).toMatchObject({
      custitem_tts_sku_id: '1729500000000000501',
      custitem_tts_product_id: '1729500000000000500',
      displayname: 'Gift set',
    });
    expect(world.ns.store.all('inventoryitem')).toHaveLength(before);
  });
});
