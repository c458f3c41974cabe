/**
 * Script and deployment ids of the SuiteApp (docs/contracts.md) and NetSuite's text limits, shared
 * by the SuiteScript sources and the tests that start or open the scripts. Record types and field
 * ids are not here: each record's mapper declares them (suiteapp/ts/lib/mappers/).
 */

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

/** Map/reduce that queues shipped item fulfillments the user event did not capture (issue #13). */
export const FULFILLMENT_CATCH_UP_SCRIPT_ID = 'customscript_tts_mr_fulfill_catchup';
/** NOTSCHEDULED deployment: summarize re-submits it when a run took its cap. */
export const FULFILLMENT_CATCH_UP_DEPLOYMENT_ID = 'customdeploy_tts_mr_fulfill_catchup';
/** SCHEDULED deployment, every 15 minutes. */
export const FULFILLMENT_CATCH_UP_SCHEDULED_DEPLOYMENT_ID = 'customdeploy_tts_mr_fulfill_cu_sched';

/** Suitelet listing inbox records in error/exception, with Retry. */
export const EXCEPTIONS_SUITELET_ID = 'customscript_tts_sl_exceptions';
export const EXCEPTIONS_SUITELET_DEPLOYMENT_ID = 'customdeploy_tts_sl_exceptions';

/** Suitelet previewing what the next inventory export would send, and why (issue #16). */
export const INVENTORY_PREVIEW_SUITELET_ID = 'customscript_tts_sl_inventory_preview';
export const INVENTORY_PREVIEW_SUITELET_DEPLOYMENT_ID = 'customdeploy_tts_sl_inventory_preview';
/** Suitelet of the SKU audit (issue #19): duplicate and unmatched SKUs on both sides, each with its fix. */
export const SKU_AUDIT_SUITELET_ID = 'customscript_tts_sl_sku_audit';
export const SKU_AUDIT_SUITELET_DEPLOYMENT_ID = 'customdeploy_tts_sl_sku_audit';

/** User event on `customrecord_tts_shop` (beforeSubmit: Payment Method Map check). */
export const SHOP_USER_EVENT_ID = 'customscript_tts_ue_shop';
export const SHOP_USER_EVENT_DEPLOYMENT_ID = 'customdeploy_tts_ue_shop';

/** NetSuite TEXTAREA fields hold 4,000 characters; a longer value makes the save fail. */
export const TEXTAREA_MAX_LENGTH = 4000;
/** NetSuite TEXTAREA fields hold 4,000 characters; messages are cut a little below that. */
export const TEXTAREA_SAFE_LENGTH = 3900;

/** User event on sales orders: writes the outbox ("Pull order updates from NetSuite"). */
export const SALES_ORDER_USER_EVENT_ID = 'customscript_tts_ue_sales_order';
export const SALES_ORDER_USER_EVENT_DEPLOYMENT_ID = 'customdeploy_tts_ue_sales_order';

/** The inventory export scheduled script (suiteapp/ts/ss_inventory_export.ts). */
export const INVENTORY_EXPORT_SCRIPT_ID = 'customscript_tts_ss_inventory_export';
/** Its on-demand deployment (Push inventory now, Force inventory resync). */
export const INVENTORY_EXPORT_DEPLOYMENT_ID = 'customdeploy_tts_ss_inv_export';
/** Its scheduled deployment (every 15 minutes; the interval is the deployment's schedule). */
export const INVENTORY_EXPORT_SCHEDULED_DEPLOYMENT_ID = 'customdeploy_tts_ss_inv_export_sched';

/** The daily summary email scheduled script (suiteapp/ts/ss_daily_summary.ts; issue #21 item 5). */
export const DAILY_SUMMARY_SCRIPT_ID = 'customscript_tts_ss_daily_summary';
/** Its daily deployment. */
export const DAILY_SUMMARY_DEPLOYMENT_ID = 'customdeploy_tts_ss_daily_summary';
