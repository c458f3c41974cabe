import { createSearchModule } from '../module';
import { CATALOGUE, MemoryReader } from './memory-reader';
import { clock, inInvocation } from './run';

/**
 * Item searches with member columns (issue #16): `memberitem` and `memberquantity` (records.json item
 * search columns "Member Item", "Member Quantity") give one row per line of a kit's Members sublist,
 * the way the inventory export reads kits; an item without members gives one row with them empty.
 */
function kitReader(): MemoryReader {
  const r = new MemoryReader();
  const inventory = CATALOGUE.find((t) => t.id === 'inventoryitem')!;
  r.addType({
    ...inventory,
    id: 'kititem',
    sublists: {
      member: {
        id: 'member',
        fields: {
          item: { id: 'item', kind: 'select', label: 'Item', mandatory: false, selectTarget: 'item' },
          quantity: { id: 'quantity', kind: 'float', label: 'Quantity', mandatory: false },
        },
      },
    },
  } as typeof inventory);
  r.add('inventoryitem', { itemid: 'CUP', isinactive: false }, { id: 1 });
  r.add('inventoryitem', { itemid: 'SAUCER', isinactive: false }, { id: 2 });
  r.add(
    'kititem',
    { itemid: 'CUP-SET', isinactive: false },
    { id: 3, sublist: 'member', lines: [{ item: '1', quantity: 2 }, { item: '2', quantity: 1 }] },
  );
  r.add('kititem', { itemid: 'EMPTY-KIT', isinactive: false }, { id: 4 });
  return r;
}

describe('item search member columns', () => {
  it('gives one row per member with its item and quantity', () => {
    const search = createSearchModule(kitReader(), { clock });
    const rows = inInvocation(() =>
      search
        .create({ type: search.Type.KIT_ITEM, filters: [], columns: ['itemid', 'memberitem', 'memberquantity'] })
        .run()
        .getRange({ start: 0, end: 10 }),
    ).value;
    expect(rows.map((r) => [r.id, r.getValue('memberitem'), r.getText('memberitem'), r.getValue('memberquantity')])).toEqual([
      ['3', '1', 'CUP', '2'],
      ['3', '2', 'SAUCER', '1'],
      ['4', '', '', ''],
    ]);
  });
});
