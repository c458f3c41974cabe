import { addDays, calendarDateIn, isTimeZone, orderTimeZone, REGION_TIME_ZONE } from '../order-dates';
import { planSalesOrder } from '../../orders/order-plan';
import { REGION_CURRENCY } from '../../tiktok/region-currency';
import { order, shop } from '../../../../test/support/tiktok-order-builder';

/**
 * The shop's order dates (issue #10): TikTok's time as a calendar date of the shop's time zone, and
 * which zone that is. The same answers with the host at UTC, Pacific/Kiritimati and
 * America/Los_Angeles: suiteapp/ts/lib/mappers/__tests__/order-dates.test.ts.
 */

describe('calendarDateIn and addDays', () => {
  it("take the calendar date of the zone asked for, never the host's", () => {
    const london0030 = Date.UTC(2026, 0, 15, 0, 30) / 1000;
    expect(calendarDateIn(london0030, 'Europe/London')).toBe('2026-01-15');
    expect(calendarDateIn(london0030, 'America/Los_Angeles')).toBe('2026-01-14');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
  });
});

describe('orderTimeZone', () => {
  const where = 'open the shop';
  const zone = (
    settings: { timeZone: string | null; companyTimeZone: boolean },
    region: string | null,
    company: string | null,
  ): string => {
    const choice = orderTimeZone({ name: 'S', region }, settings, company, where);
    return choice.ok ? choice.zone : choice.problem;
  };
  const none = { timeZone: null, companyTimeZone: false };

  it("is the shop's Time Zone, else its region's, else the company's, else Pacific time", () => {
    expect(zone({ timeZone: 'Asia/Tokyo', companyTimeZone: false }, 'GB', 'America/New_York')).toBe(
      'Asia/Tokyo',
    );
    expect(zone(none, 'GB', 'America/New_York')).toBe('Europe/London');
    expect(zone(none, 'uk', null)).toBe('Europe/London');
    expect(zone(none, 'XX', 'America/New_York')).toBe('America/New_York');
    expect(zone(none, null, null)).toBe('America/Los_Angeles');
    expect(zone({ timeZone: 'Asia/Tokyo', companyTimeZone: true }, 'GB', 'America/New_York')).toBe(
      'America/New_York',
    );
  });

  it('names the fix for a zone that is not one, or a company zone NetSuite did not give', () => {
    expect(zone({ timeZone: 'London', companyTimeZone: false }, 'GB', null)).toContain(
      'has Time Zone "London", which is not an IANA time zone. Fix: open the shop, set Time Zone',
    );
    expect(zone({ timeZone: null, companyTimeZone: true }, 'GB', null)).toContain(
      "dates orders in the company's time zone, but NetSuite gave the script none",
    );
  });

  it('knows a zone for every TikTok region', () => {
    expect(Object.keys(REGION_TIME_ZONE).sort()).toEqual(Object.keys(REGION_CURRENCY).sort());
    expect(Object.values(REGION_TIME_ZONE).every(isTimeZone)).toBe(true);
    expect([isTimeZone('Mars/Olympus'), isTimeZone(''), isTimeZone(' UTC')]).toEqual([false, false, false]);
  });

  it('stops the plan with the fix when the Time Zone is not a zone', () => {
    const result = planSalesOrder(order(), {
      shop: shop({ orderOptions: { timeZone: 'PST8', platformDiscountItemId: '61' } }),
      items: { 'MUG-RED': '501' },
    });
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(['invalid_setting']);
  });
});
