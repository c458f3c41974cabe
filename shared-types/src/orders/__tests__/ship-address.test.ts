/// <reference types="jest" />
import type { NetSuiteShipAddress } from '../ship-address';
import {
  describeShipAddressLimitProblems,
  fitPhone,
  mapShipAddress,
  normaliseState,
  SHIP_ADDRESS_LIMITS,
  shipAddressLimitProblems,
} from '../ship-address';
import { order } from '../../../../test/support/tiktok-order-builder';

describe('mapShipAddress', () => {
  it('maps a US address: state name to code, city from L3, phone', () => {
    expect(mapShipAddress(order().recipient_address)).toEqual({
      country: 'US',
      addressee: 'Jane Doe',
      addr1: '1 Main St',
      addr2: 'Apt 2',
      addr3: null,
      city: 'Los Angeles',
      state: 'CA',
      zip: '90001',
      addrphone: '(+1)213-555-0100',
    });
  });

  it('returns null when TikTok sent no address', () => {
    expect(mapShipAddress(undefined)).toBeNull();
  });

  it('maps a UK address: post_town is the city, the L1 nation is the state', () => {
    expect(
      mapShipAddress({
        name: 'John Smith',
        address_line1: '10 Downing Street',
        address_line2: '',
        post_town: 'London',
        postal_code: 'SW1A 2AA',
        region_code: 'gb',
        district_info: [
          { address_level_name: 'Country', address_name: 'United Kingdom', address_level: 'L0' },
          { address_level_name: 'Nation', address_name: 'England', address_level: 'L1' },
          { address_level_name: 'County', address_name: 'Greater London', address_level: 'L2' },
        ],
      }),
    ).toEqual({
      country: 'GB',
      addressee: 'John Smith',
      addr1: '10 Downing Street',
      addr2: null,
      addr3: null,
      city: 'London',
      state: 'England',
      zip: 'SW1A 2AA',
      addrphone: null,
    });
  });

  it('falls back: first + last name, address_detail, L2 city, empty line 3 left out of addr3', () => {
    const mapped = mapShipAddress({
      first_name: ' Ana ',
      last_name: 'Silva',
      address_detail: 'Rua A 12',
      address_line2: 'Bloco B',
      address_line3: ' ',
      address_line4: 'Centro',
      region_code: 'BR',
      district_info: [
        { address_level_name: 'State', address_name: 'São Paulo', address_level: 'L1' },
        { address_level_name: 'City', address_name: 'Campinas', address_level: 'l2' },
      ],
    });
    expect(mapped).toEqual({
      country: 'BR',
      addressee: 'Ana Silva',
      addr1: 'Rua A 12',
      addr2: 'Bloco B',
      addr3: 'Centro',
      city: 'Campinas',
      state: 'São Paulo',
      zip: null,
      addrphone: null,
    });
  });

  it('leaves missing parts null', () => {
    expect(mapShipAddress({})).toEqual({
      country: null,
      addressee: null,
      addr1: null,
      addr2: null,
      addr3: null,
      city: null,
      state: null,
      zip: null,
      addrphone: null,
    });
  });
});

describe('mapShipAddress: address lines', () => {
  it('maps line 2 to addr2 and lines 3 and 4 to addr3', () => {
    const mapped = mapShipAddress({
      ...order().recipient_address,
      address_line1: '500 Industrial Pkwy',
      address_line2: 'Building C',
      address_line3: 'Dock 4',
      address_line4: 'Attn receiving',
    });
    expect(mapped).toMatchObject({
      addr1: '500 Industrial Pkwy',
      addr2: 'Building C',
      addr3: 'Dock 4, Attn receiving',
    });
  });

  it('keeps line 3 alone in addr3, and line 4 alone when line 3 is empty', () => {
    expect(mapShipAddress({ address_line1: 'A', address_line3: 'Floor 3' })).toMatchObject({
      addr2: null,
      addr3: 'Floor 3',
    });
    expect(mapShipAddress({ address_line1: 'A', address_line3: '', address_line4: 'Rear' })).toMatchObject({
      addr3: 'Rear',
    });
  });

  it('never shortens a long line', () => {
    const long = `${'Unit 7, '.repeat(25)}End`;
    expect(mapShipAddress({ address_line1: 'A', address_line3: long })?.addr3).toBe(long);
  });
});

