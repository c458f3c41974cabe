/**
 * What to do with a `return.answer` row given the return as TikTok has it now (TikTok's Search
 * Returns; shared-types/src/returns/return-answer.ts): answer a request still pending (Approve Return /
 * Reject Return with TikTok's decision for its type); a request TikTok already approved (the seller's
 * earlier delivery whose acknowledgement was lost, or TikTok itself at the deadline) or rejected is done
 * when it ended as the answer wanted, else refused with what happened and what to do — a reject that
 * arrives after TikTok approved at the deadline is a late answer, and its message says so. The reject
 * reason is checked against the market again (the user event checked it at save).
 */
import { formatDeadline } from '../../../shared-types/src/cancellations/buyer-cancel-request';
import type { ReturnAnswerPayload, ReturnReceivePayload } from '../../../shared-types/src/outbox/outbox';
import { returnAnswerStand, tiktokDecision } from '../../../shared-types/src/returns/return-answer';
import type { TikTokReturn } from '../../../shared-types/src/returns/tiktok-return';
import { checkSellerRejectReturnReason } from '../../../shared-types/src/returns/tiktok-return-reasons';

export type ReturnAnswerPlan =
  | { action: 'done'; message: string }
  | { action: 'refuse'; message: string }
  | { action: 'approve'; decision: string; message: string }
  | { action: 'reject'; decision: string; reason: string; message: string };

/** The message's words for a late answer: the outbox row and the return record show it as an exception. */
export const LATE_RETURN_ANSWER = 'Late answer';

export function planReturnAnswer(
  ret: TikTokReturn | undefined,
  payload: ReturnAnswerPayload,
  region: string,
  orderId: string,
): ReturnAnswerPlan {
  const request = `TikTok return ${payload.returnId} of order ${orderId}`;
  if (ret === undefined) {
    return {
      action: 'refuse',
      message: `TikTok has no ${request}; nothing was sent. Check the return in TikTok Seller Center.`,
    };
  }
  const status = ret.return_status;
  const stand = returnAnswerStand(status);
  const arbitration = ret.arbitration_status?.trim() ?? '';
  if (stand === 'approved') {
    return payload.decision === 'approve'
      ? { action: 'done', message: `TikTok has already approved the ${request} (${status}).` }
      : {
          action: 'refuse',
          message: `${LATE_RETURN_ANSWER}: TikTok approved the ${request} before the reject arrived (now ${status}${payload.deadline === null ? '' : `; its response deadline was ${formatDeadline(payload.deadline)}`}), so the reject was not sent. Fix: receive the goods on the return authorization when they come back; if the return should not stand, contest it in TikTok Seller Center.`,
        };
  }
  if (stand === 'rejected') {
    return payload.decision === 'reject'
      ? { action: 'done', message: `TikTok has already rejected the ${request}.` }
      : {
          action: 'refuse',
          message: `The ${request} was rejected in TikTok (${status}) before the approval arrived${arbitration === '' ? '' : ` and is in arbitration (${arbitration})`}; nothing was sent. Fix: wait for TikTok's decision; the connector updates the return authorization when TikTok changes the return.`,
        };
  }
  if (stand === 'cancelled') {
    return {
      action: 'refuse',
      message: `The buyer cancelled the ${request} (${status}); nothing was sent. Nothing to do: the connector closes the return authorization.`,
    };
  }
  if (stand !== 'pending') {
    return {
      action: 'refuse',
      message: `TikTok reports the ${request} as ${JSON.stringify(status)}, which does not await an answer to the request; nothing was sent. Answer it in TikTok Seller Center.`,
    };
  }
  if (arbitration !== '') {
    return {
      action: 'refuse',
      message: `The ${request} is in TikTok arbitration (${arbitration}); TikTok takes no answer from the seller now. Wait for TikTok's decision.`,
    };
  }
  const decision = tiktokDecision(payload.decision, ret.return_type);
  if (payload.decision === 'approve') {
    return { action: 'approve', decision, message: `Approved the ${request} (${decision}).` };
  }
  const check = checkSellerRejectReturnReason(region, ret.return_type, 'REQUEST', payload.rejectReason);
  if (check !== 'valid') {
    return {
      action: 'refuse',
      message: `TikTok does not take reject reason ${JSON.stringify(payload.rejectReason)} for a ${ret.return_type} request in region ${region} (${check}); nothing was sent. Answer the return in TikTok Seller Center before its deadline.`,
    };
  }
  return {
    action: 'reject',
    decision,
    reason: payload.rejectReason,
    message: `Rejected the ${request} (${decision}, reason ${payload.rejectReason}).`,
  };
}

/**
 * What to do with a `return.receive` row (the goods were received in NetSuite) given the return as TikTok
 * has it now: a return whose buyer shipped the parcel (BUYER_SHIPPED_ITEM) is confirmed with Approve
 * Return `APPROVE_RECEIVED_PACKAGE`; one TikTok already refunded (the seller confirmed in Seller Center,
 * or TikTok at its deadline) is done; one TikTok does not yet show as shipped is retried later (the
 * webhook may be behind the warehouse); any other status is refused with what to do.
 */
export type ReturnReceivePlan =
  | { action: 'done'; message: string }
  | { action: 'refuse'; message: string }
  | { action: 'retry'; message: string }
  | { action: 'approve'; decision: 'APPROVE_RECEIVED_PACKAGE'; message: string };

const REFUNDED = ['RETURN_OR_REFUND_REQUEST_SUCCESS', 'RETURN_OR_REFUND_REQUEST_COMPLETE'];

export function planReturnReceive(
  ret: TikTokReturn | undefined,
  payload: ReturnReceivePayload,
  orderId: string,
): ReturnReceivePlan {
  const request = `TikTok return ${payload.returnId} of order ${orderId}`;
  if (ret === undefined) {
    return { action: 'refuse', message: `TikTok has no ${request}; nothing was sent.` };
  }
  const status = ret.return_status;
  if (REFUNDED.includes(status)) {
    return {
      action: 'done',
      message: `TikTok has already confirmed the package of the ${request} (${status}).`,
    };
  }
  if ((ret.arbitration_status?.trim() ?? '') !== '') {
    return {
      action: 'refuse',
      message: `The ${request} is in TikTok arbitration (${ret.arbitration_status ?? ''}); TikTok takes no confirmation from the seller now. Wait for TikTok's decision.`,
    };
  }
  if (status === 'BUYER_SHIPPED_ITEM') {
    return {
      action: 'approve',
      decision: 'APPROVE_RECEIVED_PACKAGE',
      message: `Confirmed the package of the ${request} as received (item receipt ${payload.receiptId}); TikTok refunds the buyer.`,
    };
  }
  if (status === 'AWAITING_BUYER_SHIP') {
    return {
      action: 'retry',
      message: `TikTok does not show the parcel of the ${request} as shipped yet; the "package received" is sent again later.`,
    };
  }
  return {
    action: 'refuse',
    message: `The goods of the ${request} were received in NetSuite (item receipt ${payload.receiptId}) but TikTok has it as ${status}, where no package can be confirmed; nothing was sent. Check the return in TikTok Seller Center.`,
  };
}
