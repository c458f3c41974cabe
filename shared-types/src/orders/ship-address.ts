/**
 * TikTok `recipient_address` → the fields of NetSuite's `shippingaddress` subrecord.
 *
 * `district_info` lists the administrative levels: L0 country, L1 state/province, L2 county or
 * district, L3 city (US: L3 is the city, L2 the county). The UK sends the city as `post_town`.
 * NetSuite keys US states by their two-letter code, so US state names are converted.
 *
 * Address lines: `address_line1` (else `address_detail`) → `addr1`, `address_line2` → `addr2`,
 * `address_line3` and `address_line4` → `addr3` (NetSuite's address has three lines).
 *
 * Nothing is ever shortened to fit NetSuite: a cut address can send a parcel to the wrong place, so a
 * value over NetSuite's limit is reported (`shipAddressLimitProblems`) and the order stops there. Only
 * a phone number longer than NetSuite's limit is first reduced to its digits and `+`.
 */
import type { TikTokRecipientAddress } from '../tiktok/tiktok-order';

export interface NetSuiteShipAddress {
  /** Two-letter ISO country code; set first (it decides the address form). */
  country: string | null;
  addressee: string | null;
  addr1: string | null;
  addr2: string | null;
  addr3: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  addrphone: string | null;
}

const US_STATES: Readonly<Record<string, string>> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
  'american samoa': 'AS',
  guam: 'GU',
  'northern mariana islands': 'MP',
  'puerto rico': 'PR',
  'u.s. virgin islands': 'VI',
  'united states virgin islands': 'VI',
  'armed forces americas': 'AA',
  'armed forces europe': 'AE',
  'armed forces pacific': 'AP',
};

function clean(value: string | undefined): string | null {
  if (value === undefined) {
    return null;
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function level(address: TikTokRecipientAddress, name: 'L0' | 'L1' | 'L2' | 'L3'): string | null {
  const found = (address.district_info ?? []).find((d) => d.address_level.toUpperCase() === name);
  return found === undefined ? null : clean(found.address_name);
}

/** A US state name (or code) as NetSuite's two-letter code; other countries' states unchanged. */
export function normaliseState(country: string | null, state: string | null): string | null {
  if (state === null || country !== 'US') {
    return state;
  }
  if (/^[A-Za-z]{2}$/.test(state)) {
    return state.toUpperCase();
  }
  return US_STATES[state.toLowerCase().replace(/\s+/g, ' ')] ?? state;
}

function addressee(address: TikTokRecipientAddress): string | null {
  const name = clean(address.name);
  if (name !== null) {
    return name;
  }
  const parts = [clean(address.first_name), clean(address.last_name)].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

function joinLines(lines: (string | undefined)[]): string | null {
  const parts = lines.map(clean).filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * NetSuite's limits (characters) for the address subrecord fields the connector writes; a longer value
 * fails the save with INVALID_FLD_VALUE ("contained more than the maximum number ( n ) of characters").
 * Address lines 1-3 (150), city (50) and zip (36) are the lengths of NetSuite's Addresses table in the
 * Records Catalog (ODBC `addresses`: address_line_1..3, city, zip). Addressee (150), state (30) and
 * phone (22) are the address form's field limits as the connector's field notes give them; that
 * table lists the stored columns wider (state 50, phone 100), so the form's narrower limits are kept.
 */
export const SHIP_ADDRESS_LIMITS = {
  addressee: 150,
  addr1: 150,
  addr2: 150,
  addr3: 150,
  city: 50,
  state: 30,
  zip: 36,
  addrphone: 22,
} as const satisfies Partial<Record<keyof NetSuiteShipAddress, number>>;

export type LimitedShipAddressField = keyof typeof SHIP_ADDRESS_LIMITS;

/** The NetSuite field labels of the ship-to address, for messages. */
export const SHIP_ADDRESS_LABELS: Readonly<Record<keyof NetSuiteShipAddress, string>> = {
  country: 'Country',
  addressee: 'Addressee',
  addr1: 'Address 1',
  addr2: 'Address 2',
  addr3: 'Address 3',
  city: 'City',
  state: 'State',
  zip: 'Zip',
  addrphone: 'Phone',
};

/** Where each NetSuite field comes from in TikTok's `recipient_address`, for messages. */
const TIKTOK_SOURCE: Readonly<Record<LimitedShipAddressField, string>> = {
  addressee: 'recipient name',
  addr1: 'address line 1',
  addr2: 'address line 2',
  addr3: 'address lines 3 and 4',
  city: 'city',
  state: 'state',
  zip: 'postal code',
  addrphone: 'phone number',
};

/**
 * A phone number as NetSuite can hold it: unchanged when it fits, else only its digits and `+`
 * (`(+1) 213-555-0100 ext. 12` → `+1213555010012`), which may still be too long (then reported).
 */
export function fitPhone(phone: string | null): string | null {
  if (phone === null || phone.length <= SHIP_ADDRESS_LIMITS.addrphone) {
    return phone;
  }
  const compact = phone.replace(/[^0-9+]/g, '');
  return compact === '' ? phone : compact;
}

/** A ship-to field whose value NetSuite would refuse because it is too long. */
export interface ShipAddressLimitProblem {
  field: LimitedShipAddressField;
  label: string;
  length: number;
  limit: number;
}

/** Every field of the address longer than NetSuite holds, in the order of the address form. */
export function shipAddressLimitProblems(address: NetSuiteShipAddress): ShipAddressLimitProblem[] {
  const problems: ShipAddressLimitProblem[] = [];
  for (const field of Object.keys(SHIP_ADDRESS_LIMITS) as LimitedShipAddressField[]) {
    const value = address[field];
    const limit = SHIP_ADDRESS_LIMITS[field];
    if (value !== null && value.length > limit) {
      problems.push({ field, label: SHIP_ADDRESS_LABELS[field], length: value.length, limit });
    }
  }
  return problems;
}

/** What the problems mean and what a person does about them, naming the TikTok order. */
export function describeShipAddressLimitProblems(
  orderId: string,
  problems: readonly ShipAddressLimitProblem[],
): string {
  const fields = problems
    .map(
      (p) =>
        `${p.label} (${p.field}, from TikTok's ${TIKTOK_SOURCE[p.field]}) has ${p.length} characters; NetSuite allows ${p.limit}`,
    )
    .join('; ');
  return `The ship-to address of TikTok order ${orderId} does not fit NetSuite's address fields: ${fields}. The connector does not shorten an address, because a cut address can send the parcel to the wrong place. Fix: have the address corrected in TikTok (Seller Center or the buyer); the corrected order is imported automatically. If the address really is that long, enter the order in NetSuite by hand and set this inbox record's State to skipped.`;
}

/** The ship-to address for the sales order, or null when TikTok sent none (UNPAID / ON_HOLD orders). */
export function mapShipAddress(address: TikTokRecipientAddress | undefined): NetSuiteShipAddress | null {
  if (address === undefined) {
    return null;
  }
  const country = clean(address.region_code)?.toUpperCase() ?? null;
  return {
    country,
    addressee: addressee(address),
    addr1: clean(address.address_line1) ?? clean(address.address_detail),
    addr2: clean(address.address_line2),
    addr3: joinLines([address.address_line3, address.address_line4]),
    city: clean(address.post_town) ?? level(address, 'L3') ?? level(address, 'L2'),
    state: normaliseState(country, level(address, 'L1')),
    zip: clean(address.postal_code),
    addrphone: fitPhone(clean(address.phone_number)),
  };
}
