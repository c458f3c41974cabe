/**
 * Delivers `fulfillment.ship` and `fulfillment.update` rows to TikTok ("Push fulfillments information
 * to TikTok"): reads the order (Get Order Detail) and its delivery option's providers (Get Shipping
 * Providers) — once per outbox pass when the pass shares its reads (outbox/fulfillment-reads.ts) —,
 * chooses the provider (shared-types/src/fulfillments/carrier-map.ts, with the Carrier Map the pull
 * attached), splits a fulfillment of several tracking numbers into TikTok packages
 * (shared-types/src/fulfillments/package-split.ts), plans each (shared-types/src/fulfillments/ship-plan.ts)
 * and sends Mark Package As Shipped, Ship Package or Update Package Shipping Info; a refusal gets the
 * outcome of shared-types/src/fulfillments/ship-refusals.ts. The order is read before anything is
 * sent, so a row delivered again after a lost acknowledgement or a bridge restart finds its line
 * items shipped and is done: nothing ships twice. The (first) TikTok package id goes back in the
 * acknowledgement, and NetSuite writes it to the fulfillment.
 */
import type { TikTokProvider } from '../../../shared-types/src/fulfillments/carrier-map';
import { parseCarrierMap, resolveShippingProvider } from '../../../shared-types/src/fulfillments/carrier-map';
import type { FulfillmentPayload } from '../../../shared-types/src/fulfillments/fulfillment-payload';
import { isTikTokShipping } from '../../../shared-types/src/fulfillments/label-plan';
import type { PlannedPackage } from '../../../shared-types/src/fulfillments/package-split';
import { splitIntoPackages } from '../../../shared-types/src/fulfillments/package-split';
import { MARK_SHIPPED_REGIONS, planShipment } from '../../../shared-types/src/fulfillments/ship-plan';
import { refusalOutcome } from '../../../shared-types/src/fulfillments/ship-refusals';
import type { OutboxRow } from '../../../shared-types/src/outbox/outbox-contract';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import type { TikTokClient } from '../tiktok/client';
import { TikTokApiError } from '../tiktok/errors';
import type { Delivery, DeliveryOutcome } from './deliver';
import type { FulfillmentReads } from './fulfillment-reads';

