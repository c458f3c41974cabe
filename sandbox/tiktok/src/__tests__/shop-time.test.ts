import { businessDayCutOff, localTime, nthBusinessDayAfter, unixAtLocal } from '../domain/shop-time';

const at = (iso: string) => Date.parse(iso) / 1000;
const iso = (unix: number) => new Date(unix * 1000).toISOString();

describe('shop time: business days and cut-offs in the shop zone, whatever the host zone', () => {
  it('counts business days after the local date, skipping weekends', () => {
    // Thursday 2026-01-15 in Los Angeles: the 2nd business day after is Monday the 19th.
    expect(nthBusinessDayAfter(at('2026-01-15T20:00:00Z'), 'America/Los_Angeles', 2)).toMatchObject({
      year: 2026,
      month: 1,
      day: 19,
      weekday: 1,
    });
    // 02:00 UTC Friday is still Thursday evening in Los Angeles.
    expect(localTime(at('2026-01-16T02:00:00Z'), 'America/Los_Angeles')).toMatchObject({
      day: 15,
      weekday: 4,
    });
    // A Saturday order: Monday is the first business day.
    expect(nthBusinessDayAfter(at('2026-01-17T18:00:00Z'), 'Asia/Tokyo', 1)).toMatchObject({ day: 19 });
  });

  it('puts the 23:59:59 cut-off in the zone, across daylight-saving changes', () => {
    expect(iso(businessDayCutOff(at('2026-01-15T20:00:00Z'), 'America/Los_Angeles', 2))).toBe(
      '2026-01-20T07:59:59.000Z',
    );
    // US daylight saving starts 2026-03-08: Monday the 9th ends at 06:59:59 UTC the next day (PDT).
    expect(iso(businessDayCutOff(at('2026-03-06T20:00:00Z'), 'America/Los_Angeles', 1))).toBe(
      '2026-03-10T06:59:59.000Z',
    );
    expect(iso(unixAtLocal('Europe/London', { year: 2026, month: 7, day: 1 }, 9))).toBe(
      '2026-07-01T08:00:00.000Z',
    );
  });
});
