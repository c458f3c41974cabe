/// <reference types="jest" />
import type { InventoryBalance, LinkedWarehouse } from '../availability';
import { computeAvailability, computeAvailabilityDetail } from '../availability';
import { bufferUnits, itemSyncDecision, parseItemBuffer } from '../availability-options';
import { pairKey } from '../inventory-delta';
import type { InventoryExportInput, InventoryItemRow } from '../inventory-export';
import { emptyInventoryState, runInventoryExport } from '../inventory-export';

/**
 * Issue #16 item 1: one test per availability option, each with the exact quantity TikTok is sent.
 * Warehouse 701 links locations 1 and 2, warehouse 702 links location 3.
 */
const WAREHOUSES: LinkedWarehouse[] = [
  { warehouseId: '701', isDefault: true, locationIds: ['1', '2'] },
  { warehouseId: '702', isDefault: false, locationIds: ['3'] },
];

const bal = (itemId: string, locationId: string, onHand: number, extra: Partial<InventoryBalance> = {}) => ({
  itemId,
  locationId,
  onHand,
  committed: 0,
  ...extra,
});

function qty(
  balances: InventoryBalance[],
  extra: Partial<Parameters<typeof computeAvailability>[0]> = {},
): Record<string, Record<string, number>> {
  const result = computeAvailability({
    balances,
    warehouses: WAREHOUSES,
    safetyBuffer: 0,
    multiLocation: true,
    ...extra,
  });
  return Object.fromEntries([...result].map(([item, m]) => [item, Object.fromEntries(m)]));
}

describe('quantity on order and in transit', () => {
  const balances = [
    bal('10', '1', 10, { committed: 2, onOrder: 5, inTransit: 4 }),
    bal('10', '3', 1, { committed: 0, onOrder: 6, backOrdered: 2 }),
  ];

  it('are not counted by default: on hand − committed only', () => {
    expect(qty(balances)['10']).toEqual({ '701': 8, '702': 1 });
  });

  it('Count Quantity On Order adds open purchase orders, net of back orders', () => {
    expect(qty(balances, { options: { includeOnOrder: true } })['10']).toEqual({ '701': 13, '702': 5 });
  });

  it('Count Quantity In Transit adds transfers on their way', () => {
    expect(qty(balances, { options: { includeInTransit: true } })['10']).toEqual({ '701': 12, '702': 1 });
    expect(qty(balances, { options: { includeInTransit: true, includeOnOrder: true } })['10']).toEqual({
      '701': 17,
      '702': 5,
    });
  });
});

describe('buffers', () => {
  const balances = [bal('10', '1', 95), bal('10', '3', 7), bal('11', '1', 95)];

  it('the shop percentage keeps back that share of each warehouse, rounded up', () => {
    expect(qty(balances, { options: { bufferPercent: 10 } })).toEqual({
      '10': { '701': 85, '702': 6 },
      '11': { '701': 85, '702': 0 },
    });
  });

  it('with units and percentage both set, the larger one is kept back', () => {
    expect(qty(balances, { safetyBuffer: 3, options: { bufferPercent: 10 } })['10']).toEqual({
      '701': 85,
      '702': 4,
    });
  });

  it("an item's own buffer (units or percent) replaces the shop's", () => {
    const itemBuffers = new Map([
      ['10', { kind: 'units' as const, value: 1 }],
      ['11', { kind: 'percent' as const, value: 50 }],
    ]);
    expect(qty(balances, { safetyBuffer: 3, options: { bufferPercent: 10 }, itemBuffers })).toEqual({
      '10': { '701': 94, '702': 6 },
      '11': { '701': 47, '702': 0 },
    });
  });

  it('parses the item field: units, percent, empty; anything else names the fix', () => {
    expect(parseItemBuffer('3')).toEqual({ kind: 'units', value: 3 });
    expect(parseItemBuffer(' 12.5% ')).toEqual({ kind: 'percent', value: 12.5 });
    expect(parseItemBuffer('')).toBeNull();
    expect(parseItemBuffer(null)).toBeNull();
    expect(parseItemBuffer('150%')).toEqual({ error: expect.stringContaining('percentage up to 100%') });
    expect(parseItemBuffer('-2')).toEqual({ error: expect.stringContaining('"-2"') });
    expect(bufferUnits(0, { kind: 'percent', value: 10 }, { units: 0, percent: 0 })).toBe(0);
    expect(() => bufferUnits(5, null, { units: -1, percent: 0 })).toThrow('safety buffer');
  });
});

