/// <reference types="jest" />
import { tiktokLineIdsOf } from '../fulfillment-lines';

const order = [
  { line: '1', tiktokLineIds: ['101', '102', '103'] },
  { line: '2', tiktokLineIds: ['201'] },
  { line: '3', tiktokLineIds: [] },
];

describe('TikTok line item ids of a fulfillment', () => {
  it('takes one id per unit: 2 of 3 units cover 2 ids', () => {
    expect(tiktokLineIdsOf(order, [{ orderLine: '1', quantity: 2 }])).toEqual({
      ok: true,
      lineItemIds: ['101', '102'],
    });
  });

  it('never gives an id another fulfillment of the order covers', () => {
    const first = tiktokLineIdsOf(order, [{ orderLine: '1', quantity: 2 }]);
    const second = tiktokLineIdsOf(
      order,
      [
        { orderLine: '1', quantity: 1 },
        { orderLine: '2', quantity: 1 },
      ],
      first.lineItemIds,
    );
    expect(second).toEqual({ ok: true, lineItemIds: ['103', '201'] });
  });

  it('leaves out lines without TikTok ids and zero quantities', () => {
    expect(
      tiktokLineIdsOf(order, [
        { orderLine: '3', quantity: 1 },
        { orderLine: '9', quantity: 1 },
        { orderLine: '2', quantity: 0 },
      ]),
    ).toEqual({ ok: true, lineItemIds: [] });
  });

  it('names the line when more units ship than ids are left, and returns those left', () => {
    const result = tiktokLineIdsOf(order, [{ orderLine: '1', quantity: 3 }], ['101', '102']);
    expect(result.ok).toBe(false);
    expect(result.lineItemIds).toEqual(['103']);
    expect(!result.ok && result.problems[0]).toContain(
      'sales order line 1 ships 3 unit(s) but only 1 of its 3',
    );
  });

  it('does not give the same id twice within one fulfillment listing a line twice', () => {
    expect(
      tiktokLineIdsOf(order, [
        { orderLine: '1', quantity: 2 },
        { orderLine: '1', quantity: 1 },
      ]).lineItemIds,
    ).toEqual(['101', '102', '103']);
  });
});
