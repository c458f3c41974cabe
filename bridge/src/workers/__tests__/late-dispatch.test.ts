import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { TestClock } from '../../../../test/support/test-clock';
import { orderAt } from '../../../../test/support/tiktok-order-builder';
import { renderStatus, statusSnapshot } from '../../http/status-routes';
import { BridgeMetrics } from '../../metrics';
import { SqliteStore } from '../../store/sqlite-store';
import { dispatchObservations } from '../order-upsert';

/**
 * The bridge's late-dispatch watch (issue #15): the orders the upserts fetch are recorded with their
 * ship-by time while still to ship; the status page lists them least time left first with the late
 * ones flagged, and `tts_bridge_orders_to_ship` counts them.
 */
function order(id: string, status: TikTokOrder['status'], extra: Partial<TikTokOrder> = {}): TikTokOrder {
  return orderAt(id, 100, { status, ...extra });
}

describe('late-dispatch watch in the bridge', () => {
  it('lists the orders still to ship by time left, flags the late ones and counts them', async () => {
    const store = new SqliteStore(':memory:');
    const clock = new TestClock();
    const now = Math.floor(clock.now() / 1000);
    const orders = [
      order('101', 'AWAITING_SHIPMENT', { rts_sla_time: now + 7200 }),
      order('102', 'PARTIALLY_SHIPPING', { rts_sla_time: now - 60 }),
      order('103', 'AWAITING_COLLECTION', { rts_sla_time: now - 600 }),
      order('104', 'AWAITING_SHIPMENT', { fulfillment_type: 'FULFILLMENT_BY_TIKTOK' }),
      order('105', 'AWAITING_SHIPMENT', { tts_sla_time: now + 60 }),
    ];
    await store.observeDispatch(dispatchObservations('9', orders), clock.now());

    const snapshot = await statusSnapshot(store, clock.now());
    expect(snapshot.toShip.map((o) => [o.orderId, o.late, o.timeLeft])).toEqual([
      ['102', true, 'late by 1 min'],
      ['105', false, '1 min left'],
      ['101', false, '2 h 0 min left'],
    ]);
    expect(renderStatus(snapshot)).toMatch(/<td>LATE<\/td><td>9<\/td><td>102<\/td>/);

    // Order 102 ships: it leaves the list.
    await store.observeDispatch(
      dispatchObservations('9', [
        order('102', 'AWAITING_COLLECTION', { update_time: 200, rts_sla_time: now - 60 }),
      ]),
      clock.now(),
    );
    const metrics = new BridgeMetrics(store, { clock });
    const text = await metrics.text();
    expect(text).toContain('tts_bridge_orders_to_ship{state="late"} 0');
    expect(text).toContain('tts_bridge_orders_to_ship{state="on_time"} 2');
    await store.close();
  });
});