export interface FulfillmentContext {
  tiktok: TikTokClient;
  region: string;
  /** The pass's shared reads; absent: each row reads for itself. */
  reads?: FulfillmentReads;
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

async function readOrder(
  ctx: FulfillmentContext,
  row: OutboxRow,
  fresh = false,
): Promise<TikTokOrder | undefined> {
  if (ctx.reads) return ctx.reads.order(row.orderId, fresh);
  const orders = await ctx.tiktok.getOrderDetail(row.shopId, [row.orderId]);
  return orders.find((o) => o.id === row.orderId);
}

async function providersOf(
  ctx: FulfillmentContext,
  row: OutboxRow,
  order: TikTokOrder,
): Promise<TikTokProvider[]> {
  if (!order.delivery_option_id) return [];
  if (ctx.reads) return ctx.reads.shippingProviders(order.delivery_option_id);
  return ctx.tiktok.getShippingProviders(row.shopId, order.delivery_option_id);
}

/** What became of one TikTok package of the row. */
type PackageOutcome =
  | { kind: 'sent' | 'done'; packageId: string; message: string }
  | { kind: 'retry' | 'refused'; message: string };

interface Provider {
  providerId: string;
  providerName: string;
}

type Send = 'mark' | 'ship_package' | 'update';

/** Sends one package's plan; a TikTok refusal comes back as the table's outcome. */
async function sendPackage(
  ctx: FulfillmentContext,
  row: OutboxRow,
  pkg: PlannedPackage,
  order: TikTokOrder,
  provider: Provider,
  usePackageModel: boolean,
): Promise<PackageOutcome> {
  const tracking = pkg.trackingNumber;
  const plan = planShipment(order, pkg.lineItemIds, tracking, ctx.region, usePackageModel);
  const shipment = { trackingNumber: tracking, shippingProviderId: provider.providerId };
  let kind: Send = 'mark';
  try {
    switch (plan.action) {
      case 'refuse':
        return { kind: 'refused', message: plan.message };
      case 'done':
        return { kind: 'done', packageId: plan.packageId, message: plan.message };
      case 'mark': {
        kind = 'mark';
        const result = await ctx.tiktok.markPackageShipped(row.shopId, row.orderId, {
          ...shipment,
          lineItemIds: plan.lineItemIds,
        });
        const warning = result.warning ? ` TikTok warned: ${result.warning}` : '';
        return {
          kind: 'sent',
          packageId: result.packageId,
          message: `Shipped on TikTok as package ${result.packageId}: line items ${result.lineItemIds.join(', ')}, ${provider.providerName} ${tracking}.${warning}`,
        };
      }
      case 'ship_package':
        kind = 'ship_package';
        await ctx.tiktok.shipPackage(row.shopId, plan.packageId, shipment);
        return {
          kind: 'sent',
          packageId: plan.packageId,
          message: `Shipped TikTok package ${plan.packageId} with ${provider.providerName} ${tracking}.`,
        };
      case 'update':
        kind = 'update';
        await ctx.tiktok.updatePackageShippingInfo(row.shopId, plan.packageId, shipment);
        return {
          kind: 'sent',
          packageId: plan.packageId,
          message: `Corrected TikTok package ${plan.packageId}: now ${provider.providerName} ${tracking}.`,
        };
    }
  } catch (error) {
    if (!(error instanceof TikTokApiError) || error.retryable) throw error;
    const outcome = refusalOutcome(error.tiktokCode, kind === 'update' ? 'update' : 'ship');
    switch (outcome.action) {
      case 'package_model':
        if (usePackageModel) break;
        return sendPackage(ctx, row, pkg, order, provider, true);
      case 'retry':
        return { kind: 'retry', message: `TikTok: ${error.tiktokMessage} — ${outcome.why}.` };
      case 'done':
      case 'recheck': {
        // Maybe an earlier delivery of this row shipped it: read the order again.
        const after = await readOrder(ctx, row, true);
        const again =
          after === undefined
            ? undefined
            : planShipment(after, pkg.lineItemIds, tracking, ctx.region, usePackageModel);
        if (again?.action === 'done')
          return { kind: 'done', packageId: again.packageId, message: again.message };
        if (outcome.action === 'recheck') return { kind: 'refused', message: outcome.otherwise };
        return {
          kind: 'refused',
          message: `TikTok says these line items are shipped already (code ${error.tiktokCode}), but not with tracking number ${tracking}. Fix: check the order in TikTok Seller Center (shipped there?); correct the tracking number on the fulfillment if it is wrong.`,
        };
      }
      case 'exception':
        return { kind: 'refused', message: `TikTok refused: ${error.tiktokMessage} ${outcome.fix}` };
    }
    return { kind: 'refused', message: `TikTok refused: ${error.tiktokMessage} (code ${error.tiktokCode}).` };
  }
}

export async function deliverFulfillment(
  ctx: FulfillmentContext,
  row: OutboxRow,
  payload: FulfillmentPayload,
): Promise<Delivery> {
  if (payload.trackingNumbers[0] === undefined || payload.lineItemIds.length === 0) {
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
  // TikTok Shipping (issue #15): the label was arranged from NetSuite (label.request), so TikTok has
  // the package with its own carrier; the fulfillment carries that number: nothing to send.
  if (isTikTokShipping(order)) {
    const plans = payload.trackingNumbers.map((tracking) =>
      planShipment(order, payload.lineItemIds, tracking, ctx.region),
    );
    const [first] = plans;
    if (first?.action === 'done' && plans.length === 1)
      return done(row, 'already_done', first.message, first.packageId);
  }
  const providers = await providersOf(ctx, row, order);
  const parsed = parseCarrierMap(null, row.shopId);
  const map = parsed.ok
    ? { ...parsed.map, entries: payload.carrierMap ?? {} }
    : { shopName: row.shopId, entries: {} };
  const provider = resolveShippingProvider(payload.carrier, map, providers);
  if (!provider.ok) return refused(row, provider.problem);
  const split = splitIntoPackages(
    payload.lineItemIds,
    payload.trackingNumbers,
    MARK_SHIPPED_REGIONS.includes(ctx.region),
  );
  const outcomes: PackageOutcome[] = [];
  for (const pkg of split.packages) {
    const outcome = await sendPackage(ctx, row, pkg, order, provider, false);
    if (outcome.kind === 'sent') ctx.reads?.forget(row.orderId);
    outcomes.push(outcome);
  }
  const unsent =
    split.unsent.length > 0
      ? ` TikTok takes one tracking number per package and ships a line item in one package: ${split.unsent.join(', ')} not sent.`
      : '';
  const message = outcomes.map((o) => o.message).join(' ') + unsent;
  if (outcomes.some((o) => o.kind === 'refused')) return refused(row, message);
  if (outcomes.some((o) => o.kind === 'retry')) return retry(row, message);
  const packageId = outcomes.flatMap((o) => ('packageId' in o ? [o.packageId] : []))[0];
  return done(row, outcomes.some((o) => o.kind === 'sent') ? 'sent' : 'already_done', message, packageId);
}
