/// <reference types="jest" />
import { suggestLocations } from '../link-suggestions';

describe('suggestLocations', () => {
  const locations = [
    {
      locationId: '1',
      name: 'Reno DC',
      inactive: false,
      address: { postalCode: '89502', city: 'Reno', addressLine1: '1 Main St' },
    },
    {
      locationId: '2',
      name: 'Austin Warehouse',
      inactive: false,
      address: { postalCode: '73301', city: 'Austin', addressLine1: null },
    },
    {
      locationId: '3',
      name: 'Reno Overflow',
      inactive: true,
      address: { postalCode: '89502', city: 'Reno' },
    },
    { locationId: '4', name: 'Reno Outlet', inactive: false, address: null },
  ];

  it('ranks by address then name, skipping inactive locations', () => {
    const suggestions = suggestLocations(
      {
        warehouseId: '701',
        name: 'Reno Warehouse',
        address: { postalCode: '89502', city: 'RENO', addressLine1: '1 Main St.' },
      },
      locations,
      [],
    );
    expect(suggestions).toEqual([
      {
        locationId: '1',
        score: 6,
        reasons: ['same postal code and city', 'same street address', 'name shares "reno"'],
      },
      { locationId: '4', score: 1, reasons: ['name shares "reno"'] },
    ]);
  });

  it('ignores words such as "warehouse" and locations outside the Location Filter', () => {
    expect(
      suggestLocations({ warehouseId: '701', name: 'Main Warehouse', address: null }, locations, []),
    ).toEqual([]);
    expect(
      suggestLocations({ warehouseId: '701', name: 'Reno', address: null }, locations, ['1']).map(
        (s) => s.locationId,
      ),
    ).toEqual(['1']);
  });
});
