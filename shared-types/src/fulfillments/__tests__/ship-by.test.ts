import { describeTimeLeft, isWatched, lateDispatchList, shipByOf, unixOfWallClock } from '../ship-by';

describe('ship-by deadline of a TikTok order', () => {
  it('is rts_sla_time, else tts_sla_time, and none for FBT orders', () => {
    expect(shipByOf({ rts_sla_time: 1_700_000_000, tts_sla_time: 1_700_000_500 })).toBe(1_700_000_000);
    expect(shipByOf({ tts_sla_time: 1_700_000_500 })).toBe(1_700_000_500);
    expect(shipByOf({})).toBeNull();
    expect(shipByOf({ fulfillment_type: 'FULFILLMENT_BY_TIKTOK', rts_sla_time: 1_700_000_000 })).toBeNull();
  });

  it('is watched only while there is something to ship', () => {
    const order = { rts_sla_time: 1_700_000_000 };
    expect(isWatched({ ...order, status: 'AWAITING_SHIPMENT' })).toBe(true);
    expect(isWatched({ ...order, status: 'PARTIALLY_SHIPPING' })).toBe(true);
    expect(isWatched({ ...order, status: 'AWAITING_COLLECTION' })).toBe(false);
    expect(isWatched({ ...order, status: 'CANCELLED' })).toBe(false);
    expect(isWatched({ status: 'AWAITING_SHIPMENT' })).toBe(false);
  });
});

describe('late-dispatch list', () => {
  it('sorts by time left and flags the orders past their deadline', () => {
    const rows = lateDispatchList(
      [
        { shopId: 's', orderId: '3', shipByUnix: 5_000 },
        { shopId: 's', orderId: '1', shipByUnix: 900 },
        { shopId: 's', orderId: '2', shipByUnix: 1_000 },
        { shopId: 'r', orderId: '4', shipByUnix: 5_000 },
      ],
      1_000,
    );
    expect(rows.map((r) => [r.orderId, r.secondsLeft, r.late])).toEqual([
      ['1', -100, true],
      ['2', 0, false],
      ['4', 4_000, false],
      ['3', 4_000, false],
    ]);
  });

  it('says the time left as a person reads it', () => {
    expect(describeTimeLeft(2 * 86_400 + 3 * 3_600 + 59)).toBe('2 d 3 h left');
    expect(describeTimeLeft(3_600 + 5 * 60)).toBe('1 h 5 min left');
    expect(describeTimeLeft(-(3_600 + 5 * 60))).toBe('late by 1 h 5 min');
    expect(describeTimeLeft(59)).toBe('0 min left');
  });
});

describe('a SuiteQL wall-clock time as Unix seconds', () => {
  it('reads the zone offset of that day, summer and winter', () => {
    expect(unixOfWallClock('2026-07-01 12:00:00', 'America/Los_Angeles')).toBe(
      Date.UTC(2026, 6, 1, 19) / 1000,
    );
    expect(unixOfWallClock('2026-12-05 23:59:59', 'America/Los_Angeles')).toBe(
      Date.UTC(2026, 11, 6, 7, 59, 59) / 1000,
    );
    expect(unixOfWallClock('not a time', 'UTC')).toBeNull();
  });
});
