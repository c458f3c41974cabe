import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { importOrders, salesOrderOf } from '../support/order-updates';

/**
 * The late-dispatch watch in NetSuite (issue #15): the import stores TikTok's ship-by deadline on the
 * sales order (TikTok Ship By, `custbody_tts_ship_by`) and marks TikTok Shipping orders; the
 * exceptions page lists the TikTok sales orders still to ship, least time left first, those past the
 * deadline flagged LATE.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

describe('late-dispatch watch on the exceptions page', () => {
  it('stores the ship-by deadline and lists the orders to ship by time left, late ones flagged', async () => {
    world = await startConnectorAccount();
    const now = Math.floor(Date.now() / 1000);
    const [a, b, c] = makeOrders({ count: 3, seed: 151, maxSkus: 1 });
    const soon = { ...a!, rts_sla_time: now + 3 * 3600, tts_sla_time: now + 3 * 3600 };
    const late = { ...b!, rts_sla_time: now - 2 * 3600, shipping_type: 'TIKTOK' as const };
    const later = { ...c!, rts_sla_time: now + 2 * 86_400 };
    await importOrders(world, [later, soon, late]);

    const shipBy = (orderId: string): number | null => {
      const value = salesOrderOf(world, orderId).fields.custbody_tts_ship_by;
      return typeof value === 'string' ? Date.parse(value) / 1000 : null;
    };
    expect(shipBy(soon.id)).toBe(soon.rts_sla_time);
    expect(shipBy(late.id)).toBe(late.rts_sla_time);
    expect(salesOrderOf(world, late.id).fields.custbody_tts_tiktok_ship).toBe(true);
    expect(salesOrderOf(world, soon.id).fields.custbody_tts_tiktok_ship ?? false).toBe(false);

    const page = await fetch(
      world.ns.suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID),
      { headers: { Authorization: `Bearer ${world.ns.uiToken}` } },
    ).then((res) => res.text());
    expect(page).toContain('Orders to ship by TikTok&#39;s deadline (3, 1 late)');
    const at = (id: string): number => page.indexOf(id);
    expect(at(late.id)).toBeGreaterThan(0);
    expect(at(late.id)).toBeLessThan(at(soon.id));
    expect(at(soon.id)).toBeLessThan(at(later.id));
    expect(page).toContain('LATE');
    expect(page).toMatch(/late by 2 h/);
    expect(page).toMatch(/1 d 23 h left|2 d 0 h left/);
  });
});
