import { authorizeOverHttp, startReceiver, startTestSim, type Receiver, type TestSim } from './helpers';

interface Notification {
  type: number;
  shop_id: string;
  timestamp: number;
  data: Record<string, unknown>;
}

const DAY = 86_400_000;

describe('webhook types 3 (RECIPIENT_ADDRESS_UPDATE) and 7 (UPCOMING_AUTHORIZATION_EXPIRATION)', () => {
  let t: TestSim;
  let receiver: Receiver;
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });
  const received = async (type: number) => {
    await t.sim.tick();
    return receiver.received.map((r) => JSON.parse(r.body) as Notification).filter((n) => n.type === type);
  };

  it('a buyer address change updates the order and sends type 3 with order_id and update_time', async () => {
    receiver = await startReceiver();
    t = await startTestSim({ webhookUrl: receiver.url });
    t.sim.admin.issueTokens();
    const order = t.sim.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT' });
    t.clock.advance(60_000);
    const changed = t.sim.admin.updateRecipientAddress(order.id);
    expect(changed.has_updated_recipient_address).toBe(true);
    expect(changed.recipient_address?.address_line1).toBe('77 New Street');
    expect(changed.recipient_address?.full_address).toContain('77 New Street');
    expect(changed.update_time).toBe(order.update_time + 60);
    const [notice, ...more] = await received(3);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      shop_id: t.sim.admin.shops()[0]?.id,
      data: { order_id: order.id, update_time: changed.update_time },
    });
    expect(Object.keys(notice?.data ?? {})).toEqual(['order_id', 'update_time']);
    t.sim.admin.advanceOrder(order.id, 'ship');
    expect(() => t.sim.admin.updateRecipientAddress(order.id)).toThrow(/Cannot change the address/);
  });

  it('sends type 7 from 30 days before the authorization expires, daily at 0:00, until the seller authorizes again', async () => {
    receiver = await startReceiver();
    t = await startTestSim({ webhookUrl: receiver.url, refreshTokenLifetimeSeconds: 40 * 86_400 });
    const grant = await authorizeOverHttp(t);
    const shopId = t.sim.admin.shops()[0]?.id ?? '';
    await t.sim.admin.advanceClock(10 * DAY - 1000);
    expect(await received(7)).toEqual([]);
    await t.sim.admin.advanceClock(1000);
    const [first] = await received(7);
    expect(first).toEqual(
      expect.objectContaining({
        shop_id: shopId,
        data: {
          message: `Authorization of shop_id ${shopId} is expiring in 30 days. Please direct the merchant to re-authorize.`,
          expiration_time: String(grant.refresh_token_expire_in),
        },
      }),
    );
    // START is 12:00 UTC: the next notice comes at the following midnight, then one a day.
    await t.sim.admin.advanceClock(12 * 3_600_000);
    await t.sim.admin.advanceClock(DAY);
    const notices = await received(7);
    expect(notices.map((n) => new Date(n.timestamp * 1000).toISOString().slice(11, 19))).toEqual([
      '12:00:00',
      '00:00:00',
      '00:00:00',
    ]);
    await authorizeOverHttp(t, 'csrf-again');
    await t.sim.admin.advanceClock(3 * DAY);
    expect(await received(7)).toHaveLength(3);
  });

  it('a refreshed token expires with the authorization, not later', async () => {
    receiver = await startReceiver();
    t = await startTestSim({ refreshTokenLifetimeSeconds: 40 * 86_400 });
    const grant = await authorizeOverHttp(t);
    t.clock.advance(5 * DAY);
    const url = new URL(`${t.sim.authBaseUrl}/api/v2/token/refresh`);
    url.search = new URLSearchParams({
      app_key: t.sim.app.appKey,
      app_secret: t.sim.app.appSecret,
      refresh_token: grant.refresh_token,
      grant_type: 'refresh_token',
    }).toString();
    const renewed = (await (await fetch(url)).json()) as { data: { refresh_token_expire_in: number } };
    expect(renewed.data.refresh_token_expire_in).toBe(grant.refresh_token_expire_in);
  });
});
