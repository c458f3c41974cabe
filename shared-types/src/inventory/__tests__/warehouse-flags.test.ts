/// <reference types="jest" />
import type { WarehouseLinks } from '../warehouse-flags';
import { checkWarehouseLinks } from '../warehouse-flags';

const locations = {
  '1': { name: 'East', inactive: false },
  '2': { name: 'West', inactive: false },
  '3': { name: 'Old', inactive: true },
  '4': { name: 'Outlet', inactive: false },
};

function wh(over: Partial<WarehouseLinks>): WarehouseLinks {
  return {
    warehouseId: '701',
    name: 'Main',
    status: 'ENABLED',
    isDefault: false,
    locationIds: ['1'],
    primaryLocationId: null,
    ...over,
  };
}

describe('checkWarehouseLinks', () => {
  it('passes good links through unflagged', () => {
    const result = checkWarehouseLinks([wh({ locationIds: ['1', '2'], primaryLocationId: '2' })], {
      locations,
      locationFilter: [],
      multiLocation: true,
    });
    expect(result).toEqual({
      warehouses: [{ warehouseId: '701', isDefault: false, locationIds: ['1', '2'] }],
      flags: [],
    });
  });

  it.each([
    ['warehouse_disabled', wh({ status: 'DISABLED' }), 'Fix: enable it in Seller Center'],
    ['warehouse_deleted', wh({ status: 'DELETED' }), 'no longer in the shop'],
  ])('flags a %s warehouse and counts none of its links', (kind, warehouse, text) => {
    const result = checkWarehouseLinks([warehouse], { locations, locationFilter: [], multiLocation: true });
    expect(result.flags.map((f) => f.kind)).toEqual([kind]);
    expect(result.flags[0].message).toContain(text);
    expect(result.warehouses[0].locationIds).toEqual([]);
  });

  it('flags inactive, missing and filtered-out locations; the rest still count', () => {
    const result = checkWarehouseLinks([wh({ locationIds: ['1', '3', '8', '4'] })], {
      locations,
      locationFilter: ['1', '3'],
      multiLocation: true,
    });
    expect(result.flags.map((f) => [f.kind, f.locationId])).toEqual([
      ['location_inactive', '3'],
      ['location_missing', '8'],
      ['location_outside_filter', '4'],
    ]);
    expect(result.flags[0].message).toContain('Fix: reactivate it in Setup > Company > Locations');
    expect(result.flags[2].message).toContain('Fix: add it to Location Filter');
    expect(result.warehouses[0].locationIds).toEqual(['1']);
  });

  it('flags a primary location that is not linked', () => {
    const result = checkWarehouseLinks([wh({ primaryLocationId: '2' })], {
      locations,
      locationFilter: [],
      multiLocation: true,
    });
    expect(result.flags.map((f) => f.kind)).toEqual(['primary_not_linked']);
  });

  it('flags several linked warehouses without Multi-Location Inventory', () => {
    const result = checkWarehouseLinks(
      [wh({}), wh({ warehouseId: '702', isDefault: true, locationIds: ['2'] })],
      { locations, locationFilter: [], multiLocation: false },
    );
    expect(result.flags).toEqual([
      expect.objectContaining({ kind: 'several_warehouses_without_mli', warehouseId: '701' }),
    ]);
    expect(result.flags[0].message).toContain('only TikTok warehouse 702 shows it');
  });
});
