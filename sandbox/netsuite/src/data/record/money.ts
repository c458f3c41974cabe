/**
 * Exact money arithmetic for line amounts and totals: values are converted to scaled integers
 * (BigInt) from their shortest decimal representation, so `3 × 19.99` is 59.97, never 59.970000000001.
 * Amounts are rounded half away from zero to cents (two decimal places).
 */
const SCALE_DIGITS = 9;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/** A finite number as an integer scaled by 10^9 (exact for up to 9 decimals). */
function scaled(n: number): bigint {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  const negative = mantissa.startsWith('-');
  const [intPart, fracPart = ''] = mantissa.replace('-', '').split('.') as [string, string?];
  const digits = BigInt(intPart + fracPart);
  const shift = Number(exponent) - fracPart.length + SCALE_DIGITS;
  const value = shift >= 0 ? digits * 10n ** BigInt(shift) : roundDiv(digits, 10n ** BigInt(-shift));
  return negative ? -value : value;
}

function roundDiv(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const q = (absA * 2n + absB) / (absB * 2n);
  return negative ? -q : q;
}

/** Whole cents of `n` (rounded half away from zero). */
export function toCents(n: number): number {
  return Number(roundDiv(scaled(n), SCALE / 100n));
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** `quantity × rate` in whole cents, exactly. */
export function multiplyToCents(quantity: number, rate: number): number {
  return Number(roundDiv(scaled(quantity) * scaled(rate), SCALE * (SCALE / 100n)));
}

/** `quantity × rate` as a currency amount with two decimals. */
export function lineAmount(quantity: number, rate: number): number {
  return fromCents(multiplyToCents(quantity, rate));
}

/** `amount / quantity`, kept to at most 8 decimals (NetSuite's rate precision). */
export function rateFrom(amount: number, quantity: number): number {
  if (quantity === 0) return amount;
  return Number((amount / quantity).toFixed(8));
}

/** Sum of amounts, exactly, as a two-decimal currency amount. */
export function sumAmounts(amounts: readonly number[]): number {
  return fromCents(amounts.reduce((total, a) => total + toCents(a), 0));
}
