/**
 * Delivers a `label.request` row (issue #15 item 1; shared-types/src/fulfillments/label-request.ts):
 * TikTok Shipping's label, from TikTok into NetSuite. The order is read first (Get Order Detail) and
 * planned (shared-types/src/fulfillments/label-plan.ts): lines not arranged yet are arranged — in the
 * US by buying the label (Create Packages), elsewhere by Ship Package with the shop's Handover Method
 * (PICKUP in the first offered slot from the shop's Pickup From Hour, Get Package Handover Time Slots;
 * or DROP_OFF) —, the order is read again for each package's tracking number, each label is fetched
 * (Get Package Shipping Document; its `doc_url` served as a PDF) and handed to NetSuite
 * (`labels.attach`: File Cabinet, sales order, fulfillment). A row delivered again after a lost
 * acknowledgement or a bridge restart finds its lines arranged and only fetches and attaches (the same
 * file is replaced): nothing is arranged twice. A label over 7,815,168 bytes is not sent; the row fails
 * naming the fix (labels-attach.ts).
 */
import type { LabelRequestPayload } from '../../../shared-types/src/fulfillments/label-request';
import { choosePickupSlot, planLabel } from '../../../shared-types/src/fulfillments/label-plan';
import { labelTooLargeMessage, MAX_LABEL_BYTES } from '../../../shared-types/src/fulfillments/labels-attach';
import type { OutboxRow } from '../../../shared-types/src/outbox/outbox-contract';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import { REGION_TIME_ZONE } from '../../../shared-types/src/time/order-dates';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from '../core/errors';
import { NetSuiteError, type NetSuiteClient } from '../netsuite/client';
import type { TikTokClient } from '../tiktok/client';
import { TikTokApiError } from '../tiktok/errors';
import type { Delivery } from './deliver';

/** Downloads a shipping document's `doc_url` (a PDF). */
export type DocumentFetcher = (url: string) => Promise<Buffer>;

export interface LabelContext {
  tiktok: TikTokClient;
  region: string;
  netsuite?: Pick<NetSuiteClient, 'attachLabels'>;
  fetchDocument?: DocumentFetcher;
}

/** GET of the document URL, 30 s at most; a non-PDF or an HTTP error is a retryable failure. */
export const fetchDocumentOverHttp: DocumentFetcher = async (url) => {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new BridgeError(
      BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
      `TikTok's shipping document could not be downloaded (${(error as Error).message}); the row is retried.`,
      { retryable: true },
    );
  }
  if (!response.ok) {
    throw new BridgeError(
      BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
      `TikTok's shipping document answered HTTP ${response.status} (its URL is valid 24 hours); the row is retried with a new URL.`,
      { retryable: true },
    );
  }
  return Buffer.from(await response.arrayBuffer());
};

function ok(row: OutboxRow, outcome: 'sent' | 'already_done', message: string): Delivery {
  return { outcome, result: { outboxId: row.outboxId, ok: true, message } };
}

function refused(row: OutboxRow, message: string): Delivery {
  return { outcome: 'refused', result: { outboxId: row.outboxId, ok: false, retryable: false, message } };
}

function retry(row: OutboxRow, message: string): Delivery {
  return { outcome: 'retry', result: { outboxId: row.outboxId, ok: false, retryable: true, message } };
}

async function readOrder(ctx: LabelContext, row: OutboxRow): Promise<TikTokOrder | undefined> {
  const orders = await ctx.tiktok.getOrderDetail(row.shopId, [row.orderId]);
  return orders.find((o) => o.id === row.orderId);
}

/** Arranges one package with the shop's handover (Ship Package). */
async function arrangePackage(
  ctx: LabelContext,
  row: OutboxRow,
  packageId: string,
  payload: LabelRequestPayload,
): Promise<void> {
  const settings = payload.settings;
  if (settings.handoverMethod === 'DROP_OFF') {
    await ctx.tiktok.arrangeTikTokShipment(row.shopId, packageId, { method: 'DROP_OFF' });
    return;
  }
  const offered = await ctx.tiktok.getHandoverTimeSlots(row.shopId, packageId);
  const zone = REGION_TIME_ZONE[ctx.region] ?? 'UTC';
  const slot = choosePickupSlot(offered.pickupSlots, settings.pickupFromHour, zone);
  if (slot === null && offered.canDropOff) {
    await ctx.tiktok.arrangeTikTokShipment(row.shopId, packageId, { method: 'DROP_OFF' });
    return;
  }
  await ctx.tiktok.arrangeTikTokShipment(row.shopId, packageId, {
    method: 'PICKUP',
    ...(slot === null ? {} : { pickupSlot: slot }),
  });
}

