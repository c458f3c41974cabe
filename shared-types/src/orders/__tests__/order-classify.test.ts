/// <reference types="jest" />
import { classifyForImport, notImportedNote } from '../order-classify';
import { TIKTOK_ORDER_STATUSES } from '../../tiktok/tiktok-order';

describe('classifyForImport', () => {
  it.each([
    ['UNPAID', 'wait'],
    ['ON_HOLD', 'wait'],
    ['AWAITING_SHIPMENT', 'import'],
    ['PARTIALLY_SHIPPING', 'import'],
    ['AWAITING_COLLECTION', 'import'],
    ['IN_TRANSIT', 'import'],
    ['DELIVERED', 'import'],
    ['COMPLETED', 'import'],
    ['CANCELLED', 'cancelled'],
  ] as const)('%s → %s', (status, expected) => {
    expect(classifyForImport({ status })).toBe(expected);
  });

  it('covers every TikTok status', () => {
    const classes = TIKTOK_ORDER_STATUSES.map((status) => classifyForImport({ status }));
    expect(classes.filter((c) => c === 'import')).toHaveLength(6);
  });
});

describe('notImportedNote', () => {
  it('explains waiting and cancelled orders', () => {
    expect(notImportedNote({ id: '1', status: 'UNPAID' })).toBe(
      "TikTok order 1 is UNPAID in TikTok Shop (not yet paid or still in the buyer's cancellation window); it waits, and is imported automatically when TikTok sends the update that it awaits shipment.",
    );
    expect(notImportedNote({ id: '1', status: 'CANCELLED' })).toBe(
      'TikTok order 1 was cancelled in TikTok Shop before it was imported; no sales order is created.',
    );
  });
});
