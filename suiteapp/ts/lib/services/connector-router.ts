/**
 * The connector RESTlet's action router (docs/contracts.md): GET `ping`; POST `shop.upsert`,
 * `orders.upsert`, `orders.retry`, `outbox.pull`, `outbox.ack`, `warehouses.upsert`, `returns.upsert`,
 * `refunds.upsert`, `inventory.pull`, `inventory.ack`, `labels.attach`, `shipments.upsert`,
 * `products.upsert`, `catalog.status`, `catalog.snapshot` and `bridge.heartbeat`. Every POST is
 * validated as a whole before any record is touched.
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
import type { ReturnsUpsertResponse } from '../../../../shared-types/src/returns/returns-upsert';
import {
  RETURNS_UPSERT_ACTION,
  validateReturnsUpsert,
} from '../../../../shared-types/src/returns/returns-upsert';
import type {
  InventoryAckResponse,
  InventoryPullResponse,
} from '../../../../shared-types/src/inventory/inventory-contract';
import {
  INVENTORY_ACK_ACTION,
  INVENTORY_PULL_ACTION,
  validateInventoryAck,
  validateInventoryPull,
} from '../../../../shared-types/src/inventory/inventory-contract';
import { ackInventory, pullInventory } from './inventory-service';
import type { LabelsAttachResponse } from '../../../../shared-types/src/fulfillments/labels-attach';
import {
  LABELS_ATTACH_ACTION,
  validateLabelsAttach,
} from '../../../../shared-types/src/fulfillments/labels-attach';
import type { ShipmentsUpsertResponse } from '../../../../shared-types/src/fulfillments/shipments-upsert';
import {
  SHIPMENTS_UPSERT_ACTION,
  validateShipmentsUpsert,
} from '../../../../shared-types/src/fulfillments/shipments-upsert';
import type { RefundsUpsertResponse } from '../../../../shared-types/src/refunds/refunds-upsert';
import {
  REFUNDS_UPSERT_ACTION,
  validateRefundsUpsert,
} from '../../../../shared-types/src/refunds/refunds-upsert';
import type {
  CatalogSnapshotResponse,
  CatalogStatusResponse,
  ProductsUpsertResponse,
} from '../../../../shared-types/src/catalog/products-upsert';
import {
  CATALOG_SNAPSHOT_ACTION,
  CATALOG_STATUS_ACTION,
  PRODUCTS_UPSERT_ACTION,
  validateCatalogSnapshot,
  validateCatalogStatus,
  validateProductsUpsert,
} from '../../../../shared-types/src/catalog/products-upsert';
import type { HeartbeatResponse } from '../../../../shared-types/src/doctor/heartbeat';
import { HEARTBEAT_ACTION, validateHeartbeat } from '../../../../shared-types/src/doctor/heartbeat';
import type {
  CatalogImageResponse,
  CatalogPushAckResponse,
  CatalogPushAuditResponse,
  CatalogPushPullResponse,
} from '../../../../shared-types/src/catalog/product-push';
import {
  CATALOG_IMAGE_ACTION,
  CATALOG_PUSH_ACK_ACTION,
  CATALOG_PUSH_AUDIT_ACTION,
  CATALOG_PUSH_PULL_ACTION,
} from '../../../../shared-types/src/catalog/product-push';
import {
  validateCatalogImage,
  validatePushAck,
  validatePushAudit,
  validatePushPull,
} from '../../../../shared-types/src/catalog/product-push-validate';
import type { Validation } from '../../../../shared-types/src/catalog/products-upsert';
import { ackPushProducts, pullPushProducts, readCatalogImage, recordPushAudit } from './product-push-service';
import { recordHeartbeat } from './heartbeat-service';
import { connectorError } from '../platform/errors';
import { catalogStatus, saveCatalogSnapshot, upsertProducts } from './catalog-service';
import { attachLabels } from './label-service';
import { upsertShipments } from './shipment-service';
import { upsertOrders } from './order-upsert-service';
import { upsertRefunds } from './refund-service';
import { upsertReturns } from './return-service';
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
  | WarehousesUpsertResponse
  | ReturnsUpsertResponse
  | InventoryPullResponse
  | InventoryAckResponse
  | LabelsAttachResponse
  | ShipmentsUpsertResponse
  | RefundsUpsertResponse
  | ProductsUpsertResponse
  | CatalogStatusResponse
  | CatalogSnapshotResponse
  | CatalogPushPullResponse
  | CatalogPushAckResponse
  | CatalogPushAuditResponse
  | CatalogImageResponse
  | HeartbeatResponse {
  const parsed = parseRequestBody(body);
  if (!parsed.ok) {
    throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(parsed.problems));
  }
  if (isPlainObject(parsed.value) && parsed.value.action === WAREHOUSES_UPSERT_ACTION) {
    return upsertWarehouses(parsed.value);
  }
  if (isPlainObject(parsed.value) && parsed.value.action === RETURNS_UPSERT_ACTION) {
    const returns = validateReturnsUpsert(parsed.value);
    if (!returns.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(returns.problems));
    return upsertReturns(returns.value);
  }
  if (isPlainObject(parsed.value) && parsed.value.action === INVENTORY_PULL_ACTION) {
    const pull = validateInventoryPull(parsed.value);
    if (!pull.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(pull.problems));
    return pullInventory(pull.value);
  }
  if (isPlainObject(parsed.value) && parsed.value.action === INVENTORY_ACK_ACTION) {
    const ack = validateInventoryAck(parsed.value);
    if (!ack.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(ack.problems));
    return ackInventory(ack.value);
  }
  if (isPlainObject(parsed.value) && parsed.value.action === LABELS_ATTACH_ACTION) {
    const labels = validateLabelsAttach(parsed.value);
    if (!labels.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(labels.problems));
    return attachLabels(labels.value);
  }
  if (isPlainObject(parsed.value) && parsed.value.action === SHIPMENTS_UPSERT_ACTION) {
    const shipments = validateShipmentsUpsert(parsed.value);
    if (!shipments.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(shipments.problems));
    return upsertShipments(shipments.value);
  }
  if (isPlainObject(parsed.value) && parsed.value.action === REFUNDS_UPSERT_ACTION) {
    const refunds = validateRefundsUpsert(parsed.value);
    if (!refunds.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(refunds.problems));
    return upsertRefunds(refunds.value);
  }
  if (isPlainObject(parsed.value) && parsed.value.action === PRODUCTS_UPSERT_ACTION) {
    const products = validateProductsUpsert(parsed.value);
    if (!products.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(products.problems));
    return upsertProducts(products.value);
  }
  if (isPlainObject(parsed.value) && parsed.value.action === CATALOG_STATUS_ACTION) {
    const status = validateCatalogStatus(parsed.value);
    if (!status.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(status.problems));
    return catalogStatus(status.value);
  }
  if (isPlainObject(parsed.value) && parsed.value.action === CATALOG_SNAPSHOT_ACTION) {
    const snapshot = validateCatalogSnapshot(parsed.value);
    if (!snapshot.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(snapshot.problems));
    return saveCatalogSnapshot(snapshot.value);
  }
  if (isPlainObject(parsed.value)) {
    const body = parsed.value;
    const checked = <T>(validation: Validation<T>): T => {
      if (!validation.ok)
        throw connectorError(
          RESTLET_ERROR_CODES.INVALID_REQUEST,
          formatValidationProblems(validation.problems),
        );
      return validation.value;
    };
    switch (body.action) {
      case CATALOG_PUSH_PULL_ACTION:
        return pullPushProducts(checked(validatePushPull(body)));
      case CATALOG_PUSH_ACK_ACTION:
        return ackPushProducts(checked(validatePushAck(body)));
      case CATALOG_PUSH_AUDIT_ACTION:
        return recordPushAudit(checked(validatePushAudit(body)));
      case CATALOG_IMAGE_ACTION:
        return readCatalogImage(checked(validateCatalogImage(body)));
      default:
        break;
    }
  }
  if (isPlainObject(parsed.value) && parsed.value.action === HEARTBEAT_ACTION) {
    const heartbeat = validateHeartbeat(parsed.value);
    if (!heartbeat.ok)
      throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(heartbeat.problems));
    return recordHeartbeat(heartbeat.value, new Date().toISOString());
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
    case 'returns.upsert':
      // Validated above (validateReturnsUpsert); kept so the switch covers every request type.
      return upsertReturns(request);
  }
}
