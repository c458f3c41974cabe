/**
 * Delivers one outbox row to TikTok and says how to acknowledge it. The row's effect happens at
 * most once however often it is delivered: a cancellation first reads the order and does nothing
 * when it is already cancelled (and re-reads it when TikTok refuses, e.g. "already cancelled"); an
 * external reference is the same reference written again. A shop that must re-authorize stops
 * the pass (`ShopNeedsReauthError` is thrown, the row stays pending without an attempt counted).
 */
import type {
  CancelAnswerPayload,
  CancelPayload,
  ExternalRefPayload,
  ReturnAnswerPayload,
  ReturnReceivePayload,
  StatusPayload,
} from '../../../shared-types/src/outbox/outbox';
import { EXTERNAL_ORDER_PLATFORM } from '../../../shared-types/src/outbox/outbox';
import type { OutboxAckResult, OutboxRow } from '../../../shared-types/src/outbox/outbox-contract';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import { BridgeError, describeError } from '../core/errors';
import type { TikTokClient } from '../tiktok/client';
import { TikTokApiError } from '../tiktok/errors';
import { ShopNeedsReauthError } from '../tiktok/token-manager';
import { planCancelAnswer } from './cancel-answer-plan';
import { planSellerCancel } from './cancel-plan';
import { planReturnAnswer, planReturnReceive } from './return-answer-plan';
import { deliverFulfillment } from './fulfillment-delivery';
import type { FulfillmentReads } from './fulfillment-reads';
import type { FulfillmentPayload } from '../../../shared-types/src/fulfillments/fulfillment-payload';
import type { LabelRequestPayload } from '../../../shared-types/src/fulfillments/label-request';
import type { NetSuiteClient } from '../netsuite/client';
import { deliverLabelRequest, type DocumentFetcher } from './label-delivery';

export type DeliveryOutcome = 'sent' | 'already_done' | 'informational' | 'refused' | 'failed' | 'retry';

export interface Delivery {
  outcome: DeliveryOutcome;
  result: OutboxAckResult;
}

export interface DeliveryContext {
  tiktok: TikTokClient;
  /** The shop's TikTok region (`US`, `GB`, ...). */
  region: string;
  /** Fulfillment reads shared by the rows of one outbox pass (outbox/fulfillment-reads.ts). */
  reads?: FulfillmentReads;
  /** `label.request` rows attach the label in NetSuite (outbox/label-delivery.ts). */
  netsuite?: Pick<NetSuiteClient, 'attachLabels'>;
  /** Downloads a shipping document (default: HTTP GET). */
  fetchDocument?: DocumentFetcher;
}

function done(row: OutboxRow, outcome: DeliveryOutcome, message: string): Delivery {
  return { outcome, result: { outboxId: row.outboxId, ok: true, message } };
}

function failed(row: OutboxRow, outcome: 'refused' | 'failed', message: string): Delivery {
  return { outcome, result: { outboxId: row.outboxId, ok: false, retryable: false, message } };
}

async function currentOrder(ctx: DeliveryContext, row: OutboxRow): Promise<TikTokOrder | undefined> {
  const orders = await ctx.tiktok.getOrderDetail(row.shopId, [row.orderId]);
  return orders.find((order) => order.id === row.orderId);
}

/** A plan's verdicts that end a delivery without calling TikTok; any other action is the call to make. */
type Settled = { action: 'done' | 'refuse' | 'retry' | 'fail'; message: string };

function isSettled<P extends { action: string; message: string }>(plan: P | Settled): plan is Settled {
  return ['done', 'refuse', 'retry', 'fail'].includes(plan.action);
}

function settle(row: OutboxRow, plan: Settled): Delivery {
  switch (plan.action) {
    case 'done':
      return done(row, 'already_done', plan.message);
    case 'refuse':
      return failed(row, 'refused', plan.message);
    case 'fail':
      return failed(row, 'failed', plan.message);
    case 'retry':
      return {
        outcome: 'retry',
        result: { outboxId: row.outboxId, ok: false, retryable: true, message: plan.message },
      };
  }
}

/**
 * The shape of every delivery that acts on something TikTok may have changed meanwhile: read it and plan;
 * a plan that is already done, refused or to retry ends there; otherwise make the call. When TikTok refuses
 * the call (not retryable), read and plan again: an earlier delivery whose acknowledgement was lost, or
 * TikTok itself (a deadline passed, the package shipped), may have settled it — done and refuse plans say so;
 * else the refusal is TikTok's, in `refusal`'s words.
 */