describe('kits, item groups and assemblies', () => {
  // Kit 50 = 2 × item 10 + 1 × item 11 + a service item 12 (no stock: never limits).
  const members = new Map([
    [
      '50',
      [
        { itemId: '10', quantity: 2 },
        { itemId: '11', quantity: 1 },
        { itemId: '12', quantity: 1 },
      ],
    ],
    // Group 60 = 3 × item 11.
    ['60', [{ itemId: '11', quantity: 3 }]],
    // Assembly 70 = 4 × item 10; it has 3 built at location 1.
    ['70', [{ itemId: '10', quantity: 4 }]],
    // A kit of kits: 80 = 2 × kit 50.
    ['80', [{ itemId: '50', quantity: 2 }]],
  ]);
  const balances = [
    bal('10', '1', 9),
    bal('10', '3', 5),
    bal('11', '1', 7),
    bal('11', '3', 0),
    bal('70', '1', 3),
  ];

  it('a kit is the minimum over its members of floor(available / quantity per kit)', () => {
    const r = qty(balances, { members });
    expect(r['50']).toEqual({ '701': 4, '702': 0 });
    expect(r['60']).toEqual({ '701': 2, '702': 0 });
    expect(r['80']).toEqual({ '701': 2, '702': 0 });
  });

  it('an assembly shows its built stock, plus what can be built with Count Buildable Assemblies', () => {
    const assemblies = new Set(['70']);
    expect(qty(balances, { members, assemblies })['70']).toEqual({ '701': 3, '702': 0 });
    expect(qty(balances, { members, assemblies, options: { assembliesFromComponents: true } })['70']).toEqual(
      {
        '701': 5,
        '702': 1,
      },
    );
  });

  it('the kit buffer applies to kits, after the members are counted; the detail names the rule', () => {
    const detail = computeAvailabilityDetail({
      balances,
      warehouses: WAREHOUSES,
      safetyBuffer: 1,
      multiLocation: true,
      members,
    });
    expect(detail.get('50')?.get('701')).toEqual({
      quantity: 3,
      available: 4,
      buffer: 1,
      bufferSource: 'shop',
      rule: 'kit_members',
      locationIds: ['1', '2'],
    });
  });

  it('without Multi-Location Inventory the kit counts on the one warehouse that shows the single quantity', () => {
    const r = computeAvailability({
      balances: [
        { itemId: '10', locationId: null, onHand: 14, committed: 0 },
        { itemId: '11', locationId: null, onHand: 7, committed: 0 },
      ],
      warehouses: WAREHOUSES,
      safetyBuffer: 0,
      multiLocation: false,
      members,
    });
    expect(Object.fromEntries(r.get('50')!)).toEqual({ '701': 7, '702': 0 });
  });
});

