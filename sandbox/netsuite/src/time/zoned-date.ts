/**
 * A `Date` whose local time is one IANA zone's, whatever the host's `TZ`: the constructor with
 * parts (`new Date(2026, 0, 15)`), the local getters and setters, `getTimezoneOffset`, `toString`,
 * `toDateString`, `toTimeString`, the `toLocale*String` methods, `Date.parse` of strings without a
 * zone, and `Date()` called as a function. Instants (`getTime`, `toISOString`, the UTC methods,
 * `Date.now`, `Date.UTC`) are unchanged.
 *
 * The emulator installs the server one (Pacific time) as the `Date` of the scripts' realm
 * (exec/amd-loader.ts), and hands scripts dates of that class (record/values.ts, N/format), so a
 * script's `new Date(...)`, `getDate()` and `setHours(0, 0, 0, 0)` behave as on NetSuite's servers.
 * Instances are real Dates (`util.types.isDate`, `instanceof Date` in the emulator); and any Date,
 * of whatever class or realm, is `instanceof` the zoned class, as every Date is on NetSuite's servers.
 */
import { isDate } from '../realm';
import type { WallParts } from './zones';
import { SERVER_TIME_ZONE, instantOfWall, offsetMinutes, utcOfParts, wallParts } from './zones';

export type ZonedDateConstructor = DateConstructor & { readonly zone: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

/** A string that names its zone or offset (`Z`, `+01:00`, `GMT`, `UTC`) is an absolute instant. */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\bGMT\b|\bUTC\b)(?:\s*\([^)]*\))?\s*$/i;
const DATE_ONLY_ISO = /^[+-]?\d{4,6}-\d{2}-\d{2}$/;
const LOCAL_ISO = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

function parseIn(text: string, zone: string): number {
  const s = text.trim();
  if (DATE_ONLY_ISO.test(s) || HAS_ZONE.test(s)) return Date.parse(s);
  // Read the wall-clock parts as if they were UTC, then place them in the zone.
  const asUtc = LOCAL_ISO.test(s) ? Date.parse(`${s}Z`) : Date.parse(`${s} GMT`);
  return Number.isNaN(asUtc) ? Number.NaN : instantOfWall(asUtc, zone);
}

