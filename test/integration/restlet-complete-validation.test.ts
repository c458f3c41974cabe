import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';

/**
 * The connector RESTlet validates a request completely before it writes anything (issue #8, 9): a
 * value longer than its NetSuite field is refused with TTS_INVALID_REQUEST naming the field and its
 * limit (never NetSuite's own INVALID_FLD_VALUE half-way), and an order whose lines do not add up to
 * its payment is refused naming the figures, together with the valid orders of its batch.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

type ErrorBody = { error: { code: string; message: string } };

describe('connector RESTlet: complete validation before any write (emulator, real HTTP, TBA)', () => {
  it('refuses an over-long shop name with TTS_INVALID_REQUEST naming the field and its limit, and changes nothing', async () => {
    world = await startConnectorAccount();
    const before = world.ns.store.all('customrecord_tts_shop').map((r) => ({ ...r.fields }));
    for (const shopId of [DEMO_SHOP.shopId, '7494049642642441999']) {
      const res = await world.restlet('POST', {
        action: 'shop.upsert',
        shop: { ...DEMO_SHOP, shopId, name: 'Honeycomb '.repeat(31) },
      });
      expect(res.status).toBe(400);
      const { error } = res.body as ErrorBody;
      expect(error.code).toBe('TTS_INVALID_REQUEST');
      expect(error.message).toContain('shop.name: is 310 characters');
      expect(error.message).toContain('Shop Name (custrecord_tts_shop_name)');
      expect(error.message).toContain('at most 300 characters');
      expect(error.message).not.toContain('INVALID_FLD_VALUE');
    }
    expect(world.ns.store.all('customrecord_tts_shop').map((r) => ({ ...r.fields }))).toEqual(before);
  });

  it('refuses an over-long warehouse name the same way', async () => {
    world = await startConnectorAccount();
    const res = await world.restlet('POST', {
      action: 'warehouses.upsert',
      shopId: DEMO_SHOP.shopId,
      warehouses: [
        { id: '7000714532876273410', name: 'W'.repeat(301), type: 'SALES_WAREHOUSE', isDefault: true },
      ],
    });
    expect(res.status).toBe(400);
    const { error } = res.body as ErrorBody;
    expect(error.code).toBe('TTS_INVALID_REQUEST');
    expect(error.message).toContain('warehouses[0].name: is 301 characters');
    expect(error.message).toContain('TikTok Warehouse Name (custrecord_tts_wh_name)');
    expect(world.ns.store.all('customrecord_tts_warehouse')).toHaveLength(0);
  });

  it('refuses a batch holding an order whose lines do not add up to its payment, naming the figures; nothing is stored', async () => {
    world = await startConnectorAccount();
    const [good, bad] = makeOrders({ count: 2 });
    bad.line_items = bad.line_items.slice(1);
    const res = await world.restlet('POST', {
      action: 'orders.upsert',
      shopId: DEMO_SHOP.shopId,
      orders: [good, bad],
    });
    expect(res.status).toBe(400);
    const { error } = res.body as ErrorBody;
    expect(error.code).toBe('TTS_INVALID_REQUEST');
    expect(error.message).toMatch(
      /orders\[1\]\.payment\.sub_total: \d+\.\d\d USD, but the \d+ line\(s\) add up to sale_price \d+\.\d\d USD/,
    );
    expect(error.message).not.toContain('orders[0]');
    expect(world.ns.store.all('customrecord_tts_order')).toHaveLength(0);
    const ok = await world.restlet('POST', {
      action: 'orders.upsert',
      shopId: DEMO_SHOP.shopId,
      orders: [good],
    });
    expect(ok.status).toBe(200);
    expect(world.ns.store.all('customrecord_tts_order')).toHaveLength(1);
  });
});
