import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { shipByTimes } from '../domain/ship-by';
import type { TikTokSimulatorOptions } from '../simulator';
import {
  authorizeOverHttp,
  call,
  startReceiver,
  startTestSim,
  type CallOptions,
  type Receiver,
  type TestSim,
  type ShopRef,
  shopRefs,
} from './helpers';

const at = (iso: string) => Date.parse(iso) / 1000;
const iso = (unix: number | undefined) =>
  unix === undefined ? undefined : new Date(unix * 1000).toISOString();
const isoTimes = (times: object) =>
  Object.fromEntries(Object.entries(times).map(([k, v]) => [k, iso(v as number)]));

describe('ship-by deadlines as TikTok states them, and auto-cancel of orders left unshipped (domain/ship-by.ts)', () => {
  it('US: dispatch by 23:59 Pacific of the handling time, cancel after 7 business days, deliver within 6', () => {
    // Thursday 2026-01-15 04:00 in Los Angeles.
    expect(isoTimes(shipByTimes(at('2026-01-15T12:00:00Z'), 'US', 2))).toEqual({
      rts_sla_time: '2026-01-20T07:59:59.000Z',
      tts_sla_time: '2026-01-20T07:59:59.000Z',
      shipping_due_time: '2026-01-27T07:59:59.000Z',
      cancel_order_sla_time: '2026-01-27T07:59:59.000Z',
      delivery_sla_time: '2026-01-24T07:59:59.000Z',
    });
    expect(iso(shipByTimes(at('2026-01-15T12:00:00Z'), 'US', 1).rts_sla_time)).toBe(
      '2026-01-17T07:59:59.000Z',
    );
    // Custom handling of 5 days: cancel 4 business days after the dispatch deadline, deliver within 10.
    expect(isoTimes(shipByTimes(at('2026-01-15T12:00:00Z'), 'US', 5))).toMatchObject({
      rts_sla_time: '2026-01-23T07:59:59.000Z',
      shipping_due_time: '2026-01-29T07:59:59.000Z',
      delivery_sla_time: '2026-01-30T07:59:59.000Z',
    });
    // London: the same rules in the shop's zone.
    expect(iso(shipByTimes(at('2026-01-15T12:00:00Z'), 'GB', 2).rts_sla_time)).toBe(
      '2026-01-19T23:59:59.000Z',
    );
  });

  it('SEA: hand over the same working day before 14:00, else the next; cancel after 2 working days, uncollected after 3', () => {
    // 20:00 in Kuala Lumpur (UTC+8): handover by Friday 23:59.
    expect(isoTimes(shipByTimes(at('2026-01-15T12:00:00Z'), 'MY', 2))).toEqual({
      rts_sla_time: '2026-01-16T15:59:59.000Z',
      tts_sla_time: '2026-01-16T15:59:59.000Z',
      shipping_due_time: '2026-01-19T15:59:59.000Z',
      cancel_order_sla_time: '2026-01-19T15:59:59.000Z',
      collection_due_time: '2026-01-20T15:59:59.000Z',
    });
    // 10:00 local: the same day.
    expect(iso(shipByTimes(at('2026-01-15T02:00:00Z'), 'MY', 2).rts_sla_time)).toBe(
      '2026-01-15T15:59:59.000Z',
    );
    // Saturday 10:00: the next working day is Monday.
    expect(iso(shipByTimes(at('2026-01-17T02:00:00Z'), 'MY', 2).rts_sla_time)).toBe(
      '2026-01-19T15:59:59.000Z',
    );
  });

  describe('on the simulated clock', () => {
    let t: TestSim;
    let receiver: Receiver;
    let token: string;
    let us: ShopRef;
    let gb: ShopRef;
    let my: ShopRef;

    const start = async (options: TikTokSimulatorOptions = {}) => {
      receiver = await startReceiver();
      t = await startTestSim({
        webhookUrl: receiver.url,
        tokenLifetimeSeconds: 365 * 86_400,
        seed: {
          inventoryPerWarehouse: 1000,
          shops: [{ region: 'US', handlingDays: 1 }, { region: 'GB' }, { region: 'MY' }],
        },
        ...options,
      });
      token = (await authorizeOverHttp(t)).access_token;
      [us, gb, my] = shopRefs(t) as [ShopRef, ShopRef, ShopRef];
    };
    afterEach(async () => {
      await t.sim.stop();
      await receiver.close();
    });

    const api = (shop: ShopRef, opts: Omit<CallOptions, 'token' | 'cipher'>) =>
      call(t, { ...opts, token, cipher: shop.cipher });
    const detail = async (shop: ShopRef, orderId: string) => {
      const { json } = await api(shop, { path: '/order/202309/orders', query: { ids: orderId } });
      return (json.data as { orders: (TikTokOrder & Record<string, unknown>)[] }).orders[0] as TikTokOrder &
        Record<string, unknown>;
    };
    const order = (shopId: string, quantity = 1, extra: { fbt?: boolean } = {}) =>
      t.sim.admin.createOrder({
        shopId,
        skus: [{ sellerSku: 'TS-TEE-WHT-M', quantity }],
        advanceTo: 'AWAITING_SHIPMENT',
        ...extra,
      });
    const until = async (isoTime: string) => t.sim.admin.advanceClock(Date.parse(isoTime) - t.clock.now());

    it('shows the deadlines in order detail and cancels what is still unshipped at shipping_due_time', async () => {
      await start();
      const idle = order(us.id);
      const shipped = order(us.id);
      const partly = order(us.id, 2);
      const fbt = order(us.id, 1, { fbt: true });
      const shown = await detail(us, idle.id);
      expect(
        isoTimes({
          rts: shown.rts_sla_time,
          due: shown.shipping_due_time,
          cancel: shown.cancel_order_sla_time,
        }),
      ).toEqual({
        rts: '2026-01-17T07:59:59.000Z',
        due: '2026-01-27T07:59:59.000Z',
        cancel: '2026-01-27T07:59:59.000Z',
      });
      expect(await detail(us, fbt.id)).not.toHaveProperty('rts_sla_time');
      const ups = '1Z999AA10123456784';
      const providers = (
        (
          await api(us, {
            path: `/logistics/202309/delivery_options/${idle.delivery_option_id}/shipping_providers`,
          })
        ).json.data as { shipping_providers: { id: string; name: string }[] }
      ).shipping_providers;
      const upsId = providers.find((p) => p.name === 'UPS')?.id;
      await api(us, {
        method: 'POST',
        path: `/fulfillment/202309/orders/${shipped.id}/packages`,
        body: { tracking_number: ups, shipping_provider_id: upsId },
      });
      const [kept, dropped] = partly.line_items.map((l) => l.id) as [string, string];
      await api(us, {
        method: 'POST',
        path: `/fulfillment/202309/orders/${partly.id}/packages`,
        body: {
          tracking_number: '1Z999AA10123456785',
          shipping_provider_id: upsId,
          order_line_item_ids: [kept],
        },
      });

      // Past the dispatch deadline the order is late but still open.
      await until('2026-01-27T07:59:58Z');
      expect((await detail(us, idle.id)).status).toBe('AWAITING_SHIPMENT');
      t.sim.admin.clearDeliveries();
      await t.sim.admin.advanceClock(1000);

      const cancelled = await detail(us, idle.id);
      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        cancellation_initiator: 'SYSTEM',
        cancel_reason: 'Automatically cancelled due to collection time out',
        cancel_time: at('2026-01-27T07:59:59Z'),
      });
      const afterPartly = await detail(us, partly.id);
      expect(afterPartly.status).toBe('AWAITING_COLLECTION');
      expect(afterPartly.line_items.find((l) => l.id === dropped)?.display_status).toBe('CANCELLED');
      expect((await detail(us, shipped.id)).status).toBe('AWAITING_COLLECTION');
      expect((await detail(us, fbt.id)).status).not.toBe('CANCELLED');

      const search = await api(us, {
        method: 'POST',
        path: '/return_refund/202309/cancellations/search',
        query: { page_size: '50' },
        body: { order_ids: [idle.id] },
      });
      expect((search.json.data as { cancellations: Record<string, unknown>[] }).cancellations).toEqual([
        expect.objectContaining({
          cancel_type: 'CANCEL',
          role: 'SYSTEM',
          cancel_reason: 'system_cancel_order_reason_shipping_timeout',
          cancel_status: 'CANCELLATION_REQUEST_COMPLETE',
        }),
      ]);
      await t.sim.tick();
      const statuses = t.sim.admin
        .deliveries({ eventType: 'ORDER_STATUS_CHANGE' })
        .map((d) => (JSON.parse(d.body) as { data: { order_id: string; order_status: string } }).data)
        .map(
          (d) =>
            `${d.order_id === idle.id ? 'idle' : d.order_id === partly.id ? 'partly' : d.order_id}:${d.order_status}`,
        );
      expect(statuses.sort()).toEqual(['idle:CANCELLED', 'partly:AWAITING_COLLECTION']);
      expect(t.sim.admin.deliveries({ eventType: 'CANCELLATION_STATUS_CHANGE' })).toHaveLength(2);
    });

    it('GB uses the _uk reason; SEA cancels packages left uncollected past collection_due_time', async () => {
      await start();
      const late = order(gb.id);
      const sea = order(my.id);
      t.sim.admin.shipInSellerCenter(sea.id, {
        trackingNumber: 'JT0001234567',
        shippingProviderName: 'J&T Express',
      });
      await until('2026-01-20T16:00:00Z');
      expect(await detail(gb, late.id)).toMatchObject({ status: 'AWAITING_SHIPMENT' });
      await until('2026-01-27T00:00:00Z');
      expect(t.sim.admin.listCancellations(gb.id)).toEqual([
        expect.objectContaining({
          role: 'SYSTEM',
          cancelReason: 'system_cancel_order_reason_shipping_timeout_uk',
        }),
      ]);
      expect(await detail(my, sea.id)).toMatchObject({
        status: 'CANCELLED',
        cancellation_initiator: 'SYSTEM',
      });
      expect(t.sim.admin.getPackage(sea.packages?.[0]?.id ?? '').status).toBe('CANCELLED');
    });

    it('without auto-cancel the deadlines are shown and the order stays open', async () => {
      await start({ shipByAutoCancel: false });
      const idle = order(us.id);
      await t.sim.admin.advanceClock(30 * 86_400_000);
      expect(await detail(us, idle.id)).toMatchObject({
        status: 'AWAITING_SHIPMENT',
        shipping_due_time: at('2026-01-27T07:59:59Z'),
      });
    });
  });
});
