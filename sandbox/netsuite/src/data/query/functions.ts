import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock';
import { isoDateOf, zonedParts } from '../misc/datetime';
import type { RecordReader } from '../store-types';
import { typeCode, typeText } from '../search/type-codes';

/**
 * SQL functions SuiteQL scripts use, registered on the connection: `ns_df` (behind BUILTIN.DF),
 * `ns_multi`, `ns_now`/`ns_today` (SYSDATE, CURRENT_DATE), `NVL`, `TO_DATE`, `TO_CHAR`.
 */

type SqlValue = string | number | bigint | null;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const TOKEN = /YYYY|HH24|HH|MI|SS|MM|DD/g;

/** Oracle-style `TO_CHAR(date, 'YYYY-MM-DD HH24:MI:SS')` over ISO dates and date-times. */
export function toChar(value: SqlValue, format?: string): string | null {
  if (value === null) return null;
  if (format === undefined || typeof value !== 'string') return String(value);
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = zonedParts(d);
  const parts: Record<string, string> = {
    YYYY: String(p.year),
    MM: pad(p.month),
    DD: pad(p.day),
    HH24: pad(p.hour),
    HH: pad(p.hour % 12 === 0 ? 12 : p.hour % 12),
    MI: pad(p.minute),
    SS: pad(p.second),
  };
  return format.toUpperCase().replace(TOKEN, (t) => parts[t] ?? t);
}

/** Oracle-style `TO_DATE('01/15/2026', 'MM/DD/YYYY')` → `2026-01-15` (time parts are dropped). */
export function toDate(value: SqlValue, format = 'YYYY-MM-DD'): string | null {
  if (value === null) return null;
  const order: string[] = [];
  const pattern = format
    .toUpperCase()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(TOKEN, (t) => {
      order.push(t);
      return t === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})';
    });
  const m = new RegExp(`^${pattern}$`).exec(String(value).trim());
  if (!m) return null;
  const get = (t: string): number => Number(m[order.indexOf(t) + 1] ?? 1);
  const d = new Date(get('YYYY'), get('MM') - 1, get('DD'));
  return isoDateOf(d);
}

function multiJoin(value: SqlValue): string | null {
  if (value === null) return null;
  try {
    const list: unknown = JSON.parse(String(value));
    return Array.isArray(list) ? (list.length ? list.map(String).join(', ') : null) : String(value);
  } catch {
    return String(value);
  }
}

export function registerFunctions(db: Database, reader: RecordReader, clock: Clock): void {
  db.function('ns_df', { varargs: false }, (target: SqlValue, value: SqlValue) => {
    if (value === null) return null;
    const t = String(target ?? '');
    if (t === '') return String(value);
    if (t === '@type') {
      const info = reader.types().find((i) => typeCode(i) === value);
      return info ? typeText(info) : String(value);
    }
    return String(value)
      .split(',')
      .map((id) => reader.displayText(t, id.trim()))
      .join(', ');
  });
  db.function('ns_multi', (value: SqlValue) => multiJoin(value));
  db.function('ns_now', () => clock.now().toISOString());
  db.function('ns_today', () => isoDateOf(clock.now()));
  db.function('NVL', (a: SqlValue, b: SqlValue) => (a === null || a === '' ? b : a));
  db.function('TO_CHAR', { varargs: true }, (...args: SqlValue[]) =>
    toChar(args[0] ?? null, args[1] === undefined || args[1] === null ? undefined : String(args[1])),
  );
  db.function('TO_DATE', { varargs: true }, (...args: SqlValue[]) =>
    toDate(args[0] ?? null, args[1] === undefined || args[1] === null ? undefined : String(args[1])),
  );
}
