import type { TikTokRecipientAddress } from './tiktok-order';

/**
 * TikTok `recipient_address` → the fields of NetSuite's `shippingaddress` subrecord.
 *
 * `district_info` lists the administrative levels: L0 country, L1 state/province, L2 county or
 * district, L3 city (US: L3 is the city, L2 the county). The UK sends the city as `post_town`.
 * NetSuite keys US states by their two-letter code, so US state names are converted.
 */

export interface NetSuiteShipAddress {
  /** Two-letter ISO country code; set first (it decides the address form). */
  country: string | null;
  addressee: string | null;
  addr1: string | null;
  addr2: string | null;
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
    addr2: joinLines([address.address_line2, address.address_line3, address.address_line4]),
    city: clean(address.post_town) ?? level(address, 'L3') ?? level(address, 'L2'),
    state: normaliseState(country, level(address, 'L1')),
    zip: clean(address.postal_code),
    addrphone: clean(address.phone_number),
  };
}
