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

describe('virtual bundle components sharing the bundle line id', () => {
  // Bundle line B1 (a tee and 2 socks) imported as its components: every component unit carries B1.
  const bundleOrder = [
    { line: '1', tiktokLineIds: ['B1'] },
    { line: '2', tiktokLineIds: ['B1', 'B1'] },
    { line: '3', tiktokLineIds: ['301', '302'] },
  ];

  it('names the bundle line id once for all its component units in one package', () => {
    expect(
      tiktokLineIdsOf(bundleOrder, [
        { orderLine: '1', quantity: 1 },
        { orderLine: '2', quantity: 2 },
        { orderLine: '3', quantity: 1 },
      ]),
    ).toEqual({ ok: true, lineItemIds: ['B1', '301'] });
  });

  it('ships the rest of a bundle another fulfillment sent without a problem, and says so', () => {
    const first = tiktokLineIdsOf(bundleOrder, [{ orderLine: '1', quantity: 1 }]);
    expect(first.lineItemIds).toEqual(['B1']);
    expect(
      tiktokLineIdsOf(
        bundleOrder,
        [
          { orderLine: '2', quantity: 2 },
          { orderLine: '3', quantity: 2 },
        ],
        first.lineItemIds,
      ),
    ).toEqual({ ok: true, lineItemIds: ['301', '302'], bundleShipped: ['B1'] });
  });

  // Two units of the bundle (B1, B2), their components merged on one line per item, as the import books them.
  const twoBundles = [
    { line: '1', tiktokLineIds: ['B1', 'B2'] },
    { line: '2', tiktokLineIds: ['B1', 'B1', 'B2', 'B2'] },
  ];
  const oneBundle = [
    { orderLine: '1', quantity: 1 },
    { orderLine: '2', quantity: 2 },
  ];

  it('gives the second fulfillment of one bundle each the bundle not yet shipped', () => {
    const first = tiktokLineIdsOf(twoBundles, oneBundle);
    expect(first).toEqual({ ok: true, lineItemIds: ['B1'] });
    expect(tiktokLineIdsOf(twoBundles, oneBundle, first.lineItemIds)).toEqual({
      ok: true,
      lineItemIds: ['B2'],
    });
  });

  it('names a shipped bundle only when every bundle of the line has been sent', () => {
    expect(tiktokLineIdsOf(twoBundles, [{ orderLine: '2', quantity: 1 }], ['B1'])).toEqual({
      ok: true,
      lineItemIds: ['B2'],
    });
    expect(tiktokLineIdsOf(twoBundles, [{ orderLine: '2', quantity: 2 }], ['B1', 'B2'])).toEqual({
      ok: true,
      lineItemIds: [],
      bundleShipped: ['B1'],
    });
  });
});
