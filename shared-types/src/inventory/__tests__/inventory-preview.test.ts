/// <reference types="jest" />
import type { ExplainedPair } from '../inventory-export';
import { describeRule, previewRows } from '../inventory-preview';

const pair = (over: Partial<ExplainedPair>): ExplainedPair => ({
  sellerSku: 'MUG',
  itemId: '10',
  warehouseId: '701',
  quantity: 8,
  available: 10,
  buffer: 2,
  bufferSource: 'shop',
  rule: 'stock',
  locationIds: ['1', '2'],
  changed: true,
  ...over,
});

describe('inventory preview rows', () => {
  const explained = [
    pair({
      sellerSku: 'TEE',
      rule: 'matrix_parent',
      quantity: null,
      warehouseId: null,
      locationIds: [],
      changed: false,
    }),
    pair({ warehouseId: '702', quantity: 0, available: 0, buffer: 0, changed: false, locationIds: ['3'] }),
    pair({}),
    pair({
      sellerSku: 'SET',
      rule: 'kit_members',
      bufferSource: 'item',
      buffer: 1,
      available: 4,
      quantity: 3,
    }),
  ];
  const names = { '1': 'Main', '2': 'East', '3': 'West' };

  it('says per SKU and warehouse what is sent, whether the next run sends it, by which rule, locations and buffer', () => {
    const { rows, total } = previewRows(
      explained,
      { includeOnOrder: false, includeInTransit: false },
      names,
      {
        limit: 10,
      },
    );
    expect(total).toBe(4);
    expect(rows.map((r) => `${r.sellerSku}@${r.warehouseId}`)).toEqual([
      'MUG@701',
      'MUG@702',
      'SET@701',
      'TEE@—',
    ]);
    expect(rows[0]).toEqual({
      sellerSku: 'MUG',
      itemId: '10',
      warehouseId: '701',
      quantity: '8',
      next: 'sent at the next run',
      rule: 'Sum of available (on hand − committed) at the linked locations',
      locations: 'Main (1), East (2)',
      buffer: "2 of 10 available (shop's Inventory Safety Buffer)",
    });
    expect(rows[1]!.next).toBe('unchanged (not sent again)');
    expect(rows[2]!.buffer).toBe("1 of 4 available (item's TikTok Inventory Buffer)");
    expect(rows[3]).toMatchObject({ quantity: 'not sent', next: 'never sent', buffer: '' });
  });

  it('filters by SKU text and by what the next run sends, and caps the rows', () => {
    const opts = { includeOnOrder: false, includeInTransit: false };
    expect(previewRows(explained, opts, names, { sku: 'mu', limit: 10 }).total).toBe(2);
    expect(previewRows(explained, opts, names, { changedOnly: true, limit: 10 }).total).toBe(2);
    const capped = previewRows(explained, opts, names, { limit: 1 });
    expect([capped.rows.length, capped.total]).toEqual([1, 4]);
  });

  it('names the counted quantities when on order / in transit count', () => {
    expect(describeRule('stock', { includeOnOrder: true, includeInTransit: true })).toBe(
      'Sum of available (on hand − committed + on order + in transit − back-ordered) at the linked locations',
    );
    expect(describeRule('inactive_left_alone', { includeOnOrder: false, includeInTransit: false })).toContain(
      'Push Inactive Items as Out of Stock is off',
    );
  });
});
