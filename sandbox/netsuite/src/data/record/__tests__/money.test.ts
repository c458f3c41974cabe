import { lineAmount, multiplyToCents, rateFrom, sumAmounts, toCents } from '../money';

describe('money', () => {
  it('multiplies quantity by rate exactly and rounds half away from zero to cents', () => {
    expect(lineAmount(3, 19.99)).toBe(59.97);
    expect(multiplyToCents(0.1, 3)).toBe(30);
    expect(lineAmount(1, 1.005)).toBe(1.01);
    expect(lineAmount(1, -1.005)).toBe(-1.01);
    expect(lineAmount(2.5, 0.333)).toBe(0.83);
    expect(lineAmount(1000000, 9.99)).toBe(9990000);
  });

  it('sums amounts in cents', () => {
    expect(sumAmounts([0.1, 0.2])).toBe(0.3);
    expect(toCents(-4.995)).toBe(-500);
    expect(rateFrom(10, 3)).toBe(3.33333333);
  });
});
