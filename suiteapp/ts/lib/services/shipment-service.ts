/**
 * RESTlet action `shipments.upsert` (issue #15 item 2, docs/contracts.md): TikTok packages shipped
 * outside NetSuite become item fulfillments, exactly once, with TikTok's carrier and tracking number;
 * a Fulfilled-by-TikTok order's fulfillment (made by the import) gets the tracking number instead.
 * What to do with each package is decided by shared-types/src/fulfillments/shipments-upsert.ts from
 * what NetSuite holds: the shop's Push shipments to NetSuite, the sales order (externalid
 * `tts_<shop>_<order>`), a fulfillment already recording the package (externalid
 * `tts_shp_<shop>_<package>` or its TikTok Package ID), the order's `fulfillment.ship` outbox rows
 * (NetSuite's own shipments) and its `label.request` rows (labels the connector arranged).
 *
 * Governance (RESTlet budget 5,000; at most 25 packages a call): shop query 10, per package the sales
 * order query 10 + load 10, two queries 20 (+10 for the label rows), and a new fulfillment transform
 * 10 + save 20 (its user event ≤ 55) or the FBT fulfillment's load 10 + load 10 + save 20: ≤ 135 each.
 */
import {
  fbtFulfillmentExternalId,
  salesOrderExternalId,
} from '../../../../shared-types/src/ids/external-ids';
import type {
  ShipmentContext,
  ShipmentResult,
  ShipmentsUpsertRequest,
  ShipmentsUpsertResponse,
  TikTokShipment,
} from '../../../../shared-types/src/fulfillments/shipments-upsert';
import {
  decideShipment,
  shipmentFulfillmentExternalId,
} from '../../../../shared-types/src/fulfillments/shipments-upsert';
import type { FulfillmentPayload } from '../../../../shared-types/src/fulfillments/fulfillment-payload';
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import {
  addTracking,
  createShipmentFulfillment,
  findPackageFulfillment,
  loadFulfillmentTracking,
} from '../dao/item-fulfillment-dao';
import { findInboxesByExternalId } from '../dao/order-inbox-dao';
import { hasLabelRequest, listFulfillmentRows } from '../dao/outbox-dao';
import { findSalesOrderByExternalId, loadShipmentOrder } from '../dao/sales-order-dao';
import { findShipmentShop } from '../dao/shop-dao';
import { connectorError, errorMessage, errorName } from '../platform/errors';

function payloadOf(text: string | null): Partial<FulfillmentPayload> {
  try {
    const value = JSON.parse(text ?? '{}') as unknown;
    return typeof value === 'object' && value !== null ? (value as Partial<FulfillmentPayload>) : {};
  } catch {
    return {};
  }
}

function contextOf(shopId: string, flowOn: boolean, shipment: TikTokShipment): ShipmentContext {
  const none: ShipmentContext = {
    flowOn,
    salesOrder: null,
    fbtFulfillment: null,
    existing: null,
    netsuiteShipments: [],
    labelRequested: false,
  };
  if (!flowOn) return none;
  const externalId = salesOrderExternalId(shopId, shipment.orderId);
  const salesOrderId = findSalesOrderByExternalId(externalId);
  if (salesOrderId === null)
    return { ...none, inboxState: findInboxesByExternalId([externalId]).get(externalId)?.state ?? null };
  const salesOrder = loadShipmentOrder(salesOrderId);
  if (salesOrder.fbt) {
    const fbtId = findPackageFulfillment(
      fbtFulfillmentExternalId(shopId, shipment.orderId),
      shipment.packageId,
    );
    return {
      ...none,
      salesOrder,
      fbtFulfillment: fbtId === null ? null : { id: fbtId, trackingNumbers: loadFulfillmentTracking(fbtId) },
    };
  }
  const existing = findPackageFulfillment(
    shipmentFulfillmentExternalId(shopId, shipment.packageId),
    shipment.packageId,
  );
  if (existing !== null) return { ...none, salesOrder, existing: { id: existing } };
  const netsuiteShipments = listFulfillmentRows(shipment.orderId).map((row) => {
    const payload = payloadOf(row.payload);
    return {
      fulfillmentId: row.fulfillmentId,
      trackingNumbers: payload.trackingNumbers ?? [],
      lineItemIds: payload.lineItemIds ?? [],
    };
  });
  return {
    ...none,
    salesOrder,
    netsuiteShipments,
    labelRequested: netsuiteShipments.length === 0 && hasLabelRequest(shipment.orderId),
  };
}

function recordShipment(shopId: string, flowOn: boolean, shipment: TikTokShipment): ShipmentResult {
  const result = (
    outcome: ShipmentResult['outcome'],
    fulfillmentId: string | null,
    message: string | null,
  ) => ({
    packageId: shipment.packageId,
    outcome,
    fulfillmentId,
    message,
  });
  try {
    const ctx = contextOf(shopId, flowOn, shipment);
    const decision = decideShipment(shipment, ctx);
    switch (decision.action) {
      case 'none':
        return result(decision.outcome, decision.fulfillmentId, decision.message);
      case 'error':
        return result('error', null, decision.message);
      case 'add_tracking':
        addTracking(decision.fulfillmentId, shipment.trackingNumber, null);
        return result('updated', decision.fulfillmentId, null);
      case 'create': {
        const externalId = shipmentFulfillmentExternalId(shopId, shipment.packageId);
        const carrier = shipment.carrier === '' ? '' : `${shipment.carrier} `;
        const id = createShipmentFulfillment(
          ctx.salesOrder?.id ?? '',
          decision.lines,
          externalId,
          shipment.packageId,
          shipment.trackingNumber,
          `Shipped outside NetSuite (TikTok Seller Center or TikTok): TikTok package ${shipment.packageId}, ${carrier}${shipment.trackingNumber}`,
        );
        return id === null
          ? result('unchanged', findPackageFulfillment(externalId, shipment.packageId), null)
          : result('created', id, null);
      }
    }
  } catch (e) {
    return result(
      'error',
      null,
      `TikTok order ${shipment.orderId}: package ${shipment.packageId} (tracking ${shipment.trackingNumber}) could not be recorded as an item fulfillment: ${errorName(e) || 'Error'}: ${errorMessage(e)}. Fix the cause; the bridge sends the package again with its next reconciliation.`,
    );
  }
}

export function upsertShipments(request: ShipmentsUpsertRequest): ShipmentsUpsertResponse {
  const shop = findShipmentShop(request.shopId);
  if (shop === null) {
    throw connectorError(
      RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
      `shopId: no TikTok Shop record for shop ${request.shopId} (externalid tts_shop_${request.shopId}). Fix: connect the shop (shop.upsert).`,
    );
  }
  return {
    ok: true,
    results: request.shipments.map((s) => recordShipment(request.shopId, shop.pushShipments, s)),
  };
}
