/// <reference types="jest" />
import type { TikTokOrder } from '../../tiktok/tiktok-order';
import { planShipment } from '../ship-plan';

function order(
  lines: Partial<TikTokOrder['line_items'][number]>[],
  status = 'AWAITING_SHIPMENT',
): TikTokOrder {
  return {
    id: '576000000000000001',
    status,
    line_items: lines.map((l, i) => ({ id: `10${i + 1}`, display_status: 'AWAITING_SHIPMENT', ...l })),
  } as unknown as TikTokOrder;
}

describe('the shipment plan of a fulfillment row', () => {
  it('marks the line items shipped where the market offers it', () => {
    expect(planShipment(order([{}, {}, {}]), ['101', '102'], 'T1', 'US')).toEqual({
      action: 'mark',
      lineItemIds: ['101', '102'],
    });
  });

  it('is done when the line items are shipped with this tracking number already', () => {
    const o = order([
      { package_id: 'P1', package_status: 'PROCESSING', tracking_number: 'T1' },
      { package_id: 'P1', package_status: 'PROCESSING', tracking_number: 'T1' },
      {},
    ]);
    expect(planShipment(o, ['101', '102'], 'T1', 'US')).toMatchObject({ action: 'done', packageId: 'P1' });
    expect(planShipment(o, ['101', '102'], 'T2', 'US')).toEqual({ action: 'update', packageId: 'P1' });
  });

  it("ships TikTok's package where Mark Package As Shipped is not offered", () => {
    const o = order([
      { package_id: 'P9', package_status: 'TO_FULFILL' },
      { package_id: 'P9', package_status: 'TO_FULFILL' },
    ]);
    expect(planShipment(o, ['101', '102'], 'T1', 'MY')).toEqual({ action: 'ship_package', packageId: 'P9' });
    expect(planShipment(o, ['101', '102'], 'T1', 'US', true)).toEqual({
      action: 'ship_package',
      packageId: 'P9',
    });
    const partial = planShipment(o, ['101'], 'T1', 'MY');
    expect(partial.action === 'refuse' && partial.message).toContain(
      'holds line items this fulfillment does not ship (102)',
    );
  });

  it('refuses a cancelled order, cancelled lines, a half-shipped fulfillment and unknown lines', () => {
    const cancelled = planShipment(order([{}], 'CANCELLED'), ['101'], 'T1', 'US');
    expect(cancelled.action === 'refuse' && cancelled.message).toContain('was cancelled meanwhile');
    const line = planShipment(order([{ display_status: 'CANCELLED' }, {}]), ['101', '102'], 'T1', 'US');
    expect(line.action === 'refuse' && line.message).toContain('Line items 101 of TikTok order');
    const half = planShipment(
      order([{ package_id: 'P1', package_status: 'PROCESSING' }, {}]),
      ['101', '102'],
      'T1',
      'US',
    );
    expect(half.action === 'refuse' && half.message).toContain('cannot ship one fulfillment as two packages');
    const unknown = planShipment(order([{}]), ['999'], 'T1', 'US');
    expect(unknown.action === 'refuse' && unknown.message).toContain('has no line item 999');
  });
});
