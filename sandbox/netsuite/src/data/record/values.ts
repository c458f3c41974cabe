/**
 * Conversion between what scripts pass to / get from `N/record` and what the store keeps
 * (store-types.ts). Faithful to SuiteScript 2.x: date fields take and return `Date` objects (a
 * string in a date field is rejected, as NetSuite does), checkboxes are booleans (`'T'`/`'F'` also
 * accepted), number fields accept numbers or numeric strings, selects return internal-id strings.
 *
 * Dates are the server's (Pacific time, time/zones.ts), never the host's: a Date set on a date field
 * is stored as its Pacific calendar date (a UK order at 00:30 on the 15th, 16:30 Pacific on the
 * 14th, is the 14th), and a date field reads back as a Date at Pacific midnight of its day (what
 * server scripts get: a `getValue` of a date field reads `2021-07-20T07:00:00.000Z` in a public
 * account's log, netsuiteful.com "SuiteScript时区介绍"), of the server Date class so its local getters
 * are Pacific too.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { FieldInfo, FieldValue } from '../store-types';
import { isDate } from '../../realm';
import { serverDate } from '../../time/zoned-date';
import { accountDateToIso } from '../misc/datetime';
import { SERVER_TIME_ZONE, calendarDate, midnightOf } from '../../time/zones';

export type ApiValue = FieldValue | Date;

export function invalidValue(fieldId: string, value: unknown): SuiteScriptError {
  const shown = isDate(value) ? value.toISOString() : Array.isArray(value) ? value.join(',') : String(value);
  return new SuiteScriptError(
    NS.INVALID_FLD_VALUE,
    `You have entered an Invalid Field Value ${shown} for the following field: ${fieldId}`,
  );
}

/** A Date as `YYYY-MM-DD`: its calendar date in Pacific time (the server's), whatever the host's zone. */
export function dateString(d: Date): string {
  return calendarDate(d.getTime(), SERVER_TIME_ZONE);
}

/** `YYYY-MM-DD` as the Date a server script reads: Pacific midnight of that day. */
function parseDateString(s: string): Date {
  return serverDate(midnightOf(s, SERVER_TIME_ZONE));
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function toNumber(field: FieldInfo, value: unknown): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value.trim() !== '') n = Number(value.trim().replace(/%$/, ''));
  else throw invalidValue(field.id, value);
  if (!Number.isFinite(n)) throw invalidValue(field.id, value);
  if (field.kind === 'integer' && !Number.isInteger(n)) throw invalidValue(field.id, value);
  return n;
}

function toSelectId(field: FieldInfo, value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw invalidValue(field.id, value);
}

function checkLength(field: FieldInfo, value: string): string {
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    throw new SuiteScriptError(
      NS.INVALID_FLD_VALUE,
      `The field ${field.id} contained more than the maximum number ( ${field.maxLength} ) of characters allowed.`,
    );
  }
  return value;
}

/** The stored form of `value` for `field`, or INVALID_FLD_VALUE. */
export function toStored(field: FieldInfo, value: unknown): FieldValue {
  switch (field.kind) {
    case 'checkbox':
      if (value === true || (field.tfRadio === true && value === 'T')) return true;
      if (value === false || (field.tfRadio === true && value === 'F') || isEmpty(value)) return false;
      throw invalidValue(field.id, value);
    case 'date':
      if (isEmpty(value)) return null;
      if (isDate(value) && !Number.isNaN(value.getTime())) return dateString(value);
      throw invalidValue(field.id, value);
    case 'datetime':
      if (isEmpty(value)) return null;
      if (isDate(value) && !Number.isNaN(value.getTime())) return value.toISOString();
      throw invalidValue(field.id, value);
    case 'integer':
    case 'float':
    case 'currency':
    case 'percent':
      return isEmpty(value) ? null : toNumber(field, value);
    case 'select': {
      if (isEmpty(value)) return null;
      const id = toSelectId(field, value);
      const target = field.selectTarget ?? '';
      if (target.startsWith('list:') && !target.slice(5).split(',').includes(id)) {
        const refusal = invalidValue(field.id, value);
        if (!field.listNote) throw refusal;
        throw new SuiteScriptError(refusal.name, `${refusal.message} (${field.listNote})`);
      }
      return id;
    }
    case 'multiselect': {
      if (isEmpty(value)) return null;
      const list = Array.isArray(value) ? value : [value];
      const ids = list.filter((v) => !isEmpty(v)).map((v) => toSelectId(field, v));
      return ids.length ? ids : null;
    }
    default:
      if (isEmpty(value)) return null;
      if (typeof value === 'string') return checkLength(field, value);
      throw invalidValue(field.id, value);
  }
}

/** What `getValue` returns for a stored value. */
export function toApi(field: FieldInfo | undefined, stored: FieldValue | undefined): ApiValue {
  const value = stored === undefined ? null : stored;
  if (!field) return value;
  switch (field.kind) {
    case 'checkbox':
      return value === true;
    case 'date':
      return typeof value === 'string' ? parseDateString(value) : null;
    case 'datetime':
      return typeof value === 'string' ? serverDate(Date.parse(value)) : null;
    case 'multiselect':
      return Array.isArray(value) ? [...value] : [];
    default:
      return value;
  }
}

/** Looks select display texts up in the store (injected so this module stays pure). */
export interface TextLookup {
  displayText(target: string, id: string): string;
  /** Internal id of the record of `target` whose display text is `text`, or null. */
  idForText(target: string, text: string): string | null;
}

/** What `getText` returns. Dates use the account's default format M/D/YYYY. */
export function toText(field: FieldInfo | undefined, stored: FieldValue | undefined, lookup: TextLookup): string | string[] {
  if (stored === null || stored === undefined) return field?.kind === 'multiselect' ? [] : '';
  if (!field) return Array.isArray(stored) ? stored : String(stored);
  switch (field.kind) {
    case 'checkbox':
      return stored === true ? 'T' : 'F';
    case 'date': {
      const [y, m, d] = String(stored).split('-').map(Number) as [number, number, number];
      return `${m}/${d}/${y}`;
    }
    case 'select':
      return field.listLabels?.[String(stored)] ?? lookup.displayText(field.selectTarget ?? '', String(stored));
    case 'multiselect':
      return (stored as string[]).map((id) => lookup.displayText(field.selectTarget ?? '', id));
    default:
      return String(stored);
  }
}

/** The stored value `setText(text)` means, or INVALID_FLD_VALUE when no option has that text. */
export function fromText(field: FieldInfo, text: unknown, lookup: TextLookup): FieldValue {
  if (isEmpty(text)) return toStored(field, null);
  const s = String(text);
  switch (field.kind) {
    case 'checkbox':
      if (s === 'T') return true;
      if (s === 'F') return false;
      throw invalidValue(field.id, s);
    case 'date': {
      const iso = accountDateToIso(s);
      if (!iso) throw invalidValue(field.id, s);
      return iso;
    }
    case 'select': {
      const labels = field.listLabels;
      const id = labels
        ? (Object.keys(labels).find((k) => labels[k] === s) ?? null)
        : lookup.idForText(field.selectTarget ?? '', s);
      if (id === null) throw invalidValue(field.id, s);
      return id;
    }
    default:
      return toStored(field, s);
  }
}
