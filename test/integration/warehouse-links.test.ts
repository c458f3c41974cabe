import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { editRecord, editShop, requireSalesOrder } from '../support/order-fidelity-kit';

/**
 * Issue #14 item 1 in the emulator: a TikTok warehouse record links to several NetSuite locations
 * (Linked NetSuite Locations) and names the Primary Location its orders are booked at; the bridge's
 * warehouse refresh records TikTok's status without touching the links.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const WAREHOUSE = '7068517275539719942';

async function upsertWarehouses(warehouses: unknown[]): Promise<{ status: number; body: unknown }> {
  return world.restlet('POST', { action: 'warehouses.upsert', shopId: DEMO_SHOP.shopId, warehouses });
}

function warehouseRecord(): { id: number; fields: Record<string, unknown> } {
  const wh = world.ns.store.findByExternalId(
    'customrecord_tts_warehouse',
    `tts_wh_${DEMO_SHOP.shopId}_${WAREHOUSE}`,
  );
  if (!wh) throw new Error('warehouse record missing');
  return wh;
}

function order(seed: number): TikTokOrder {
  const [base] = makeOrders({ count: 1, seed, firstOrderId: 576461413038800000n + BigInt(seed) * 100n });
  return { ...base, warehouse_id: WAREHOUSE };
}

async function importOrder(o: TikTokOrder): Promise<void> {
  const responses = await world.upsertOrders([o]);
  for (const r of responses) expect(r.status).toBe(200);
  await world.ns.runQueuedTasks();
}

describe('TikTok warehouse links', () => {
  it('records TikTok’s status on each refresh and keeps the admin’s links', async () => {
    world = await startConnectorAccount();
    await upsertWarehouses([{ id: WAREHOUSE, name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true }]);
    expect(warehouseRecord().fields.custrecord_tts_wh_status).toBe('ENABLED');
    const { main, east } = world.account.locationIds;
    editRecord(world, 'customrecord_tts_warehouse', warehouseRecord().id, {
      custrecord_tts_wh_locations: [String(main), String(east)],
    });
    const again = await upsertWarehouses([
      { id: WAREHOUSE, name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true, status: 'DISABLED' },
    ]);
    expect(again.status).toBe(200);
    expect(JSON.stringify(again.body)).toContain('"outcome":"updated"');
    expect(warehouseRecord().fields.custrecord_tts_wh_status).toBe('DISABLED');
    expect(String(warehouseRecord().fields.custrecord_tts_wh_locations)).toContain(String(east));
  });

  it('marks a warehouse gone from TikTok’s whole list DELETED, keeping its links', async () => {
    world = await startConnectorAccount();
    const OTHER = '7068517275539719950';
    await upsertWarehouses([
      { id: WAREHOUSE, name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true },
      { id: OTHER, name: 'NY', type: 'SALES_WAREHOUSE', isDefault: false },
    ]);
    const partial = await upsertWarehouses([
      { id: WAREHOUSE, name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true },
    ]);
    expect(partial.body).not.toHaveProperty('deleted');
    const whole = await world.restlet('POST', {
      action: 'warehouses.upsert',
      shopId: DEMO_SHOP.shopId,
      complete: true,
      warehouses: [{ id: WAREHOUSE, name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true }],
    });
    expect(whole.body).toMatchObject({ ok: true, deleted: [OTHER] });
    const gone = world.ns.store.findByExternalId(
      'customrecord_tts_warehouse',
      `tts_wh_${DEMO_SHOP.shopId}_${OTHER}`,
    );
    expect(gone?.fields.custrecord_tts_wh_status).toBe('DELETED');
    expect(warehouseRecord().fields.custrecord_tts_wh_status).toBe('ENABLED');
    const bad = await world.restlet('POST', {
      action: 'warehouses.upsert',
      shopId: DEMO_SHOP.shopId,
      complete: 'yes',
      warehouses: [{ id: WAREHOUSE, name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('complete');
  });

  it('suggests locations whose postal code, city or name match the TikTok warehouse, within the Location Filter', async () => {
    world = await startConnectorAccount();
    const ui = world.ns.seed.ui;
    const loc = ui.create({ type: 'location' });
    loc.setValue({ fieldId: 'name', value: 'Vernon DC' });
    loc.setValue({ fieldId: 'subsidiary', value: world.account.subsidiaryId });
    const address = loc.getSubrecord({ fieldId: 'mainaddress' });
    address.setValue({ fieldId: 'country', value: 'US' });
    address.setValue({ fieldId: 'city', value: 'Los Angeles' });
    address.setValue({ fieldId: 'zip', value: '90058' });
    const vernon = ui.save(loc, {});
    const sent = await upsertWarehouses([
      {
        id: WAREHOUSE,
        name: 'LA',
        type: 'SALES_WAREHOUSE',
        isDefault: true,
        address: { postalCode: '90058', city: 'Los Angeles', addressLine1: '1 Main St' },
      },
    ]);
    expect(sent.status).toBe(200);
    expect(String(warehouseRecord().fields.custrecord_tts_wh_suggest)).toBe(
      `Vernon DC (id ${vernon}): same postal code and city`,
    );
    expect(warehouseRecord().fields.custrecord_tts_wh_locations ?? '').toEqual(
      expect.not.stringContaining(String(vernon)),
    );
    editShop(world, { custrecord_tts_shop_loc_filter: [String(world.account.locationIds.main)] });
    await upsertWarehouses([
      {
        id: WAREHOUSE,
        name: 'LA',
        type: 'SALES_WAREHOUSE',
        isDefault: true,
        address: { postalCode: '90058', city: 'Los Angeles' },
      },
    ]);
    expect(warehouseRecord().fields.custrecord_tts_wh_suggest ?? '').toBe('');
    const bad = await upsertWarehouses([
      { id: WAREHOUSE, name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true, address: { city: 5 } },
    ]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('warehouses[0].address.city');
  });

  it('books orders at the Primary Location, else at the lowest linked location', async () => {
    world = await startConnectorAccount();
    const { main, east } = world.account.locationIds;
    await upsertWarehouses([{ id: WAREHOUSE, name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true }]);
    editShop(world, { custrecord_tts_shop_location: '' });
    editRecord(world, 'customrecord_tts_warehouse', warehouseRecord().id, {
      custrecord_tts_wh_locations: [String(Math.max(main, east)), String(Math.min(main, east))],
    });
    const lowest = order(1);
    await importOrder(lowest);
    expect(requireSalesOrder(world, lowest.id).fields.location).toBe(String(Math.min(main, east)));

    editRecord(world, 'customrecord_tts_warehouse', warehouseRecord().id, {
      custrecord_tts_wh_location: String(Math.max(main, east)),
    });
    const primary = order(2);
    await importOrder(primary);
    expect(requireSalesOrder(world, primary.id).fields.location).toBe(String(Math.max(main, east)));
  });
});
