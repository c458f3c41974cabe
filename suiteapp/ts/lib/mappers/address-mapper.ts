/**
 * The address subrecord (a sales order's `shippingaddress`): the ship-to fields the connector
 * writes from TikTok's recipient address and reads back for address changes.
 */
import type { NetSuiteShipAddress } from '../../../../shared-types/src/orders/ship-address';
import type { BodyWrite, RecordReader } from './record-declaration';
import { declareRecord } from './record-declaration';
import { textOf } from './values';

export const ADDRESS = declareRecord({
  recordType: 'address',
  body: {
    country: 'country',
    addressee: 'addressee',
    addr1: 'addr1',
    addr2: 'addr2',
    addr3: 'addr3',
    city: 'city',
    state: 'state',
    zip: 'zip',
    addrphone: 'addrphone',
  },
});

/** Country first: it decides the address form (and so which fields exist). */
const ORDER: readonly (keyof NetSuiteShipAddress)[] = [
  'country',
  'addressee',
  'addr1',
  'addr2',
  'addr3',
  'city',
  'state',
  'zip',
  'addrphone',
];

/**
 * The fields of an address. `clearEmpty` writes an empty value as '' (a changed address must clear
 * a line it no longer has); otherwise empty values are left out (a new address).
 */
export function addressWrites(address: NetSuiteShipAddress, clearEmpty: boolean): BodyWrite[] {
  return ORDER.flatMap((field): BodyWrite[] => {
    const value = address[field];
    if (value === null) return clearEmpty ? [[ADDRESS.body[field], '']] : [];
    return [[ADDRESS.body[field], value]];
  });
}

export function addressFromRecord(address: RecordReader): NetSuiteShipAddress {
  const read = (field: keyof NetSuiteShipAddress): string | null =>
    textOf(address.value(ADDRESS.body[field]));
  return {
    country: read('country'),
    addressee: read('addressee'),
    addr1: read('addr1'),
    addr2: read('addr2'),
    addr3: read('addr3'),
    city: read('city'),
    state: read('state'),
    zip: read('zip'),
    addrphone: read('addrphone'),
  };
}
