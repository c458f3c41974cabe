/// <reference types="jest" />
import type { PaymentMethodInfo } from '../payment-method-check';
import {
  formatPaymentMethodMapProblems,
  parseMapForSave,
  paymentMethodProblems,
} from '../payment-method-check';

const methods: PaymentMethodInfo[] = [
  { id: '1', name: 'Credit Card', active: true },
  { id: '2', name: 'PayPal', active: true },
  { id: '3', name: 'Old Terminal', active: false },
];

function check(text: string): string[] {
  const parsed = parseMapForSave(text, 'Acme US');
  return parsed.ok ? paymentMethodProblems(parsed.map, methods) : parsed.problems;
}

describe('Payment Method Map check on save', () => {
  it('accepts active payment methods, as strings or numbers, and a blank map', () => {
    expect(check('{"CCDC": "1", "*": 2}')).toEqual([]);
    expect(check('')).toEqual([]);
    expect(parseMapForSave('{"CCDC": "1", "PayPal": "1", "*": "2"}', 'Acme US')).toMatchObject({
      ok: true,
      ids: ['1', '2'],
    });
  });

  it('names an entry whose id does not exist and lists the active methods', () => {
    const [problem, ...rest] = check('{"CCDC": "1", "Klarna": "99"}');
    expect(rest).toEqual([]);
    expect(problem).toContain('entry "Klarna": "99"');
    expect(problem).toContain('does not exist');
    expect(problem).toContain('Active payment methods: 1 = Credit Card, 2 = PayPal.');
  });

  it('names an entry whose payment method is inactive', () => {
    const [problem] = check('{"CCDC": "3"}');
    expect(problem).toContain('entry "CCDC": "3" names payment method 3 (Old Terminal), which is inactive');
  });

  it('reports every bad entry at once', () => {
    expect(check('{"A": "3", "B": "98", "C": "99"}')).toHaveLength(3);
  });

  it('says there is no active payment method when the account has none', () => {
    const parsed = parseMapForSave('{"CCDC": "1"}', 'Acme US');
    if (!parsed.ok) throw new Error('expected a parsed map');
    expect(paymentMethodProblems(parsed.map, [{ id: '1', name: 'Card', active: false }])[0]).toContain(
      'no active payment method',
    );
  });

  it.each([
    ['{"CCDC": ', 'not valid JSON'],
    ['[1]', 'is an array'],
    ['"1"', 'is a string'],
    ['{"CCDC": "card"}', '"card" for "CCDC"'],
    ['{"": "1"}', 'empty payment method name'],
  ])('refuses %s before any lookup', (text, expected) => {
    const parsed = parseMapForSave(text, 'Acme US');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problems.join('\n')).toContain(expected);
  });

  it('formats one message with a headline', () => {
    expect(formatPaymentMethodMapProblems(['a', 'b'])).toBe(
      'The TikTok Shop record was not saved: its Payment Method Map is invalid.\na\nb',
    );
  });
});
