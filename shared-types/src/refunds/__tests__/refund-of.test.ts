import { Problems } from '../../contract/validation-problems';
import { refundFromCancellation, refundFromReturn } from '../refund-of';
import { checkTikTokRefund } from '../tiktok-refund';

describe('refunds from TikTok returns and cancellations', () => {
  it('reads a completed return with its amounts, discounts (array of one) and units', () => {
    const refund = refundFromReturn({
      return_id: '4035318504000001',
      order_id: '576461413038785001',
      return_type: 'REFUND',
      return_status: 'RETURN_OR_REFUND_REQUEST_COMPLETE',
      update_time: 1764900100,
      refund_amount: {
        currency: 'USD',
        refund_total: '18.36',
        refund_subtotal: '17.00',
        refund_shipping_fee: '0.00',
        refund_tax: '1.36',
      },
      discount_amount: [{ product_seller_discount: '2.00', product_platform_discount: '1.00' }],
      return_line_items: [
        {
          order_line_item_id: '576461413038785753',
          refund_amount: { currency: 'USD', refund_total: '18.36' },
        },
      ],
    });
    expect(refund).toEqual({
      refund_id: '4035318504000001',
      source: 'return',
      order_id: '576461413038785001',
      return_type: 'REFUND',
      status: 'RETURN_OR_REFUND_REQUEST_COMPLETE',
      update_time: 1764900100,
      refund_amount: {
        currency: 'USD',
        refund_total: '18.36',
        refund_subtotal: '17.00',
        refund_shipping_fee: '0.00',
        refund_tax: '1.36',
      },
      discount_amount: { product_seller_discount: '2.00', product_platform_discount: '1.00' },
      lines: [
        {
          order_line_item_id: '576461413038785753',
          refund_amount: { currency: 'USD', refund_total: '18.36' },
        },
      ],
    });
    const problems = new Problems();
    checkTikTokRefund(problems, 'refunds[0]', refund);
    expect(problems.toList()).toEqual([]);
  });

  it('reads a cancellation after payment; nothing for one without a refund amount', () => {
    const refund = refundFromCancellation({
      cancel_id: '4035318504000009',
      order_id: '576461413038785001',
      cancel_status: 'CANCELLATION_REQUEST_COMPLETE',
      update_time: 1764900200,
      refund_amount: { currency: 'JPY', refund_total: '3300', refund_subtotal: '3000', refund_tax: '300' },
      cancel_line_items: [{ order_line_item_id: '576461413038785753' }],
    });
    expect(refund).toMatchObject({
      refund_id: '4035318504000009',
      source: 'cancellation',
      lines: [{ order_line_item_id: '576461413038785753' }],
    });
    expect(refundFromCancellation({ cancel_id: '1', order_id: '2' })).toBeNull();
    expect(refundFromReturn({ return_id: '1', order_id: '2', return_type: 'REPLACEMENT' })).toBeNull();
  });
});
