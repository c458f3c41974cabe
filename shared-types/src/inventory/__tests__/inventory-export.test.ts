/// <reference types="jest" />
import { pairKey } from '../inventory-delta';
import type { InventoryExportInput } from '../inventory-export';
import {
  applyAcks,
  emptyInventoryState,
  itemsBySellerSku,
  parseInventoryState,
  runInventoryExport,
} from '../inventory-export';
import type { WarehouseLinks } from '../warehouse-flags';

const wh = (id: string, locationIds: string[], extra: Partial<WarehouseLinks> = {}): WarehouseLinks => ({
  warehouseId: id,
  name: `WH ${id}`,
  status: 'ENABLED',
  isDefault: false,
  locationIds,
  primaryLocationId: null,
  ...extra,
});

function input(over: Partial<InventoryExportInput> = {}): InventoryExportInput {
  return {
    warehouses: [wh('701', ['1', '2']), wh('702', ['3'])],
    locations: {
      '1': { name: 'Main', inactive: false },
      '2': { name: 'East', inactive: false },
      '3': { name: 'West', inactive: false },
    },
    locationFilter: [],
    multiLocation: true,
    safetyBuffer: 1,
    items: [
      { id: '10', itemid: 'HOODIE-M', ttsSku: null },
      { id: '11', itemid: 'internal-tote', ttsSku: 'TOTE' },
    ],
    balances: [
      { itemId: '10', locationId: '1', onHand: 5, committed: 1 },
      { itemId: '10', locationId: '2', onHand: 3, committed: 0 },
      { itemId: '10', locationId: '3', onHand: 2, committed: 0 },
      { itemId: '11', locationId: '3', onHand: 9, committed: 4 },
    ],
    force: false,
    now: 1_000,
    ...over,
  };
}

