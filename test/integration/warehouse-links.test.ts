import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/order-batch';
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
