import {
  cancelReasonMarket,
  checkSellerCancelReason,
  sellerCancelReasons,
  sellerRejectCancelReasons,
} from '../tiktok-cancel-reasons';

const codes = (list: readonly { code: string }[]) => list.map((r) => r.code);

describe("TikTok's cancel reasons by market and order status", () => {
  it('maps shop regions to the markets of the Cancel reasons page', () => {
    expect(['US', 'GB', 'UK', 'de', 'IT', 'MY', 'KR'].map(cancelReasonMarket)).toEqual([
      'US',
      'GB',
      'GB',
      'EU',
      'EU',
      'MY',
      null,
    ]);
  });

  it('lists unpaid reasons for UNPAID, paid reasons until shipped, none after', () => {
    expect(codes(sellerCancelReasons('US', 'UNPAID'))).toEqual([
      'seller_cancel_unpaid_reason_out_of_stock',
      'seller_cancel_unpaid_reason_wrong_price',
      'seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed',
      'seller_cancel_unpaid_reason_buyer_requested_cancellation',
    ]);
    for (const status of ['ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION']) {
      expect(codes(sellerCancelReasons('US', status))).toContain('seller_cancel_reason_out_of_stock');
    }
    expect(sellerCancelReasons('US', 'IN_TRANSIT')).toEqual([]);
    expect(codes(sellerCancelReasons('GB', 'AWAITING_SHIPMENT')).every((c) => c.endsWith('_uk'))).toBe(true);
    expect(sellerCancelReasons('FR', 'AWAITING_SHIPMENT')[0]).toEqual({
      code: 'seller_cancel_reason_out_of_stock',
      text: 'Out of stock',
    });
  });

  it('tells a reason of another status from an unknown or retired one', () => {
    expect(checkSellerCancelReason('US', 'AWAITING_SHIPMENT', 'seller_cancel_reason_out_of_stock')).toBe(
      'valid',
    );
    expect(checkSellerCancelReason('US', 'UNPAID', 'seller_cancel_reason_out_of_stock')).toBe(
      'status_mismatch',
    );
    expect(checkSellerCancelReason('GB', 'UNPAID', 'seller_cancel_unpaid_reason_out_of_stock')).toBe(
      'unknown',
    );
    expect(checkSellerCancelReason('US', 'AWAITING_SHIPMENT', 'Out of stock')).toBe('unknown');
    expect(
      checkSellerCancelReason('TH', 'AWAITING_SHIPMENT', 'seller_cancel_paid_reason_address_not_deliver'),
    ).toBe('retired');
    expect(
      checkSellerCancelReason('SG', 'AWAITING_SHIPMENT', 'seller_cancel_unable_to_deliver_to_buyer_address'),
    ).toBe('retired');
    expect(checkSellerCancelReason('KR', 'UNPAID', 'seller_cancel_unpaid_reason_out_of_stock')).toBe(
      'unknown',
    );
  });

  it('lists the reject reasons of each market', () => {
    expect(codes(sellerRejectCancelReasons('GB'))).toContain(
      'order_manage_list_action_respond_popup_reject_reason_invalid_cancellation_reason_uk',
    );
    expect(codes(sellerRejectCancelReasons('DE'))).toEqual([
      'ecom_refund_reject_reason_cancel_unacceptable_uk',
      'ecom_reverse_reject_cancel_reason_product_packed',
    ]);
    expect(sellerRejectCancelReasons('JP')).toEqual([]);
  });
});
