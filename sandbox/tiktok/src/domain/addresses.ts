/** Sample buyer addresses per region, shaped like TikTok's `recipient_address` (TikTok's Get Order Detail). */
import type { TikTokRecipientAddress } from '../../../../shared-types/src/tiktok/tiktok-order';
import type { Random } from '../random';
import type { WarehouseAddress } from './types';

const BUYERS: Readonly<Record<string, readonly TikTokRecipientAddress[]>> = {
  US: [
    {
      first_name: 'Jane',
      last_name: 'Doe',
      phone_number: '(+1)213-***-1234',
      address_line1: '5800 Bristol Pkwy',
      address_line2: 'Suite 100',
      address_detail: 'Suite 100',
      postal_code: '90230',
      region_code: 'US',
      district_info: [
        { address_level_name: 'Country', address_name: 'United States', address_level: 'L0' },
        { address_level_name: 'State', address_name: 'California', address_level: 'L1' },
        { address_level_name: 'County', address_name: 'Los Angeles', address_level: 'L2' },
        { address_level_name: 'City', address_name: 'Culver City', address_level: 'L3' },
      ],
    },
    {
      first_name: 'Marcus',
      last_name: 'Lee',
      phone_number: '(+1)646-***-8890',
      address_line1: '350 5th Ave',
      address_line2: 'Apt 12B',
      address_detail: 'Apt 12B',
      postal_code: '10118',
      region_code: 'US',
      district_info: [
        { address_level_name: 'Country', address_name: 'United States', address_level: 'L0' },
        { address_level_name: 'State', address_name: 'New York', address_level: 'L1' },
        { address_level_name: 'County', address_name: 'New York', address_level: 'L2' },
        { address_level_name: 'City', address_name: 'New York', address_level: 'L3' },
      ],
    },
  ],
  GB: [
    {
      first_name: 'Oliver',
      last_name: 'Smith',
      phone_number: '(+44)7700-***-123',
      address_line1: '10 Fleet Street',
      address_line2: 'Flat 3',
      address_detail: 'Flat 3',
      postal_code: 'EC4Y 1AU',
      region_code: 'GB',
      post_town: 'London',
      district_info: [
        { address_level_name: 'Country', address_name: 'United Kingdom', address_level: 'L0' },
        { address_level_name: 'Country', address_name: 'England', address_level: 'L1' },
        { address_level_name: 'County', address_name: 'Greater London', address_level: 'L2' },
        { address_level_name: 'Post Town', address_name: 'London', address_level: 'L3' },
      ],
    },
  ],
};

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  DE: 'Germany',
  ES: 'Spain',
  FR: 'France',
  IE: 'Ireland',
  IT: 'Italy',
  JP: 'Japan',
  ID: 'Indonesia',
  MY: 'Malaysia',
  PH: 'Philippines',
  SG: 'Singapore',
  TH: 'Thailand',
  VN: 'Vietnam',
  MX: 'Mexico',
  BR: 'Brazil',
};

function genericBuyer(region: string): TikTokRecipientAddress {
  const country = COUNTRY_NAMES[region] ?? region;
  return {
    first_name: 'Alex',
    last_name: 'Martin',
    phone_number: '(+00)***-***-4321',
    address_line1: '1 Market Square',
    address_line2: '',
    address_detail: '',
    postal_code: '10001',
    region_code: region,
    district_info: [
      { address_level_name: 'Country', address_name: country, address_level: 'L0' },
      { address_level_name: 'City', address_name: 'Capital City', address_level: 'L1' },
    ],
  };
}

/** A complete recipient address for a buyer in `region` (name and full_address filled in). */
export function sampleRecipient(region: string, random: Random): TikTokRecipientAddress {
  const list = BUYERS[region];
  const base = list ? random.pick(list) : genericBuyer(region);
  const districts = (base.district_info ?? []).map((d) => ({ ...d }));
  const place = districts
    .slice(1)
    .reverse()
    .map((d) => d.address_name)
    .join(', ');
  const country = districts[0]?.address_name ?? region;
  const street = [base.address_line1, base.address_line2].filter((x) => x).join(' ');
  return {
    ...base,
    district_info: districts,
    name: `${base.first_name ?? ''} ${base.last_name ?? ''}`.trim(),
    full_address: `${street}, ${place}, ${base.postal_code ?? ''}, ${country}`,
  };
}

/** The same buyer at a new street address (a buyer's address change). */
export function movedRecipient(base: TikTokRecipientAddress): TikTokRecipientAddress {
  const line1 = '77 New Street';
  const old = [base.address_line1, base.address_line2].filter((x) => x).join(' ');
  return {
    ...base,
    address_line1: line1,
    full_address: base.full_address?.replace(old, [line1, base.address_line2].filter((x) => x).join(' ')),
  };
}

/**
 * A Colorado buyer: TikTok collects the retail delivery fee from Colorado and Minnesota buyers
 * (TikTok's changelog "For US local sellers: retail delivery fee is added to API").
 */
export function retailDeliveryRecipient(): TikTokRecipientAddress {
  const districts = [
    { address_level_name: 'Country', address_name: 'United States', address_level: 'L0' },
    { address_level_name: 'State', address_name: 'Colorado', address_level: 'L1' },
    { address_level_name: 'County', address_name: 'Denver', address_level: 'L2' },
    { address_level_name: 'City', address_name: 'Denver', address_level: 'L3' },
  ];
  return {
    first_name: 'Riley',
    last_name: 'Nguyen',
    name: 'Riley Nguyen',
    phone_number: '(+1)303-***-5521',
    address_line1: '1600 Glenarm Pl',
    address_line2: 'Unit 4',
    address_detail: 'Unit 4',
    postal_code: '80202',
    region_code: 'US',
    district_info: districts,
    full_address: '1600 Glenarm Pl Unit 4, Denver, Denver, Colorado, 80202, United States',
  };
}

/** A warehouse address for a shop in `region`. */
export function warehouseAddress(region: string, name: string): WarehouseAddress {
  const us = region === 'US';
  return {
    region: us ? 'United States' : (COUNTRY_NAMES[region] ?? (region === 'GB' ? 'United Kingdom' : region)),
    state: us ? 'California' : '',
    city: us ? 'Ontario' : 'Capital City',
    distict: us ? 'San Bernardino' : '',
    town: '',
    contact_person: 'Warehouse Manager',
    postal_code: us ? '91761' : '10001',
    full_address: us ? `${name}, 1200 S Milliken Ave, Ontario, CA 91761` : `${name}, 1 Dock Road`,
    region_code: region,
    phone_number: us ? '(+1)909-***-0100' : '(+00)***-0100',
    address_line1: us ? '1200 S Milliken Ave' : '1 Dock Road',
    address_line2: '',
    address_line3: '',
    address_line4: '',
  };
}
