import type { CancelPayload } from '../../../shared-types/src/outbox';
import type { TikTokOrder } from '../../../shared-types/src/tiktok-order';

/**
 * What to do with an `order.cancel` row given the TikTok order as it is now (reference §6.1, §6.7):
 * nothing when the order (or the requested items) is already cancelled, so a row delivered twice
 * (a crash between TikTok's answer and the acknowledgement) cancels once; refuse what TikTok does
 * not allow, with what the admin can do instead; otherwise the seller cancellation to send.
 */

/** Regions where a seller may cancel single line items (US, UK). */
export const ITEM_CANCEL_REGIONS = ['US', 'GB'];

export type CancelPlan =
  | { action: 'done'; message: string }
  | { action: 'refuse'; message: string }
  | { action: 'cancel'; lineItemIds: string[] | undefined; message: string };

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
  const whole = targets.length === openLines.length;
  if (whole) {
    return {
      action: 'cancel',
      lineItemIds: undefined,
      message: `Cancelled TikTok order ${order.id} (reason ${payload.reason}).`,
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
    message: `Cancelled items ${ids.join(', ')} of TikTok order ${order.id} (reason ${payload.reason}).`,
  };
}
