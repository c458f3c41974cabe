import { SHIP_ADDRESS_LIMITS } from '../../../../../../shared-types/src/orders/ship-address';
import type { World } from '../../record/__tests__/harness';
import { createWorld, thrown } from '../../record/__tests__/harness';
import { standardTypes } from '..';

const ADDRESS_TYPE = standardTypes().find((t) => t.id === 'address')!;

/** The `address` subrecord refuses values longer than NetSuite's address fields hold. */
describe('address subrecord field limits', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  const limits: [string, number][] = [
    ['addressee', 150],
    ['addr1', 150],
    ['addr2', 150],
    ['addr3', 150],
    ['city', 50],
    ['state', 30],
    ['zip', 36],
    ['addrphone', 22],
  ];

  it('declares the limits the connector checks against', () => {
    for (const [fieldId, limit] of limits) {
      expect([fieldId, ADDRESS_TYPE.fields[fieldId].maxLength]).toEqual([fieldId, limit]);
    }
    expect(Object.entries(SHIP_ADDRESS_LIMITS).sort()).toEqual([...limits].sort());
  });

  it.each(limits)('%s takes %i characters and refuses one more (INVALID_FLD_VALUE)', (fieldId, limit) => {
    const value = fieldId === 'addrphone' ? '1' : 'x';
    const outcome = w.run(() => {
      const so = w.record.create({ type: 'salesorder' });
      const ship = so.getSubrecord({ fieldId: 'shippingaddress' });
      ship.setValue({ fieldId, value: value.repeat(limit) });
      return {
        stored: ship.getValue({ fieldId }),
        refused: thrown(() => ship.setValue({ fieldId, value: value.repeat(limit + 1) })),
      };
    }).result;
    expect(outcome.stored).toBe(value.repeat(limit));
    expect(outcome.refused.name).toBe('INVALID_FLD_VALUE');
    expect(outcome.refused.message).toBe(
      `The field ${fieldId} contained more than the maximum number ( ${limit} ) of characters allowed.`,
    );
  });
});