function zoneName(ms: number, zone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

function offsetText(ms: number, zone: string): string {
  const off = offsetMinutes(ms, zone);
  return `GMT${off < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
}

const cache = new Map<string, ZonedDateConstructor>();

/** The Date class whose local time is `zone`'s (one class per zone). */
export function zonedDateClass(zone: string): ZonedDateConstructor {
  const cached = cache.get(zone);
  if (cached) return cached;

  const wall = (d: Date): WallParts => wallParts(d.getTime(), zone);
  /** Set the local parts (`change` edits them; overflowing values roll over as in Date). */
  const setLocal = (d: Date, change: (p: WallParts) => void): number => {
    if (Number.isNaN(d.getTime())) return Number.NaN;
    const p = wall(d);
    change(p);
    const t = [p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond].some(
      (v) => !Number.isFinite(v),
    )
      ? Number.NaN
      : instantOfWall(utcOfParts(p), zone);
    return Date.prototype.setTime.call(d, t);
  };

  function ZonedDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new (ZonedDate as unknown as DateConstructor)().toString();
    let time: number;
    if (args.length === 0) time = Date.now();
    else if (args.length === 1) {
      const v = args[0];
      if (isDate(v)) time = v.getTime();
      else if (typeof v === 'string') time = parseIn(v, zone);
      else time = new Date(v as number).getTime();
    } else {
      const n = args.map(Number);
      const year = n[0]!;
      const parts = {
        year: Number.isInteger(year) && year >= 0 && year <= 99 ? 1900 + year : year,
        month: (n[1] ?? 0) + 1,
        day: n[2] ?? 1,
        hour: n[3] ?? 0,
        minute: n[4] ?? 0,
        second: n[5] ?? 0,
        millisecond: n[6] ?? 0,
      };
      time = Object.values(parts).every(Number.isFinite)
        ? instantOfWall(utcOfParts(parts), zone)
        : Number.NaN;
    }
    return Reflect.construct(Date, [time], new.target) as Date;
  }

  const dateText = (d: Date): string => {
    if (Number.isNaN(d.getTime())) return 'Invalid Date';
    const p = wall(d);
    return `${DAYS[p.weekday]} ${MONTHS[p.month - 1]} ${pad(p.day)} ${p.year < 0 ? '-' : ''}${pad(p.year, 4)}`;
  };
  const timeText = (d: Date): string => {
    if (Number.isNaN(d.getTime())) return 'Invalid Date';
    const p = wall(d);
    const t = d.getTime();
    return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${offsetText(t, zone)} (${zoneName(t, zone)})`;
  };

  const proto = Object.create(Date.prototype) as Record<string, unknown>;
  const methods: Record<string, (this: Date, ...a: number[]) => unknown> = {
    getFullYear() {
      return Number.isNaN(this.getTime()) ? Number.NaN : wall(this).year;
    },
    getMonth() {
      return Number.isNaN(this.getTime()) ? Number.NaN : wall(this).month - 1;
    },
    getDate() {
      return Number.isNaN(this.getTime()) ? Number.NaN : wall(this).day;
    },
    getDay() {
      return Number.isNaN(this.getTime()) ? Number.NaN : wall(this).weekday;
    },
    getHours() {
      return Number.isNaN(this.getTime()) ? Number.NaN : wall(this).hour;
    },
    getMinutes() {
      return Number.isNaN(this.getTime()) ? Number.NaN : wall(this).minute;
    },
    getSeconds() {
      return Number.isNaN(this.getTime()) ? Number.NaN : wall(this).second;
    },
    getMilliseconds() {
      return Number.isNaN(this.getTime()) ? Number.NaN : wall(this).millisecond;
    },
    getTimezoneOffset() {
      return Number.isNaN(this.getTime()) ? Number.NaN : -offsetMinutes(this.getTime(), zone);
    },
    setFullYear(...a) {
      return setLocal(this, (p) => {
        p.year = a[0]!;
        if (a.length > 1) p.month = a[1]! + 1;
        if (a.length > 2) p.day = a[2]!;
      });
    },
    setMonth(...a) {
      return setLocal(this, (p) => {
        p.month = a[0]! + 1;
        if (a.length > 1) p.day = a[1]!;
      });
    },
    setDate(...a) {
      return setLocal(this, (p) => {
        p.day = a[0]!;
      });
    },
    setHours(...a) {
      return setLocal(this, (p) => {
        p.hour = a[0]!;
        if (a.length > 1) p.minute = a[1]!;
        if (a.length > 2) p.second = a[2]!;
        if (a.length > 3) p.millisecond = a[3]!;
      });
    },
    setMinutes(...a) {
      return setLocal(this, (p) => {
        p.minute = a[0]!;
        if (a.length > 1) p.second = a[1]!;
        if (a.length > 2) p.millisecond = a[2]!;
      });
    },
    setSeconds(...a) {
      return setLocal(this, (p) => {
        p.second = a[0]!;
        if (a.length > 1) p.millisecond = a[1]!;
      });
    },
    setMilliseconds(...a) {
      return setLocal(this, (p) => {
        p.millisecond = a[0]!;
      });
    },
    toDateString() {
      return dateText(this);
    },
    toTimeString() {
      return timeText(this);
    },
    toString(this: Date) {
      return Number.isNaN(this.getTime()) ? 'Invalid Date' : `${dateText(this)} ${timeText(this)}`;
    },
  };
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'] as const) {
    const native = Date.prototype[name] as (
      this: Date,
      locales?: unknown,
      options?: Intl.DateTimeFormatOptions,
    ) => string;
    methods[name] = function (this: Date, locales?: unknown, options?: unknown) {
      const opts = (options ?? {}) as Intl.DateTimeFormatOptions;
      return native.call(this, locales, { ...opts, timeZone: opts.timeZone ?? zone });
    } as never;
  }
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
  Object.defineProperty(proto, 'constructor', {
    value: ZonedDate,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  ZonedDate.prototype = proto;
  Object.setPrototypeOf(ZonedDate, Date);
  const statics = {
    parse: (s: unknown) => parseIn(String(s), zone),
    UTC: Date.UTC,
    now: () => Date.now(),
    zone,
  };
  for (const [name, value] of Object.entries(statics)) {
    Object.defineProperty(ZonedDate, name, {
      value,
      writable: name !== 'zone',
      configurable: true,
      enumerable: false,
    });
  }
  Object.defineProperty(ZonedDate, Symbol.hasInstance, {
    value: (v: unknown) => isDate(v),
    configurable: true,
  });
  Object.defineProperty(ZonedDate, 'length', { value: 7 });
  Object.defineProperty(ZonedDate, 'name', { value: 'Date' });
  const ctor = ZonedDate as unknown as ZonedDateConstructor;
  cache.set(zone, ctor);
  return ctor;
}

/** The Date class of NetSuite's servers (Pacific time). */
export const ServerDate: ZonedDateConstructor = zonedDateClass(SERVER_TIME_ZONE);

/** A Date at instant `ms` whose local time is the server's, for values handed to scripts. */
export function serverDate(ms: number): Date {
  return new ServerDate(ms);
}

/**
 * `Intl` for the scripts' realm: `Intl.DateTimeFormat` without a `timeZone` option formats in `zone`
 * (the server's), as it would on NetSuite's servers, not in the host's.
 */
export function zonedIntl(zone: string = SERVER_TIME_ZONE): typeof Intl {
  const Native = Intl.DateTimeFormat;
  function DateTimeFormat(
    this: unknown,
    locales?: string | string[],
    options?: Intl.DateTimeFormatOptions,
  ): Intl.DateTimeFormat {
    return new Native(locales, { ...(options ?? {}), timeZone: options?.timeZone ?? zone });
  }
  Object.setPrototypeOf(DateTimeFormat, Native);
  DateTimeFormat.prototype = Native.prototype;
  return Object.assign(Object.create(Intl) as typeof Intl, {
    DateTimeFormat: DateTimeFormat as unknown as typeof Intl.DateTimeFormat,
  });
}
