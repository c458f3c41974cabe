/**
 * TikTok Shop error codes and messages (the answers TikTok gives to bad signatures, its common errors page,
 * partner.tiktokshop.com/docv2/page/common-errors, and the endpoint error tables). HTTP statuses: 401/106001, 400/36009004 and 404/36009009 are observed;
 * the others are this simulator's choices (documented in the README of the simulator):
 * 36009010 → 405, 36009014 → 404, 105002 → 401, 105005 → 403, 106013/101000 → 400,
 * 36009002 → 429, 36009003 → 500 or 503, business errors → 200 with `code != 0`.
 */
export class TikTokApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly httpStatus: number = 200,
  ) {
    super(message);
    this.name = 'TikTokApiError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

const err = (code: number, message: string, httpStatus = 200) =>
  new TikTokApiError(code, message, httpStatus);

export const SIGN_INVALID_MESSAGE =
  "Invalid credentials. The 'sign' query parameter is invalid. For more details: https://m.tiktok.shop/s/AIu6dbFhs2XW";

/** Gateway (common) errors. */
export const Gateway = {
  invalidPath: () =>
    err(36009009, 'Invalid path. The specified path does not match any available endpoint.', 404),
  invalidMethod: () =>
    err(36009010, 'Invalid method. The HTTP method used is not supported by this endpoint.', 405),
  invalidVersion: () =>
    err(36009014, 'Invalid API version. The `version` value is invalid or unsupported.', 404),
  invalidAppKey: () => err(36009004, 'Invalid credentials. Invalid `app_key` query parameter.', 400),
  missingSignature: () =>
    err(
      36009004,
      'Missing credentials. The request does not include a required signature in the query.',
      400,
    ),
  timestampNegative: () =>
    err(
      36009004,
      'Invalid timestamp. The value of the `timestamp` query parameter must not be lesser than 0.',
      400,
    ),
  timestampTooOld: () =>
    err(
      36009004,
      'Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes before the current time.',
      400,
    ),
  timestampTooNew: () =>
    err(
      36009004,
      'Invalid timestamp. The value of the `timestamp` query parameter must not exceed the current time by more than 30 seconds.',
      400,
    ),
  invalidSign: () => err(106001, SIGN_INVALID_MESSAGE, 401),
  invalidAccessToken: () =>
    err(36009004, 'Invalid credentials. The `x-tts-access-token` header is invalid.', 400),
  expiredAccessToken: () =>
    err(105002, 'Expired credentials. The `access_token` or `x-tts-access-token` header has expired.', 401),
  scopeDenied: () =>
    err(
      105005,
      'Access denied. The app is not authorized to access the endpoint because the access scopes granted for the app or the access token do not contain the required access scope for the endpoint.',
      403,
    ),
  missingShopCipher: () =>
    err(
      106013,
      'Missing identifier. The `shop_cipher` query parameter is required to identify the target shop.',
      400,
    ),
  unexpectedShopCipher: () =>
    err(
      36009004,
      'Unexpected identifier. The `shop_cipher` query parameter is not required for this request.',
      400,
    ),
  shopCipherNotAuthorized: () =>
    err(
      101000,
      'Invalid query or header. The `category_asset_cipher` query parameter or `x-tts-access-token` header is invalid.',
      400,
    ),
  tooManyRequests: () =>
    err(36009002, "Too many requests. You've made too many requests in a short period of time.", 429),
  internalError: (status: 500 | 503) =>
    err(
      36009003,
      'Internal error. Please try again. If the issue persists after multiple attempts, please contact platform support.',
      status,
    ),
  multipartRequired: () => err(36009023, 'content-type must be multipart/form-data', 400),
  fileTooLarge: () => err(36009021, 'File too large', 400),
  invalidBodyFormat: () =>
    err(
      36009022,
      'Invalid request format. The request body format must be `application/json` for structured data or `multipart/form-data` for binary files.',
      400,
    ),
  /** Parameter validation failure; the detail names the parameter. */
  invalidParam: (detail: string) => err(36009004, `invalid param error: ${detail}`, 400),
};

/** Token endpoint errors (auth host). */
export const AuthErrors = {
  invalidAuthCode: () => err(36004004, 'Invalid auth code.'),
  refreshTokenExpired: () => err(36004001, 'rt has expired'),
  authRecordNotFound: () => err(36004005, 'can not find related auth record'),
  invalidAppKey: () => err(36009004, 'Invalid credentials. Invalid `app_key` query parameter.', 400),
  invalidAppSecret: () =>
    err(36009004, 'Invalid credentials. The `app_secret` query parameter is invalid.', 400),
  invalidGrantType: (expected: string) =>
    err(36009004, `invalid param error: grant_type must be ${expected}`, 400),
  missingParam: (name: string) => err(36009004, `invalid param error: ${name} is required`, 400),
};

/** Business errors of the endpoints (HTTP 200, `code != 0`, `data: null`). */
export const Business = {
  orderNotOwned: () => err(21008111, 'The order or package does not belong to the current seller.'),
  productNotFound: () => err(12019150, 'The product ID does not exist.'),
  productNotInShop: () => err(12052034, "This product doesn't belong to this shop"),
  productStatusInvalid: () =>
    err(
      12052901,
      'The product in its current status is not available for this operation. Change the product status and try again.',
    ),
  tooManySellerSkus: () => err(12019027, 'The maximum count of “seller_skus” in the search filter is 10.'),
  tooManySkuIds: () => err(12019087, 'The number of SKU IDs exceeds the limit of 10'),
  tooManyInventorySkus: () => err(12019015, 'The number of SKU exceed the limit'),
  tooManyInventoryProducts: () => err(12019120, 'The number of provided product IDs exceeds the limit.'),
  crossBorderCreateLocal: () =>
    err(12052701, 'do not support cross-boarder seller create local product directly'),
  productNameEmpty: () => err(12052261, 'product name is empty'),
  productNameTooLong: () => err(12052051, 'The product name exceed max limit characters'),
  descriptionRequired: () => err(12052015, 'The product description is required'),
  categoryInvalid: () => err(12052002, 'Incorrect category format'),
  mainImageRequired: () => err(12052028, 'Main product image is required'),
  packageWeightInvalid: () => err(12019011, 'product package weight is invalid'),
  packageWeightZero: () => err(12052181, 'The package weight of the product can not be zero.'),
  imperialUnitsNotUs: () =>
    err(
      12019061,
      'Product weight or dimensions unit does not support the imperial units on non-US local products.',
    ),
  skuListEmpty: () =>
    err(12052902, 'The SKU list is empty. Either omit the list entirely, or provide all required details.'),
  tooManySkus: () => err(12052558, 'Number of product skus exceed limit.'),
  sellerSkuInvalid: () => err(12019059, 'seller sku is invalid'),
  sellerSkuTooLong: () => err(12052054, 'The seller SKU text length cannot exceed max limit characters'),
  priceMissing: () => err(12052571, 'Missing price for SKU(s)'),
  priceFormat: () => err(12052012, 'Incorrect price format'),
  /* Product listing rules (issue #20). Codes other than those of the reference tables are this simulator's choices (sandbox/tiktok/README.md). */
  categoryNotExist: () => err(12052001, 'The category does not exist.'),
  categoryNotLeaf: () => err(12052003, 'The category is not a leaf category. Choose a leaf category.'),
  mainImagesTooMany: () => err(12052027, 'The number of main images cannot exceed 9.'),
  imageUriUnknown: (uri: string) =>
    err(12052029, `The image uri ${uri} is invalid. Upload the image with Upload Image first.`),
  requiredAttributeMissing: (name: string, id: string) =>
    err(12052240, `The product attribute [${name}] (id ${id}) is required for this category.`),
  attributeValueInvalid: (name: string, id: string) =>
    err(12052241, `The value of the product attribute [${name}] (id ${id}) is not one of its values.`),
  attributeNotInCategory: (id: string) =>
    err(12052242, `The attribute ${id} does not belong to this category.`),
  salesAttributesTooMany: () => err(12052254, 'A product can have at most 3 sales attribute types.'),
  salesAttributesInconsistent: () =>
    err(12052255, 'Every SKU of a product must carry the same sales attribute types.'),
  salesAttributeDuplicate: () =>
    err(12052256, 'Two SKUs of the product have the same sales attribute values.'),
  packageDimensionsRequired: () =>
    err(12052222, 'Package dimensions (length, width, height) are required for this category.'),
  certificationRequired: (name: string, id: string) =>
    err(12052230, `The certification [${name}] (id ${id}) is required for this category.`),
  brandNotExist: () => err(12052216, 'The brand does not exist.'),
  brandUnauthorized: () => err(12052217, 'The brand is not authorized for this seller.'),
  sellerSkuDuplicate: () => err(12052056, 'The seller SKU is duplicated within the product.'),
  skuNotInProduct: (skuId: string) => err(12052035, `The SKU ${skuId} does not belong to this product.`),
  imageTooLarge: () => err(36009021, 'File too large. The image cannot exceed 5 MB.', 400),
  imageFormatInvalid: () =>
    err(12052025, 'The image format is not supported. Upload a JPG, PNG or WEBP image.'),
  imageDimensionsInvalid: () =>
    err(12052026, 'The image must be at least 100 × 100 and at most 20000 × 20000 pixels.'),
  currencyNotAvailable: () => err(12052084, 'The provided currency is not available for this shop/region.'),
  warehouseNotExist: () => err(12052097, 'The warehouse does not exist'),
  warehouseNotInShop: (warehouseId: string) =>
    err(12052530, `The warehouse ' ${warehouseId} ' does not belong to this shop/seller.`),
  warehouseDuplicate: () => err(12052555, 'The warehouse id is duplicate'),
  warehouseDisabled: () => err(12052531, 'The warehouse is disabled.'),
  titleTooShort: (min: number) =>
    err(36009004, `invalid param error: title must have at least ${min} characters`, 400),
  inventoryQuantityLimits: () =>
    err(12052055, 'The SKU inventory quantity for the warehouse must be within allowed limits.'),
  interfaceNotInRegion: () => err(21008106, 'This interface cannot be used in this region.'),
  ordersAlreadyShipped: () => err(21011006, 'These orders are already shipped.'),
  duplicateTrackingNumber: () => err(21011025, 'Duplicate tracking number.'),
  trackingProviderInvalid: () =>
    err(21011022, 'Invalid tracking number or provider ID. Please double check and try again.'),
  fulfillInvalidParams: () =>
    err(21001001, 'Invalid parameters. Please ensure you are passing the correct request parameter(s).'),
  fulfillActionNotAllowed: () => err(21011003, 'fulfill_unit action not allowed'),
  /** TikTok's ON_HOLD changelog (Mark Package As Shipped, Batch Ship Packages, … on an ON_HOLD order). */
  orderOnHold: () =>
    err(21011044, 'Order status is on hold. Please process when order status update to awaiting shipment'),
  platformFulfilled: () => err(21008025, 'Seller cannot operate orders which are fulfilled by platform'),
  packageAlreadyShipped: () => err(21008099, 'Package has been shipped. Please not ship the package again.'),
  orderLineNotInOrder: () => err(21011029, 'order does not belong to fulfill unit'),
  packageNotInShop: () => err(21011028, 'The package does not belong to the current shop.'),
  /** Ship Package and Update Shipping Info pages (also used for Mark Package As Shipped on a cancelled order). */
  orderCancelled: () => err(21011041, 'Cannot complete the operation when order is cancelled.'),
  /** Update Package Shipping Info page. */
  packageOrderCancelled: () => err(21011042, 'Cannot complete the operation when order is cancelled.'),
  trackingSpecialCharacters: () => err(21004012, 'Tracking number has special characters, verify failed.'),
  trackingMismatchProvider: () => err(21004015, 'Tracking number mismatch provider.'),
  trackingNoCarrier: () =>
    err(
      11028006,
      'This tracking number cannot be matched to any carrier, please check the tracking number and upload again.',
    ),
  trackingUsedTooOften: () => err(21011026, 'fulfillment tracking no used times over limit'),
  packageNotShipped: () => err(21011043, 'The package has not been shipped yet.'),
  shippingInfoStatusNotAllowed: () =>
    err(
      10007002,
      "You cannot update the shipping information due to the order's current status, please try again later.",
    ),
  notSellerShipped: () =>
    err(
      21011004,
      'This API cannot be used to update package shipping information for packages that are not shipped by sellers.',
    ),
  packageDelivered: () =>
    err(
      21011030,
      'Package has already been delivered. If you would still like to update the tracking number, please contact the platform for assistance.',
    ),
  shippingInfoWindowClosed: () =>
    err(21011049, 'Due to platform rule limitations, you are unable to update the tracking number.'),
  shippingInfoUpdatedOnce: () => err(21011051, 'The tracking number can only be updated once.'),
  /** Mark Package As Shipped on a TikTok Shipping order (its table's "not match logistics rule"; inferred use). */
  logisticsRuleMismatch: () => err(21011013, 'not match logistics rule'),
  /** Mark Package As Shipped on lines TikTok already sold a label for. */
  labelAlreadyPrinted: () => err(21008042, 'seller already print shipping label'),
  labelAlreadyPurchased: () => err(21022025, 'A shipping label has already been purchased.'),
  labelServiceNotFound: () => err(21004008, 'create label shipping service not found'),
  pickupSlotOutside: () =>
    err(21011053, 'Fail to ship package because the shipment time is outside of the pick-up time slot.'),
  pickupSlotMissing: () =>
    err(
      21011054,
      'No available shipping services for this request due to missing pick-up time slot. Please contact customer service for assistance.',
    ),
  noShippingService: () =>
    err(
      11021009,
      'No available shipping services for this request. Please modify the package weight or check the recipient address. If the error persists, please contact the platform for assistance.',
    ),
  noEligibleService: () =>
    err(
      21011037,
      'There are no available shipping services for this request. Please modify the package weight, or double check the recipient address. If after multiple retries you continue to experience this error, please contact the platform for assistance.',
    ),
  documentsTikTokShippingOnly: () =>
    err(
      21008017,
      'This API is only applicable to TikTok Shipping orders. For seller shipping, please obtain the shipping label offline and upload it to TikTok Shop via API or Seller Center.',
    ),
  fbtNoDocuments: () =>
    err(21008043, 'This package is fulfilled by TikTok.  Shipping documents cannot be printed.'),
  documentArrangeFirst: () =>
    err(21023035, 'Please arrange shipment before retrieving the shipping document.'),
  documentAfterPickup: () =>
    err(21042102, "Documents couldn't be printed after the package has been pickup."),
  documentPackageCancelled: () => err(21023059, 'Package has already been cancelled.'),
  deliveryOptionUnknown: () => err(21008116, 'No Subscription without specified delivery option.'),
  deliveryOptionByTikTok: () =>
    err(
      21008117,
      'The delivery of the specified delivery_option_id is fulfilled by TikTok. No shipping provider will be returned.',
    ),
  cancelInvalidParam: () =>
    err(
      25001001,
      'An invalid request parameter was passed. Please check that you have the correct parameter type(s) and format.',
    ),
  cancelAlreadyInProcess: () =>
    err(25001011, 'A return request is already in process, or the order has already been cancelled.'),
  cancelUnknownReason: () =>
    err(25001014, 'Unknown return reason. Please ensure you are passing a valid return reason.'),
  cancelReasonOffline: () =>
    err(
      25001020,
      'The provided return reason is currently offline. Please select a different return reason.',
    ),
  cancelReasonNotMatchStatus: () => err(25001021, 'Reason not match order status'),
  cancelAlreadyShipped: () =>
    err(
      25001045,
      'The order has already been shipped and we are unable to cancel shipment with the courier.',
    ),
  cancelOrderClosed: () =>
    err(25001051, 'Not allowed to return or cancel since order is completed or cancelled'),
  cancelNoPermission: () => err(25020005, 'No permission to process this order'),
  reverseOrderNotFound: () => err(25007006, 'Order not found.'),
  reverseCannotApprove: () => err(25011012, 'reverse status cannot approve application'),
  reverseAlreadyCancelled: () => err(25020009, 'reverse already cancelled'),
  aftersaleAlreadyApproved: () => err(25020010, 'Aftersales has been approved and cannot be rejected.'),
  /** TikTok's "US only: order cancellation workflow updates" (shipping with a pending buyer request). */
  packageHasAfterSaleRequest: () => err(21011007, 'Package item has after-sale request'),
  /** Approve / Reject Return error tables (TikTok's Approve / Reject Return pages). */
  returnInvalidStatus: () => err(25001003, 'Invalid order status.'),
  returnReasonNotForSeller: () =>
    err(
      25001015,
      'The provided return reason cannot be used by the seller. Please select a valid return reason and try again.',
    ),
  refundAboveRefundable: () => err(25005005, 'Refund total amount is larger than the refundable amount.'),
  returnLinesOverLimit: () =>
    err(25005011, 'The requested line item(s) for return or refund exceeds the allowable limit.'),
  returnReasonNotMatchAction: () => err(25001016, 'reverse reason not match action type'),
  returnWithOperator: () => err(25011010, 'request has been transferred to platform operator'),
  returnCannotApproveReceive: () => err(25011013, 'reverse status cannot approve receive'),
  returnFbtReceive: () => err(25011026, 'forbid process receive for FBT order'),
  returnPartialRefundStatus: () => err(25011032, 'ReverseInvalidStatusPartialRefund'),
  returnDecisionNotMatchType: () => err(25020004, 'decision not match reverse type'),
  returnAlreadyReceived: () => err(25020011, 'return already received'),
  returnCannotRejectReceive: () => err(25020012, "status can't reject receive"),
  cancelLineItemsNotAllowed: () =>
    err(25005010, 'Unable to cancel individual line items within this request.'),
};
