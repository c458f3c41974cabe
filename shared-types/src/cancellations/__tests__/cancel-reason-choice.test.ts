/// <reference types="jest" />
import {
  allSellerCancelReasons,
  cancelReasonCodeOf,
  cancelReasonListText,
  checkCancelReasonChoice,
  defaultCancelReason,
} from '../cancel-reason-choice';
import { cancelReasonNeedsCheck } from '../../outbox/sales-order-outbox-plan';
import type { SalesOrderSnapshot } from '../../outbox/sales-order-outbox-plan';

const ORDER = '576461413038785752';

describe('the cancel reason list', () => {
  it('has every seller cancel reason code of every market once, each entry naming its code', () => {
    const codes = allSellerCancelReasons().map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(
      expect.arrayContaining([
        'seller_cancel_reason_out_of_stock',
        'seller_cancel_reason_out_of_stock_uk',
        'seller_cancel_unpaid_reason_out_of_stock',
        'seller_cancel_order_reason_potential_fraud',
      ]),
    );
    for (const reason of allSellerCancelReasons()) {
      expect(cancelReasonCodeOf(cancelReasonListText(reason))).toBe(reason.code);
    }
    expect(cancelReasonCodeOf(null)).toBe('');
    expect(cancelReasonCodeOf(' Out of stock ')).toBe('Out of stock');
  });
});

describe('checkCancelReasonChoice', () => {
  const us = { region: 'US', status: 'AWAITING_SHIPMENT', tiktokOrderId: ORDER };

  it('takes no reason, and a reason of the market for the status', () => {
    expect(checkCancelReasonChoice('', us)).toEqual({ ok: true });
    expect(checkCancelReasonChoice('seller_cancel_reason_wrong_price', us)).toEqual({ ok: true });
    expect(
      checkCancelReasonChoice('seller_cancel_unpaid_reason_wrong_price', { ...us, status: 'UNPAID' }),
    ).toEqual({ ok: true });
    expect(checkCancelReasonChoice('seller_cancel_reason_wrong_price_uk', { ...us, region: 'GB' })).toEqual({
      ok: true,
    });
  });

  it("refuses another status's, another market's or a made-up reason, listing the reasons that fit", () => {
    const unpaidReason = checkCancelReasonChoice('seller_cancel_unpaid_reason_out_of_stock', us);
    expect(unpaidReason).toEqual({
      ok: false,
      message: `TikTok does not accept cancel reason seller_cancel_unpaid_reason_out_of_stock for TikTok order ${ORDER} (a US shop's order in AWAITING_SHIPMENT). Reasons that fit: Out of stock (seller_cancel_reason_out_of_stock); Pricing error (seller_cancel_reason_wrong_price); Unable to deliver to buyer address (seller_cancel_paid_reason_address_not_deliver); Buyer requested cancellation (seller_cancel_paid_reason_buyer_requested_cancellation). Choose one of them in TikTok Cancel Reason (or leave it empty for the default), then save again.`,
    });
    const ukCode = checkCancelReasonChoice('seller_cancel_reason_out_of_stock_uk', us);
    expect(ukCode.ok).toBe(false);
    const made = checkCancelReasonChoice('Out of stock', { ...us, region: 'GB' });
    expect(made).toMatchObject({
      ok: false,
      message: expect.stringContaining('(seller_cancel_reason_out_of_stock_uk)'),
    });
  });

  it('without the status, takes any reason of the market; shipped orders and unknown regions get the fix', () => {
    expect(
      checkCancelReasonChoice('seller_cancel_unpaid_reason_out_of_stock', { ...us, status: null }),
    ).toEqual({ ok: true });
    expect(checkCancelReasonChoice('seller_cancel_reason_out_of_stock_uk', { ...us, status: null }).ok).toBe(
      false,
    );
    expect(
      checkCancelReasonChoice('seller_cancel_reason_out_of_stock', { ...us, status: 'IN_TRANSIT' }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('is IN_TRANSIT: TikTok lets the seller cancel it for no reason'),
    });
    expect(
      checkCancelReasonChoice('seller_cancel_reason_out_of_stock', { ...us, region: null }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining("the TikTok shop's region is not known"),
    });
  });
});

describe('defaultCancelReason', () => {
  it("is the market's out-of-stock reason for the status", () => {
    expect(defaultCancelReason('GB', 'AWAITING_SHIPMENT')?.code).toBe('seller_cancel_reason_out_of_stock_uk');
    expect(defaultCancelReason('GB', 'UNPAID')?.code).toBe('seller_cancel_unpaid_reason_out_of_stock_uk');
    expect(defaultCancelReason('JP', 'ON_HOLD')?.code).toBe('seller_cancel_reason_out_of_stock');
    expect(defaultCancelReason('US', 'DELIVERED')).toBeNull();
  });
});

describe('cancelReasonNeedsCheck', () => {
  const snapshot = (cancelReason: string | null, status = 'B'): SalesOrderSnapshot => ({
    id: '9',
    tranId: 'SO1',
    tiktokOrderId: ORDER,
    shopRecordId: '1',
    status,
    cancelReason,
    lines: [{ line: '1', closed: false, tiktokLineIds: ['1'] }],
  });
  const reason = 'Out of stock (seller_cancel_reason_out_of_stock)';

  it('checks a reason chosen or changed, and an unchanged one when the save cancels the order', () => {
    expect(cancelReasonNeedsCheck('edit', snapshot(null), snapshot(reason))).toBe(true);
    expect(cancelReasonNeedsCheck('create', null, snapshot(reason))).toBe(true);
    expect(cancelReasonNeedsCheck('edit', snapshot(reason), snapshot(reason))).toBe(false);
    expect(cancelReasonNeedsCheck('cancel', snapshot(reason), snapshot(reason))).toBe(true);
    expect(cancelReasonNeedsCheck('edit', snapshot(reason), snapshot(reason, 'H'))).toBe(true);
    expect(cancelReasonNeedsCheck('edit', snapshot(reason), snapshot(null))).toBe(false);
    expect(cancelReasonNeedsCheck('delete', null, snapshot(reason))).toBe(false);
  });
});
