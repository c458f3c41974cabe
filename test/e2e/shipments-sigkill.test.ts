import { assertBridgeBuilt } from '../chaos/bridge-process';
import type { ProcessWorld } from '../support/process-world';
import { startProcessWorld, waitUntil } from '../support/process-world';

/**
 * Issue #15 "Done when": orders shipped in TikTok Seller Center become NetSuite item fulfillments
 * exactly once across bridge restarts. The bridge runs as its own process; half the orders ship,
 * the bridge is SIGKILLed while it works on them, the other half ship while it is down (their
 * webhooks fail), it starts again on the same SQLite file: its reconciliation (Search Package from the
 * persisted cursor) and the retried webhooks bring every package to NetSuite, each exactly once.
 */
let world: ProcessWorld;

afterEach(async () => {
  await world?.stop();
});

const ORDERS = 12;

function fulfillments() {
  return world.ns.store.all('itemfulfillment');
}

it('records Seller Center shipments exactly once across a SIGKILL of the bridge', async () => {
  assertBridgeBuilt();
  world = await startProcessWorld();
  await world.bridge.start();
  // Labels are printed in Seller Center here: the connector asks for none.
  const shopId = await world.connectShop({ custrecord_tts_shop_label_when: 'Never' });
  const orders = Array.from({ length: ORDERS }, () =>
    world.sim.admin.createOrder({
      advanceTo: 'AWAITING_SHIPMENT',
      shippingType: 'TIKTOK',
      paymentMethodName: 'CCDC',
    }),
  );
  await world.sim.tick();
  await waitUntil(
    () => orders.every((o) => world.ns.store.findByExternalId('salesorder', `tts_${shopId}_${o.id}`)),
    60_000,
    'the orders to be imported',
  );
  const half = ORDERS / 2;
  const shipped = orders.slice(0, half).map((o) => world.sim.admin.shipInSellerCenter(o.id));
  await world.sim.tick();
  await waitUntil(() => fulfillments().length >= 1, 30_000, 'the first fulfillment');
  await world.bridge.kill();
  shipped.push(...orders.slice(half).map((o) => world.sim.admin.shipInSellerCenter(o.id)));
  await world.sim.tick();
  await world.bridge.start();
  await waitUntil(() => fulfillments().length >= ORDERS, 90_000, 'every shipment in NetSuite');
  // A little longer: late webhooks and jobs must not add any.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const all = fulfillments();
  expect(all).toHaveLength(ORDERS);
  expect(new Set(all.map((f) => f.externalId)).size).toBe(ORDERS);
  for (const pkg of shipped) {
    const mine = all.filter((f) => f.fields.custbody_tts_package_id === pkg.packageId);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.sublists.package?.[0]?.fields.packagetrackingnumber).toBe(pkg.trackingNumber);
  }
  expect(world.bridge.kills).toBe(1);
}, 240_000);
