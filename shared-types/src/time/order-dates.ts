/**
 * Transaction dates of TikTok orders, as calendar dates of the shop's time zone.
 *
 * TikTok stamps orders in Unix seconds. NetSuite's server-side scripts run in Pacific time
 * (the emulator does the same: sandbox/netsuite/src/time/),
 * so `new Date(unix * 1000)` set on `trandate` is the Pacific date: a UK order placed at 00:30 on
 * the 15th (16:30 on the 14th in California) would be dated the 14th. The connector instead takes
 * the calendar date of TikTok's time in the shop's time zone — the shop's Time Zone setting, else
 * the zone of its TikTok region, or the company's time zone (the `TIMEZONE` preference) when the
 * shop says so — and writes that date (sales-order-mapper.ts turns it into a Date at noon of that
 * day in the script's zone, which NetSuite stores as that day).
 *
 * Pure: the zone arithmetic is ECMA-402's (`Intl.DateTimeFormat` with an explicit `timeZone`), never
 * the host's or the script's own zone, so the answers are the same on any machine.
 */

/** The IANA time zone of each TikTok Shop region (region-currency.ts lists the same regions). */
export const REGION_TIME_ZONE: Readonly<Record<string, string>> = {
  BR: 'America/Sao_Paulo',
  DE: 'Europe/Berlin',
  ES: 'Europe/Madrid',
  FR: 'Europe/Paris',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  GB: 'Europe/London',
  ID: 'Asia/Jakarta',
  JP: 'Asia/Tokyo',
  MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur',
  PH: 'Asia/Manila',
  SG: 'Asia/Singapore',
  TH: 'Asia/Bangkok',
  // Pacific time, as NetSuite's servers: US shops book as they always did unless the shop says otherwise.
  US: 'America/Los_Angeles',
  VN: 'Asia/Ho_Chi_Minh',
};

/** NetSuite's server time zone: the zone of last resort. */
export const SERVER_TIME_ZONE = 'America/Los_Angeles';

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for an IANA time zone name `Intl` knows (`Europe/London`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '' || zone !== zone.trim()) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The calendar date in `zone` at Unix time `unix` (seconds). */
export function calendarDateIn(unix: number, zone: string): CalendarDate {
  const parts = formatter(zone).formatToParts(new Date(unix * 1000));
  const part = (type: 'year' | 'month' | 'day'): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return `${pad(part('year'), 4)}-${pad(part('month'))}-${pad(part('day'))}`;
}

/** The parts of a calendar date (month 1–12). */
export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new Error(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** `date` plus `days` calendar days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = dateParts(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

export interface DateZoneSettings {
  /** The shop's Time Zone setting (IANA), or null. */
  timeZone: string | null;
  /** Date orders in the company's time zone instead. */
  companyTimeZone: boolean;
}

export type ZoneChoice = { ok: true; zone: string; source: string } | { ok: false; problem: string };

/**
 * The zone a shop's orders are dated in: the company's (when the shop says so), else the shop's
 * Time Zone, else its region's, else the company's, else Pacific time.
 */
export function orderTimeZone(
  shop: { name: string; region?: string | null },
  settings: DateZoneSettings,
  companyTimeZone: string | null,
  settingsLocation: string,
): ZoneChoice {
  const company = companyTimeZone !== null && isTimeZone(companyTimeZone) ? companyTimeZone : null;
  if (settings.companyTimeZone) {
    return company === null
      ? {
          ok: false,
          problem: `Shop ${shop.name} dates orders in the company's time zone, but NetSuite gave the script none it knows (${JSON.stringify(companyTimeZone)}). Fix: set the Time Zone in Setup > Company > Company Information (or the script owner's Set Preferences), or ${settingsLocation}, untick Date orders in the company time zone and set Time Zone, save, then retry the order.`,
        }
      : { ok: true, zone: company, source: 'the company time zone' };
  }
  const own = settings.timeZone?.trim() ?? '';
  if (own !== '') {
    return isTimeZone(own)
      ? { ok: true, zone: own, source: "the shop's Time Zone" }
      : {
          ok: false,
          problem: `Shop ${shop.name} has Time Zone ${JSON.stringify(own)}, which is not an IANA time zone. Fix: ${settingsLocation}, set Time Zone to a name such as Europe/London or America/New_York (or clear it for the zone of the shop's region), save, then retry the order.`,
        };
  }
  const region = shop.region?.trim().toUpperCase() ?? '';
  const key = region === 'UK' ? 'GB' : region;
  const regionZone = Object.prototype.hasOwnProperty.call(REGION_TIME_ZONE, key)
    ? REGION_TIME_ZONE[key]
    : undefined;
  if (regionZone !== undefined) return { ok: true, zone: regionZone, source: `region ${region}` };
  if (company !== null) return { ok: true, zone: company, source: 'the company time zone' };
  return { ok: true, zone: SERVER_TIME_ZONE, source: "NetSuite's server time" };
}
