import { checkRecurrence, latestOccurrence, parseRepeat } from '../recurrence';

const at = (iso: string): number => Date.parse(iso);
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

describe('recurrence', () => {
  it('repeats within the day from the start time, every x days', () => {
    const rec = {
      kind: 'daily',
      startdate: '2026-01-01',
      starttime: '08:00:00Z',
      everyxdays: 2,
      repeat: 'PT6H',
    };
    expect(iso(latestOccurrence(rec, at('2026-01-01T07:59:59Z')))).toBeNull();
    expect(iso(latestOccurrence(rec, at('2026-01-01T13:59:00Z')))).toBe('2026-01-01T08:00:00.000Z');
    expect(iso(latestOccurrence(rec, at('2026-01-01T23:30:00Z')))).toBe('2026-01-01T20:00:00.000Z');
    expect(iso(latestOccurrence(rec, at('2026-01-02T12:00:00Z')))).toBe('2026-01-01T20:00:00.000Z');
    expect(iso(latestOccurrence(rec, at('2026-01-03T09:00:00Z')))).toBe('2026-01-03T08:00:00.000Z');
  });

  it('runs once a day without repeat, only on weekdays for everyweekday, and stops after enddate', () => {
    const daily = { kind: 'daily', startdate: '2026-01-01', starttime: '02:30', everyxdays: 1 };
    expect(iso(latestOccurrence(daily, at('2026-01-05T01:00:00Z')))).toBe('2026-01-04T02:30:00.000Z');
    const weekdays = { kind: 'everyweekday', startdate: '2026-01-01', starttime: '09:00:00Z' };
    expect(iso(latestOccurrence(weekdays, at('2026-01-11T12:00:00Z')))).toBe('2026-01-09T09:00:00.000Z');
    const ending = {
      kind: 'daily',
      startdate: '2026-01-01',
      starttime: '09:00:00Z',
      enddate: '2026-01-03',
      repeat: 'PT1H',
    };
    expect(iso(latestOccurrence(ending, at('2026-02-01T00:00:00Z')))).toBe('2026-01-03T23:00:00.000Z');
  });

  it('validates durations and kinds', () => {
    expect(parseRepeat('PT15M')).toBe(900_000);
    expect(parseRepeat('PT1H30M')).toBe(5_400_000);
    expect(() => parseRepeat('P1D')).toThrow(/ISO-8601/);
    expect(() =>
      checkRecurrence({ kind: 'weekly', startdate: '2026-01-01', starttime: '00:00:00Z' }, 'x/y'),
    ).toThrow(/x\/y: recurrence "weekly" is not supported/);
  });
});
