import type { Clock } from '../../clock';
import { isoDateOf, parseAccountDateTime, toIsoDate } from '../misc/datetime';

/** An inclusive day range `[from, to]` (`YYYY-MM-DD`), or an instant when the value had a time. */
export type DateOperand = { from: string; to: string; instant?: number };

function addDays(base: Date, days: number): Date {
  const d = new Date(base.getFullYear(), base.getMonth(), base.getDate());
  d.setDate(d.getDate() + days);
  return d;
}

function day(d: Date): DateOperand {
  const iso = isoDateOf(d);
  return { from: iso, to: iso };
}

function monthRange(year: number, month: number): DateOperand {
  return { from: isoDateOf(new Date(year, month, 1)), to: isoDateOf(new Date(year, month + 1, 0)) };
}

/** Relative date keywords NetSuite accepts in date filters (the common ones). */
function relative(value: string, now: Date): DateOperand | null {
  const v = value.toLowerCase();
  if (v === 'today') return day(now);
  if (v === 'yesterday') return day(addDays(now, -1));
  if (v === 'tomorrow') return day(addDays(now, 1));
  if (v === 'thismonth') return monthRange(now.getFullYear(), now.getMonth());
  if (v === 'lastmonth') return monthRange(now.getFullYear(), now.getMonth() - 1);
  if (v === 'thisyear') return { from: `${now.getFullYear()}-01-01`, to: `${now.getFullYear()}-12-31` };
  if (v === 'lastyear') return { from: `${now.getFullYear() - 1}-01-01`, to: `${now.getFullYear() - 1}-12-31` };
  const ago = /^daysago(\d+)$/.exec(v);
  if (ago) return day(addDays(now, -Number(ago[1])));
  const ahead = /^daysfromnow(\d+)$/.exec(v);
  if (ahead) return day(addDays(now, Number(ahead[1])));
  return null;
}

/** A filter date value (`M/D/YYYY`, `M/D/YYYY h:mm am`, `YYYY-MM-DD`, ISO, or a relative keyword). */
export function parseDateOperand(value: string, clock: Clock): DateOperand | null {
  const rel = relative(value, clock.now());
  if (rel) return rel;
  const iso = toIsoDate(value);
  if (iso) {
    const withTime = value.length > 10 && value.includes('T');
    return withTime ? { from: iso, to: iso, instant: new Date(value).getTime() } : { from: iso, to: iso };
  }
  const dt = parseAccountDateTime(value);
  if (dt) return { from: isoDateOf(dt), to: isoDateOf(dt), instant: dt.getTime() };
  return null;
}

/** A stored date (`YYYY-MM-DD`) or date-time (ISO) as the local day and instant. */
export function storedDate(value: string): { day: string; instant: number } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return { day: value, instant: new Date(y, m - 1, d).getTime() };
  }
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return null;
  return { day: isoDateOf(t), instant: t.getTime() };
}