export async function actOnce<P extends { action: string; message: string }>(
  row: OutboxRow,
  plan: () => Promise<P | Settled>,
  act: (plan: Exclude<P, Settled>) => Promise<string>,
  refusal: (error: TikTokApiError) => string,
): Promise<Delivery> {
  const first = await plan();
  if (isSettled(first)) return settle(row, first);
  try {
    return done(row, 'sent', await act(first as Exclude<P, Settled>));
  } catch (error) {
    if (!(error instanceof TikTokApiError) || error.retryable) throw error;
    const again = await plan();
    if (again.action === 'done' || again.action === 'refuse') return settle(row, again as Settled);
    return failed(row, 'refused', refusal(error));
  }
}

function deliverCancel(ctx: DeliveryContext, row: OutboxRow, payload: CancelPayload): Promise<Delivery> {
  return actOnce(
    row,
    async () => {
      const order = await currentOrder(ctx, row);
      if (order === undefined) {
        return {
          action: 'fail' as const,
          message: `TikTok returned no order ${row.orderId} for shop ${row.shopId}; nothing was cancelled.`,
        };
      }
      return planSellerCancel(order, payload, ctx.region);
    },
    async (plan) => {
      const result = await ctx.tiktok.cancelOrder(row.shopId, {
        orderId: row.orderId,
        reason: plan.reason,
        lineItemIds: plan.lineItemIds,
      });
      return `${plan.message} TikTok cancel id ${result.cancelId} (${result.cancelStatus}).`;
    },
    (error) => `TikTok refused the cancellation: ${error.tiktokMessage} (code ${error.tiktokCode}).`,
  );
}

async function deliverExternalRef(
  ctx: DeliveryContext,
  row: OutboxRow,
  payload: ExternalRefPayload,
): Promise<Delivery> {
  const errors = await ctx.tiktok.addExternalOrderReference(row.shopId, row.orderId, {
    id: payload.tranId,
    platform: EXTERNAL_ORDER_PLATFORM,
    line_items: payload.lines.map((line) => ({ id: line.netsuiteLine, origin_id: line.tiktokLineId })),
  });
  const mine = errors.find((e) => e.detail?.order_id === undefined || e.detail.order_id === row.orderId);
  if (mine !== undefined) {
    return failed(
      row,
      'refused',
      `TikTok did not store sales order ${payload.tranId} as the external reference of order ${row.orderId}: ${mine.message} (code ${mine.code}).`,
    );
  }
  return done(
    row,
    'sent',
    `TikTok order ${row.orderId} now references NetSuite sales order ${payload.tranId}.`,
  );
}

async function currentCancellation(ctx: DeliveryContext, row: OutboxRow, cancelId: string) {
  const found = await ctx.tiktok.searchCancellations(row.shopId, { cancelIds: [cancelId] });
  return found.find((c) => c.cancel_id === cancelId);
}

/**
 * The answer to a buyer's cancellation request: read the request first, so a row delivered twice
 * (its acknowledgement lost) or overtaken by TikTok (the deadline passed, the package shipped) does
 * what cancel-answer-plan.ts says; TikTok's idempotency key is the row's.
 */
function deliverCancelAnswer(
  ctx: DeliveryContext,
  row: OutboxRow,
  payload: CancelAnswerPayload,
): Promise<Delivery> {
  return actOnce(
    row,
    async () =>
      planCancelAnswer(
        await currentCancellation(ctx, row, payload.cancelId),
        payload,
        ctx.region,
        row.orderId,
      ),
    async (plan) => {
      await ctx.tiktok.answerCancellation(
        row.shopId,
        payload.cancelId,
        plan.action === 'approve' ? { decision: 'approve' } : { decision: 'reject', reason: plan.reason },
        row.idempotencyKey,
      );
      return plan.message;
    },
    (error) =>
      `TikTok refused the answer to buyer cancellation request ${payload.cancelId}: ${error.tiktokMessage} (code ${error.tiktokCode}). Answer it in TikTok Seller Center before its deadline.`,
  );
}

async function currentReturn(ctx: DeliveryContext, row: OutboxRow, returnId: string) {
  const found = await ctx.tiktok.searchReturns(row.shopId, { returnIds: [returnId] });
  return found.find((r) => r.return_id === returnId);
}