describe('item-level settings in the export', () => {
  const wh = (id: string, locationIds: string[]) => ({
    warehouseId: id,
    name: `WH ${id}`,
    status: 'ENABLED' as const,
    isDefault: id === '701',
    locationIds,
    primaryLocationId: null,
  });
  function input(items: InventoryItemRow[], over: Partial<InventoryExportInput> = {}): InventoryExportInput {
    return {
      warehouses: [wh('701', ['1', '2']), wh('702', ['3'])],
      locations: {
        '1': { name: 'Main', inactive: false },
        '2': { name: 'East', inactive: false },
        '3': { name: 'West', inactive: false },
      },
      locationFilter: [],
      multiLocation: true,
      safetyBuffer: 0,
      items,
      balances: items.map((i) => bal(i.id, '1', 9)),
      force: false,
      now: 1_000,
      ...over,
    };
  }
  const sent = (run: ReturnType<typeof runInventoryExport>, sku: string, w: string) =>
    run.state.pending[pairKey(sku, w)]?.quantity;

  it('Do Not Sync Inventory: the SKU is never sent (and a pending quantity is dropped)', () => {
    const first = runInventoryExport(
      input([{ id: '10', itemid: 'MUG', ttsSku: null }]),
      emptyInventoryState(),
      {},
    );
    expect(sent(first, 'MUG', '701')).toBe(9);
    const run = runInventoryExport(
      input([{ id: '10', itemid: 'MUG', ttsSku: null, noSync: true }]),
      first.state,
      {},
    );
    expect(run.state.pending).toEqual({});
    expect(run.explained).toEqual([
      expect.objectContaining({ sellerSku: 'MUG', rule: 'do_not_sync', quantity: null }),
    ]);
  });

  it('inactive and discontinued items are sent as 0 (default), or left alone with the option off', () => {
    const items: InventoryItemRow[] = [
      { id: '10', itemid: 'OLD', ttsSku: null, inactive: true },
      { id: '11', itemid: 'LAST', ttsSku: null, discontinued: true },
      { id: '12', itemid: 'LIVE', ttsSku: null },
    ];
    const on = runInventoryExport(input(items), emptyInventoryState(), {});
    expect([sent(on, 'OLD', '701'), sent(on, 'LAST', '701'), sent(on, 'LIVE', '701')]).toEqual([0, 0, 9]);
    expect(on.explained.find((e) => e.sellerSku === 'OLD')?.rule).toBe('inactive_zero');
    const off = runInventoryExport(
      input(items, { options: { inactiveAsZero: false } }),
      emptyInventoryState(),
      {},
    );
    expect([sent(off, 'OLD', '701'), sent(off, 'LAST', '701'), sent(off, 'LIVE', '701')]).toEqual([
      undefined,
      undefined,
      9,
    ]);
    expect(
      itemSyncDecision(
        { inactive: true, noSync: false, discontinued: false, isParent: false },
        { inactiveAsZero: false },
      ),
    ).toEqual({
      send: false,
      why: 'inactive_left_alone',
    });
  });

  it('an active item keeps its SKU over an inactive one of the same name', () => {
    const run = runInventoryExport(
      input([
        { id: '10', itemid: 'MUG', ttsSku: null, inactive: true },
        { id: '11', itemid: 'MUG', ttsSku: null },
      ]),
      emptyInventoryState(),
      {},
    );
    expect(run.state.pending[pairKey('MUG', '701')]).toMatchObject({ itemId: '11', quantity: 9 });
    expect(run.notices).toEqual([]);
  });

  it('matrix items: each child is sent by its own SKU; the parent is not sent', () => {
    const run = runInventoryExport(
      input([
        { id: '20', itemid: 'TEE', ttsSku: null },
        { id: '21', itemid: 'TEE-RED-M', ttsSku: null, parentId: '20' },
        { id: '22', itemid: 'TEE-BLUE-M', ttsSku: 'TEE-B-M', parentId: '20' },
      ]),
      emptyInventoryState(),
      {},
    );
    expect(sent(run, 'TEE-RED-M', '701')).toBe(9);
    expect(sent(run, 'TEE-B-M', '701')).toBe(9);
    expect(sent(run, 'TEE', '701')).toBeUndefined();
    expect(run.explained.find((e) => e.sellerSku === 'TEE')?.rule).toBe('matrix_parent');
  });

  it('an invalid item buffer is reported with its fix and the shop buffer applies', () => {
    const run = runInventoryExport(
      input([{ id: '10', itemid: 'MUG', ttsSku: null, buffer: 'lots' }], { safetyBuffer: 2 }),
      emptyInventoryState(),
      {},
    );
    expect(sent(run, 'MUG', '701')).toBe(7);
    expect(run.notices).toEqual([
      expect.objectContaining({
        kind: 'item_buffer_invalid',
        message: expect.stringContaining('Fix: correct TikTok Inventory Buffer (custitem_tts_inv_buffer)'),
      }),
    ]);
  });

  it('a kit is sent under its own SKU from its members', () => {
    const run = runInventoryExport(
      input(
        [
          { id: '10', itemid: 'CUP', ttsSku: null },
          { id: '50', itemid: 'CUP-PAIR', ttsSku: null },
        ],
        { members: new Map([['50', [{ itemId: '10', quantity: 2 }]]]), balances: [bal('10', '1', 9)] },
      ),
      emptyInventoryState(),
      {},
    );
    expect(sent(run, 'CUP-PAIR', '701')).toBe(4);
    expect(sent(run, 'CUP-PAIR', '702')).toBe(0);
  });
});
