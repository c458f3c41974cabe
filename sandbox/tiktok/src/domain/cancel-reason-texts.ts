/**
 * Display text of TikTok's buyer, system and operator cancel reasons (what `cancel_reason_text` and
 * the order's `cancel_reason` show), from TikTok's "Cancel reasons" page (mirrored in
 * lazykern/ecommerce-api-docs `data/raw/tiktok/api-reference/return-and-refund/cancel-reasons.json`);
 * the first market's wording where markets differ. Seller reasons live in
 * `shared-types/src/cancellations/tiktok-cancel-reasons.ts`.
 */
import { TIKTOK_CANCEL_REASONS } from '../../../../shared-types/src/cancellations/tiktok-cancel-reasons';

const OTHER_REASON_TEXT: ReadonlyMap<string, string> = new Map([
  [
    'ecom_order_unpaid_canceled_reason_payment_method_not_available',
    'Preferred payment method not available',
  ],
  ['ecom_order_unpaid_canceled_reason_created_by_mistakes', 'Ordered by mistake'],
  ['ecom_order_unpaid_canceled_reason_better_price', 'Better price available'],
  ['ecom_order_unpaid_canceled_reason_no_longer_needed', 'No longer needed'],
  ['ecom_order_unpaid_canceled_reason_other', 'Other'],
  ['ecom_order_to_ship_canceled_reason_forgot_to_apply_coupons', 'Forgot to apply coupons'],
  ['ecom_order_to_ship_canceled_reason_change_payment_method', 'Need to change payment method'],
  ['ecom_order_to_ship_canceled_reason_discount_not_expected', 'Discount not as expected'],
  ['ecom_order_to_ship_canceled_reason_created_by_mistakes', 'Bought by mistake'],
  ['ecom_order_to_ship_canceled_reason_high_delivery_costs', 'High shipping fee'],
  ['ecom_order_to_ship_canceled_reason_better_price', 'Better price available'],
  ['ecom_order_to_ship_canceled_reason_wrong_delivery_info', 'Incorrect shipping address'],
  ['ecom_order_to_ship_canceled_reason_not_shipped_on_time', "Item wasn't shipped on time"],
  ['ecom_order_to_ship_canceled_reason_no_longer_needed', 'No longer needed'],
  ['system_cancel_unpaid_time_out', 'Buyer payment overdue'],
  ['system_cancel_anti_span_block', 'Failed to pass risk review'],
  ['system_cancel_cross_border_entry_warehouse_failed_reason2', 'Inbound failed'],
  ['package_cancel', 'Order cancelled by system'],
  ['platform_cancel', 'Order cancelled by system'],
  ['returned_to_shipper_refused', 'Package rejected'],
  ['returned_to_shipper_other', 'Package delivery failed'],
  ['package_damaged', 'Package damaged'],
  ['package_lost', 'Package lost'],
  ['threepl_breach', 'Late delivery'],
  ['package_scrap', 'Package scrapped'],
  ['system_cancel_order_reason_shipping_timeout', 'Automatically cancelled due to collection time out'],
  [
    'system_cancel_add_address_overtime',
    "This order has been automatically canceled as you didn't provide your delivery address.",
  ],
  ['system_cancel_order_untracked', 'Automatically cancelled due to untraceable tracking number'],
  ['ecom_cb_sc_out_return', 'Order canceled by the system'],
  [
    'system_cancel_order_exceed_edt_not_arrive',
    'Automatically canceled as not delivered within 30 days of estimated time of delivery',
  ],
  ['ecom_order_unpaid_canceled_reason_not_want_pay', "Buyer hasn't paid"],
  [
    'system_cancel_order_reason_potential_fraud',
    'We have identified a risk involved with your order and cancelled your order for safety reasons to protect your transaction.',
  ],
  ['system_cancel_order_reason_experience_related', 'Order canceled by system.'],
  ['operator_cancel_risk_control_block', 'Failed to pass risk review'],
  [
    'system_cancel_order_reason_nrr_related',
    "As your product violates the platform's negative review policy, we canceled this transaction. We recommend you process the buyer's after-sales request.",
  ],
  [
    'ecom_order_unpaid_canceled_reason_payment_method_not_available_uk',
    'Desired payment method not available',
  ],
  ['ecom_order_unpaid_canceled_reason_wrong_delivery_info_uk', 'Wrong delivery information'],
  ['ecom_order_unpaid_canceled_reason_created_by_mistakes_uk', 'Order created by mistake'],
  ['ecom_order_unpaid_canceled_reason_better_price_uk', 'Better price available'],
  ['ecom_order_unpaid_canceled_reason_no_longer_needed_uk', 'No longer needed'],
  ['ecom_order_unpaid_canceled_reason_other_uk', 'Other'],
  ['ecom_order_to_ship_canceled_reason_discount_not_expected_uk', 'Discount not as expected'],
  ['ecom_order_to_ship_canceled_reason_high_delivery_costs_uk', 'High delivery costs'],
  ['ecom_order_to_ship_canceled_reason_no_longer_needed_uk', 'No longer needed'],
  ['ecom_order_to_ship_canceled_reason_change_payment_method_uk', 'Need to change payment method'],
  ['ecom_order_to_ship_canceled_reason_created_by_mistakes_uk', 'Order created by mistake'],
  ['ecom_order_to_ship_canceled_reason_better_price_uk', 'Better price available'],
  ['ecom_order_to_ship_canceled_reason_wrong_delivery_info_uk', 'Wrong delivery information'],
  ['buyer_cancel_late_shipment', 'Late shipment'],
  ['system_cancel_unpaid_time_out_uk', 'Buyer payment overdue'],
  ['system_cancel_anti_span_block_uk', 'Failed to pass risk review'],
  ['system_cancel_cross_border_entry_warehouse_failed_reason2_uk', 'Inbound failed'],
  ['package_cancel_uk', 'Order cancelled by system'],
  ['platform_cancel_uk', 'Order cancelled by system'],
  ['returned_to_shipper_refused_uk', 'Package rejected'],
  ['returned_to_shipper_other_uk', 'Package delivery failed'],
  ['package_damaged_uk', 'Package damaged'],
  ['package_lost_uk', 'Package lost'],
  ['threepl_breach_uk', 'Late delivery'],
  ['package_scrap_uk', 'Package scrapped'],
  ['system_cancel_order_reason_shipping_timeout_uk', 'Automatically cancelled due to collection time out'],
  ['system_cancel_order_untracked_uk', 'Automatically cancelled due to untraceable tracking number'],
  ['ecom_order_delivered_refund_reason_none', 'No reason'],
  ['package_damagaed', 'Package damaged'],
  ['ecom_order_unpaid_canceled_reason_payment_method_not_available_S', 'Need to change payment method.'],
  ['buyer_cancel_need_to_input/change_coupon_code', 'Need to use coupon.'],
  ['buyer_cancel_wrong_item_variation_(colour,_size,_etc.)', 'Need to change color or size.'],
  ['ecom_order_unpaid_canceled_reason_wrong_delivery_info', 'Need to change shipping address.'],
  ['ecom_order_to_ship_canceled_reason_seller_no_response', 'Seller not responsive'],
  ['ecom_order_unpaid_canceled_reason_seller_ask_cancel', 'Seller requested to cancel order'],
  [
    'system_cancel_payment_capture_failed',
    "This order was canceled automatically as the customer's payment method could not be charged.",
  ],
  [
    'system_cancel_payment_risk_review_failed',
    'This order was canceled automatically due to payment risk control interception.',
  ],
  [
    'system_cancel_create_valid_order_failed',
    'This order was canceled automatically due to inventory shortage.',
  ],
  ['system_cancel_order_reason_coa_upload_more_than_24hrs', 'Certificate not uploaded'],
  ['system_cancel_order_reason_coa_2nd_upload_rejected', 'Unable to verify certificate'],
  ['system_cancel_order_reason_coa_rejected_fraud', 'Unable to authenticate'],
  ['system_cancel_order_reason_coa_moderation_more_than_12hrs', 'Verification timed out'],
  [
    'system_cancel_unpaid_postage',
    'The packaging or shipping failed to meet standards due to incorrect labeling, postage issues, third-party fulfillment problems, or weight discrepancies.',
  ],
  ['early_refund_returned_to_shipper', 'Package delivery failed'],
  ['system_cancel_virtual_timeout', 'Automatically cancelled due to recharge time out'],
  ['system_cancel_virtual_top_up_failed', 'Top up failed'],
  ['system_cancel_virtual_phone_number_invalid', 'Invalid phone number'],
]);

/** The text TikTok shows for a cancel reason code; a code it does not list reads as its words. */
export function cancelReasonText(code: string): string {
  const other = OTHER_REASON_TEXT.get(code);
  if (other !== undefined) return other;
  for (const market of Object.values(TIKTOK_CANCEL_REASONS)) {
    const found = [...market.unpaid, ...market.paid, ...market.reject].find((r) => r.code === code);
    if (found) return found.text;
  }
  const words = code.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
