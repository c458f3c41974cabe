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
  /** T while a newer payload of an imported order waits for the order-updates map/reduce. */
  updatePending: 'custrecord_tts_ord_update_pending',
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
/**
 * A second on-demand deployment: used when the first one is busy — by the RESTlet while an import
 * runs, and by summarize to continue with what the run left (a deployment cannot queue itself again
 * while it runs: MAP_REDUCE_ALREADY_RUNNING).
 */
export const IMPORT_CONTINUATION_DEPLOYMENT_ID = 'customdeploy_tts_mr_import_next';
/** SCHEDULED deployment, every 15 minutes: the safety net. */
export const IMPORT_SCHEDULED_DEPLOYMENT_ID = 'customdeploy_tts_mr_import_sched';

/** Map/reduce that applies TikTok updates of imported orders to their sales orders. */
export const ORDER_UPDATES_SCRIPT_ID = 'customscript_tts_mr_order_updates';
/** NOTSCHEDULED deployment that `task.submit` starts. */
export const ORDER_UPDATES_DEPLOYMENT_ID = 'customdeploy_tts_mr_order_updates';
/** SCHEDULED deployment, every 15 minutes: the safety net. */
export const ORDER_UPDATES_SCHEDULED_DEPLOYMENT_ID = 'customdeploy_tts_mr_order_upd_sched';

/** Suitelet listing inbox records in error/exception, with Retry. */
export const EXCEPTIONS_SUITELET_ID = 'customscript_tts_sl_exceptions';
export const EXCEPTIONS_SUITELET_DEPLOYMENT_ID = 'customdeploy_tts_sl_exceptions';

/** User event on `customrecord_tts_shop` (beforeSubmit: Payment Method Map check). */
export const SHOP_USER_EVENT_ID = 'customscript_tts_ue_shop';
export const SHOP_USER_EVENT_DEPLOYMENT_ID = 'customdeploy_tts_ue_shop';

/** NetSuite TEXTAREA fields hold 4,000 characters; a longer value makes the save fail. */
export const TEXTAREA_MAX_LENGTH = 4000;
/** NetSuite TEXTAREA fields hold 4,000 characters; messages are cut a little below that. */
export const TEXTAREA_SAFE_LENGTH = 3900;

/** The NetSuite → TikTok outbox (`customrecord_tts_outbox`, externalid `tts_out_<kind>_<shop>_<order>_<version>`). */
export const OUTBOX_RECORD = 'customrecord_tts_outbox';

export const OUTBOX_FIELDS = {
  shop: 'custrecord_tts_out_shop',
  kind: 'custrecord_tts_out_kind',
  orderId: 'custrecord_tts_out_order_id',
  salesOrder: 'custrecord_tts_out_sales_order',
  payload: 'custrecord_tts_out_payload',
  state: 'custrecord_tts_out_state',
  attempts: 'custrecord_tts_out_attempts',
  message: 'custrecord_tts_out_message',
} as const;

/** Shop setting "Cancel TikTok orders cancelled in NetSuite" (default off). */
export const SHOP_ALLOW_CANCEL_FIELD = 'custrecord_tts_shop_allow_cancel';
/** Shop setting "Pull order updates from NetSuite" (default on). */
export const SHOP_PULL_ORDER_UPDATES_FIELD = 'custrecord_tts_shop_pull_order_upd';
/** Sales order field: the TikTok cancel reason code sent when the order is cancelled in NetSuite. */
export const SALES_ORDER_CANCEL_REASON_FIELD = 'custbody_tts_cancel_reason';

/** User event on sales orders: writes the outbox ("Pull order updates from NetSuite"). */
export const SALES_ORDER_USER_EVENT_ID = 'customscript_tts_ue_sales_order';
export const SALES_ORDER_USER_EVENT_DEPLOYMENT_ID = 'customdeploy_tts_ue_sales_order';
