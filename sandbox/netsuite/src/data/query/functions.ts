/**
 * SQL functions SuiteQL scripts use, registered on the connection: `ns_df` (behind BUILTIN.DF),
 * `ns_multi`, `ns_now`/`ns_today` (SYSDATE, CURRENT_DATE), `NVL`, `TO_DATE`, `TO_CHAR`.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../../../shared-types/src/time/clock';
import { ServerDate } from '../../time/zoned-date';
import { SERVER_TIME_ZONE, midnightOf } from '../../time/zones';
import { isoDateOf, zonedParts } from '../misc/datetime';
import type { RecordReader } from '../store-types';
import { typeCode, typeText } from '../search/type-codes';

/**
 * The display texts BUILTIN.DF answers with. SQLite runs `ns_df` while the query's statement is
 * executing, and the connection cannot run another statement then ("This database connection is
 * busy executing a query"), so `ns_df` never reads records itself: it answers from texts read before
 * the statement ran, and notes the ones it lacked. `resolve(run)` runs the statement, reads the
 * missing texts once it has finished, and runs it again until nothing was missing (a DF in a WHERE
 * clause or ORDER BY then sees its real text).
 */
export class DisplayTexts {
  private readonly known = new Map<string, string>();
  private readonly missing = new Set<string>();

  constructor(private readonly reader: RecordReader) {}

  /** The display text of `id` in `target`, or undefined (noted as missing) when not read yet. */
  lookup(target: string, id: string): string | undefined {
    const key = `${target}\u0000${id}`;
    const text = this.known.get(key);
    if (text === undefined) this.missing.add(key);
    return text;
  }

  /** Runs `statement` until every display text it asked for is known; texts are read afresh per call. */
  resolve<T>(statement: () => T): T {
    this.known.clear();
    for (let pass = 0; pass < MAX_DF_PASSES; pass += 1) {
      this.missing.clear();
      const result = statement();
      if (this.missing.size === 0) return result;
      for (const key of this.missing) {
        const [target = '', id = ''] = key.split('\u0000');
        this.known.set(key, this.reader.displayText(target, id));
      }
    }
    throw new Error(`BUILTIN.DF still lacked display texts after ${MAX_DF_PASSES} passes over the query.`);
  }
}

/** A DF over values that themselves come from DF texts would need more passes; queries need at most two. */
const MAX_DF_PASSES = 4;

/** `SalesOrd:B` → `Sales Order : Pending Fulfillment`, as BUILTIN.DF shows a transaction status. */
function statusText(reader: RecordReader, code: string): string {
  const [typeCodeOf = '', letter = ''] = code.split(':');
  const info = reader.types().find((i) => i.transactionType === typeCodeOf);
  if (!info) return code;
  const label = info.fields['status']?.listLabels?.[letter] ?? letter;
  return `${typeText(info)} : ${label}`;
}

type SqlValue = string | number | bigint | null;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const TOKEN = /YYYY|HH24|HH|MI|SS|MM|DD/g;

/** Oracle-style `TO_CHAR(date, 'YYYY-MM-DD HH24:MI:SS')` over ISO dates and date-times. */
export function toChar(value: SqlValue, format?: string): string | null {
  if (value === null) return null;
  if (format === undefined || typeof value !== 'string') return String(value);
  // Server time (Pacific): a date is its own midnight, a date-time is shown at its Pacific wall clock.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? midnightOf(value, SERVER_TIME_ZONE) : ServerDate.parse(value));
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
  const d = new Date(0);
  d.setUTCFullYear(get('YYYY'), get('MM') - 1, get('DD'));
  return d.toISOString().slice(0, 10);
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

export function registerFunctions(db: Database, reader: RecordReader, clock: Clock, texts: DisplayTexts): void {
  db.function('ns_df', { varargs: false }, (target: SqlValue, value: SqlValue) => {
    if (value === null) return null;
    const t = String(target ?? '');
    if (t === '') return String(value);
    if (t === '@type') {
      const info = reader.types().find((i) => typeCode(i) === value);
      return info ? typeText(info) : String(value);
    }
    if (t === '@status') return statusText(reader, String(value));
    const parts = String(value)
      .split(',')
      .map((id) => texts.lookup(t, id.trim()));
    return parts.some((p) => p === undefined) ? null : parts.join(', ');
  });
  db.function('ns_multi', (value: SqlValue) => multiJoin(value));
  db.function('ns_now', () => new Date(clock.now()).toISOString());
  db.function('ns_today', () => isoDateOf(new Date(clock.now())));
  db.function('NVL', (a: SqlValue, b: SqlValue) => (a === null || a === '' ? b : a));
  db.function('TO_CHAR', { varargs: true }, (...args: SqlValue[]) =>
    toChar(args[0] ?? null, args[1] === undefined || args[1] === null ? undefined : String(args[1])),
  );
  db.function('TO_DATE', { varargs: true }, (...args: SqlValue[]) =>
    toDate(args[0] ?? null, args[1] === undefined || args[1] === null ? undefined : String(args[1])),
  );
}
