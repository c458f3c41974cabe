/**
 * Decimal-string money in major units (TikTok's API samples: `"199.00"`, `"5000"` for IDR), computed in
 * integer minor units so the payment identities hold exactly.
 */
import { REGION_CURRENCY } from '../../../shared-types/src/tiktok/region-currency';
const ZERO_DECIMAL_CURRENCIES = new Set(['IDR', 'JPY', 'VND']);

export function currencyDecimals(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency) ? 0 : 2;
}

/** Parses a decimal string into minor units; returns null when the string is not a plain decimal. */
export function parseMinor(amount: string, currency: string): number | null {
  const decimals = currencyDecimals(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) {
    if (!/^0*$/.test(fraction.slice(decimals))) return null;
  }
  const padded = (fraction + '0'.repeat(decimals)).slice(0, decimals);
  return Number(whole) * 10 ** decimals + (decimals > 0 ? Number(padded) : 0);
}

/** Formats minor units as a decimal string (`1999` USD → `"19.99"`, `5000` IDR → `"5000"`). */
export function formatMinor(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  if (decimals === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const base = 10 ** decimals;
  return `${sign}${Math.floor(abs / base)}.${String(abs % base).padStart(decimals, '0')}`;
}

/** Round-half-up of minor × rate (rate as a decimal, e.g. 0.0825). */
export function applyRate(minor: number, rate: number): number {
  return Math.round(minor * rate + 1e-9);
}

/** TikTok's currency per region (shared with the connector: one table of facts). */
export const CURRENCY_BY_REGION: Readonly<Record<string, string>> = REGION_CURRENCY;
