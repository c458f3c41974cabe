/**
 * Date filter operands. Days are the server's (Pacific) calendar days: "today" is the Pacific date of
 * the emulator clock, a stored date starts at Pacific midnight, whatever the host's time zone.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import { ServerDate } from '../../time/zoned-date';
import { SERVER_TIME_ZONE, midnightOf, wallParts } from '../../time/zones';
import { isoDateOf, parseAccountDateTime, toIsoDate } from '../misc/datetime';

/** An inclusive day range `[from, to]` (`YYYY-MM-DD`), or an instant when the value had a time. */
export type DateOperand = { from: string; to: string; instant?: number };

/** `YYYY-MM-DD` of a calendar date given in UTC fields (overflowing days and months roll over). */
function isoOf(year: number, monthIndex: number, dayOfMonth: number): string {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, dayOfMonth);
  return d.toISOString().slice(0, 10);
}

interface Today {
  year: number;
  monthIndex: number;
  day: number;
}

function addDays(base: Today, days: number): string {
  return isoOf(base.year, base.monthIndex, base.day + days);
}

function day(isoDay: string): DateOperand {
  return { from: isoDay, to: isoDay };
}

function monthRange(year: number, monthIndex: number): DateOperand {
  return { from: isoOf(year, monthIndex, 1), to: isoOf(year, monthIndex + 1, 0) };
}

/** Relative date keywords NetSuite accepts in date filters (the common ones). */
function relative(value: string, nowDate: Date): DateOperand | null {
  const v = value.toLowerCase();
  const p = wallParts(nowDate.getTime(), SERVER_TIME_ZONE);
  const now: Today = { year: p.year, monthIndex: p.month - 1, day: p.day };
  if (v === 'today') return day(addDays(now, 0));
  if (v === 'yesterday') return day(addDays(now, -1));
  if (v === 'tomorrow') return day(addDays(now, 1));
  if (v === 'thismonth') return monthRange(now.year, now.monthIndex);
  if (v === 'lastmonth') return monthRange(now.year, now.monthIndex - 1);
  if (v === 'thisyear') return { from: `${now.year}-01-01`, to: `${now.year}-12-31` };
  if (v === 'lastyear') return { from: `${now.year - 1}-01-01`, to: `${now.year - 1}-12-31` };
  const ago = /^daysago(\d+)$/.exec(v);
  if (ago) return day(addDays(now, -Number(ago[1])));
  const ahead = /^daysfromnow(\d+)$/.exec(v);
  if (ahead) return day(addDays(now, Number(ahead[1])));
  return null;
}

/** A filter date value (`M/D/YYYY`, `M/D/YYYY h:mm am`, `YYYY-MM-DD`, ISO, or a relative keyword). */
export function parseDateOperand(value: string, clock: Clock): DateOperand | null {
  const rel = relative(value, new Date(clock.now()));
  if (rel) return rel;
  const iso = toIsoDate(value);
  if (iso) {
    const withTime = value.length > 10 && value.includes('T');
    return withTime ? { from: iso, to: iso, instant: ServerDate.parse(value) } : { from: iso, to: iso };
  }
  const dt = parseAccountDateTime(value);
  if (dt) return { from: isoDateOf(dt), to: isoDateOf(dt), instant: dt.getTime() };
  return null;
}

/** A stored date (`YYYY-MM-DD`) or date-time (ISO) as the local day and instant. */
export function storedDate(value: string): { day: string; instant: number } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { day: value, instant: midnightOf(value, SERVER_TIME_ZONE) };
  const t = new Date(ServerDate.parse(value));
  if (Number.isNaN(t.getTime())) return null;
  return { day: isoDateOf(t), instant: t.getTime() };
}
