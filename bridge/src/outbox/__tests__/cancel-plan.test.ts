import type { CancelPayload } from '../../../../shared-types/src/outbox';
import type { TikTokOrder } from '../../../../shared-types/src/tiktok-order';
import { makeOrder } from '../../__tests__/support/fake-tiktok';
import { planSellerCancel } from '../cancel-plan';

const whole: CancelPayload = {
  salesOrderId: '9',
  reason: 'out_of_stock',
  scope: 'order',
  lineItemIds: [],
  status: 'H',
};
const lines = (ids: string[]): CancelPayload => ({ ...whole, scope: 'lines', lineItemIds: ids });

function twoLines(overrides: Partial<TikTokOrder> = {}): TikTokOrder {
  const order = makeOrder('5', 1_700_000_000, overrides);
  const [line] = order.line_items;
  return { ...order, line_items: [line, { ...line, id: '5-2' }] };
}

describe('planSellerCancel', () => {
  it('cancels the whole order, or only the open items asked for in the US and UK', () => {
    expect(planSellerCancel(twoLines(), whole, 'MY')).toMatchObject({
      action: 'cancel',
      lineItemIds: undefined,
    });
    expect(planSellerCancel(twoLines(), lines(['5-2']), 'GB')).toMatchObject({
      action: 'cancel',
      lineItemIds: ['5-2'],
    });
  });

  it('cancels the whole order when the items asked for are all that is still open, in any region', () => {
    const order = twoLines();
    order.line_items[0].display_status = 'CANCELLED';
    expect(planSellerCancel(order, lines(['5-2']), 'MY')).toMatchObject({
      action: 'cancel',
      lineItemIds: undefined,
    });
  });

  it('refuses item-level cancellation outside the US and UK, with what to do instead', () => {
    const plan = planSellerCancel(twoLines(), lines(['5-2']), 'MY');
    expect(plan.action).toBe('refuse');
    expect(plan.message).toContain('only for US and UK shops');
  });

  it('does nothing for an order or items already cancelled', () => {
    expect(planSellerCancel(twoLines({ status: 'CANCELLED' }), whole, 'US').action).toBe('done');
    const order = twoLines();
    order.line_items[1].display_status = 'CANCELLED';
    expect(planSellerCancel(order, lines(['5-2']), 'US').action).toBe('done');
  });

  it('refuses statuses TikTok does not let a seller cancel', () => {
    expect(planSellerCancel(twoLines({ status: 'AWAITING_COLLECTION' }), whole, 'US').action).toBe('cancel');
    expect(planSellerCancel(twoLines({ status: 'AWAITING_COLLECTION' }), whole, 'GB').action).toBe('refuse');
    expect(planSellerCancel(twoLines({ status: 'IN_TRANSIT' }), whole, 'US').action).toBe('refuse');
    expect(planSellerCancel(twoLines({ status: 'COMPLETED' }), whole, 'US').action).toBe('refuse');
    expect(planSellerCancel(twoLines(), lines(['77']), 'US').action).toBe('refuse');
  });
});
