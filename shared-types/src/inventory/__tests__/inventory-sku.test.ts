/// <reference types="jest" />
import { matchInventorySkus } from '../inventory-sku';

describe('matchInventorySkus', () => {
  it('matches as orders do: override first, then Item Name/Number, exact', () => {
    const rows = [
      { id: '10', itemid: 'TT-1', ttsSku: null },
      { id: '20', itemid: 'NS-0001', ttsSku: 'TT-1' },
      { id: '30', itemid: 'mug', ttsSku: null },
    ];
    const match = matchInventorySkus(rows, ['TT-1', 'MUG', 'mug']);
    expect(Object.fromEntries(match.items)).toEqual({ 'TT-1': '20', mug: '30' });
    expect(match.problems).toEqual([]);
  });

  it('reports a SKU two items match equally, with the fix, and does not push it', () => {
    const rows = [
      { id: '31', itemid: 'A', ttsSku: 'X' },
      { id: '30', itemid: 'B', ttsSku: 'X' },
    ];
    const match = matchInventorySkus(rows, ['X']);
    expect(match.items.size).toBe(0);
    expect(match.problems).toEqual([
      {
        sellerSku: 'X',
        message: expect.stringContaining('matches items 30, 31 equally') as string,
      },
    ]);
    expect(match.problems[0].message).toContain('Fix: set TikTok SKU (custitem_tts_sku) on exactly one');
  });
});
