/**
 * What the bridge sends to the connector RESTlet and what it gets back (docs/contracts.md).
 * The RESTlet validates every request with `validateRestletRequest` (restlet-validation.ts) before
 * touching a record; the bridge builds requests with these types.
 */
import type { WarehousesUpsertRequest } from './warehouse-upsert';
import type { TikTokOrder } from '../tiktok/tiktok-order';
import type { OutboxAckRequest, OutboxPullRequest } from '../outbox/outbox-contract';
import type { ConnectorErrorCode } from './connector-errors';
import type { ReturnsUpsertRequest } from '../returns/returns-upsert';

export type {
  OutboxAckRequest,
  OutboxAckResponse,
  OutboxPullRequest,
  OutboxPullResponse,
} from '../outbox/outbox-contract';

export const APP_ID = 'com.opentts.connector';
/** Version reported by `ping`. */
export const CONNECTOR_VERSION = '0.1.0';
export const RESTLET_SCRIPT_ID = 'customscript_tts_rl_connector';
export const RESTLET_DEPLOYMENT_ID = 'customdeploy_tts_rl_connector';

/** At most this many orders per `orders.upsert` call (TikTok's order-detail batch size). */
export const MAX_ORDERS_PER_UPSERT = 50;

export type ShopConnectionState = 'connected' | 'needs_reauth' | 'disconnected';

export interface ShopInfo {
  shopId: string;
  name: string;
  region: string;
  sellerType: string;
  state: ShopConnectionState;
  currency: string;
}

export interface ShopUpsertRequest {
  action: 'shop.upsert';
  shop: ShopInfo;
}

export interface OrdersUpsertRequest {
  action: 'orders.upsert';
  shopId: string;
  orders: TikTokOrder[];
}

/** At most this many inbox records per `orders.retry` call (and per Retry selected). */
export const MAX_RETRY_IDS = 100;

/**
 * `orders.retry`: puts inbox records in `error` or `exception` back to work (the Suitelet's Retry,
 * for the bridge CLI). A record without a sales order goes back to `pending` for the import; one
 * with a sales order is flagged for the order-updates map/reduce.
 */
export interface OrdersRetryRequest {
  action: 'orders.retry';
  /** Internal ids of `customrecord_tts_order` records. */
  inboxIds: string[];
}

export type RestletPostRequest =
  | ShopUpsertRequest
  | OrdersUpsertRequest
  | OrdersRetryRequest
  | OutboxPullRequest
  | OutboxAckRequest
  | WarehousesUpsertRequest
  | ReturnsUpsertRequest;

export interface PingResponse {
  ok: true;
  app: string;
  version: string;
}

export interface ShopUpsertResponse {
  ok: true;
  shopRecordId: string;
  created: boolean;
}

export type OrderUpsertOutcome = 'created' | 'updated' | 'unchanged' | 'stale';

export interface OrdersUpsertResponse {
  ok: true;
  results: { orderId: string; inboxId: string; outcome: OrderUpsertOutcome }[];
  importQueued: boolean;
  /** True when a newer payload of an imported order queued the order-updates map/reduce. */
  updatesQueued?: boolean;
}

/**
 * `retried`: back to `pending` (import) or flagged for the order updates (has a sales order);
 * `not_retryable`: the record is in another state (`state` says which); `not_found`: no such record.
 */
export type RetryOutcome = 'retried' | 'not_retryable' | 'not_found';

export interface OrdersRetryResponse {
  ok: true;
  results: { inboxId: string; outcome: RetryOutcome; state: string | null }[];
  importQueued: boolean;
  updatesQueued: boolean;
}

/**
 * Error names the RESTlet throws (HTTP 400 `{"error":{"code","message"}}`), by role; every one is
 * a connector error code, with its meaning and the bridge's reaction in connector-errors.ts.
 */
export const RESTLET_ERROR_CODES = {
  INVALID_REQUEST: 'TTS_INVALID_REQUEST',
  SHOP_NOT_FOUND: 'TTS_SHOP_NOT_FOUND',
  UNKNOWN_ACTION: 'TTS_UNKNOWN_ACTION',
  /** The call ran low on its 5,000-unit budget; orders before the one named were stored, none after. */
  USAGE_LIMIT: 'TTS_USAGE_LIMIT',
} as const satisfies Record<string, ConnectorErrorCode>;
