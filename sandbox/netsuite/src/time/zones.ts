/**
 * Time-zone arithmetic on IANA zones through `Intl` alone, so the emulator's dates never depend on
 * the host's time zone (`TZ`): the wall-clock parts of an instant in a zone, and the instant of a
 * wall-clock time in a zone with JavaScript's rules for the hours a daylight-saving change skips
 * (the later reading: 2:30 on the spring-forward day is 3:30) or repeats (the earlier instant).
 *
 * NetSuite's server-side scripts run in Pacific time (Oracle help, N/format `format.format`: "For
 * server scripts, the string returned is based on the current time in the Pacific Time Zone.
 * Daylight Savings Time does apply."): SERVER_TIME_ZONE.
 */
export const SERVER_TIME_ZONE = 'America/Los_Angeles';

export interface WallParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock parts of instant `ms` in `zone`. */
export function wallParts(ms: number, zone: string): WallParts {
  const parts = formatter(zone).formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0';
  const yearOfEra = Number(get('year'));
  const year = get('era').startsWith('B') ? 1 - yearOfEra : yearOfEra;
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** Minutes `zone` is ahead of UTC at instant `ms` (Pacific Standard Time: −480). */
export function offsetMinutes(ms: number, zone: string): number {
  return Math.round((utcOfParts(wallParts(ms, zone)) - ms) / 60000);
}

/** The UTC milliseconds of a date holding these parts (years 0–99 kept as written, unlike Date.UTC). */
export function utcOfParts(p: Omit<WallParts, 'weekday'>): number {
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, p.millisecond);
  return d.getTime();
}

const HALF_DAY = 12 * 60 * 60 * 1000;

/**
 * The instant whose wall clock in `zone` reads `wall` (milliseconds of a UTC date holding the wall
 * parts, as `Date.UTC` builds it, overflowing parts normalised).
 */
export function instantOfWall(wall: number, zone: string): number {
  const before = wall - offsetMinutes(wall - HALF_DAY, zone) * 60000;
  const after = wall - offsetMinutes(wall + HALF_DAY, zone) * 60000;
  const valid = [...new Set([before, after])].filter((t) => t + offsetMinutes(t, zone) * 60000 === wall);
  if (valid.length) return Math.min(...valid);
  // A skipped wall time (spring forward): read with the offset before the change, it lands after it.
  return before;
}

/** `YYYY-MM-DD` of instant `ms` in `zone`. */
export function calendarDate(ms: number, zone: string): string {
  const p = wallParts(ms, zone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant of midnight starting the day `iso` (`YYYY-MM-DD`) in `zone`. */
export function midnightOf(iso: string, zone: string): number {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return instantOfWall(utcOfParts({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }), zone);
}
