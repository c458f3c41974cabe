/// <reference types="jest" />
import { mapShipAddress, normaliseState } from '../ship-address';
import { order } from './order-factory';

describe('mapShipAddress', () => {
  it('maps a US address: state name to code, city from L3, phone', () => {
    expect(mapShipAddress(order().recipient_address)).toEqual({
      country: 'US',
      addressee: 'Jane Doe',
      addr1: '1 Main St',
      addr2: 'Apt 2',
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
      city: 'London',
      state: 'England',
      zip: 'SW1A 2AA',
      addrphone: null,
    });
  });

  it('falls back: first + last name, address_detail, L2 city, joined extra lines', () => {
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
      addr2: 'Bloco B, Centro',
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
      city: null,
      state: null,
      zip: null,
      addrphone: null,
    });
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
