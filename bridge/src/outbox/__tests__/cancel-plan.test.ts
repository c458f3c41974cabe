import type { CancelPayload } from '../../../../shared-types/src/outbox/outbox';
import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { orderAt } from '../../../../test/support/tiktok-order-builder';
import { planSellerCancel } from '../cancel-plan';

const whole: CancelPayload = {
  salesOrderId: '9',
  reason: '',
  scope: 'order',
  lineItemIds: [],
  status: 'H',
};
const lines = (ids: string[]): CancelPayload => ({ ...whole, scope: 'lines', lineItemIds: ids });

function twoLines(overrides: Partial<TikTokOrder> = {}): TikTokOrder {
  const order = orderAt('5', 1_700_000_000, overrides);
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

describe('the cancel reason sent (issue #11)', () => {
  const withReason = (reason: string): CancelPayload => ({ ...whole, reason });

  it('sends the reason chosen in NetSuite when TikTok takes it for the market and the status', () => {
    expect(planSellerCancel(twoLines(), withReason('seller_cancel_reason_wrong_price'), 'US')).toMatchObject({
      action: 'cancel',
      reason: 'seller_cancel_reason_wrong_price',
      message: 'Cancelled TikTok order 5 (reason seller_cancel_reason_wrong_price).',
    });
  });

  it("with none chosen, sends the market's out-of-stock reason for the order's status (UK: _uk, UNPAID: unpaid)", () => {
    expect(planSellerCancel(twoLines(), whole, 'GB')).toMatchObject({
      reason: 'seller_cancel_reason_out_of_stock_uk',
    });
    expect(planSellerCancel(twoLines({ status: 'UNPAID' }), whole, 'US')).toMatchObject({
      reason: 'seller_cancel_unpaid_reason_out_of_stock',
    });
    expect(planSellerCancel(twoLines(), whole, 'DE')).toMatchObject({
      reason: 'seller_cancel_reason_out_of_stock',
    });
  });

  it('refuses a reason of another market or another status, naming the reasons that fit; nothing is sent', () => {
    const uk = planSellerCancel(twoLines(), withReason('seller_cancel_reason_out_of_stock'), 'GB');
    expect(uk.action).toBe('refuse');
    expect(uk.message).toMatch(
      /^TikTok does not accept cancel reason seller_cancel_reason_out_of_stock for TikTok order 5 \(a GB shop's order in AWAITING_SHIPMENT\)\. Reasons that fit: Pricing error \(seller_cancel_reason_wrong_price_uk\); .*Out of stock \(seller_cancel_reason_out_of_stock_uk\)\..* Nothing was cancelled\.$/,
    );
    const unpaid = planSellerCancel(
      twoLines({ status: 'UNPAID' }),
      withReason('seller_cancel_reason_out_of_stock'),
      'US',
    );
    expect(unpaid.action).toBe('refuse');
    expect(unpaid.message).toContain('Out of stock (seller_cancel_unpaid_reason_out_of_stock)');
  });
});
