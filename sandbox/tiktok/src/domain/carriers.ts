/**
 * Shipping providers per market and how the simulator checks a tracking number against them (pure
 * logic, no state). TikTok returns the providers a delivery option supports through Get Shipping
 * Providers (`GET /logistics/202309/delivery_options/{delivery_option_id}/shipping_providers`,
 * TikTok's Get Shipping Providers) and "will verify if the tracking number matches the selected shipping service
 * provider" (Fulfillment API overview, "Tracking number verification policy"). TikTok publishes
 * neither its provider lists nor its tracking rules, so the lists below are real carriers of each
 * market and the patterns are the carriers' public number formats; a provider without a pattern
 * accepts any number (nothing to verify against), like a carrier TikTok cannot check.
 */

export interface CarrierSpec {
  name: string;
  /** The carrier's tracking number format; absent: any number is accepted. */
  pattern?: RegExp;
  /** A number in that format (admin shipments, tests), from random digits. */
  sample?: (digits: (n: number) => string) => string;
}

const UPU = (country: string): Pick<CarrierSpec, 'pattern' | 'sample'> => ({
  pattern: new RegExp(`^[A-Z]{2}\\d{9}${country}$`),
  sample: (d) => `RR${d(9)}${country}`,
});

const UPS: CarrierSpec = { name: 'UPS', pattern: /^1Z[0-9A-Z]{16}$/, sample: (d) => `1Z${d(16)}` };
const DPD: CarrierSpec = { name: 'DPD', pattern: /^\d{14}$/, sample: (d) => d(14) };
const DHL_ECOMMERCE: CarrierSpec = {
  name: 'DHL eCommerce',
  pattern: /^GM\d{16,18}$/,
  sample: (d) => `GM${d(16)}`,
};
const GLS: CarrierSpec = { name: 'GLS' };
const JNT: CarrierSpec = { name: 'J&T Express' };
const NINJA_VAN: CarrierSpec = { name: 'Ninja Van' };

/** Seller-shipping providers by market (the first ones also carry TikTok Shipping, see `seed.ts`). */
export const CARRIERS_BY_REGION: Readonly<Record<string, readonly CarrierSpec[]>> = {
  US: [
    {
      name: 'USPS',
      pattern: /^(9[1-5]\d{18,20}|[A-Z]{2}\d{9}US)$/,
      sample: (d) => `94${d(20)}`,
    },
    UPS,
    { name: 'FedEx', pattern: /^(\d{12}|\d{15})$/, sample: (d) => d(12) },
    DHL_ECOMMERCE,
    { name: 'OnTrac', pattern: /^[CD]\d{14}$/, sample: (d) => `D${d(14)}` },
  ],
  GB: [{ name: 'Royal Mail', ...UPU('GB') }, { name: 'Evri' }, DPD, { name: 'Parcelforce' }, UPS],
  IE: [{ name: 'An Post', ...UPU('IE') }, DPD, { name: 'Fastway' }],
  DE: [
    { name: 'DHL', pattern: /^(\d{12}|\d{20}|JJD\d{18})$/, sample: (d) => d(12) },
    { name: 'Hermes' },
    DPD,
    GLS,
    UPS,
  ],
  FR: [
    { name: 'Colissimo', pattern: /^\d[A-Z]\d{11}$/, sample: (d) => `6A${d(11)}` },
    { name: 'Chronopost' },
    { name: 'Mondial Relay' },
    DPD,
  ],
  ES: [{ name: 'Correos' }, { name: 'SEUR' }, { name: 'MRW' }, GLS, UPS],
  IT: [{ name: 'Poste Italiane' }, { name: 'BRT' }, GLS, { name: 'SDA' }, UPS],
  JP: [{ name: 'Japan Post', ...UPU('JP') }, { name: 'Yamato Transport' }, { name: 'Sagawa Express' }],
  MY: [JNT, { name: 'Pos Malaysia', ...UPU('MY') }, NINJA_VAN],
  SG: [NINJA_VAN, { name: 'SingPost', ...UPU('SG') }, JNT],
  TH: [{ name: 'Flash Express' }, { name: 'Thailand Post', ...UPU('TH') }, JNT],
  VN: [{ name: 'Giao Hang Nhanh' }, { name: 'Viettel Post' }, JNT],
  PH: [JNT, { name: 'LBC Express' }, NINJA_VAN],
  ID: [JNT, { name: 'JNE' }, { name: 'SiCepat' }],
  BR: [{ name: 'Correios', ...UPU('BR') }, { name: 'Jadlog' }],
  MX: [{ name: 'Estafeta' }, { name: 'DHL Express' }, { name: 'FedEx' }],
};

export function carriersOf(region: string): readonly CarrierSpec[] {
  return CARRIERS_BY_REGION[region] ?? [UPS, DHL_ECOMMERCE];
}

/** A provider as the checks see it: its id, name and tracking format. */
export interface ProviderRule {
  id: string;
  name: string;
  pattern?: RegExp;
}

export type TrackingCheck =
  | { kind: 'ok' }
  /** The number has characters other than letters and digits. */
  | { kind: 'special-characters' }
  /** Empty or longer than any carrier number (the simulator's bounds: 4–50). */
  | { kind: 'invalid' }
  /** It fits another provider of the delivery option, not the chosen one. */
  | { kind: 'other-provider'; suggested: ProviderRule }
  /** It fits no provider of the delivery option. */
  | { kind: 'no-provider' };

/**
 * Checks `tracking` for `chosen` among the delivery option's `providers`. A chosen provider without
 * a known format accepts any well-formed number.
 */
export function checkTracking(
  tracking: string,
  chosen: ProviderRule,
  providers: readonly ProviderRule[],
): TrackingCheck {
  if (/[^A-Za-z0-9]/.test(tracking)) return { kind: 'special-characters' };
  if (tracking.length < 4 || tracking.length > 50) return { kind: 'invalid' };
  if (!chosen.pattern || chosen.pattern.test(tracking)) return { kind: 'ok' };
  const suggested = providers.find((p) => p.id !== chosen.id && p.pattern?.test(tracking));
  return suggested ? { kind: 'other-provider', suggested } : { kind: 'no-provider' };
}
