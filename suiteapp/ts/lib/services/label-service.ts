/**
 * RESTlet action `labels.attach` (issue #15 item 1, docs/contracts.md): TikTok Shipping labels the
 * bridge fetched are saved as PDFs in the File Cabinet (lib/dao/file-dao.ts, one file per TikTok
 * package: fetched again, it replaces its file), linked from the sales order (TikTok Shipping Label,
 * TikTok Label Tracking) and, when an item fulfillment asked (Picked / Packed), from it, with TikTok's
 * tracking number on its package line. The request was validated whole before this runs, the label
 * size limit included (shared-types/src/fulfillments/labels-attach.ts).
 *
 * Governance (RESTlet budget 5,000): shop query 10 + sales order query 10 + per label File.save 20 +
 * sales order submitFields 10 + the fulfillment's load 10 and save 20 (and its user event): ≤ 300.
 */
import { salesOrderExternalId } from '../../../../shared-types/src/ids/external-ids';
import type {
  LabelsAttachRequest,
  LabelsAttachResponse,
} from '../../../../shared-types/src/fulfillments/labels-attach';
import { labelFileName } from '../../../../shared-types/src/fulfillments/labels-attach';
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import { savePdf } from '../dao/file-dao';
import { addTracking } from '../dao/item-fulfillment-dao';
import { findLabelOrder, findSalesOrderByExternalId, linkLabel } from '../dao/sales-order-dao';
import { findShop } from '../dao/shop-dao';
import { connectorError } from '../platform/errors';

export function attachLabels(request: LabelsAttachRequest): LabelsAttachResponse {
  const shop = findShop(request.shopId);
  if (shop === null) {
    throw connectorError(
      RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
      `shopId: no TikTok Shop record for shop ${request.shopId} (externalid tts_shop_${request.shopId}). Fix: connect the shop (shop.upsert).`,
    );
  }
  const externalId = salesOrderExternalId(request.shopId, request.orderId);
  const salesOrderId = findSalesOrderByExternalId(externalId);
  const order = salesOrderId === null ? null : findLabelOrder(salesOrderId);
  if (salesOrderId === null || order === null) {
    throw connectorError(
      RESTLET_ERROR_CODES.INVALID_REQUEST,
      `orderId: TikTok order ${request.orderId} has no sales order (externalid ${externalId}); a label is attached to the order the connector imported. Fix: import the order first, then set the label.request outbox record back to pending.`,
    );
  }
  const files: LabelsAttachResponse['files'] = [];
  const tracking = [...order.labelTracking];
  for (const label of request.labels) {
    const fileName = labelFileName(request.shopId, label.packageId);
    const fileId = savePdf(
      fileName,
      label.contentBase64,
      `TikTok Shipping label: order ${request.orderId}, package ${label.packageId}, ${label.carrier} ${label.trackingNumber}`.trim(),
    );
    files.push({ packageId: label.packageId, fileId, fileName });
    if (!tracking.includes(label.trackingNumber)) tracking.push(label.trackingNumber);
  }
  const last = files[files.length - 1];
  if (last !== undefined) linkLabel(salesOrderId, last.fileId, tracking);
  const first = request.labels[0];
  if (request.fulfillmentId !== null && first !== undefined && files[0] !== undefined) {
    addTracking(request.fulfillmentId, first.trackingNumber, files[0].fileId, true);
  }
  return { ok: true, salesOrderId, files, fulfillmentId: request.fulfillmentId };
}
