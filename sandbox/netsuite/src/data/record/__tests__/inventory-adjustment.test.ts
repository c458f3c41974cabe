import { US_ONEWORLD, withoutFeatures } from '../../../profiles/account-profile';
import { FEATURE } from '../../../profiles/features';
import { currentInvocation } from '../../../context';
import type { NsRecord } from '../record';
import type { FulfillmentWorld } from './fulfillment-world';
import { startFulfillmentWorld } from './fulfillment-world';

/**
 * Inventory adjustments (`inventoryadjustment`): an Adjustment Account is required, each `inventory`
 * line moves on hand at its location (or the item's single quantity without Multi-Location
 * Inventory); edits and deletes take the previous quantities back; what NetSuite refuses is refused.
 */

interface Line {
  sku: string;
  location?: number;
  adjustqtyby?: number;
  newquantity?: number;
}

function adjust(w: FulfillmentWorld, lines: Line[], fields: Record<string, unknown>): number {
  return w.run(() => {
    const a = w.record.create({ type: 'inventoryadjustment' });
    fill(w, a, lines, fields);
    return a.save();
  });
}

function fill(w: FulfillmentWorld, a: NsRecord, lines: Line[], fields: Record<string, unknown>): void {
  for (const [fieldId, value] of Object.entries(fields)) a.setValue({ fieldId, value });
  lines.forEach((l, line) => {
    a.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line, value: w.account.itemIds[l.sku] });
    if (l.location !== undefined) a.setSublistValue({ sublistId: 'inventory', fieldId: 'location', line, value: l.location });
    if (l.adjustqtyby !== undefined) a.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line, value: l.adjustqtyby });
    if (l.newquantity !== undefined) a.setSublistValue({ sublistId: 'inventory', fieldId: 'newquantity', line, value: l.newquantity });
  });
}

