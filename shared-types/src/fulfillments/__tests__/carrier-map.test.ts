/// <reference types="jest" />
import {
  carrierMapMethodIds,
  carrierMapProblems,
  formatCarrierMapProblems,
  parseCarrierMap,
  resolveShippingProvider,
} from '../carrier-map';

const providers = [
  { id: '7001', name: 'USPS' },
  { id: '7002', name: 'UPS' },
  { id: '7003', name: 'FedEx' },
  { id: '7004', name: 'DHL eCommerce' },
  { id: '7005', name: 'DHL' },
];
const carrier = (name: string | null, id: string | null = null, pkg: string | null = null) => ({
  shipMethodId: id,
  shipMethodName: name,
  packageCarrier: pkg,
});

function map(text: string) {
  const parsed = parseCarrierMap(text, 'Acme US');
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.map;
}

describe('Carrier Map', () => {
  it('parses NetSuite value → TikTok provider id, ids as strings or numbers', () => {
    expect(map('{"UPS Ground": "7002", "12": 7003}').entries).toEqual({ 'UPS Ground': '7002', '12': '7003' });
    expect(map('').entries).toEqual({});
  });

  it('refuses what is not a JSON object of provider ids, naming the entry and the fix', () => {
    const bad = parseCarrierMap('{"UPS": "ups"}', 'Acme US');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]).toContain(
      'the value "ups" for "UPS" is not a TikTok shipping provider id',
    );
    const notJson = parseCarrierMap('[1]', 'Acme US');
    expect(!notJson.ok && notJson.problems[0]).toContain('is an array, not a JSON object');
    expect(parseCarrierMap('{', 'Acme US').ok).toBe(false);
  });

  it('checks internal-id keys against the shipping methods on save', () => {
    const m = map('{"12": "7002", "13": "7003", "14": "7001", "UPS": "7002"}');
    expect(carrierMapMethodIds(m)).toEqual(['12', '13', '14']);
    const problems = carrierMapProblems(m, [
      { id: '12', name: 'UPS Ground', active: true },
      { id: '13', name: 'Old Courier', active: false },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('Old Courier), which is inactive');
    expect(problems[1]).toContain('internal id 14, which does not exist');
    expect(problems[1]).toContain('12 = UPS Ground');
    expect(formatCarrierMapProblems(problems)).toMatch(
      /^The TikTok Shop record was not saved: its Carrier Map is invalid\./,
    );
  });

  it('takes the mapped provider: by shipping method id, then name, then package carrier', () => {
    const m = map('{"12": "7003", "Ground": "7001", "UPS": "7002"}');
    expect(resolveShippingProvider(carrier('Ground', '12'), m, providers)).toMatchObject({
      ok: true,
      providerId: '7003',
      via: 'map',
      key: '12',
    });
    expect(resolveShippingProvider(carrier('ground', '99'), m, providers)).toMatchObject({
      ok: true,
      providerId: '7001',
      key: 'Ground',
    });
    expect(resolveShippingProvider(carrier(null, null, 'UPS'), m, providers)).toMatchObject({
      ok: true,
      providerId: '7002',
    });
  });

  it('refuses a mapped provider the delivery option does not offer, listing the offered ones', () => {
    const result = resolveShippingProvider(carrier('Ground'), map('{"Ground": "7999"}'), providers);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(
      "to TikTok shipping provider 7999, which this order's delivery option does not offer",
    );
    expect(!result.ok && result.problem).toContain('USPS (7001), UPS (7002)');
  });

  it('matches by name when exactly one provider fits', () => {
    expect(resolveShippingProvider(carrier('UPS Ground'), map(''), providers)).toMatchObject({
      ok: true,
      providerId: '7002',
      via: 'name',
    });
    expect(resolveShippingProvider(carrier('FedEx Home Delivery'), map(''), providers)).toMatchObject({
      providerId: '7003',
    });
    expect(resolveShippingProvider(carrier('DHL eCommerce Parcel'), map(''), providers)).toMatchObject({
      providerId: '7004',
    });
    expect(resolveShippingProvider(carrier('Courier', '5', 'USPS'), map(''), providers)).toMatchObject({
      providerId: '7001',
    });
  });

  it("names the NetSuite value and TikTok's providers when nothing or several match", () => {
    const none = resolveShippingProvider(carrier('Local Courier', '5'), map(''), providers);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.problem).toContain('NetSuite shipping method "Local Courier" (internal id 5)');
    expect(!none.ok && none.problem).toContain('add "Local Courier": "<provider id>"');
    expect(!none.ok && none.problem).toContain('FedEx (7003), DHL eCommerce (7004), DHL (7005)');
    const two = resolveShippingProvider(carrier('UPS or USPS'), map(''), providers);
    expect(!two.ok && two.problem).toContain('matches several TikTok providers (USPS, UPS)');
  });
});
