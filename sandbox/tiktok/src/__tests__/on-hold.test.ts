import { startReceiver, startTestSim, type Receiver, type TestSim } from './helpers';

/** Shops with and without ON_HOLD (TikTok's changelog "For US and UK markets: introducing ON_HOLD"). */
describe('ON_HOLD per shop', () => {
  let t: TestSim;
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTestSim({
      webhookUrl: receiver.url,
      seed: {
        shops: [
          { region: 'US' },
          { region: 'DE' },
          { region: 'US', onHold: false },
          { region: 'MY', onHold: true },
        ],
      },
    });
    t.sim.admin.issueTokens();
  });
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  const statusFlow = async (shopId: string) => {
    receiver.received.length = 0;
    const order = t.sim.admin.createOrder({ shopId });
    t.sim.admin.advanceOrder(order.id, 'pay');
    t.clock.advance(3_600_000);
    await t.sim.tick();
    const updates = receiver.received
      .map(
        (r) =>
          JSON.parse(r.body) as {
            type: number;
            data: { order_id: string; order_status: string; is_on_hold_order: boolean };
          },
      )
      .filter((n) => n.type === 1 && n.data.order_id === order.id)
      .map((n) => `${n.data.order_status}${n.data.is_on_hold_order ? ' (hold)' : ''}`);
    return { updates, order: t.sim.admin.getOrder(order.id) };
  };

  it('US and GB shops pass paid orders through ON_HOLD; others go UNPAID → AWAITING_SHIPMENT; the shop option overrides', async () => {
    const [usDefault, de, usNoHold, myHold] = t.sim.admin.shops();
    expect([usDefault?.onHold, de?.onHold, usNoHold?.onHold, myHold?.onHold]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect((await statusFlow(usDefault?.id ?? '')).updates).toEqual([
      'UNPAID (hold)',
      'ON_HOLD (hold)',
      'AWAITING_SHIPMENT (hold)',
    ]);
    for (const shop of [de, usNoHold]) {
      const { updates, order } = await statusFlow(shop?.id ?? '');
      expect(updates).toEqual(['UNPAID', 'AWAITING_SHIPMENT']);
      expect(order).toMatchObject({ status: 'AWAITING_SHIPMENT', is_on_hold_order: false });
    }
    expect((await statusFlow(myHold?.id ?? '')).updates).toContain('ON_HOLD (hold)');
  });

  it('a shop without ON_HOLD cannot be advanced to ON_HOLD', () => {
    const de = t.sim.admin.shops()[1]?.id ?? '';
    expect(() => t.sim.admin.createOrder({ shopId: de, advanceTo: 'ON_HOLD' })).toThrow(
      /has no ON_HOLD status/,
    );
    expect(t.sim.admin.listOrders(de)).toEqual([]);
  });
});
