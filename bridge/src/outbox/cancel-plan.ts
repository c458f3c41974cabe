/**
 * What to do with an `order.cancel` row given the TikTok order as it is now (TikTok's Get Order Detail, TikTok's Search Cancellations):
 * nothing when the order (or the requested items) is already cancelled, so a row delivered twice
 * (a crash between TikTok's answer and the acknowledgement) cancels once; refuse what TikTok does
 * not allow, with what the admin can do instead; otherwise the seller cancellation to send, with
 * the reason code: the one chosen on the sales order when TikTok takes it for the shop's market and
 * the order's status now (the user event checked it at save; the status may have moved since), else
 * refused naming the reasons that fit; with none chosen, the market's default for the status
 * (shared-types/src/cancellations/cancel-reason-choice.ts).
 */
import {
  checkCancelReasonChoice,
  defaultCancelReason,
} from '../../../shared-types/src/cancellations/cancel-reason-choice';
import type { CancelPayload } from '../../../shared-types/src/outbox/outbox';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';

/** Regions where a seller may cancel single line items (US, UK). */
export const ITEM_CANCEL_REGIONS = ['US', 'GB'];

export type CancelPlan =
  | { action: 'done'; message: string }
  | { action: 'refuse'; message: string }
  | { action: 'cancel'; lineItemIds: string[] | undefined; reason: string; message: string };

const isOpen = (line: TikTokOrder['line_items'][number]): boolean => line.display_status !== 'CANCELLED';

function statusProblem(order: TikTokOrder, region: string): string | null {
  switch (order.status) {
    case 'DELIVERED':
    case 'COMPLETED':
      return `TikTok order ${order.id} is ${order.status} and can no longer be cancelled; handle it as a return in TikTok Seller Center.`;
    case 'IN_TRANSIT':
      return `TikTok order ${order.id} is already in transit with the carrier and cannot be cancelled by the seller; handle it as a return in TikTok Seller Center.`;
    case 'AWAITING_COLLECTION':
      return region === 'US'
        ? null
        : `TikTok order ${order.id} is awaiting collection; only US shops may cancel an order in that status. Cancel the shipment in TikTok Seller Center first, or handle it as a return.`;
    default:
      return null;
  }
}

/** The reason code to send, or the refusal naming what fits. */
function reasonFor(
  order: TikTokOrder,
  payload: CancelPayload,
  region: string,
): { ok: true; code: string } | { ok: false; message: string } {
  if (payload.reason === '') {
    const fallback = defaultCancelReason(region, order.status);
    return fallback === null
      ? {
          ok: false,
          message: `TikTok takes no seller cancel reason for TikTok order ${order.id} (${region || 'unknown region'}, ${order.status}); nothing was cancelled. Cancel it in TikTok Seller Center.`,
        }
      : { ok: true, code: fallback.code };
  }
  const check = checkCancelReasonChoice(payload.reason, {
    region,
    status: order.status,
    tiktokOrderId: order.id,
  });
  return check.ok
    ? { ok: true, code: payload.reason }
    : { ok: false, message: `${check.message} Nothing was cancelled.` };
}

export function planSellerCancel(order: TikTokOrder, payload: CancelPayload, region: string): CancelPlan {
  if (order.status === 'CANCELLED') {
    return { action: 'done', message: `TikTok order ${order.id} is already cancelled.` };
  }
  const openLines = order.line_items.filter(isOpen);
  let targets = openLines;
  if (payload.scope === 'lines') {
    const known = order.line_items.filter((line) => payload.lineItemIds.includes(line.id));
    if (known.length === 0) {
      return {
        action: 'refuse',
        message: `None of the line items ${payload.lineItemIds.join(', ')} are in TikTok order ${order.id}; nothing was cancelled.`,
      };
    }
    targets = known.filter(isOpen);
    if (targets.length === 0) {
      return {
        action: 'done',
        message: `Line items ${known.map((line) => line.id).join(', ')} of TikTok order ${order.id} are already cancelled.`,
      };
    }
  }
  const problem = statusProblem(order, region);
  if (problem !== null) {
    return { action: 'refuse', message: problem };
  }
  const reason = reasonFor(order, payload, region);
  if (!reason.ok) {
    return { action: 'refuse', message: reason.message };
  }
  const whole = targets.length === openLines.length;
  if (whole) {
    return {
      action: 'cancel',
      lineItemIds: undefined,
      reason: reason.code,
      message: `Cancelled TikTok order ${order.id} (reason ${reason.code}).`,
    };
  }
  if (!ITEM_CANCEL_REGIONS.includes(region)) {
    return {
      action: 'refuse',
      message: `TikTok allows cancelling single items only for US and UK shops (this shop is ${region || 'of an unknown region'}); items ${targets.map((line) => line.id).join(', ')} of order ${order.id} were not cancelled. Cancel them in TikTok Seller Center, or close every line of the sales order to cancel the whole order.`,
    };
  }
  const ids = targets.map((line) => line.id);
  return {
    action: 'cancel',
    lineItemIds: ids,
    reason: reason.code,
    message: `Cancelled items ${ids.join(', ')} of TikTok order ${order.id} (reason ${reason.code}).`,
  };
}
