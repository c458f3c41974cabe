/**
 * TikTok's return and refund reasons by market: the reasons a buyer gives when opening a return
 * (RETURN_AND_REFUND, REPLACEMENT) or a refund-only request (REFUND), by order status, and the reasons
 * a seller may give in Reject Return (`reject_reason`): rejecting the request, or rejecting the
 * returned package. One table for the simulator, the bridge and the SuiteApp (dependency-free,
 * compiled into SuiteScript), next to the cancel reasons (../cancellations/tiktok-cancel-reasons.ts,
 * whose markets it shares).
 *
 * Sources: TikTok's "Return reasons" and "Refund reasons" pages (partner.tiktokshop.com/docv2/page/return-reasons
 * and /refund-reasons, mirrored in lazykern/ecommerce-api-docs
 * `data/raw/tiktok/api-reference/return-and-refund/{return,refund}-reasons.json`); TikTok's changelog
 * "US market: removing some reject reasons for returns". Where sources disagree:
 * - The changelog removes `reverse_reject_request_reason_1`, `_2`, `_3` and `_5` as reasons to reject a
 *   return in the US ("can no longer be used to reject a return"), while the Return reasons page still
 *   lists them. The changelog is followed: they are `retired` for US returns (RETURN_AND_REFUND and
 *   REPLACEMENT requests); the Refund reasons page (refund-only requests) keeps them.
 * - The JP and EU pages print some tables with the code and the text in swapped columns; the codes are
 *   taken from whichever column holds one.
 * - The JP Refund reasons page lists the seller's reasons without order statuses: they are taken for
 *   every status a refund may be asked in.
 * - The buyer tables name the order statuses a reason applies to (AWAITING_COLLECTION, IN_TRANSIT,
 *   DELIVERED); the API overview's table says buyers ask for returns only once DELIVERED and refunds
 *   from AWAITING_COLLECTION. The reason tables, which are per market, are followed.
 */
import { cancelReasonMarket, type CancelReasonMarket } from '../cancellations/tiktok-cancel-reasons';

export interface TikTokReturnReason {
  readonly code: string;
  readonly text: string;
}

/** A buyer's reason and the order statuses it may be given in. */
export interface TikTokBuyerReturnReason extends TikTokReturnReason {
  readonly statuses: readonly string[];
}

export type TikTokReturnType = 'REFUND' | 'RETURN_AND_REFUND' | 'REPLACEMENT';

/** What a seller rejects: the request itself, or the package the buyer sent back. */
export type ReturnRejectStage = 'REQUEST' | 'PACKAGE';

interface ReasonTables {
  readonly returns: {
    readonly buyer: readonly TikTokBuyerReturnReason[];
    readonly rejectRequest: readonly TikTokReturnReason[];
    readonly rejectPackage: readonly TikTokReturnReason[];
    /** Create Return by the seller, on the buyer's behalf. */
    readonly seller: readonly TikTokBuyerReturnReason[];
  };
  readonly refunds: {
    readonly buyer: readonly TikTokBuyerReturnReason[];
    readonly rejectRequest: readonly TikTokReturnReason[];
    readonly seller: readonly TikTokBuyerReturnReason[];
  };
}

const STATUS_LETTERS: Readonly<Record<string, string>> = {
  C: 'AWAITING_COLLECTION',
  T: 'IN_TRANSIT',
  D: 'DELIVERED',
};
const b = (statuses: string, code: string, text: string): TikTokBuyerReturnReason => ({
  statuses: [...statuses].map((letter) => STATUS_LETTERS[letter] ?? letter),
  code,
  text,
});
const r = (code: string, text: string): TikTokReturnReason => ({ code, text });

