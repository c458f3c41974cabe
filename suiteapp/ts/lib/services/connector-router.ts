/**
 * The connector RESTlet's action router (docs/contracts.md): GET `ping`; POST `shop.upsert`,
 * `orders.upsert`, `orders.retry`, `outbox.pull`, `outbox.ack` and `warehouses.upsert`. Every POST is validated as a whole before any record is touched.
 */
import type {
  OrdersRetryResponse,
  OrdersUpsertResponse,
  OutboxAckResponse,
  OutboxPullResponse,
  PingResponse,
  ShopUpsertResponse,
} from '../../../../shared-types/src/contract/restlet-contract';
import {
  APP_ID,
  CONNECTOR_VERSION,
  RESTLET_ERROR_CODES,
} from '../../../../shared-types/src/contract/restlet-contract';
import {
  formatValidationProblems,
  parseRequestBody,
  validateRestletRequest,
} from '../../../../shared-types/src/contract/restlet-validation';
import { isPlainObject } from '../../../../shared-types/src/contract/validation-problems';
import type { WarehousesUpsertResponse } from '../../../../shared-types/src/contract/warehouse-upsert';
import { WAREHOUSES_UPSERT_ACTION } from '../../../../shared-types/src/contract/warehouse-upsert';
import { connectorError } from '../platform/errors';
import { upsertOrders } from './order-upsert-service';
import { retryInboxRecords } from './retry-service';
import { ackOutbox, pullOutbox } from './outbox-service';
import { upsertShop } from './shop-service';
import { upsertWarehouses } from './warehouse-service';

export function handleGet(params: Record<string, unknown> | undefined): PingResponse {
  const action = params?.action;
  if (action !== 'ping') {
    throw connectorError(
      RESTLET_ERROR_CODES.UNKNOWN_ACTION,
      `action: ${JSON.stringify(action ?? null)} is not a GET action; send GET ?action=ping (other actions are POSTed as JSON)`,
    );
  }
  return { ok: true, app: APP_ID, version: CONNECTOR_VERSION };
}

export function handlePost(
  body: unknown,
):
  | ShopUpsertResponse
  | OrdersUpsertResponse
  | OrdersRetryResponse
  | OutboxPullResponse
  | OutboxAckResponse
  | WarehousesUpsertResponse {
  const parsed = parseRequestBody(body);
  if (!parsed.ok) {
    throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(parsed.problems));
  }
  if (isPlainObject(parsed.value) && parsed.value.action === WAREHOUSES_UPSERT_ACTION) {
    return upsertWarehouses(parsed.value);
  }
  const checked = validateRestletRequest(parsed.value);
  if (!checked.ok) {
    throw connectorError(checked.code, formatValidationProblems(checked.problems));
  }
  const request = checked.value;
  switch (request.action) {
    case 'shop.upsert':
      return upsertShop(request);
    case 'orders.upsert':
      return upsertOrders(request);
    case 'orders.retry':
      return retryInboxRecords(request.inboxIds);
    case 'outbox.pull':
      return pullOutbox(request);
    case 'outbox.ack':
      return ackOutbox(request);
    case 'warehouses.upsert':
      return upsertWarehouses({ ...request });
  }
}
