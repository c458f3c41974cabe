/**
 * The currency TikTok Shop settles each region in (TikTok's regions and languages page: SKU
 * `price.currency` per market). A local shop's orders are always in its region's currency; an order
 * in another currency means the shop record or the payload is wrong, so the import refuses it.
 */
export const REGION_CURRENCY: Readonly<Record<string, string>> = {
  BR: 'BRL',
  DE: 'EUR',
  ES: 'EUR',
  FR: 'EUR',
  IE: 'EUR',
  IT: 'EUR',
  GB: 'GBP',
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

/** The currency of a TikTok region (`UK` is read as `GB`), or null for an unknown region. */
export function regionCurrency(region: string | null | undefined): string | null {
  if (region === null || region === undefined) {
    return null;
  }
  const code = region.trim().toUpperCase();
  const key = code === 'UK' ? 'GB' : code;
  return Object.prototype.hasOwnProperty.call(REGION_CURRENCY, key) ? REGION_CURRENCY[key] : null;
}
