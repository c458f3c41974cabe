/// <reference types="jest" />
import {
  addMinor,
  currencyExponent,
  formatMinor,
  isCurrencyCode,
  multiplyMinor,
  parseMoney,
  subtractMinor,
  sumMinor,
  toMinor,
  toNetSuiteAmount,
} from '../money';

describe('currencyExponent', () => {
  it.each([
    ['USD', 2],
    ['GBP', 2],
    ['EUR', 2],
    ['MYR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['IDR', 0],
    ['KWD', 3],
  ])('%s has %i decimals', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it('rejects something that is not an ISO code', () => {
    expect(() => currencyExponent('usd')).toThrow('"usd" is not an ISO 4217 currency code');
    expect(isCurrencyCode('US')).toBe(false);
    expect(isCurrencyCode('USD')).toBe(true);
  });
});

describe('parseMoney', () => {
  it.each([
    ['12.30', 'USD', 1230],
    ['12.3', 'USD', 1230],
    ['12', 'USD', 1200],
    ['0', 'USD', 0],
    ['0.01', 'USD', 1],
    ['0.10', 'USD', 10],
    ['19.99', 'USD', 1999],
    ['1500', 'JPY', 1500],
    ['150000', 'IDR', 150000],
    ['1.234', 'KWD', 1234],
    ['-4.50', 'USD', -450],
    ['-0', 'USD', 0],
    ['007.05', 'USD', 705],
  ])('%s %s → %i minor units', (amount, currency, minor) => {
    expect(parseMoney(amount, currency)).toEqual({ ok: true, minor });
  });

  it('accepts extra decimals only when they are zeros (lossless)', () => {
    expect(parseMoney('12.300', 'USD')).toEqual({ ok: true, minor: 1230 });
    expect(parseMoney('1500.00', 'JPY')).toEqual({ ok: true, minor: 1500 });
  });

  it.each(['1.2.3', 'abc', '', ' 12', '12 ', '+12', '1,50', '.5', '5.', '1e3', '0x10', '--1', 'NaN'])(
    'rejects %j as not a decimal amount',
    (amount) => {
      const result = parseMoney(amount, 'USD');
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problem).toBe(
        `${JSON.stringify(amount)} is not a decimal amount; send digits with an optional "." and at most 2 decimals, e.g. "12.34"`,
      );
    },
  );

  it('rejects too many decimals for the currency, saying how many are allowed', () => {
    expect(parseMoney('12.345', 'USD')).toEqual({
      ok: false,
      problem: '"12.345" has more decimals than USD allows (2); send it rounded to 2 decimals, e.g. "12.34"',
    });
    expect(parseMoney('1500.5', 'JPY')).toEqual({
      ok: false,
      problem: '"1500.5" has more decimals than JPY allows (0); send it rounded to 0 decimals, e.g. "1500"',
    });
  });

  it('rejects amounts beyond exact integers', () => {
    expect(parseMoney('99999999999999999', 'USD')).toEqual({
      ok: false,
      problem: '"99999999999999999" is too large to be an exact amount',
    });
  });

  it('rejects an unknown currency code', () => {
    expect(parseMoney('1.00', 'dollars')).toEqual({
      ok: false,
      problem: '"dollars" is not an ISO 4217 currency code; send three upper-case letters, e.g. "USD"',
    });
  });

  it('toMinor throws the problem', () => {
    expect(toMinor('2.50', 'USD')).toBe(250);
    expect(() => toMinor('2.505', 'USD')).toThrow('has more decimals than USD allows');
  });
});

describe('arithmetic in minor units', () => {
  it('adds, subtracts and sums without drift', () => {
    expect(addMinor(10, 20)).toBe(30);
    expect(subtractMinor(10, 30)).toBe(-20);
    const tenCents = Array.from({ length: 10 }, () => toMinor('0.10', 'USD'));
    expect(sumMinor(tenCents)).toBe(100);
    expect(formatMinor(sumMinor(tenCents), 'USD')).toBe('1.00');
    expect(sumMinor([])).toBe(0);
  });

  it('multiplies a unit price by a whole quantity', () => {
    expect(multiplyMinor(1999, 3)).toBe(5997);
    expect(multiplyMinor(1999, 0)).toBe(0);
    expect(() => multiplyMinor(1999, 1.5)).toThrow('quantity must be a whole number ≥ 0, got 1.5');
    expect(() => multiplyMinor(1999, -1)).toThrow('quantity must be a whole number ≥ 0, got -1');
  });

  it('refuses non-integer or unsafe operands', () => {
    expect(() => addMinor(0.1, 0.2)).toThrow(
      'left operand is not an exact integer amount of minor units: 0.1',
    );
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow('sum is not an exact integer amount');
    expect(() => subtractMinor(1, 0.5)).toThrow('right operand');
    expect(() => multiplyMinor(Number.MAX_SAFE_INTEGER, 2)).toThrow('product is not an exact integer amount');
  });
});

describe('formatMinor / toNetSuiteAmount', () => {
  it.each([
    [1230, 'USD', '12.30'],
    [5, 'USD', '0.05'],
    [0, 'USD', '0.00'],
    [-450, 'USD', '-4.50'],
    [-5, 'USD', '-0.05'],
    [1500, 'JPY', '1500'],
    [-1500, 'JPY', '-1500'],
    [1234, 'KWD', '1.234'],
  ])('%i %s → %s', (minor, currency, text) => {
    expect(formatMinor(minor, currency)).toBe(text);
  });

  it('round-trips parse and format', () => {
    for (const amount of ['0.00', '0.01', '0.99', '1.00', '12.34', '99999.99', '1234567.89']) {
      expect(formatMinor(toMinor(amount, 'USD'), 'USD')).toBe(amount);
    }
  });

  it('gives NetSuite the double nearest to the decimal value', () => {
    expect(toNetSuiteAmount(1999, 'USD')).toBe(19.99);
    expect(toNetSuiteAmount(multiplyMinor(toMinor('0.10', 'USD'), 3), 'USD')).toBe(0.3);
    expect(toNetSuiteAmount(1500, 'JPY')).toBe(1500);
  });

  it('refuses a non-integer amount', () => {
    expect(() => formatMinor(12.5, 'USD')).toThrow(
      'amount is not an exact integer amount of minor units: 12.5',
    );
  });
});

describe('guards the mutation run (npm run mutation) showed untested', () => {
  it('takes exactly three upper-case letters as a currency code, nothing before or after', () => {
    expect(isCurrencyCode('XUSD')).toBe(false);
    expect(isCurrencyCode('USDX')).toBe(false);
    expect(isCurrencyCode('1USD')).toBe(false);
  });

  it('names the operand that is not an exact amount', () => {
    expect(() => addMinor(1, 0.5)).toThrow(
      'right operand is not an exact integer amount of minor units: 0.5',
    );
    expect(() => subtractMinor(0.5, 1)).toThrow(
      'left operand is not an exact integer amount of minor units: 0.5',
    );
    expect(() => subtractMinor(-Number.MAX_SAFE_INTEGER, 2)).toThrow(
      'difference is not an exact integer amount of minor units',
    );
    expect(() => multiplyMinor(0.5, 2)).toThrow(
      'unit amount is not an exact integer amount of minor units: 0.5',
    );
  });
});
