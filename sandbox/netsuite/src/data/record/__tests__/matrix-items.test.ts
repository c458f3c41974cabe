import type { World } from './harness';
import { createWorld, thrown } from './harness';

/** Matrix items as NetSuite models them (record/matrix.ts; catalogue/matrix-options.ts). */
describe('matrix items', () => {
  let w: World;
  const colorOf = (name: string): string => {
    const row = w.store.all('customlist_color').find((r) => r.fields.name === name);
    if (!row) throw new Error(`no color ${name}`);
    return String(row.id);
  };
  beforeEach(() => {
    w = createWorld({}, {
      matrixOptions: [{ fieldId: 'custitem_color', label: 'Color', listId: 'customlist_color', values: ['Red', 'Blue', 'Green'] }],
    });
  });

  function item(values: Record<string, unknown>): number {
    return w.run(() => {
      const rec = w.record.create({ type: 'inventoryitem' });
      for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
      return rec.save();
    }).result;
  }

  it('saves a parent offering values and children each carrying one of them', () => {
    const parent = item({ itemid: 'TEE', matrixtype: 'PARENT', custitem_color: [colorOf('Red'), colorOf('Blue')], weight: 1, weightunit: '1' });
    const child = item({ itemid: 'TEE-RED', matrixtype: 'CHILD', parent, matrixoptioncustitem_color: colorOf('Red') });
    const loaded = w.run(() => w.record.load({ type: 'inventoryitem', id: child })).result;
    expect(loaded.getValue({ fieldId: 'parent' })).toBe(String(parent));
    expect(loaded.getText({ fieldId: 'matrixoptioncustitem_color' })).toBe('Red');
    expect(loaded.getText({ fieldId: 'matrixtype' })).toBe('Child Matrix Item');
  });

  it('refuses what NetSuite refuses', () => {
    const parent = item({ itemid: 'TEE', matrixtype: 'PARENT', custitem_color: [colorOf('Red')] });
    const plain = item({ itemid: 'PLAIN' });
    expect(thrown(() => item({ itemid: 'TEE-GREEN', matrixtype: 'CHILD', parent, matrixoptioncustitem_color: colorOf('Green') }))).toMatchObject({
      name: 'INVALID_FLD_VALUE',
      message: `Invalid Field Value ${colorOf('Green')} for the following field: matrixoptioncustitem_color`,
    });
    expect(thrown(() => item({ itemid: 'ORPHAN', matrixtype: 'CHILD' })).message).toMatch(/Subitem of/);
    expect(thrown(() => item({ itemid: 'BAD', matrixtype: 'CHILD', parent: plain })).message).toMatch(/not a parent matrix item/);
    expect(thrown(() => item({ itemid: 'LOOSE', matrixoptioncustitem_color: colorOf('Red') })).message).toMatch(/only be set on child matrix items/);
    expect(thrown(() => item({ itemid: 'NESTED', matrixtype: 'PARENT', parent })).message).toMatch(/cannot be a subitem/);
    expect(thrown(() => item({ itemid: 'ODD', matrixtype: 'GRANDCHILD' })).name).toBe('INVALID_FLD_VALUE');
    expect(thrown(() => item({ itemid: 'HEAVY', weightunit: '7' })).name).toBe('INVALID_FLD_VALUE');
  });
});