describe('inventory adjustments with Multi-Location Inventory', () => {
  let w: FulfillmentWorld;
  let header: Record<string, unknown>;
  let main: number;
  let east: number;
  beforeEach(async () => {
    w = await startFulfillmentWorld();
    main = w.account.locationIds.main;
    east = w.account.locationIds.east;
    header = { subsidiary: w.account.subsidiaryId, account: w.ns.seed.glAccount('Inventory Adjustments') };
  });
  afterEach(async () => {
    await w.ns.stop();
  });

  it('moves on hand per line location (adjlocation when a line has none), recording on hand before and after', () => {
    const id = adjust(
      w,
      [
        { sku: 'SKU-A', location: east, adjustqtyby: 7 },
        { sku: 'SKU-A', adjustqtyby: -3 },
        { sku: 'SKU-B', newquantity: 4 },
      ],
      { ...header, adjlocation: main },
    );
    expect(w.stock('SKU-A', east)).toEqual({ onHand: 7, committed: 0, available: 7 });
    expect(w.stock('SKU-A', main)).toEqual({ onHand: 7, committed: 0, available: 7 });
    expect(w.stock('SKU-B', main)).toEqual({ onHand: 4, committed: 0, available: 4 });
    expect(w.ns.store.get('inventoryadjustment', id)?.sublists.inventory?.map((l) => [l.fields.line, l.fields.quantityonhand, l.fields.adjustqtyby, l.fields.newquantity])).toEqual([
      [1, 0, 7, 7],
      [2, 10, -3, 7],
      [3, 10, -6, 4],
    ]);
  });

  it('lowers quantity available, never below zero, when stock committed to orders is adjusted down', () => {
    w.order([{ sku: 'SKU-A', quantity: 6 }]);
    adjust(w, [{ sku: 'SKU-A', location: main, adjustqtyby: -8 }], header);
    expect(w.stock('SKU-A', main)).toEqual({ onHand: 2, committed: 6, available: 0 });
  });

  it('takes the previous quantities back on edit and on delete', () => {
    const id = adjust(w, [{ sku: 'SKU-A', location: east, adjustqtyby: 5 }], header);
    w.edit('inventoryadjustment', id, (a) => a.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: 2 }));
    expect(w.stock('SKU-A', east).onHand).toBe(2);
    w.run(() => w.record.delete({ type: 'inventoryadjustment', id }));
    expect(w.stock('SKU-A', east).onHand).toBe(0);
  });

  it('costs what a transaction costs: create 10 + save 20', () => {
    const units = w.run(() => {
      const a = w.record.create({ type: 'inventoryadjustment' });
      fill(w, a, [{ sku: 'SKU-A', location: main, adjustqtyby: 1 }], header);
      a.save();
      return currentInvocation().meter.used;
    });
    expect(units).toBe(30);
  });

  it.each([
    ['no Adjustment Account', [{ sku: 'SKU-A', location: 0, adjustqtyby: 1 }], { account: null }, 'Please enter value(s) for: Adjustment Account'],
    ['no line', [], {}, 'You must enter at least one line item for this transaction.'],
    ['no location', [{ sku: 'SKU-A', adjustqtyby: 1 }], {}, 'Please enter value(s) for: Location (inventory line 1)'],
    ['no quantity', [{ sku: 'SKU-A', location: 0 }], {}, 'Please enter value(s) for: Adjust Qty. By (inventory line 1)'],
    ['on hand below zero', [{ sku: 'SKU-A', location: 0, adjustqtyby: -11 }], {}, 'would leave -1 on hand'],
  ])('refuses an adjustment with %s, changing nothing', (_what, lines, extra, message) => {
    const withMain = (lines as Line[]).map((l) => (l.location === 0 ? { ...l, location: main } : l));
    const refused = w.refusal(() => adjust(w, withMain, { ...header, ...extra }));
    expect(refused.name).toBe('USER_ERROR');
    expect(refused.message).toContain(message);
    expect(w.ns.store.all('inventoryadjustment')).toHaveLength(0);
    expect(w.stock('SKU-A', main).onHand).toBe(10);
  });

  it('refuses items that track no inventory and inactive locations', () => {
    const refused = w.refusal(() =>
      w.run(() => {
        const a = w.record.create({ type: 'inventoryadjustment' });
        fill(w, a, [], header);
        a.setSublistValue({ sublistId: 'inventory', fieldId: 'item', line: 0, value: w.account.shipItemId });
        a.setSublistValue({ sublistId: 'inventory', fieldId: 'location', line: 0, value: main });
        a.setSublistValue({ sublistId: 'inventory', fieldId: 'adjustqtyby', line: 0, value: 1 });
        return a.save();
      }),
    );
    expect(refused.message).toContain('does not track inventory: only inventory items can be adjusted');
    const closed = w.ns.seed.location('Closed Store', { subsidiary: w.account.subsidiaryId, isinactive: true });
    const inactive = w.refusal(() => adjust(w, [{ sku: 'SKU-A', location: closed, adjustqtyby: 1 }], header));
    expect(inactive).toMatchObject({ name: 'INVALID_KEY_OR_REF', message: `Invalid location reference key ${closed} (inventory line 1).` });
  });
});

describe('inventory adjustments without Multi-Location Inventory', () => {
  let w: FulfillmentWorld;
  beforeAll(async () => {
    w = await startFulfillmentWorld(withoutFeatures(US_ONEWORLD, FEATURE.MULTILOCINVT));
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it("adjusts the item's single quantity, and its lines have no location", () => {
    const header = { subsidiary: w.account.subsidiaryId, account: w.ns.seed.glAccount('Inventory Adjustments') };
    adjust(w, [{ sku: 'SKU-A', adjustqtyby: 5 }], header);
    expect(w.stock('SKU-A', null)).toEqual({ onHand: 15, committed: 0, available: 15 });
    const refused = w.refusal(() => adjust(w, [{ sku: 'SKU-A', location: w.account.locationIds.main, adjustqtyby: 1 }], header));
    expect(refused.name).toBe('SSS_INVALID_SUBLIST_OPERATION');
    expect(refused.message).toContain('Multi-Location Inventory (MULTILOCINVT)');
  });
});
