/**
 * Money as integer minor units (cents, yen, ...), never floating point.
 *
 * TikTok sends amounts as decimal strings in major units (`"12.30"`); NetSuite takes currency fields
 * as numbers in major units. Everything in between is a safe integer count of minor units, so sums
 * reconcile to the cent. Pure and dependency-free: it runs inside NetSuite too.
 */

/** ISO 4217 minor-unit exponents that are not 2 (IDR and VND are treated as 0, as TikTok Shop does). */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IDR: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

const CURRENCY_PATTERN = /^[A-Z]{3}$/;
const AMOUNT_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

export type MoneyResult = { ok: true; minor: number } | { ok: false; problem: string };

/** True for a three-letter upper-case ISO 4217 code (`USD`, `JPY`). */
export function isCurrencyCode(currency: string): boolean {
  return CURRENCY_PATTERN.test(currency);
}

/** Decimal places of the currency's minor unit: 0 for JPY/KRW/VND/IDR, 3 for KWD/BHD/..., else 2. */
export function currencyExponent(currency: string): number {
  if (!isCurrencyCode(currency)) {
    throw new Error(`"${currency}" is not an ISO 4217 currency code (three upper-case letters, e.g. "USD")`);
  }
  return EXPONENTS[currency] ?? 2;
}

function example(currency: string): string {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? '"1500"' : `"12.${'3456789'.slice(0, exponent)}"`;
}

/**
 * Parses a decimal string in major units into minor units. Accepts `"12"`, `"12.3"`, `"12.30"`,
 * `"-4.50"`; digits beyond the currency's exponent are accepted only when they are zeros
 * (`"12.300"` USD is exactly 1230), because that loses nothing. Rejects everything else with a
 * message that says what to send.
 */
export function parseMoney(amount: string, currency: string): MoneyResult {
  if (!isCurrencyCode(currency)) {
    return {
      ok: false,
      problem: `"${currency}" is not an ISO 4217 currency code; send three upper-case letters, e.g. "USD"`,
    };
  }
  const exponent = currencyExponent(currency);
  const match = AMOUNT_PATTERN.exec(amount);
  if (match === null) {
    return {
      ok: false,
      problem: `${JSON.stringify(amount)} is not a decimal amount; send digits with an optional "." and at most ${exponent} decimals, e.g. ${example(currency)}`,
    };
  }
  const [, sign, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    return {
      ok: false,
      problem: `${JSON.stringify(amount)} has more decimals than ${currency} allows (${exponent}); send it rounded to ${exponent} decimals, e.g. ${example(currency)}`,
    };
  }
  const digits = `${whole}${significant.padEnd(exponent, '0')}`;
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) {
    return { ok: false, problem: `${JSON.stringify(amount)} is too large to be an exact amount` };
  }
  return { ok: true, minor: sign === '-' && magnitude !== 0 ? -magnitude : magnitude };
}

/** Like parseMoney, but throws the problem: for values already validated. */
export function toMinor(amount: string, currency: string): number {
  const result = parseMoney(amount, currency);
  if (!result.ok) {
    throw new Error(result.problem);
  }
  return result.minor;
}

function assertSafe(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${what} is not an exact integer amount of minor units: ${value}`);
  }
  return value;
}

/** a + b in minor units. */
export function addMinor(a: number, b: number): number {
  assertSafe(a, 'left operand');
  assertSafe(b, 'right operand');
  return assertSafe(a + b, 'sum');
}

/** a − b in minor units. */
export function subtractMinor(a: number, b: number): number {
  assertSafe(a, 'left operand');
  assertSafe(b, 'right operand');
  return assertSafe(a - b, 'difference');
}

/** Sum of minor-unit amounts (0 for none). */
export function sumMinor(values: readonly number[]): number {
  return values.reduce((total, value) => addMinor(total, value), 0);
}

/** unit price × quantity in minor units; quantity must be a whole number ≥ 0. */
export function multiplyMinor(unitMinor: number, quantity: number): number {
  assertSafe(unitMinor, 'unit amount');
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new Error(`quantity must be a whole number ≥ 0, got ${quantity}`);
  }
  return assertSafe(unitMinor * quantity, 'product');
}

/** Minor units back to a decimal string in major units with exactly the currency's decimals. */
export function formatMinor(minor: number, currency: string): string {
  assertSafe(minor, 'amount');
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor));
  if (exponent === 0) {
    return `${sign}${digits}`;
  }
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/**
 * Minor units as the number NetSuite's currency fields take. Parsed from the exact decimal string,
 * so the result is the double nearest to the decimal value (1999 cents → 19.99, not 19.990000000000002).
 */
export function toNetSuiteAmount(minor: number, currency: string): number {
  return Number(formatMinor(minor, currency));
}
