/**
 * What to do with an `order.cancel_answer` row given the buyer's cancellation request as TikTok has
 * it now (TikTok's Search Cancellations; shared-types/src/cancellations/buyer-cancel-request.ts): answer a
 * request still pending (Approve or Reject Cancellation); a request TikTok already approved (the
 * seller's earlier delivery whose acknowledgement was lost, or TikTok itself at the deadline) or
 * closed (rejected, withdrawn, shipped) is done when it ended as the answer wanted, else refused
 * with what happened and what to do. A reject reason is checked against the market again (the user
 * event checked it at save).
 */
import type { TikTokCancellationRecord } from '../../../shared-types/src/cancellations/buyer-cancel-request';
import {
  CANCELLATION_PENDING,
  formatDeadline,
} from '../../../shared-types/src/cancellations/buyer-cancel-request';
import type { CancelAnswerPayload } from '../../../shared-types/src/outbox/outbox';
import { sellerRejectCancelReasons } from '../../../shared-types/src/cancellations/tiktok-cancel-reasons';

export type CancelAnswerPlan =
  | { action: 'done'; message: string }
  | { action: 'refuse'; message: string }
  | { action: 'approve'; message: string }
  | { action: 'reject'; reason: string; message: string };

const APPROVED = ['CANCELLATION_REQUEST_SUCCESS', 'CANCELLATION_REQUEST_COMPLETE'];
const CLOSED = ['CANCELLATION_REQUEST_CANCELLED', 'CANCELLATION_REQUEST_CANCEL'];

export function planCancelAnswer(
  cancellation: TikTokCancellationRecord | undefined,
  payload: CancelAnswerPayload,
  region: string,
  orderId: string,
): CancelAnswerPlan {
  const request = `buyer cancellation request ${payload.cancelId} of TikTok order ${orderId}`;
  if (cancellation === undefined) {
    return {
      action: 'refuse',
      message: `TikTok has no ${request}; nothing was sent. Check the order in TikTok Seller Center.`,
    };
  }
  const status = cancellation.cancel_status ?? '';
  if (APPROVED.includes(status)) {
    return payload.decision === 'approve'
      ? { action: 'done', message: `TikTok has already approved the ${request}; the order is cancelled.` }
      : {
          action: 'refuse',
          message: `TikTok approved the ${request} before the reject arrived${payload.deadline === null ? '' : ` (its answer deadline was ${formatDeadline(payload.deadline)})`}: TikTok cancelled the order, and the connector closes its sales order with the next update. Nothing else to do unless the goods already left: then ask the buyer to refuse or return them.`,
        };
  }
  if (CLOSED.includes(status)) {
    return payload.decision === 'reject'
      ? { action: 'done', message: `The ${request} is already closed without cancelling the order.` }
      : {
          action: 'refuse',
          message: `The ${request} was closed before the approval arrived (rejected, withdrawn by the buyer, or the package shipped), so TikTok keeps the order. To cancel it anyway, close the sales order with a TikTok Cancel Reason ("Cancel TikTok orders cancelled in NetSuite" on), or cancel it in TikTok Seller Center.`,
        };
  }
  if (status !== CANCELLATION_PENDING) {
    return {
      action: 'refuse',
      message: `TikTok reports the ${request} as ${JSON.stringify(status)}, which the connector does not know; nothing was sent. Answer it in TikTok Seller Center.`,
    };
  }
  if (payload.decision === 'approve') {
    return { action: 'approve', message: `Approved the ${request}; TikTok cancels the order.` };
  }
  const reasons = sellerRejectCancelReasons(region);
  if (!reasons.some((reason) => reason.code === payload.rejectReason)) {
    const listed = reasons.map((reason) => reason.code).join(', ');
    return {
      action: 'refuse',
      message: `TikTok does not take reject reason ${JSON.stringify(payload.rejectReason)} for region ${region} (${listed === '' ? 'it lists none' : `it takes ${listed}`}); nothing was sent. Answer the request in TikTok Seller Center before its deadline.`,
    };
  }
  return {
    action: 'reject',
    reason: payload.rejectReason,
    message: `Rejected the ${request} (reason ${payload.rejectReason}); TikTok keeps the order.`,
  };
}