/**
 * The seller's answer to a return request given in NetSuite: read the return first, so a row delivered
 * twice (its acknowledgement lost) or overtaken by TikTok (approved at the deadline, cancelled by the
 * buyer) does what return-answer-plan.ts says; TikTok's idempotency key is the row's.
 */
function deliverReturnAnswer(
  ctx: DeliveryContext,
  row: OutboxRow,
  payload: ReturnAnswerPayload,
): Promise<Delivery> {
  return actOnce(
    row,
    async () =>
      planReturnAnswer(await currentReturn(ctx, row, payload.returnId), payload, ctx.region, row.orderId),
    async (plan) => {
      await ctx.tiktok.answerReturn(
        row.shopId,
        payload.returnId,
        plan.action === 'approve'
          ? { approve: true, decision: plan.decision }
          : { approve: false, decision: plan.decision, reason: plan.reason },
        row.idempotencyKey,
      );
      return plan.message;
    },
    (error) =>
      `TikTok refused the answer to return ${payload.returnId}: ${error.tiktokMessage} (code ${error.tiktokCode}). Answer it in TikTok Seller Center before its deadline.`,
  );
}

/** The goods of a return were received in NetSuite: "package received" (return-answer-plan.ts#planReturnReceive). */
function deliverReturnReceive(
  ctx: DeliveryContext,
  row: OutboxRow,
  payload: ReturnReceivePayload,
): Promise<Delivery> {
  return actOnce(
    row,
    async () => planReturnReceive(await currentReturn(ctx, row, payload.returnId), payload, row.orderId),
    async (plan) => {
      await ctx.tiktok.answerReturn(
        row.shopId,
        payload.returnId,
        { approve: true, decision: plan.decision },
        row.idempotencyKey,
      );
      return plan.message;
    },
    (error) =>
      `TikTok refused "package received" for return ${payload.returnId}: ${error.tiktokMessage} (code ${error.tiktokCode}). Confirm the package in TikTok Seller Center before its deadline.`,
  );
}

function describeStatus(row: OutboxRow, payload: StatusPayload): Delivery {
  const change = `NetSuite status ${payload.previousStatus ?? '(none)'} → ${payload.status}`;
  const note = payload.impliesCancel
    ? ' The sales order is cancelled or closed in NetSuite; TikTok is changed only by an order.cancel record, written when "Cancel TikTok orders cancelled in NetSuite" is on.'
    : '';
  return done(
    row,
    'informational',
    `Recorded ${change}; TikTok has no API to set an order status, so TikTok was not changed.${note}`,
  );
}

async function deliverByKind(ctx: DeliveryContext, row: OutboxRow): Promise<Delivery> {
  switch (row.kind) {
    case 'order.cancel':
      return deliverCancel(ctx, row, row.payload as CancelPayload);
    case 'order.external_ref':
      return deliverExternalRef(ctx, row, row.payload as ExternalRefPayload);
    case 'order.status':
      return describeStatus(row, row.payload as StatusPayload);
    case 'order.cancel_answer':
      return deliverCancelAnswer(ctx, row, row.payload as CancelAnswerPayload);
    case 'return.answer':
      return deliverReturnAnswer(ctx, row, row.payload as ReturnAnswerPayload);
    case 'return.receive':
      return deliverReturnReceive(ctx, row, row.payload as ReturnReceivePayload);
    case 'fulfillment.ship':
    case 'fulfillment.update':
      return deliverFulfillment(ctx, row, row.payload as FulfillmentPayload);
    case 'label.request':
      return deliverLabelRequest(ctx, row, row.payload as LabelRequestPayload);
    default:
      return failed(
        row,
        'failed',
        `This bridge does not know outbox kind ${JSON.stringify(row.kind)}; upgrade the bridge.`,
      );
  }
}

export async function deliverOutboxRow(ctx: DeliveryContext, row: OutboxRow): Promise<Delivery> {
  try {
    return await deliverByKind(ctx, row);
  } catch (error) {
    if (error instanceof ShopNeedsReauthError) throw error;
    const message = describeError(error);
    if (error instanceof BridgeError && error.retryable) {
      return { outcome: 'retry', result: { outboxId: row.outboxId, ok: false, retryable: true, message } };
    }
    return failed(row, 'failed', message);
  }
}
