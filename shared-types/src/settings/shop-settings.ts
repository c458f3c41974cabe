/**
 * The settings of one `customrecord_tts_shop` that the order import reads (docs/contracts.md),
 * already read from NetSuite: select fields are internal-id strings or null.
 */
export interface ShopSettings {
  /** Internal id of the `customrecord_tts_shop` record. */
  recordId: string;
  /** TikTok shop id (`custrecord_tts_shop_id`). */
  shopId: string;
  /** Shop name, used in messages. */
  name: string;
  /** ISO currency of the shop, or null when unknown. */
  currency: string | null;
  /** TikTok region of the shop (`custrecord_tts_shop_region`: `US`, `GB`, ...), or null when unknown. */
  region?: string | null;
  /** Push orders to NetSuite (`custrecord_tts_shop_push_orders`). */
  pushOrders: boolean;
  /** Customer strategy: one customer per TikTok buyer (`custrecord_tts_shop_per_buyer`). */
  perBuyerCustomer: boolean;
  /** Default customer (`custrecord_tts_shop_customer`). */
  customerId: string | null;
  subsidiaryId: string | null;
  locationId: string | null;
  departmentId: string | null;
  classId: string | null;
  /** Shipping item, a `shipitem` (`custrecord_tts_shop_ship_item`). */
  shippingItemId: string | null;
  /**
   * Tax Item (`custrecord_tts_shop_tax_item`): the other-charge item TikTok's collected tax is booked
   * on (order-tax.ts); needed for orders that carry tax.
   */
  taxItemId: string | null;
  /** Seller type (`custrecord_tts_shop_seller_type`: `LOCAL`, `CROSS_BORDER`), or null when unknown. */
  sellerType?: string | null;
  /**
   * Tax collected and remitted by (`custrecord_tts_shop_tax_remitter`): `TikTok`, `Seller`, or
   * null for the default of the region and seller type (order-tax-booking.ts).
   */
  taxRemitter?: string | null;
  /**
   * Tax Code (`custrecord_tts_shop_tax_code`): the tax code (sales tax item) on the lines of TikTok
   * orders: the seller's tax or VAT code when the seller remits; a zero-rate or out-of-scope code
   * when TikTok remits in a VAT account.
   */
  taxCodeId?: string | null;
  /** Payment Method Map JSON text (`custrecord_tts_shop_pm_map`), unparsed. */
  paymentMethodMap: string | null;
  /** The rest are the "Orders, complete" settings; absent means the field's default. */
  orderOptions?: Partial<ShopOrderOptions>;
}

/** Order-import options of a shop (docs/contracts.md, "Orders, complete"). */
export interface ShopOrderOptions {
  /** `custrecord_tts_shop_form`: internal id of the sales order form (`customform`), or null. */
  formId: string | null;
  /** `custrecord_tts_shop_order_status`: `A` pending approval or `B` pending fulfillment (default). */
  orderStatus: string;
  /** `custrecord_tts_shop_disc_lines`: seller and platform discounts on separate discount lines. */
  discountLines: boolean;
  /** `custrecord_tts_shop_seller_disc_item`: discount item for seller-funded discounts. */
  sellerDiscountItemId: string | null;
  /** `custrecord_tts_shop_plat_disc_item`: discount item for TikTok-funded platform discounts. */
  platformDiscountItemId: string | null;
  /** `custrecord_tts_shop_import_samples`: import sample orders at zero price (else skip them). */
  importSamples: boolean;
  /** `custrecord_tts_shop_import_fbt`: import Fulfilled by TikTok orders (else skip them). */
  importFbt: boolean;
  /** `custrecord_tts_shop_fbt_location`: the location FBT orders are imported against. */
  fbtLocationId: string | null;
  /** `custrecord_tts_shop_handling_days`: days from order to ship date for pre-orders without a TikTok due time. */
  handlingDays: number;
  /** `custrecord_tts_shop_test_mode`: import one order, then pause the flow for review. */
  testMode: boolean;
  /** `custrecord_tts_shop_test_order`: the TikTok order id to test with (else the next importable one). */
  testOrderId: string | null;
  /** `custrecord_tts_shop_fee_item`: the other-charge item buyer-paid fees are booked on (order-fees.ts). */
  buyerFeeItemId: string | null;
  /**
   * `custrecord_tts_shop_time_zone`: the IANA zone orders are dated in (order-dates.ts); null: the
   * zone of the shop's region.
   */
  timeZone: string | null;
  /** `custrecord_tts_shop_company_tz`: date orders in the company's time zone instead. */
  companyTimeZone: boolean;
  /** `custrecord_tts_shop_bundle_kit` ("Virtual Bundles As" kits): a virtual bundle is its own SKU (a kit), else its components (bundle-split.ts). */
  bundlesAsKits: boolean;
}

export const DEFAULT_ORDER_OPTIONS: ShopOrderOptions = {
  formId: null,
  orderStatus: 'B',
  discountLines: false,
  sellerDiscountItemId: null,
  platformDiscountItemId: null,
  importSamples: true,
  importFbt: true,
  fbtLocationId: null,
  handlingDays: 3,
  testMode: false,
  testOrderId: null,
  buyerFeeItemId: null,
  timeZone: null,
  companyTimeZone: false,
  bundlesAsKits: false,
};

/** The shop's order options with every absent one at its default. */
export function orderOptionsOf(shop: Pick<ShopSettings, 'orderOptions'>): ShopOrderOptions {
  return { ...DEFAULT_ORDER_OPTIONS, ...shop.orderOptions };
}

/** Where an admin fixes shop settings, for messages. */
export const SHOP_RECORD_LOCATION = 'open the TikTok Shop record (Customization > TikTok Shops)';
