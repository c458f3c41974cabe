/// <reference types="jest" />
import { parsePaymentMethodMap, resolvePaymentMethod } from '../payment-method-map';

function parsed(text: string): ReturnType<typeof parsePaymentMethodMap> {
  return parsePaymentMethodMap(text, 'Acme US');
}

describe('parsePaymentMethodMap', () => {
  it('parses names to internal ids, numbers included', () => {
    const result = parsed('{"CCDC": "4", "PayPal": 7, "*": "9"}');
    expect(result.ok && result.map.entries).toEqual({ CCDC: '4', PayPal: '7', '*': '9' });
    expect(result.ok && result.map.shopName).toBe('Acme US');
  });

  it('treats a blank setting as no entries', () => {
    for (const text of [null, undefined, '', '   ']) {
      const result = parsePaymentMethodMap(text, 'Acme US');
      expect(result.ok && Object.keys(result.map.entries)).toEqual([]);
    }
  });

  it('refuses text that is not JSON, naming the setting and the fix', () => {
    const result = parsed('{CCDC: 4}');
    expect(result.ok).toBe(false);
    const problem = result.ok ? '' : result.problems[0];
    expect(problem).toMatch(
      /^Payment Method Map of shop Acme US: is not valid JSON \(.+\)\. Fix: open the TikTok Shop record \(Customization > TikTok Shops\), correct Payment Method Map to a JSON object such as \{"CCDC": "1", "\*": "2"\}/,
    );
    expect(problem).toMatch(/save, then retry the order\.$/);
  });

  it.each([
    ['["4"]', 'an array'],
    ['"4"', 'a string'],
    ['4', 'a number'],
    ['null', 'null'],
    ['true', 'a boolean'],
  ])('refuses %s: it is %s, not an object', (text, kind) => {
    const result = parsed(text);
    expect(result.ok ? [] : result.problems).toEqual([
      `Payment Method Map of shop Acme US: is ${kind}, not a JSON object. Fix: open the TikTok Shop record (Customization > TikTok Shops), correct Payment Method Map to a JSON object such as {"CCDC": "1", "*": "2"} (TikTok payment method name → NetSuite payment method internal id), save, then retry the order.`,
    ]);
  });

  it('lists every value that is not an internal id', () => {
    const result = parsed('{"CCDC": "Visa", "PayPal": 0, "COD": "4.5", "Card": -2, "Ok": "3", "Obj": {}}');
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(5);
    expect(problems[0]).toContain(
      'the value "Visa" for "CCDC" is not a NetSuite payment method internal id (a positive whole number, e.g. "7").',
    );
    expect(problems[1]).toContain('the value 0 for "PayPal"');
    expect(problems[2]).toContain('the value "4.5" for "COD"');
    expect(problems[3]).toContain('the value -2 for "Card"');
    expect(problems[4]).toContain('the value {} for "Obj"');
  });

  it('refuses an empty name and points at "*"', () => {
    const result = parsed('{"": "4"}');
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringContaining('has an empty payment method name; use "*" for the default.'),
    ]);
  });

  it('keeps names like __proto__ as plain names', () => {
    const result = parsed('{"__proto__": "5"}');
    expect(result.ok && resolvePaymentMethod(result.map, '__proto__')).toEqual({
      ok: true,
      paymentMethodId: '5',
      viaDefault: false,
    });
  });
});

describe('resolvePaymentMethod', () => {
  const map = { shopName: 'Acme US', entries: { CCDC: '4', '*': '9' } };
  const noDefault = { shopName: 'Acme US', entries: { CCDC: '4' } };

  it('uses the exact entry first', () => {
    expect(resolvePaymentMethod(map, 'CCDC')).toEqual({ ok: true, paymentMethodId: '4', viaDefault: false });
  });

  it('falls back to "*"', () => {
    expect(resolvePaymentMethod(map, 'PayPal')).toEqual({ ok: true, paymentMethodId: '9', viaDefault: true });
  });

  it('matches names exactly (case and spaces)', () => {
    expect(resolvePaymentMethod(noDefault, 'ccdc').ok).toBe(false);
    expect(resolvePaymentMethod(noDefault, 'CCDC ').ok).toBe(false);
    expect(resolvePaymentMethod(noDefault, 'toString').ok).toBe(false);
  });

  it('names the TikTok method and the setting to fill in when nothing matches', () => {
    expect(resolvePaymentMethod(noDefault, 'PayPal')).toEqual({
      ok: false,
      problem:
        'TikTok payment method "PayPal" has no entry in the Payment Method Map of shop Acme US. Fix: open the TikTok Shop record (Customization > TikTok Shops), add "PayPal": "<NetSuite payment method internal id>" (or a "*" default) to Payment Method Map, save, then retry the order.',
    });
  });
});
