/**
 * Delivers `fulfillment.ship` and `fulfillment.update` rows to TikTok ("Push fulfillments information
 * to TikTok"): reads the order (Get Order Detail) and its delivery option's providers (Get Shipping
 * Providers), chooses the provider (shared-types/src/fulfillments/carrier-map.ts, with the Carrier Map
 * the pull attached), plans (shared-types/src/fulfillments/ship-plan.ts) and sends Mark Package As
 * Shipped, Ship Package or Update Package Shipping Info; a refusal gets the outcome of
 * shared-types/src/fulfillments/ship-refusals.ts. The order is read before anything is sent, so a row
 * delivered again after a lost acknowledgement or a bridge restart finds its line items shipped and
 * is done: nothing ships twice. The TikTok package id goes back in the acknowledgement, and NetSuite
 * writes it to the fulfillment.
 */
import type { TikTokProvider } from '../../../shared-types/src/fulfillments/carrier-map';
import { parseCarrierMap, resolveShippingProvider } from '../../../shared-types/src/fulfillments/carrier-map';
import type { FulfillmentPayload } from '../../../shared-types/src/fulfillments/fulfillment-payload';
import { planShipment } from '../../../shared-types/src/fulfillments/ship-plan';
import { refusalOutcome } from '../../../shared-types/src/fulfillments/ship-refusals';
import type { OutboxRow } from '../../../shared-types/src/outbox/outbox-contract';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import type { TikTokClient } from '../tiktok/client';
import { TikTokApiError } from '../tiktok/errors';
import type { Delivery, DeliveryOutcome } from './deliver';

export interface FulfillmentContext {
  tiktok: TikTokClient;
  region: string;
}

function done(row: OutboxRow, outcome: DeliveryOutcome, message: string, packageId?: string): Delivery {
  return {
    outcome,
    result: { outboxId: row.outboxId, ok: true, message, ...(packageId ? { packageId } : {}) },
  };
}

function refused(row: OutboxRow, message: string): Delivery {
  return { outcome: 'refused', result: { outboxId: row.outboxId, ok: false, retryable: false, message } };
}

function retry(row: OutboxRow, message: string): Delivery {
  return { outcome: 'retry', result: { outboxId: row.outboxId, ok: false, retryable: true, message } };
}

async function readOrder(ctx: FulfillmentContext, row: OutboxRow): Promise<TikTokOrder | undefined> {
  const orders = await ctx.tiktok.getOrderDetail(row.shopId, [row.orderId]);
  return orders.find((o) => o.id === row.orderId);
}

async function providersOf(
  ctx: FulfillmentContext,
  row: OutboxRow,
  order: TikTokOrder,
): Promise<TikTokProvider[]> {
  if (!order.delivery_option_id) return [];
  return ctx.tiktok.getShippingProviders(row.shopId, order.delivery_option_id);
}

type Send = 'mark' | 'ship_package' | 'update';

/** Sends one plan; a TikTok refusal comes back as the table's outcome. */
async function send(
  ctx: FulfillmentContext,
  row: OutboxRow,
  payload: FulfillmentPayload,
  order: TikTokOrder,
  provider: { providerId: string; providerName: string },
  usePackageModel: boolean,
): Promise<Delivery> {
  const tracking = payload.trackingNumbers[0] ?? '';
  const plan = planShipment(order, payload.lineItemIds, tracking, ctx.region, usePackageModel);
  const shipment = { trackingNumber: tracking, shippingProviderId: provider.providerId };
  const extra =
    payload.trackingNumbers.length > 1
      ? ` TikTok takes one tracking number per package: ${payload.trackingNumbers.slice(1).join(', ')} not sent.`
      : '';
  let kind: Send = 'mark';
  try {
    switch (plan.action) {
      case 'refuse':
        return refused(row, plan.message);
      case 'done':
        return done(row, 'already_done', plan.message, plan.packageId);
      case 'mark': {
        kind = 'mark';
        const result = await ctx.tiktok.markPackageShipped(row.shopId, row.orderId, {
          ...shipment,
          lineItemIds: plan.lineItemIds,
        });
        const warning = result.warning ? ` TikTok warned: ${result.warning}` : '';
        return done(
          row,
          'sent',
          `Shipped on TikTok as package ${result.packageId}: line items ${result.lineItemIds.join(', ')}, ${provider.providerName} ${tracking}.${warning}${extra}`,
          result.packageId,
        );
      }
      case 'ship_package':
        kind = 'ship_package';
        await ctx.tiktok.shipPackage(row.shopId, plan.packageId, shipment);
        return done(
          row,
          'sent',
          `Shipped TikTok package ${plan.packageId} with ${provider.providerName} ${tracking}.${extra}`,
          plan.packageId,
        );
      case 'update':
        kind = 'update';
        await ctx.tiktok.updatePackageShippingInfo(row.shopId, plan.packageId, shipment);
        return done(
          row,
          'sent',
          `Corrected TikTok package ${plan.packageId}: now ${provider.providerName} ${tracking}.`,
          plan.packageId,
        );
    }
  } catch (error) {
    if (!(error instanceof TikTokApiError) || error.retryable) throw error;
    const outcome = refusalOutcome(error.tiktokCode, kind === 'update' ? 'update' : 'ship');
    switch (outcome.action) {
      case 'package_model':
        if (usePackageModel) break;
        return send(ctx, row, payload, order, provider, true);
      case 'retry':
        return retry(row, `TikTok: ${error.tiktokMessage} — ${outcome.why}.`);
      case 'done':
      case 'recheck': {
        // Maybe an earlier delivery of this row shipped it: read the order again.
        const after = await readOrder(ctx, row);
        const again =
          after === undefined
            ? undefined
            : planShipment(after, payload.lineItemIds, tracking, ctx.region, usePackageModel);
        if (again?.action === 'done') return done(row, 'already_done', again.message, again.packageId);
        if (outcome.action === 'recheck') return refused(row, outcome.otherwise);
        return refused(
          row,
          `TikTok says these line items are shipped already (code ${error.tiktokCode}), but not with tracking number ${tracking}. Fix: check the order in TikTok Seller Center (shipped there?); correct the tracking number on the fulfillment if it is wrong.`,
        );
      }
      case 'exception':
        return refused(row, `TikTok refused: ${error.tiktokMessage} ${outcome.fix}`);
    }
    return refused(row, `TikTok refused: ${error.tiktokMessage} (code ${error.tiktokCode}).`);
  }
}

export async function deliverFulfillment(
  ctx: FulfillmentContext,
  row: OutboxRow,
  payload: FulfillmentPayload,
): Promise<Delivery> {
  const tracking = payload.trackingNumbers[0];
  if (tracking === undefined || payload.lineItemIds.length === 0) {
    return refused(
      row,
      'The record has no tracking number or no TikTok line item; it was not written by this connector version. Save the item fulfillment again to queue it anew.',
    );
  }
  const order = await readOrder(ctx, row);
  if (order === undefined)
    return refused(
      row,
      `TikTok returned no order ${row.orderId} for shop ${row.shopId}; nothing was shipped.`,
    );
  const providers = await providersOf(ctx, row, order);
  const parsed = parseCarrierMap(null, row.shopId);
  const map = parsed.ok
    ? { ...parsed.map, entries: payload.carrierMap ?? {} }
    : { shopName: row.shopId, entries: {} };
  const provider = resolveShippingProvider(payload.carrier, map, providers);
  if (!provider.ok) return refused(row, provider.problem);
  return send(ctx, row, payload, order, provider, false);
}