/** Per market; buyer reasons carry their statuses as letters: C AWAITING_COLLECTION, T IN_TRANSIT, D DELIVERED. */
export const TIKTOK_RETURN_REASONS: Readonly<Record<CancelReasonMarket, ReasonTables>> = {
  US: {
    returns: {
      buyer: [
        b('CT', 'ecom_order_delivered_refund_and_return_reason_no_need', 'No longer needed'),
        b(
          'CT',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Item doesn't match description",
        ),
        b('CT', 'ecom_order_delivered_refund_and_return_reason_missing_product', 'Missing item or parts'),
        b('CT', 'ecom_order_delivered_refund_and_return_reason_defective', 'Defective item'),
        b('CT', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong item was sent'),
        b('D', 'ecom_order_delivered_refund_and_return_reason_no_need', 'No longer needed'),
        b('D', "buyer_return_and_refund_item_doesn't_fit", "Item doesn't fit"),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Item doesn't match description",
        ),
        b('D', 'ecom_order_delivered_refund_and_return_reason_missing_product', 'Missing item or parts'),
        b('D', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Damaged item or packaging'),
        b('D', 'ecom_order_delivered_refund_and_return_reason_defective', 'Defective item'),
        b('D', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong item was sent'),
        b(
          'D',
          'buyer_return_and_refund_shipping_box_damaged,_but_item_is_ok',
          'Shipping box damaged, but item is Ok',
        ),
        b('D', 'buyer_return_and_refund_item_arrived_too_late', 'Item arrived too late'),
        b(
          'D',
          'buyer_return_and_refund_fabric,_material_or_style_not_as_expected',
          'Fabric, material or style not as expected',
        ),
        b(
          'D',
          'buyer_return_and_refund_color_or_pattern_not_as_expected',
          'Color or pattern not as expected',
        ),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the buyer',
        ),
      ],
      seller: [b('D', 'seller_ecom_delivered_return_refund_reason1', 'No longer needed')],
    },
    refunds: {
      buyer: [
        b('CT', 'ecom_order_shipped_refund_reason_not_arrive_on_time', "Product wouldn't arrive on time"),
        b('D', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('D', 'ecom_order_delivered_refund_reason_damaged', 'Damaged item or packaging'),
        b('D', 'ecom_order_delivered_refund_reason_defective', 'Defective item'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address'),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
        r(
          'seller_reject_apply_buyers_responsibility_for_incorrect_address',
          "Buyer's responsibility for incorrect address",
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r('seller_reject_apply_reason_is_unclear_/_lack_of_evidence', 'Reason is unclear / lack of evidence'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      seller: [
        b('CT', 'seller_shipped_refund_package_lost', 'Package lost'),
        b('CT', 'seller_shipped_refund_package_delivery_failed', 'Package delivery failed'),
        b('CT', 'seller_shipped_refund_miss_estimated_delivery_date', 'Missed estimated delivery date'),
        b('D', 'ecom_order_delivered_refund_reason_missing_product_seller', 'Missing product or accessories'),
        b('D', 'ecom_order_delivered_refund_reason_not_received_seller', "Package wasn't received"),
        b(
          'D',
          'ecom_order_delivered_refund_reason_not_match_description_seller',
          "Product doesn't match description",
        ),
        b('D', 'ecom_order_delivered_refund_reason_damaged_seller', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product_seller', 'Wrong product was sent'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missed_delivery_date_seller',
          'Missed estimated delivery date',
        ),
      ],
    },
  },
  GB: {
    returns: {
      buyer: [
        b('CT', 'ecom_order_delivered_refund_and_return_reason_no_need_uk', 'No longer needed'),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_not_match_description_uk',
          "Product doesn't match description",
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_missing_product_uk',
          'Missing product or accessories',
        ),
        b('D', 'ecom_order_delivered_refund_and_return_reason_damaged_uk', 'Package or product is damaged'),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_defective_uk',
          "Product is defective or doesn't work",
        ),
        b('D', 'ecom_order_delivered_refund_and_return_reason_wrong_product_uk', 'Wrong product was sent'),
        b('D', 'ecom_order_delivered_refund_and_return_reason_other_uk', 'Other'),
        b('D', 'buyer_return_and_refund_suspected_counterfeit', 'Suspected Counterfeit'),
        b('D', 'buyer_return_and_refund_does_not_suit_me', 'Does not suit me'),
        b('D', 'buyer_return_and_refund_item_is_too_big/long', 'Item is too big/long'),
        b('D', 'buyer_return_and_refund_item_is_too_small/short', 'Item is too small/short'),
        b('D', 'buyer_return_and_refund_multiple_sizes_ordered', 'Multiple sizes ordered'),
        b(
          'D',
          'buyer_return_and_refund_quality_or_style_not_as_expected',
          'Quality or style not as expected',
        ),
        b('D', 'buyer_return_and_refund_ordered_incorrect_size', 'Ordered incorrect size'),
        b('D', 'buyer_return_and_refund_unauthorised_purchase', 'Unauthorised purchase'),
        b('D', 'buyer_return_and_refund_product_is_expired/spoiled', 'Product is expired/spoiled'),
        b('D', 'buyer_return_and_refund_product_not_frozen_on_arrival', 'Product not frozen on arrival'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1_uk', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2_uk', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3_uk', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4_uk', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5_uk', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      rejectPackage: [
        r(
          'reverse_reject_return_parcel_reason_1_uk',
          'The product returned is not the product that was sent',
        ),
        r('reverse_reject_return_parcel_reason_2_uk', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3_uk', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4_uk', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5_uk', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the buyer',
        ),
      ],
      seller: [
        b('D', 'seller_ecom_delivered_return_refund_reason1_uk', 'No longer needed'),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_not_match_description_seller_uk',
          "Product doesn't match description",
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_missing_product_seller_uk',
          'Missing product or accessories',
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_damaged_seller_uk',
          'Package or product is damaged',
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_defective_seller_uk',
          "Product is defective or doesn't work",
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_wrong_product_seller_uk',
          'Wrong product was sent',
        ),
        b('D', 'buyer_return_and_refund_suspected_counterfeit_seller_uk', 'Suspected Counterfeit'),
      ],
    },
    refunds: {
      buyer: [
        b('CT', "buyer_refund_package_didn't_arrive_on_time", "Package didn't arrive on time"),
        b('D', 'ecom_order_delivered_refund_reason_no_need_uk', 'No longer needed'),
        b('D', 'ecom_order_delivered_refund_reason_not_received_uk', "Package wasn't received"),
        b('D', 'ecom_order_delivered_refund_reason_not_match_uk', "Product doesn't match description"),
        b('D', 'ecom_order_delivered_refund_reason_missing_product_uk', 'Missing product or accessories'),
        b('D', 'ecom_order_delivered_refund_reason_damaged_uk', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_defective_uk', "Product is defective or doesn't work"),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product_uk', 'Wrong product was sent'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missed_delivery_date_uk',
          'Missed estimated delivery date',
        ),
        b('D', 'ecom_order_delivered_refund_reason_other_uk', 'Other'),
        b('D', 'buyer_refund_suspected_counterfeit', 'Suspected Counterfeit'),
        b('D', 'buyer_refund_does_not_suit_me', 'Does not suit me'),
        b('D', 'buyer_refund_multiple_sizes_ordered', 'Multiple sizes ordered'),
        b('D', 'buyer_refund_quality_or_style_not_as_expected', 'Quality or style not as expected'),
        b('D', 'buyer_refund_item_is_too_big/long', 'Item is too big/long'),
        b('D', 'buyer_refund_item_is_too_small/short', 'Item is too small/short'),
        b('D', 'buyer_refund_ordered_incorrect_size', 'Ordered incorrect size'),
        b('D', 'buyer_refund_unauthorised_purchase', 'Unauthorised purchase'),
        b('D', 'buyer_refund_product_is_expired/spoiled', 'Product is expired/spoiled'),
        b('D', 'buyer_refund_product_not_frozen_on_arrival', 'Product not frozen on arrival'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1_uk', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2_uk', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3_uk', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4_uk', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5_uk', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address'),
        r(
          "seller_reject_apply_buyer's_responsibility_for_incorrect_address",
          "Buyer's responsibility for incorrect address",
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r('seller_reject_apply_reason_is_unclear_/_lack_of_evidence', 'Reason is unclear / lack of evidence'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      seller: [
        b('CT', 'seller_package_lost_uk', 'Package lost'),
        b(
          'CT',
          'ecom_order_shipped_refund_reason_not_arrive_on_time_seller_uk',
          "Product wouldn't arrive on time",
        ),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missing_product_seller_uk',
          'Missing product or accessories',
        ),
        b('D', 'ecom_order_delivered_refund_reason_not_received_seller_uk', "Package wasn't received"),
        b(
          'D',
          'ecom_order_delivered_refund_reason_not_match_description_seller_uk',
          "Product doesn't match description",
        ),
        b('D', 'ecom_order_delivered_refund_reason_damaged_seller_uk', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product_seller_uk', 'Wrong product was sent'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missed_delivery_date_seller_uk',
          'Missed estimated delivery date',
        ),
        b(
          'D',
          'ecom_order_delivered_refund_reason_defective_seller_uk',
          "Product is defective or doesn't work",
        ),
        b('D', 'buyer_refund_suspected_counterfeit_seller_uk', 'Suspected Counterfeit'),
      ],
    },
  },
  ID: {
    returns: {
      buyer: [
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Product doesn't match description",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Package or product is damaged'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_defective',
          "Product is defective or doesn't work",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong product was sent'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missed_delivery',
          'Missed estimated delivery date',
        ),
        b('CTD', 'buyer_return_and_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the buyer',
        ),
      ],
      seller: [
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_wrong_product_seller',
          'Wrong product was sent',
        ),
      ],
    },
    refunds: {
      buyer: [
        b('CT', 'ecom_order_shipped_refund_reason_not_arrive_on_time', "Product wouldn't arrive on time"),
        b('D', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('D', 'ecom_order_delivered_refund_reason_not_match', "Product doesn't match description"),
        b('D', 'ecom_order_delivered_refund_reason_missing_product', 'Missing product or accessories'),
        b('D', 'ecom_order_delivered_refund_reason_damaged', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work"),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product', 'Wrong product was sent'),
        b('D', 'ecom_order_delivered_refund_reason_missed_delivery_date', 'Missed estimated delivery date'),
        b('D', 'ecom_order_delivered_refund_reason_other', 'Other'),
        b('D', 'buyer_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address'),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
        r(
          "seller_reject_apply_buyer's_responsibility_for_incorrect_address",
          "Buyer's responsibility for incorrect address",
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r('seller_reject_apply_reason_is_unclear_/_lack_of_evidence', 'Reason is unclear / lack of evidence'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      seller: [
        b('D', 'ecom_order_delivered_refund_reason_missing_product_seller', 'Missing product or accessories'),
      ],
    },
  },
  MY: {
    returns: {
      buyer: [
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Product doesn't match description",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Package or product is damaged'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_defective',
          "Product is defective or doesn't work",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong product was sent'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missed_delivery',
          'Missed estimated delivery date',
        ),
        b('CTD', 'buyer_return_and_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the buyer',
        ),
      ],
      seller: [],
    },
    refunds: {
      buyer: [
        b('CT', 'ecom_order_shipped_refund_reason_not_arrive_on_time', "Product wouldn't arrive on time"),
        b('D', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('D', 'ecom_order_delivered_refund_reason_not_match', "Product doesn't match description"),
        b('D', 'ecom_order_delivered_refund_reason_missing_product', 'Missing product or accessories'),
        b('D', 'ecom_order_delivered_refund_reason_damaged', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work"),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product', 'Wrong product was sent'),
        b('D', 'ecom_order_delivered_refund_reason_missed_delivery_date', 'Missed estimated delivery date'),
        b('D', 'buyer_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address'),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
        r(
          "seller_reject_apply_buyer's_responsibility_for_incorrect_address",
          "Buyer's responsibility for incorrect address",
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r('seller_reject_apply_reason_is_unclear_/_lack_of_evidence', 'Reason is unclear / lack of evidence'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      seller: [],
    },
  },
  PH: {
    returns: {
      buyer: [
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Product doesn't match description",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Package or product is damaged'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_defective',
          "Product is defective or doesn't work",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong product was sent'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missed_delivery',
          'Missed estimated delivery date',
        ),
        b('CTD', 'buyer_return_and_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the buyer',
        ),
      ],
      seller: [],
    },
    refunds: {
      buyer: [
        b('CT', 'ecom_order_shipped_refund_reason_not_arrive_on_time', "Product wouldn't arrive on time"),
        b('D', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('D', 'ecom_order_delivered_refund_reason_not_match', "Product doesn't match description"),
        b('D', 'ecom_order_delivered_refund_reason_missing_product', 'Missing product or accessories'),
        b('D', 'ecom_order_delivered_refund_reason_damaged', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work"),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product', 'Wrong product was sent'),
        b('D', 'ecom_order_delivered_refund_reason_missed_delivery_date', 'Missed estimated delivery date'),
        b('D', 'buyer_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address'),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
        r(
          "seller_reject_apply_buyer's_responsibility_for_incorrect_address",
          "Buyer's responsibility for incorrect address",
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r('seller_reject_apply_reason_is_unclear_/_lack_of_evidence', 'Reason is unclear / lack of evidence'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      seller: [],
    },
  },
  SG: {
    returns: {
      buyer: [
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Product doesn't match description",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Package or product is damaged'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_defective',
          "Product is defective or doesn't work",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong product was sent'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missed_delivery',
          'Missed estimated delivery date',
        ),
        b('CTD', 'buyer_return_and_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the buyer',
        ),
      ],
      seller: [],
    },
    refunds: {
      buyer: [
        b('CT', 'ecom_order_shipped_refund_reason_not_arrive_on_time', "Product wouldn't arrive on time"),
        b('D', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('D', 'ecom_order_delivered_refund_reason_not_match', "Product doesn't match description"),
        b('D', 'ecom_order_delivered_refund_reason_missing_product', 'Missing product or accessories'),
        b('D', 'ecom_order_delivered_refund_reason_damaged', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work"),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product', 'Wrong product was sent'),
        b('D', 'ecom_order_delivered_refund_reason_missed_delivery_date', 'Missed estimated delivery date'),
        b('D', 'buyer_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address'),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
        r(
          "seller_reject_apply_buyer's_responsibility_for_incorrect_address",
          "Buyer's responsibility for incorrect address",
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r('seller_reject_apply_reason_is_unclear_/_lack_of_evidence', 'Reason is unclear / lack of evidence'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      seller: [],
    },
  },
  TH: {
    returns: {
      buyer: [
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_no_need', 'No longer needed'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Product doesn't match description",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Package or product is damaged'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_defective',
          "Product is defective or doesn't work",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong product was sent'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missed_delivery',
          'Missed estimated delivery date',
        ),
        b('CTD', 'buyer_return_and_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the buyer',
        ),
      ],
      seller: [],
    },
    refunds: {
      buyer: [
        b('CT', 'ecom_order_shipped_refund_reason_not_arrive_on_time', "Product wouldn't arrive on time"),
        b('CT', 'ecom_order_shipped_refund_wrong_delivery_info', 'Wrong delivery information'),
        b('CT', 'ecom_order_shipped_refund_other', 'Other'),
        b('D', 'ecom_order_delivered_refund_reason_no_need', 'No longer needed'),
        b('D', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('D', 'ecom_order_delivered_refund_reason_not_match', "Product doesn't match description"),
        b('D', 'ecom_order_delivered_refund_reason_missing_product', 'Missing product or accessories'),
        b('D', 'ecom_order_delivered_refund_reason_damaged', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work"),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product', 'Wrong product was sent'),
        b('D', 'ecom_order_delivered_refund_reason_missed_delivery_date', 'Missed estimated delivery date'),
        b('D', 'buyer_refund_suspected_counterfeit', 'Suspected Counterfeit'),
        b('D', 'ecom_order_delivered_refund_reason_other', 'Other'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address'),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
        r(
          "seller_reject_apply_buyer's_responsibility_for_incorrect_address",
          "Buyer's responsibility for incorrect address",
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r('seller_reject_apply_reason_is_unclear_/_lack_of_evidence', 'Reason is unclear / lack of evidence'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      seller: [],
    },
  },
  VN: {
    returns: {
      buyer: [
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Product doesn't match description",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Package or product is damaged'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_defective',
          "Product is defective or doesn't work",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong product was sent'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missed_delivery',
          'Missed estimated delivery date',
        ),
        b('CTD', 'buyer_return_and_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the buyer',
        ),
      ],
      seller: [
        b('D', 'seller_ecom_delivered_return_refund_reason1', 'No longer needed'),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_not_match_description_seller',
          "Product doesn't match description",
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_missing_product_seller',
          'Missing product or accessories',
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_damaged_seller',
          'Package or product is damaged',
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_defective_seller',
          "Product is defective or doesn't work",
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_wrong_product_seller',
          'Wrong product was sent',
        ),
        b('D', 'buyer_return_and_refund_suspected_counterfeit_seller', 'Suspected Counterfeit'),
      ],
    },
    refunds: {
      buyer: [
        b('CT', 'ecom_order_shipped_refund_reason_not_arrive_on_time', "Product wouldn't arrive on time"),
        b('D', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('D', 'ecom_order_delivered_refund_reason_not_match', "Product doesn't match description"),
        b('D', 'ecom_order_delivered_refund_reason_missing_product', 'Missing product or accessories'),
        b('D', 'ecom_order_delivered_refund_reason_damaged', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work"),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product', 'Wrong product was sent'),
        b('D', 'ecom_order_delivered_refund_reason_missed_delivery_date', 'Missed estimated delivery date'),
        b('D', 'buyer_refund_suspected_counterfeit', 'Suspected Counterfeit'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_1', 'Buyer return reason is not valid'),
        r('reverse_reject_request_reason_2', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_request_reason_4', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the buyer'),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address'),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
        r(
          "seller_reject_apply_buyer's_responsibility_for_incorrect_address",
          "Buyer's responsibility for incorrect address",
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('seller_reject_apply_products_will_be_sent_separately', 'Products will be sent separately'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear or lack of evidence',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Buyer use in wrong way',
        ),
        r('seller_reject_apply_reason_is_unclear_/_lack_of_evidence', 'Reason is unclear / lack of evidence'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product is shipped and parcel cannot be recalled back from logistics.',
        ),
      ],
      seller: [
        b(
          'CT',
          'ecom_order_shipped_refund_reason_not_arrive_on_time_seller',
          "Product wouldn't arrive on time",
        ),
        b('CT', 'seller_package_lost', 'Package lost'),
        b('D', 'ecom_order_delivered_refund_reason_missing_product_seller', 'Missing product or accessories'),
        b('D', 'ecom_order_delivered_refund_reason_not_received_seller', "Package wasn't received"),
        b(
          'D',
          'ecom_order_delivered_refund_reason_not_match_description_seller',
          "Product doesn't match description",
        ),
        b('D', 'ecom_order_delivered_refund_reason_damaged_seller', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product_seller', 'Wrong product was sent'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missed_delivery_date_seller',
          'Missed estimated delivery date',
        ),
        b('D', 'ecom_order_delivered_refund_reason_not_match_seller', "Product doesn't match description"),
        b('D', 'ecom_order_delivered_refund_reason_defective_seller', "Product is defective or doesn't work"),
        b('D', 'buyer_refund_suspected_counterfeit_seller', 'Suspected Counterfeit'),
      ],
    },
  },
  MX: {
    returns: {
      buyer: [
        b('CTD', "buyer_return_and_refund_item_doesn't_fit", "Item doesn't fit"),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_no_need', 'No longer needed'),
        b('CTD', 'ecom_order_delivered_refund_reason_defective', 'Defective item'),
        b('CTD', 'buyer_return_and_refund_item_arrived_too_late', 'Item arrived too late'),
        b('CTD', 'ecom_order_delivered_refund_reason_wrong_product', 'Wrong item was sent'),
        b(
          'CTD',
          'buyer_return_and_refund_fabric,_material_or_style_not_as_expected',
          'Fabric, material or style not as expected',
        ),
        b(
          'CTD',
          'buyer_return_and_refund_color_or_pattern_not_as_expected',
          'Color or pattern not as expected',
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Damaged item or packaging'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Item doesn't match description",
        ),
      ],
      rejectRequest: [
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Incorrect usage by the customer',
        ),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence',
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the customer'),
        r('seller_reject_apply_package_has_not_exceeded_estimated_delivery_time', 'Product is in transit'),
        r(
          'seller_reject_apply_products_will_be_sent_separately',
          'Your products were shipped by multiple packages.',
        ),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the customer',
        ),
      ],
      seller: [
        b('D', 'seller_ecom_delivered_return_refund_reason1', 'No longer needed'),
        b('D', 'seller_return_late_delivery', 'Late delivery (Item arrived too late)'),
        b('D', 'seller_return_missing_item', 'Missing items or parts'),
        b('D', 'seller_return_damaged_item', 'Damaged item or packaging'),
        b('D', 'seller_return_defective_item', 'Defective item'),
        b('D', 'seller_return_wrong_item_was_sent', 'Wrong item was sent'),
      ],
    },
    refunds: {
      buyer: [
        b('CT', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('CT', 'ecom_order_delivered_refund_reason_defective', 'Defective item'),
        b('CT', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Damaged item or packaging'),
        b('CT', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work"),
      ],
      rejectRequest: [
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence',
        ),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the customer'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence',
        ),
        r('seller_reject_apply_package_has_not_exceeded_estimated_delivery_time', 'Product is in transit'),
        r(
          'seller_reject_apply_buyers_responsibility_for_incorrect_address',
          'The package has been successfully delivered to the shipping address that was provided.',
        ),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
      ],
      seller: [
        b('CT', 'seller_package_lost', 'Package lost'),
        b('CT', 'seller_shipped_refund_miss_estimated_delivery_date', 'Missed estimated delivery date'),
        b('CT', 'seller_shipped_refund_package_lost', 'Package lost'),
        b('CT', 'seller_shipped_refund_package_delivery_failed', 'Package delivery failed'),
        b('CT', 'ecom_seller_order_delivered_refund_reason_return_proxy_app', 'Package lost'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missing_product_seller',
          'Missing products or accessories',
        ),
        b('D', 'ecom_order_delivered_refund_reason_damaged_seller', 'Package or product is damaged'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_not_match_description_seller',
          "Product doesn't match description",
        ),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product_seller', 'Wrong product was sent'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missed_delivery_date_seller',
          'Missed estimated delivery date',
        ),
        b('D', 'ecom_order_delivered_refund_reason_not_received_seller', "Package wasn't received"),
        b('D', 'seller_shipped_refund_miss_estimated_delivery_date', 'Missed estimated delivery date'),
        b('D', 'seller_shipped_refund_package_lost', 'Package lost'),
        b('D', 'seller_shipped_refund_package_delivery_failed', 'Package delivery failed'),
        b('D', 'ecom_seller_order_delivered_refund_reason_return_proxy_app', 'Package lost'),
      ],
    },
  },
  BR: {
    returns: {
      buyer: [
        b('CTD', "buyer_return_and_refund_item_doesn't_fit", "Item doesn't fit"),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_no_need', 'No longer needed'),
        b('CTD', 'ecom_order_delivered_refund_reason_defective', 'Defective item'),
        b('CTD', 'buyer_return_and_refund_item_arrived_too_late', 'Item arrived too late'),
        b('CTD', 'ecom_order_delivered_refund_reason_wrong_product', 'Wrong item was sent'),
        b(
          'CTD',
          'buyer_return_and_refund_fabric,_material_or_style_not_as_expected',
          'Fabric, material or style not as expected',
        ),
        b(
          'CTD',
          'buyer_return_and_refund_color_or_pattern_not_as_expected',
          'Color or pattern not as expected',
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Damaged item or packaging'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Item doesn't match description",
        ),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missing_product',
          'Package received but missing item',
        ),
      ],
      rejectRequest: [
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Incorrect usage by the customer',
        ),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence',
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct'),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the customer'),
        r('seller_reject_apply_package_has_not_exceeded_estimated_delivery_time', 'Product is in transit'),
        r(
          'seller_reject_apply_products_will_be_sent_separately',
          'Your products were shipped by multiple packages.',
        ),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the customer',
        ),
      ],
      seller: [
        b('D', 'seller_ecom_delivered_return_refund_reason1', 'No longer needed'),
        b('D', 'seller_return_late_delivery', 'Late delivery (Item arrived too late)'),
        b('D', 'seller_return_missing_item', 'Missing items or parts'),
        b('D', 'seller_return_damaged_item', 'Damaged item or packaging'),
        b('D', 'seller_return_defective_item', 'Defective item'),
        b('D', 'seller_return_wrong_item_was_sent', 'Wrong item was sent'),
      ],
    },
    refunds: {
      buyer: [
        b('CT', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('CT', 'ecom_order_delivered_refund_reason_defective', 'Defective item'),
        b('CT', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Damaged item or packaging'),
        b('CT', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work"),
      ],
      rejectRequest: [
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence',
        ),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the customer'),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence',
        ),
        r('seller_reject_apply_package_has_not_exceeded_estimated_delivery_time', 'Product is in transit'),
        r(
          'seller_reject_apply_buyers_responsibility_for_incorrect_address',
          'The package has been successfully delivered to the shipping address that was provided.',
        ),
        r('seller_reject_apply_need_to_apply_for_refund&return', 'Need to apply for refund&return'),
      ],
      seller: [
        b('CT', 'seller_package_lost', 'Package lost'),
        b('CT', 'seller_shipped_refund_miss_estimated_delivery_date', 'Missed estimated delivery date'),
        b('CT', 'seller_shipped_refund_package_lost', 'Package lost'),
        b('CT', 'seller_shipped_refund_package_delivery_failed', 'Package delivery failed'),
        b('CT', 'ecom_seller_order_delivered_refund_reason_return_proxy_app', 'Package lost'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missing_product_seller',
          'Missing products or accessories',
        ),
        b('D', 'ecom_order_delivered_refund_reason_damaged_seller', 'Package or product is damaged'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_not_match_description_seller',
          "Product doesn't match description",
        ),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product_seller', 'Wrong product was sent'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missed_delivery_date_seller',
          'Missed estimated delivery date',
        ),
        b('D', 'ecom_order_delivered_refund_reason_not_received_seller', "Package wasn't received"),
        b('D', 'seller_shipped_refund_miss_estimated_delivery_date', 'Missed estimated delivery date'),
        b('D', 'seller_shipped_refund_package_lost', 'Package lost'),
        b('D', 'seller_shipped_refund_package_delivery_failed', 'Package delivery failed'),
        b('D', 'ecom_seller_order_delivered_refund_reason_return_proxy_app', 'Package lost'),
      ],
    },
  },
  EU: {
    returns: {
      buyer: [
        b('CTD', 'ecom_order_delivered_refund_reason_no_need', 'No longer needed'),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_no_need', 'No longer needed'),
        b('CTD', 'ecom_order_delivered_refund_reason_missed_delivery_date', 'Missed estimated delivery date'),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_other', 'Other'),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong product was sent'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_defective',
          "Product is defective or doesn't work",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Package or product is damaged'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missing_product',
          'Missing product or accessories',
        ),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Product doesn't match description",
        ),
        b('CTD', 'buyer_return_and_refund_does_not_suit_me', 'Does not suit me'),
        b('CTD', 'buyer_return_and_refund_item_is_too_big/long', 'Item is too big/long'),
        b('CTD', 'buyer_return_and_refund_item_is_too_small/short', 'Item is too small/short'),
        b('CTD', 'buyer_return_and_refund_multiple_sizes_ordered', 'Multiple sizes ordered'),
        b(
          'CTD',
          'buyer_return_and_refund_quality_or_style_not_as_expected',
          'Quality or style not as expected',
        ),
        b('CTD', 'buyer_return_and_refund_unauthorised_purchase', 'Unauthorized purchase'),
        b('CTD', 'buyer_return_and_refund_product_is_expired/spoiled', 'Product is expired/spoiled'),
        b('CTD', 'buyer_return_and_refund_product_not_frozen_on_arrival', 'Product not frozen on arrival'),
        b('CTD', 'buyer_return_and_refund_ordered_incorrect_size', 'Ordered incorrect size'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_4_uk', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_2_uk', 'Change of mind returns are not applicable'),
        r('reverse_reject_request_reason_3_uk', 'Not eligible for return (e.g. used or broken)'),
        r(
          'order_manage_list_action_respond_popup_reject_reason_delivered_uk',
          'Product delivery is on schedule',
        ),
        r('reverse_reject_request_reason_1_uk', 'Customer return reason is not valid'),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Incorrect usage by the customer',
        ),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence',
        ),
        r(
          'order_manage_list_action_respond_popup_reject_reason_buyer_agree',
          'Reached an agreement with the customer',
        ),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the customer'),
        r(
          'seller_reject_apply_products_will_be_sent_separately',
          'Your products were shipped by multiple packages.',
        ),
      ],
      rejectPackage: [
        r(
          'seller_reject_apply_you_have_reached_an_agreement_with_the_buyer',
          'You have reached an agreement with the customer',
        ),
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent'),
        r('reverse_reject_return_parcel_reason_2', 'Not eligible for return (e.g. used or broken)'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package"),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used'),
      ],
      seller: [
        b('D', 'seller_ecom_delivered_return_refund_reason1', 'No longer needed'),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_not_match_description_seller',
          "Product doesn't match description",
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_missing_product_seller',
          'Missing product or accessories',
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_damaged_seller',
          'Package or product is damaged',
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_defective_seller',
          "Product is defective or doesn't work",
        ),
        b(
          'D',
          'ecom_order_delivered_refund_and_return_reason_wrong_product_seller',
          'Wrong product was sent',
        ),
        b('D', 'buyer_return_and_refund_suspected_counterfeit_seller', 'Suspected Counterfeit'),
      ],
    },
    refunds: {
      buyer: [
        b('CTD', 'ecom_order_delivered_refund_reason_no_need', 'No longer needed'),
        b('CTD', 'ecom_order_delivered_refund_reason_missed_delivery_date', 'Missed estimated delivery date'),
        b('CTD', 'ecom_order_delivered_refund_reason_not_received', "Package wasn't received"),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_other', 'Other'),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product', 'Wrong product was sent'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_defective',
          "Product is defective or doesn't work",
        ),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_damaged', 'Package or product is damaged'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missing_product',
          'Missing product or accessories',
        ),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description',
          "Product doesn't match description",
        ),
        b('CTD', 'buyer_return_and_refund_does_not_suit_me', 'Does not suit me'),
        b('CTD', 'buyer_return_and_refund_item_is_too_big/long', 'Item is too big/long'),
        b('CTD', 'buyer_return_and_refund_item_is_too_small/short', 'Item is too small/short'),
        b('CTD', 'buyer_return_and_refund_multiple_sizes_ordered', 'Multiple sizes ordered'),
        b(
          'CTD',
          'buyer_return_and_refund_quality_or_style_not_as_expected',
          'Quality or style not as expected',
        ),
        b('CTD', 'buyer_return_and_refund_unauthorised_purchase', 'Unauthorized purchase'),
        b('CTD', 'buyer_return_and_refund_product_is_expired/spoiled', 'Product is expired/spoiled'),
        b('CTD', 'buyer_return_and_refund_product_not_frozen_on_arrival', 'Product not frozen on arrival'),
        b('CTD', 'buyer_return_and_refund_ordered_incorrect_size', 'Ordered incorrect size'),
      ],
      rejectRequest: [
        r('reverse_reject_request_reason_4_uk', 'Product delivery is on schedule'),
        r('reverse_reject_request_reason_2_uk', 'Change of mind returns are not applicable'),
        r(
          'order_manage_list_action_respond_popup_reject_reason_delivered_uk',
          'Product delivery is on schedule',
        ),
        r(
          "seller_reject_apply_buyer's_responsibility_for_incorrect_address",
          'The package has been successfully delivered to the shipping address that was provided.',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Incorrect usage by the customer',
        ),
        r(
          'seller_reject_apply_reason_is_unclear_/_lack_of_evidence',
          'Parcel Delivered but Buyer did not receive, need more information',
        ),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence',
        ),
        r(
          'order_manage_list_action_respond_popup_reject_reason_buyer_agree',
          'Reached an agreement with the customer',
        ),
        r('reverse_reject_request_reason_5', 'You have reached an agreement with the customer'),
        r('seller_reject_apply_package_has_not_exceeded_estimated_delivery_time', 'Product is in transit'),
        r(
          'seller_reject_apply_products_will_be_sent_separately',
          'Your products were shipped by multiple packages.',
        ),
        r(
          'seller_reject_apply_product_has_been_packed',
          'Product shipped. Tracking updates will be available soon.',
        ),
      ],
      seller: [
        b('CT', 'seller_package_lost', 'Package lost'),
        b(
          'CT',
          'ecom_order_shipped_refund_reason_not_arrive_on_time_seller',
          "Product wouldn't arrive on time",
        ),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missing_product_seller',
          'Missing products or accessories',
        ),
        b('D', 'ecom_order_delivered_refund_reason_not_received_seller', "Package wasn't received"),
        b(
          'D',
          'ecom_order_delivered_refund_reason_not_match_description_seller',
          "Product doesn't match description",
        ),
        b('D', 'ecom_order_delivered_refund_reason_damaged_seller', 'Package or product is damaged'),
        b('D', 'ecom_order_delivered_refund_reason_wrong_product_seller', 'Wrong product was sent'),
        b(
          'D',
          'ecom_order_delivered_refund_reason_missed_delivery_date_seller',
          'Missed estimated delivery date',
        ),
        b('D', 'ecom_order_delivered_refund_reason_defective_seller', "Product is defective or doesn't work"),
        b('D', 'buyer_refund_suspected_counterfeit_seller', 'Suspected Counterfeit'),
      ],
    },
  },
  JP: {
    returns: {
      buyer: [
        b(
          'CTD',
          'ecom_order_delivered_refund_reason_no_need',
          'No longer needed (Item must be returned in sealed/original condition).',
        ),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missing_parts_JP',
          'Received package but missing parts or accessories.',
        ),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description_JP',
          "Product doesn't match description.",
        ),
        b('CTD', 'ecom_order_delivered_refund_reason_damaged', 'Package or product is damaged.'),
        b('CTD', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work."),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product_JP', 'Wrong product sent.'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missed_delivery_date_JP',
          'Missed estimated delivery date.',
        ),
      ],
      rejectRequest: [
        r('reverse_reject_refund_request_unclear_evidence_Test', 'Reason is unclear / lack of evidence.'),
        r(
          'ecom_reverse_reject_cancel_reason_product_packed',
          'Product shipped. Tracking updates will be available soon.',
        ),
        r('ecom_reverse_reject_refund_request_failed_delivery', 'The delivery attempt failed.'),
        r(
          'ecom_reverse_reject_refund_request_package_delivery_multiple_boxes',
          'Products were shipped in multiple packages.',
        ),
        r('ecom_reverse_reject_refund_request_replacement_shipped', 'Replacement has been shipped.'),
        r('ecom_reverse_reject_apply_buyer_agree_jp', 'Reached an agreement with the customer.'),
        r('seller_reject_apply_reason_delivered_jp', 'Product delivery is on schedule.'),
        r(
          'seller_reject_apply_buyers_responsibility_for_incorrect_address',
          'The package has been successfully delivered to the shipping address that was provided.',
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct.'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product delivery is on schedule.',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well / Incorrect usage by the customer.',
        ),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence.',
        ),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address.'),
      ],
      rejectPackage: [
        r('reverse_reject_return_parcel_reason_1', 'The product returned is not the product that was sent.'),
        r('reverse_reject_return_parcel_reason_3', 'Missing products and/or product parts.'),
        r('reverse_reject_return_parcel_reason_4', "I haven't received the package."),
        r('reverse_reject_return_parcel_reason_5', 'Product is damaged or used.'),
      ],
      seller: [],
    },
    refunds: {
      buyer: [
        b(
          'CTD',
          'ecom_order_delivered_refund_reason_no_need',
          'No longer needed (Item must be returned in sealed/original condition).',
        ),
        b('CTD', 'ecom_order_shipped_refund_reason_not_arrive_on_time_JP', "Product didn't arrive on time."),
        b('CTD', 'ecom_order_delivered_refund_reason_not_received', "Didn't receive package."),
        b(
          'CTD',
          'ecom_order_delivered_refund_reason_missing_product_JP',
          'Received package but some items are missing.',
        ),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missing_parts_JP',
          'Received package but missing parts or accessories.',
        ),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_not_match_description_JP',
          "Product doesn't match description.",
        ),
        b('CTD', 'ecom_order_delivered_refund_reason_damaged', 'Package or product is damaged.'),
        b('CTD', 'ecom_order_delivered_refund_reason_defective', "Product is defective or doesn't work."),
        b('CTD', 'ecom_order_delivered_refund_and_return_reason_wrong_product_JP', 'Wrong product sent.'),
        b(
          'CTD',
          'ecom_order_delivered_refund_and_return_reason_missed_delivery_date_JP',
          'Missed estimated delivery date.',
        ),
      ],
      rejectRequest: [
        r('reverse_reject_refund_request_unclear_evidence_Test', 'Reason is unclear / lack of evidence.'),
        r(
          'ecom_reverse_reject_cancel_reason_product_packed',
          'Product shipped. Tracking updates will be available soon.',
        ),
        r('ecom_reverse_reject_refund_request_failed_delivery', 'The delivery attempt failed.'),
        r(
          'ecom_reverse_reject_refund_request_package_delivery_multiple_boxes',
          'Products were shipped in multiple packages.',
        ),
        r('ecom_reverse_reject_refund_request_replacement_shipped', 'Replacement has been shipped.'),
        r('ecom_reverse_reject_apply_buyer_agree_jp', 'Reached an agreement with the customer.'),
        r('seller_reject_apply_reason_delivered_jp', 'Product delivery is on schedule.'),
        r(
          'seller_reject_apply_buyers_responsibility_for_incorrect_address',
          'The package has been successfully delivered to the shipping address that was provided.',
        ),
        r('seller_reject_apply_item_is_correct', 'Item is correct.'),
        r(
          'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
          'Product delivery is on schedule.',
        ),
        r(
          'seller_reject_apply_product_functions_well/buyer_use_in_wrong_way',
          'Product functions well/Incorrect usage by the customer.',
        ),
        r(
          'seller_reject_apply_reason_is_unclear_or_lack_of_evidence',
          'Reason is unclear / lack of evidence.',
        ),
        r('seller_reject_apply_unable_to_change_address', 'Unable to change address.'),
      ],
      seller: [
        b(
          'CTD',
          'ecom_order_delivered_refund_reason_missing_product_seller',
          'Missing products or accessories',
        ),
        b('CTD', 'ecom_order_delivered_refund_reason_general_adjustment', 'General adjustment.'),
        b('CTD', 'ecom_order_delivered_refund_reason_not_received_seller', "Package wasn't received."),
        b(
          'CTD',
          'ecom_order_delivered_refund_reason_not_match_description_seller',
          "Product doesn't match description.",
        ),
        b('CTD', 'ecom_order_delivered_refund_reason_damaged_seller', 'Package or product is damaged.'),
        b('CTD', 'ecom_order_delivered_refund_reason_wrong_product_seller', 'Wrong product was sent.'),
        b(
          'CTD',
          'ecom_order_delivered_refund_reason_missed_delivery_date_seller',
          'Missed estimated delivery date.',
        ),
        b('CTD', 'seller_package_lost', 'Package lost.'),
        b('CTD', 'seller_shipped_refund_package_lost', 'Package lost.'),
        b('CTD', 'seller_shipped_refund_package_delivery_failed', 'Package delivery failed.'),
        b('CTD', 'seller_shipped_refund_miss_estimated_delivery_date', 'Missed estimated delivery date.'),
        b('CTD', 'ecom_seller_order_delivered_refund_reason_return_proxy_app', 'Package lost.'),
      ],
    },
  },
};

/** Reject reasons TikTok's changelogs took offline for returns, by market. */
const RETIRED_RETURN_REJECTS: Readonly<Partial<Record<CancelReasonMarket, readonly string[]>>> = {
  US: [
    'reverse_reject_request_reason_1',
    'reverse_reject_request_reason_2',
    'reverse_reject_request_reason_3',
    'reverse_reject_request_reason_5',
  ],
};

function tables(region: string): { market: CancelReasonMarket; reasons: ReasonTables } | null {
  const market = cancelReasonMarket(region);
  return market === null ? null : { market, reasons: TIKTOK_RETURN_REASONS[market] };
}

/** The reasons a buyer in `region` may give for a return of `returnType` on an order in `orderStatus`. */
export function buyerReturnReasons(
  region: string,
  returnType: TikTokReturnType,
  orderStatus: string,
): readonly TikTokBuyerReturnReason[] {
  const found = tables(region);
  if (found === null) return [];
  const list = returnType === 'REFUND' ? found.reasons.refunds.buyer : found.reasons.returns.buyer;
  return list.filter((reason) => reason.statuses.includes(orderStatus));
}

/** The reasons a seller in `region` may give in Create Return for an order in `orderStatus`. */
export function sellerReturnReasons(
  region: string,
  returnType: 'REFUND' | 'RETURN_AND_REFUND',
  orderStatus: string,
): readonly TikTokBuyerReturnReason[] {
  const found = tables(region);
  if (found === null) return [];
  const list = returnType === 'REFUND' ? found.reasons.refunds.seller : found.reasons.returns.seller;
  return list.filter((reason) => reason.statuses.includes(orderStatus));
}

/**
 * How TikTok takes the reason of a seller's Create Return: `valid`; `status_mismatch` — a seller reason of
 * this market for another order status (25001021); `not_seller` — a buyer's reason (25001015 "cannot be
 * used by the seller"); `unknown` (25001014), also a seller reason of the other return type.
 */
export type SellerReturnReasonCheck = 'valid' | 'status_mismatch' | 'not_seller' | 'unknown';

export function checkSellerReturnReason(
  region: string,
  returnType: 'REFUND' | 'RETURN_AND_REFUND',
  orderStatus: string,
  code: string,
): SellerReturnReasonCheck {
  const found = tables(region);
  if (found === null) return 'unknown';
  const { returns, refunds } = found.reasons;
  const list = returnType === 'REFUND' ? refunds.seller : returns.seller;
  const reason = list.find((r) => r.code === code);
  if (reason) return reason.statuses.includes(orderStatus) ? 'valid' : 'status_mismatch';
  return [...returns.buyer, ...refunds.buyer].some((r) => r.code === code) ? 'not_seller' : 'unknown';
}

/**
 * The reasons a seller in `region` may give in Reject Return (what Get Reject Reasons lists): for the
 * request, the refund-only or the return list by `returnType`; for a returned package, the package list.
 */
export function sellerRejectReturnReasons(
  region: string,
  returnType: TikTokReturnType,
  stage: ReturnRejectStage,
): readonly TikTokReturnReason[] {
  const found = tables(region);
  if (found === null) return [];
  if (stage === 'PACKAGE') return found.reasons.returns.rejectPackage;
  if (returnType === 'REFUND') return found.reasons.refunds.rejectRequest;
  const retired = RETIRED_RETURN_REJECTS[found.market] ?? [];
  return found.reasons.returns.rejectRequest.filter((reason) => !retired.includes(reason.code));
}

/**
 * How TikTok takes a seller's reject reason: `valid`; `wrong_action` — a reject reason of this market
 * for another decision (the request instead of the package, a refund instead of a return: 25001016
 * "reverse reason not match action type"); `retired` — taken offline (25001020); `unknown` — anything
 * else (25001014).
 */
export type ReturnRejectReasonCheck = 'valid' | 'wrong_action' | 'retired' | 'unknown';

export function checkSellerRejectReturnReason(
  region: string,
  returnType: TikTokReturnType,
  stage: ReturnRejectStage,
  code: string,
): ReturnRejectReasonCheck {
  const found = tables(region);
  if (found === null) return 'unknown';
  if (sellerRejectReturnReasons(region, returnType, stage).some((reason) => reason.code === code))
    return 'valid';
  if ((RETIRED_RETURN_REJECTS[found.market] ?? []).includes(code) && stage === 'REQUEST') return 'retired';
  const { returns, refunds } = found.reasons;
  const any = [...returns.rejectRequest, ...returns.rejectPackage, ...refunds.rejectRequest];
  return any.some((reason) => reason.code === code) ? 'wrong_action' : 'unknown';
}

/** The display text of a return, refund or reject reason of `region` (the code itself when unknown). */
export function returnReasonText(region: string, code: string): string {
  const found = tables(region);
  if (found === null) return code;
  const { returns, refunds } = found.reasons;
  const all = [
    ...returns.buyer,
    ...refunds.buyer,
    ...returns.seller,
    ...refunds.seller,
    ...returns.rejectRequest,
    ...returns.rejectPackage,
    ...refunds.rejectRequest,
  ];
  return all.find((reason) => reason.code === code)?.text ?? code;
}
