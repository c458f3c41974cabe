/// <reference types="jest" />
import {
  afterSearchUnits,
  canFetchPage,
  canStartShop,
  RUN_RESERVE_UNITS,
  shopRunUnits,
} from '../export-governance';

describe('inventory export governance', () => {
  it('costs a shop of 30,000 balance rows (10,000 SKUs × 3 locations) far below a run’s 10,000 units', () => {
    // 2 queries 20 + search 5 + 30 pages 150 + files 40 + 20 notices 120 + clear 2
    expect(shopRunUnits(30_000)).toBe(337);
    expect(canStartShop(10_000, 30_000)).toBe(true);
  });

  it('starts a shop only when its whole run and the reserve fit', () => {
    const need = shopRunUnits(5_000) + RUN_RESERVE_UNITS;
    expect(canStartShop(need, 5_000)).toBe(true);
    expect(canStartShop(need - 1, 5_000)).toBe(false);
  });

  it('fetches a page only while what follows the search still fits', () => {
    expect(canFetchPage(5 + afterSearchUnits())).toBe(true);
    expect(canFetchPage(4 + afterSearchUnits())).toBe(false);
  });
});
