/** Shop currency by TikTok region code (reference §7); TikTok's authorized-shops call does not return it. */
const CURRENCY_BY_REGION: Record<string, string> = {
  BR: 'BRL',
  DE: 'EUR',
  ES: 'EUR',
  FR: 'EUR',
  IE: 'EUR',
  IT: 'EUR',
  GB: 'GBP',
  UK: 'GBP',
  ID: 'IDR',
  JP: 'JPY',
  MX: 'MXN',
  MY: 'MYR',
  PH: 'PHP',
  SG: 'SGD',
  TH: 'THB',
  US: 'USD',
  VN: 'VND',
};

/** The ISO currency of a region, or '' when the region is unknown (NetSuite then keeps its own value). */
export function currencyForRegion(region: string): string {
  return CURRENCY_BY_REGION[region.toUpperCase()] ?? '';
}
