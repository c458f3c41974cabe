import {
  buyerReturnReasons,
  checkSellerRejectReturnReason,
  checkSellerReturnReason,
  sellerReturnReasons,
  returnReasonText,
  sellerRejectReturnReasons,
  TIKTOK_RETURN_REASONS,
} from '../tiktok-return-reasons';

describe("TikTok's return and refund reasons", () => {
  it('gives a buyer the reasons of the return type and order status', () => {
    const inTransit = buyerReturnReasons('US', 'REFUND', 'IN_TRANSIT').map((r) => r.code);
    expect(inTransit).toEqual(['ecom_order_shipped_refund_reason_not_arrive_on_time']);
    const delivered = buyerReturnReasons('US', 'RETURN_AND_REFUND', 'DELIVERED').map((r) => r.code);
    expect(delivered).toContain('ecom_order_delivered_refund_and_return_reason_defective');
    expect(delivered).not.toContain('ecom_order_shipped_refund_reason_not_arrive_on_time');
    expect(buyerReturnReasons('US', 'RETURN_AND_REFUND', 'COMPLETED')).toEqual([]);
    expect(buyerReturnReasons('ZZ', 'REFUND', 'DELIVERED')).toEqual([]);
  });

  it('maps GB, UK and the EU markets to their tables', () => {
    expect(sellerRejectReturnReasons('UK', 'RETURN_AND_REFUND', 'PACKAGE')[0]?.code).toBe(
      'reverse_reject_return_parcel_reason_1_uk',
    );
    expect(sellerRejectReturnReasons('DE', 'RETURN_AND_REFUND', 'REQUEST')).toEqual(
      sellerRejectReturnReasons('IT', 'RETURN_AND_REFUND', 'REQUEST'),
    );
  });

  it('leaves out of US returns the reject reasons TikTok removed, but keeps them for refund-only requests', () => {
    const returns = sellerRejectReturnReasons('US', 'RETURN_AND_REFUND', 'REQUEST').map((r) => r.code);
    expect(returns).toContain('reverse_reject_request_reason_4');
    expect(returns).not.toContain('reverse_reject_request_reason_5');
    expect(
      checkSellerRejectReturnReason('US', 'REPLACEMENT', 'REQUEST', 'reverse_reject_request_reason_5'),
    ).toBe('retired');
    expect(checkSellerRejectReturnReason('US', 'REFUND', 'REQUEST', 'reverse_reject_request_reason_5')).toBe(
      'valid',
    );
    expect(
      checkSellerRejectReturnReason(
        'GB',
        'RETURN_AND_REFUND',
        'REQUEST',
        'reverse_reject_request_reason_5_uk',
      ),
    ).toBe('valid');
  });

  it('tells a reason for another decision from an unknown one', () => {
    expect(
      checkSellerRejectReturnReason(
        'US',
        'RETURN_AND_REFUND',
        'REQUEST',
        'reverse_reject_return_parcel_reason_2',
      ),
    ).toBe('wrong_action');
    expect(
      checkSellerRejectReturnReason(
        'US',
        'RETURN_AND_REFUND',
        'PACKAGE',
        'reverse_reject_return_parcel_reason_2',
      ),
    ).toBe('valid');
    expect(checkSellerRejectReturnReason('US', 'RETURN_AND_REFUND', 'PACKAGE', 'because')).toBe('unknown');
    expect(checkSellerRejectReturnReason('ZZ', 'REFUND', 'REQUEST', 'reverse_reject_request_reason_4')).toBe(
      'unknown',
    );
  });

  it('reads codes from the JP and EU tables that print code and text in swapped columns', () => {
    for (const tables of Object.values(TIKTOK_RETURN_REASONS)) {
      const all = [
        ...tables.returns.buyer,
        ...tables.returns.rejectRequest,
        ...tables.returns.rejectPackage,
        ...tables.refunds.buyer,
        ...tables.refunds.rejectRequest,
        ...tables.returns.seller,
        ...tables.refunds.seller,
      ];
      for (const reason of all) expect(reason.code).toMatch(/^\S+_\S+$/);
    }
    expect(returnReasonText('JP', 'seller_reject_apply_reason_delivered_jp')).toBe(
      'Product delivery is on schedule.',
    );
    expect(returnReasonText('US', 'nope')).toBe('nope');
  });

  it("checks a seller's Create Return reason against the market, type and order status", () => {
    expect(checkSellerReturnReason('US', 'REFUND', 'IN_TRANSIT', 'seller_shipped_refund_package_lost')).toBe(
      'valid',
    );
    expect(checkSellerReturnReason('US', 'REFUND', 'DELIVERED', 'seller_shipped_refund_package_lost')).toBe(
      'status_mismatch',
    );
    expect(
      checkSellerReturnReason('US', 'REFUND', 'DELIVERED', 'ecom_order_delivered_refund_reason_not_received'),
    ).toBe('not_seller');
    expect(
      checkSellerReturnReason(
        'US',
        'RETURN_AND_REFUND',
        'DELIVERED',
        'seller_ecom_delivered_return_refund_reason1',
      ),
    ).toBe('valid');
    expect(
      checkSellerReturnReason('US', 'RETURN_AND_REFUND', 'DELIVERED', 'seller_shipped_refund_package_lost'),
    ).toBe('unknown');
    expect(returnReasonText('US', 'seller_shipped_refund_package_lost')).toBe('Package lost');
    expect(sellerReturnReasons('US', 'RETURN_AND_REFUND', 'IN_TRANSIT')).toEqual([]);
    expect(sellerReturnReasons('US', 'REFUND', 'IN_TRANSIT').map((r) => r.code)).toContain(
      'seller_shipped_refund_package_delivery_failed',
    );
  });
});
