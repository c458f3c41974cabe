import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { editRecord, editShop } from '../support/order-fidelity-kit';
import {
  INVENTORY_EXPORT_DEPLOYMENT_ID,
  INVENTORY_EXPORT_SCRIPT_ID,
  INVENTORY_PREVIEW_SUITELET_DEPLOYMENT_ID,
  INVENTORY_PREVIEW_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { US_ONEWORLD, withoutFeatures } from '../../sandbox/netsuite/src/profiles/account-profile';
import { FEATURE } from '../../sandbox/netsuite/src/profiles/features';
import type { PulledQuantity } from '../../shared-types/src/inventory/inventory-contract';

/**
 * Issue #14 items 1–4 in the emulator: the inventory export (scheduled script) computes the quantity
 * per TikTok SKU and warehouse from the linked locations' available stock minus the shop's buffer,
 * queues only what changed, serves it with `inventory.pull`, and takes TikTok's outcome with
 * `inventory.ack`; broken links and failures reach the sync log with their fix.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const LA = '7068517275539719942';
const NY = '7068517275539719943';

async function setUp(options: Parameters<typeof startConnectorAccount>[0] = {}): Promise<void> {
  world = await startConnectorAccount(options);
  const up = await world.restlet('POST', {
    action: 'warehouses.upsert',
    shopId: DEMO_SHOP.shopId,
    warehouses: [
      { id: LA, name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true },
      { id: NY, name: 'NY', type: 'SALES_WAREHOUSE', isDefault: false },
    ],
  });
  expect(up.status).toBe(200);
}

function warehouseId(tiktokId: string): number {
  const wh = world.ns.store.findByExternalId(
    'customrecord_tts_warehouse',
    `tts_wh_${DEMO_SHOP.shopId}_${tiktokId}`,
  );
  if (!wh) throw new Error('warehouse record missing');
  return wh.id;
}

function link(tiktokId: string, locations: number[]): void {
  editRecord(world, 'customrecord_tts_warehouse', warehouseId(tiktokId), {
    custrecord_tts_wh_locations: locations.map(String),
  });
}

function exportNow(): number {
  const report = world.ns.runScheduled(INVENTORY_EXPORT_SCRIPT_ID, INVENTORY_EXPORT_DEPLOYMENT_ID);
  expect(report.error).toBeNull();
  expect(report.status).toBe('COMPLETE');
  return report.units;
}

async function pull(): Promise<PulledQuantity[]> {
  const res = await world.restlet('POST', { action: 'inventory.pull', shopId: DEMO_SHOP.shopId });
  expect(res.status).toBe(200);
  return (res.body as { changes: PulledQuantity[] }).changes;
}

async function ackAll(changes: PulledQuantity[]): Promise<unknown> {
  const res = await world.restlet('POST', {
    action: 'inventory.ack',
    shopId: DEMO_SHOP.shopId,
    results: changes.map((c) => ({
      sellerSku: c.sellerSku,
      warehouseId: c.warehouseId,
      quantity: c.quantity,
      outcome: 'confirmed',
    })),
  });
  expect(res.status).toBe(200);
  return res.body;
}

const qty = (changes: PulledQuantity[], sku: string, wh: string) =>
  changes.find((c) => c.sellerSku === sku && c.warehouseId === wh)?.quantity;

/** Ticks a shop checkbox as an admin saving the record in the UI would (the shop user event runs). */
function tickInUi(fieldId: string): void {
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`)!;
  const ui = world.ns.seed.ui;
  const rec = ui.load({ type: 'customrecord_tts_shop', id: shop.id });
  rec.setValue({ fieldId, value: true });
  ui.save(rec, {});
}

function logMessages(): string[] {
  return world.ns.store.all('customrecord_tts_log').map((r) => String(r.fields.custrecord_tts_log_message));
}

describe('inventory export', () => {
  it('queues each SKU per warehouse (linked locations added up, minus the buffer), then only what changed', async () => {
    await setUp();
    const { main, east } = world.account.locationIds;
    const [sku, other] = Object.keys(world.account.itemIds);
    const item = world.account.itemIds[sku]!;
    world.ns.seed.setOnHand(item, east, 7);
    link(LA, [main, east]);
    link(NY, [east]);
    editShop(world, { custrecord_tts_shop_inv_buffer: 2 });
    const units = exportNow();
    expect(units).toBeLessThan(200);
    const first = await pull();
    expect(qty(first, sku!, LA)).toBe(500 + 7 - 2);
    expect(qty(first, sku!, NY)).toBe(5);
    expect(qty(first, other!, NY)).toBe(0);
    expect(first).toHaveLength(2 * Object.keys(world.account.itemIds).length);
    await ackAll(first);
    expect(await pull()).toEqual([]);
    exportNow();
    expect(await pull()).toEqual([]);

    world.ns.seed.setOnHand(item, east, 3);
    exportNow();
    const changed = await pull();
    expect(changed.map((c) => `${c.sellerSku}@${c.warehouseId}=${c.quantity}`).sort()).toEqual(
      [`${sku}@${LA}=501`, `${sku}@${NY}=1`].sort(),
    );
  });

  it('serves a failed pair again and logs the failure once with its fix', async () => {
    await setUp();
    link(LA, [world.account.locationIds.main]);
    exportNow();
    const [first] = await pull();
    const fail = {
      action: 'inventory.ack',
      shopId: DEMO_SHOP.shopId,
      results: [
        { ...first, outcome: 'failed', message: 'TikTok product 1 is SELLER_DEACTIVATED. Fix: activate it.' },
      ].map(({ sellerSku, warehouseId: w, quantity, outcome, message }) => ({
        sellerSku,
        warehouseId: w,
        quantity,
        outcome,
        message,
      })),
    };
    expect((await world.restlet('POST', fail)).body).toMatchObject({ ok: true, logged: 1 });
    expect((await world.restlet('POST', fail)).body).toMatchObject({ ok: true, logged: 0 });
    exportNow();
    expect((await pull()).some((c) => c.sellerSku === first!.sellerSku)).toBe(true);
    expect(logMessages().filter((m) => m.includes('SELLER_DEACTIVATED'))).toHaveLength(1);
  });

  it('flags a disabled or deleted TikTok warehouse, an inactive location and a location outside the filter, each with its fix', async () => {
    await setUp();
    const { main, east } = world.account.locationIds;
    link(LA, [main, east]);
    link(NY, [main]);
    editShop(world, { custrecord_tts_shop_loc_filter: [String(main)] });
    editRecord(world, 'customrecord_tts_warehouse', warehouseId(NY), {
      custrecord_tts_wh_status: 'DISABLED',
    });
    exportNow();
    const changes = await pull();
    expect(changes.every((c) => c.warehouseId === LA)).toBe(true);
    let log = logMessages();
    expect(log.find((m) => m.includes('is disabled in TikTok'))).toContain('Fix:');
    expect(log.find((m) => m.includes("not in the shop's Location Filter"))).toContain('Fix:');

    editShop(world, { custrecord_tts_shop_loc_filter: [] });
    editRecord(world, 'location', east, { isinactive: true });
    editRecord(world, 'customrecord_tts_warehouse', warehouseId(NY), { custrecord_tts_wh_status: 'DELETED' });
    exportNow();
    log = logMessages();
    expect(log.find((m) => m.includes('which is inactive'))).toContain('Fix:');
    expect(log.find((m) => m.includes('no longer in the shop'))).toContain('Fix:');
    const before = log.length;
    exportNow();
    expect(logMessages()).toHaveLength(before);
  });

  it('Force inventory resync queues every pair once and clears itself; Push inventory now runs the export at once', async () => {
    await setUp();
    link(LA, [world.account.locationIds.main]);
    exportNow();
    await ackAll(await pull());
    tickInUi('custrecord_tts_shop_force_inv');
    await world.ns.runQueuedTasks();
    const shop = () =>
      world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`)!;
    expect(shop().fields.custrecord_tts_shop_force_inv).toBe(false);
    expect(await pull()).toHaveLength(Object.keys(world.account.itemIds).length);

    const [sku] = Object.keys(world.account.itemIds);
    await ackAll(await pull());
    world.ns.seed.setOnHand(world.account.itemIds[sku!]!, world.account.locationIds.main, 9);
    tickInUi('custrecord_tts_shop_push_inv_now');
    await world.ns.runQueuedTasks();
    expect(shop().fields.custrecord_tts_shop_push_inv_now).toBe(false);
    expect(await pull()).toEqual([expect.objectContaining({ sellerSku: sku, warehouseId: LA, quantity: 9 })]);
  });

  it('sends the single quantity to one warehouse without Multi-Location Inventory', async () => {
    await setUp({ profile: withoutFeatures(US_ONEWORLD, FEATURE.MULTILOCINVT) });
    const { main } = world.account.locationIds;
    link(LA, [main]);
    link(NY, [main]);
    exportNow();
    const changes = await pull();
    const [sku] = Object.keys(world.account.itemIds);
    expect(qty(changes, sku!, LA)).toBeGreaterThan(0);
    expect(qty(changes, sku!, NY)).toBe(0);
    expect(logMessages().some((m) => m.includes('Without Multi-Location Inventory'))).toBe(true);
  });

  it('refuses a bad pull or ack naming the field', async () => {
    await setUp();
    const bad = await world.restlet('POST', {
      action: 'inventory.ack',
      shopId: DEMO_SHOP.shopId,
      results: [{ sellerSku: 'A' }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('results[0].warehouseId');
  });
});

describe('availability options (issue #16) in the emulator', () => {
  it('counts on order when asked, sells kits from their members, honours item buffers and flags', async () => {
    await setUp();
    const { main, east } = world.account.locationIds;
    const [sku, other, third] = Object.keys(world.account.itemIds);
    const item = world.account.itemIds[sku!]!;
    const tote = world.account.itemIds[other!]!;
    link(LA, [main]);
    link(NY, [east]);
    world.ns.seed.setOnHand(item, main, 10);
    world.ns.seed.setOnHand(tote, main, 7);
    world.ns.seed.setOnOrder(item, main, 5);
    world.ns.seed.record(
      'kititem',
      { itemid: 'GIFT-SET' },
      {
        member: [
          { item, quantity: 2 },
          { item: tote, quantity: 1 },
        ],
      },
    );
    editRecord(world, 'inventoryitem', tote, { custitem_tts_inv_buffer: '3' });
    editRecord(world, 'inventoryitem', world.account.itemIds[third!]!, { custitem_tts_no_inv_sync: true });
    exportNow();
    let changes = await pull();
    expect(qty(changes, sku!, LA)).toBe(10);
    expect(qty(changes, other!, LA)).toBe(4);
    expect(qty(changes, 'GIFT-SET', LA)).toBe(5);
    expect(qty(changes, 'GIFT-SET', NY)).toBe(0);
    expect(changes.some((c) => c.sellerSku === third)).toBe(false);
    await ackAll(changes);

    editShop(world, { custrecord_tts_shop_inv_onorder: true, custrecord_tts_shop_inv_buffer_pct: 20 });
    exportNow();
    changes = await pull();
    expect(qty(changes, sku!, LA)).toBe(12); // 10 + 5 on order = 15, 20% (3) kept back
    // The kit: min(floor(15 / 2), 7) = 7, 20% (2) kept back = 5, as before: not queued again.
    expect(qty(changes, 'GIFT-SET', LA)).toBeUndefined();
    await ackAll(changes);

    editRecord(world, 'inventoryitem', item, { isinactive: true });
    exportNow();
    changes = await pull();
    expect(qty(changes, sku!, LA)).toBe(0);
    expect(qty(changes, sku!, NY)).toBe(0);
  });
});

describe('matrix items (issue #16) in the emulator', () => {
  it('sends each child by its own SKU and never the parent', async () => {
    await setUp();
    const { main } = world.account.locationIds;
    link(LA, [main]);
    const [child, parent] = Object.keys(world.account.itemIds);
    editRecord(world, 'inventoryitem', world.account.itemIds[child!]!, {
      parent: world.account.itemIds[parent!]!,
    });
    exportNow();
    const changes = await pull();
    expect(qty(changes, child!, LA)).toBeGreaterThan(0);
    expect(changes.some((c) => c.sellerSku === parent)).toBe(false);
  });
});

describe('inventory preview (issue #16) in the emulator', () => {
  async function preview(params: Record<string, string> = {}): Promise<string> {
    const url = new URL(
      world.ns.suiteletUrl(INVENTORY_PREVIEW_SUITELET_ID, INVENTORY_PREVIEW_SUITELET_DEPLOYMENT_ID),
    );
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${world.ns.uiToken}` } });
    expect(res.status).toBe(200);
    return res.text();
  }

  it('shows per SKU and warehouse what the next export sends, by which rule, locations and buffer, and writes nothing', async () => {
    await setUp();
    const { main, east } = world.account.locationIds;
    const [sku] = Object.keys(world.account.itemIds);
    const item = world.account.itemIds[sku!]!;
    link(LA, [main, east]);
    world.ns.seed.setOnHand(item, east, 7);
    world.ns.seed.record('kititem', { itemid: 'GIFT-SET' }, { member: [{ item, quantity: 2 }] });
    editShop(world, { custrecord_tts_shop_inv_buffer: 2 });
    const files = () => world.ns.store.all('file').length;
    const before = files();
    const page = await preview({ sku: sku! });
    expect(files()).toBe(before);
    expect(page).toContain('TikTok Inventory Preview');
    expect(page).toContain(String(500 + 7 - 2));
    expect(page).toContain('Sum of available (on hand − committed) at the linked locations');
    expect(page).toContain(`(${main}), `);
    expect(page).toContain(`(${east})`);
    expect(page).toContain(`2 of ${500 + 7} available (shop&#39;s Inventory Safety Buffer)`);
    expect(page).toContain('sent at the next run');
    expect(page).not.toContain('GIFT-SET');

    const kit = await preview({ sku: 'GIFT' });
    expect(kit).toContain('Kit / item group: lowest over its members');
    expect(kit).toContain(String(Math.floor(507 / 2) - 2));

    exportNow();
    await ackAll(await pull());
    expect(await preview({ sku: sku!, changed: 'T' })).not.toContain('sent at the next run');
    expect(await preview({ sku: sku! })).toContain('unchanged (not sent again)');
  });
});
