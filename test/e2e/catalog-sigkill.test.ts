import { assertBridgeBuilt } from '../chaos/bridge-process';
import type { ProcessWorld } from '../support/process-world';
import { startProcessWorld, waitUntil } from '../support/process-world';

/**
 * Issue #19 "Done when": TikTok products pulled into NetSuite items exactly once across bridge restarts.
 * The bridge runs as its own process; products are listed in TikTok, the bridge is SIGKILLed while it
 * pulls them, more products are listed while it is down (their webhooks fail), and it starts again on
 * the same SQLite file: the catalog pass (its cursor not yet moved) and the retried webhooks bring every
 * TikTok SKU to NetSuite as exactly one item.
 */
let world: ProcessWorld;

afterEach(async () => {
  await world?.stop();
});

function linked() {
  return world.ns.store.all('inventoryitem').filter((i) => String(i.fields.custitem_tts_sku_id ?? '') !== '');
}

it('pulls every TikTok SKU into exactly one NetSuite item across a SIGKILL of the bridge', async () => {
  assertBridgeBuilt();
  // The pass the SIGKILL interrupts holds the shop's catalog key until its lease expires (an order's or
  // a shop's jobs run one at a time); a short lease, as an operator would set for fast recovery.
  world = await startProcessWorld({ jobLeaseSeconds: 15 });
  await world.bridge.start();
  const shopId = await world.connectShop();
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
  if (!shop) throw new Error('no shop record');
  const rec = world.ns.seed.service.load({ type: 'customrecord_tts_shop', id: shop.id });
  rec.setText({ fieldId: 'custrecord_tts_shop_catalog_tts', text: 'Pull products from TikTok' });
  world.ns.seed.service.save(rec, {});

  const batch = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      title: `Kill test product ${from + i}`,
      skus: (i % 5 === 0 ? ['A', 'B'] : ['A']).map((v) => ({ sellerSku: `KILL-${from + i}-${v}` })),
    }));
  world.sim.admin.createProducts({ shopId, products: batch(0, 1000) });
  await world.sim.tick();
  await waitUntil(() => linked().length >= 1, 60_000, 'the first pulled item');
  await world.bridge.kill();
  world.sim.admin.createProducts({ shopId, products: batch(1000, 100) });
  await world.sim.tick();
  await world.bridge.start();

  const skus = [...world.sim.state.products.values()]
    .filter((p) => p.shopId === shopId)
    .flatMap((p) => p.skus.map((s) => s.id));
  await waitUntil(() => linked().length >= skus.length, 120_000, 'every TikTok SKU as an item');
  // A little longer: late webhooks and passes must not add any.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const items = linked();
  expect(items).toHaveLength(skus.length);
  expect(new Set(items.map((i) => i.fields.custitem_tts_sku_id))).toEqual(new Set(skus));
}, 240_000);
