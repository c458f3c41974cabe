/**
 * NetSuite ids added by "Orders, complete" (docs/contracts.md): shop order options, the warehouse
 * link record, the inbox retry field and the sales order body fields.
 */

export const SHOP_ORDER_FIELDS = {
  region: 'custrecord_tts_shop_region',
  testMode: 'custrecord_tts_shop_test_mode',
  testOrder: 'custrecord_tts_shop_test_order',
  pausedReason: 'custrecord_tts_shop_paused_reason',
  form: 'custrecord_tts_shop_form',
  orderStatus: 'custrecord_tts_shop_order_status',
  discountLines: 'custrecord_tts_shop_disc_lines',
  sellerDiscountItem: 'custrecord_tts_shop_seller_disc_item',
  platformDiscountItem: 'custrecord_tts_shop_plat_disc_item',
  importSamples: 'custrecord_tts_shop_import_samples',
  importFbt: 'custrecord_tts_shop_import_fbt',
  fbtLocation: 'custrecord_tts_shop_fbt_location',
  handlingDays: 'custrecord_tts_shop_handling_days',
} as const;

export const WAREHOUSE_RECORD = 'customrecord_tts_warehouse';

export const WAREHOUSE_FIELDS = {
  shop: 'custrecord_tts_wh_shop',
  warehouseId: 'custrecord_tts_wh_id',
  name: 'custrecord_tts_wh_name',
  type: 'custrecord_tts_wh_type',
  isDefault: 'custrecord_tts_wh_default',
  location: 'custrecord_tts_wh_location',
} as const;

/** `custrecord_tts_ord_retry_at` (INTEGER, Unix s): when the import retries a transient failure. */
export const INBOX_RETRY_AT_FIELD = 'custrecord_tts_ord_retry_at';

export const SALES_ORDER_ORDER_FIELDS = {
  sample: 'custbody_tts_sample',
  fbt: 'custbody_tts_fbt',
  replacedOrder: 'custbody_tts_replaced_order',
  replacedSalesOrder: 'custbody_tts_replaced_so',
  tiktokTax: 'custbody_tts_tax',
  taxVariance: 'custbody_tts_tax_variance',
  tieOut: 'custbody_tts_tieout',
} as const;

export const LOG_RECORD = 'customrecord_tts_log';

export const LOG_FIELDS = {
  shop: 'custrecord_tts_log_shop',
  level: 'custrecord_tts_log_level',
  flow: 'custrecord_tts_log_flow',
  message: 'custrecord_tts_log_message',
  recordType: 'custrecord_tts_log_record_type',
  recordId: 'custrecord_tts_log_record_id',
  tiktokId: 'custrecord_tts_log_tiktok_id',
} as const;

/** externalid of `customrecord_tts_warehouse`: `tts_wh_<shopId>_<warehouseId>`. */
export function warehouseExternalId(shopId: string, warehouseId: string): string {
  if (!/^[0-9]{1,64}$/.test(shopId) || !/^[0-9]{1,64}$/.test(warehouseId)) {
    throw new Error(
      `shop id and warehouse id must be strings of digits, got ${JSON.stringify(shopId)} and ${JSON.stringify(warehouseId)}`,
    );
  }
  return `tts_wh_${shopId}_${warehouseId}`;
}
