import { NS, SuiteScriptError } from '../../errors';
import {
  accountDateToIso,
  formatAccountDateTime,
  isoDateOf,
  isoToAccountDate,
  parseAccountDateTime,
} from './datetime';
import { isDate } from '../../realm';

/** Account preferences `N/format` reads. Only the account date format `M/D/YYYY` is supported. */
export interface FormatPreferences {
  dateFormat?: 'M/D/YYYY';
  /** IANA zone for DATETIMETZ when the call gives none (default `America/Los_Angeles`). */
  timeZone?: string;
}

export const FormatType = {
  DATE: 'date',
  DATETIME: 'datetime',
  DATETIMETZ: 'datetimetz',
  CURRENCY: 'currency',
  INTEGER: 'integer',
  FLOAT: 'float',
  CHECKBOX: 'checkbox',
  TEXT: 'text',
} as const;

export const Timezone = {
  AMERICA_LOS_ANGELES: 'America/Los_Angeles',
  AMERICA_NEW_YORK: 'America/New_York',
  AMERICA_CHICAGO: 'America/Chicago',
  EUROPE_LONDON: 'Europe/London',
  ASIA_SINGAPORE: 'Asia/Singapore',
  ETC_GMT: 'Etc/GMT',
} as const;

export interface FormatOptions {
  value: unknown;
  type: string;
  timezone?: string;
}

export interface FormatModule {
  Type: typeof FormatType;
  Timezone: typeof Timezone;
  format(options: FormatOptions): string;
  parse(options: FormatOptions): Date | number | boolean | string;
}

function invalid(value: unknown, type: string): SuiteScriptError {
  return new SuiteScriptError(
    NS.INVALID_FLD_VALUE,
    `You have entered an Invalid Field Value ${JSON.stringify(value)} for the following field type: ${type}.`,
  );
}

function toDate(value: unknown, type: string): Date {
  if (isDate(value) && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'string') {
    const iso = accountDateToIso(value);
    if (iso) return parseAccountDateTime(value) ?? new Date(`${iso}T00:00:00`);
    const d = parseAccountDateTime(value);
    if (d) return d;
  }
  throw invalid(value, type);
}

function toNumber(value: unknown, type: string): number {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').replace(/,/g, ''));
  if (value === '' || value === null || Number.isNaN(n)) throw invalid(value, type);
  return n;
}

function withGrouping(n: number): string {
  const [whole, frac] = Math.abs(n).toFixed(2).split('.') as [string, string];
  return `${n < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** `N/format` with the account date format `M/D/YYYY` and time format `h:mm am`. */
export function createFormatModule(preferences: FormatPreferences = {}): FormatModule {
  const defaultZone = preferences.timeZone ?? Timezone.AMERICA_LOS_ANGELES;
  return {
    Type: FormatType,
    Timezone,
    format({ value, type, timezone }) {
      switch (String(type).toLowerCase()) {
        case FormatType.DATE:
          return isoToAccountDate(isoDateOf(toDate(value, type)));
        case FormatType.DATETIME:
          return formatAccountDateTime(toDate(value, type));
        case FormatType.DATETIMETZ:
          return formatAccountDateTime(toDate(value, type), { timeZone: timezone ?? defaultZone, seconds: true });
        case FormatType.CURRENCY:
          return withGrouping(toNumber(value, type));
        case FormatType.INTEGER:
          return String(Math.trunc(toNumber(value, type)));
        case FormatType.FLOAT:
          return String(toNumber(value, type));
        case FormatType.CHECKBOX:
          return value === true || value === 'T' ? 'T' : 'F';
        default:
          return value === null || value === undefined ? '' : String(value);
      }
    },
    parse({ value, type, timezone }) {
      const text = typeof value === 'string' ? value.trim() : value;
      switch (String(type).toLowerCase()) {
        case FormatType.DATE: {
          const iso = typeof text === 'string' ? accountDateToIso(text) : null;
          if (!iso) throw invalid(value, type);
          return new Date(`${iso}T00:00:00`);
        }
        case FormatType.DATETIME:
        case FormatType.DATETIMETZ: {
          const zone = String(type).toLowerCase() === FormatType.DATETIMETZ ? (timezone ?? defaultZone) : undefined;
          const d = typeof text === 'string' ? parseAccountDateTime(text, zone) : null;
          if (!d) throw invalid(value, type);
          return d;
        }
        case FormatType.CURRENCY:
        case FormatType.FLOAT:
          return toNumber(text, type);
        case FormatType.INTEGER:
          return Math.trunc(toNumber(text, type));
        case FormatType.CHECKBOX:
          return text === true || text === 'T';
        default:
          return String(text ?? '');
      }
    },
  };
}