describe('runInventoryExport', () => {
  it('queues every linked pair on the first run, minus the buffer, under each item’s seller SKU', () => {
    const run = runInventoryExport(input(), emptyInventoryState(), {});
    expect(run.changed).toBe(4);
    expect(run.state.pending[pairKey('HOODIE-M', '701')]).toEqual({
      quantity: 6,
      itemId: '10',
      override: false,
      queuedAt: 1_000,
    });
    expect(run.state.pending[pairKey('HOODIE-M', '702')]?.quantity).toBe(1);
    expect(run.state.pending[pairKey('TOTE', '701')]?.quantity).toBe(0);
    expect(run.state.pending[pairKey('TOTE', '702')]).toMatchObject({ quantity: 4, override: true });
  });

  it('queues nothing when nothing changed and the bridge confirmed everything; a change queues all warehouses of that SKU only', () => {
    const first = runInventoryExport(input(), emptyInventoryState(), {});
    const acks = Object.fromEntries(
      Object.entries(first.state.pending).map(([k, v]) => [
        k,
        { quantity: v.quantity, queuedAt: v.queuedAt },
      ]),
    );
    const second = runInventoryExport(input({ now: 2_000 }), first.state, acks);
    expect(second.changed).toBe(0);
    expect(second.pending).toBe(0);
    const balances = input().balances.map((b) => (b.itemId === '11' ? { ...b, committed: 5 } : b));
    const third = runInventoryExport(input({ balances, now: 3_000 }), second.state, acks);
    expect(third.changed).toBe(2);
    expect(Object.keys(third.state.pending).sort()).toEqual(
      [pairKey('TOTE', '701'), pairKey('TOTE', '702')].sort(),
    );
    expect(third.state.pending[pairKey('TOTE', '702')]?.quantity).toBe(3);
  });

  it('keeps a pair pending until the bridge acknowledges that very quantity (a failed SKU is served again)', () => {
    const first = runInventoryExport(input(), emptyInventoryState(), {});
    const second = runInventoryExport(input({ now: 2_000 }), first.state, {
      [pairKey('HOODIE-M', '701')]: { quantity: 6, queuedAt: 1_000 },
    });
    expect(second.changed).toBe(0);
    expect(second.pending).toBe(3);
    expect(
      applyAcks(second.state.pending, { [pairKey('TOTE', '702')]: { quantity: 99, queuedAt: 1_000 } })[
        pairKey('TOTE', '702')
      ],
    ).toBeDefined();
  });

  it('Force inventory resync queues every linked pair again', () => {
    const first = runInventoryExport(input(), emptyInventoryState(), {});
    const acks = Object.fromEntries(
      Object.entries(first.state.pending).map(([k, v]) => [
        k,
        { quantity: v.quantity, queuedAt: v.queuedAt },
      ]),
    );
    const forced = runInventoryExport(
      input({ force: true }),
      runInventoryExport(input(), first.state, acks).state,
      {},
    );
    expect(forced.changed).toBe(4);
  });

  it('without Multi-Location Inventory the single quantity goes to one warehouse', () => {
    const balances = [
      { itemId: '10', locationId: null, onHand: 7, committed: 2 },
      { itemId: '11', locationId: null, onHand: 1, committed: 0 },
    ];
    const run = runInventoryExport(
      input({
        multiLocation: false,
        balances,
        safetyBuffer: 0,
        warehouses: [wh('701', ['1']), wh('702', ['3'], { isDefault: true })],
      }),
      emptyInventoryState(),
      {},
    );
    expect(run.state.pending[pairKey('HOODIE-M', '702')]?.quantity).toBe(5);
    expect(run.state.pending[pairKey('HOODIE-M', '701')]?.quantity).toBe(0);
    expect(run.notices.map((n) => n.kind)).toContain('several_warehouses_without_mli');
  });

  it('flags each broken link with its fix, once while it lasts', () => {
    const warehouses = [
      wh('701', ['1', '2']),
      wh('702', ['3'], { status: 'DISABLED' }),
      wh('703', ['4'], { status: 'DELETED' }),
    ];
    const locations = {
      '1': { name: 'Main', inactive: false },
      '2': { name: 'East', inactive: true },
      '3': { name: 'West', inactive: false },
      '4': { name: 'Old', inactive: false },
    };
    const filtered = input({ warehouses, locations, locationFilter: ['2', '3', '4'] });
    const run = runInventoryExport(filtered, emptyInventoryState(), {});
    const kinds = run.notices.map((n) => n.kind).sort();
    expect(kinds).toEqual([
      'location_inactive',
      'location_outside_filter',
      'warehouse_deleted',
      'warehouse_disabled',
    ]);
    for (const n of run.notices) expect(n.message).toContain('Fix:');
    expect(run.newNotices).toHaveLength(4);
    expect(runInventoryExport(filtered, run.state, {}).newNotices).toHaveLength(0);
    // 701's only usable link (Main) is outside the filter, East is inactive: nothing linked, nothing queued.
    expect(run.changed).toBe(0);
  });

  it('caps a quantity over TikTok’s range at 99,999 and says so', () => {
    const run = runInventoryExport(
      input({
        balances: [{ itemId: '10', locationId: '3', onHand: 150_000, committed: 0 }],
        safetyBuffer: 0,
      }),
      emptyInventoryState(),
      {},
    );
    expect(run.state.pending[pairKey('HOODIE-M', '702')]?.quantity).toBe(99_999);
    expect(run.notices.find((n) => n.kind === 'quantity_out_of_range')?.message).toContain('150000');
  });
});

describe('itemsBySellerSku', () => {
  it('prefers the override, reports SKUs two items share', () => {
    const { skus, notices } = itemsBySellerSku([
      { id: '1', itemid: 'A', ttsSku: null },
      { id: '2', itemid: 'x', ttsSku: 'A' },
      { id: '3', itemid: 'B', ttsSku: null },
      { id: '4', itemid: 'B', ttsSku: null },
    ]);
    expect(skus.get('A')).toEqual({ itemId: '2', override: true });
    expect(skus.has('B')).toBe(false);
    expect(notices[0]?.message).toContain('TikTok SKU "B" matches items 3, 4');
  });
});

describe('parseInventoryState', () => {
  it('starts afresh from an unreadable file', () => {
    expect(parseInventoryState('{oops')).toEqual(emptyInventoryState());
    expect(parseInventoryState(null)).toEqual(emptyInventoryState());
  });
});
