/**
 * `N/format` with the account date format `M/D/YYYY` and time format `h:mm am`, in the time zones
 * NetSuite uses for server scripts, never the host's:
 * - DATE: the Pacific calendar date of the Date (server scripts' Dates are Pacific: "For server
 *   scripts, the string returned is based on the current time in the Pacific Time Zone", Oracle help
 *   section_4388843892); `parse` gives Pacific midnight of the day;
 * - DATETIME: Pacific wall-clock time, both ways;
 * - DATETIMETZ: the `timezone` option (an IANA name or a `format.Timezone` key), else the user's time
 *   zone preference (the account profile's company time zone); "If the time zone is invalid, the time
 *   zone is set to GMT" (the option's documentation, as the SuiteScript type definitions carry it).
 * Dates handed back are of the server Date class (time/zoned-date.ts).
 */
import { NS, SuiteScriptError } from '../../errors';
import {
  accountDateToIso,
  formatAccountDateTime,
  isoDateOf,
  isoToAccountDate,
  parseAccountDateTime,
} from './datetime';
import { isDate } from '../../realm';
import { serverDate } from '../../time/zoned-date';
import { SERVER_TIME_ZONE, isTimeZone, midnightOf } from '../../time/zones';

/** Account preferences `N/format` reads. Only the account date format `M/D/YYYY` is supported. */
export interface FormatPreferences {
  dateFormat?: 'M/D/YYYY';
  /** The user's time zone preference (IANA) for DATETIMETZ when the call gives none (default Pacific). */
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

/** `format.Timezone`: a subset of NetSuite's keys, each valued with its IANA zone. */
export const Timezone = {
  PACIFIC_HONOLULU: 'Pacific/Honolulu',
  AMERICA_ANCHORAGE: 'America/Anchorage',
  AMERICA_LOS_ANGELES: 'America/Los_Angeles',
  AMERICA_DENVER: 'America/Denver',
  AMERICA_PHOENIX: 'America/Phoenix',
  AMERICA_CHICAGO: 'America/Chicago',
  AMERICA_NEW_YORK: 'America/New_York',
  AMERICA_SAO_PAULO: 'America/Sao_Paulo',
  ETC_GMT: 'Etc/GMT',
  EUROPE_LONDON: 'Europe/London',
  EUROPE_PARIS: 'Europe/Paris',
  EUROPE_BERLIN: 'Europe/Berlin',
  EUROPE_MADRID: 'Europe/Madrid',
  ASIA_DUBAI: 'Asia/Dubai',
  ASIA_KOLKATA: 'Asia/Kolkata',
  ASIA_BANGKOK: 'Asia/Bangkok',
  ASIA_JAKARTA: 'Asia/Jakarta',
  ASIA_SINGAPORE: 'Asia/Singapore',
  ASIA_KUALA_LUMPUR: 'Asia/Kuala_Lumpur',
  ASIA_MANILA: 'Asia/Manila',
  ASIA_HONG_KONG: 'Asia/Hong_Kong',
  ASIA_TAIPEI: 'Asia/Taipei',
  ASIA_TOKYO: 'Asia/Tokyo',
  ASIA_SEOUL: 'Asia/Seoul',
  AUSTRALIA_SYDNEY: 'Australia/Sydney',
  PACIFIC_AUCKLAND: 'Pacific/Auckland',
  PACIFIC_KIRITIMATI: 'Pacific/Kiritimati',
} as const;

/** A `timezone` option as a zone: an IANA name, or a `format.Timezone` key; GMT when invalid. */
export function zoneOption(timezone: unknown, fallback: string): string {
  if (timezone === undefined || timezone === null || timezone === '') return fallback;
  const text = String(timezone);
  const byKey = (Timezone as Record<string, string>)[text.toUpperCase()];
  if (byKey) return byKey;
  return isTimeZone(text) ? text : 'Etc/GMT';
}

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

/** `N/format` for an account whose users' time zone preference is `preferences.timeZone`. */
export function createFormatModule(preferences: FormatPreferences = {}): FormatModule {
  const userZone = preferences.timeZone ?? SERVER_TIME_ZONE;
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
          return formatAccountDateTime(toDate(value, type), { timeZone: zoneOption(timezone, userZone), seconds: true });
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
          return serverDate(midnightOf(iso, SERVER_TIME_ZONE));
        }
        case FormatType.DATETIME:
        case FormatType.DATETIMETZ: {
          const zone = String(type).toLowerCase() === FormatType.DATETIMETZ ? zoneOption(timezone, userZone) : SERVER_TIME_ZONE;
          const d = typeof text === 'string' ? parseAccountDateTime(text, zone) : null;
          if (!d) throw invalid(value, type);
          return serverDate(d.getTime());
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
