import type {
  OrdersUpsertResponse,
  PingResponse,
  ShopUpsertResponse,
} from '../../../../shared-types/src/restlet-contract';
import {
  APP_ID,
  CONNECTOR_VERSION,
  RESTLET_ERROR_CODES,
} from '../../../../shared-types/src/restlet-contract';
import {
  formatValidationProblems,
  parseRequestBody,
  validateRestletRequest,
} from '../../../../shared-types/src/restlet-validation';
import { connectorError } from '../platform/errors';
import { upsertOrders } from './order-ingest-service';
import { upsertShop } from './shop-service';

/**
 * The connector RESTlet's action router (docs/contracts.md): GET `ping`; POST `shop.upsert` and
 * `orders.upsert`. Every POST is validated as a whole before any record is touched.
 */

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

export function handlePost(body: unknown): ShopUpsertResponse | OrdersUpsertResponse {
  const parsed = parseRequestBody(body);
  if (!parsed.ok) {
    throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(parsed.problems));
  }
  const checked = validateRestletRequest(parsed.value);
  if (!checked.ok) {
    throw connectorError(checked.code, formatValidationProblems(checked.problems));
  }
  const request = checked.value;
  return request.action === 'shop.upsert' ? upsertShop(request) : upsertOrders(request);
}