describe('fitPhone', () => {
  it('keeps a phone that fits, unchanged', () => {
    expect(fitPhone('(+1)213-555-0100')).toBe('(+1)213-555-0100');
    expect(fitPhone(null)).toBeNull();
  });

  it('reduces a phone longer than NetSuite holds to its digits and +', () => {
    const phone = '(+44) 20 7946 0958 / reception';
    expect(phone.length).toBeGreaterThan(SHIP_ADDRESS_LIMITS.addrphone);
    expect(fitPhone(phone)).toBe('+442079460958');
    expect(mapShipAddress({ phone_number: phone })?.addrphone).toBe('+442079460958');
  });

  it('keeps a long phone without digits as it is (then reported, not cut)', () => {
    const phone = 'call the front desk please';
    expect(fitPhone(phone)).toBe(phone);
  });
});

describe('shipAddressLimitProblems', () => {
  const fits = mapShipAddress(order().recipient_address) as NetSuiteShipAddress;

  it('finds nothing in an address that fits, up to exactly the limits', () => {
    expect(shipAddressLimitProblems(fits)).toEqual([]);
    const atLimits: NetSuiteShipAddress = {
      ...fits,
      addressee: 'n'.repeat(150),
      addr1: 'a'.repeat(150),
      addr2: 'b'.repeat(150),
      addr3: 'c'.repeat(150),
      city: 'd'.repeat(50),
      state: 'e'.repeat(30),
      zip: '9'.repeat(36),
      addrphone: '1'.repeat(22),
    };
    expect(shipAddressLimitProblems(atLimits)).toEqual([]);
  });

  it('names every field over NetSuite limit with its length and the limit', () => {
    const tooLong: NetSuiteShipAddress = {
      ...fits,
      addressee: 'n'.repeat(151),
      addr1: 'a'.repeat(151),
      addr2: 'b'.repeat(160),
      addr3: 'c'.repeat(200),
      city: 'd'.repeat(51),
      state: 'e'.repeat(31),
      zip: '9'.repeat(37),
      addrphone: '1'.repeat(23),
    };
    expect(shipAddressLimitProblems(tooLong)).toEqual([
      { field: 'addressee', label: 'Addressee', length: 151, limit: 150 },
      { field: 'addr1', label: 'Address 1', length: 151, limit: 150 },
      { field: 'addr2', label: 'Address 2', length: 160, limit: 150 },
      { field: 'addr3', label: 'Address 3', length: 200, limit: 150 },
      { field: 'city', label: 'City', length: 51, limit: 50 },
      { field: 'state', label: 'State', length: 31, limit: 30 },
      { field: 'zip', label: 'Zip', length: 37, limit: 36 },
      { field: 'addrphone', label: 'Phone', length: 23, limit: 22 },
    ]);
  });

  it('describes the problem with the order, field, length, limit and what to do', () => {
    const message = describeShipAddressLimitProblems('576461413038700001', [
      { field: 'addr3', label: 'Address 3', length: 180, limit: 150 },
    ]);
    expect(message).toContain('TikTok order 576461413038700001');
    expect(message).toContain(
      "Address 3 (addr3, from TikTok's address lines 3 and 4) has 180 characters; NetSuite allows 150",
    );
    expect(message).toContain('does not shorten');
    expect(message).toContain('have the address corrected in TikTok (Seller Center or the buyer)');
    expect(message).toContain(
      "enter the order in NetSuite by hand and set this inbox record's State to skipped",
    );
  });
});

describe('normaliseState', () => {
  it('turns US state names into codes, keeps codes, leaves unknown names', () => {
    expect(normaliseState('US', 'New  York')).toBe('NY');
    expect(normaliseState('US', 'district of columbia')).toBe('DC');
    expect(normaliseState('US', 'tx')).toBe('TX');
    expect(normaliseState('US', 'Atlantis')).toBe('Atlantis');
    expect(normaliseState('US', null)).toBeNull();
  });

  it('does not touch other countries', () => {
    expect(normaliseState('GB', 'England')).toBe('England');
    expect(normaliseState(null, 'California')).toBe('California');
  });
});
