/// <reference types="jest" />
import { afterBuffer, computeAvailability, quantityAvailable, TIKTOK_MAX_QUANTITY } from '../availability';

describe('computeAvailability', () => {
  const warehouses = [
    { warehouseId: '701', isDefault: false, locationIds: ['1', '2'] },
    { warehouseId: '702', isDefault: true, locationIds: ['3'] },
    { warehouseId: '703', isDefault: false, locationIds: [] },
  ];

  it('sums on hand − committed over the linked locations, per warehouse, minus the buffer', () => {
    const result = computeAvailability({
      balances: [
        { itemId: '10', locationId: '1', onHand: 12, committed: 2 },
        { itemId: '10', locationId: '2', onHand: 5, committed: 0 },
        { itemId: '10', locationId: '3', onHand: 4, committed: 1 },
        { itemId: '10', locationId: '9', onHand: 100, committed: 0 },
      ],
      warehouses,
      safetyBuffer: 2,
      multiLocation: true,
    });
    expect(Object.fromEntries(result.get('10') ?? [])).toEqual({ '701': 13, '702': 1 });
  });

  it('never goes below zero: a location deficit adds nothing and the buffer stops at 0', () => {
    const result = computeAvailability({
      balances: [
        { itemId: '10', locationId: '1', onHand: 1, committed: 4 },
        { itemId: '10', locationId: '2', onHand: 3, committed: 0 },
        { itemId: '10', locationId: '3', onHand: 1, committed: 0 },
      ],
      warehouses,
      safetyBuffer: 2,
      multiLocation: true,
    });
    expect(Object.fromEntries(result.get('10') ?? [])).toEqual({ '701': 1, '702': 0 });
  });

  it('without Multi-Location Inventory sends the single quantity to the default linked warehouse only', () => {
    const result = computeAvailability({
      balances: [{ itemId: '10', locationId: null, onHand: 9, committed: 3 }],
      warehouses,
      safetyBuffer: 0,
      multiLocation: false,
    });
    expect(Object.fromEntries(result.get('10') ?? [])).toEqual({ '701': 0, '702': 6 });
  });

  it('caps at TikTok’s maximum and refuses a negative or fractional buffer', () => {
    expect(afterBuffer(250_000, 0)).toBe(TIKTOK_MAX_QUANTITY);
    expect(() => afterBuffer(5, -1)).toThrow('safety buffer must be a whole number ≥ 0, got -1');
    expect(() => afterBuffer(5, 1.5)).toThrow('safety buffer');
    expect(quantityAvailable({ onHand: 7.9, committed: 0 })).toBe(7);
    expect(quantityAvailable({ onHand: Number.NaN, committed: 2 })).toBe(0);
  });
});
