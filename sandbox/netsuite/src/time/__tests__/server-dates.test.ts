import { ServerDate, zonedDateClass, zonedIntl } from '../zoned-date';
import {
  SERVER_TIME_ZONE,
  calendarDate,
  instantOfWall,
  midnightOf,
  offsetMinutes,
  utcOfParts,
} from '../zones';
import { probe } from './date-probe';
import { EXPECTED_DATE_REPORT } from './expected-report';

/**
 * Scripts run in Pacific time whatever the host's time zone: the realm's Date and Intl, date fields
 * stored as the Pacific calendar date and read back at Pacific midnight, N/format in the server's and
 * the user's zones. This file checks it in this process (any host zone); host-zones.test.ts runs the
 * same probe under UTC, Pacific/Kiritimati and America/Los_Angeles.
 */
describe('server time (Pacific) in the emulator', () => {
  it('reports what NetSuite servers do, in this host zone', () => {
    expect(probe()).toEqual(EXPECTED_DATE_REPORT);
  });

  it('reads wall-clock times of skipped and repeated hours as JavaScript does', () => {
    const wall = (h: number, mi: number, month = 3, day = 8) =>
      utcOfParts({ year: 2026, month, day, hour: h, minute: mi, second: 0, millisecond: 0 });
    // 2026-03-08 02:30 does not exist in Pacific time: it reads as 03:30 PDT.
    expect(new Date(instantOfWall(wall(2, 30), SERVER_TIME_ZONE)).toISOString()).toBe(
      '2026-03-08T10:30:00.000Z',
    );
    // 2026-11-01 01:30 happens twice: the earlier (PDT) instant.
    expect(new Date(instantOfWall(wall(1, 30, 11, 1), SERVER_TIME_ZONE)).toISOString()).toBe(
      '2026-11-01T08:30:00.000Z',
    );
    expect([
      offsetMinutes(Date.UTC(2026, 0, 1), SERVER_TIME_ZONE),
      offsetMinutes(Date.UTC(2026, 6, 1), SERVER_TIME_ZONE),
    ]).toEqual([-480, -420]);
    expect(calendarDate(Date.UTC(2026, 0, 15, 7, 59), SERVER_TIME_ZONE)).toBe('2026-01-14');
    expect(new Date(midnightOf('2026-07-04', SERVER_TIME_ZONE)).toISOString()).toBe(
      '2026-07-04T07:00:00.000Z',
    );
  });

  it('makes Date classes for other zones too, with the Date API scripts use', () => {
    const LondonDate = zonedDateClass('Europe/London');
    const d = new LondonDate(2026, 5, 30, 23, 30);
    expect(d.toISOString()).toBe('2026-06-30T22:30:00.000Z');
    expect([d.getDate(), d.getHours(), d.getTimezoneOffset(), d instanceof Date]).toEqual([
      30,
      23,
      -60,
      true,
    ]);
    d.setDate(d.getDate() + 1);
    expect(d.toISOString()).toBe('2026-07-01T22:30:00.000Z');
    expect(String(new LondonDate('2026-01-15T00:30:00'))).toBe(
      'Thu Jan 15 2026 00:30:00 GMT+0000 (Greenwich Mean Time)',
    );
    expect(LondonDate.parse('2026-07-01T09:00:00+02:00')).toBe(Date.UTC(2026, 6, 1, 7));
    expect(Number.isNaN(new ServerDate('not a date').getTime())).toBe(true);
    expect(new ServerDate(Number.NaN).getDate()).toBeNaN();
    expect(
      new (zonedIntl('Asia/Tokyo').DateTimeFormat)('en-US', { hour: 'numeric', hourCycle: 'h23' }).format(
        new Date(Date.UTC(2026, 0, 1, 0)),
      ),
    ).toBe('09');
  });
});
