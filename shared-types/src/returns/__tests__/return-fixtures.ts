/**
 * TikTok returns shaped as Search Returns gives them (TikTok's Search Returns page), for the
 * returns tests of shared-types, the SuiteApp and the bridge.
 */
import type { TikTokReturn } from '../tiktok-return';

export const SHOP_ID = '7494049642642441621';
export const ORDER_ID = '576461413038785752';
export const RETURN_ID = '4035318504086604100';

export function tiktokReturn(overrides: Partial<TikTokReturn> = {}): TikTokReturn {
  return {
    return_id: RETURN_ID,
    order_id: ORDER_ID,
    return_type: 'RETURN_AND_REFUND',
    return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
    role: 'BUYER',
    return_reason: 'ecom_order_delivered_refund_and_return_reason_wrong_size',
    return_reason_text: 'Wrong size',
    arbitration_status: '',
    create_time: 1764900000,
    update_time: 1764900100,
    seller_next_action_response: [{ action: 'SELLER_RESPOND_RETURN', deadline: 1765072800 }],
    return_line_items: [
      {
        return_line_item_id: '4035318504086604101',
        order_line_item_id: '576461413038785753',
        sku_id: '1729592969712207012',
        seller_sku: 'TEE-M',
        product_name: 'Tee',
        refund_amount: {
          currency: 'USD',
          refund_total: '19.99',
          refund_subtotal: '19.99',
          refund_tax: '0.00',
        },
      },
    ],
    refund_amount: {
      currency: 'USD',
      refund_total: '19.99',
      refund_subtotal: '19.99',
      refund_shipping_fee: '0.00',
      refund_tax: '0.00',
    },
    ...overrides,
  };
}

/** Return line items for these order line item ids (one unit each). */
export function returnLines(orderLineIds: readonly string[]): TikTokReturn['return_line_items'] {
  return orderLineIds.map((id, i) => ({
    return_line_item_id: `40353185040866041${String(10 + i)}`,
    order_line_item_id: id,
  }));
}
