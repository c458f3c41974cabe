/**
 * Dates as NetSuite shows them with the account date format `M/D/YYYY` and time format `h:mm a`.
 *
 * The emulator keeps dates as `YYYY-MM-DD` and date-times as ISO strings. Account-format strings are
 * read and written in the server's time zone (Pacific, time/zones.ts SERVER_TIME_ZONE) unless a zone
 * is given, never in the host's.
 */
import { isDate } from '../../realm';
import { SERVER_TIME_ZONE, calendarDate, instantOfWall, utcOfParts, wallParts } from '../../time/zones';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ACCOUNT_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of the calendar day of `d` in `timeZone` (default: the server's, Pacific). */
export function isoDateOf(d: Date, timeZone: string = SERVER_TIME_ZONE): string {
  return calendarDate(d.getTime(), timeZone);
}

/** `2026-01-05` → `1/5/2026`. */
export function isoToAccountDate(iso: string): string {
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${Number(m[2])}/${Number(m[3])}/${m[1]}`;
}

/** `1/5/2026` → `2026-01-05`; `null` when the text is not a valid account-format date. */
export function accountDateToIso(text: string): string | null {
  const m = ACCOUNT_DATE.exec(text.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = Number(m[3]);
  const d = new Date(utcOfParts({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A date given as `YYYY-MM-DD`, `M/D/YYYY` or a JS Date, as `YYYY-MM-DD`; `null` if unreadable. */
export function toIsoDate(value: unknown): string | null {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? null : isoDateOf(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const iso = ISO_DATE.exec(text.slice(0, 10));
  if (iso && (text.length === 10 || text[10] === 'T')) return text.slice(0, 10);
  return accountDateToIso(text);
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Calendar parts of `d` in `timeZone` (IANA name; default the server's, Pacific). */
export function zonedParts(d: Date, timeZone: string = SERVER_TIME_ZONE): ZonedParts {
  const p = wallParts(d.getTime(), timeZone);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** `M/D/YYYY h:mm am` (with `:ss` when `seconds`), as NetSuite prints date-times. */
export function formatAccountDateTime(d: Date, options: { timeZone?: string; seconds?: boolean } = {}): string {
  const p = zonedParts(d, options.timeZone);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const ampm = p.hour < 12 ? 'am' : 'pm';
  const secs = options.seconds ? `:${pad(p.second)}` : '';
  return `${p.month}/${p.day}/${p.year} ${hour12}:${pad(p.minute)}${secs} ${ampm}`;
}

const ACCOUNT_DATETIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)$/i;

/**
 * `M/D/YYYY h:mm[:ss] am` read as wall-clock time in `timeZone` (default the server's, Pacific);
 * `null` when the text does not have that shape.
 */
export function parseAccountDateTime(text: string, timeZone: string = SERVER_TIME_ZONE): Date | null {
  const m = ACCOUNT_DATETIME.exec(text.trim());
  if (!m) {
    const dateOnly = accountDateToIso(text);
    return dateOnly ? parseAccountDateTime(`${text.trim()} 12:00 am`, timeZone) : null;
  }
  const [month, day, year, h, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  if (h < 1 || h > 12 || minute > 59 || second > 59 || !accountDateToIso(`${month}/${day}/${year}`)) return null;
  const hour = (h % 12) + ((m[7] ?? '').toLowerCase() === 'pm' ? 12 : 0);
  return new Date(instantOfWall(utcOfParts({ year, month, day, hour, minute, second, millisecond: 0 }), timeZone));
}
