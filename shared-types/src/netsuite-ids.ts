/**
 * NetSuite record, field and script ids of the SuiteApp (docs/contracts.md), in one place for the
 * SuiteScript sources and the tests that read what they wrote.
 */

export const SHOP_RECORD = 'customrecord_tts_shop';
export const INBOX_RECORD = 'customrecord_tts_order';

export const SHOP_FIELDS = {
  shopId: 'custrecord_tts_shop_id',
  name: 'custrecord_tts_shop_name',
  region: 'custrecord_tts_shop_region',
  sellerType: 'custrecord_tts_shop_seller_type',
  state: 'custrecord_tts_shop_state',
  currency: 'custrecord_tts_shop_currency',
  pushOrders: 'custrecord_tts_shop_push_orders',
  paymentMethodMap: 'custrecord_tts_shop_pm_map',
  perBuyer: 'custrecord_tts_shop_per_buyer',
  customer: 'custrecord_tts_shop_customer',
  subsidiary: 'custrecord_tts_shop_subsidiary',
  location: 'custrecord_tts_shop_location',
  department: 'custrecord_tts_shop_department',
  class: 'custrecord_tts_shop_class',
  shipItem: 'custrecord_tts_shop_ship_item',
} as const;

export const INBOX_FIELDS = {
  shop: 'custrecord_tts_ord_shop',
  orderId: 'custrecord_tts_ord_order_id',
  status: 'custrecord_tts_ord_status',
  updateTime: 'custrecord_tts_ord_update_time',
  payload: 'custrecord_tts_ord_payload',
  state: 'custrecord_tts_ord_state',
  salesOrder: 'custrecord_tts_ord_sales_order',
  error: 'custrecord_tts_ord_error',
  attempts: 'custrecord_tts_ord_attempts',
} as const;

export const SALES_ORDER_FIELDS = {
  orderId: 'custbody_tts_order_id',
  shop: 'custbody_tts_shop',
  lineIds: 'custcol_tts_line_ids',
} as const;

export const ITEM_TTS_SKU_FIELD = 'custitem_tts_sku';

export const IMPORT_SCRIPT_ID = 'customscript_tts_mr_import_orders';
/** NOTSCHEDULED deployment that `task.submit` starts. */
export const IMPORT_DEPLOYMENT_ID = 'customdeploy_tts_mr_import_orders';
/** SCHEDULED deployment, every 15 minutes: the safety net. */
export const IMPORT_SCHEDULED_DEPLOYMENT_ID = 'customdeploy_tts_mr_import_sched';

/** NetSuite TEXTAREA fields hold 4,000 characters; messages are cut a little below that. */
export const TEXTAREA_SAFE_LENGTH = 3900;