export async function deliverLabelRequest(
  ctx: LabelContext,
  row: OutboxRow,
  payload: LabelRequestPayload,
): Promise<Delivery> {
  if (ctx.netsuite === undefined) {
    return retry(row, 'This bridge process cannot attach labels (no NetSuite client); the row is retried.');
  }
  let order = await readOrder(ctx, row);
  if (order === undefined)
    return refused(row, `TikTok returned no order ${row.orderId} for shop ${row.shopId}; no label was made.`);
  let plan = planLabel(order, ctx.region);
  let arranged = false;
  try {
    if (plan.action === 'buy_label') {
      await ctx.tiktok.createPackages(row.shopId, row.orderId, plan.lineItemIds);
      arranged = true;
    } else if (plan.action === 'ship_packages') {
      for (const packageId of plan.packageIds) await arrangePackage(ctx, row, packageId, payload);
      arranged = true;
    }
  } catch (error) {
    if (!(error instanceof TikTokApiError) || error.retryable) throw error;
    // Refused: maybe an earlier delivery (or the seller in Seller Center) arranged it meanwhile.
    const again = await readOrder(ctx, row);
    const replanned = again === undefined ? undefined : planLabel(again, ctx.region);
    if (replanned?.action !== 'fetch')
      return refused(
        row,
        `TikTok refused to arrange the shipment of order ${row.orderId}: ${error.tiktokMessage} (code ${error.tiktokCode}). Fix: arrange it in TikTok Seller Center (Orders > Arrange shipment), then set this outbox record back to pending to attach the label.`,
      );
  }
  if (arranged || plan.action !== 'fetch') {
    order = await readOrder(ctx, row);
    plan = order === undefined ? plan : planLabel(order, ctx.region);
  }
  if (plan.action === 'wait') return retry(row, plan.message);
  if (plan.action === 'refuse') return refused(row, plan.message);
  if (plan.action !== 'fetch')
    return retry(
      row,
      `TikTok has not assigned a tracking number to order ${row.orderId} yet; the row is retried.`,
    );
  const fetchDocument = ctx.fetchDocument ?? fetchDocumentOverHttp;
  const notes: string[] = [];
  for (const pkg of plan.packages) {
    const doc = await ctx.tiktok.getShippingDocument(
      row.shopId,
      pkg.packageId,
      payload.settings.documentSize,
    );
    const bytes = await fetchDocument(doc.docUrl);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      return retry(row, `TikTok's label of package ${pkg.packageId} is not a PDF; the row is retried.`);
    if (bytes.length > MAX_LABEL_BYTES)
      return refused(row, labelTooLargeMessage(pkg.packageId, bytes.length));
    const trackingNumber = doc.trackingNumber || pkg.trackingNumber;
    const carrier =
      order?.line_items.find((l) => l.package_id === pkg.packageId)?.shipping_provider_name ?? '';
    let attached: Awaited<ReturnType<NetSuiteClient['attachLabels']>>;
    try {
      attached = await ctx.netsuite.attachLabels({
        shopId: row.shopId,
        orderId: row.orderId,
        fulfillmentId: payload.fulfillmentId,
        labels: [
          { packageId: pkg.packageId, trackingNumber, carrier, contentBase64: bytes.toString('base64') },
        ],
      });
    } catch (error) {
      // NetSuite refused the label (the RESTlet's message names the fix): the row fails with it.
      if (error instanceof NetSuiteError && !error.retryable)
        return refused(row, `NetSuite did not attach TikTok's label: ${error.netsuiteMessage}`);
      // NetSuite unreachable (or the process stopping): TikTok has the shipment; the row is sent
      // again and only fetches and attaches the label.
      return retry(
        row,
        `TikTok's label of package ${pkg.packageId} was fetched but not attached in NetSuite (${describeError(error)}); the row is retried.`,
      );
    }
    const file = attached.files[0];
    notes.push(
      `package ${pkg.packageId}: ${carrier ? `${carrier} ` : ''}${trackingNumber}, label file ${file?.fileId ?? '?'} (${bytes.length} bytes)`,
    );
  }
  return ok(
    row,
    arranged ? 'sent' : 'already_done',
    `${arranged ? 'TikTok arranged the shipment; ' : ''}TikTok's label attached to sales order ${payload.salesOrderId}${payload.fulfillmentId ? ` and item fulfillment ${payload.fulfillmentId}` : ''}: ${notes.join('; ')}.`,
  );
}
