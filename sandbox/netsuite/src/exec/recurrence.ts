/**
 * When a scheduled deployment's recurrence fires (times are UTC; `starttime` may carry a `Z`).
 * Supported kinds: `single`, `daily` (every `everyxdays` days) and `everyweekday` (Monday–Friday),
 * each with an optional `repeat` ISO duration (`PT15M`, `PT1H`) that repeats the run within the day
 * from the start time until midnight, and an optional `enddate`.
 */
import type { SdfRecurrence } from '../../../../suiteapp/tools/sdf-model';

const DAY_MS = 86_400_000;
export const SUPPORTED_RECURRENCE_KINDS = ['single', 'daily', 'everyweekday'] as const;

/** `PT15M` → 900000; throws on anything that is not a PTnHnMnS duration. */
export function parseRepeat(repeat: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(repeat.trim());
  const ms = m ? (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000 : 0;
  if (!m || ms <= 0)
    throw new Error(`Recurrence repeat "${repeat}" is not an ISO-8601 duration such as PT15M.`);
  return ms;
}

function startOf(rec: SdfRecurrence): number {
  const time = rec.starttime.trim().replace(/Z$/i, '');
  const t = Date.parse(`${rec.startdate}T${time.length === 5 ? `${time}:00` : time}Z`);
  if (Number.isNaN(t))
    throw new Error(`Recurrence start ${rec.startdate} ${rec.starttime} is not a valid date and time.`);
  return t;
}

/** Throws a clear error for recurrences the emulator cannot run. */
export function checkRecurrence(rec: SdfRecurrence, where: string): void {
  if (!(SUPPORTED_RECURRENCE_KINDS as readonly string[]).includes(rec.kind)) {
    throw new Error(
      `${where}: recurrence "${rec.kind}" is not supported by the emulator (supported: ${SUPPORTED_RECURRENCE_KINDS.join(', ')}).`,
    );
  }
  startOf(rec);
  if (rec.repeat !== undefined) parseRepeat(rec.repeat);
  if (
    rec.kind === 'daily' &&
    rec.everyxdays !== undefined &&
    (!Number.isInteger(rec.everyxdays) || rec.everyxdays < 1)
  ) {
    throw new Error(`${where}: everyxdays must be a whole number of days from 1, not ${rec.everyxdays}.`);
  }
}

/** The latest time at or before `at` (epoch ms) when the recurrence fires, or null if none yet. */
export function latestOccurrence(rec: SdfRecurrence, at: number): number | null {
  const start = startOf(rec);
  const endLimit = rec.enddate
    ? Date.parse(`${rec.enddate}T00:00:00Z`) + DAY_MS - 1
    : Number.POSITIVE_INFINITY;
  const t = Math.min(at, endLimit);
  if (t < start) return null;
  if (rec.kind === 'single') return start;
  const firstDay = Math.floor(start / DAY_MS);
  const offset = start - firstDay * DAY_MS;
  const repeat = rec.repeat ? parseRepeat(rec.repeat) : null;
  const every = rec.kind === 'daily' ? (rec.everyxdays ?? 1) : 1;
  const eligible = (day: number): boolean => {
    if ((day - firstDay) % every !== 0) return false;
    if (rec.kind !== 'everyweekday') return true;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  const lastIn = (day: number, limit: number): number | null => {
    const first = day * DAY_MS + offset;
    if (limit < first) return null;
    if (repeat === null) return first;
    const lastOfDay = first + Math.floor((DAY_MS - 1 - offset) / repeat) * repeat;
    return Math.min(lastOfDay, first + Math.floor((limit - first) / repeat) * repeat);
  };
  for (let day = Math.floor(t / DAY_MS); day >= firstDay; day -= 1) {
    if (!eligible(day)) continue;
    const hit = lastIn(day, t);
    if (hit !== null) return hit;
  }
  return null;
}
