/// <reference types="jest" />
import { buildSkuItemMap, chunk } from '../sku-item-map';

describe('buildSkuItemMap', () => {
  it('matches by Item Name/Number exactly', () => {
    const rows = [
      { id: '10', itemid: 'MUG-RED', ttsSku: null },
      { id: '11', itemid: 'mug-red', ttsSku: null },
      { id: '12', itemid: 'MUG-RED ', ttsSku: null },
    ];
    expect(buildSkuItemMap(rows, ['MUG-RED', 'mug-red', 'MUG-RED ', 'MUG-BLUE'])).toEqual({
      items: { 'MUG-RED': '10', 'mug-red': '11', 'MUG-RED ': '12' },
      ambiguous: {},
    });
  });

  it('prefers the TikTok SKU field over the item name', () => {
    const rows = [
      { id: '10', itemid: 'TT-1', ttsSku: null },
      { id: '20', itemid: 'NS-0001', ttsSku: 'TT-1' },
    ];
    expect(buildSkuItemMap(rows, ['TT-1']).items).toEqual({ 'TT-1': '20' });
  });

  it('reports SKUs matched by several items at the same strength', () => {
    const rows = [
      { id: '31', itemid: 'A', ttsSku: 'X' },
      { id: '30', itemid: 'B', ttsSku: 'X' },
      { id: '40', itemid: 'Y', ttsSku: null },
      { id: '41', itemid: 'Y', ttsSku: null },
      { id: '41', itemid: 'Y', ttsSku: null },
    ];
    expect(buildSkuItemMap(rows, ['X', 'Y'])).toEqual({
      items: {},
      ambiguous: { X: ['30', '31'], Y: ['40', '41'] },
    });
  });

  it('ignores rows for SKUs not asked for', () => {
    expect(buildSkuItemMap([{ id: '1', itemid: 'A', ttsSku: null }], ['B'])).toEqual({
      items: {},
      ambiguous: {},
    });
  });
});

describe('chunk', () => {
  it('splits into chunks of at most n', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow('chunk size must be a whole number ≥ 1, got 0');
  });
});
