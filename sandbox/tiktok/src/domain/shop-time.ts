/**
 * Calendar arithmetic in a shop's time zone (pure): TikTok states its fulfilment deadlines and pickup
 * slots in the market's local time and business days (US: "Cut-off: 11:59 PM PST", business days
 * "exclude Saturdays, Sundays, or U.S. federal holidays"; SEA: "by 23:59H, … working days"), so the
 * simulator computes them in the zone of the shop's region (`shared-types/src/time/order-dates.ts`), never
 * in the host's. Public holidays are not modelled: a business day is Monday to Friday.
 */
import { REGION_TIME_ZONE } from '../../../../shared-types/src/time/order-dates';

/** A wall-clock reading in a zone. `weekday`: 0 Sunday … 6 Saturday. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone of a TikTok region (UTC for a region the table does not know). */
export function zoneOfRegion(region: string): string {
  return REGION_TIME_ZONE[region] ?? 'UTC';
}

/** The wall-clock time in `zone` at Unix second `unix`. */
export function localTime(unix: number, zone: string): LocalTime {
  const parts = formatter(zone).formatToParts(new Date(unix * 1000));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  return {
    year,
    month,
    day,
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/**
 * The Unix second at which the wall clock of `zone` reads the given time (for a time skipped by a
 * daylight-saving change, the instant one offset later).
 */
export function unixAtLocal(
  zone: string,
  date: { year: number; month: number; day: number },
  hour: number,
  minute = 0,
  second = 0,
): number {
  const wanted = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second) / 1000;
  let guess = wanted;
  for (let i = 0; i < 3; i += 1) {
    const seen = localTime(guess, zone);
    const seenAsUtc =
      Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second) / 1000;
    const diff = wanted - seenAsUtc;
    if (diff === 0) break;
    guess += diff;
  }
  return guess;
}

/** A calendar date `days` after `date` (negative: before). */
export function addDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number; weekday: number } {
  const at = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    weekday: at.getUTCDay(),
  };
}

export function isBusinessDay(weekday: number): boolean {
  return weekday !== 0 && weekday !== 6;
}

/**
 * The calendar date of the `n`-th business day after the local date of `unix` (n ≥ 1; the day itself
 * does not count, as in "within 2 business days from the order date").
 */
export function nthBusinessDayAfter(
  unix: number,
  zone: string,
  n: number,
): { year: number; month: number; day: number; weekday: number } {
  let date = localTime(unix, zone) as { year: number; month: number; day: number; weekday: number };
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    if (isBusinessDay(date.weekday)) counted += 1;
  }
  return date;
}

/** 23:59:59 local time of the `n`-th business day after `unix` (TikTok's "11:59 PM" / "23:59H" cut-off). */
export function businessDayCutOff(unix: number, zone: string, n: number): number {
  return unixAtLocal(zone, nthBusinessDayAfter(unix, zone, n), 23, 59, 59);
}
