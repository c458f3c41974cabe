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
  /** Payment Method Map JSON text (`custrecord_tts_shop_pm_map`), unparsed. */
  paymentMethodMap: string | null;
}

/** Where an admin fixes shop settings, for messages. */
export const SHOP_RECORD_LOCATION = 'open the TikTok Shop record (Customization > TikTok Shops)';
