import { axiosSend, type HttpSend } from '../../bridge/src/net/http-transport';
import { startSandboxStack, type SandboxStack } from '../../sandbox/src/stack';
import {
  INVENTORY_EXPORT_DEPLOYMENT_ID,
  INVENTORY_EXPORT_SCRIPT_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { assertSuiteAppBuilt } from '../support/connector-account';

/**
 * Inventory end to end (issue #14): a stock change in NetSuite → the inventory export queues it →
 * the bridge's inventory pass sends it with one Update Inventory call per TikTok product over real
 * HTTP → the TikTok simulator shows it in each linked warehouse; nothing is sent again when nothing
 * changed, and TikTok's refusals reach NetSuite's sync log with their fix and are retried.
 */
let stack: SandboxStack;
let shopId: string;
let warehouses: string[];
let crashOn: RegExp | null = null;

const send: HttpSend = (request) => {
  if (crashOn !== null && typeof request.body === 'string' && crashOn.test(request.body)) {
    return Promise.reject(new Error('bridge process crashed before the call'));
  }
  return axiosSend(request);
};

beforeEach(async () => {
  assertSuiteAppBuilt();
  crashOn = null;
  stack = await startSandboxStack({
    simulator: { seed: { shops: [{ warehouses: 2 }] } },
    bridgeDeps: { send },
  });
  shopId = await stack.connectShop();
  await stack.bridge.runWorkersOnce();
  warehouses = stack.simulator.admin
    .listWarehouses(shopId)
    .filter((w) => w.type === 'SALES_WAREHOUSE')
    .map((w) => w.id);
  const { main, east } = stack.account.locationIds;
  link(warehouses[0]!, [main]);
  link(warehouses[1]!, [east]);
});

afterEach(async () => {
  await stack.stop();
});

function link(tiktokWarehouseId: string, locations: number[]): void {
  const wh = stack.netsuite.store.findByExternalId(
    'customrecord_tts_warehouse',
    `tts_wh_${shopId}_${tiktokWarehouseId}`,
  );
  if (!wh) throw new Error(`warehouse ${tiktokWarehouseId} was not recorded in NetSuite at connect`);
  const ui = stack.netsuite.seed.ui;
  const rec = ui.load({ type: 'customrecord_tts_warehouse', id: wh.id });
  rec.setValue({ fieldId: 'custrecord_tts_wh_locations', value: locations.map(String) });
  ui.save(rec, {});
}

function exportNow(): void {
  const run = stack.netsuite.runScheduled(INVENTORY_EXPORT_SCRIPT_ID, INVENTORY_EXPORT_DEPLOYMENT_ID);
  expect(run.error).toBeNull();
}

function tiktokQuantity(sellerSku: string, warehouseId: string): number | undefined {
  return stack.simulator.admin.getInventory({ sellerSku, shopId }).find((r) => r.warehouseId === warehouseId)
    ?.quantity;
}

function logMessages(): string[] {
  return stack.netsuite.store
    .all('customrecord_tts_log')
    .map((r) => String(r.fields.custrecord_tts_log_message));
}

const SKU = 'TS-HOODIE-BLK-M';

describe('NetSuite stock → TikTok warehouses', () => {
  it('sends each linked location’s available stock, then only what changed, within one pass', async () => {
    const item = stack.account.itemIds[SKU]!;
    stack.netsuite.seed.setOnHand(item, stack.account.locationIds.east, 4);
    exportNow();
    const first = await stack.bridge.inventoryOnce();
    expect(first.failures).toEqual([]);
    expect(tiktokQuantity(SKU, warehouses[0]!)).toBe(500);
    expect(tiktokQuantity(SKU, warehouses[1]!)).toBe(4);
    expect(tiktokQuantity('TS-TOTE-NAT', warehouses[1]!)).toBe(0);
    const products = new Set(stack.simulator.admin.getInventory({ shopId }).map((r) => r.productId));
    expect(first.results[0]!.updateCalls).toBe(products.size);

    exportNow();
    const idle = await stack.bridge.inventoryOnce();
    expect(idle.results[0]!.updateCalls).toBe(0);
    expect(idle.results[0]!.pulled).toBe(0);

    stack.netsuite.seed.setOnHand(item, stack.account.locationIds.main, 42);
    exportNow();
    const changed = await stack.bridge.inventoryOnce();
    expect(changed.results[0]!.updateCalls).toBe(1);
    expect(tiktokQuantity(SKU, warehouses[0]!)).toBe(42);
    expect(tiktokQuantity(SKU, warehouses[1]!)).toBe(4);
    expect(changed.results[0]!.freshnessMs.length).toBeGreaterThan(0);
    const metrics = await stack.bridge.metrics.registry.metrics();
    expect(metrics).toMatch(/tts_bridge_inventory_pairs_total\{outcome="confirmed"\} \d+/);
    expect(metrics).toMatch(/tts_bridge_inventory_freshness_seconds_count \d+/);
  });

  it('sends nothing twice when the bridge dies before acknowledging: the next pass finds TikTok already has it', async () => {
    exportNow();
    await stack.bridge.inventoryOnce();
    stack.netsuite.seed.setOnHand(stack.account.itemIds[SKU]!, stack.account.locationIds.main, 77);
    exportNow();
    crashOn = /"action":"inventory\.ack"/;
    const crashed = await stack.bridge.inventoryOnce();
    expect(crashed.failures).toHaveLength(1);
    expect(tiktokQuantity(SKU, warehouses[0]!)).toBe(77);
    crashOn = null;
    const resumed = await stack.bridge.inventoryOnce();
    expect(resumed.failures).toEqual([]);
    expect(resumed.results[0]!.pulled).toBe(2);
    expect(resumed.results[0]!.updateCalls).toBe(0);
    expect(resumed.results[0]!.alreadyConfirmed).toBe(2);
    expect((await stack.bridge.inventoryOnce()).results[0]!.pulled).toBe(0);
  });

  it('records a product TikTok will not update as an exception with its fix, and sends it once reactivated', async () => {
    exportNow();
    await stack.bridge.inventoryOnce();
    const tote = stack.simulator.admin.getInventory({ shopId, sellerSku: 'TS-TOTE-NAT' })[0]!;
    stack.simulator.admin.setProductStatus(tote.productId, 'SELLER_DEACTIVATED');
    stack.netsuite.seed.setOnHand(stack.account.itemIds['TS-TOTE-NAT']!, stack.account.locationIds.main, 7);
    exportNow();
    const refused = await stack.bridge.inventoryOnce();
    expect(refused.results[0]!.outcomes.failed).toBeGreaterThan(0);
    const message = logMessages().find((m) => m.includes('TS-TOTE-NAT'));
    expect(message).toContain('Fix: activate the product in Seller Center');

    stack.simulator.admin.setProductStatus(tote.productId, 'ACTIVATE');
    const retried = await stack.bridge.inventoryOnce();
    expect(retried.results[0]!.outcomes.failed ?? 0).toBe(0);
    expect(tiktokQuantity('TS-TOTE-NAT', warehouses[0]!)).toBe(7);
  });

  it('says which SKU is not on TikTok when an item’s TikTok SKU names none', async () => {
    const ui = stack.netsuite.seed.ui;
    const rec = ui.load({ type: 'inventoryitem', id: stack.account.itemIds['TS-TEE-WHT-S']! });
    rec.setValue({ fieldId: 'custitem_tts_sku', value: 'TS-TEE-WHT-XS' });
    ui.save(rec, {});
    exportNow();
    const pass = await stack.bridge.inventoryOnce();
    expect(pass.results[0]!.outcomes.failed).toBe(2);
    expect(logMessages().find((m) => m.includes('TS-TEE-WHT-XS'))).toContain(
      'no TikTok product has that seller SKU',
    );
  });

  it('names a SKU deleted in TikTok and a TikTok warehouse disabled in Seller Center, each with its fix', async () => {
    exportNow();
    await stack.bridge.inventoryOnce();
    const [deleted] = stack.simulator.admin.getInventory({ shopId, sellerSku: 'TS-HOODIE-BLK-L' });
    stack.simulator.admin.deleteSku(deleted!.skuId);
    stack.simulator.admin.updateWarehouse(warehouses[1]!, { effectStatus: 'DISABLED' });
    const { main } = stack.account.locationIds;
    stack.netsuite.seed.setOnHand(stack.account.itemIds['TS-HOODIE-BLK-L']!, main, 11);
    stack.netsuite.seed.setOnHand(stack.account.itemIds['TS-TOTE-NAT']!, main, 12);
    exportNow();
    const pass = await stack.bridge.inventoryOnce();
    expect(pass.results[0]!.outcomes.failed).toBe(4);
    const log = logMessages();
    expect(log.find((m) => m.includes('TS-HOODIE-BLK-L'))).toContain('was deleted in TikTok (12052556)');
    expect(log.find((m) => m.includes('TS-TOTE-NAT'))).toContain(
      `warehouse ${warehouses[1]} is disabled in TikTok`,
    );
    expect(log.find((m) => m.includes('TS-TOTE-NAT'))).toContain(
      'Fix: enable the warehouse in Seller Center',
    );

    // The warehouse refresh records the status; the next export flags the link and leaves the warehouse out.
    expect(await stack.bridge.refreshWarehouses()).toBe(1);
    await stack.bridge.runWorkersOnce();
    exportNow();
    expect(logMessages().some((m) => m.includes('is disabled in TikTok, so no stock is sent to it'))).toBe(
      true,
    );
  });

  it('leaves the stock in NetSuite while Push inventory information to TikTok is off', async () => {
    const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`)!;
    const ui = stack.netsuite.seed.ui;
    const rec = ui.load({ type: 'customrecord_tts_shop', id: shop.id });
    rec.setValue({ fieldId: 'custrecord_tts_shop_push_inv_tts', value: false });
    ui.save(rec, {});
    stack.netsuite.seed.setOnHand(stack.account.itemIds[SKU]!, stack.account.locationIds.main, 3);
    exportNow();
    const off = await stack.bridge.inventoryOnce();
    expect(off.results[0]!.pushInventory).toBe(false);
    expect(tiktokQuantity(SKU, warehouses[0]!)).toBe(100);
  });
});
